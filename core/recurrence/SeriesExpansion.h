#pragma once

#include "base/Error.h"
#include "domain/RecurringAppointment.h"
#include "recurrence/RecurrenceSet.h"
#include "recurrence/RuleDates.h"
#include "recurrence/ZoneTable.h"

#include <QDateTime>
#include <QList>
#include <QTimeZone>

#include <limits>
#include <optional>

namespace mss::recurrence {

struct Occurrence {
    QDate
        originalDate; // the practice-local date the pattern gives (what an exception's date names)
    QDateTime start;  // UTC
    QDateTime end;    // UTC (start + series.duration)
    bool rescheduled = false; // true when moved by an exception's rescheduledTo

    friend bool operator==(const Occurrence&, const Occurrence&) = default;
};

// Occurrences of the series whose start lies in [from, to), in order, in the practice zone,
// with the series' exceptions applied (skipped ones absent; rescheduled ones at rescheduledTo),
// honouring numberOfOccurrences/endDate. Errors name the field at fault (e.g. a bad
// recurrenceRule).
Checked<QList<Occurrence>> occurrences(const domain::RecurringAppointment& series,
                                       const QTimeZone& zone, const QDateTime& from,
                                       const QDateTime& to);

// All occurrences of a finite series (bounded by maxSeriesOccurrences; error TooLong beyond).
Checked<QList<Occurrence>> allOccurrences(const domain::RecurringAppointment& series,
                                          const QTimeZone& zone);

// A series as one rule: what the seed patterns and Custom rules both become.
struct SeriesRule {
    RecurrenceSet set;   // the rule, with the series' numberOfOccurrences folded into COUNT
    QDate firstDate;     // DTSTART's local date
    int minuteOfDay = 0; // DTSTART's wall-clock time
    std::optional<QDate> lastDate; // the series' endDate (inclusive, local)
};

// The rule a series follows. Weekly/Biweekly: FREQ=WEEKLY(;INTERVAL=2);BYDAY=<day>, starting
// on the first such day on or after startDate. Monthly on day 1-28: BYMONTHDAY=<day>; on day
// 29-31: BYMONTHDAY=28,...,<day>;BYSETPOS=-1 (the day, or the month's last when shorter).
// Monthly by week: BYDAY=<n><day>, week 5 as -1 (the last). Custom: recurrenceRule parsed.
// Errors name the series field at fault; rule errors name "recurrenceRule" and the part.
// startDate and endDate are read as calendar dates in `zone` (base/CalendarDate.h).
Checked<SeriesRule> ruleFor(const domain::RecurringAppointment& series, const QTimeZone& zone);

// One occurrence of the pattern before exceptions: its local date and UTC start.
struct PatternOccurrence {
    QDate date;
    QDateTime start; // UTC
};

// Every occurrence of the pattern of a finite series, before exceptions (skipped and moved
// ones included, at their pattern time): what numberOfOccurrences counts. TooLong beyond
// maxSeriesOccurrences, MissingSeriesEnd when the series never ends.
Checked<QList<PatternOccurrence>> patternOccurrences(const domain::RecurringAppointment& series,
                                                     const QTimeZone& zone);

// The pattern's occurrences in order, lazily: RRULE dates merged with RDATEs, minus EXDATEs,
// up to COUNT, UNTIL and the series' endDate. Exceptions of the series are not applied here.
// Unbounded rules are fine; the caller decides where to stop. Use a cursor on the thread that
// made it (it shares that thread's zone table).
class PatternCursor {
public:
    PatternCursor(const SeriesRule& rule, const QTimeZone& zone);

    // Skips what starts before `instant` cheaply (whole periods; exact only when the rule has
    // no COUNT, otherwise it walks). Call before the first next().
    void skipTo(const QDateTime& instant);
    std::optional<PatternOccurrence> next();

    // Same as next(), without building QDate/QDateTime: local day number and UTC ms.
    struct Raw {
        civil::Day day;
        std::int64_t utcMs;
    };
    std::optional<Raw> nextRaw();

private:
    std::optional<Raw> nextRuleInstance();

    SeriesRule m_rule;
    RuleDates m_dates;
    std::shared_ptr<ZoneTable> m_table;
    std::int64_t m_minuteMs;
    std::optional<civil::Day> m_lastDay;
    std::optional<std::int64_t> m_untilUtcMs;
    std::optional<std::int64_t> m_untilLocalMs;
    QList<Raw> m_rdates; // sorted by utcMs
    qsizetype m_rdateCursor = 0;
    QList<civil::Day> m_exDays;
    QList<std::int64_t> m_exInstants;
    std::optional<Raw> m_pendingRule;
    bool m_ruleDone = false;
    std::int64_t m_lastUtcMs = std::numeric_limits<std::int64_t>::min();
};

} // namespace mss::recurrence
