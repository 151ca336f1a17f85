#include "server/Sessions.h"

#include "server/SecretBox.h"

#include <QCryptographicHash>
#include <QJsonDocument>

#include <sodium.h>

namespace mss::server {

using namespace Qt::StringLiterals;
using storage::Database;

Sessions::Sessions(Database& db, const Clock& clock)
    : m_db(db)
    , m_clock(clock) {}

QString Sessions::digest(const QByteArray& token) {
    return QString::fromLatin1(QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex());
}

QByteArray Sessions::newToken() {
    initSodium();
    QByteArray raw(32, Qt::Uninitialized);
    randombytes_buf(raw.data(), size_t(raw.size()));
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

Result<QString> Sessions::start(const QString& staffId) {
    const QByteArray token = newToken();
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    QSqlQuery& q = m_db.prepare(
        u"INSERT INTO sessions(token_hash, staff, created_ms, expires_ms) VALUES(?, ?, ?, ?)"_s);
    q.addBindValue(digest(token));
    q.addBindValue(staffId);
    q.addBindValue(now);
    q.addBindValue(now + lifetimeSeconds * 1000);
    if (auto r = Database::run(q); !r)
        return std::unexpected(r.error());
    // Expired sessions are swept on the way, so the table stays small.
    QSqlQuery& sweep = m_db.prepare(u"DELETE FROM sessions WHERE expires_ms <= ?"_s);
    sweep.addBindValue(now);
    if (auto r = Database::run(sweep); !r)
        return std::unexpected(r.error());
    return QString::fromLatin1(token);
}

Result<std::optional<Sessions::SignedIn>> Sessions::signedIn(const QByteArray& token) {
    if (token.isEmpty() || token.size() > 100)
        return std::optional<SignedIn>();
    QSqlQuery& q = m_db.prepare(u"SELECT s.staff, st.doc FROM sessions s JOIN staff st ON "
                                "st.id = s.staff WHERE s.token_hash = ? AND s.expires_ms > ?"_s);
    q.addBindValue(digest(token));
    q.addBindValue(m_clock.now().toMSecsSinceEpoch());
    if (auto r = Database::run(q); !r)
        return std::unexpected(r.error());
    if (!q.next())
        return std::optional<SignedIn>();
    SignedIn who{q.value(0).toString(), QJsonDocument::fromJson(q.value(1).toByteArray()).object()};
    q.finish();
    return std::optional<SignedIn>(std::move(who));
}

Result<void> Sessions::end(const QByteArray& token) {
    QSqlQuery& q = m_db.prepare(u"DELETE FROM sessions WHERE token_hash = ?"_s);
    q.addBindValue(digest(token));
    return Database::run(q);
}

Result<void> Sessions::endAllOf(const QString& staffId) {
    QSqlQuery& q = m_db.prepare(u"DELETE FROM sessions WHERE staff = ?"_s);
    q.addBindValue(staffId);
    if (auto r = Database::run(q); !r)
        return r;
    QSqlQuery& devices = m_db.prepare(u"DELETE FROM devices WHERE staff = ?"_s);
    devices.addBindValue(staffId);
    return Database::run(devices);
}

Result<bool> Sessions::isDeviceOf(const QByteArray& deviceToken, const QString& staffId) {
    // Asked even for an unknown email, which matches nothing: both cost the same.
    if (deviceToken.isEmpty() || deviceToken.size() > 100)
        return false;
    QSqlQuery& q = m_db.prepare(
        u"SELECT 1 FROM devices WHERE token_hash = ? AND staff = ? AND expires_ms > ?"_s);
    q.addBindValue(digest(deviceToken));
    q.addBindValue(staffId);
    q.addBindValue(m_clock.now().toMSecsSinceEpoch());
    if (auto r = Database::run(q); !r)
        return std::unexpected(r.error());
    const bool found = q.next();
    q.finish();
    return found;
}

Result<QString> Sessions::rememberDevice(const QString& staffId, const QByteArray& presented) {
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    const qint64 expires = now + deviceLifetimeSeconds * 1000;
    const auto known = isDeviceOf(presented, staffId);
    if (!known)
        return std::unexpected(known.error());
    if (*known) {
        QSqlQuery& q = m_db.prepare(u"UPDATE devices SET expires_ms = ? WHERE token_hash = ?"_s);
        q.addBindValue(expires);
        q.addBindValue(digest(presented));
        if (auto r = Database::run(q); !r)
            return std::unexpected(r.error());
        return QString::fromLatin1(presented);
    }
    const QByteArray token = newToken();
    QSqlQuery& q = m_db.prepare(
        u"INSERT INTO devices(token_hash, staff, created_ms, expires_ms) VALUES(?, ?, ?, ?)"_s);
    q.addBindValue(digest(token));
    q.addBindValue(staffId);
    q.addBindValue(now);
    q.addBindValue(expires);
    if (auto r = Database::run(q); !r)
        return std::unexpected(r.error());
    // Expired devices go, and the least recently used beyond the newest
    // `devicesPerStaff` of this person.
    QSqlQuery& sweep = m_db.prepare(
        u"DELETE FROM devices WHERE expires_ms <= ? OR (staff = ? AND token_hash NOT IN "
        "(SELECT token_hash FROM devices WHERE staff = ? ORDER BY expires_ms DESC LIMIT ?))"_s);
    sweep.addBindValue(now);
    sweep.addBindValue(staffId);
    sweep.addBindValue(staffId);
    sweep.addBindValue(devicesPerStaff);
    if (auto r = Database::run(sweep); !r)
        return std::unexpected(r.error());
    return QString::fromLatin1(token);
}

} // namespace mss::server
