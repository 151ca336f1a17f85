#pragma once

#include "base/Error.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <expected>

namespace mss::reminders {

// Offer: a waitlist offer's link (its id in place of the appointment's),
// which accepts or declines on the page it opens.
enum class ConfirmAction { Confirm = 0, Decline = 1, Offer = 2 };

// The signed, expiring token of a confirm or decline link: the appointment
// id, the action and the expiry, authenticated with HMAC-SHA256 (libsodium
// crypto_auth_hmacsha256) under a key kept in the data directory
// (confirm.key, 0600). Nothing about the client is in it.
class ConfirmationKey {
public:
    // Reads the key at `keyFile`, creating it (mode 0600) when missing.
    static Result<ConfirmationKey> openOrCreate(const QString& keyFile);

    QString issue(const QString& appointmentId, ConfirmAction action,
                  const QDateTime& expires) const;

    struct Claim {
        QString appointmentId;
        ConfirmAction action = ConfirmAction::Confirm;
    };
    enum class Refusal { Forged, Expired };
    std::expected<Claim, Refusal> verify(const QString& token, const QDateTime& now) const;

private:
    QByteArray m_key;
};

} // namespace mss::reminders
