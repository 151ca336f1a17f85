#include "sync/LocalCache.h"

#include "domain/Limits.h"
#include "storage/Migrations.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>
#include <QSqlRecord>

namespace mss::sync {

using namespace Qt::StringLiterals;
using storage::RecordKind;

namespace {

// SQLite keeps a null QString as NULL; text columns here are NOT NULL.
QString text(const QString& s) {
    return s.isNull() ? QString(u""_s) : s;
}

const QString keyCheckState = u"secrets.check"_s;

} // namespace

const QList<QStringList>& cacheSchema() {
    static const QList<QStringList> steps = [] {
        QStringList first = storage::recordTableStatements();
        first << uR"(CREATE TABLE outbox(
                    seq INTEGER PRIMARY KEY AUTOINCREMENT, kind INTEGER NOT NULL,
                    record_id TEXT NOT NULL, method TEXT NOT NULL, path TEXT NOT NULL,
                    body BLOB NOT NULL, idempotency_key BLOB NOT NULL,
                    base_version INTEGER NOT NULL, state INTEGER NOT NULL,
                    attempts INTEGER NOT NULL, next_attempt_ms INTEGER NOT NULL,
                    last_error TEXT NOT NULL, summary TEXT NOT NULL))"_s
              << u"CREATE INDEX outbox_record ON outbox(record_id, seq)"_s
              << uR"(CREATE TABLE sync_conflicts(
                    id INTEGER PRIMARY KEY AUTOINCREMENT, outbox_seq INTEGER NOT NULL,
                    kind INTEGER NOT NULL, record_id TEXT NOT NULL, code TEXT NOT NULL,
                    message TEXT NOT NULL, mine BLOB NOT NULL, theirs BLOB NOT NULL,
                    collides_with TEXT NOT NULL, created_ms INTEGER NOT NULL))"_s
              << u"CREATE TABLE sync_state(key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s;
        const QStringList guesses{
            u"CREATE TABLE local_guesses(id TEXT PRIMARY KEY, outbox_seq INTEGER NOT NULL)"_s};
        // Clients' name words, for the search by name (ClientNameIndex.h);
        // filled from the documents once the cache opens
        // (indexClientNamesOnce), kept by put(), emptied with the client.
        const QStringList names{
            uR"(CREATE TABLE client_name_keys(word TEXT NOT NULL, client TEXT NOT NULL,
                    PRIMARY KEY(word, client)) WITHOUT ROWID)"_s,
            u"CREATE INDEX client_name_keys_client ON client_name_keys(client)"_s,
            uR"(CREATE TRIGGER client_name_keys_gone AFTER DELETE ON clients BEGIN
                    DELETE FROM client_name_keys WHERE client = old.id; END)"_s};
        // The waitlist (docs/waitlist.md), from servers that have it: the
        // server's table.
        const QStringList waitlist = storage::waitlistTableStatements();
        return QList<QStringList>{first, guesses, names, waitlist};
    }();
    return steps;
}

Result<std::unique_ptr<LocalCache>> LocalCache::open(const QString& path,
                                                     const std::optional<QByteArray>& key) {
    std::optional<CacheSecrets> secrets;
    if (key) {
        secrets = CacheSecrets::withKey(*key);
        if (!secrets)
            return std::unexpected(storage::failure(u"the cache key is not usable"_s));
    }
    auto db = storage::Database::open(path, cacheSchema());
    if (!db)
        return std::unexpected(db.error());
    std::unique_ptr<LocalCache> cache(new LocalCache(std::move(*db)));
    if (auto checked = cache->checkKey(secrets); !checked)
        return std::unexpected(checked.error());
    if (auto indexed = indexClientNamesOnce(*cache->m_db); !indexed)
        return std::unexpected(indexed.error());
    cache->m_secrets = std::move(secrets);
    if (cache->m_secrets) {
        // What is deleted or overwritten is zeroed, so an old clear copy
        // does not linger in a free page.
        if (auto r = cache->m_db->exec(u"PRAGMA secure_delete = ON"_s); !r)
            return std::unexpected(r.error());
        cache->m_outbox.setSecrets(&*cache->m_secrets);
        if (auto r = cache->sealWhatIsClear(); !r)
            return std::unexpected(r.error());
    }
    return cache;
}

Result<void> LocalCache::checkKey(const std::optional<CacheSecrets>& secrets) {
    // Once sealed, always sealed: a cache opened with a key keeps a value
    // sealed with it. Opening it without that key would leave the outbox's
    // sealed changes unreadable, and they are the user's unsent work, so it
    // is refused instead (and nothing is written).
    static const QByteArray check = "mentalspace cache key check";
    auto stored = syncState(keyCheckState);
    if (!stored)
        return std::unexpected(stored.error());
    if (stored->isEmpty()) {
        if (!secrets)
            return {};
        return setSyncState(keyCheckState, QString::fromLatin1(secrets->seal(check).toBase64()));
    }
    if (!secrets)
        return std::unexpected(storage::failure(
            u"the local copy is sealed with a key kept in the system keychain, which is not "
            "available now"_s));
    if (secrets->open(QByteArray::fromBase64(stored->toLatin1())) != check)
        return std::unexpected(storage::failure(
            u"the local copy was sealed with another key than the one in the system keychain"_s));
    return {};
}

Result<void> LocalCache::sealWhatIsClear() {
    // A cache written before it had a key: its links are sealed now, once.
    QList<std::pair<RecordKind, QJsonObject>> records;
    for (RecordKind kind : {RecordKind::Appointment, RecordKind::RecurringAppointment}) {
        QSqlQuery& q = m_db->prepare(u"SELECT doc FROM "_s + storage::tableName(kind) +
                                     u" WHERE CAST(doc AS TEXT) LIKE '%\"virtualMeeting%'"_s);
        if (auto r = storage::Database::run(q); !r)
            return r;
        while (q.next())
            records.append({kind, QJsonDocument::fromJson(q.value(0).toByteArray()).object()});
        q.finish();
    }
    QList<OutboxEntry> clearEntries;
    {
        QSqlQuery& q =
            m_db->prepare(u"SELECT seq FROM outbox WHERE hex(substr(body, 1, 1)) = '7B'"_s);
        if (auto r = storage::Database::run(q); !r)
            return r;
        QSet<qint64> clear;
        while (q.next())
            clear.insert(q.value(0).toLongLong());
        q.finish();
        if (!clear.isEmpty()) {
            auto all = m_outbox.all(); // opens clear bodies as they are
            if (!all)
                return std::unexpected(all.error());
            for (const OutboxEntry& e : *all) {
                if (clear.contains(e.seq))
                    clearEntries.append(e);
            }
        }
    }
    if (records.isEmpty() && clearEntries.isEmpty())
        return {};
    storage::WriteTransaction tx(*m_db);
    if (!tx.isActive())
        return std::unexpected(tx.beginError());
    for (const auto& [kind, doc] : std::as_const(records)) {
        if (auto r = put(kind, doc); !r)
            return r;
    }
    for (const OutboxEntry& e : std::as_const(clearEntries)) {
        if (auto r = m_outbox.update(e); !r)
            return r;
    }
    if (auto r = tx.commit(); !r)
        return r;
    // The clear versions are still in the WAL until it is checkpointed.
    return m_db->exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
}

template <typename Record>
Result<QList<Record>> LocalCache::decodeRows(QSqlQuery& q) {
    if (auto r = storage::Database::run(q); !r)
        return std::unexpected(r.error());
    QList<Record> out;
    const bool withSecret = q.record().count() > 1;
    while (q.next()) {
        QJsonObject doc = QJsonDocument::fromJson(q.value(0).toByteArray()).object();
        if (withSecret)
            doc = opened(std::move(doc), q.value(1).toByteArray());
        // Records came from a server: read leniently, never drop one.
        auto record = Record::fromJson(doc, domain::DecodeMode::TypesOnly);
        if (record)
            out.append(std::move(*record));
    }
    q.finish(); // holds no read snapshot between calls
    return out;
}

QJsonObject LocalCache::opened(QJsonObject doc, const QByteArray& secret) const {
    if (m_secrets && !secret.isEmpty())
        m_secrets->restoreSecrets(doc, secret);
    return doc;
}

Result<void> LocalCache::put(RecordKind kind, QJsonObject doc) {
    QByteArray secret;
    const bool hasSecrets =
        kind == RecordKind::Appointment || kind == RecordKind::RecurringAppointment;
    if (m_secrets && hasSecrets)
        secret = m_secrets->takeSecrets(doc);
    if (auto r = m_records.put(kind, doc, secret); !r)
        return r;
    if (kind == RecordKind::Client)
        return indexClientName(*m_db, doc);
    return {};
}

Result<std::optional<storage::StoredRecord>> LocalCache::get(RecordKind kind, const QString& id) {
    auto found = m_records.get(kind, id);
    if (found && *found)
        (*found)->doc = opened(std::move((*found)->doc), (*found)->secret);
    return found;
}

Result<QList<domain::Appointment>> LocalCache::occurrencesOf(const QString& series) {
    QSqlQuery& q = m_db->prepare(u"SELECT doc, secret FROM appointments WHERE series = ?"_s);
    q.addBindValue(series);
    return decodeRows<domain::Appointment>(q);
}

LocalCache::LocalCache(std::unique_ptr<storage::Database> db)
    : m_db(std::move(db))
    , m_records(*m_db)
    , m_outbox(*m_db) {}

Result<QList<domain::Appointment>>
LocalCache::appointments(const QDateTime& from, const QDateTime& to, const QStringList& providers) {
    // Bounded like the conflict query: nothing starting more than the
    // longest appointment before `from` can reach into the window.
    const qint64 fromMs = from.toMSecsSinceEpoch();
    const qint64 toMs = to.toMSecsSinceEpoch();
    QString sql =
        u"SELECT id, doc, secret FROM appointments WHERE start_ms > ? AND start_ms < ? AND "
        "end_ms > ?"_s;
    if (!providers.isEmpty()) {
        QStringList marks(providers.size(), u"?"_s);
        sql += u" AND provider IN ("_s + marks.join(u',') + u')';
    }
    sql += u" ORDER BY start_ms, id"_s;
    QSqlQuery& q = m_db->prepare(sql);
    q.addBindValue(fromMs - qint64(domain::maxAppointmentMinutes) * 60'000);
    q.addBindValue(toMs);
    q.addBindValue(fromMs);
    for (const QString& p : providers)
        q.addBindValue(p);
    if (auto r = storage::Database::run(q); !r)
        return std::unexpected(r.error());
    // Bounded: a calendar shows a few thousand at most; a walk through
    // years starts over rather than keeping them all.
    constexpr qsizetype maxDecoded = 20'000;
    if (m_decoded.size() > maxDecoded)
        m_decoded.clear();
    QList<domain::Appointment> out;
    while (q.next()) {
        const QString id = q.value(0).toString();
        const QByteArray doc = q.value(1).toByteArray(); // stored as compact JSON bytes
        const QByteArray secret = q.value(2).toByteArray();
        auto known = m_decoded.find(id);
        if (known != m_decoded.end() && known->doc == doc && known->secret == secret) {
            out.append(known->appointment);
            continue;
        }
        // Records came from a server: read leniently, never drop one.
        auto record = domain::Appointment::fromJson(
            opened(QJsonDocument::fromJson(doc).object(), secret), domain::DecodeMode::TypesOnly);
        if (!record)
            continue;
        out.append(*record);
        m_decoded.insert(id, Decoded{doc, secret, std::move(*record)});
    }
    q.finish(); // holds no read snapshot between calls
    return out;
}

Result<std::optional<domain::Appointment>> LocalCache::appointment(const QString& id) {
    QSqlQuery& q = m_db->prepare(u"SELECT doc, secret FROM appointments WHERE id = ?"_s);
    q.addBindValue(id);
    auto rows = decodeRows<domain::Appointment>(q);
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->isEmpty())
        return std::optional<domain::Appointment>{};
    return std::optional<domain::Appointment>{rows->front()};
}

Result<FoundAppointments> LocalCache::appointmentsOfClientsNamed(const QString& typed,
                                                                 const QDateTime& now,
                                                                 const SearchScope& scope,
                                                                 int limit) {
    const QStringList words = nameWords(typed);
    FoundAppointments found;
    for (const bool upcoming : {true, false}) {
        auto ids = appointmentsOfNamedClients(*m_db, words, now.toMSecsSinceEpoch(), scope,
                                              upcoming, limit);
        if (!ids)
            return std::unexpected(ids.error());
        QList<domain::Appointment>& into = upcoming ? found.upcoming : found.past;
        for (const QString& id : std::as_const(*ids)) {
            auto a = appointment(id);
            if (!a)
                return std::unexpected(a.error());
            if (*a)
                into.append(**a);
        }
    }
    return found;
}

Result<QList<domain::ProviderAvailability>> LocalCache::availabilityOf(const QString& provider) {
    QSqlQuery& q = m_db->prepare(u"SELECT doc FROM provider_availabilities WHERE provider = ?"_s);
    q.addBindValue(provider);
    return decodeRows<domain::ProviderAvailability>(q);
}

Result<QList<domain::RecurringAppointment>> LocalCache::seriesOf(const QString& provider) {
    QSqlQuery& q =
        m_db->prepare(u"SELECT doc, secret FROM recurring_appointments WHERE provider = ?"_s);
    q.addBindValue(provider);
    return decodeRows<domain::RecurringAppointment>(q);
}

Result<QList<domain::Staff>> LocalCache::staff() {
    QSqlQuery& q = m_db->prepare(u"SELECT doc FROM staff ORDER BY id"_s);
    return decodeRows<domain::Staff>(q);
}

Result<QList<domain::Client>> LocalCache::clients() {
    QSqlQuery& q = m_db->prepare(u"SELECT doc FROM clients ORDER BY last_name, id"_s);
    return decodeRows<domain::Client>(q);
}

Result<qint64> LocalCache::count(RecordKind kind) {
    QSqlQuery& q = m_db->prepare(u"SELECT COUNT(*) FROM "_s + storage::tableName(kind));
    if (auto r = storage::Database::run(q); !r)
        return std::unexpected(r.error());
    const auto value = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return value;
}

Result<void> LocalCache::addLocalGuess(const QString& appointmentId, qint64 outboxSeq) {
    QSqlQuery& q =
        m_db->prepare(u"INSERT OR REPLACE INTO local_guesses(id, outbox_seq) VALUES(?, ?)"_s);
    q.addBindValue(appointmentId);
    q.addBindValue(outboxSeq);
    return storage::Database::run(q);
}

Result<bool> LocalCache::dropSettledGuesses() {
    QSqlQuery& q = m_db->prepare(u"SELECT id FROM local_guesses WHERE outbox_seq NOT IN "
                                 "(SELECT seq FROM outbox)"_s);
    if (auto r = storage::Database::run(q); !r)
        return std::unexpected(r.error());
    QStringList settled;
    while (q.next())
        settled << q.value(0).toString();
    q.finish();
    if (settled.isEmpty())
        return false;
    storage::WriteTransaction tx(*m_db);
    if (!tx.isActive())
        return std::unexpected(tx.beginError());
    for (const QString& id : std::as_const(settled)) {
        if (auto r = m_records.remove(RecordKind::Appointment, id, 0); !r)
            return std::unexpected(r.error());
        QSqlQuery& d = m_db->prepare(u"DELETE FROM local_guesses WHERE id = ?"_s);
        d.addBindValue(id);
        if (auto r = storage::Database::run(d); !r)
            return std::unexpected(r.error());
    }
    if (auto r = tx.commit(); !r)
        return std::unexpected(r.error());
    return true;
}

Result<QString> LocalCache::syncState(const QString& key) {
    QSqlQuery& q = m_db->prepare(u"SELECT value FROM sync_state WHERE key = ?"_s);
    q.addBindValue(key);
    if (auto r = storage::Database::run(q); !r)
        return std::unexpected(r.error());
    const auto value = q.next() ? q.value(0).toString() : QString();
    q.finish();
    return value;
}

Result<void> LocalCache::setSyncState(const QString& key, const QString& value) {
    QSqlQuery& q = m_db->prepare(u"INSERT OR REPLACE INTO sync_state(key, value) VALUES(?, ?)"_s);
    q.addBindValue(key);
    q.addBindValue(value);
    return storage::Database::run(q);
}

Result<qint64> LocalCache::addConflict(const SyncConflict& c) {
    QSqlQuery& q = m_db->prepare(
        u"INSERT INTO sync_conflicts(outbox_seq, kind, record_id, code, message, mine, theirs, "
        "collides_with, created_ms) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(c.outboxSeq);
    q.addBindValue(int(c.kind));
    q.addBindValue(c.recordId);
    q.addBindValue(conflictCodeName(c.code));
    q.addBindValue(text(c.message));
    const auto blob = [this](const QJsonObject& doc) {
        return m_secrets ? m_secrets->sealDocument(doc)
                         : QJsonDocument(doc).toJson(QJsonDocument::Compact);
    };
    q.addBindValue(blob(c.mine));
    q.addBindValue(blob(c.theirs));
    q.addBindValue(text(c.collidesWith.join(u',')));
    q.addBindValue(c.createdMs);
    if (auto r = storage::Database::run(q); !r)
        return std::unexpected(r.error());
    return q.lastInsertId().toLongLong();
}

namespace {

const QString conflictColumns =
    u"id, outbox_seq, kind, record_id, code, message, mine, theirs, collides_with, created_ms"_s;

Result<QList<SyncConflict>> readConflicts(QSqlQuery& q,
                                          const std::optional<CacheSecrets>& secrets) {
    const auto document = [&](const QByteArray& stored) {
        return secrets ? secrets->openDocument(stored) : QJsonDocument::fromJson(stored).object();
    };
    if (auto r = storage::Database::run(q); !r)
        return std::unexpected(r.error());
    QList<SyncConflict> out;
    while (q.next()) {
        SyncConflict c;
        c.id = q.value(0).toLongLong();
        c.outboxSeq = q.value(1).toLongLong();
        c.kind = static_cast<RecordKind>(q.value(2).toInt());
        c.recordId = q.value(3).toString();
        // "VERSION_CONFLICT" is what desks stored for a VersionMismatch
        // before the code had one spelling.
        const QString code = q.value(4).toString();
        c.code = code == "VERSION_CONFLICT"_L1
                     ? ConflictCode::VersionMismatch
                     : conflictCodeFromName(code).value_or(ConflictCode::Rejected);
        c.message = q.value(5).toString();
        c.mine = document(q.value(6).toByteArray());
        c.theirs = document(q.value(7).toByteArray());
        c.collidesWith = q.value(8).toString().split(u',', Qt::SkipEmptyParts);
        c.createdMs = q.value(9).toLongLong();
        out.append(c);
    }
    q.finish(); // holds no read snapshot between calls
    return out;
}

} // namespace

Result<QList<SyncConflict>> LocalCache::conflicts() {
    QSqlQuery& q =
        m_db->prepare(u"SELECT "_s + conflictColumns + u" FROM sync_conflicts ORDER BY id"_s);
    return readConflicts(q, m_secrets);
}

Result<std::optional<SyncConflict>> LocalCache::conflict(qint64 id) {
    QSqlQuery& q =
        m_db->prepare(u"SELECT "_s + conflictColumns + u" FROM sync_conflicts WHERE id = ?"_s);
    q.addBindValue(id);
    auto rows = readConflicts(q, m_secrets);
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->isEmpty())
        return std::optional<SyncConflict>{};
    return std::optional<SyncConflict>{rows->front()};
}

Result<void> LocalCache::removeConflict(qint64 id) {
    QSqlQuery& q = m_db->prepare(u"DELETE FROM sync_conflicts WHERE id = ?"_s);
    q.addBindValue(id);
    return storage::Database::run(q);
}

} // namespace mss::sync
