#pragma once

#include <QDate>
#include <QDateTime>
#include <QStringView>
#include <QTimeZone>

namespace mss {

// Calendar dates on the wire: one rule for the server and the desk
// (docs/time.md, "Calendar dates"). A date field (a series' startDate and
// endDate, an exception's date, availability effectiveDate and endDate, a
// client's dateOfBirth) arrives as
//  - a date-only "YYYY-MM-DD": that calendar date;
//  - an instant at exactly 00:00:00.000Z: that UTC date (what JavaScript's
//    toISOString writes for a date picker's value);
//  - any other instant: its calendar date on the practice's clocks.
// Never the nearest midnight: an afternoon in New York is late evening in
// UTC, and rounding would move it to the next day.

// Reads a date field. A date-only string becomes UTC midnight of its date
// (which the rule reads back as that date); an instant is read as
// fromWireTime reads it. Invalid when the text is neither.
QDateTime fromWireDate(QStringView text);

// The calendar date that a date field stands for in a practice whose zone
// is `practiceZone`. An invalid zone reads as UTC.
QDate calendarDate(const QDateTime& instant, const QTimeZone& practiceZone);

// How this project writes a calendar date: UTC midnight of that date, the
// form the MentalSpace server answers with.
QDateTime calendarDateInstant(QDate date);

} // namespace mss
