#pragma once

#include <QDate>
#include <QDateTime>
#include <QTime>
#include <QTimeZone>

namespace mss {

// Wall-clock time in a practice's time zone, and the DST policy of the
// project (docs/time.md):
//  - a wall time that does not exist (spring-forward gap) moves forward by
//    the gap's length: 02:30 on the day clocks jump 02:00 -> 03:00 is 03:30;
//  - a wall time that occurs twice (fall-back) is its first, earlier instant.
// Every conversion from a local date and time to an instant goes through
// here, so the policy holds in one place.

// The UTC instant of `date` at `time` on the wall clocks of `zone`.
QDateTime wallClockToUtc(QDate date, QTime time, const QTimeZone& zone);

// Same, with the time as minutes after local midnight (0..1440). 1440 is
// the next day's midnight, so a block "until 24:00" ends where it should.
QDateTime wallClockToUtc(QDate date, int minuteOfDay, const QTimeZone& zone);

// The calendar date of `instant` on the wall clocks of `zone`.
QDate localDate(const QDateTime& instant, const QTimeZone& zone);

// Minutes after local midnight of `instant` in `zone`.
int localMinuteOfDay(const QDateTime& instant, const QTimeZone& zone);

// Formats an instant the way the wire contract (JavaScript's toISOString)
// does: "2026-03-08T15:00:00.000Z".
QString toWireTime(const QDateTime& instant);

// Parses an ISO 8601 instant with a "Z" or a numeric offset, with or without
// milliseconds; the result is in UTC. An invalid QDateTime on failure.
QDateTime fromWireTime(QStringView text);

} // namespace mss
