// The series operations: skip, reschedule, edit this and following (a
// split), edit all, cancel the rest. A split must lose and duplicate no
// occurrence, and keep wall-clock times across DST.
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

QDateTime day(int y, int m, int d) {
    return calendarDateInstant(QDate(y, m, d));
}

RecurringAppointment weekly(DayOfWeek dow, QDate start, const char* time) {
    RecurringAppointment s;
    s.meta.id = test::id(99);
    s.client.id = test::id(1);
    s.provider.id = test::id(2);
    s.recurrencePattern = RecurrencePattern::Weekly;
    s.dayOfWeek = dow;
    s.startDate = calendarDateInstant(start);
    s.startTime = *TimeOfDay::fromString(QString::fromLatin1(time));
    s.duration = 50;
    s.generatedAppointments = {test::id(500), test::id(501)};
    return s;
}

QList<Occurrence> all(const RecurringAppointment& s) {
    const auto result = allOccurrences(s, newYork);
    if (!result)
        qWarning("%s", qPrintable(describe(result.error())));
    return result.value_or(QList<Occurrence>{});
}

QTime localTime(const Occurrence& o) {
    return o.start.toTimeZone(newYork).time();
}

} // namespace

class TestSeriesOperations : public QObject {
    Q_OBJECT

private slots:
    void skipRemovesOnlyThatOccurrence();
    void onlyOccurrencesCanBeSkipped();
    void excludingADateWithNoOccurrenceRecordsItAndSkipsNothing();
    void rescheduleMovesOneAndKeepsItsDate();
    void splitLosesAndDuplicatesNoOccurrence_data();
    void splitLosesAndDuplicatesNoOccurrence();
    void splitAcrossDstKeepsWallClockTimes();
    void editThisAndFollowingChangesOnlyFromTheCut();
    void editAllKeepsThePastAndIndividuallyChangedOnes();
    void editAllDetachesMovedOccurrencesThePatternNoLongerGives();
    void editAllBeforeTheFirstOccurrenceEditsTheWholeSeries();
    void editAllWithNothingLeftIsRefused();
    void cancelRemainingKeepsThePast();
    void cancelBeforeTheFirstOccurrenceCancelsThemAll();
};

void TestSeriesOperations::skipRemovesOnlyThatOccurrence() {
    RecurringAppointment s = weekly(DayOfWeek::Monday, {2026, 1, 5}, "14:00");
    s.numberOfOccurrences = 5;
    const auto skipped = skipOccurrence(s, newYork, {2026, 1, 19}, u"holiday"_s);
    QVERIFY(skipped);
    QVERIFY(validate(*skipped, newYork).isEmpty());
    const QList<Occurrence> after = all(*skipped);
    QCOMPARE(after.size(), 4);
    for (const Occurrence& o : after)
        QVERIFY(o.originalDate != QDate(2026, 1, 19));
    QCOMPARE(skipped->exceptions.size(), 1);
    QCOMPARE(skipped->exceptions[0].reason, u"holiday"_s);
}

void TestSeriesOperations::onlyOccurrencesCanBeSkipped() {
    RecurringAppointment s = weekly(DayOfWeek::Monday, {2026, 1, 5}, "14:00");
    s.numberOfOccurrences = 5;
    for (QDate d : {QDate(2026, 1, 6), QDate(2026, 2, 9), QDate(2025, 12, 29)}) {
        const auto skipped = skipOccurrence(s, newYork, d);
        QVERIFY(!skipped);
        QCOMPARE(skipped.error().first().field, u"date"_s);
    }
}

void TestSeriesOperations::excludingADateWithNoOccurrenceRecordsItAndSkipsNothing() {
    RecurringAppointment s = weekly(DayOfWeek::Monday, {2026, 1, 5}, "14:00");
    s.numberOfOccurrences = 5;
    const auto none = excludeDate(s, newYork, {2026, 1, 6}, u"closed"_s);
    QVERIFY(none);
    QVERIFY(!none->skipped);
    QCOMPARE(none->series.exceptions.size(), 1);
    QCOMPARE(none->series.exceptions[0].reason, u"closed"_s);
    QCOMPARE(all(none->series), all(s));
    const auto one = excludeDate(none->series, newYork, {2026, 1, 19});
    QVERIFY(one);
    QVERIFY(one->skipped);
    QCOMPARE(one->series.exceptions.size(), 2);
    QCOMPARE(all(one->series).size(), 4);
}

void TestSeriesOperations::rescheduleMovesOneAndKeepsItsDate() {
    RecurringAppointment s = weekly(DayOfWeek::Monday, {2026, 1, 5}, "14:00");
    s.numberOfOccurrences = 3;
    auto moved =
        rescheduleOccurrence(s, newYork, {2026, 1, 12}, test::utc("2026-01-20T15:00:00.000Z"));
    QVERIFY(moved);
    // Moving it again replaces the first move.
    moved =
        rescheduleOccurrence(*moved, newYork, {2026, 1, 12}, test::utc("2026-01-13T15:00:00.000Z"));
    QVERIFY(moved);
    QCOMPARE(moved->exceptions.size(), 1);
    const QList<Occurrence> o = all(*moved);
    QCOMPARE(o.size(), 3);
    QCOMPARE(o[1].originalDate, QDate(2026, 1, 12));
    QCOMPARE(o[1].start, test::utc("2026-01-13T15:00:00.000Z"));
    QVERIFY(o[1].rescheduled);
    QCOMPARE(o[1].end, o[1].start.addSecs(50 * 60));
}

void TestSeriesOperations::splitLosesAndDuplicatesNoOccurrence_data() {
    QTest::addColumn<RecurringAppointment>("series");
    RecurringAppointment s = weekly(DayOfWeek::Monday, {2026, 1, 5}, "14:00");
    s.numberOfOccurrences = 30;
    s.exceptions = {{day(2026, 2, 2), {}, false, {}, {}},
                    {day(2026, 3, 9), {}, true, test::utc("2026-03-11T19:00:00.000Z"), {}}};
    QTest::newRow("weekly by count, with exceptions") << s;

    s = weekly(DayOfWeek::Thursday, {2026, 1, 1}, "09:30");
    s.recurrencePattern = RecurrencePattern::Biweekly;
    s.endDate = day(2026, 12, 31);
    QTest::newRow("biweekly to a date") << s;

    s = weekly(DayOfWeek::Monday, {2026, 1, 1}, "02:30");
    s.recurrencePattern = RecurrencePattern::Monthly;
    s.dayOfMonth = 31;
    s.numberOfOccurrences = 14;
    QTest::newRow("monthly on the 31st at a gap time") << s;

    s = weekly(DayOfWeek::Tuesday, {2026, 1, 1}, "16:00");
    s.recurrencePattern = RecurrencePattern::Monthly;
    s.useWeekOfMonth = true;
    s.weekOfMonth = 5;
    s.endDate = day(2027, 6, 30);
    QTest::newRow("monthly on the last Tuesday") << s;

    s = weekly(DayOfWeek::Monday, {2026, 1, 1}, "17:00");
    s.recurrencePattern = RecurrencePattern::Custom;
    s.recurrenceRule = u"RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=25\n"
                       "EXDATE:20260115T220000Z\nRDATE;VALUE=DATE:20260401\n"
                       "RDATE:20260610T150000Z"_s;
    s.numberOfOccurrences = 25;
    QTest::newRow("custom with COUNT, EXDATE and RDATE") << s;

    s.recurrenceRule = u"FREQ=MONTHLY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"_s;
    s.numberOfOccurrences.reset();
    s.endDate = day(2029, 1, 1);
    QTest::newRow("custom every other month's last weekday") << s;
}

void TestSeriesOperations::splitLosesAndDuplicatesNoOccurrence() {
    QFETCH(RecurringAppointment, series);
    const QList<Occurrence> original = all(series);
    QVERIFY(original.size() > 5);
    const auto pattern = patternOccurrences(series, newYork);
    QVERIFY(pattern);
    for (const PatternOccurrence& at : *pattern) {
        const auto split = editThisAndFollowing(series, newYork, at.date, series);
        QVERIFY2(split, qPrintable(split ? QString() : describe(split.error())));
        QList<Occurrence> joined;
        if (split->before) {
            QVERIFY2(validate(*split->before, newYork).isEmpty(),
                     qPrintable(describe(validate(*split->before, newYork))));
            QCOMPARE(split->before->meta.id, series.meta.id);
            joined += all(*split->before);
        } else {
            QCOMPARE(at.date, pattern->first().date);
        }
        QVERIFY2(validate(split->after, newYork).isEmpty(),
                 qPrintable(describe(validate(split->after, newYork))));
        const QList<Occurrence> after = all(split->after);
        QVERIFY(!after.isEmpty());
        QCOMPARE(after.first().originalDate >= at.date, true);
        joined += after;
        std::ranges::stable_sort(joined, {}, [](const Occurrence& o) { return o.start; });
        if (joined != original)
            QFAIL(qPrintable(
                u"split at %1 changes the occurrences"_s.arg(at.date.toString(Qt::ISODate))));
    }
}

void TestSeriesOperations::splitAcrossDstKeepsWallClockTimes() {
    RecurringAppointment s = weekly(DayOfWeek::Monday, {2026, 1, 5}, "14:00");
    s.endDate = day(2026, 12, 28);
    RecurringAppointment edited = s;
    edited.startTime = *TimeOfDay::fromString(u"15:30");
    // Cut on 2026-03-02, before the March change; the new half runs through
    // both changes at 15:30 local.
    const auto split = editThisAndFollowing(s, newYork, {2026, 3, 2}, edited);
    QVERIFY(split);
    const QList<Occurrence> before = all(*split->before);
    const QList<Occurrence> after = all(split->after);
    QCOMPARE(before.size(), 8);
    QCOMPARE(before.size() + after.size(), all(s).size());
    for (const Occurrence& o : before)
        QCOMPARE(localTime(o), QTime(14, 0));
    for (const Occurrence& o : after)
        QCOMPARE(localTime(o), QTime(15, 30));
    QCOMPARE(after.first().start, test::utc("2026-03-02T20:30:00.000Z")); // EST
    QCOMPARE(after[2].start, test::utc("2026-03-16T19:30:00.000Z"));      // EDT
    QCOMPARE(after.last().start, test::utc("2026-12-28T20:30:00.000Z"));  // EST again
}

void TestSeriesOperations::editThisAndFollowingChangesOnlyFromTheCut() {
    RecurringAppointment s = weekly(DayOfWeek::Monday, {2026, 1, 5}, "14:00");
    s.numberOfOccurrences = 10;
    RecurringAppointment edited = s;
    edited.dayOfWeek = DayOfWeek::Wednesday;
    const auto split = editThisAndFollowing(s, newYork, {2026, 2, 2}, edited);
    QVERIFY(split);
    QCOMPARE(split->before->numberOfOccurrences, 4);
    QCOMPARE(split->before->generatedAppointments, s.generatedAppointments);
    QVERIFY(split->after.meta.id.isNull());
    QVERIFY(split->after.generatedAppointments.isEmpty());
    QCOMPARE(split->after.numberOfOccurrences, 6);
    const QList<Occurrence> after = all(split->after);
    QCOMPARE(after.size(), 6);
    QCOMPARE(after.first().originalDate, QDate(2026, 2, 4));
    for (const Occurrence& o : after)
        QCOMPARE(o.originalDate.dayOfWeek(), 3);
}

void TestSeriesOperations::editAllKeepsThePastAndIndividuallyChangedOnes() {
    RecurringAppointment s = weekly(DayOfWeek::Monday, {2026, 1, 5}, "14:00");
    s.numberOfOccurrences = 10;
    s.exceptions = {{day(2026, 1, 12), {}, false, {}, {}},
                    {day(2026, 2, 23), {}, true, test::utc("2026-02-24T20:00:00.000Z"), {}}};
    RecurringAppointment edited = s;
    edited.startTime = *TimeOfDay::fromString(u"10:00");
    edited.duration = 30;
    const QDateTime now = test::utc("2026-02-01T12:00:00.000Z");
    const auto edit = editAllOccurrences(s, newYork, now, edited);
    QVERIFY(edit);
    QVERIFY(edit->detached.isEmpty());
    const QList<Occurrence> past = all(*edit->split.before);
    QCOMPARE(past.size(), 3); // Jan 5, (12 skipped), 19, 26
    for (const Occurrence& o : past) {
        QVERIFY(o.start < now);
        QCOMPARE(localTime(o), QTime(14, 0));
    }
    const QList<Occurrence> future = all(edit->split.after);
    QCOMPARE(future.size(), 6);
    for (const Occurrence& o : future) {
        QVERIFY(o.start >= now);
        QCOMPARE(o.end, o.start.addSecs(30 * 60));
        // The individually moved one stays where it was moved.
        QCOMPARE(localTime(o), o.rescheduled ? QTime(15, 0) : QTime(10, 0));
    }
}

void TestSeriesOperations::editAllDetachesMovedOccurrencesThePatternNoLongerGives() {
    RecurringAppointment s = weekly(DayOfWeek::Monday, {2026, 1, 5}, "14:00");
    s.numberOfOccurrences = 10;
    s.exceptions = {{day(2026, 2, 23), {}, true, test::utc("2026-02-24T20:00:00.000Z"), {}}};
    RecurringAppointment edited = s;
    edited.dayOfWeek = DayOfWeek::Friday;
    const auto edit = editAllOccurrences(s, newYork, test::utc("2026-02-01T12:00:00.000Z"), edited);
    QVERIFY(edit);
    QCOMPARE(edit->detached.size(), 1);
    QCOMPARE(calendarDate(edit->detached[0].date, newYork), QDate(2026, 2, 23));
    QVERIFY(edit->split.after.exceptions.isEmpty());
}

void TestSeriesOperations::editAllBeforeTheFirstOccurrenceEditsTheWholeSeries() {
    RecurringAppointment s = weekly(DayOfWeek::Monday, {2026, 1, 5}, "14:00");
    s.numberOfOccurrences = 4;
    RecurringAppointment edited = s;
    edited.startTime = *TimeOfDay::fromString(u"09:00");
    const auto edit = editAllOccurrences(s, newYork, test::utc("2025-12-01T00:00:00.000Z"), edited);
    QVERIFY(edit);
    QVERIFY(!edit->split.before);
    QCOMPARE(edit->split.after.meta.id, s.meta.id);
    QCOMPARE(edit->split.after.numberOfOccurrences, 4);
    QCOMPARE(all(edit->split.after).size(), 4);
}

void TestSeriesOperations::editAllWithNothingLeftIsRefused() {
    RecurringAppointment s = weekly(DayOfWeek::Monday, {2026, 1, 5}, "14:00");
    s.numberOfOccurrences = 4;
    const auto edit = editAllOccurrences(s, newYork, test::utc("2027-01-01T00:00:00.000Z"), s);
    QVERIFY(!edit);
    QCOMPARE(edit.error().first().field, u"date"_s);
}

void TestSeriesOperations::cancelRemainingKeepsThePast() {
    RecurringAppointment s = weekly(DayOfWeek::Monday, {2026, 1, 5}, "14:00");
    s.endDate = day(2026, 3, 30);
    // Moved from the past into the future: cancelled too.
    s.exceptions = {{day(2026, 1, 26), {}, true, test::utc("2026-02-25T20:00:00.000Z"), {}}};
    const QDateTime now = test::utc("2026-02-10T12:00:00.000Z");
    const auto cancelled = cancelRemaining(s, newYork, now, u"client moved away"_s);
    QVERIFY(cancelled);
    QCOMPARE(cancelled->series.status, SeriesStatus::Cancelled);
    QVERIFY(validate(cancelled->series, newYork).isEmpty());
    const QList<Occurrence> left = all(cancelled->series);
    QCOMPARE(left.size(), 5); // Jan 5, 12, 19, Feb 2, 9
    for (const Occurrence& o : left)
        QVERIFY(o.start < now);
    QCOMPARE(cancelled->cancelledOccurrences, all(s).size() - 5);
}

void TestSeriesOperations::cancelBeforeTheFirstOccurrenceCancelsThemAll() {
    RecurringAppointment s = weekly(DayOfWeek::Monday, {2026, 1, 5}, "14:00");
    s.numberOfOccurrences = 6;
    const auto cancelled =
        cancelRemaining(s, newYork, test::utc("2026-01-01T00:00:00.000Z"), u"never started"_s);
    QVERIFY(cancelled);
    QVERIFY(validate(cancelled->series, newYork).isEmpty());
    QVERIFY(all(cancelled->series).isEmpty());
    QCOMPARE(cancelled->cancelledOccurrences, 6);
}

QTEST_GUILESS_MAIN(TestSeriesOperations)
#include "tst_seriesoperations.moc"
