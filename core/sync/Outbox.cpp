#include "sync/Outbox.h"

#include "sync/CacheSecrets.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace mss::sync {

using namespace Qt::StringLiterals;

namespace {

// SQLite keeps a null QString as NULL; the text columns here are NOT NULL.
QString text(const QString& s) {
    return s.isNull() ? QString(u""_s) : s;
}

const QString columns =
    u"seq, kind, record_id, method, path, body, idempotency_key, base_version, state, "
    "attempts, next_attempt_ms, last_error, summary"_s;

OutboxEntry read(const QSqlQuery& q) {
    OutboxEntry e;
    e.seq = q.value(0).toLongLong();
    e.kind = static_cast<storage::RecordKind>(q.value(1).toInt());
    e.recordId = q.value(2).toString();
    e.method = q.value(3).toString();
    e.path = q.value(4).toString();
    e.body = QJsonDocument::fromJson(q.value(5).toByteArray()).object();
    e.idempotencyKey = q.value(6).toByteArray();
    e.baseVersion = q.value(7).toLongLong();
    e.state = static_cast<OutboxEntry::State>(q.value(8).toInt());
    e.attempts = q.value(9).toInt();
    e.nextAttemptMs = q.value(10).toLongLong();
    e.lastError = q.value(11).toString();
    e.summary = q.value(12).toString();
    return e;
}

} // namespace

Result<QList<OutboxEntry>> Outbox::readAll(QSqlQuery& q) {
    if (auto r = storage::Database::run(q); !r)
        return std::unexpected(r.error());
    QList<OutboxEntry> out;
    while (q.next()) {
        OutboxEntry e = read(q);
        if (m_secrets)
            e.body = m_secrets->openDocument(q.value(5).toByteArray());
        out.append(e);
    }
    q.finish(); // holds no read snapshot between calls
    return out;
}

QByteArray Outbox::stored(const QJsonObject& body) const {
    return m_secrets ? m_secrets->sealDocument(body)
                     : QJsonDocument(body).toJson(QJsonDocument::Compact);
}

Outbox::Outbox(storage::Database& db)
    : m_db(db) {}

Result<qint64> Outbox::append(const OutboxEntry& e) {
    QSqlQuery& q = m_db.prepare(
        u"INSERT INTO outbox(kind, record_id, method, path, body, idempotency_key, base_version, "
        "state, attempts, next_attempt_ms, last_error, summary) "
        "VALUES(?, ?, ?, ?, ?, ?, ?, ?, 0, 0, '', ?)"_s);
    q.addBindValue(int(e.kind));
    q.addBindValue(e.recordId);
    q.addBindValue(text(e.method));
    q.addBindValue(text(e.path));
    q.addBindValue(stored(e.body));
    q.addBindValue(e.idempotencyKey);
    q.addBindValue(e.baseVersion);
    q.addBindValue(int(e.state));
    q.addBindValue(text(e.summary));
    if (auto r = storage::Database::run(q); !r)
        return std::unexpected(r.error());
    return q.lastInsertId().toLongLong();
}

Result<void> Outbox::remove(qint64 seq) {
    QSqlQuery& q = m_db.prepare(u"DELETE FROM outbox WHERE seq = ?"_s);
    q.addBindValue(seq);
    return storage::Database::run(q);
}

Result<void> Outbox::update(const OutboxEntry& e) {
    QSqlQuery& q =
        m_db.prepare(u"UPDATE outbox SET body = ?, base_version = ?, state = ?, attempts = ?, "
                     "next_attempt_ms = ?, last_error = ? WHERE seq = ?"_s);
    q.addBindValue(stored(e.body));
    q.addBindValue(e.baseVersion);
    q.addBindValue(int(e.state));
    q.addBindValue(e.attempts);
    q.addBindValue(e.nextAttemptMs);
    q.addBindValue(text(e.lastError));
    q.addBindValue(e.seq);
    return storage::Database::run(q);
}

Result<std::optional<OutboxEntry>> Outbox::nextToPush(qint64 nowMs) {
    // The oldest pending entry whose record has no older entry waiting for
    // the user: a conflict on one appointment does not hold up the others.
    QSqlQuery& q =
        m_db.prepare(u"SELECT "_s + columns +
                     u" FROM outbox o WHERE state = 0 AND NOT EXISTS (SELECT 1 FROM outbox b "
                     "WHERE b.record_id = o.record_id AND b.seq < o.seq AND b.state <> 0) "
                     "ORDER BY seq LIMIT 1"_s);
    auto rows = readAll(q);
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->isEmpty() || rows->front().nextAttemptMs > nowMs)
        return std::optional<OutboxEntry>{};
    return std::optional<OutboxEntry>{rows->front()};
}

Result<QList<OutboxEntry>> Outbox::all() {
    QSqlQuery& q = m_db.prepare(u"SELECT "_s + columns + u" FROM outbox ORDER BY seq"_s);
    return readAll(q);
}

Result<void> Outbox::retryAllNow() {
    QSqlQuery& q = m_db.prepare(
        u"UPDATE outbox SET next_attempt_ms = 0 WHERE state = 0 AND next_attempt_ms > 0"_s);
    return storage::Database::run(q);
}

Result<QList<OutboxEntry>> Outbox::forRecord(const QString& recordId) {
    QSqlQuery& q =
        m_db.prepare(u"SELECT "_s + columns + u" FROM outbox WHERE record_id = ? ORDER BY seq"_s);
    q.addBindValue(recordId);
    return readAll(q);
}

Result<int> Outbox::pendingCount() {
    QSqlQuery& q = m_db.prepare(u"SELECT COUNT(*) FROM outbox"_s);
    if (auto r = storage::Database::run(q); !r)
        return std::unexpected(r.error());
    const auto value = q.next() ? q.value(0).toInt() : 0;
    q.finish();
    return value;
}

Result<bool> Outbox::hasEntriesFor(const QString& recordId) {
    QSqlQuery& q = m_db.prepare(u"SELECT 1 FROM outbox WHERE record_id = ? LIMIT 1"_s);
    q.addBindValue(recordId);
    if (auto r = storage::Database::run(q); !r)
        return std::unexpected(r.error());
    const bool found = q.next();
    q.finish();
    return found;
}

Result<QSet<QString>> Outbox::recordsWithEntries() {
    QSqlQuery& q = m_db.prepare(u"SELECT DISTINCT record_id FROM outbox"_s);
    if (auto r = storage::Database::run(q); !r)
        return std::unexpected(r.error());
    QSet<QString> out;
    while (q.next())
        out.insert(q.value(0).toString());
    q.finish();
    return out;
}

Result<void> Outbox::rebase(const QString& recordId, qint64 oldVersion, qint64 newVersion) {
    QSqlQuery& q = m_db.prepare(
        u"UPDATE outbox SET base_version = ? WHERE record_id = ? AND base_version = ?"_s);
    q.addBindValue(newVersion);
    q.addBindValue(recordId);
    q.addBindValue(oldVersion);
    return storage::Database::run(q);
}

} // namespace mss::sync
