#include "recurrence/ZoneTable.h"

#include <QDateTime>

#include <algorithm>
#include <limits>
#include <memory>

namespace mss::recurrence {

namespace {

constexpr std::int64_t msPerDay = 86'400'000;
// Extend coverage in generous steps: reading transitions costs far more than
// a few extra table entries.
constexpr std::int64_t growStepMs = 10 * 366 * msPerDay;

std::int64_t offsetMsAt(const QTimeZone& zone, std::int64_t utcMs) {
    return std::int64_t(zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC))) * 1000;
}

} // namespace

ZoneTable::ZoneTable(const QTimeZone& zone)
    : m_zone(zone) {
    if (!zone.isValid() || zone.id() == "UTC") {
        m_fixed = true;
        return;
    }
    if (!zone.hasTransitions()) {
        m_fixed = true;
        m_fixedOffsetMs =
            std::int64_t(zone.standardTimeOffset(QDateTime::currentDateTimeUtc())) * 1000;
    }
}

void ZoneTable::rebuild(std::int64_t fromUtcMs, std::int64_t toUtcMs) {
    m_localStart.clear();
    m_utcStart.clear();
    m_offsetMs.clear();
    const std::int64_t first = offsetMsAt(m_zone, fromUtcMs);
    m_utcStart.push_back(std::numeric_limits<std::int64_t>::min() / 2);
    m_offsetMs.push_back(first);
    m_localStart.push_back(m_utcStart.back());
    // One query per year: Qt 6.4's transitions() over a span that crosses the
    // end of a zone file's explicit entries (2037) stops there, while a span
    // past it gives the rule-based transitions correctly.
    constexpr std::int64_t yearMs = 365 * msPerDay;
    for (std::int64_t begin = fromUtcMs; begin < toUtcMs; begin += yearMs) {
        const std::int64_t end = std::min(begin + yearMs, toUtcMs);
        const auto transitions =
            m_zone.transitions(QDateTime::fromMSecsSinceEpoch(begin, Qt::UTC),
                               QDateTime::fromMSecsSinceEpoch(end - 1, Qt::UTC));
        for (const QTimeZone::OffsetData& t : transitions) {
            const std::int64_t at = t.atUtc.toMSecsSinceEpoch();
            const std::int64_t offset = std::int64_t(t.offsetFromUtc) * 1000;
            if (at <= m_utcStart.back() || at <= fromUtcMs || offset == m_offsetMs.back())
                continue; // a change of name only, already in force, or seen
            m_utcStart.push_back(at);
            m_offsetMs.push_back(offset);
            m_localStart.push_back(at + offset);
        }
    }
}

void ZoneTable::cover(std::int64_t localMs) {
    // Offsets are within a day of zero, so two days of margin either side
    // of the local span cover every UTC instant that can matter.
    const std::int64_t from =
        std::min(m_coveredTo < m_coveredFrom ? localMs : m_coveredFrom, localMs - growStepMs);
    const std::int64_t to =
        std::max(m_coveredTo < m_coveredFrom ? localMs : m_coveredTo, localMs + growStepMs);
    rebuild(from - 2 * msPerDay, to + 2 * msPerDay);
    m_coveredFrom = from;
    m_coveredTo = to;
}

std::int64_t ZoneTable::toUtcMs(std::int64_t localMs) {
    if (m_fixed)
        return localMs - m_fixedOffsetMs;
    if (localMs < m_coveredFrom || localMs >= m_coveredTo)
        cover(localMs);
    // k: the last segment whose wall-clock readings begin at or before the
    // time. In a gap, no segment holds the time and k is the one before the
    // gap: reading the time with its offset lands the gap's length later,
    // which is the policy. In an overlap, segment k - 1 (before the clocks
    // went back) still holds the time and gives the earlier instant.
    const auto it = std::upper_bound(m_localStart.begin(), m_localStart.end(), localMs);
    const size_t k = size_t(it - m_localStart.begin()) - 1;
    if (k > 0 && localMs < m_utcStart[k] + m_offsetMs[k - 1])
        return localMs - m_offsetMs[k - 1];
    return localMs - m_offsetMs[k];
}

std::shared_ptr<ZoneTable> ZoneTable::forZone(const QTimeZone& zone) {
    // A handful of zones per process at most (usually one: the practice's).
    thread_local std::vector<std::pair<QByteArray, std::shared_ptr<ZoneTable>>> tables;
    const QByteArray id = zone.id();
    for (const auto& [tableId, table] : tables) {
        if (tableId == id)
            return table;
    }
    if (tables.size() >= 16)
        tables.erase(tables.begin());
    tables.emplace_back(id, std::make_shared<ZoneTable>(zone));
    return tables.back().second;
}

} // namespace mss::recurrence
