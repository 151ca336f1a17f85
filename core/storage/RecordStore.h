#pragma once

#include "domain/Appointment.h"
#include "storage/Database.h"
#include "storage/RecordKind.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QStringList>

#include <optional>

namespace mss::storage {

// A record as stored: its wire document (secrets left out), version, and the
// encrypted secrets, opaque to storage.
struct StoredRecord {
    QJsonObject doc; // parsed (empty when a list asked for raw documents only)
    QByteArray raw;  // the document as stored: compact JSON
    QString id;
    qint64 version = 0;
    QByteArray secret;
};

// One filter of a list request: `field op value(s)`.
struct Condition {
    enum class Op { Eq, Ne, Gt, Gte, Lt, Lte, In };
    QString field; // a wire field, possibly dotted ("reminderSettings.email.sent")
    Op op = Op::Eq;
    QStringList values; // one, or several for In
};

struct ListQuery {
    QList<Condition> conditions;
    QString sortField; // empty: by _id
    bool descending = false;
    // Further sort keys, applied in order after sortField.
    struct SortKey {
        QString field;
        bool descending = false;
    };
    QList<SortKey> thenBy;
    int page = 1;
    int limit = 25;
    // False: records carry `raw` and `id` only, for answers that send the
    // stored JSON as it is.
    bool parseDocuments = true;
    // False: the page only, without counting the matches on all pages
    // (one statement less; `total` is then the page's own count).
    bool countTotal = true;
};

struct ListPage {
    QList<StoredRecord> records;
    qint64 total = 0; // matching records on all pages (ListQuery::countTotal)
};

// One entry of the change feed.
struct Change {
    qint64 seq = 0;
    RecordKind kind = RecordKind::Appointment;
    QString id;
    bool deleted = false;
    qint64 version = 0;
};

// The records of every kind, the change feed that follows their writes,
// idempotency results and practice settings. Writes must run inside a
// WriteTransaction of the caller's, so that a record, its change-feed entry
// and its audit entry commit together.
class RecordStore {
public:
    explicit RecordStore(Database& db);

    Result<std::optional<StoredRecord>> get(RecordKind kind, const QString& id);
    Result<bool> exists(RecordKind kind, const QString& id);
    // Whether each of the records exists, in one statement.
    Result<QList<bool>> exist(const QList<std::pair<RecordKind, QString>>& records);
    // Inserts or replaces the record whose `_id` the document carries; its
    // `version` and `updatedAt` must already be set. Records an upsert in the
    // change feed.
    //
    // `checkedFree`, for an appointment on PostgreSQL: whether the booking
    // check found its time free, so that the database refuses any other
    // appointment over it (and it over another's; step 7 of Migrations.cpp).
    // nullopt keeps what the stored row says (false for a new one): a write
    // that did not check, because it moves nothing. A refusal is an Error
    // coded SchedulingConflict.
    Result<void> put(RecordKind kind, const QJsonObject& doc, const QByteArray& secret = {},
                     std::optional<bool> checkedFree = std::nullopt);
    // Deletes the record and leaves a tombstone of `version` in the feed.
    Result<void> remove(RecordKind kind, const QString& id, qint64 version);

    // A problem with a condition (an unusable field name or value), or
    // nullopt when list() can run it.
    static std::optional<QString> checkCondition(RecordKind kind, const Condition& c);
    static std::optional<QString> checkSortField(RecordKind kind, const QString& field);
    Result<ListPage> list(RecordKind kind, const ListQuery& query);

    // Appointments that may overlap [start, end) and share its provider or
    // its client, minimal (ids, times, status, type): the bounded, covering
    // index query of the conflict check. Only those holding time.
    Result<QList<domain::Appointment>> conflictCandidates(const QString& provider,
                                                          const QString& client,
                                                          const QDateTime& start,
                                                          const QDateTime& end);
    // Appointments of a provider (or, with `byClient`, a client) holding
    // time and overlapping [from, to); full documents.
    Result<QList<StoredRecord>> appointmentsBetween(const QString& who, bool byClient,
                                                    const QDateTime& from, const QDateTime& to);
    // An appointment's indexed columns, and its document only when asked:
    // what a calendar needs of thousands of them without parsing each.
    struct AppointmentRow {
        QString id, provider, client, series; // series empty when none
        qint64 startMs = 0, endMs = 0, updatedMs = 0, version = 0;
        domain::AppointmentStatus status = domain::AppointmentStatus::Scheduled;
        QJsonObject doc; // empty unless asked for
        QByteArray secret;
    };
    // Appointments of a provider, of any status, that start in [from, to),
    // in order of start.
    Result<QList<AppointmentRow>> appointmentRowsStarting(const QString& provider,
                                                          const QDateTime& from,
                                                          const QDateTime& to, bool documents);
    // Every appointment of a series, of any status, in order of start.
    Result<QList<AppointmentRow>> appointmentRowsOfSeries(const QString& series, bool documents);
    Result<QList<StoredRecord>> byColumn(RecordKind kind, const QString& column,
                                         const QString& value);

    // The clients on a provider's caseload: those with an appointment or a
    // series of theirs (any status, past or future), those whose
    // `assignedProvider` they are and those they created.
    Result<QSet<QString>> caseloadOf(const QString& provider);

    Result<QList<Change>> changesSince(qint64 seq, int limit);

    // A change with its record as stored now, for the change feed.
    struct ChangedRecord {
        Change change;
        bool present = false; // false: deleted (a tombstone, or deleted since)
        QByteArray raw;       // the stored document, compact JSON
        QByteArray secret;
    };
    // changesSince() with each record's stored document, in one query (a
    // desk's first sync reads every record through this).
    Result<QList<ChangedRecord>> changesWithRecords(qint64 seq, int limit);

    // Idempotency: the first answer to (staff, key).
    struct SavedAnswer {
        QString request; // method and path it answered
        int status = 200;
        QByteArray body;
    };
    Result<std::optional<SavedAnswer>> savedAnswer(const QString& staff, const QString& key);
    Result<void> saveAnswer(const QString& staff, const QString& key, const SavedAnswer& answer,
                            qint64 nowMs);

    Result<std::optional<QString>> setting(const QString& key);
    // The stored values of those of `keys` that are set, in one statement.
    Result<QHash<QString, QString>> settings(const QStringList& keys);
    Result<void> setSetting(const QString& key, const QString& value);

private:
    Result<void> recordChange(RecordKind kind, const QString& id, bool deleted, qint64 version);

    Database& m_db;
};

} // namespace mss::storage
