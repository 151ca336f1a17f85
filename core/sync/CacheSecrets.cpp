#include "sync/CacheSecrets.h"

#include "base/SecretSeal.h"

#include "sync/TokenStore.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace mss::sync {

using namespace Qt::StringLiterals;

namespace {

const QLatin1StringView secretFields[] = {"virtualMeetingLink"_L1, "virtualMeetingPassword"_L1};

} // namespace

QByteArray CacheSecrets::newKey() {
    return secretseal::newKey();
}

std::optional<CacheSecrets> CacheSecrets::withKey(const QByteArray& key) {
    static_assert(keySize == secretseal::keySize);
    if (key.size() != keySize || !secretseal::init())
        return std::nullopt;
    CacheSecrets out;
    out.m_key = key;
    return out;
}

QByteArray CacheSecrets::seal(const QByteArray& plain) const {
    return secretseal::seal(m_key, plain);
}

std::optional<QByteArray> CacheSecrets::open(const QByteArray& sealed) const {
    return secretseal::open(m_key, sealed);
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
    // Sealed first: a sealed document starts with its random nonce, which
    // is '{' one time in 256, and only a sealed one authenticates. A
    // document written in clear (before the cache had a key) is JSON.
    if (const auto plain = open(stored))
        return QJsonDocument::fromJson(*plain).object();
    if (stored.startsWith('{'))
        return QJsonDocument::fromJson(stored).object();
    return {};
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
