#include "sync/CacheSecrets.h"

#include "sync/TokenStore.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <sodium.h>

namespace mss::sync {

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype overhead = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES;
const QLatin1StringView secretFields[] = {"virtualMeetingLink"_L1, "virtualMeetingPassword"_L1};

} // namespace

QByteArray CacheSecrets::newKey() {
    QByteArray key(keySize, Qt::Uninitialized);
    if (sodium_init() < 0)
        return {};
    crypto_secretbox_keygen(reinterpret_cast<unsigned char*>(key.data()));
    return key;
}

std::optional<CacheSecrets> CacheSecrets::withKey(const QByteArray& key) {
    static_assert(keySize == crypto_secretbox_KEYBYTES);
    if (key.size() != keySize || sodium_init() < 0)
        return std::nullopt;
    CacheSecrets out;
    out.m_key = key;
    return out;
}

QByteArray CacheSecrets::seal(const QByteArray& plain) const {
    QByteArray out(overhead + plain.size(), Qt::Uninitialized);
    auto* nonce = reinterpret_cast<unsigned char*>(out.data());
    randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES,
                          reinterpret_cast<const unsigned char*>(plain.constData()),
                          quint64(plain.size()), nonce,
                          reinterpret_cast<const unsigned char*>(m_key.constData()));
    return out;
}

std::optional<QByteArray> CacheSecrets::open(const QByteArray& sealed) const {
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

QByteArray CacheSecrets::takeSecrets(QJsonObject& doc) const {
    QJsonObject secrets;
    for (QLatin1StringView field : secretFields) {
        const auto it = doc.constFind(field);
        if (it == doc.constEnd())
            continue;
        secrets.insert(field, *it);
        doc.remove(field);
    }
    if (secrets.isEmpty())
        return {};
    return seal(QJsonDocument(secrets).toJson(QJsonDocument::Compact));
}

void CacheSecrets::restoreSecrets(QJsonObject& doc, const QByteArray& sealed) const {
    if (sealed.isEmpty())
        return;
    const auto plain = open(sealed);
    if (!plain)
        return;
    const QJsonObject secrets = QJsonDocument::fromJson(*plain).object();
    for (auto it = secrets.begin(); it != secrets.end(); ++it)
        doc.insert(it.key(), it.value());
}

QByteArray CacheSecrets::sealDocument(const QJsonObject& doc) const {
    return seal(QJsonDocument(doc).toJson(QJsonDocument::Compact));
}

QJsonObject CacheSecrets::openDocument(const QByteArray& stored) const {
    if (stored.startsWith('{'))
        return QJsonDocument::fromJson(stored).object();
    const auto plain = open(stored);
    return plain ? QJsonDocument::fromJson(*plain).object() : QJsonObject{};
}

void loadOrCreateCacheKey(TokenStore& store, const QString& account,
                          std::function<void(Result<QByteArray>)> done) {
    const QString key = u"cache key of "_s + account;
    store.load(key, [&store, key, done = std::move(done)](Result<std::optional<QString>> found) {
        if (!found) {
            done(std::unexpected(found.error()));
            return;
        }
        if (*found) {
            const QByteArray bytes = QByteArray::fromBase64(found->value().toLatin1());
            if (bytes.size() == CacheSecrets::keySize) {
                done(bytes);
                return;
            }
        }
        // None yet (or unreadable, which leaves the links of the old key
        // unreadable, not the schedule): a new one.
        const QByteArray fresh = CacheSecrets::newKey();
        if (fresh.isEmpty()) {
            done(std::unexpected(
                Error{ErrorCode::KeychainUnavailable,
                      {},
                      QCoreApplication::translate("CacheSecrets", "libsodium cannot start")}));
            return;
        }
        store.save(key, QString::fromLatin1(fresh.toBase64()), [fresh, done](Result<void> saved) {
            if (!saved)
                done(std::unexpected(saved.error()));
            else
                done(fresh);
        });
    });
}

} // namespace mss::sync
