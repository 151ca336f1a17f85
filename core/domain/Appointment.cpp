#include "domain/Appointment.h"

#include "base/WallClock.h"
#include "domain/Limits.h"

#include <QCoreApplication>

namespace mss::domain {

using namespace Qt::StringLiterals;

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("Validation", text);
}

ReminderChannel readChannel(const QJsonObject& json, Errors& errors, const QString& path,
                            double defaultTiming) {
    JsonReader r(json, errors, path);
    ReminderChannel c;
    c.enabled = r.boolean("enabled"_L1).value_or(true);
    c.timingHours = defaultTiming;
    if (auto timing = r.number("timing"_L1)) {
        if (*timing < 0 || *timing > 24 * 30)
            r.fail(ErrorCode::OutOfRange, "timing"_L1, tr("must be from 0 to 720 hours"));
        else
            c.timingHours = *timing;
    }
    c.sent = r.boolean("sent"_L1).value_or(false);
    c.sentAt = r.time("sentAt"_L1);
    c.unknown = r.unknownFields();
    return c;
}

QJsonObject writeChannel(const ReminderChannel& c) {
    QJsonObject out{{"enabled"_L1, c.enabled}, {"timing"_L1, c.timingHours}, {"sent"_L1, c.sent}};
    insertIf(out, "sentAt"_L1, c.sentAt);
    mergeUnknown(out, c.unknown);
    return out;
}

ReminderSettings readReminders(JsonReader& r, Errors& errors) {
    ReminderSettings s;
    const auto json = r.object("reminderSettings"_L1);
    if (!json)
        return s;
    JsonReader inner(*json, errors, r.pathOf("reminderSettings"_L1));
    if (auto email = inner.object("email"_L1))
        s.email = readChannel(*email, errors, inner.pathOf("email"_L1), 24);
    if (auto sms = inner.object("sms"_L1))
        s.sms = readChannel(*sms, errors, inner.pathOf("sms"_L1), 2);
    s.unknown = inner.unknownFields();
    return s;
}

} // namespace

Checked<Appointment> Appointment::fromJson(const QJsonObject& json, DecodeMode mode) {
    Errors errors;
    JsonReader r(json, errors);
    Appointment a;
    a.meta = readMeta(r);
    using P = JsonReader::Presence;
    // A busy block (another provider's appointment, as a server sends it to
    // a role that sees its own only: domain::busyBlock) has no client and no
    // type; read from a server, it is still a record to show.
    const P details = mode == DecodeMode::Validate ? P::Required : P::Optional;
    a.client = r.reference("client"_L1, details).value_or(Reference{});
    a.provider = r.reference("provider"_L1, P::Required).value_or(Reference{});
    a.startTime = r.time("startTime"_L1, P::Required).value_or(QDateTime{});
    a.endTime = r.time("endTime"_L1, P::Required).value_or(QDateTime{});
    const auto duration = r.integer("duration"_L1, 0, 100'000);
    a.appointmentType = r.enumeration<AppointmentType>("appointmentType"_L1, details)
                            .value_or(AppointmentType::IndividualTherapy);
    a.location = r.enumeration<Location>("location"_L1).value_or(Location::Office);
    a.virtualMeetingLink = r.string("virtualMeetingLink"_L1);
    a.virtualMeetingPassword = r.string("virtualMeetingPassword"_L1);
    a.status = r.enumeration<AppointmentStatus>("status"_L1).value_or(AppointmentStatus::Scheduled);
    a.confirmationStatus = r.enumeration<ConfirmationStatus>("confirmationStatus"_L1)
                               .value_or(ConfirmationStatus::NotSent);
    a.confirmationSentAt = r.time("confirmationSentAt"_L1);
    a.confirmationResponseAt = r.time("confirmationResponseAt"_L1);
    a.cancellationReason = r.string("cancellationReason"_L1);
    a.cancellationFee = r.number("cancellationFee"_L1).value_or(0);
    a.notes = r.string("notes"_L1);
    a.reminderSettings = readReminders(r, errors);
    a.recurringAppointment = r.id("recurringAppointment"_L1);
    finishMeta(a.meta, r);

    const bool timesValid = a.startTime.isValid() && a.endTime.isValid();
    if (duration) {
        a.duration = int(*duration);
    } else if (timesValid) {
        a.duration = int(a.startTime.secsTo(a.endTime) / 60);
    }
    if (mode == DecodeMode::Validate)
        appendUnnamed(errors, validate(a));
    if (!errors.isEmpty())
        return std::unexpected(errors);
    return a;
}

QJsonObject Appointment::toJson(const EncodeOptions& options) const {
    QJsonObject out;
    out.insert("client"_L1, encodeReference(client, options));
    out.insert("provider"_L1, encodeReference(provider, options));
    out.insert("startTime"_L1, toWireTime(startTime));
    out.insert("endTime"_L1, toWireTime(endTime));
    out.insert("duration"_L1, duration);
    out.insert("appointmentType"_L1, toWire(appointmentType));
    out.insert("location"_L1, toWire(location));
    insertIf(out, "virtualMeetingLink"_L1, virtualMeetingLink);
    insertIf(out, "virtualMeetingPassword"_L1, virtualMeetingPassword);
    out.insert("status"_L1, toWire(status));
    out.insert("confirmationStatus"_L1, toWire(confirmationStatus));
    insertIf(out, "confirmationSentAt"_L1, confirmationSentAt);
    insertIf(out, "confirmationResponseAt"_L1, confirmationResponseAt);
    insertIf(out, "cancellationReason"_L1, cancellationReason);
    out.insert("cancellationFee"_L1, cancellationFee);
    insertIf(out, "notes"_L1, notes);
    QJsonObject reminders{{"email"_L1, writeChannel(reminderSettings.email)},
                          {"sms"_L1, writeChannel(reminderSettings.sms)}};
    mergeUnknown(reminders, reminderSettings.unknown);
    out.insert("reminderSettings"_L1, reminders);
    insertIf(out, "recurringAppointment"_L1, recurringAppointment);
    writeMeta(out, meta, options);
    return out;
}

Errors validate(const Appointment& a) {
    Errors errors;
    if (a.client.id.isNull())
        errors.append({ErrorCode::Required, u"client"_s, tr("is required")});
    if (a.provider.id.isNull())
        errors.append({ErrorCode::Required, u"provider"_s, tr("is required")});
    if (!a.startTime.isValid() || !a.endTime.isValid())
        return errors;
    const qint64 seconds = a.startTime.secsTo(a.endTime);
    if (seconds <= 0) {
        errors.append({ErrorCode::EndNotAfterStart, u"endTime"_s, tr("must be after startTime")});
        return errors;
    }
    if (seconds % 60 != 0 || a.duration != seconds / 60) {
        errors.append({ErrorCode::DurationMismatch, u"duration"_s,
                       tr("is %1 minutes but startTime to endTime is %2")
                           .arg(a.duration)
                           .arg(double(seconds) / 60.0)});
    }
    if (seconds > qint64(maxAppointmentMinutes) * 60) {
        errors.append(
            {ErrorCode::TooLong, u"endTime"_s,
             tr("an appointment may last at most %1 hours").arg(maxAppointmentMinutes / 60)});
    }
    if (a.cancellationFee < 0)
        errors.append({ErrorCode::OutOfRange, u"cancellationFee"_s, tr("must not be negative")});
    return errors;
}

} // namespace mss::domain
