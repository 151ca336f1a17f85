#pragma once

#include "domain/Appointment.h"
#include "domain/ProviderAvailability.h"
#include "scheduling/TimeRange.h"

#include <QTimeZone>

#include <optional>
#include <span>

namespace mss::scheduling {

// What a provider's day is made of, as the slot finder needs it.
struct ProviderSchedule {
    domain::ObjectId provider;
    std::span<const domain::ProviderAvailability> availability; // this provider's
    std::span<const domain::Appointment> appointments;          // this provider's
};

struct OpenSlotQuery {
    QDateTime from; // the window searched, UTC
    QDateTime to;
    int durationMinutes = 50;
    // Start times fall on this grid of the practice's wall clock: every 15
    // minutes from local midnight means :00, :15, :30 and :45 local.
    int stepMinutes = 15;
    std::optional<domain::Location> location;
    QTimeZone zone;
    // No slot starts before this (the clock's "now"), so nobody is offered
    // time already gone.
    QDateTime notBefore;
    // Times when the client is already booked with someone else; no slot
    // overlaps them. Normalized.
    QList<TimeRange> clientBusy;
};

struct OpenSlot {
    domain::ObjectId provider;
    TimeRange time;

    friend bool operator==(const OpenSlot&, const OpenSlot&) = default;
};

// Free start times of the wanted duration inside each provider's available
// time and outside appointments that hold time, sorted by start and then by
// provider. At most `limit` slots.
QList<OpenSlot> openSlots(const OpenSlotQuery& query, std::span<const ProviderSchedule> providers,
                          qsizetype limit = 10'000);

} // namespace mss::scheduling
