#include "server/SecretBox.h"

#include <QFile>
#include <QFileInfo>

#include <sodium.h>

namespace mss::server {

using namespace Qt::StringLiterals;

bool initSodium() {
    return sodium_init() >= 0;
}

std::expected<SecretBox, QString> SecretBox::openOrCreate(const QString& keyFile) {
    if (!initSodium())
        return std::unexpected(u"libsodium cannot start"_s);
    SecretBox box;
    QFile file(keyFile);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly))
            return std::unexpected(u"cannot read the key file %1"_s.arg(keyFile));
        box.m_key = file.readAll();
        if (box.m_key.size() != crypto_secretbox_KEYBYTES)
            return std::unexpected(u"the key file %1 is damaged"_s.arg(keyFile));
        if (file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther))
            return std::unexpected(
                u"the key file %1 is readable by others: chmod 600 it"_s.arg(keyFile));
        return box;
    }
    box.m_key.resize(crypto_secretbox_KEYBYTES);
    crypto_secretbox_keygen(reinterpret_cast<unsigned char*>(box.m_key.data()));
    // Created with owner-only permissions before any byte is written.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(box.m_key) != box.m_key.size() || !file.flush())
        return std::unexpected(u"cannot write the key file %1"_s.arg(keyFile));
    file.close();
    return box;
}

QByteArray SecretBox::seal(const QByteArray& plain) const {
    QByteArray out(qsizetype(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) +
                       plain.size(),
                   Qt::Uninitialized);
    auto* nonce = reinterpret_cast<unsigned char*>(out.data());
    randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES,
                          reinterpret_cast<const unsigned char*>(plain.constData()),
                          quint64(plain.size()), nonce,
                          reinterpret_cast<const unsigned char*>(m_key.constData()));
    return out;
}

std::optional<QByteArray> SecretBox::open(const QByteArray& sealed) const {
    const qsizetype overhead = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES;
    if (sealed.size() < overhead)
        return std::nullopt;
    QByteArray plain(sealed.size() - overhead, Qt::Uninitialized);
    const auto* nonce = reinterpret_cast<const unsigned char*>(sealed.constData());
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()),
                                   nonce + crypto_secretbox_NONCEBYTES,
                                   quint64(sealed.size() - crypto_secretbox_NONCEBYTES), nonce,
                                   reinterpret_cast<const unsigned char*>(m_key.constData())) != 0)
        return std::nullopt;
    return plain;
}

} // namespace mss::server
