#include "scheduling/Availability.h"

#include "base/CalendarDate.h"
#include "base/WallClock.h"

#include <algorithm>

namespace mss::scheduling {

using domain::AvailabilityLocation;
using domain::Location;
using domain::ProviderAvailability;

namespace {

bool coversDay(const ProviderAvailability& r, QDate day, const QTimeZone& zone) {
    if (r.effectiveDate && day < calendarDate(*r.effectiveDate, zone))
        return false;
    if (r.isRecurring) {
        if (r.endDate && day > calendarDate(*r.endDate, zone))
            return false;
        return day.dayOfWeek() == static_cast<int>(r.dayOfWeek);
    }
    // A one-off without an endDate covers its effectiveDate alone.
    const QDate last =
        r.endDate ? calendarDate(*r.endDate, zone) : calendarDate(*r.effectiveDate, zone);
    return day <= last;
}

TimeRange onDay(const ProviderAvailability& r, QDate day, const QTimeZone& zone) {
    return TimeRange::of(wallClockToUtc(day, r.startTime.minutes(), zone),
                         wallClockToUtc(day, r.endTime.minutes(), zone));
}

} // namespace

bool serves(AvailabilityLocation offered, Location wanted) {
    switch (offered) {
    case AvailabilityLocation::Both:
        return true;
    case AvailabilityLocation::Office:
        return wanted == Location::Office;
    case AvailabilityLocation::Virtual:
        return wanted == Location::Virtual || wanted == Location::Phone;
    case AvailabilityLocation::Other:
        return wanted == Location::HomeVisit || wanted == Location::Other;
    }
    return false;
}

ResolvedAvailability resolveAvailability(std::span<const ProviderAvailability> records, QDate first,
                                         QDate last, const QTimeZone& zone,
                                         std::optional<Location> location) {
    QList<TimeRange> open;
    QList<TimeRange> blocked;
    for (QDate day = first; day <= last; day = day.addDays(1)) {
        for (const ProviderAvailability& r : records) {
            if (r.endTime <= r.startTime || (!r.isRecurring && !r.effectiveDate) ||
                !coversDay(r, day, zone))
                continue;
            if (!r.isAvailable)
                blocked.append(onDay(r, day, zone));
            else if (!location || serves(r.location, *location))
                open.append(onDay(r, day, zone));
        }
    }
    ResolvedAvailability out;
    out.blocked = normalized(std::move(blocked));
    out.available = subtract(normalized(std::move(open)), out.blocked);
    return out;
}

QList<domain::Appointment> bookedDuring(const ProviderAvailability& blocking,
                                        std::span<const domain::Appointment> appointments,
                                        const QTimeZone& zone) {
    QList<domain::Appointment> out;
    if (blocking.isAvailable)
        return out;
    for (const domain::Appointment& a : appointments) {
        if (a.provider.id != blocking.provider.id || !a.holdsTime())
            continue;
        const auto blocked =
            resolveAvailability(std::span(&blocking, 1), localDate(a.startTime, zone),
                                localDate(a.endTime, zone), zone)
                .blocked;
        const TimeRange held = TimeRange::of(a.startTime, a.endTime);
        if (std::ranges::any_of(blocked, [&](const TimeRange& r) { return r.overlaps(held); }))
            out << a;
    }
    std::ranges::stable_sort(out, {}, &domain::Appointment::startTime);
    return out;
}

QString blockingNote(std::span<const ProviderAvailability> records, const QDateTime& instant,
                     const QTimeZone& zone) {
    const QDate day = localDate(instant, zone);
    const TimeRange moment = TimeRange::of(instant, instant.addMSecs(1));
    for (const ProviderAvailability& r : records) {
        if (r.isAvailable || !r.notes || r.notes->trimmed().isEmpty())
            continue;
        const auto blocked = resolveAvailability(std::span(&r, 1), day, day, zone).blocked;
        if (std::ranges::any_of(blocked, [&](const TimeRange& b) { return b.overlaps(moment); }))
            return r.notes->trimmed();
    }
    return {};
}

bool isWithinAvailability(const domain::Appointment& a,
                          std::span<const ProviderAvailability> providerRecords,
                          const QTimeZone& zone) {
    const QDate first = localDate(a.startTime, zone);
    const QDate last = localDate(a.endTime, zone);
    const ResolvedAvailability resolved =
        resolveAvailability(providerRecords, first, last, zone, a.location);
    return covers(resolved.available, TimeRange::of(a.startTime, a.endTime));
}

} // namespace mss::scheduling
