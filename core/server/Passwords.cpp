#include "server/Passwords.h"

#include "server/SecretBox.h"

#include <sodium.h>

namespace mss::server {

QString hashPassword(const QByteArray& password) {
    initSodium();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, password.constData(), quint64(password.size()),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return {};
    return QString::fromLatin1(out);
}

bool verifyPassword(const QString& hash, const QByteArray& password) {
    initSodium();
    const QByteArray h = hash.toLatin1();
    if (h.isEmpty())
        return false;
    return crypto_pwhash_str_verify(h.constData(), password.constData(),
                                    quint64(password.size())) == 0;
}

bool isAcceptablePassword(const QByteArray& password) {
    return password.size() >= 10 && password.size() <= 1024;
}

} // namespace mss::server
