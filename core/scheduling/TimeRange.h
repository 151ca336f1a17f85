#pragma once

#include <QDateTime>
#include <QList>
#include <QTimeZone>

namespace mss::scheduling {

// A half-open span of time [start, end) in UTC, as milliseconds since the
// epoch: two ranges that touch (one ends as the other starts) do not
// overlap.
struct TimeRange {
    qint64 start = 0;
    qint64 end = 0;

    static TimeRange of(const QDateTime& start, const QDateTime& end) {
        return {start.toMSecsSinceEpoch(), end.toMSecsSinceEpoch()};
    }
    QDateTime startTime() const { return QDateTime::fromMSecsSinceEpoch(start, QTimeZone::utc()); }
    QDateTime endTime() const { return QDateTime::fromMSecsSinceEpoch(end, QTimeZone::utc()); }
    bool isEmpty() const { return end <= start; }
    bool overlaps(const TimeRange& other) const { return start < other.end && other.start < end; }
    bool contains(const TimeRange& other) const { return start <= other.start && other.end <= end; }

    friend bool operator==(const TimeRange&, const TimeRange&) = default;
};

// Sorts and merges overlapping or touching ranges; drops empty ones.
QList<TimeRange> normalized(QList<TimeRange> ranges);

// `from` minus every range of `cut`; both must be normalized.
QList<TimeRange> subtract(const QList<TimeRange>& from, const QList<TimeRange>& cut);

// The parts of normalized `ranges` inside `window`.
QList<TimeRange> clipped(const QList<TimeRange>& ranges, TimeRange window);

// Whether normalized `ranges` cover all of `range`.
bool covers(const QList<TimeRange>& ranges, TimeRange range);

} // namespace mss::scheduling
