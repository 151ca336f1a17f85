// Fills a data directory for scripts/bench-server: an admin who signs in
// with the password on standard input, `providers` clinicians with weekday
// availability, 2,000 clients and `perProvider` appointments per provider
// (eight a weekday, going back in time from 2030-01-07), written straight
// to storage in one transaction: the API would take an hour for a million.
// Writes the provider ids, one a line, to <data-dir>/providers.txt.
#include "SeedPractice.h"

#include <QCommandLineParser>
#include <QCoreApplication>
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
    const QByteArray password = bench::passwordFromStdin();

    SystemClock clock;
    auto opened = server::Practice::open(parser.value(u"data-dir"_s), clock);
    if (!opened) {
        QTextStream(stderr) << describe(opened.error()) << '\n';
        return 2;
    }
    server::Practice& practice = **opened;
    const QTimeZone zone("America/New_York");
    storage::WriteTransaction tx(practice.db());
    if (!practice.setTimeZone(zone))
        return 2;
    const auto admin = bench::addStaff(practice, u"Bench"_s, u"Admin"_s, u"admin@bench.practice"_s,
                                       domain::StaffRole::PracticeAdmin, password);
    if (!admin)
        return 2;
    const QStringList clientIds = bench::addClients(practice, *admin, 2000);
    if (clientIds.isEmpty())
        return 2;

    QFile list(parser.value(u"data-dir"_s) + u"/providers.txt"_s);
    if (!list.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return 2;
    const QDate last(2030, 1, 4); // a Friday
    qint64 written = 0;
    for (int p = 0; p < providers; ++p) {
        const auto staff =
            bench::addStaff(practice, u"Provider"_s, QString::number(p),
                            u"provider%1@bench.practice"_s.arg(p), domain::StaffRole::Clinician);
        if (!staff || !bench::addWeekdayHours(practice, *admin, staff->id()))
            return 2;
        list.write(staff->id().toString().toLatin1() + '\n');
        QDate date = last;
        int made = 0;
        while (made < perProvider) {
            if (date.dayOfWeek() <= 5) {
                for (int h = 0; h < 8 && made < perProvider; ++h, ++made) {
                    domain::Appointment a;
                    a.client.id = *domain::ObjectId::fromString(
                        clientIds.at((p * 8 + h + made) % clientIds.size()));
                    a.provider.id = staff->id();
                    a.startTime = wallClockToUtc(date, QTime(bench::sessionHours[h], 0), zone);
                    a.status = domain::AppointmentStatus::Completed;
                    if (!bench::addSession(practice, *admin, a))
                        return 2;
                    ++written;
                }
            }
            date = date.addDays(-1);
        }
    }
    if (!tx.commit())
        return 2;
    if (!practice.db().exec(u"ANALYZE"_s))
        return 2;
    QTextStream(stdout) << "seeded " << providers << " providers, " << written << " appointments\n";
    return 0;
}
