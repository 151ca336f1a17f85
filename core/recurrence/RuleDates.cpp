#include "recurrence/RuleDates.h"

#include <algorithm>

namespace mss::recurrence {

using namespace civil;

namespace {

// Four hundred years without a match means the rule can never match again
// (the Gregorian calendar repeats every 400 years).
constexpr Day giveUpAfterDays = 146097 + 366;

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

void sortUnique(std::vector<Day>& days) {
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
}

} // namespace

RuleDates::RuleDates(const RecurrenceRule& rule, Day first)
    : m_rule(rule)
    , m_first(first)
    , m_firstCivil(toCivil(first))
    , m_lastDay(first) {
    m_candidates.reserve(32);
    if (m_rule.frequency == Frequency::Weekly && m_rule.byMonth.isEmpty() &&
        m_rule.bySetPos.isEmpty()) {
        m_fixedOffsets = true;
        if (m_rule.byDay.isEmpty())
            m_offsets.push_back((weekday(first) - m_rule.weekStart + 7) % 7);
        for (const WeekdayNum& d : m_rule.byDay)
            m_offsets.push_back((d.weekday - m_rule.weekStart + 7) % 7);
        std::sort(m_offsets.begin(), m_offsets.end());
        m_offsets.erase(std::unique(m_offsets.begin(), m_offsets.end()), m_offsets.end());
    }
}

Day RuleDates::periodStart(std::int64_t period) const {
    switch (m_rule.frequency) {
    case Frequency::Daily:
        return m_first + period;
    case Frequency::Weekly:
        return m_first - (weekday(m_first) - m_rule.weekStart + 7) % 7 + 7 * period;
    case Frequency::Monthly: {
        const std::int64_t index = m_firstCivil.year * 12LL + m_firstCivil.month - 1 + period;
        return fromCivil(int(floorDiv(index, 12)), int(index - floorDiv(index, 12) * 12) + 1, 1);
    }
    case Frequency::Yearly:
        return fromCivil(int(m_firstCivil.year + period), 1, 1);
    }
    return m_first;
}

std::int64_t RuleDates::periodOf(Day day) const {
    switch (m_rule.frequency) {
    case Frequency::Daily:
        return day - m_first;
    case Frequency::Weekly:
        return floorDiv(day - periodStart(0), 7);
    case Frequency::Monthly: {
        const YearMonthDay c = toCivil(day);
        return (c.year * 12LL + c.month) - (m_firstCivil.year * 12LL + m_firstCivil.month);
    }
    case Frequency::Yearly:
        return toCivil(day).year - m_firstCivil.year;
    }
    return 0;
}

bool RuleDates::monthAllowed(int month) const {
    return m_rule.byMonth.isEmpty() || m_rule.byMonth.contains(month);
}

// DAILY's limits: BYMONTH, BYMONTHDAY and BYDAY each keep or drop the day.
bool RuleDates::dayAllowed(Day day) const {
    const YearMonthDay c = toCivil(day);
    if (!monthAllowed(c.month))
        return false;
    if (!m_rule.byMonthDay.isEmpty()) {
        const int length = daysInMonth(c.year, c.month);
        const bool match = std::ranges::any_of(m_rule.byMonthDay, [&](int md) {
            return md > 0 ? md == c.day : length + md + 1 == c.day;
        });
        if (!match)
            return false;
    }
    if (!m_rule.byDay.isEmpty()) {
        const int wd = weekday(day);
        if (std::ranges::none_of(m_rule.byDay,
                                 [&](const WeekdayNum& d) { return d.weekday == wd; }))
            return false;
    }
    return true;
}

// Appends the BYDAY days within [first, first + length): every such weekday,
// or the ordinal-th one counted from either end when ordinals apply.
void RuleDates::addWeekdays(Day first, int length, bool ordinalsApply) {
    const int firstWeekday = weekday(first);
    for (const WeekdayNum& d : m_rule.byDay) {
        const int offset = (d.weekday - firstWeekday + 7) % 7;
        if (offset >= length)
            continue;
        const int count = (length - 1 - offset) / 7 + 1;
        if (!ordinalsApply || d.ordinal == 0) {
            for (int i = 0; i < count; ++i)
                m_candidates.push_back(first + offset + 7 * i);
        } else if (d.ordinal > 0 && d.ordinal <= count) {
            m_candidates.push_back(first + offset + 7 * (d.ordinal - 1));
        } else if (d.ordinal < 0 && -d.ordinal <= count) {
            m_candidates.push_back(first + offset + 7 * (count + d.ordinal));
        }
    }
}

// Keeps, of the candidates from `begin` on, those BYDAY also gives within
// [first, first + length): BYMONTHDAY expands and BYDAY limits when both are
// present, ordinals counted within that scope.
void RuleDates::keepByDay(size_t begin, Day first, int length) {
    m_scratch.assign(m_candidates.begin() + std::ptrdiff_t(begin), m_candidates.end());
    m_candidates.resize(begin);
    addWeekdays(first, length, true);
    std::vector<Day> weekdays(m_candidates.begin() + std::ptrdiff_t(begin), m_candidates.end());
    m_candidates.resize(begin);
    for (Day d : m_scratch) {
        if (std::ranges::find(weekdays, d) != weekdays.end())
            m_candidates.push_back(d);
    }
}

void RuleDates::addMonthDays(int year, int month) {
    const Day first = fromCivil(year, month, 1);
    const int length = daysInMonth(year, month);
    for (int md : m_rule.byMonthDay) {
        const int day = md > 0 ? md : length + md + 1;
        if (day >= 1 && day <= length)
            m_candidates.push_back(first + day - 1);
    }
}

void RuleDates::addMonth(int year, int month) {
    const Day first = fromCivil(year, month, 1);
    const int length = daysInMonth(year, month);
    if (!m_rule.byMonthDay.isEmpty()) {
        const size_t begin = m_candidates.size();
        addMonthDays(year, month);
        if (!m_rule.byDay.isEmpty())
            keepByDay(begin, first, length);
        return;
    }
    if (!m_rule.byDay.isEmpty()) {
        addWeekdays(first, length, true);
        return;
    }
    // Neither: DTSTART's day of the month, skipped where the month is short
    // (RFC 5545; the seed patterns clamp with BYSETPOS instead, see ruleFor).
    if (m_firstCivil.day <= length)
        m_candidates.push_back(first + m_firstCivil.day - 1);
}

void RuleDates::addYear(int year) {
    if (!m_rule.byMonth.isEmpty()) {
        // With BYMONTH, BYDAY ordinals count within each month.
        for (int month : m_rule.byMonth) {
            if (!m_rule.byMonthDay.isEmpty() || !m_rule.byDay.isEmpty()) {
                addMonth(year, month);
            } else if (m_firstCivil.day <= daysInMonth(year, month)) {
                m_candidates.push_back(fromCivil(year, month, m_firstCivil.day));
            }
        }
        return;
    }
    // Without BYMONTH, ordinals count within the year: 20MO is the
    // twentieth Monday of the year.
    if (!m_rule.byMonthDay.isEmpty()) {
        for (int month = 1; month <= 12; ++month)
            addMonthDays(year, month);
        if (!m_rule.byDay.isEmpty())
            keepByDay(0, fromCivil(year, 1, 1), daysInYear(year));
        return;
    }
    if (!m_rule.byDay.isEmpty()) {
        addWeekdays(fromCivil(year, 1, 1), daysInYear(year), true);
        return;
    }
    if (m_firstCivil.day <= daysInMonth(year, m_firstCivil.month))
        m_candidates.push_back(fromCivil(year, m_firstCivil.month, m_firstCivil.day));
}

void RuleDates::applySetPos() {
    sortUnique(m_candidates);
    if (m_rule.bySetPos.isEmpty() || m_candidates.empty())
        return;
    m_scratch.clear();
    const auto size = std::int64_t(m_candidates.size());
    for (int pos : m_rule.bySetPos) {
        const std::int64_t index = pos > 0 ? pos - 1 : size + pos;
        if (index >= 0 && index < size)
            m_scratch.push_back(m_candidates[size_t(index)]);
    }
    sortUnique(m_scratch);
    m_candidates.swap(m_scratch);
}

void RuleDates::fillPeriod() {
    m_candidates.clear();
    m_cursor = 0;
    const Day start = periodStart(m_period);
    if (start - m_lastDay > giveUpAfterDays || start > fromCivil(9999, 12, 31)) {
        m_done = true;
        return;
    }
    if (m_fixedOffsets) {
        for (int offset : m_offsets)
            m_candidates.push_back(start + offset);
    } else {
        switch (m_rule.frequency) {
        case Frequency::Daily:
            if (dayAllowed(start))
                m_candidates.push_back(start);
            break;
        case Frequency::Weekly:
            if (m_rule.byDay.isEmpty()) {
                m_candidates.push_back(start + (weekday(m_first) - m_rule.weekStart + 7) % 7);
            } else {
                for (const WeekdayNum& d : m_rule.byDay)
                    m_candidates.push_back(start + (d.weekday - m_rule.weekStart + 7) % 7);
            }
            std::erase_if(m_candidates, [&](Day d) { return !monthAllowed(toCivil(d).month); });
            break;
        case Frequency::Monthly: {
            const YearMonthDay c = toCivil(start);
            if (monthAllowed(c.month))
                addMonth(c.year, c.month);
            break;
        }
        case Frequency::Yearly:
            addYear(toCivil(start).year);
            break;
        }
        applySetPos();
    }
    if (start < m_first)
        std::erase_if(m_candidates, [&](Day d) { return d < m_first; });
    m_period += m_rule.interval;
}

std::optional<Day> RuleDates::next() {
    if (m_rule.count && m_produced >= *m_rule.count)
        return std::nullopt;
    while (m_cursor >= m_candidates.size()) {
        if (m_done)
            return std::nullopt;
        fillPeriod();
    }
    ++m_produced;
    m_lastDay = m_candidates[m_cursor];
    return m_candidates[m_cursor++];
}

void RuleDates::skipTo(Day day) {
    if (m_rule.count || m_done)
        return;
    const std::int64_t period = floorDiv(periodOf(day), m_rule.interval) * m_rule.interval;
    if (period < m_period)
        return;
    m_period = period;
    m_candidates.clear();
    m_cursor = 0;
    // The give-up span counts from the jump, not from the last date given.
    m_lastDay = std::max(m_lastDay, periodStart(period));
}

} // namespace mss::recurrence
