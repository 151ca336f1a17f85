#pragma once

#include "base/CivilDate.h"
#include "recurrence/RecurrenceRule.h"

#include <optional>
#include <vector>

namespace mss::recurrence {

// The local dates an RRULE gives from a first date (DTSTART's date), in
// order, lazily. Works on day numbers only: the time of day and the zone are
// the caller's (SeriesExpansion), since every occurrence of a series has the
// same wall-clock time. COUNT is applied here; UNTIL is not, because a UTC
// UNTIL needs the zone to compare.
//
// What makes it tricky: RFC 5545 expands each period (a day, a week from
// WKST, a month, a year) into a set of candidate days, then BYSETPOS picks
// from the sorted set, and only then are days before DTSTART dropped; a
// period with no candidate still counts towards INTERVAL. A rule may also
// never match (BYMONTH=2;BYMONTHDAY=30), so the search gives up after a span
// of empty periods instead of looping forever.
class RuleDates {
public:
    RuleDates(const RecurrenceRule& rule, civil::Day first);

    // The next date, or nullopt once the rule (or COUNT) is exhausted.
    std::optional<civil::Day> next();

    // Jumps ahead to the period holding `day`, so that a window far into a
    // long series costs only the window. Ignored when the rule has a COUNT,
    // which must be counted from the start, and never moves backwards.
    void skipTo(civil::Day day);

    // How many dates next() has returned.
    int produced() const { return m_produced; }

private:
    void fillPeriod();
    void addMonth(int year, int month);
    void addMonthDays(int year, int month);
    void keepByDay(size_t begin, civil::Day first, int length);
    void addYear(int year);
    void addWeekdays(civil::Day first, int length, bool ordinalsApply);
    bool monthAllowed(int month) const;
    bool dayAllowed(civil::Day day) const;
    void applySetPos();
    civil::Day periodStart(std::int64_t period) const;
    std::int64_t periodOf(civil::Day day) const;

    RecurrenceRule m_rule;
    civil::Day m_first;
    civil::YearMonthDay m_firstCivil;
    civil::Day m_lastDay;      // the last date given, or where skipTo() landed
    std::int64_t m_period = 0; // periods since the first date's, a multiple of interval
    std::vector<civil::Day> m_candidates;
    std::vector<civil::Day> m_scratch;
    size_t m_cursor = 0;
    int m_produced = 0;
    bool m_done = false;
    // Fast paths: the expansion of a period is a fixed set of offsets from
    // its start (WEEKLY with plain BYDAY, DAILY without filters).
    bool m_fixedOffsets = false;
    std::vector<int> m_offsets;
};

} // namespace mss::recurrence
