#include "server/SecretBox.h"

#include "base/SecretSeal.h"

#include <QFile>
#include <QFileInfo>

namespace mss::server {

using namespace Qt::StringLiterals;

bool initSodium() {
    return secretseal::init();
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
        if (box.m_key.size() != secretseal::keySize)
            return std::unexpected(u"the key file %1 is damaged"_s.arg(keyFile));
        if (file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther))
            return std::unexpected(
                u"the key file %1 is readable by others: chmod 600 it"_s.arg(keyFile));
        return box;
    }
    box.m_key = secretseal::newKey();
    // Created with owner-only permissions before any byte is written.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(box.m_key) != box.m_key.size() || !file.flush())
        return std::unexpected(u"cannot write the key file %1"_s.arg(keyFile));
    file.close();
    return box;
}

QByteArray SecretBox::seal(const QByteArray& plain) const {
    return secretseal::seal(m_key, plain);
}

std::optional<QByteArray> SecretBox::open(const QByteArray& sealed) const {
    return secretseal::open(m_key, sealed);
}

} // namespace mss::server
