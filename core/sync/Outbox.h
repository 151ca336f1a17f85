#pragma once

#include "storage/Database.h"
#include "storage/RecordKind.h"

#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QSqlQuery>
#include <QString>

#include <optional>

namespace mss::sync {

// One change the user made that the server has not confirmed yet: the
// request that carries it, with what makes replaying it safe (the id the
// client gave a new record, an idempotency key, the version it was based
// on).
struct OutboxEntry {
    enum class State : int {
        Pending = 0,  // to be pushed
        Conflict = 1, // refused by the server (409/412): waits for the user
        Rejected = 2, // refused for another reason (400/403/404/422): waits for the user
    };

    qint64 seq = 0; // push order
    storage::RecordKind kind = storage::RecordKind::Appointment;
    QString recordId;
    QString method; // POST, PUT, DELETE
    QString path;   // below /api/v1
    QJsonObject body;
    QByteArray idempotencyKey;
    qint64 baseVersion = 0; // the server version the change was made on; 0 for creates
    State state = State::Pending;
    int attempts = 0;
    qint64 nextAttemptMs = 0; // not before this (backoff after network errors)
    QString lastError;
    QString summary; // what the user did, for the pending-changes list ("Move")
};

// The user's changes in the order they were made, in the cache's SQLite
// file. An entry is appended in the same transaction as the cache change it
// stands for, and removed only in the transaction that records the server's
// answer: a crash between the two leaves it to be pushed again, and the
// idempotency key makes the second push harmless.
class CacheSecrets;

class Outbox {
public:
    explicit Outbox(storage::Database& db);
    // Requests are kept sealed from then on (they may carry a meeting link).
    void setSecrets(const CacheSecrets* secrets) { m_secrets = secrets; }

    // Inside the caller's transaction.
    Result<qint64> append(const OutboxEntry& entry);
    Result<void> remove(qint64 seq);
    Result<void> update(const OutboxEntry& entry);
    // Every pending entry may go at once, whatever its backoff said (the
    // user asked to retry, or the server is back).
    Result<void> retryAllNow();

    // The oldest entry, if it is Pending; an entry waiting for the user
    // blocks the entries after it for the same record only.
    Result<std::optional<OutboxEntry>> nextToPush(qint64 nowMs);
    Result<QList<OutboxEntry>> all();
    Result<QList<OutboxEntry>> forRecord(const QString& recordId);
    Result<int> pendingCount();
    Result<bool> hasEntriesFor(const QString& recordId);
    // Every record with an entry: what a pull must not overwrite.
    Result<QSet<QString>> recordsWithEntries();
    // After the server confirmed a change that took the record from
    // `oldVersion` to `newVersion`, the record's later entries, made on
    // oldVersion by this same user, are based on newVersion.
    Result<void> rebase(const QString& recordId, qint64 oldVersion, qint64 newVersion);

private:
    QByteArray stored(const QJsonObject& body) const;
    Result<QList<OutboxEntry>> readAll(QSqlQuery& q);

    storage::Database& m_db;
    const CacheSecrets* m_secrets = nullptr;
};

} // namespace mss::sync
