// The zone table that series expansion uses agrees with QTimeZone to 2100,
// past the end of a zone file's explicit entries, where only the file's
// POSIX TZ footer says when the clocks change; and the footer's forms (Mm.w.d,
// Jn, n, negative times and times past 24:00) are read as POSIX means them.
#include "base/WallClock.h"
#include "recurrence/SeriesExpansion.h"
#include "recurrence/ZoneRules.h"
#include "recurrence/ZoneTable.h"
#include "TestRecords.h"

#include <QtEndian>
#include <QTest>

using namespace mss;
using namespace mss::domain;
using namespace mss::recurrence;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 msPerHour = 3'600'000;

qint64 utcMs(int y, int m, int d, int h = 0, int min = 0) {
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone::utc()).toMSecsSinceEpoch();
}

// Version 2 TZif data with no transitions, one standard type and `footer`.
QByteArray tzifWithFooter(const QByteArray& footer, qint32 standardOffsetSeconds) {
    const auto block = [&](bool header) {
        QByteArray out;
        if (header) {
            out += "TZif2";
            out += QByteArray(15, '\0');
            for (quint32 count : {0u, 0u, 0u, 0u, 1u, 4u}) { // ut, std, leap, time, type, char
                char be[4];
                qToBigEndian(count, be);
                out += QByteArray(be, 4);
            }
        }
        char offset[4];
        qToBigEndian(quint32(standardOffsetSeconds), offset);
        out += QByteArray(offset, 4);
        out += '\0'; // isdst
        out += '\0'; // abbreviation index
        out += QByteArray("STD\0", 4);
        return out;
    };
    return block(true) + block(true) + '\n' + footer + '\n';
}

} // namespace

class TestZoneTable : public QObject {
    Q_OBJECT

private slots:
    void offsetsAgreeWithQTimeZoneTo2100_data();
    void offsetsAgreeWithQTimeZoneTo2100();
    void santiagoIn2038FollowsTheZoneFile();
    void weeklySeriesKeepsItsWallClockTimeAfter2037();
    void weeklyWallClockHoldsToThe2040sFromAnyStart_data();
    void weeklyWallClockHoldsToThe2040sFromAnyStart();
    void monthWeekDayRuleWithNegativeTime();
    void julianDayRuleSkipsFebruary29();
    void zeroBasedDayRuleCountsFebruary29();
    void ruleTimePast24HoursIsTheNextDay();
    void ruleWithoutDaylightTimeIsOneOffset();
    void malformedFooterIsRefused();
};

void TestZoneTable::offsetsAgreeWithQTimeZoneTo2100_data() {
    QTest::addColumn<QString>("zone");
    QTest::addColumn<int>("changes"); // offset changes in 2025-2100; -1: not counted
    // Qt 6.4's transitions() loses Santiago's two changes of 2038, the year
    // in which the zone file's explicit entries end (zdump has them; see
    // santiagoIn2038FollowsTheZoneFile): that year is compared with
    // offsetFromUtc at every hour instead.
    QTest::addColumn<int>("qtWrongIn");
    // Casablanca's explicit entries run to 2087 (Ramadan), then a fixed +01.
    // Dublin's "DST" is negative: IST in summer is its standard time.
    const std::pair<const char*, int> zones[] = {
        {"America/New_York", 152}, {"Europe/London", 152},    {"Pacific/Auckland", 152},
        {"Australia/Sydney", 152}, {"America/Santiago", 152}, {"Asia/Tehran", 0},
        {"Europe/Dublin", 152},    {"America/Sao_Paulo", 0},  {"Asia/Kolkata", 0},
        {"Pacific/Honolulu", 0},   {"America/St_Johns", 152}, {"Africa/Casablanca", -1}};
    for (const auto& [z, changes] : zones) {
        const bool santiago = z == std::string_view("America/Santiago");
        QTest::newRow(z) << QString::fromLatin1(z) << (santiago ? changes - 2 : changes)
                         << (santiago ? 2038 : 0);
    }
}

void TestZoneTable::offsetsAgreeWithQTimeZoneTo2100() {
    // Qt's transitions, asked one calendar year at a time, give its offset
    // at every instant; the table must give the same at every hour boundary
    // of 2025-2100, and at every transition and a millisecond before it.
    // QTimeZone::offsetFromUtc itself is sampled every eleventh hour (all
    // hours would take seconds per zone).
    QFETCH(QString, zone);
    QFETCH(int, changes);
    QFETCH(int, qtWrongIn);
    const QTimeZone tz(zone.toUtf8());
    QVERIFY(tz.isValid());
    ZoneTable table(tz);
    const auto qtOffsetMs = [&](qint64 ms) {
        return qint64(tz.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()))) *
               1000;
    };
    const auto describe = [](qint64 ms) {
        return toWireTime(QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()));
    };
    int transitionsSeen = 0;
    for (int year = 2025; year <= 2100; ++year) {
        if (year == qtWrongIn) {
            // Qt's transitions() is wrong here; its offsetFromUtc is not.
            for (qint64 hour = utcMs(year, 1, 1); hour < utcMs(year + 1, 1, 1); hour += msPerHour)
                QVERIFY2(table.offsetMsAt(hour) == qtOffsetMs(hour), qPrintable(describe(hour)));
            continue;
        }
        const qint64 from = utcMs(year, 1, 1);
        const qint64 to = utcMs(year + 1, 1, 1);
        const auto transitions =
            tz.transitions(QDateTime::fromMSecsSinceEpoch(from, QTimeZone::utc()),
                           QDateTime::fromMSecsSinceEpoch(to - 1, QTimeZone::utc()));
        qint64 expected = qtOffsetMs(from);
        qsizetype next = 0;
        for (qint64 hour = from; hour < to; hour += msPerHour) {
            while (next < transitions.size() &&
                   transitions[next].atUtc.toMSecsSinceEpoch() <= hour) {
                const qint64 at = transitions[next].atUtc.toMSecsSinceEpoch();
                const qint64 offset = qint64(transitions[next].offsetFromUtc) * 1000;
                QVERIFY2(table.offsetMsAt(at) == offset,
                         qPrintable(u"at the transition "_s + describe(at)));
                QVERIFY2(table.offsetMsAt(at - 1) == qtOffsetMs(at - 1000),
                         qPrintable(u"just before the transition "_s + describe(at)));
                if (offset != expected) // Qt also lists changes of name only
                    ++transitionsSeen;
                expected = offset;
                ++next;
            }
            if (table.offsetMsAt(hour) != expected)
                QFAIL(qPrintable(u"%1: table %2 s, QTimeZone %3 s"_s.arg(describe(hour))
                                     .arg(table.offsetMsAt(hour) / 1000)
                                     .arg(expected / 1000)));
            if ((hour / msPerHour) % 11 == 0)
                QVERIFY2(qtOffsetMs(hour) == expected, qPrintable(describe(hour)));
        }
    }
    // The zones with DST change twice a year all the way.
    if (changes >= 0)
        QCOMPARE(transitionsSeen, changes);
    else
        QVERIFY(transitionsSeen > 100);
}

void TestZoneTable::santiagoIn2038FollowsTheZoneFile() {
    // What zdump (the tz reference code) prints for 2038: DST ends on
    // Saturday 3 April at 24:00 (-03) and starts on Saturday 4 September at
    // 24:00 (-04), the footer's "M4.1.6/24" and "M9.1.6/24".
    ZoneTable table(QTimeZone("America/Santiago"));
    QCOMPARE(table.offsetMsAt(utcMs(2038, 4, 4, 3) - 1), -3 * msPerHour);
    QCOMPARE(table.offsetMsAt(utcMs(2038, 4, 4, 3)), -4 * msPerHour);
    QCOMPARE(table.offsetMsAt(utcMs(2038, 9, 5, 4) - 1), -4 * msPerHour);
    QCOMPARE(table.offsetMsAt(utcMs(2038, 9, 5, 4)), -3 * msPerHour);
}

void TestZoneTable::weeklySeriesKeepsItsWallClockTimeAfter2037() {
    // A weekly 09:00 series booked today in New York runs 1,000 weeks, to
    // 2045: every session is at 09:00 on the practice's clocks, EDT or EST.
    const QTimeZone ny("America/New_York");
    RecurringAppointment s;
    s.client.id = test::id(1);
    s.provider.id = test::id(2);
    s.recurrencePattern = RecurrencePattern::Weekly;
    s.dayOfWeek = DayOfWeek::Wednesday;
    s.startDate = calendarDateInstant(QDate(2026, 12, 6));
    s.startTime = *TimeOfDay::fromString(u"09:00"_s);
    s.numberOfOccurrences = 1000;
    const auto all = allOccurrences(s, ny);
    QVERIFY(all);
    QCOMPARE(all->size(), 1000);
    QVERIFY(all->last().originalDate.year() >= 2045);
    int after2037 = 0;
    for (const Occurrence& o : *all) {
        const QDateTime local = o.start.toTimeZone(ny);
        QVERIFY2(local.time() == QTime(9, 0), qPrintable(toWireTime(o.start)));
        QCOMPARE(local.date(), o.originalDate);
        if (o.originalDate.year() >= 2038)
            ++after2037;
    }
    QVERIFY(after2037 > 400);
    // The example: June 2038 is EDT, 13:00Z.
    const auto june = occurrences(s, ny, test::utc("2038-06-01T00:00:00.000Z"),
                                  test::utc("2038-06-08T00:00:00.000Z"));
    QVERIFY(june);
    QCOMPARE(june->size(), 1);
    QCOMPARE(june->first().start, test::utc("2038-06-02T13:00:00.000Z"));
}

void TestZoneTable::weeklyWallClockHoldsToThe2040sFromAnyStart_data() {
    QTest::addColumn<QString>("zone");
    for (const char* z : {"America/New_York", "Europe/London", "Pacific/Auckland"})
        QTest::newRow(z) << QString::fromLatin1(z);
}

void TestZoneTable::weeklyWallClockHoldsToThe2040sFromAnyStart() {
    // Which entries a table reads first depends on where a series starts:
    // a fresh table for a 1,000-week 09:00 series starting on every sixth
    // day of 2025-2026 must give 09:00 local for each session.
    QFETCH(QString, zone);
    const QTimeZone tz(zone.toUtf8());
    for (int start = 0; start < 730; start += 6) {
        ZoneTable table(tz);
        QDate day = QDate(2025, 1, 1).addDays(start);
        for (int week = 0; week < 1000; ++week, day = day.addDays(7)) {
            const qint64 local = QDateTime(day, QTime(9, 0), QTimeZone::utc()).toMSecsSinceEpoch();
            // QDateTime(day, 09:00, tz) is itself wrong on 2038's changes in
            // Qt 6.4; offsetFromUtc is right (the test above), and 09:00
            // is never in a gap or an overlap.
            qint64 expected = local;
            for (int i = 0; i < 2; ++i)
                expected = local - qint64(tz.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(
                                       expected, QTimeZone::utc()))) *
                                       1000;
            if (table.toUtcMs(local) != expected)
                QFAIL(qPrintable(u"series from %1: the session of %2 is at %3"_s.arg(
                    QDate(2025, 1, 1).addDays(start).toString(Qt::ISODate),
                    day.toString(Qt::ISODate),
                    toWireTime(
                        QDateTime::fromMSecsSinceEpoch(table.toUtcMs(local), QTimeZone::utc())))));
        }
    }
}

void TestZoneTable::monthWeekDayRuleWithNegativeTime() {
    // Greenland (America/Nuuk): DST from the last Sunday of March at -1:00
    // local standard time (Saturday 23:00 at -02, which is 01:00Z), to the
    // last Sunday of October at 0:00 local daylight time (01:00Z).
    const auto rules =
        ZoneRules::fromTzif(tzifWithFooter("<-02>2<-01>,M3.5.0/-1,M10.5.0/0", -7200));
    QVERIFY(rules);
    // 2030: last Sundays are 31 March and 27 October.
    QCOMPARE(rules->offsetMsAt(utcMs(2030, 3, 31, 1) - 1), -2 * msPerHour);
    QCOMPARE(rules->offsetMsAt(utcMs(2030, 3, 31, 1)), -1 * msPerHour);
    QCOMPARE(rules->offsetMsAt(utcMs(2030, 10, 27, 1) - 1), -1 * msPerHour);
    QCOMPARE(rules->offsetMsAt(utcMs(2030, 10, 27, 1)), -2 * msPerHour);
    const auto changes = rules->changes(utcMs(2030, 1, 1), utcMs(2031, 1, 1));
    QCOMPARE(changes.size(), size_t(2));
    QCOMPARE(changes[0].atUtcMs, utcMs(2030, 3, 31, 1));
    QCOMPARE(changes[1].atUtcMs, utcMs(2030, 10, 27, 1));
}

void TestZoneTable::julianDayRuleSkipsFebruary29() {
    // Jn counts 1-365 and never February 29: J60 is 1 March in every year.
    const auto rules = ZoneRules::fromTzif(tzifWithFooter("AAA3BBB,J60/2,J300/2", -3 * 3600));
    QVERIFY(rules);
    for (int year : {2031, 2032}) {
        QCOMPARE(rules->offsetMsAt(utcMs(year, 3, 1, 5) - 1), -3 * msPerHour);
        QCOMPARE(rules->offsetMsAt(utcMs(year, 3, 1, 5)), -2 * msPerHour);
        // J300 is 27 October; 02:00 at -02 is 04:00Z.
        QCOMPARE(rules->offsetMsAt(utcMs(year, 10, 27, 4) - 1), -2 * msPerHour);
        QCOMPARE(rules->offsetMsAt(utcMs(year, 10, 27, 4)), -3 * msPerHour);
    }
}

void TestZoneTable::zeroBasedDayRuleCountsFebruary29() {
    // n counts 0-365 with February 29: day 59 is 1 March, or 29 February
    // in a leap year.
    const auto rules = ZoneRules::fromTzif(tzifWithFooter("AAA3BBB,59/2,299/2", -3 * 3600));
    QVERIFY(rules);
    QCOMPARE(rules->offsetMsAt(utcMs(2031, 3, 1, 5) - 1), -3 * msPerHour);
    QCOMPARE(rules->offsetMsAt(utcMs(2031, 3, 1, 5)), -2 * msPerHour);
    QCOMPARE(rules->offsetMsAt(utcMs(2032, 2, 29, 5) - 1), -3 * msPerHour);
    QCOMPARE(rules->offsetMsAt(utcMs(2032, 2, 29, 5)), -2 * msPerHour);
    // Day 299: 27 October 2031, 26 October 2032.
    QCOMPARE(rules->offsetMsAt(utcMs(2031, 10, 27, 4)), -3 * msPerHour);
    QCOMPARE(rules->offsetMsAt(utcMs(2032, 10, 26, 4) - 1), -2 * msPerHour);
    QCOMPARE(rules->offsetMsAt(utcMs(2032, 10, 26, 4)), -3 * msPerHour);
}

void TestZoneTable::ruleTimePast24HoursIsTheNextDay() {
    // "/26" on the second Sunday of March 2030 (the 10th) is 02:00 on
    // Monday the 11th at -03, 05:00Z; "/25" on the first Sunday of November
    // (the 3rd) is 01:00 on the 4th at -02, 03:00Z.
    const auto rules = ZoneRules::fromTzif(tzifWithFooter("AAA3BBB,M3.2.0/26,M11.1.0/25", -10800));
    QVERIFY(rules);
    QCOMPARE(rules->offsetMsAt(utcMs(2030, 3, 11, 5) - 1), -3 * msPerHour);
    QCOMPARE(rules->offsetMsAt(utcMs(2030, 3, 11, 5)), -2 * msPerHour);
    QCOMPARE(rules->offsetMsAt(utcMs(2030, 11, 4, 3) - 1), -2 * msPerHour);
    QCOMPARE(rules->offsetMsAt(utcMs(2030, 11, 4, 3)), -3 * msPerHour);
}

void TestZoneTable::ruleWithoutDaylightTimeIsOneOffset() {
    const auto rules = ZoneRules::fromTzif(tzifWithFooter("<+0330>-3:30", 12600));
    QVERIFY(rules);
    QCOMPARE(rules->offsetMsAt(utcMs(2090, 6, 1)), 3 * msPerHour + 30 * 60'000);
    QVERIFY(rules->changes(utcMs(2030, 1, 1), utcMs(2090, 1, 1)).empty());
}

void TestZoneTable::malformedFooterIsRefused() {
    QVERIFY(!ZoneRules::fromTzif(tzifWithFooter("EST5EDT,M13.1.0,M11.1.0", -18000)));
    QVERIFY(!ZoneRules::fromTzif(tzifWithFooter("EST5EDT,J0,J365", -18000)));
    QVERIFY(!ZoneRules::fromTzif(tzifWithFooter("E5", -18000)));
    QVERIFY(!ZoneRules::fromTzif(QByteArray("TZif2")));
    QVERIFY(!ZoneRules::fromTzif(tzifWithFooter("EST5EDT,M3.2.0,M11.1.0", -18000).chopped(1)));
}

QTEST_GUILESS_MAIN(TestZoneTable)
#include "tst_zonetable.moc"
