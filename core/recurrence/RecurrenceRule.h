#pragma once

#include "base/Error.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace mss::recurrence {

enum class Frequency { Daily, Weekly, Monthly, Yearly };

// A weekday in BYDAY, with its optional ordinal: 1MO is the first Monday of
// the month (or year), -1FR the last Friday, 0 means every such weekday.
struct WeekdayNum {
    int ordinal = 0;
    int weekday = 1; // Monday = 1 ... Sunday = 7

    friend bool operator==(const WeekdayNum&, const WeekdayNum&) = default;
};

// The end a rule's UNTIL names. RFC 5545 allows a date, a UTC date-time or a
// floating (local) date-time; each compares with an occurrence differently.
struct Until {
    enum class Kind { Date, Utc, Floating };
    Kind kind = Kind::Date;
    QDate date;          // Date and Floating: the local date
    int secondOfDay = 0; // Floating: the local time
    QDateTime utc;       // Utc: the instant

    friend bool operator==(const Until&, const Until&) = default;
};

// The subset of an RFC 5545 RRULE a practice's schedule needs: FREQ DAILY,
// WEEKLY, MONTHLY or YEARLY; INTERVAL; COUNT; UNTIL; BYDAY (with ordinals);
// BYMONTHDAY (negatives count from the month's end); BYMONTH; BYSETPOS; WKST.
// Occurrences keep the series' one wall-clock time, so rule parts below the
// day (BYHOUR, BYMINUTE, BYSECOND) and the rare BYYEARDAY/BYWEEKNO are
// refused with an error naming them rather than silently ignored.
struct RecurrenceRule {
    Frequency frequency = Frequency::Weekly;
    int interval = 1;
    std::optional<int> count;
    std::optional<Until> until;
    QList<WeekdayNum> byDay;
    QList<int> byMonthDay; // -31..-1, 1..31
    QList<int> byMonth;    // 1..12
    QList<int> bySetPos;   // -366..-1, 1..366
    int weekStart = 1;     // WKST, Monday = 1

    // Parses "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU" (an optional "RRULE:" prefix
    // is accepted). On failure the error's field names the rule part at
    // fault ("BYDAY", "UNTIL", ...) and its code is InvalidRule.
    static Result<RecurrenceRule> parse(QStringView text);

    // The canonical RRULE text (without "RRULE:"); parse(toString()) gives
    // back an equal rule.
    QString toString() const;

    friend bool operator==(const RecurrenceRule&, const RecurrenceRule&) = default;
};

// Two-letter RFC 5545 weekday names.
QString weekdayCode(int weekday);
std::optional<int> weekdayFromCode(QStringView code);

// RFC 5545 DATE ("20260310") and DATE-TIME ("20260310T140000" or with "Z").
struct RfcDateTime {
    QDate date;
    std::optional<int> secondOfDay; // absent for a DATE
    bool utc = false;

    friend bool operator==(const RfcDateTime&, const RfcDateTime&) = default;
};
std::optional<RfcDateTime> parseRfcDateTime(QStringView text);
QString formatRfcDateTime(const RfcDateTime& value);

} // namespace mss::recurrence
