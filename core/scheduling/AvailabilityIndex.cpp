#include "scheduling/AvailabilityIndex.h"

#include "base/CalendarDate.h"
#include "base/WallClock.h"

#include <limits>

namespace mss::scheduling {

using domain::Location;
using domain::ProviderAvailability;

namespace {

constexpr qint64 msPerMinute = 60'000;
constexpr qint64 msPerDay = 86'400'000;

// Wall-clock minutes of one local day to UTC milliseconds. wallClockToUtc
// reads the zone's offset up to a day either side of the wall time; when no
// transition falls within two days of the day, every one of those readings
// is the same offset and the conversion is a subtraction.
class DayClock {
public:
    DayClock(QDate day, const QTimeZone& zone)
        : m_day(day)
        , m_zone(zone) {
        m_localMidnightMs = (day.toJulianDay() - QDate(1970, 1, 1).toJulianDay()) * msPerDay;
        if (!zone.isValid() || zone == QTimeZone::utc()) {
            m_offsetMs = 0;
            return;
        }
        const auto utc = [](qint64 ms) {
            return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
        };
        const QTimeZone::OffsetData next =
            zone.nextTransition(utc(m_localMidnightMs - 2 * msPerDay));
        if (!next.atUtc.isValid() ||
            next.atUtc.toMSecsSinceEpoch() > m_localMidnightMs + 3 * msPerDay)
            m_offsetMs = qint64(zone.offsetFromUtc(utc(m_localMidnightMs))) * 1000;
    }

    qint64 utcMs(int minuteOfDay) const {
        if (m_offsetMs)
            return m_localMidnightMs + minuteOfDay * msPerMinute - *m_offsetMs;
        return wallClockToUtc(m_day, minuteOfDay, m_zone).toMSecsSinceEpoch();
    }

private:
    QDate m_day;
    const QTimeZone& m_zone;
    qint64 m_localMidnightMs = 0;
    std::optional<qint64> m_offsetMs; // none: a transition is near
};

} // namespace

AvailabilityIndex::AvailabilityIndex(std::span<const ProviderAvailability> records,
                                     const QTimeZone& zone)
    : m_zone(zone) {
    constexpr qint64 unbounded = std::numeric_limits<qint64>::max();
    for (const ProviderAvailability& r : records) {
        // The records resolveAvailability skips.
        if (r.endTime <= r.startTime || (!r.isRecurring && !r.effectiveDate))
            continue;
        Block b;
        b.startMinute = r.startTime.minutes();
        b.endMinute = r.endTime.minutes();
        b.isAvailable = r.isAvailable;
        b.location = r.location;
        b.firstDay =
            r.effectiveDate ? calendarDate(*r.effectiveDate, zone).toJulianDay() : -unbounded;
        if (r.isRecurring) {
            b.lastDay = r.endDate ? calendarDate(*r.endDate, zone).toJulianDay() : unbounded;
            const int weekday = static_cast<int>(r.dayOfWeek);
            if (weekday >= 1 && weekday <= 7)
                m_weekly[std::size_t(weekday - 1)].push_back(b);
        } else {
            // A one-off without an endDate covers its effectiveDate alone.
            b.lastDay = r.endDate ? calendarDate(*r.endDate, zone).toJulianDay() : b.firstDay;
            m_oneOff.push_back(b);
        }
    }
}

void AvailabilityIndex::addBlocksOfDay(QDate day, std::optional<Location> location,
                                       QList<TimeRange>& open, QList<TimeRange>& blocked) const {
    const qint64 jd = day.toJulianDay();
    std::optional<DayClock> clock;
    const auto add = [&](const Block& b) {
        if (jd < b.firstDay || jd > b.lastDay)
            return;
        if (b.isAvailable && location && !serves(b.location, *location))
            return;
        if (!clock)
            clock.emplace(day, m_zone);
        const TimeRange r{clock->utcMs(b.startMinute), clock->utcMs(b.endMinute)};
        (b.isAvailable ? open : blocked).append(r);
    };
    for (const Block& b : m_weekly[std::size_t(day.dayOfWeek() - 1)])
        add(b);
    for (const Block& b : m_oneOff)
        add(b);
}

ResolvedAvailability AvailabilityIndex::resolve(QDate first, QDate last,
                                                std::optional<Location> location) const {
    QList<TimeRange> open;
    QList<TimeRange> blocked;
    for (QDate day = first; day.isValid() && day <= last; day = day.addDays(1))
        addBlocksOfDay(day, location, open, blocked);
    ResolvedAvailability out;
    out.blocked = normalized(std::move(blocked));
    out.available = subtract(normalized(std::move(open)), out.blocked);
    return out;
}

bool AvailabilityIndex::isWithinAvailability(const domain::Appointment& a) const {
    const ResolvedAvailability resolved =
        resolve(localDate(a.startTime, m_zone), localDate(a.endTime, m_zone), a.location);
    return covers(resolved.available, TimeRange::of(a.startTime, a.endTime));
}

} // namespace mss::scheduling
