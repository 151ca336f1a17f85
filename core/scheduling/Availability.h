#pragma once

#include "domain/Appointment.h"
#include "domain/ProviderAvailability.h"
#include "scheduling/TimeRange.h"

#include <QDate>
#include <QTimeZone>

#include <optional>
#include <span>

namespace mss::scheduling {

// A provider's time over some days, resolved from their availability
// records in the practice's time zone (docs/scheduling.md):
//  - open: the weekly blocks of each day's weekday whose effective dates
//    cover the day and whose location serves the wanted one, plus one-off
//    available exceptions covering the day;
//  - blocked: every unavailable block (weekly or one-off) on the day, at
//    any location: time off is time off;
//  - available = open minus blocked.
struct ResolvedAvailability {
    QList<TimeRange> available; // normalized
    QList<TimeRange> blocked;   // normalized; for shading calendars
};

// Whether a block at `offered` serves an appointment at `wanted`: Both
// serves all; Office serves Office; Virtual serves Virtual and Phone; Other
// serves Home Visit and Other.
bool serves(domain::AvailabilityLocation offered, domain::Location wanted);

// Resolves one provider's records (the caller passes only theirs) for each
// practice-local day from `first` through `last`.
ResolvedAvailability resolveAvailability(std::span<const domain::ProviderAvailability> records,
                                         QDate first, QDate last, const QTimeZone& zone,
                                         std::optional<domain::Location> location = std::nullopt);

// Whether the appointment lies wholly inside its provider's available time;
// false means an OUTSIDE_AVAILABILITY warning (or refusal in strict mode).
bool isWithinAvailability(const domain::Appointment& appointment,
                          std::span<const domain::ProviderAvailability> providerRecords,
                          const QTimeZone& zone);

// The appointments among `appointments` that `blocking` (a provider's
// unavailable record: time off, or a weekly unavailable block) falls on:
// the same provider's, holding their time, overlapping its blocked time.
// In order of start. What the desk names when time off is added over
// bookings.
QList<domain::Appointment> bookedDuring(const domain::ProviderAvailability& blocking,
                                        std::span<const domain::Appointment> appointments,
                                        const QTimeZone& zone);

// The note of the first of `records` that blocks `instant` (an unavailable
// record with a note), or empty: what the calendars write on time off.
QString blockingNote(std::span<const domain::ProviderAvailability> records,
                     const QDateTime& instant, const QTimeZone& zone);

} // namespace mss::scheduling
