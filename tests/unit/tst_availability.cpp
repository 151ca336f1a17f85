// Availability resolved in America/New_York, across the 2026 changes
// (spring forward on 8 March, fall back on 1 November).
#include "scheduling/Availability.h"
#include "TestRecords.h"

#include <QTest>

using namespace mss;
using namespace mss::domain;
using namespace mss::scheduling;
using namespace mss::test;

namespace {

const QTimeZone newYork("America/New_York");

TimeRange range(const char* start, const char* end) {
    return TimeRange::of(utc(start), utc(end));
}

} // namespace

class TestAvailability : public QObject {
    Q_OBJECT

private slots:
    void weeklyBlockKeepsItsWallClockAcrossSpringForward();
    void blockThroughTheGapIsAnHourShorter();
    void blockThroughFallBackIsAnHourLonger();
    void effectiveDatesBoundWeeklyBlocks();
    void blockedTimeIsSubtracted();
    void oneOffTimeOffCoversItsDays();
    void oneOffExtraHoursAreAdded();
    void locationsServeWhatTheyShould();
    void appointmentInsideOrOutside();
    void timeOffNamesTheAppointmentsBookedInIt();
    void timeOffNoteIsFoundWhereItBlocks();
};

void TestAvailability::timeOffNamesTheAppointmentsBookedInIt() {
    // Provider 1 off Monday 9 (from 12:00) to Tuesday 10 March 2026, 12:00-17:00 each day.
    const ProviderAvailability off =
        oneOff(1, QDate(2026, 3, 9), QDate(2026, 3, 10), "12:00", "17:00", false);
    const QList<Appointment> booked{
        appointment(1, 1, 7, "2026-03-10T18:00:00.000Z", 50), // Tue 14:00: in it
        appointment(2, 1, 7, "2026-03-09T15:30:00.000Z", 50), // Mon 11:30-12:20: overlaps
        appointment(3, 1, 7, "2026-03-09T15:00:00.000Z", 60), // Mon 11:00-12:00: touches
        appointment(4, 2, 7, "2026-03-09T17:00:00.000Z", 50), // another provider
        appointment(5, 1, 7, "2026-03-09T17:00:00.000Z", 50, AppointmentStatus::Cancelled),
        appointment(6, 1, 7, "2026-03-11T17:00:00.000Z", 50), // Wednesday: after it
    };
    QList<ObjectId> ids;
    for (const Appointment& a : bookedDuring(off, booked, newYork))
        ids << a.id();
    QCOMPARE(ids, (QList<ObjectId>{id(2), id(1)}));
    // Extra hours book over nothing.
    ProviderAvailability extra = off;
    extra.isAvailable = true;
    QVERIFY(bookedDuring(extra, booked, newYork).isEmpty());
}

void TestAvailability::timeOffNoteIsFoundWhereItBlocks() {
    ProviderAvailability off =
        oneOff(1, QDate(2026, 3, 9), QDate(2026, 3, 9), "12:00", "17:00", false);
    off.notes = QStringLiteral(" Conference ");
    const QList<ProviderAvailability> records{weekly(1, DayOfWeek::Monday, "09:00", "17:00"), off};
    QCOMPARE(blockingNote(records, utc("2026-03-09T16:00:00.000Z"), newYork),
             QStringLiteral("Conference"));
    QCOMPARE(blockingNote(records, utc("2026-03-09T15:59:00.000Z"), newYork), QString());
    QCOMPARE(blockingNote(records, utc("2026-03-10T16:00:00.000Z"), newYork), QString());
}

void TestAvailability::weeklyBlockKeepsItsWallClockAcrossSpringForward() {
    const QList<ProviderAvailability> records{weekly(1, DayOfWeek::Monday, "09:00", "17:00")};
    const ResolvedAvailability r =
        resolveAvailability(records, QDate(2026, 3, 2), QDate(2026, 3, 9), newYork);
    QCOMPARE(r.available, (QList<TimeRange>{
                              range("2026-03-02T14:00:00.000Z", "2026-03-02T22:00:00.000Z"),
                              range("2026-03-09T13:00:00.000Z", "2026-03-09T21:00:00.000Z"),
                          }));
    QVERIFY(r.blocked.isEmpty());
}

void TestAvailability::blockThroughTheGapIsAnHourShorter() {
    // 01:00-04:00 on the night clocks skip 02:00-03:00: two real hours.
    const QList<ProviderAvailability> records{weekly(1, DayOfWeek::Sunday, "01:00", "04:00")};
    const ResolvedAvailability r =
        resolveAvailability(records, QDate(2026, 3, 8), QDate(2026, 3, 8), newYork);
    QCOMPARE(r.available,
             QList<TimeRange>{range("2026-03-08T06:00:00.000Z", "2026-03-08T08:00:00.000Z")});
    // A block that starts inside the gap starts when the gap ends.
    const QList<ProviderAvailability> inGap{weekly(1, DayOfWeek::Sunday, "02:30", "05:00")};
    QCOMPARE(resolveAvailability(inGap, QDate(2026, 3, 8), QDate(2026, 3, 8), newYork).available,
             QList<TimeRange>{range("2026-03-08T07:30:00.000Z", "2026-03-08T09:00:00.000Z")});
}

void TestAvailability::blockThroughFallBackIsAnHourLonger() {
    const QList<ProviderAvailability> records{weekly(1, DayOfWeek::Sunday, "00:00", "03:00")};
    const ResolvedAvailability r =
        resolveAvailability(records, QDate(2026, 11, 1), QDate(2026, 11, 1), newYork);
    QCOMPARE(r.available,
             QList<TimeRange>{range("2026-11-01T04:00:00.000Z", "2026-11-01T08:00:00.000Z")});
}

void TestAvailability::effectiveDatesBoundWeeklyBlocks() {
    ProviderAvailability winter = weekly(1, DayOfWeek::Monday, "09:00", "12:00");
    winter.endDate = calendarDateInstant(QDate(2026, 3, 2));
    ProviderAvailability spring = weekly(1, DayOfWeek::Monday, "13:00", "17:00");
    // Written by a browser in New York at local midnight: still 9 March.
    spring.effectiveDate = utc("2026-03-09T04:00:00.000Z");
    const QList<ProviderAvailability> records{winter, spring};
    const ResolvedAvailability r =
        resolveAvailability(records, QDate(2026, 2, 23), QDate(2026, 3, 16), newYork);
    QCOMPARE(r.available, (QList<TimeRange>{
                              range("2026-02-23T14:00:00.000Z", "2026-02-23T17:00:00.000Z"),
                              range("2026-03-02T14:00:00.000Z", "2026-03-02T17:00:00.000Z"),
                              range("2026-03-09T17:00:00.000Z", "2026-03-09T21:00:00.000Z"),
                              range("2026-03-16T17:00:00.000Z", "2026-03-16T21:00:00.000Z"),
                          }));
}

void TestAvailability::blockedTimeIsSubtracted() {
    ProviderAvailability lunch = weekly(1, DayOfWeek::Monday, "12:00", "13:00");
    lunch.isAvailable = false;
    const QList<ProviderAvailability> records{weekly(1, DayOfWeek::Monday, "09:00", "17:00"),
                                              lunch};
    const ResolvedAvailability r =
        resolveAvailability(records, QDate(2026, 3, 9), QDate(2026, 3, 9), newYork);
    QCOMPARE(r.available, (QList<TimeRange>{
                              range("2026-03-09T13:00:00.000Z", "2026-03-09T16:00:00.000Z"),
                              range("2026-03-09T17:00:00.000Z", "2026-03-09T21:00:00.000Z"),
                          }));
    QCOMPARE(r.blocked,
             QList<TimeRange>{range("2026-03-09T16:00:00.000Z", "2026-03-09T17:00:00.000Z")});
}

void TestAvailability::oneOffTimeOffCoversItsDays() {
    // Off Monday and Tuesday of the week of 9 March, whatever dayOfWeek says.
    const QList<ProviderAvailability> records{
        weekly(1, DayOfWeek::Monday, "09:00", "17:00"),
        weekly(1, DayOfWeek::Tuesday, "09:00", "17:00"),
        weekly(1, DayOfWeek::Wednesday, "09:00", "17:00"),
        oneOff(1, QDate(2026, 3, 9), QDate(2026, 3, 10), "00:00", "24:00", false),
    };
    const ResolvedAvailability r =
        resolveAvailability(records, QDate(2026, 3, 9), QDate(2026, 3, 11), newYork);
    QCOMPARE(r.available,
             QList<TimeRange>{range("2026-03-11T13:00:00.000Z", "2026-03-11T21:00:00.000Z")});
    QCOMPARE(r.blocked,
             QList<TimeRange>{range("2026-03-09T04:00:00.000Z", "2026-03-11T04:00:00.000Z")});
}

void TestAvailability::oneOffExtraHoursAreAdded() {
    const QList<ProviderAvailability> records{
        weekly(1, DayOfWeek::Friday, "09:00", "12:00"),
        oneOff(1, QDate(2026, 3, 14), QDate(2026, 3, 14), "10:00", "14:00", true),
    };
    const ResolvedAvailability r =
        resolveAvailability(records, QDate(2026, 3, 13), QDate(2026, 3, 21), newYork);
    QCOMPARE(r.available, (QList<TimeRange>{
                              range("2026-03-13T13:00:00.000Z", "2026-03-13T16:00:00.000Z"),
                              range("2026-03-14T14:00:00.000Z", "2026-03-14T18:00:00.000Z"),
                              range("2026-03-20T13:00:00.000Z", "2026-03-20T16:00:00.000Z"),
                          }));
}

void TestAvailability::locationsServeWhatTheyShould() {
    using AL = AvailabilityLocation;
    QVERIFY(serves(AL::Both, Location::HomeVisit));
    QVERIFY(serves(AL::Office, Location::Office));
    QVERIFY(!serves(AL::Office, Location::Virtual));
    QVERIFY(serves(AL::Virtual, Location::Phone));
    QVERIFY(!serves(AL::Virtual, Location::Office));
    QVERIFY(serves(AL::Other, Location::HomeVisit));

    const QList<ProviderAvailability> records{
        weekly(1, DayOfWeek::Monday, "09:00", "12:00", AL::Office),
        weekly(1, DayOfWeek::Monday, "13:00", "17:00", AL::Virtual),
    };
    const auto virtualOnly = resolveAvailability(records, QDate(2026, 3, 9), QDate(2026, 3, 9),
                                                 newYork, Location::Virtual);
    QCOMPARE(virtualOnly.available,
             QList<TimeRange>{range("2026-03-09T17:00:00.000Z", "2026-03-09T21:00:00.000Z")});
    const auto any = resolveAvailability(records, QDate(2026, 3, 9), QDate(2026, 3, 9), newYork);
    QCOMPARE(any.available.size(), 2);
}

void TestAvailability::appointmentInsideOrOutside() {
    const QList<ProviderAvailability> records{
        weekly(1, DayOfWeek::Monday, "09:00", "17:00", AvailabilityLocation::Office)};
    // 09:00-09:50 EDT on 9 March.
    Appointment a = appointment(1, 1, 2, "2026-03-09T13:00:00.000Z", 50);
    QVERIFY(isWithinAvailability(a, records, newYork));
    // One hour earlier is 08:00 local: outside.
    a.startTime = a.startTime.addSecs(-3600);
    a.endTime = a.endTime.addSecs(-3600);
    QVERIFY(!isWithinAvailability(a, records, newYork));
    // The same wall time a week earlier, before the change, is 14:00Z.
    Appointment winter = appointment(2, 1, 2, "2026-03-02T14:00:00.000Z", 50);
    QVERIFY(isWithinAvailability(winter, records, newYork));
    winter.location = Location::Virtual;
    QVERIFY(!isWithinAvailability(winter, records, newYork));
}

QTEST_GUILESS_MAIN(TestAvailability)
#include "tst_availability.moc"
