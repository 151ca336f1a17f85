#pragma once

#include <QByteArray>
#include <QString>

namespace mss::server {

// Argon2id (libsodium's crypto_pwhash_str), at libsodium's interactive cost:
// about 0.1 s and 64 MiB per hash on an office PC.
QString hashPassword(const QByteArray& password);
bool verifyPassword(const QString& hash, const QByteArray& password);

// The rule for new passwords: at least 10 characters, at most 1024.
bool isAcceptablePassword(const QByteArray& password);

} // namespace mss::server
