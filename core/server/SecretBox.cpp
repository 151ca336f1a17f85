#include "server/SecretBox.h"

#include "base/KeyFile.h"
#include "base/SecretSeal.h"

#include <QMessageAuthenticationCode>

namespace mss::server {

using namespace Qt::StringLiterals;

bool initSodium() {
    return secretseal::init();
}

Result<SecretBox> SecretBox::openOrCreate(const QString& keyFile) {
    if (!initSodium())
        return std::unexpected(Error{ErrorCode::Unavailable, {}, u"libsodium cannot start"_s});
    auto key =
        openOrCreateKeyFile(keyFile, secretseal::keySize, [] { return secretseal::newKey(); });
    if (!key)
        return std::unexpected(key.error());
    SecretBox box;
    box.m_key = std::move(*key);
    return box;
}

QByteArray SecretBox::seal(const QByteArray& plain) const {
    return secretseal::seal(m_key, plain);
}

std::optional<QByteArray> SecretBox::open(const QByteArray& sealed) const {
    return secretseal::open(m_key, sealed);
}

QByteArray SecretBox::derivedKey(const QByteArray& purpose) const {
    return QMessageAuthenticationCode::hash(purpose, m_key, QCryptographicHash::Sha256);
}

} // namespace mss::server
