#pragma once

#include "base/Error.h"

#include <QByteArray>
#include <QString>

#include <expected>
#include <optional>

namespace mss::server {

// Encrypts the meeting links and passwords kept at rest (libsodium
// secretbox: XSalsa20-Poly1305 with a random nonce per value). The key is a
// file of the data directory readable by its owner only; losing it loses
// the links, not the appointments.
class SecretBox {
public:
    // Reads the key at `keyFile`, creating it (mode 0600) when missing.
    static Result<SecretBox> openOrCreate(const QString& keyFile);

    QByteArray seal(const QByteArray& plain) const;
    // nullopt when the value was not sealed with this key or was altered.
    std::optional<QByteArray> open(const QByteArray& sealed) const;
    // A key of its own for `purpose` (HMAC-SHA-256 of it under this key):
    // the same on every server holding this secret.key, and telling nothing
    // of the key itself.
    QByteArray derivedKey(const QByteArray& purpose) const;

private:
    QByteArray m_key;
};

// libsodium must be initialised once before any use; safe to call again.
bool initSodium();

} // namespace mss::server
