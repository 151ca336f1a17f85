#include "server/Sessions.h"

#include "server/SecretBox.h"

#include <QCryptographicHash>

#include <sodium.h>

namespace mss::server {

using namespace Qt::StringLiterals;
using storage::Database;
using storage::DbResult;

Sessions::Sessions(Database& db, const Clock& clock)
    : m_db(db)
    , m_clock(clock) {}

QString Sessions::digest(const QByteArray& token) {
    return QString::fromLatin1(QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex());
}

DbResult<QString> Sessions::start(const QString& staffId) {
    initSodium();
    QByteArray raw(32, Qt::Uninitialized);
    randombytes_buf(raw.data(), size_t(raw.size()));
    const QByteArray token =
        raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
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

DbResult<std::optional<QString>> Sessions::staffOf(const QByteArray& token) {
    if (token.isEmpty() || token.size() > 100)
        return std::optional<QString>();
    QSqlQuery& q =
        m_db.prepare(u"SELECT staff FROM sessions WHERE token_hash = ? AND expires_ms > ?"_s);
    q.addBindValue(digest(token));
    q.addBindValue(m_clock.now().toMSecsSinceEpoch());
    if (auto r = Database::run(q); !r)
        return std::unexpected(r.error());
    if (!q.next())
        return std::optional<QString>();
    return std::optional<QString>(q.value(0).toString());
}

DbResult<void> Sessions::end(const QByteArray& token) {
    QSqlQuery& q = m_db.prepare(u"DELETE FROM sessions WHERE token_hash = ?"_s);
    q.addBindValue(digest(token));
    return Database::run(q);
}

DbResult<void> Sessions::endAllOf(const QString& staffId) {
    QSqlQuery& q = m_db.prepare(u"DELETE FROM sessions WHERE staff = ?"_s);
    q.addBindValue(staffId);
    return Database::run(q);
}

} // namespace mss::server
