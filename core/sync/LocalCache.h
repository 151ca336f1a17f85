#pragma once

#include "domain/Appointment.h"
#include "domain/ProviderAvailability.h"
#include "domain/RecurringAppointment.h"
#include "domain/Staff.h"
#include "storage/Database.h"
#include "storage/RecordStore.h"
#include "sync/CacheSecrets.h"
#include "sync/ClientNameIndex.h"
#include "sync/Outbox.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QSqlQuery>

#include <memory>

namespace mss::sync {

// A change the server refused that waits for the user: the change they made
// ("mine"), what the server holds ("theirs"), and why.
struct SyncConflict {
    qint64 id = 0;
    qint64 outboxSeq = 0;
    storage::RecordKind kind = storage::RecordKind::Appointment;
    QString recordId;
    ConflictCode code = ConflictCode::Rejected;
    QString message; // the server's words
    QJsonObject mine;
    QJsonObject theirs;       // empty when the record is gone from the server
    QStringList collidesWith; // appointment ids, for SCHEDULING_CONFLICT
    qint64 createdMs = 0;
};

// The desktop's copy of the practice's schedule: one SQLite file (WAL) with
// the server's records (indexed columns plus the wire document and its
// version, as the server stores them), the outbox of changes not yet
// confirmed, the conflicts waiting for the user, and the sync cursor. The UI
// reads only from here.
class LocalCache {
public:
    // With `key` (CacheSecrets, from the OS keychain: loadOrCreateCacheKey)
    // meeting links and passwords, and the outbox's and conflicts' copies
    // of records, are kept encrypted; without it they are kept in clear
    // (tools and tests of other things). A cache once opened with a key
    // opens only with that key again: without it, or with another, open
    // fails naming the cause, so sealed unsent changes are never dropped.
    static Result<std::unique_ptr<LocalCache>>
    open(const QString& path, const std::optional<QByteArray>& key = std::nullopt);

    storage::Database& db() { return *m_db; }
    // The tables as they are stored: secrets sealed. Write and read records
    // through put() and get() below.
    storage::RecordStore& records() { return m_records; }
    Outbox& outbox() { return m_outbox; }
    bool encryptsSecrets() const { return m_secrets.has_value(); }

    // Inside the caller's transaction: stores a record, its meeting link
    // and password sealed.
    Result<void> put(storage::RecordKind kind, QJsonObject doc);
    // A record with its secrets opened.
    Result<std::optional<storage::StoredRecord>> get(storage::RecordKind kind, const QString& id);
    // The appointments generated from a series, any time, any status.
    Result<QList<domain::Appointment>> occurrencesOf(const QString& series);

    // Appointments of any status overlapping [from, to), of the given
    // providers (all when empty), by start. What calendars draw.
    Result<QList<domain::Appointment>> appointments(const QDateTime& from, const QDateTime& to,
                                                    const QStringList& providers = {});
    Result<std::optional<domain::Appointment>> appointment(const QString& id);
    // The appointments, past and future, of the clients whose name begins
    // with what was typed (sync/ClientNameIndex.h for the rule), that
    // `scope` lets the user see: up to `limit` on each side of `now`.
    Result<FoundAppointments> appointmentsOfClientsNamed(const QString& typed, const QDateTime& now,
                                                         const SearchScope& scope, int limit = 25);
    Result<QList<domain::ProviderAvailability>> availabilityOf(const QString& provider);
    Result<QList<domain::RecurringAppointment>> seriesOf(const QString& provider);
    Result<QList<domain::Staff>> staff();
    Result<QList<domain::Client>> clients();
    Result<qint64> count(storage::RecordKind kind);

    // Occurrences the cache shows for a series change before the server
    // has generated its own: each is tied to the outbox entry that makes
    // the server book it. Once that entry has left the outbox, a pull has
    // brought the server's records, and the guesses are removed.
    Result<void> addLocalGuess(const QString& appointmentId, qint64 outboxSeq);
    // Removes the guesses whose entry is settled; whether any went.
    Result<bool> dropSettledGuesses();

    // Small persistent facts of the sync engine (cursor, server mode).
    Result<QString> syncState(const QString& key);
    Result<void> setSyncState(const QString& key, const QString& value);

    Result<qint64> addConflict(const SyncConflict& conflict);
    Result<QList<SyncConflict>> conflicts();
    Result<std::optional<SyncConflict>> conflict(qint64 id);
    Result<void> removeConflict(qint64 id);

private:
    explicit LocalCache(std::unique_ptr<storage::Database> db);
    Result<void> checkKey(const std::optional<CacheSecrets>& secrets);
    Result<void> sealWhatIsClear();
    // A stored document with its secrets back in it.
    QJsonObject opened(QJsonObject doc, const QByteArray& secret) const;
    template <typename Record>
    Result<QList<Record>> decodeRows(QSqlQuery& q);

    std::optional<CacheSecrets> m_secrets;

    std::unique_ptr<storage::Database> m_db;
    storage::RecordStore m_records;
    Outbox m_outbox;
    // Appointments already decoded, by id, with the stored document they
    // came from: a repaint after a sync decodes only the records whose
    // document changed (decoding is most of a calendar query's time). The
    // comparison with the stored text, not a version, keeps it right for
    // local edits, which keep the server's version until it confirms.
    struct Decoded {
        QByteArray doc;
        QByteArray secret;
        domain::Appointment appointment;
    };
    QHash<QString, Decoded> m_decoded;
};

// The cache's schema: the server's record tables, and the outbox, the
// conflicts and the sync state.
const QList<QStringList>& cacheSchema();

} // namespace mss::sync
