// Open found in America/New_York, on the practice's wall-clock grid, across
// the spring-forward change of 8 March 2026.
#include "scheduling/OpenSlots.h"
#include "TestRecords.h"

#include <QTest>

using namespace mss;
using namespace mss::domain;
using namespace mss::scheduling;
using namespace mss::test;
using namespace Qt::StringLiterals;

namespace {

const QTimeZone newYork("America/New_York");

OpenSlotQuery query(const char* from, const char* to, int duration, int step) {
    OpenSlotQuery q;
    q.from = utc(from);
    q.to = utc(to);
    q.durationMinutes = duration;
    q.stepMinutes = step;
    q.zone = newYork;
    return q;
}

QStringList startsOf(const QList<OpenSlot>& found) {
    QStringList out;
    for (const OpenSlot& s : found)
        out << s.time.startTime().toTimeZone(newYork).toString(u"ddd HH:mm");
    return out;
}

} // namespace

class TestOpenSlots : public QObject {
    Q_OBJECT

private slots:
    void slotsAvoidAppointmentsAndFitTheDuration();
    void cancelledAppointmentsFreeTheirSlot();
    void gridFollowsTheWallClock();
    void springForwardNightHasOneHourFewer();
    void slotsKeepLocalTimesAcrossTheChange();
    void nothingInThePast();
    void manyProvidersAreMergedByTime();
    void clientsOtherBookingsAreAvoided();
    void absurdQueriesGiveNothing();
};

void TestOpenSlots::slotsAvoidAppointmentsAndFitTheDuration() {
    const QList<ProviderAvailability> availability{weekly(1, DayOfWeek::Monday, "09:00", "12:00")};
    // 10:00-11:00 EDT is booked.
    const QList<Appointment> booked{appointment(1, 1, 5, "2026-03-09T14:00:00.000Z", 60)};
    const ProviderSchedule p{id(1), availability, booked};
    const auto found = openSlots(
        query("2026-03-09T00:00:00.000Z", "2026-03-10T00:00:00.000Z", 50, 15), std::span(&p, 1));
    QCOMPARE(startsOf(found), (QStringList{u"Mon 09:00"_s, u"Mon 11:00"_s}));
    QCOMPARE(found.front().provider, id(1));
    QCOMPARE(found.front().time.end - found.front().time.start, 50 * 60'000);
}

void TestOpenSlots::cancelledAppointmentsFreeTheirSlot() {
    const QList<ProviderAvailability> availability{weekly(1, DayOfWeek::Monday, "09:00", "11:00")};
    const QList<Appointment> booked{
        appointment(1, 1, 5, "2026-03-09T13:00:00.000Z", 60, AppointmentStatus::Cancelled),
        appointment(2, 1, 6, "2026-03-09T14:00:00.000Z", 60)};
    const ProviderSchedule p{id(1), availability, booked};
    const auto found = openSlots(
        query("2026-03-09T00:00:00.000Z", "2026-03-10T00:00:00.000Z", 60, 30), std::span(&p, 1));
    QCOMPARE(startsOf(found), QStringList{u"Mon 09:00"_s});
}

void TestOpenSlots::gridFollowsTheWallClock() {
    const QList<ProviderAvailability> availability{weekly(1, DayOfWeek::Monday, "09:10", "10:30")};
    const ProviderSchedule p{id(1), availability, {}};
    const auto found = openSlots(
        query("2026-03-09T00:00:00.000Z", "2026-03-10T00:00:00.000Z", 30, 15), std::span(&p, 1));
    QCOMPARE(startsOf(found),
             (QStringList{u"Mon 09:15"_s, u"Mon 09:30"_s, u"Mon 09:45"_s, u"Mon 10:00"_s}));
}

void TestOpenSlots::springForwardNightHasOneHourFewer() {
    // 01:00-05:00 on the Sunday the clocks skip 02:00-03:00: three real
    // hours, so three one-hour found, at 01:00, 03:00 and 04:00 local.
    const QList<ProviderAvailability> availability{weekly(1, DayOfWeek::Sunday, "01:00", "05:00")};
    const ProviderSchedule p{id(1), availability, {}};
    const auto found = openSlots(
        query("2026-03-08T00:00:00.000Z", "2026-03-09T00:00:00.000Z", 60, 60), std::span(&p, 1));
    QCOMPARE(startsOf(found), (QStringList{u"Sun 01:00"_s, u"Sun 03:00"_s, u"Sun 04:00"_s}));
    QCOMPARE(found[1].time.startTime(), utc("2026-03-08T07:00:00.000Z"));
}

void TestOpenSlots::slotsKeepLocalTimesAcrossTheChange() {
    // The Friday before and the Monday after: both 09:00 local, an hour
    // apart in UTC.
    const QList<ProviderAvailability> availability{weekly(1, DayOfWeek::Friday, "09:00", "10:00"),
                                                   weekly(1, DayOfWeek::Monday, "09:00", "10:00")};
    const ProviderSchedule p{id(1), availability, {}};
    const auto found = openSlots(
        query("2026-03-06T00:00:00.000Z", "2026-03-10T00:00:00.000Z", 60, 15), std::span(&p, 1));
    QCOMPARE(startsOf(found), (QStringList{u"Fri 09:00"_s, u"Mon 09:00"_s}));
    QCOMPARE(found[0].time.startTime(), utc("2026-03-06T14:00:00.000Z"));
    QCOMPARE(found[1].time.startTime(), utc("2026-03-09T13:00:00.000Z"));
}

void TestOpenSlots::nothingInThePast() {
    const QList<ProviderAvailability> availability{weekly(1, DayOfWeek::Monday, "09:00", "12:00")};
    const ProviderSchedule p{id(1), availability, {}};
    OpenSlotQuery q = query("2026-03-09T00:00:00.000Z", "2026-03-10T00:00:00.000Z", 60, 30);
    q.notBefore = utc("2026-03-09T14:10:00.000Z"); // 10:10 local
    QCOMPARE(startsOf(openSlots(q, std::span(&p, 1))),
             (QStringList{u"Mon 10:30"_s, u"Mon 11:00"_s}));
}

void TestOpenSlots::manyProvidersAreMergedByTime() {
    const QList<ProviderAvailability> a1{weekly(1, DayOfWeek::Monday, "09:00", "10:00")};
    const QList<ProviderAvailability> a2{weekly(2, DayOfWeek::Monday, "08:00", "10:00")};
    const QList<Appointment> b2{appointment(7, 2, 9, "2026-03-09T12:00:00.000Z", 60)};
    const QList<ProviderSchedule> providers{{id(1), a1, {}}, {id(2), a2, b2}};
    const auto found =
        openSlots(query("2026-03-09T00:00:00.000Z", "2026-03-10T00:00:00.000Z", 60, 60), providers);
    QCOMPARE(found.size(), 2);
    QCOMPARE(found[0].provider, id(1));
    QCOMPARE(found[1].provider, id(2));
    QCOMPARE(found[0].time, found[1].time);
}

void TestOpenSlots::clientsOtherBookingsAreAvoided() {
    const QList<ProviderAvailability> availability{weekly(1, DayOfWeek::Monday, "09:00", "11:00")};
    const ProviderSchedule p{id(1), availability, {}};
    OpenSlotQuery q = query("2026-03-09T00:00:00.000Z", "2026-03-10T00:00:00.000Z", 60, 60);
    q.clientBusy = {
        TimeRange::of(utc("2026-03-09T13:00:00.000Z"), utc("2026-03-09T14:00:00.000Z"))};
    QCOMPARE(startsOf(openSlots(q, std::span(&p, 1))), QStringList{u"Mon 10:00"_s});
}

void TestOpenSlots::absurdQueriesGiveNothing() {
    const QList<ProviderAvailability> availability{weekly(1, DayOfWeek::Monday, "09:00", "11:00")};
    const ProviderSchedule p{id(1), availability, {}};
    QVERIFY(openSlots(query("2026-03-09T00:00:00.000Z", "2026-03-10T00:00:00.000Z", 0, 15),
                      std::span(&p, 1))
                .isEmpty());
    QVERIFY(openSlots(query("2026-03-09T00:00:00.000Z", "2026-03-10T00:00:00.000Z", 60, 0),
                      std::span(&p, 1))
                .isEmpty());
    QVERIFY(openSlots(query("2026-03-10T00:00:00.000Z", "2026-03-09T00:00:00.000Z", 60, 15),
                      std::span(&p, 1))
                .isEmpty());
    // Longer than any free stretch.
    QVERIFY(openSlots(query("2026-03-09T00:00:00.000Z", "2026-03-10T00:00:00.000Z", 180, 15),
                      std::span(&p, 1))
                .isEmpty());
}

QTEST_GUILESS_MAIN(TestOpenSlots)
#include "tst_openslots.moc"
