#pragma once

#include "domain/ProviderAvailability.h"
#include "domain/WaitlistEntry.h"
#include "scheduling/TimeRange.h"

#include <QHash>
#include <QTimeZone>

#include <optional>
#include <span>

namespace mss::scheduling {

// A span of a provider's time that has come free: a cancelled or moved
// appointment, the end of a shortened one, new hours.
struct FreeSlot {
    domain::ObjectId provider;
    QDateTime start; // UTC
    QDateTime end;   // UTC
    // When set, only entries of this type fit (the desk matching a slot
    // for a chosen type); unset, any type does.
    std::optional<domain::AppointmentType> appointmentType;
};

// An entry that fits a slot, and the time it would be offered: the
// earliest part of the slot, as long as the entry's duration, that the
// entry's windows, dates and location, the provider's availability and the
// client's own bookings all allow.
struct WaitlistFit {
    qsizetype index = -1; // into the entries passed
    TimeRange time;
};

struct WaitlistMatchInput {
    FreeSlot slot;
    // The slot provider's availability records (weekly blocks, one-off
    // exceptions, time off).
    std::span<const domain::ProviderAvailability> availability;
    QTimeZone zone; // the practice's: windows and dates are read on its clocks
    std::span<const domain::WaitlistEntry> entries;
    // Each client's booked times (appointments holding their time), by
    // client id; need not be sorted.
    const QHash<domain::ObjectId, QList<TimeRange>>* clientBookings = nullptr;
    QDateTime now; // entries expired by then do not fit
};

// The entries that fit the slot, best first: priority (High, Normal, Low),
// then the longest waiting (earliest createdAt; an entry without one
// last), then by id so the order is always the same. Only Waiting entries
// fit; an entry fits when
//  - its provider is the slot's, or it takes any provider;
//  - its type is the slot's, when the slot names one;
//  - the slot's practice-local date is within earliestDate..latestDate;
//  - it has not expired at `now`;
//  - a stretch of `duration` minutes of the slot lies within one of its
//    preferred windows (any time when it has none), within the provider's
//    available time serving its location, and off the client's bookings.
QList<WaitlistFit> matchWaitlist(const WaitlistMatchInput& input);

// Whether `a` ranks before `b` (priority, then longest waiting, then id).
bool ranksBefore(const domain::WaitlistEntry& a, const domain::WaitlistEntry& b);

} // namespace mss::scheduling
