#include "base/SecretSeal.h"

#include <sodium.h>

namespace mss::secretseal {

static_assert(keySize == crypto_secretbox_KEYBYTES);

namespace {

constexpr qsizetype overhead = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES;

const unsigned char* bytes(const QByteArray& b) {
    return reinterpret_cast<const unsigned char*>(b.constData());
}

} // namespace

bool init() {
    return sodium_init() >= 0;
}

QByteArray newKey() {
    if (!init())
        return {};
    QByteArray key(keySize, Qt::Uninitialized);
    crypto_secretbox_keygen(reinterpret_cast<unsigned char*>(key.data()));
    return key;
}

QByteArray seal(const QByteArray& key, const QByteArray& plain) {
    QByteArray out(overhead + plain.size(), Qt::Uninitialized);
    auto* nonce = reinterpret_cast<unsigned char*>(out.data());
    randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES, bytes(plain), quint64(plain.size()),
                          nonce, bytes(key));
    return out;
}

std::optional<QByteArray> open(const QByteArray& key, const QByteArray& sealed) {
    if (sealed.size() < overhead || key.size() != keySize)
        return std::nullopt;
    QByteArray plain(sealed.size() - overhead, Qt::Uninitialized);
    const unsigned char* nonce = bytes(sealed);
    if (crypto_secretbox_open_easy(
            reinterpret_cast<unsigned char*>(plain.data()), nonce + crypto_secretbox_NONCEBYTES,
            quint64(sealed.size() - crypto_secretbox_NONCEBYTES), nonce, bytes(key)) != 0)
        return std::nullopt;
    return plain;
}

} // namespace mss::secretseal
