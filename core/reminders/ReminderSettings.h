#pragma once

#include "base/Error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <expected>
#include <functional>
#include <optional>

namespace mss::reminders {

// Encrypts and decrypts credentials at rest; the server hands in its
// SecretBox, so this library does not depend on the server.
struct Sealer {
    std::function<QByteArray(const QByteArray&)> seal;
    std::function<std::optional<QByteArray>(const QByteArray&)> open;
};

enum class SmtpTls { Try = 0, Required = 1 }; // STARTTLS when offered / always

// How a practice sends reminders: the SMTP server, the SMS gateway, the
// links' base URL and template overrides. Stored as one JSON value in the
// `settings` table (key "reminders"); the password, the gateway token and
// the inbound secret are sealed there and never leave the server in clear.
struct ReminderSettings {
    QString smtpHost;
    int smtpPort = 587;
    QString smtpUser;
    QString smtpPassword;
    QString smtpFrom;
    SmtpTls smtpTls = SmtpTls::Try;
    QString smsUrl;
    QString smsAccount;
    QString smsToken;
    QString smsFrom;
    QString smsInboundSecret;
    QString practiceName;
    QString publicBaseUrl; // "https://scheduler.example.org", links start with it
    // {"en": {"default": {...}, "<appointmentType>": {...}}, "es": {...}};
    // each holds any of emailSubject, emailText, emailHtml, sms.
    QJsonObject templates;
    // The waitlist's automatic offer (docs/waitlist.md, "The offer"): how
    // long a freed slot is held for the client offered it (never past the
    // slot's start), and how long before a slot offers stop.
    int waitlistOfferHoldMinutes = 120;
    int waitlistOfferCutoffMinutes = 60;

    bool emailConfigured() const { return !smtpHost.isEmpty() && !smtpFrom.isEmpty(); }
    bool smsConfigured() const { return !smsUrl.isEmpty() && !smsFrom.isEmpty(); }

    static ReminderSettings fromStored(const QString& stored, const Sealer& sealer);
    QString toStored(const Sealer& sealer) const;
    // The answer of GET /settings/reminders: credentials as {"set": bool}.
    QJsonObject toWire() const;
    // Applies a PUT body; every problem names its field ("smtpPort",
    // "templates.es.default.sms").
    std::expected<void, Errors> apply(const QJsonObject& changes);
};

// An address SMTP and a mail header take as it is: local@domain.
bool isEmailAddress(const QString& text);

} // namespace mss::reminders
