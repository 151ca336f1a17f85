#pragma once

#include "base/Error.h"
#include "domain/Enums.h"
#include "domain/Record.h"

#include <QDateTime>
#include <QJsonObject>

#include <optional>

namespace mss::domain {

// One way of reminding a client: email or SMS.
struct ReminderChannel {
    bool enabled = true;
    double timingHours = 24; // hours before the start
    bool sent = false;
    std::optional<QDateTime> sentAt;
    QJsonObject unknown;

    friend bool operator==(const ReminderChannel&, const ReminderChannel&) = default;
};

inline ReminderChannel withTiming(double hours) {
    ReminderChannel c;
    c.timingHours = hours;
    return c;
}

// The contract's defaults: email 24 h and SMS 2 h before, both enabled.
struct ReminderSettings {
    ReminderChannel email = withTiming(24);
    ReminderChannel sms = withTiming(2);
    QJsonObject unknown;

    friend bool operator==(const ReminderSettings&, const ReminderSettings&) = default;
};

struct Appointment {
    RecordMeta meta;
    Reference client;
    Reference provider;
    QDateTime startTime; // UTC
    QDateTime endTime;   // UTC
    int duration = 0;    // minutes; derived from the times when not sent
    AppointmentType appointmentType = AppointmentType::IndividualTherapy;
    Location location = Location::Office;
    std::optional<QString> virtualMeetingLink;
    std::optional<QString> virtualMeetingPassword;
    AppointmentStatus status = AppointmentStatus::Scheduled;
    ConfirmationStatus confirmationStatus = ConfirmationStatus::NotSent;
    std::optional<QDateTime> confirmationSentAt;
    std::optional<QDateTime> confirmationResponseAt;
    std::optional<QString> cancellationReason;
    double cancellationFee = 0;
    std::optional<QString> notes;
    ReminderSettings reminderSettings;
    std::optional<ObjectId> recurringAppointment;

    const ObjectId& id() const { return meta.id; }
    bool holdsTime() const { return domain::holdsTime(status); }

    // Reads a wire document. In Validate mode every broken rule is reported
    // with the others, each naming its field.
    static Checked<Appointment> fromJson(const QJsonObject& json,
                                         DecodeMode mode = DecodeMode::Validate);
    QJsonObject toJson(const EncodeOptions& options = {}) const;

    friend bool operator==(const Appointment&, const Appointment&) = default;
};

// The rules a well-formed appointment keeps: end after start, duration
// matching the times, no longer than maxAppointmentMinutes, a cancellation
// fee that is not negative.
Errors validate(const Appointment& appointment);

} // namespace mss::domain
