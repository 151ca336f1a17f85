// Matching a freed slot to waitlist entries, in America/New_York across the
// 2026 spring-forward (8 March): Monday 2 March is UTC-5, Monday 9 March
// UTC-4.
#include "scheduling/WaitlistMatch.h"
#include "TestRecords.h"

#include <QTest>

using namespace mss;
using namespace mss::domain;
using namespace mss::scheduling;
using namespace mss::test;

namespace {

const QTimeZone newYork("America/New_York");

WaitlistEntry entry(int entryId, int provider, int client, int minutes) {
    WaitlistEntry e;
    e.meta.id = id(entryId);
    e.meta.createdAt = utc("2026-02-01T12:00:00.000Z").addSecs(entryId);
    if (provider)
        e.provider = Reference{id(provider), {}};
    e.client.id = id(client);
    e.duration = minutes;
    return e;
}

PreferredWindow window(DayOfWeek day, const char* from, const char* to) {
    return {day,
            *TimeOfDay::fromString(QString::fromLatin1(from)),
            *TimeOfDay::fromString(QString::fromLatin1(to)),
            {}};
}

FreeSlot slot(int provider, const char* start, int minutes) {
    return {id(provider), utc(start), utc(start).addSecs(qint64(minutes) * 60), std::nullopt};
}

struct Match {
    QList<ProviderAvailability> availability{weekly(1, DayOfWeek::Monday, "09:00", "17:00")};
    QList<WaitlistEntry> entries;
    QHash<ObjectId, QList<TimeRange>> bookings;
    QDateTime now = utc("2026-03-01T12:00:00.000Z");

    QList<WaitlistFit> run(const FreeSlot& s) const {
        return matchWaitlist({s, availability, newYork, entries, &bookings, now});
    }
    // The ids of the fitting entries, best first.
    QList<ObjectId> ids(const FreeSlot& s) const {
        QList<ObjectId> out;
        for (const WaitlistFit& f : run(s))
            out << entries[f.index].id();
        return out;
    }
};

using Ids = QList<ObjectId>;

} // namespace

class TestWaitlistMatch : public QObject {
    Q_OBJECT

private slots:
    void theProviderOrAnyProvider();
    void onlyWithinTheProvidersAvailability();
    void timeOffAndOneOffHoursCount();
    void locationMustBeServed();
    void typeAndDuration();
    void windowsKeepTheirWallClockAcrossDst();
    void windowsPickThePartOfTheSlot();
    void earliestAndLatestDatesOnThePracticesCalendar();
    void expiredAndNotWaitingDoNotFit();
    void notOverTheClientsOwnBookings();
    void rankedByPriorityThenLongestWaiting();
};

void TestWaitlistMatch::theProviderOrAnyProvider() {
    Match m;
    m.entries = {entry(1, 1, 11, 50), entry(2, 2, 12, 50), entry(3, 0, 13, 50)};
    // Monday 9 March 10:00-11:00 in New York.
    QCOMPARE(m.ids(slot(1, "2026-03-09T14:00:00.000Z", 60)), (Ids{id(1), id(3)}));
}

void TestWaitlistMatch::onlyWithinTheProvidersAvailability() {
    Match m;
    m.entries = {entry(1, 1, 11, 50)};
    // 08:00-09:00: before the provider's hours.
    QVERIFY(m.run(slot(1, "2026-03-09T12:00:00.000Z", 60)).isEmpty());
    // 08:30-10:00 holds 50 minutes from 09:00 on.
    const auto fits = m.run(slot(1, "2026-03-09T12:30:00.000Z", 90));
    QCOMPARE(fits.size(), 1);
    QCOMPARE(fits[0].time.startTime(), utc("2026-03-09T13:00:00.000Z"));
    QCOMPARE(fits[0].time.endTime(), utc("2026-03-09T13:50:00.000Z"));
    // Tuesday: no hours at all.
    QVERIFY(m.run(slot(1, "2026-03-10T14:00:00.000Z", 60)).isEmpty());
}

void TestWaitlistMatch::timeOffAndOneOffHoursCount() {
    Match m;
    m.entries = {entry(1, 1, 11, 50)};
    m.availability << oneOff(1, QDate(2026, 3, 9), QDate(2026, 3, 9), "10:00", "12:00", false)
                   << oneOff(1, QDate(2026, 3, 14), QDate(2026, 3, 14), "10:00", "12:00", true);
    QVERIFY(m.run(slot(1, "2026-03-09T14:00:00.000Z", 60)).isEmpty());  // time off
    QCOMPARE(m.run(slot(1, "2026-03-09T16:00:00.000Z", 60)).size(), 1); // 12:00, after it
    QCOMPARE(m.run(slot(1, "2026-03-14T14:00:00.000Z", 60)).size(), 1); // Saturday's extra hours
}

void TestWaitlistMatch::locationMustBeServed() {
    Match m;
    m.availability = {weekly(1, DayOfWeek::Monday, "09:00", "17:00", AvailabilityLocation::Office)};
    WaitlistEntry office = entry(1, 1, 11, 50);
    WaitlistEntry virtualVisit = entry(2, 1, 12, 50);
    virtualVisit.location = Location::Virtual;
    m.entries = {office, virtualVisit};
    QCOMPARE(m.ids(slot(1, "2026-03-09T14:00:00.000Z", 60)), (Ids{id(1)}));
}

void TestWaitlistMatch::typeAndDuration() {
    Match m;
    WaitlistEntry assessment = entry(1, 1, 11, 30);
    assessment.appointmentType = AppointmentType::InitialAssessment;
    m.entries = {assessment, entry(2, 1, 12, 50), entry(3, 1, 13, 90)};
    FreeSlot s = slot(1, "2026-03-09T14:00:00.000Z", 60);
    // The 90-minute entry does not fit an hour.
    QCOMPARE(m.ids(s), (Ids{id(1), id(2)}));
    const auto fits = m.run(s);
    QCOMPARE(fits[0].time.endTime(), utc("2026-03-09T14:30:00.000Z"));
    s.appointmentType = AppointmentType::IndividualTherapy;
    QCOMPARE(m.ids(s), (Ids{id(2)}));
}

void TestWaitlistMatch::windowsKeepTheirWallClockAcrossDst() {
    Match m;
    WaitlistEntry mornings = entry(1, 1, 11, 60);
    mornings.preferredWindows = {window(DayOfWeek::Monday, "09:00", "12:00")};
    WaitlistEntry tuesdays = entry(2, 1, 12, 60);
    tuesdays.preferredWindows = {window(DayOfWeek::Tuesday, "09:00", "12:00")};
    m.entries = {mornings, tuesdays};
    // 09:00 local: 14:00Z before the change, 13:00Z after it.
    QCOMPARE(m.ids(slot(1, "2026-03-02T14:00:00.000Z", 60)), (Ids{id(1)}));
    QCOMPARE(m.ids(slot(1, "2026-03-09T13:00:00.000Z", 60)), (Ids{id(1)}));
    // 13:00Z on 2 March is 08:00 local; 16:00Z on 9 March is 12:00 local.
    QVERIFY(m.run(slot(1, "2026-03-02T13:00:00.000Z", 60)).isEmpty());
    QVERIFY(m.run(slot(1, "2026-03-09T16:00:00.000Z", 60)).isEmpty());
    // 11:00-12:00 local after the change still fits.
    QCOMPARE(m.ids(slot(1, "2026-03-09T15:00:00.000Z", 60)), (Ids{id(1)}));
}

void TestWaitlistMatch::windowsPickThePartOfTheSlot() {
    Match m;
    WaitlistEntry late = entry(1, 1, 11, 60);
    late.preferredWindows = {window(DayOfWeek::Monday, "11:30", "13:00")};
    m.entries = {late};
    // 10:00-13:00 local: the hour from 11:30.
    const auto fits = m.run(slot(1, "2026-03-09T14:00:00.000Z", 180));
    QCOMPARE(fits.size(), 1);
    QCOMPARE(fits[0].time.startTime(), utc("2026-03-09T15:30:00.000Z"));
    // 10:00-12:00 leaves only half an hour of the window.
    QVERIFY(m.run(slot(1, "2026-03-09T14:00:00.000Z", 120)).isEmpty());
}

void TestWaitlistMatch::earliestAndLatestDatesOnThePracticesCalendar() {
    Match m;
    WaitlistEntry from10 = entry(1, 1, 11, 50);
    from10.earliestDate = calendarDateInstant(QDate(2026, 3, 10));
    WaitlistEntry until9 = entry(2, 1, 12, 50);
    until9.latestDate = calendarDateInstant(QDate(2026, 3, 9));
    // An instant at 03:00Z on 9 March is still the 8th in New York.
    WaitlistEntry until8 = entry(3, 1, 13, 50);
    until8.latestDate = utc("2026-03-09T03:00:00.000Z");
    WaitlistEntry from9 = entry(4, 1, 14, 50);
    from9.earliestDate = calendarDateInstant(QDate(2026, 3, 9));
    m.entries = {from10, until9, until8, from9};
    QCOMPARE(m.ids(slot(1, "2026-03-09T14:00:00.000Z", 60)), (Ids{id(2), id(4)}));
    QCOMPARE(m.ids(slot(1, "2026-03-16T14:00:00.000Z", 60)), (Ids{id(1), id(4)}));
}

void TestWaitlistMatch::expiredAndNotWaitingDoNotFit() {
    Match m;
    WaitlistEntry expired = entry(1, 1, 11, 50);
    expired.expiresAt = utc("2026-03-01T11:00:00.000Z");
    WaitlistEntry later = entry(2, 1, 12, 50);
    later.expiresAt = utc("2026-03-05T00:00:00.000Z");
    m.entries = {expired, later};
    for (WaitlistStatus s : {WaitlistStatus::Offered, WaitlistStatus::Booked,
                             WaitlistStatus::Expired, WaitlistStatus::Removed}) {
        WaitlistEntry e = entry(10 + int(s), 1, 20 + int(s), 50);
        e.status = s;
        m.entries << e;
    }
    QCOMPARE(m.ids(slot(1, "2026-03-09T14:00:00.000Z", 60)), (Ids{id(2)}));
}

void TestWaitlistMatch::notOverTheClientsOwnBookings() {
    Match m;
    m.entries = {entry(1, 1, 11, 30), entry(2, 1, 12, 30)};
    // Client 11 has 10:00-10:30 elsewhere; client 12 the whole hour.
    m.bookings.insert(
        id(11), {TimeRange::of(utc("2026-03-09T14:00:00.000Z"), utc("2026-03-09T14:30:00.000Z"))});
    m.bookings.insert(
        id(12), {TimeRange::of(utc("2026-03-09T13:30:00.000Z"), utc("2026-03-09T15:30:00.000Z"))});
    const auto fits = m.run(slot(1, "2026-03-09T14:00:00.000Z", 60));
    QCOMPARE(fits.size(), 1);
    QCOMPARE(m.entries[fits[0].index].id(), id(1));
    QCOMPARE(fits[0].time.startTime(), utc("2026-03-09T14:30:00.000Z"));
}

void TestWaitlistMatch::rankedByPriorityThenLongestWaiting() {
    Match m;
    WaitlistEntry oldNormal = entry(1, 1, 11, 50);
    oldNormal.meta.createdAt = utc("2026-01-05T00:00:00.000Z");
    WaitlistEntry newHigh = entry(2, 0, 12, 50);
    newHigh.priority = WaitlistPriority::High;
    newHigh.meta.createdAt = utc("2026-02-20T00:00:00.000Z");
    WaitlistEntry newNormal = entry(3, 1, 13, 50);
    newNormal.meta.createdAt = utc("2026-02-10T00:00:00.000Z");
    WaitlistEntry oldLow = entry(4, 1, 14, 50);
    oldLow.priority = WaitlistPriority::Low;
    oldLow.meta.createdAt = utc("2025-06-01T00:00:00.000Z");
    WaitlistEntry undated = entry(5, 1, 15, 50);
    undated.meta.createdAt.reset();
    m.entries = {oldLow, newNormal, undated, oldNormal, newHigh};
    QCOMPARE(m.ids(slot(1, "2026-03-09T14:00:00.000Z", 60)),
             (Ids{id(2), id(1), id(3), id(5), id(4)}));
}

QTEST_GUILESS_MAIN(TestWaitlistMatch)
#include "tst_waitlistmatch.moc"
