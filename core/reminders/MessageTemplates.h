#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
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
    // A waitlist offer's: the page that accepts or declines it, and the
    // end of the hold.
    QString offerLink;
    QDateTime heldUntil;
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

// A waitlist offer (docs/waitlist.md, "The offer"): the built-in English
// and Spanish text with the practice's overrides under
// "templates": {"es": {"waitlistOffer": {...}}}.
RenderedMessage renderWaitlistOffer(const MessageFields& fields, const QJsonObject& overrides);

// The placeholders an offer's template may hold: clientFirstName, date,
// time, providerName, location, offerLink, heldUntil, practiceName.
const QStringList& offerPlaceholders();

// The placeholders a template may hold, as docs/reminders.md lists them:
// clientFirstName, date, time, providerName, location, confirmLink,
// declineLink, practiceName. Deliberately none for the appointment type or
// notes (clinical detail).
const QStringList& templatePlaceholders();

// What `text` holds in braces that is not a placeholder, each name once in
// the order met ("appointmentType" for "{appointmentType}"). Anything in
// braces counts, so the server refuses what an editor shows as refused.
QStringList unknownPlaceholders(const QString& text);
QStringList unknownPlaceholders(const QString& text, const QStringList& known);

} // namespace mss::reminders
