#pragma once

#include <QDate>

#include <cstdint>

namespace mss::recurrence::civil {

// Calendar arithmetic on plain day numbers (days since 1970-01-01, proleptic
// Gregorian). The expansion loop does all of its date work here: QDate's
// year()/month()/day() each redo the Julian-day conversion, and at a million
// occurrences a second that conversion would dominate.

using Day = std::int64_t;

struct YearMonthDay {
    int year;
    int month; // 1-12
    int day;   // 1-31
};

// Howard Hinnant's days_from_civil.
constexpr Day fromCivil(int year, int month, int day) {
    const int y = year - (month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int mp = (month + 9) % 12;
    const int doy = (153 * mp + 2) / 5 + day - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return Day(era) * 146097 + doe - 719468;
}

constexpr YearMonthDay toCivil(Day days) {
    const Day z = days + 719468;
    const Day era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = int(z - era * 146097);
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int day = doy - (153 * mp + 2) / 5 + 1;
    const int month = mp < 10 ? mp + 3 : mp - 9;
    const int year = int(yoe + era * 400) + (month <= 2 ? 1 : 0);
    return {year, month, day};
}

constexpr bool isLeapYear(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

constexpr int daysInMonth(int year, int month) {
    constexpr int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeapYear(year) ? 29 : lengths[month - 1];
}

constexpr int daysInYear(int year) {
    return isLeapYear(year) ? 366 : 365;
}

// ISO weekday, Monday = 1 ... Sunday = 7, as QDate::dayOfWeek() numbers it.
constexpr int weekday(Day days) {
    // 1970-01-01 was a Thursday (4).
    const Day r = (days + 3) % 7;
    return int(r < 0 ? r + 7 : r) + 1;
}

inline constexpr std::int64_t julianDayOfEpoch = 2440588;

inline QDate toQDate(Day days) {
    return QDate::fromJulianDay(days + julianDayOfEpoch);
}

inline Day fromQDate(QDate date) {
    return date.toJulianDay() - julianDayOfEpoch;
}

} // namespace mss::recurrence::civil
