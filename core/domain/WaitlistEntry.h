#pragma once

#include "base/Error.h"
#include "domain/Enums.h"
#include "domain/Record.h"
#include "domain/TimeOfDay.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>
#include <QTimeZone>

#include <optional>

namespace mss::domain {

// A client waiting for a time to free up (an extension of this project;
// docs/server.md, "Waitlist"). The server and the desk read and write it
// here, and match it to a freed slot in scheduling/WaitlistMatch.h.

// Numeric values are persisted: append, never renumber.
enum class WaitlistPriority : int { High = 0, Normal = 1, Low = 2 };
enum class WaitlistStatus : int { Waiting = 0, Offered = 1, Booked = 2, Expired = 3, Removed = 4 };

template <>
struct EnumNames<WaitlistPriority> {
    static constexpr int first = 0;
    static constexpr auto names = std::to_array<std::u16string_view>({u"High", u"Normal", u"Low"});
};
template <>
struct EnumNames<WaitlistStatus> {
    static constexpr int first = 0;
    static constexpr auto names = std::to_array<std::u16string_view>(
        {u"Waiting", u"Offered", u"Booked", u"Expired", u"Removed"});
};

// A weekday and a span of wall-clock time in the practice's zone: "Mondays
// from 09:00 to 12:00", whatever the UTC offset that day.
struct PreferredWindow {
    DayOfWeek dayOfWeek = DayOfWeek::Monday;
    TimeOfDay startTime;
    TimeOfDay endTime;
    QJsonObject unknown;

    friend bool operator==(const PreferredWindow&, const PreferredWindow&) = default;
};

// The slot held for the entry's client while the entry is Offered.
struct WaitlistOffer {
    QDateTime startTime; // UTC
    QDateTime endTime;   // UTC
    ObjectId provider;
    QDateTime heldUntil; // UTC; the hold ends then
    std::optional<QDateTime> sentAt;
    QStringList channels; // "email", "sms"
    QJsonObject unknown;

    friend bool operator==(const WaitlistOffer&, const WaitlistOffer&) = default;
};

inline constexpr int minWaitlistMinutes = 15;
inline constexpr int maxWaitlistMinutes = 480;

struct WaitlistEntry {
    RecordMeta meta;
    Reference client;
    std::optional<Reference> provider; // nullopt: any provider
    AppointmentType appointmentType = AppointmentType::IndividualTherapy;
    int duration = 0; // minutes
    Location location = Location::Office;
    QList<PreferredWindow> preferredWindows; // empty: any time
    // Calendar dates (base/CalendarDate.h): a date-only value is UTC
    // midnight of its date, and is written back date-only.
    std::optional<QDateTime> earliestDate;
    std::optional<QDateTime> latestDate;
    WaitlistPriority priority = WaitlistPriority::Normal;
    std::optional<QString> notes;
    std::optional<QDateTime> expiresAt;
    WaitlistStatus status = WaitlistStatus::Waiting;
    std::optional<WaitlistOffer> offer;
    std::optional<ObjectId> bookedAppointment;

    const ObjectId& id() const { return meta.id; }

    // Whether the entry holds its offered slot at `now`: Offered with a
    // hold that has not ended.
    bool holdsSlotAt(const QDateTime& now) const;

    // Reads a wire document. In Validate mode every broken rule is reported
    // with the others, each naming its field; the order of the dates is
    // read in the practice's zone, which it then needs when both are given.
    static Checked<WaitlistEntry> fromJson(const QJsonObject& json,
                                           DecodeMode mode = DecodeMode::Validate,
                                           const QTimeZone& practiceZone = {});
    QJsonObject toJson(const EncodeOptions& options = {}) const;

    friend bool operator==(const WaitlistEntry&, const WaitlistEntry&) = default;
};

// The rules a well-formed entry keeps: a client, a duration of 15 to 480
// minutes, windows that end after they start, latestDate not before
// earliestDate, an offer while Offered and a bookedAppointment when Booked.
Errors validate(const WaitlistEntry& entry, const QTimeZone& practiceZone);

} // namespace mss::domain
