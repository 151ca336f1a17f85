#pragma once

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
    std::optional<QDateTime> effectiveDate; // a calendar date: see calendarDate()
    std::optional<QDateTime> endDate;
    bool isRecurring = true;

    const ObjectId& id() const { return meta.id; }

    static Checked<ProviderAvailability> fromJson(const QJsonObject& json,
                                                  DecodeMode mode = DecodeMode::Validate);
    QJsonObject toJson(const EncodeOptions& options = {}) const;

    friend bool operator==(const ProviderAvailability&, const ProviderAvailability&) = default;
};

// End after start; a one-off needs effectiveDate; endDate not before
// effectiveDate.
Errors validate(const ProviderAvailability& availability);

// The calendar date that a date-only field (effectiveDate, endDate,
// startDate, an exception's date) stands for. Servers store such a date as
// an instant near midnight: UTC midnight, or midnight in the zone of the
// browser that wrote it. The date is the one whose UTC midnight is nearest,
// which is right for every zone from UTC-12 to UTC+12 (docs/time.md).
QDate calendarDate(const QDateTime& instant);

// How a calendar date is written: UTC midnight of that date.
QDateTime calendarDateInstant(QDate date);

} // namespace mss::domain
