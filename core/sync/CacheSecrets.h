#pragma once

#include "base/Error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <functional>
#include <optional>

namespace mss::sync {

class TokenStore;

// Encrypts what the cache must not keep in clear: meeting links and
// passwords of appointments and series, and the outbox's requests and the
// conflicts' copies that may carry them (libsodium secretbox:
// XSalsa20-Poly1305, a random nonce per value). The key lives in the OS
// keychain, not beside the file, so a copied cache file shows the schedule
// but not the links.
class CacheSecrets {
public:
    static constexpr qsizetype keySize = 32;

    // A fresh random key.
    static QByteArray newKey();
    // nullopt when the key has the wrong size or libsodium cannot start.
    static std::optional<CacheSecrets> withKey(const QByteArray& key);

    QByteArray seal(const QByteArray& plain) const;
    // nullopt when the value was sealed with another key or was altered.
    std::optional<QByteArray> open(const QByteArray& sealed) const;

    // Takes the record's secret fields (virtualMeetingLink,
    // virtualMeetingPassword) out of `doc`, sealed together; empty when it
    // has none.
    QByteArray takeSecrets(QJsonObject& doc) const;
    // Puts them back. A value that does not open (another key) stays out:
    // the record shows without its link rather than not at all.
    void restoreSecrets(QJsonObject& doc, const QByteArray& sealed) const;

    // A whole JSON document sealed, for blobs that may hold secrets (an
    // outbox request, a conflict's copies); `openDocument` also reads the
    // clear JSON an older cache wrote.
    QByteArray sealDocument(const QJsonObject& doc) const;
    QJsonObject openDocument(const QByteArray& stored) const;

private:
    QByteArray m_key;
};

// The key of one cache in the OS keychain under `account` (the server and
// the user, as for the token): read, or made and stored on first use.
// KeychainUnavailable when the keychain refuses.
void loadOrCreateCacheKey(TokenStore& store, const QString& account,
                          std::function<void(Result<QByteArray>)> done);

} // namespace mss::sync
