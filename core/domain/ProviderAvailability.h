#pragma once

#include "base/CalendarDate.h"
#include "base/Error.h"
#include "domain/Enums.h"
#include "domain/Record.h"
#include "domain/TimeOfDay.h"

namespace mss::domain {

// A block of a provider's week, or a one-off exception to it.
//  - isRecurring (default): every `dayOfWeek` from effectiveDate (if any)
//    through endDate (if any), startTime to endTime practice-local.
//  - isRecurring false: a one-off covering each day from effectiveDate
//    through endDate (or effectiveDate alone), whatever dayOfWeek says.
//  - isAvailable false marks the time as blocked (time off, a meeting);
//    blocks are subtracted from the available ones.
struct ProviderAvailability {
    RecordMeta meta;
    Reference provider;
    DayOfWeek dayOfWeek = DayOfWeek::Monday;
    TimeOfDay startTime;
    TimeOfDay endTime;
    bool isAvailable = true;
    AvailabilityLocation location = AvailabilityLocation::Office;
    std::optional<QString> notes;
    std::optional<QDateTime> effectiveDate; // a calendar date: see base/CalendarDate.h
    std::optional<QDateTime> endDate;
    bool isRecurring = true;

    const ObjectId& id() const { return meta.id; }

    // Validate checks the order of the dates as calendar dates in the
    // practice's zone, which it then needs (an invalid zone is an error).
    static Checked<ProviderAvailability> fromJson(const QJsonObject& json, DecodeMode mode,
                                                  const QTimeZone& practiceZone = {});
    QJsonObject toJson(const EncodeOptions& options = {}) const;

    friend bool operator==(const ProviderAvailability&, const ProviderAvailability&) = default;
};

// End after start; a one-off needs effectiveDate; endDate not before
// effectiveDate, as calendar dates in the practice's zone.
Errors validate(const ProviderAvailability& availability, const QTimeZone& practiceZone);

} // namespace mss::domain
