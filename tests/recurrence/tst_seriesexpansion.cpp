// Expanding series: the fast zone table agrees with WallClock's policy,
// windows are lazy and exact, limits and errors name their field.
#include "base/WallClock.h"
#include "domain/Limits.h"
#include "recurrence/OccurrenceAppointment.h"
#include "recurrence/SeriesExpansion.h"
#include "recurrence/ZoneTable.h"
#include "TestRecords.h"

#include <QTest>

using namespace mss;
using namespace mss::domain;
using namespace mss::recurrence;
using namespace Qt::StringLiterals;

namespace {

RecurringAppointment weeklySeries(DayOfWeek day, const char* startDate, const char* time) {
    RecurringAppointment s;
    s.client.id = test::id(1);
    s.provider.id = test::id(2);
    s.recurrencePattern = RecurrencePattern::Weekly;
    s.dayOfWeek = day;
    s.startDate =
        calendarDateInstant(QDate::fromString(QString::fromLatin1(startDate), Qt::ISODate));
    s.startTime = *TimeOfDay::fromString(QString::fromLatin1(time));
    s.duration = 50;
    return s;
}

RecurringAppointment custom(const QString& rule, const char* startDate, const char* time) {
    RecurringAppointment s = weeklySeries(DayOfWeek::Monday, startDate, time);
    s.recurrencePattern = RecurrencePattern::Custom;
    s.recurrenceRule = rule;
    return s;
}

} // namespace

class TestSeriesExpansion : public QObject {
    Q_OBJECT

private slots:
    void zoneTableAgreesWithWallClock_data();
    void zoneTableAgreesWithWallClock();
    void windowEqualsTheSliceOfAllOccurrences();
    void windowFarIntoALongSeriesIsExact();
    void windowsKeepTheIntervalsPhase();
    void occurrenceEndsAfterTheDuration();
    void moreThanTheMaximumIsTooLong();
    void theMaximumItselfIsAllowed();
    void seriesWithoutAnEndCannotBeListedWhole();
    void badRuleNamesRecurrenceRule();
    void missingPatternFieldIsNamed();
    void invalidZoneIsRefused();
    void rescheduledOccurrenceOfANonOccurrenceIsIgnored();
    void ruleThatNeverMatchesEnds();
    void seedPatternsBecomeRules();
    void startDateIsTheDateOnThePracticeClocks();
    void exceptionAtTheOccurrencesOwnStartSkipsIt();
    void anOccurrenceIsBookedAsAnAppointmentOfItsSeries();
};

void TestSeriesExpansion::zoneTableAgreesWithWallClock_data() {
    QTest::addColumn<QString>("zone");
    for (const char* z : {"America/New_York", "Europe/London", "Australia/Lord_Howe",
                          "America/Santiago", "Asia/Kolkata", "Pacific/Chatham", "UTC",
                          "Europe/Dublin", "America/St_Johns", "Africa/Casablanca"})
        QTest::newRow(z) << QString::fromLatin1(z);
}

void TestSeriesExpansion::zoneTableAgreesWithWallClock() {
    // Every quarter hour of every day around each transition of 2020-2030,
    // plus noon every day, must convert exactly as wallClockToUtc does.
    QFETCH(QString, zone);
    const QTimeZone tz(zone.toUtf8());
    QVERIFY(tz.isValid());
    ZoneTable table(tz);
    const auto check = [&](QDate date, int minute) -> bool {
        const qint64 local =
            QDateTime(date, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch() + qint64(minute) * 60'000;
        const qint64 fast = table.toUtcMs(local);
        const qint64 slow = wallClockToUtc(date, minute, tz).toMSecsSinceEpoch();
        if (fast != slow)
            qWarning("%s",
                     qPrintable(
                         u"%1 %2 min: table %3, wallClockToUtc %4"_s.arg(date.toString(Qt::ISODate))
                             .arg(minute)
                             .arg(toWireTime(QDateTime::fromMSecsSinceEpoch(fast, Qt::UTC)),
                                  toWireTime(QDateTime::fromMSecsSinceEpoch(slow, Qt::UTC)))));
        return fast == slow;
    };
    const QDateTime from(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC);
    const QDateTime to(QDate(2031, 1, 1), QTime(0, 0), Qt::UTC);
    for (const auto& t : tz.transitions(from, to)) {
        const QDate d = t.atUtc.toTimeZone(tz).date();
        for (QDate day = d.addDays(-1); day <= d.addDays(1); day = day.addDays(1)) {
            for (int minute = 0; minute < 24 * 60; minute += 15) {
                QVERIFY(check(day, minute));
            }
        }
    }
    for (QDate day(2019, 6, 1); day < QDate(2032, 1, 1); day = day.addDays(1)) {
        QVERIFY(check(day, 12 * 60));
    }
    // Far from where the table started, it extends itself.
    QVERIFY(check(QDate(2090, 7, 1), 9 * 60));
    QVERIFY(check(QDate(1975, 1, 1), 9 * 60));
}

void TestSeriesExpansion::windowEqualsTheSliceOfAllOccurrences() {
    const QTimeZone ny("America/New_York");
    RecurringAppointment s = custom(u"FREQ=WEEKLY;BYDAY=MO,WE,FR"_s, "2026-01-01", "08:15");
    s.numberOfOccurrences = 300;
    s.exceptions.append({calendarDateInstant(QDate(2026, 3, 9)), {}, false, {}, {}});
    s.exceptions.append({calendarDateInstant(QDate(2026, 3, 11)),
                         {},
                         true,
                         test::utc("2026-03-20T15:00:00.000Z"),
                         {}});
    const auto all = allOccurrences(s, ny);
    QVERIFY(all);
    QCOMPARE(all->size(), 299);
    for (const auto& [from, to] :
         {std::pair{"2026-03-08T00:00:00.000Z", "2026-03-22T00:00:00.000Z"},
          std::pair{"2025-01-01T00:00:00.000Z", "2026-01-02T13:15:00.000Z"},
          std::pair{"2026-01-02T13:15:00.000Z", "2026-01-02T13:15:00.001Z"},
          std::pair{"2027-11-01T00:00:00.000Z", "2030-01-01T00:00:00.000Z"}}) {
        const QDateTime f = test::utc(from), t = test::utc(to);
        QList<Occurrence> expected;
        for (const Occurrence& o : *all) {
            if (o.start >= f && o.start < t)
                expected.append(o);
        }
        const auto window = occurrences(s, ny, f, t);
        QVERIFY(window);
        QCOMPARE(*window, expected);
    }
}

void TestSeriesExpansion::windowFarIntoALongSeriesIsExact() {
    // Daily for ever (no COUNT): a window decades away is found by jumping,
    // and must equal what walking there gives.
    const QTimeZone london("Europe/London");
    RecurringAppointment s = custom(u"FREQ=DAILY;INTERVAL=3"_s, "2026-01-01", "09:00");
    const auto window = occurrences(s, london, test::utc("2066-03-25T00:00:00.000Z"),
                                    test::utc("2066-04-05T00:00:00.000Z"));
    QVERIFY(window);
    QVERIFY(!window->isEmpty());
    for (const Occurrence& o : *window) {
        QCOMPARE(QDate(2026, 1, 1).daysTo(o.originalDate) % 3, 0);
        QCOMPARE(o.start.toTimeZone(london).time(), QTime(9, 0));
    }
    QCOMPARE(window->size(), 4);
}

void TestSeriesExpansion::windowsKeepTheIntervalsPhase() {
    // Windows jump over whole periods; every INTERVAL must still count from
    // the start, so each window equals that slice of the full list.
    const QTimeZone zone("Australia/Sydney");
    for (const QString& rule :
         {u"FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH"_s, u"FREQ=WEEKLY;INTERVAL=3;BYDAY=SU,MO;WKST=SU"_s,
          u"FREQ=MONTHLY;INTERVAL=2;BYDAY=MO,FR;BYSETPOS=-1,1"_s,
          u"FREQ=YEARLY;INTERVAL=3;BYMONTH=2;BYMONTHDAY=-1"_s, u"FREQ=DAILY;INTERVAL=5"_s,
          u"RRULE:FREQ=WEEKLY;INTERVAL=2\nRDATE:20300101T000000Z"_s}) {
        RecurringAppointment s = custom(rule, "2026-01-07", "07:45");
        s.endDate = calendarDateInstant(QDate(2034, 12, 31));
        const auto all = allOccurrences(s, zone);
        QVERIFY2(all, qPrintable(rule));
        for (int year = 2026; year <= 2035; ++year) {
            for (int month : {1, 6, 11}) {
                const QDateTime from(QDate(year, month, 3), QTime(13, 0), Qt::UTC);
                const QDateTime to = from.addDays(40);
                QList<Occurrence> expected;
                for (const Occurrence& o : *all) {
                    if (o.start >= from && o.start < to)
                        expected.append(o);
                }
                const auto window = occurrences(s, zone, from, to);
                QVERIFY(window);
                if (*window != expected)
                    QFAIL(qPrintable(rule + u" from "_s + toWireTime(from)));
            }
        }
    }
}

void TestSeriesExpansion::occurrenceEndsAfterTheDuration() {
    RecurringAppointment s = weeklySeries(DayOfWeek::Tuesday, "2026-03-01", "23:30");
    s.numberOfOccurrences = 2;
    s.duration = 90;
    const auto all = allOccurrences(s, QTimeZone("America/New_York"));
    QVERIFY(all);
    QCOMPARE(all->size(), 2);
    QCOMPARE(all->at(0).start, test::utc("2026-03-04T04:30:00.000Z"));
    QCOMPARE(all->at(0).end, test::utc("2026-03-04T06:00:00.000Z"));
    // The local date is the Tuesday even though the UTC date is Wednesday.
    QCOMPARE(all->at(0).originalDate, QDate(2026, 3, 3));
}

void TestSeriesExpansion::moreThanTheMaximumIsTooLong() {
    RecurringAppointment s = weeklySeries(DayOfWeek::Monday, "2026-01-01", "10:00");
    s.endDate = calendarDateInstant(QDate(2046, 1, 1)); // ~1043 Mondays
    const auto all = allOccurrences(s, QTimeZone("America/New_York"));
    QVERIFY(!all);
    QCOMPARE(all.error().first().code, ErrorCode::TooLong);
    QCOMPARE(all.error().first().field, u"endDate"_s);
}

void TestSeriesExpansion::theMaximumItselfIsAllowed() {
    RecurringAppointment s = custom(u"FREQ=DAILY"_s, "2026-01-01", "10:00");
    s.numberOfOccurrences = maxSeriesOccurrences;
    const auto all = allOccurrences(s, QTimeZone("America/New_York"));
    QVERIFY(all);
    QCOMPARE(all->size(), maxSeriesOccurrences);
}

void TestSeriesExpansion::seriesWithoutAnEndCannotBeListedWhole() {
    RecurringAppointment s = weeklySeries(DayOfWeek::Monday, "2026-01-01", "10:00");
    const auto all = allOccurrences(s, QTimeZone("America/New_York"));
    QVERIFY(!all);
    QCOMPARE(all.error().first().code, ErrorCode::MissingSeriesEnd);
}

void TestSeriesExpansion::badRuleNamesRecurrenceRule() {
    RecurringAppointment s = custom(u"FREQ=WEEKLY;BYDAY=TUE"_s, "2026-01-01", "10:00");
    s.numberOfOccurrences = 3;
    const auto all = allOccurrences(s, QTimeZone("America/New_York"));
    QVERIFY(!all);
    QCOMPARE(all.error().first().code, ErrorCode::InvalidRule);
    QCOMPARE(all.error().first().field, u"recurrenceRule"_s);
    QVERIFY(all.error().first().message.startsWith(u"BYDAY"_s));
}

void TestSeriesExpansion::missingPatternFieldIsNamed() {
    RecurringAppointment s = weeklySeries(DayOfWeek::Monday, "2026-01-01", "10:00");
    s.recurrencePattern = RecurrencePattern::Monthly;
    s.numberOfOccurrences = 3;
    const auto all = allOccurrences(s, QTimeZone("America/New_York"));
    QVERIFY(!all);
    QCOMPARE(all.error().first().field, u"dayOfMonth"_s);
}

void TestSeriesExpansion::invalidZoneIsRefused() {
    RecurringAppointment s = weeklySeries(DayOfWeek::Monday, "2026-01-01", "10:00");
    s.numberOfOccurrences = 3;
    const auto all = allOccurrences(s, QTimeZone("Mars/Olympus_Mons"));
    QVERIFY(!all);
    QCOMPARE(all.error().first().code, ErrorCode::InvalidTimeZone);
}

void TestSeriesExpansion::rescheduledOccurrenceOfANonOccurrenceIsIgnored() {
    RecurringAppointment s = weeklySeries(DayOfWeek::Monday, "2026-01-05", "10:00");
    s.numberOfOccurrences = 3;
    // The 7th is a Wednesday: no occurrence to move.
    s.exceptions.append({calendarDateInstant(QDate(2026, 1, 7)),
                         {},
                         true,
                         test::utc("2026-01-08T15:00:00.000Z"),
                         {}});
    const auto window =
        occurrences(s, QTimeZone("America/New_York"), test::utc("2026-01-01T00:00:00.000Z"),
                    test::utc("2026-02-01T00:00:00.000Z"));
    QVERIFY(window);
    QCOMPARE(window->size(), 3);
    for (const Occurrence& o : *window)
        QVERIFY(!o.rescheduled);
}

void TestSeriesExpansion::ruleThatNeverMatchesEnds() {
    RecurringAppointment s =
        custom(u"FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"_s, "2026-01-01", "10:00");
    s.numberOfOccurrences = 5;
    const auto all = allOccurrences(s, QTimeZone("UTC"));
    QVERIFY(all);
    QVERIFY(all->isEmpty());
}

void TestSeriesExpansion::seedPatternsBecomeRules() {
    RecurringAppointment s = weeklySeries(DayOfWeek::Tuesday, "2026-01-01", "10:00");
    s.recurrencePattern = RecurrencePattern::Biweekly;
    QCOMPARE(ruleFor(s, QTimeZone("UTC"))->set.toString(), u"FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"_s);
    QCOMPARE(ruleFor(s, QTimeZone("UTC"))->firstDate, QDate(2026, 1, 6));
    s.recurrencePattern = RecurrencePattern::Monthly;
    s.dayOfMonth = 30;
    QCOMPARE(ruleFor(s, QTimeZone("UTC"))->set.toString(),
             u"FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1"_s);
    s.useWeekOfMonth = true;
    s.weekOfMonth = 5;
    QCOMPARE(ruleFor(s, QTimeZone("UTC"))->set.toString(), u"FREQ=MONTHLY;BYDAY=-1TU"_s);
    s.weekOfMonth = 2;
    s.numberOfOccurrences = 7;
    QCOMPARE(ruleFor(s, QTimeZone("UTC"))->set.toString(), u"FREQ=MONTHLY;COUNT=7;BYDAY=2TU"_s);
}

void TestSeriesExpansion::startDateIsTheDateOnThePracticeClocks() {
    // A weekly Thursday series whose startDate is Thursday 11:30 in New York
    // (15:30Z, nearer to the next UTC midnight than to its own) starts that
    // Thursday.
    const QTimeZone ny("America/New_York");
    RecurringAppointment s = weeklySeries(DayOfWeek::Thursday, "2027-01-01", "11:30");
    s.startDate = test::utc("2027-05-06T15:30:00.000Z");
    s.numberOfOccurrences = 2;
    const auto all = allOccurrences(s, ny);
    QVERIFY(all);
    QCOMPARE(all->first().originalDate, QDate(2027, 5, 6));
    QCOMPARE(all->first().start, test::utc("2027-05-06T15:30:00.000Z"));
    // In Auckland the same instant is Friday 03:30: the first Thursday on
    // or after it is the 13th.
    const auto auckland = allOccurrences(s, QTimeZone("Pacific/Auckland"));
    QVERIFY(auckland);
    QCOMPARE(auckland->first().originalDate, QDate(2027, 5, 13));
}

void TestSeriesExpansion::exceptionAtTheOccurrencesOwnStartSkipsIt() {
    // A client names the occurrence to skip by its startTime.
    for (const char* zone : {"Pacific/Honolulu", "America/New_York", "Europe/London",
                             "Asia/Kolkata", "Pacific/Auckland"}) {
        const QTimeZone tz(zone);
        RecurringAppointment s = weeklySeries(DayOfWeek::Thursday, "2027-04-29", "16:30");
        s.numberOfOccurrences = 3;
        const auto before = allOccurrences(s, tz);
        QVERIFY(before);
        const Occurrence second = before->at(1);
        s.exceptions.append({second.start, {}, false, {}, {}});
        const auto after = allOccurrences(s, tz);
        QVERIFY(after);
        QCOMPARE(after->size(), 2);
        QVERIFY2(!after->contains(second), zone);
    }
}

void TestSeriesExpansion::anOccurrenceIsBookedAsAnAppointmentOfItsSeries() {
    RecurringAppointment s = weeklySeries(DayOfWeek::Monday, "2026-03-09", "09:00");
    s.meta.id = test::id(7);
    s.appointmentType = AppointmentType::CouplesTherapy;
    s.location = Location::Virtual;
    s.virtualMeetingLink = u"https://meet.example/room-1"_s;
    // A rescheduled occurrence may last other than the series' 50 minutes.
    const Occurrence o{QDate(2026, 3, 16), test::utc("2026-03-16T13:00:00.000Z"),
                       test::utc("2026-03-16T14:30:00.000Z"), true};
    const Appointment a = occurrenceAppointment(s, o, test::id(9));
    QCOMPARE(a.id(), test::id(9));
    QCOMPARE(a.recurringAppointment, std::optional(s.id()));
    QCOMPARE(a.client.id, s.client.id);
    QCOMPARE(a.provider.id, s.provider.id);
    QCOMPARE(a.startTime, o.start);
    QCOMPARE(a.endTime, o.end);
    QCOMPARE(a.duration, 90);
    QCOMPARE(a.appointmentType, AppointmentType::CouplesTherapy);
    QCOMPARE(a.location, Location::Virtual);
    QCOMPARE(a.virtualMeetingLink, s.virtualMeetingLink);
    QVERIFY(validate(a).isEmpty());
}

QTEST_GUILESS_MAIN(TestSeriesExpansion)
#include "tst_seriesexpansion.moc"
