#pragma once

#include <QByteArray>

#include <optional>

namespace mss::secretseal {

// Authenticated encryption of small values at rest: libsodium's secretbox
// (XSalsa20-Poly1305), a fresh random nonce per value stored in front of
// the ciphertext. The server seals meeting links and transport credentials
// with a key file of its data directory; the desk seals its cache with a
// key from the OS keychain. Where each key lives is the caller's business.

inline constexpr qsizetype keySize = 32;

// libsodium started (once; safe to call again). False when it cannot start.
bool init();
// A fresh random key; empty when libsodium cannot start.
QByteArray newKey();
// `key` must be keySize bytes.
QByteArray seal(const QByteArray& key, const QByteArray& plain);
// nullopt when `sealed` was not sealed with `key` or was altered.
std::optional<QByteArray> open(const QByteArray& key, const QByteArray& sealed);

} // namespace mss::secretseal
