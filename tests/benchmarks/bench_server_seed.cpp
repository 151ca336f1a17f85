// Fills a data directory for scripts/bench-server: an admin who signs in
// with the password on standard input, `providers` clinicians with weekday
// availability, 2,000 clients and `perProvider` appointments per provider
// (eight a weekday, going back in time from 2030-01-07), written straight
// to storage in one transaction: the API would take an hour for a million.
// Writes the provider ids, one a line, to <data-dir>/providers.txt.
#include "base/WallClock.h"
#include "domain/Appointment.h"
#include "server/Practice.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QTextStream>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace mss;

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({u"data-dir"_s, u"directory"_s, u"dir"_s});
    parser.addOption({u"providers"_s, u"providers"_s, u"n"_s, u"200"_s});
    parser.addOption({u"per-provider"_s, u"appointments per provider"_s, u"n"_s, u"5000"_s});
    parser.process(app);
    const int providers = parser.value(u"providers"_s).toInt();
    const int perProvider = parser.value(u"per-provider"_s).toInt();
    QTextStream err(stderr);

    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return 2;
    const QByteArray password = in.readAll().trimmed();

    SystemClock clock;
    auto opened = server::Practice::open(parser.value(u"data-dir"_s), clock);
    if (!opened) {
        err << opened.error() << '\n';
        return 2;
    }
    server::Practice& practice = **opened;
    const QTimeZone zone("America/New_York");
    storage::WriteTransaction tx(practice.db());
    if (!practice.setTimeZone(zone))
        return 2;
    domain::Staff admin;
    admin.firstName = u"Bench"_s;
    admin.lastName = u"Admin"_s;
    admin.email = u"admin@bench.practice"_s;
    admin.role = domain::StaffRole::PracticeAdmin;
    if (!practice.addStaff(admin, password))
        return 2;

    QStringList clientIds;
    for (int i = 0; i < 2000; ++i) {
        QJsonObject doc{{"firstName"_L1, u"Client"_s}, {"lastName"_L1, QString::number(i)}};
        practice.stamp(doc, admin.id().toString(), 0);
        if (!practice.records().put(storage::RecordKind::Client, doc))
            return 2;
        clientIds << doc.value("_id"_L1).toString();
    }

    QFile list(parser.value(u"data-dir"_s) + u"/providers.txt"_s);
    if (!list.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return 2;
    const QDate last(2030, 1, 4); // a Friday
    const int hours[] = {9, 10, 11, 12, 14, 15, 16, 17};
    qint64 written = 0;
    for (int p = 0; p < providers; ++p) {
        domain::Staff staff;
        staff.firstName = u"Provider"_s;
        staff.lastName = QString::number(p);
        staff.email = u"provider%1@bench.practice"_s.arg(p);
        if (!practice.addStaff(staff, {}))
            return 2;
        const QString providerId = staff.id().toString();
        list.write(providerId.toLatin1() + '\n');
        for (const char* day : {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}) {
            QJsonObject doc{
                {"provider"_L1, providerId},  {"dayOfWeek"_L1, QString::fromLatin1(day)},
                {"startTime"_L1, u"08:00"_s}, {"endTime"_L1, u"19:00"_s},
                {"isAvailable"_L1, true},     {"isRecurring"_L1, true},
                {"location"_L1, u"Both"_s}};
            practice.stamp(doc, admin.id().toString(), 0);
            if (!practice.records().put(storage::RecordKind::ProviderAvailability, doc))
                return 2;
        }
        QDate date = last;
        int made = 0;
        while (made < perProvider) {
            if (date.dayOfWeek() <= 5) {
                for (int h = 0; h < 8 && made < perProvider; ++h, ++made) {
                    domain::Appointment a;
                    a.client.id = *domain::ObjectId::fromString(
                        clientIds.at((p * 8 + h + made) % clientIds.size()));
                    a.provider.id = staff.id();
                    a.startTime = wallClockToUtc(date, QTime(hours[h], 0), zone);
                    a.endTime = a.startTime.addSecs(50 * 60);
                    a.duration = 50;
                    a.status = domain::AppointmentStatus::Completed;
                    QJsonObject doc = a.toJson({domain::ReferenceForm::IdsOnly});
                    practice.stamp(doc, admin.id().toString(), 0);
                    if (!practice.records().put(storage::RecordKind::Appointment, doc))
                        return 2;
                    ++written;
                }
            }
            date = date.addDays(-1);
        }
    }
    if (!tx.commit())
        return 2;
    practice.db().exec(u"ANALYZE"_s);
    QTextStream(stdout) << "seeded " << providers << " providers, " << written << " appointments\n";
    return 0;
}
