// Fills a data directory for scripts/bench-startup: a practice whose desk
// opens on a busy week. The demo logins (admin@ and frontdesk@demo.practice,
// password on standard input), `providers` clinicians with weekday hours,
// 2,000 clients and `appointments` appointments, eight a weekday per
// provider, centred on today (past ones completed, the rest scheduled), so
// `mentalspace-scheduler --demo --data-dir DIR` opens on this week with
// every provider booked. Written straight to storage in one transaction.
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
    parser.addOption({u"providers"_s, u"providers"_s, u"n"_s, u"30"_s});
    parser.addOption({u"appointments"_s, u"appointments in all"_s, u"n"_s, u"100000"_s});
    parser.process(app);
    const int providers = parser.value(u"providers"_s).toInt();
    const int total = parser.value(u"appointments"_s).toInt();
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
    const auto admin = bench::addStaff(practice, u"Alex"_s, u"Admin"_s, u"admin@demo.practice"_s,
                                       domain::StaffRole::PracticeAdmin, password);
    const auto desk = bench::addStaff(practice, u"Front"_s, u"Desk"_s, u"frontdesk@demo.practice"_s,
                                      domain::StaffRole::Receptionist, password);
    if (!admin || !desk)
        return 2;
    const QStringList clientIds = bench::addClients(practice, *admin, 2000);
    if (clientIds.isEmpty())
        return 2;

    // Weekdays from `first` on, eight sessions a day for every provider,
    // with today's week in the middle.
    const int weekdays = (total + providers * 8 - 1) / (providers * 8);
    const QDate today = localDate(clock.now(), zone);
    QDate first = today.addDays(1 - today.dayOfWeek()).addDays(-7 * (weekdays / 10));
    const QDateTime now = clock.now();
    QList<domain::ObjectId> providerIds;
    for (int p = 0; p < providers; ++p) {
        const auto staff =
            bench::addStaff(practice, u"Provider"_s, QString::number(p),
                            u"provider%1@demo.practice"_s.arg(p), domain::StaffRole::Clinician);
        if (!staff || !bench::addWeekdayHours(practice, *admin, staff->id()))
            return 2;
        providerIds << staff->id();
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
                a.startTime = wallClockToUtc(date, QTime(bench::sessionHours[h], 0), zone);
                a.status = a.startTime.addSecs(50 * 60) < now
                               ? domain::AppointmentStatus::Completed
                               : domain::AppointmentStatus::Scheduled;
                // No reminders: the benchmark measures the desk, not sends.
                a.reminderSettings.email.enabled = false;
                a.reminderSettings.sms.enabled = false;
                if (!bench::addSession(practice, *admin, a))
                    return 2;
            }
        }
    }
    if (!tx.commit())
        return 2;
    if (!practice.db().exec(u"ANALYZE"_s))
        return 2;
    QTextStream(stdout) << "seeded " << providers << " providers, " << written
                        << " appointments from " << first.toString(Qt::ISODate) << '\n';
    return 0;
}
