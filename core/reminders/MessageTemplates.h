#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QTimeZone>

namespace mss::reminders {

// What a reminder says about one appointment. The SMS uses none of the
// clinical fields (HIPAA minimum necessary): no appointment type, no notes.
struct MessageFields {
    QString clientFirstName;
    QDateTime start;
    QTimeZone zone;
    QString providerName;
    QString location;
    QString confirmLink;
    QString declineLink;
    QString practiceName;
    QString language;        // "es" or "en"
    QString appointmentType; // picks a template override; never printed by default
};

struct RenderedMessage {
    QString subject;
    QString text;
    QString html;
    QString sms;
};

// The built-in English and Spanish templates, with the practice's overrides
// (settings "templates": {"es": {"default"|"<appointmentType>": {emailSubject,
// emailText, emailHtml, sms}}}) put over them.
RenderedMessage renderMessage(const MessageFields& fields, const QJsonObject& overrides);

} // namespace mss::reminders
