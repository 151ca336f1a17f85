// Fills a data directory for scripts/bench-startup: a practice whose desk
// opens on a busy week. The demo logins (admin@ and frontdesk@demo.practice,
// password on standard input), `providers` clinicians with weekday hours,
// 2,000 clients and `appointments` appointments, eight a weekday per
// provider, centred on today (past ones completed, the rest scheduled), so
// `mentalspace-scheduler --demo --data-dir DIR` opens on this week with
// every provider booked. Written straight to storage in one transaction.
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
    parser.addOption({u"providers"_s, u"providers"_s, u"n"_s, u"30"_s});
    parser.addOption({u"appointments"_s, u"appointments in all"_s, u"n"_s, u"100000"_s});
    parser.process(app);
    const int providers = parser.value(u"providers"_s).toInt();
    const int total = parser.value(u"appointments"_s).toInt();
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
    admin.firstName = u"Alex"_s;
    admin.lastName = u"Admin"_s;
    admin.email = u"admin@demo.practice"_s;
    admin.role = domain::StaffRole::PracticeAdmin;
    domain::Staff desk;
    desk.firstName = u"Front"_s;
    desk.lastName = u"Desk"_s;
    desk.email = u"frontdesk@demo.practice"_s;
    desk.role = domain::StaffRole::Receptionist;
    if (!practice.addStaff(admin, password) || !practice.addStaff(desk, password))
        return 2;

    QStringList clientIds;
    for (int i = 0; i < 2000; ++i) {
        QJsonObject doc{{"firstName"_L1, u"Client"_s}, {"lastName"_L1, QString::number(i)}};
        practice.stamp(doc, admin.id().toString(), 0);
        if (!practice.records().put(storage::RecordKind::Client, doc))
            return 2;
        clientIds << doc.value("_id"_L1).toString();
    }

    // Weekdays from `first` on, eight sessions a day for every provider,
    // with today's week in the middle.
    const int weekdays = (total + providers * 8 - 1) / (providers * 8);
    const QDate today = localDate(clock.now(), zone);
    QDate first = today.addDays(1 - today.dayOfWeek()).addDays(-7 * (weekdays / 10));
    const int hours[] = {9, 10, 11, 12, 14, 15, 16, 17};
    const QDateTime now = clock.now();
    QList<domain::ObjectId> providerIds;
    for (int p = 0; p < providers; ++p) {
        domain::Staff staff;
        staff.firstName = u"Provider"_s;
        staff.lastName = QString::number(p);
        staff.email = u"provider%1@demo.practice"_s.arg(p);
        if (!practice.addStaff(staff, {}))
            return 2;
        providerIds << staff.id();
        for (const char* day : {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}) {
            QJsonObject doc{{"provider"_L1, staff.id().toString()},
                            {"dayOfWeek"_L1, QString::fromLatin1(day)},
                            {"startTime"_L1, u"08:00"_s},
                            {"endTime"_L1, u"19:00"_s},
                            {"isAvailable"_L1, true},
                            {"isRecurring"_L1, true},
                            {"location"_L1, u"Both"_s}};
            practice.stamp(doc, admin.id().toString(), 0);
            if (!practice.records().put(storage::RecordKind::ProviderAvailability, doc))
                return 2;
        }
    }
    qint64 written = 0;
    for (QDate date = first; written < total; date = date.addDays(1)) {
        if (date.dayOfWeek() > 5)
            continue;
        for (int p = 0; p < providers && written < total; ++p) {
            for (int h = 0; h < 8 && written < total; ++h, ++written) {
                domain::Appointment a;
                a.client.id = *domain::ObjectId::fromString(
                    clientIds.at((p * 8 + h + int(written / 97)) % clientIds.size()));
                a.provider.id = providerIds.at(p);
                a.startTime = wallClockToUtc(date, QTime(hours[h], 0), zone);
                a.endTime = a.startTime.addSecs(50 * 60);
                a.duration = 50;
                a.status = a.endTime < now ? domain::AppointmentStatus::Completed
                                           : domain::AppointmentStatus::Scheduled;
                // No reminders: the benchmark measures the desk, not sends.
                a.reminderSettings.email.enabled = false;
                a.reminderSettings.sms.enabled = false;
                QJsonObject doc = a.toJson({domain::ReferenceForm::IdsOnly});
                practice.stamp(doc, admin.id().toString(), 0);
                if (!practice.records().put(storage::RecordKind::Appointment, doc))
                    return 2;
            }
        }
    }
    if (!tx.commit())
        return 2;
    practice.db().exec(u"ANALYZE"_s);
    QTextStream(stdout) << "seeded " << providers << " providers, " << written
                        << " appointments from " << first.toString(Qt::ISODate) << '\n';
    return 0;
}
