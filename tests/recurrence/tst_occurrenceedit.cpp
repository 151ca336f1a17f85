// What an edit of one occurrence means for its series: which occurrence it
// is (by its original date, also once moved), whether the edit touches the
// series at all, and what the series takes from the edited occurrence.
#include "recurrence/OccurrenceEdit.h"
#include "recurrence/SeriesExpansion.h"
#include "recurrence/SeriesOperations.h"
#include "TestRecords.h"

#include <QTest>

using namespace mss;
using namespace mss::domain;
using namespace mss::recurrence;
using namespace Qt::StringLiterals;

namespace {

const QTimeZone newYork("America/New_York");

QDateTime local(QDate date, int hour, int minute) {
    return wallClockToUtc(date, QTime(hour, minute), newYork);
}

RecurringAppointment mondaysAtTwo() {
    RecurringAppointment s;
    s.meta.id = test::id(99);
    s.client.id = test::id(1);
    s.provider.id = test::id(2);
    s.recurrencePattern = RecurrencePattern::Weekly;
    s.dayOfWeek = DayOfWeek::Monday;
    s.startDate = calendarDateInstant(QDate(2026, 1, 5));
    s.startTime = *TimeOfDay::fromString(u"14:00"_s);
    s.duration = 50;
    s.numberOfOccurrences = 12;
    s.notes = u"series notes"_s;
    return s;
}

Appointment occurrenceOn(const RecurringAppointment& s, QDate date) {
    Appointment a;
    a.meta.id = test::id(500);
    a.client.id = s.client.id;
    a.provider.id = s.provider.id;
    a.startTime = local(date, 14, 0);
    a.endTime = a.startTime.addSecs(50 * 60);
    a.duration = 50;
    a.recurringAppointment = s.id();
    return a;
}

} // namespace

class TestOccurrenceEdit : public QObject {
    Q_OBJECT

private slots:
    void anOccurrenceIsNamedByItsPatternDate();
    void aMovedOccurrenceKeepsItsOriginalDate();
    void anAppointmentTheSeriesNoLongerGivesIsNamedByItsLocalDate();
    void onlySeriesFieldsChangeTheSeries_data();
    void onlySeriesFieldsChangeTheSeries();
    void theSeriesTakesTheMovedOccurrencesTimeLengthDayAndProvider();
    void theSeriesKeepsTheWallClockTimeAcrossDst();
    void aMonthlySeriesFollowsTheNewDayOfTheMonth();
    void aMonthlyByWeekSeriesKeepsItsWeek();
};

void TestOccurrenceEdit::anOccurrenceIsNamedByItsPatternDate() {
    const RecurringAppointment s = mondaysAtTwo();
    QCOMPARE(originalDateOf(s, newYork, local({2026, 1, 19}, 14, 0)), QDate(2026, 1, 19));
}

void TestOccurrenceEdit::aMovedOccurrenceKeepsItsOriginalDate() {
    const RecurringAppointment s = mondaysAtTwo();
    // Monday 19 January moved to Wednesday 21 at 10:00: still the 19th's.
    const auto moved = rescheduleOccurrence(s, newYork, {2026, 1, 19}, local({2026, 1, 21}, 10, 0));
    QVERIFY(moved);
    QCOMPARE(originalDateOf(*moved, newYork, local({2026, 1, 21}, 10, 0)), QDate(2026, 1, 19));
}

void TestOccurrenceEdit::anAppointmentTheSeriesNoLongerGivesIsNamedByItsLocalDate() {
    const RecurringAppointment s = mondaysAtTwo();
    // 22:30 in New York is already the next day in UTC: the local date counts.
    const QDateTime lateEvening = local({2026, 1, 20}, 22, 30);
    QCOMPARE(lateEvening.date(), QDate(2026, 1, 21));
    QCOMPARE(originalDateOf(s, newYork, lateEvening), QDate(2026, 1, 20));
}

void TestOccurrenceEdit::onlySeriesFieldsChangeTheSeries_data() {
    QTest::addColumn<int>("field");
    QTest::addColumn<bool>("changes");
    QTest::newRow("notes") << 0 << false;
    QTest::newRow("reminders") << 1 << false;
    QTest::newRow("status") << 2 << false;
    QTest::newRow("start") << 3 << true;
    QTest::newRow("end") << 4 << true;
    QTest::newRow("provider") << 5 << true;
    QTest::newRow("client") << 6 << true;
    QTest::newRow("type") << 7 << true;
    QTest::newRow("location") << 8 << true;
    QTest::newRow("meeting link") << 9 << true;
}

void TestOccurrenceEdit::onlySeriesFieldsChangeTheSeries() {
    QFETCH(int, field);
    QFETCH(bool, changes);
    const Appointment before = occurrenceOn(mondaysAtTwo(), {2026, 1, 12});
    Appointment after = before;
    switch (field) {
    case 0:
        after.notes = u"brought a letter"_s;
        break;
    case 1:
        after.reminderSettings.sms.timingHours = 48;
        break;
    case 2:
        after.status = AppointmentStatus::Confirmed;
        break;
    case 3:
        after.startTime = before.startTime.addSecs(-1800);
        break;
    case 4:
        after.endTime = before.endTime.addSecs(600);
        break;
    case 5:
        after.provider.id = test::id(3);
        break;
    case 6:
        after.client.id = test::id(4);
        break;
    case 7:
        after.appointmentType = AppointmentType::FamilyTherapy;
        break;
    case 8:
        after.location = Location::Virtual;
        break;
    case 9:
        after.virtualMeetingLink = u"https://meet.example.org/x"_s;
        break;
    }
    QCOMPARE(changesTheSeries(before, after), changes);
}

void TestOccurrenceEdit::theSeriesTakesTheMovedOccurrencesTimeLengthDayAndProvider() {
    const RecurringAppointment s = mondaysAtTwo();
    const Appointment occurrence = occurrenceOn(s, {2026, 1, 12});
    Appointment changed = occurrence;
    changed.startTime = local({2026, 1, 13}, 15, 30); // Tuesday
    changed.endTime = changed.startTime.addSecs(60 * 60);
    changed.provider.id = test::id(3);
    changed.location = Location::Virtual;
    changed.notes = u"only about this session"_s;
    const RecurringAppointment edited = seriesFollowing(s, occurrence, changed, newYork);
    QCOMPARE(edited.dayOfWeek, std::optional(DayOfWeek::Tuesday));
    QCOMPARE(edited.startTime.toString(), u"15:30"_s);
    QCOMPARE(edited.duration, 60);
    QCOMPARE(edited.provider.id, test::id(3));
    QCOMPARE(edited.location, Location::Virtual);
    QCOMPARE(edited.notes, s.notes);
    QCOMPARE(edited.numberOfOccurrences, s.numberOfOccurrences);
    QCOMPARE(edited.id(), s.id());
    // The edited series gives the new time from the cut on.
    const auto split = editThisAndFollowing(s, newYork, {2026, 1, 12}, edited);
    QVERIFY(split);
    const auto after = allOccurrences(split->after, newYork);
    QVERIFY(after && !after->isEmpty());
    QCOMPARE(after->front().start, changed.startTime);
}

void TestOccurrenceEdit::theSeriesKeepsTheWallClockTimeAcrossDst() {
    // Clocks go forward on 8 March 2026: 14:00 stays 14:00 on the wall.
    RecurringAppointment s = mondaysAtTwo();
    const Appointment occurrence = occurrenceOn(s, {2026, 3, 9});
    Appointment changed = occurrence;
    changed.startTime = local({2026, 3, 9}, 9, 0);
    changed.endTime = changed.startTime.addSecs(50 * 60);
    const RecurringAppointment edited = seriesFollowing(s, occurrence, changed, newYork);
    QCOMPARE(edited.startTime.toString(), u"09:00"_s);
    QCOMPARE(edited.dayOfWeek, std::optional(DayOfWeek::Monday));
}

void TestOccurrenceEdit::aMonthlySeriesFollowsTheNewDayOfTheMonth() {
    RecurringAppointment s = mondaysAtTwo();
    s.recurrencePattern = RecurrencePattern::Monthly;
    s.dayOfWeek.reset();
    s.dayOfMonth = 15;
    const Appointment occurrence = occurrenceOn(s, {2026, 1, 15});
    Appointment changed = occurrence;
    changed.startTime = local({2026, 1, 17}, 14, 0);
    changed.endTime = changed.startTime.addSecs(50 * 60);
    QCOMPARE(seriesFollowing(s, occurrence, changed, newYork).dayOfMonth, std::optional(17));
    // Only its time changed: the day stays.
    changed.startTime = local({2026, 1, 15}, 11, 0);
    changed.endTime = changed.startTime.addSecs(50 * 60);
    QCOMPARE(seriesFollowing(s, occurrence, changed, newYork).dayOfMonth, std::optional(15));
}

void TestOccurrenceEdit::aMonthlyByWeekSeriesKeepsItsWeek() {
    RecurringAppointment s = mondaysAtTwo();
    s.recurrencePattern = RecurrencePattern::Monthly;
    s.useWeekOfMonth = true;
    s.weekOfMonth = 2;
    const Appointment occurrence = occurrenceOn(s, {2026, 1, 12});
    Appointment changed = occurrence;
    changed.startTime = local({2026, 1, 14}, 14, 0); // Wednesday
    changed.endTime = changed.startTime.addSecs(50 * 60);
    const RecurringAppointment edited = seriesFollowing(s, occurrence, changed, newYork);
    QCOMPARE(edited.dayOfWeek, std::optional(DayOfWeek::Wednesday));
    QCOMPARE(edited.weekOfMonth, s.weekOfMonth);
    QVERIFY(!edited.dayOfMonth);
}

QTEST_MAIN(TestOccurrenceEdit)
#include "tst_occurrenceedit.moc"
