#pragma once

#include "recurrence/ZoneRules.h"

#include <QTimeZone>

#include <cstdint>
#include <memory>
#include <vector>

namespace mss::recurrence {

// Local wall-clock time to UTC for one zone, from a table of the zone's
// offset changes, with exactly the DST policy of base/WallClock (a time in
// a spring-forward gap moves forward by the gap's length; a time that occurs
// twice is its first instant).
//
// Why a table: QTimeZone::offsetFromUtc costs microseconds a call, and
// wallClockToUtc makes several, which would cap expansion far below a million
// occurrences a second. The zone's transitions over the span in use are read
// once; each conversion is then a binary search over a few dozen entries.
// The covered span grows on demand, so a caller never has to know it.
//
// The offsets come from the zone's TZif file where there is one (ZoneRules),
// so that years past the file's explicit entries follow its POSIX rule;
// elsewhere from QTimeZone.
class ZoneTable {
public:
    explicit ZoneTable(const QTimeZone& zone);

    // "Local milliseconds" are the wall-clock reading counted as if the zone
    // were UTC (days since 1970-01-01 of the local date, plus the time).
    std::int64_t toUtcMs(std::int64_t localMs);

    // The zone's offset from UTC at a UTC instant (ms since the epoch).
    std::int64_t offsetMsAt(std::int64_t utcMs);

    const QTimeZone& zone() const { return m_zone; }

    // The table for `zone` kept for this thread, so that expanding many
    // series in one zone reads the zone's rules once. Shared, so that a
    // cursor holding it outlives the cache's eviction of a rarely used zone.
    // A table is not thread-safe: use it on the thread that asked for it.
    static std::shared_ptr<ZoneTable> forZone(const QTimeZone& zone);

private:
    void cover(std::int64_t localMs);
    void rebuild(std::int64_t fromUtcMs, std::int64_t toUtcMs);

    QTimeZone m_zone;
    std::optional<ZoneRules> m_rules; // the zone file's rules, when there is one
    bool m_fixed = false;             // UTC or no transitions at all: one offset
    std::int64_t m_fixedOffsetMs = 0;
    std::int64_t m_coveredFrom = 0; // local ms, inclusive
    std::int64_t m_coveredTo = -1;  // local ms, exclusive
    // Segment k has offset m_offsetMs[k] from UTC instant m_utcStart[k]
    // until m_utcStart[k + 1]; m_localStart[k] = m_utcStart[k] + m_offsetMs[k]
    // is where its wall-clock readings begin (increasing, since transitions
    // are months apart and shift the clock by hours).
    std::vector<std::int64_t> m_localStart;
    std::vector<std::int64_t> m_utcStart;
    std::vector<std::int64_t> m_offsetMs;
};

} // namespace mss::recurrence
