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

std::int64_t qtOffsetMsAt(const QTimeZone& zone, std::int64_t utcMs) {
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
        return;
    }
    m_rules = ZoneRules::load(zone.id());
}

void ZoneTable::rebuild(std::int64_t fromUtcMs, std::int64_t toUtcMs) {
    m_localStart.clear();
    m_utcStart.clear();
    m_offsetMs.clear();
    const auto append = [&](std::int64_t at, std::int64_t offset) {
        if (at <= m_utcStart.back() || at <= fromUtcMs || offset == m_offsetMs.back())
            return; // a change of name only, already in force, or seen
        m_utcStart.push_back(at);
        m_offsetMs.push_back(offset);
        m_localStart.push_back(at + offset);
    };
    m_utcStart.push_back(std::numeric_limits<std::int64_t>::min() / 2);
    m_localStart.push_back(m_utcStart.back());
    if (m_rules) {
        m_offsetMs.push_back(m_rules->offsetMsAt(fromUtcMs));
        for (const ZoneRules::Change& c : m_rules->changes(fromUtcMs, toUtcMs))
            append(c.atUtcMs, c.offsetMs);
        return;
    }
    // No zone file to read (not a Linux-like system): ask QTimeZone, one
    // query per year. Qt 6.4's transitions() loses rule-based transitions
    // past a zone file's explicit entries in a span that crosses their end,
    // so this path is only as good as the platform's backend.
    m_offsetMs.push_back(qtOffsetMsAt(m_zone, fromUtcMs));
    constexpr std::int64_t yearMs = 365 * msPerDay;
    for (std::int64_t begin = fromUtcMs; begin < toUtcMs; begin += yearMs) {
        const std::int64_t end = std::min(begin + yearMs, toUtcMs);
        const auto transitions =
            m_zone.transitions(QDateTime::fromMSecsSinceEpoch(begin, Qt::UTC),
                               QDateTime::fromMSecsSinceEpoch(end - 1, Qt::UTC));
        for (const QTimeZone::OffsetData& t : transitions)
            append(t.atUtc.toMSecsSinceEpoch(), std::int64_t(t.offsetFromUtc) * 1000);
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

std::int64_t ZoneTable::offsetMsAt(std::int64_t utcMs) {
    if (m_fixed)
        return m_fixedOffsetMs;
    // Local and UTC readings are within a day of each other, and the table
    // covers two days beyond its local span.
    if (utcMs < m_coveredFrom || utcMs >= m_coveredTo)
        cover(utcMs);
    const auto it = std::upper_bound(m_utcStart.begin(), m_utcStart.end(), utcMs);
    return m_offsetMs[size_t(it - m_utcStart.begin()) - 1];
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
