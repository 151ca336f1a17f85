#pragma once

#include <QDate>

#include <chrono>
#include <cstdint>

namespace mss::civil {

// Calendar arithmetic on plain day numbers (days since 1970-01-01, proleptic
// Gregorian). The expansion loop does all of its date work here: QDate's
// year()/month()/day() each redo the Julian-day conversion, and at a million
// occurrences a second that conversion would dominate. The wire-time
// reader (WallClock.cpp) uses it for the same reason.

using Day = std::int64_t;

struct YearMonthDay {
    int year;
    int month; // 1-12
    int day;   // 1-31
};

// std::chrono's civil calendar does the conversions; these name them in
// day numbers.
constexpr Day fromCivil(int year, int month, int day) {
    using namespace std::chrono;
    return sys_days{std::chrono::year{year} / unsigned(month) / unsigned(day)}
        .time_since_epoch()
        .count();
}

constexpr YearMonthDay toCivil(Day days) {
    using namespace std::chrono;
    const year_month_day ymd{sys_days{std::chrono::days{days}}};
    return {int(ymd.year()), int(unsigned(ymd.month())), int(unsigned(ymd.day()))};
}

constexpr bool isLeapYear(int year) {
    return std::chrono::year{year}.is_leap();
}

constexpr int daysInMonth(int year, int month) {
    using namespace std::chrono;
    return int(unsigned((std::chrono::year{year} / unsigned(month) / last).day()));
}

constexpr int daysInYear(int year) {
    return isLeapYear(year) ? 366 : 365;
}

// ISO weekday, Monday = 1 ... Sunday = 7, as QDate::dayOfWeek() numbers it.
constexpr int weekday(Day days) {
    using namespace std::chrono;
    return int(std::chrono::weekday{sys_days{std::chrono::days{days}}}.iso_encoding());
}

static_assert(fromCivil(1970, 1, 1) == 0 && fromCivil(2000, 3, 1) == 11017);
static_assert(toCivil(-1).year == 1969 && toCivil(-1).month == 12 && toCivil(-1).day == 31);
static_assert(daysInMonth(2024, 2) == 29 && daysInMonth(2100, 2) == 28 && weekday(0) == 4);

inline constexpr std::int64_t julianDayOfEpoch = 2440588;

inline QDate toQDate(Day days) {
    return QDate::fromJulianDay(days + julianDayOfEpoch);
}

inline Day fromQDate(QDate date) {
    return date.toJulianDay() - julianDayOfEpoch;
}

} // namespace mss::civil
