// The availability index a series is checked against (one resolution per
// request): the same answers as resolving the records for each check, on
// the days that make that hard: the DST changes of America/New_York and
// Europe/London, blocks that meet at midnight, and time off.
#include "scheduling/AvailabilityIndex.h"
#include "TestRecords.h"

#include <QRandomGenerator>
#include <QTest>

using namespace mss;
using namespace mss::domain;
using namespace mss::scheduling;
using namespace mss::test;

namespace {

const QTimeZone newYork("America/New_York");
const QTimeZone london("Europe/London");

TimeRange range(const char* start, const char* end) {
    return TimeRange::of(utc(start), utc(end));
}

Appointment at(const char* start, int minutes, Location location = Location::Office) {
    Appointment a = appointment(1, 1, 2, start, minutes);
    a.location = location;
    return a;
}

// A record as a practice could hold it: weekly or one-off, open or time off,
// any location, bounded or not, on the quarter hour.
ProviderAvailability randomRecord(QRandomGenerator& random, QDate base, int days) {
    const auto clock = [&](int minutes) {
        return TimeOfDay::fromMinutes(minutes).value_or(TimeOfDay{});
    };
    ProviderAvailability r;
    r.provider.id = id(1);
    r.isRecurring = random.bounded(4) != 0;
    r.isAvailable = random.bounded(3) != 0;
    r.dayOfWeek = static_cast<DayOfWeek>(random.bounded(1, 8));
    r.location = static_cast<AvailabilityLocation>(random.bounded(4));
    const int start = random.bounded(0, 96) * 15;
    r.startTime = clock(start);
    // Now and then an empty or reversed block, which resolving skips.
    r.endTime = clock(random.bounded(8) == 0 ? random.bounded(0, 97) * 15
                                             : random.bounded(start / 15 + 1, 97) * 15);
    if (!r.isRecurring || random.bounded(2) == 0) {
        const QDate from = base.addDays(random.bounded(0, days));
        r.effectiveDate = calendarDateInstant(from);
        if (random.bounded(2) == 0)
            r.endDate = calendarDateInstant(from.addDays(random.bounded(0, 60)));
    } else if (random.bounded(2) == 0) {
        r.endDate = calendarDateInstant(base.addDays(random.bounded(0, days)));
    }
    return r;
}

} // namespace

class TestAvailabilityIndex : public QObject {
    Q_OBJECT

private slots:
    void springForwardInNewYork();
    void fallBackInNewYork();
    void springForwardInLondon();
    void fallBackInLondon();
    void blocksThatMeetAtMidnightHoldAnAppointmentAcrossIt();
    void timeOffOnTheSecondDayRefusesAnAppointmentAcrossMidnight();
    void effectiveDatesAndOneOffsBoundTheDays();
    void locationIsTheAppointments();
    void sameAnswersAsResolvingEachTime_data();
    void sameAnswersAsResolvingEachTime();
};

void TestAvailabilityIndex::springForwardInNewYork() {
    // 01:00-04:00 on 8 March 2026, when 02:00-03:00 does not exist: two
    // real hours; a block starting in the gap starts when it ends.
    const QList<ProviderAvailability> records{weekly(1, DayOfWeek::Sunday, "01:00", "04:00"),
                                              weekly(1, DayOfWeek::Sunday, "02:30", "05:00")};
    const AvailabilityIndex index(records, newYork);
    QCOMPARE(index.resolve(QDate(2026, 3, 8), QDate(2026, 3, 8)).available,
             QList<TimeRange>{range("2026-03-08T06:00:00.000Z", "2026-03-08T09:00:00.000Z")});
    // The Sunday before keeps standard time: 06:00Z to 10:00Z.
    QCOMPARE(index.resolve(QDate(2026, 3, 1), QDate(2026, 3, 1)).available,
             QList<TimeRange>{range("2026-03-01T06:00:00.000Z", "2026-03-01T10:00:00.000Z")});
    QVERIFY(index.isWithinAvailability(at("2026-03-08T06:00:00.000Z", 180)));
    QVERIFY(!index.isWithinAvailability(at("2026-03-08T06:00:00.000Z", 181)));
}

void TestAvailabilityIndex::fallBackInNewYork() {
    // 00:00-03:00 on 1 November 2026, when 01:00-02:00 happens twice.
    const QList<ProviderAvailability> records{weekly(1, DayOfWeek::Sunday, "00:00", "03:00")};
    const AvailabilityIndex index(records, newYork);
    QCOMPARE(index.resolve(QDate(2026, 11, 1), QDate(2026, 11, 1)).available,
             QList<TimeRange>{range("2026-11-01T04:00:00.000Z", "2026-11-01T08:00:00.000Z")});
    QVERIFY(index.isWithinAvailability(at("2026-11-01T07:00:00.000Z", 60)));
    // A week later 00:00-03:00 EST is 05:00Z to 08:00Z.
    QVERIFY(!index.isWithinAvailability(at("2026-11-08T08:00:00.000Z", 60)));
}

void TestAvailabilityIndex::springForwardInLondon() {
    // 29 March 2026: 01:00 GMT becomes 02:00 BST. 00:00-03:00 is two hours.
    const QList<ProviderAvailability> records{weekly(1, DayOfWeek::Sunday, "00:00", "03:00")};
    const AvailabilityIndex index(records, london);
    QCOMPARE(index.resolve(QDate(2026, 3, 29), QDate(2026, 3, 29)).available,
             QList<TimeRange>{range("2026-03-29T00:00:00.000Z", "2026-03-29T02:00:00.000Z")});
    QCOMPARE(index.resolve(QDate(2026, 4, 5), QDate(2026, 4, 5)).available,
             QList<TimeRange>{range("2026-04-04T23:00:00.000Z", "2026-04-05T02:00:00.000Z")});
}

void TestAvailabilityIndex::fallBackInLondon() {
    // 25 October 2026: 02:00 BST becomes 01:00 GMT. 00:00-03:00 is four hours.
    const QList<ProviderAvailability> records{weekly(1, DayOfWeek::Sunday, "00:00", "03:00")};
    const AvailabilityIndex index(records, london);
    QCOMPARE(index.resolve(QDate(2026, 10, 25), QDate(2026, 10, 25)).available,
             QList<TimeRange>{range("2026-10-24T23:00:00.000Z", "2026-10-25T03:00:00.000Z")});
    QVERIFY(index.isWithinAvailability(at("2026-10-24T23:00:00.000Z", 240)));
}

void TestAvailabilityIndex::blocksThatMeetAtMidnightHoldAnAppointmentAcrossIt() {
    // A record runs at most to 24:00; an evening block and the next
    // morning's together hold a session across midnight, also on the night
    // before New York springs forward (Saturday 7 March 2026).
    const QList<ProviderAvailability> records{weekly(1, DayOfWeek::Saturday, "20:00", "24:00"),
                                              weekly(1, DayOfWeek::Sunday, "00:00", "03:00")};
    const AvailabilityIndex index(records, newYork);
    // 23:30 EST Saturday to 01:30 EST Sunday.
    QVERIFY(index.isWithinAvailability(at("2026-03-08T04:30:00.000Z", 120)));
    // 23:30 Saturday to 03:30 EDT Sunday runs past the morning block.
    QVERIFY(!index.isWithinAvailability(at("2026-03-08T04:30:00.000Z", 180)));
    // Ending exactly at midnight, and starting at it.
    QVERIFY(index.isWithinAvailability(at("2026-03-01T04:00:00.000Z", 60)));
    QVERIFY(index.isWithinAvailability(at("2026-03-01T05:00:00.000Z", 60)));
    QCOMPARE(index.resolve(QDate(2026, 3, 7), QDate(2026, 3, 8)).available,
             QList<TimeRange>{range("2026-03-08T01:00:00.000Z", "2026-03-08T07:00:00.000Z")});
}

void TestAvailabilityIndex::timeOffOnTheSecondDayRefusesAnAppointmentAcrossMidnight() {
    const QList<ProviderAvailability> records{
        weekly(1, DayOfWeek::Monday, "20:00", "24:00"),
        weekly(1, DayOfWeek::Tuesday, "00:00", "02:00"),
        oneOff(1, QDate(2026, 3, 17), QDate(2026, 3, 17), "00:00", "00:30", false)};
    const AvailabilityIndex index(records, newYork);
    // Monday 9 March 23:00 EDT to Tuesday 01:00: open.
    QVERIFY(index.isWithinAvailability(at("2026-03-10T03:00:00.000Z", 120)));
    // The week after, the first half hour of Tuesday is time off.
    QVERIFY(!index.isWithinAvailability(at("2026-03-17T03:00:00.000Z", 120)));
    QCOMPARE(index.resolve(QDate(2026, 3, 17), QDate(2026, 3, 17)).blocked,
             QList<TimeRange>{range("2026-03-17T04:00:00.000Z", "2026-03-17T04:30:00.000Z")});
}

void TestAvailabilityIndex::effectiveDatesAndOneOffsBoundTheDays() {
    ProviderAvailability spring = weekly(1, DayOfWeek::Monday, "13:00", "17:00");
    // Written by a browser in New York at local midnight: still 9 March.
    spring.effectiveDate = utc("2026-03-09T04:00:00.000Z");
    spring.endDate = calendarDateInstant(QDate(2026, 3, 16));
    const QList<ProviderAvailability> records{
        spring, oneOff(1, QDate(2026, 3, 14), QDate(2026, 3, 14), "10:00", "14:00", true)};
    const AvailabilityIndex index(records, newYork);
    QCOMPARE(index.resolve(QDate(2026, 3, 1), QDate(2026, 3, 31)).available,
             (QList<TimeRange>{
                 range("2026-03-09T17:00:00.000Z", "2026-03-09T21:00:00.000Z"),
                 range("2026-03-14T14:00:00.000Z", "2026-03-14T18:00:00.000Z"),
                 range("2026-03-16T17:00:00.000Z", "2026-03-16T21:00:00.000Z"),
             }));
}

void TestAvailabilityIndex::locationIsTheAppointments() {
    const QList<ProviderAvailability> records{
        weekly(1, DayOfWeek::Monday, "09:00", "12:00", AvailabilityLocation::Office),
        weekly(1, DayOfWeek::Monday, "13:00", "17:00", AvailabilityLocation::Virtual)};
    const AvailabilityIndex index(records, newYork);
    QVERIFY(index.isWithinAvailability(at("2026-03-09T17:00:00.000Z", 60, Location::Phone)));
    QVERIFY(!index.isWithinAvailability(at("2026-03-09T17:00:00.000Z", 60, Location::Office)));
    QVERIFY(index.isWithinAvailability(at("2026-03-09T13:00:00.000Z", 60, Location::Office)));
}

void TestAvailabilityIndex::sameAnswersAsResolvingEachTime_data() {
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<int>("records");
    QTest::addColumn<QDate>("from");
    QTest::addColumn<int>("days");
    QTest::addColumn<int>("checks");
    for (const char* zone : {"America/New_York", "Europe/London", "Australia/Lord_Howe", "UTC"}) {
        // Two years, so that every DST change is crossed many times.
        for (int records : {1, 8, 40}) {
            QTest::addRow("%s, %d records", zone, records)
                << QByteArray(zone) << records << QDate(2026, 1, 1) << 760 << 200;
        }
        // Past 2037, where zone files hold a rule instead of dates and
        // series of twenty years reach (fewer checks: QTimeZone is slow there).
        QTest::addRow("%s, 2036 to 2046", zone)
            << QByteArray(zone) << 8 << QDate(2036, 1, 1) << 3650 << 40;
    }
}

void TestAvailabilityIndex::sameAnswersAsResolvingEachTime() {
    QFETCH(QByteArray, zone);
    QFETCH(int, records);
    QFETCH(QDate, from);
    QFETCH(int, days);
    QFETCH(int, checks);
    const QTimeZone tz(zone);
    QVERIFY(tz.isValid());
    QRandomGenerator random(quint32(records * 7919 + days) + quint32(zone.size()));
    for (int practice = 0; practice < 20; ++practice) {
        QList<ProviderAvailability> held;
        for (int i = 0; i < records; ++i)
            held.append(randomRecord(random, from, days));
        const AvailabilityIndex index(held, tz);
        for (int check = 0; check < checks; ++check) {
            const QDate first = from.addDays(random.bounded(0, days + 30));
            const QDate last = first.addDays(random.bounded(0, 3));
            const std::optional<Location> location =
                random.bounded(3) == 0 ? std::nullopt
                                       : std::optional(static_cast<Location>(random.bounded(5)));
            const ResolvedAvailability expected =
                resolveAvailability(held, first, last, tz, location);
            const ResolvedAvailability actual = index.resolve(first, last, location);
            QCOMPARE(actual.available, expected.available);
            QCOMPARE(actual.blocked, expected.blocked);

            // An appointment on the quarter hour somewhere in those days.
            Appointment a = appointment(1, 1, 2, "2026-01-01T00:00:00.000Z", 50);
            a.location = static_cast<Location>(random.bounded(5));
            a.startTime = wallClockToUtc(first, random.bounded(0, 96) * 15, tz);
            a.endTime = a.startTime.addSecs(qint64(random.bounded(1, 48)) * 15 * 60);
            QCOMPARE(index.isWithinAvailability(a), isWithinAvailability(a, held, tz));
        }
    }
}

QTEST_GUILESS_MAIN(TestAvailabilityIndex)
#include "tst_availabilityindex.moc"
