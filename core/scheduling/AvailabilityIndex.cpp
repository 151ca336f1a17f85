#include "scheduling/AvailabilityIndex.h"

#include "base/CalendarDate.h"

#include <limits>

namespace mss::scheduling {

using domain::Location;
using domain::ProviderAvailability;

namespace {

constexpr qint64 msPerMinute = 60'000;
constexpr qint64 msPerDay = 86'400'000;

// "Local milliseconds" of a wall-clock time: the reading counted as if the
// zone were UTC, what recurrence::ZoneTable converts.
qint64 localMs(QDate day, int minuteOfDay) {
    return (day.toJulianDay() - QDate(1970, 1, 1).toJulianDay()) * msPerDay +
           minuteOfDay * msPerMinute;
}

} // namespace

AvailabilityIndex::AvailabilityIndex(std::span<const ProviderAvailability> records,
                                     const QTimeZone& zone)
    : m_table(recurrence::ZoneTable::forZone(zone)) {
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
    const auto add = [&](const Block& b) {
        if (jd < b.firstDay || jd > b.lastDay)
            return;
        if (b.isAvailable && location && !serves(b.location, *location))
            return;
        const TimeRange r{m_table->toUtcMs(localMs(day, b.startMinute)),
                          m_table->toUtcMs(localMs(day, b.endMinute))};
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

QDate AvailabilityIndex::localDate(const QDateTime& instant) const {
    const qint64 utc = instant.toMSecsSinceEpoch();
    const qint64 local = utc + m_table->offsetMsAt(utc);
    const qint64 days = local >= 0 ? local / msPerDay : (local - msPerDay + 1) / msPerDay;
    return QDate(1970, 1, 1).addDays(days);
}

bool AvailabilityIndex::isWithinAvailability(const domain::Appointment& a) const {
    const ResolvedAvailability resolved =
        resolve(localDate(a.startTime), localDate(a.endTime), a.location);
    return covers(resolved.available, TimeRange::of(a.startTime, a.endTime));
}

} // namespace mss::scheduling
