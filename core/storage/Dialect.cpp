#include "storage/Dialect.h"

#include <QRegularExpression>

namespace mss::storage {

using namespace Qt::StringLiterals;

namespace {

// The advisory lock every PostgreSQL write transaction holds: the one
// writer at a time that SQLite's BEGIN IMMEDIATE gives.
constexpr qint64 writeLockKey = 0x6d73735f7772; // "mss_wr"

const QString postgresqlOnlyMark = u"-- PostgreSQL only\n"_s;

} // namespace

QString Dialect::postgresqlOnly(const QString& statement) {
    return postgresqlOnlyMark + statement;
}

QString Dialect::schemaStatement(const QString& sqlite) const {
    if (sqlite.startsWith(postgresqlOnlyMark))
        return isSqlite() ? QString() : sqlite.mid(postgresqlOnlyMark.size());
    if (isSqlite())
        return sqlite;
    QString s = sqlite;
    // 64-bit numbers (times in milliseconds) everywhere; an INTEGER PRIMARY
    // KEY AUTOINCREMENT is SQLite's serial.
    static const QRegularExpression serial(u"\\bINTEGER PRIMARY KEY AUTOINCREMENT\\b"_s);
    static const QRegularExpression integer(u"\\bINTEGER\\b"_s);
    static const QRegularExpression blob(u"\\bBLOB\\b"_s);
    // A column compared without regard to case (the staff's email).
    static const QRegularExpression nocase(u"\\bTEXT\\b([^,()]*?)\\s+COLLATE NOCASE"_s);
    s.replace(serial, u"BIGSERIAL PRIMARY KEY"_s);
    s.replace(integer, u"BIGINT"_s);
    s.replace(blob, u"BYTEA"_s);
    s.replace(nocase, u"CITEXT\\1"_s);
    return s;
}

QStringList Dialect::schemaPreamble() const {
    if (isSqlite())
        return {};
    return {
        u"CREATE EXTENSION IF NOT EXISTS citext"_s,
        // Text and bigint in a GiST index beside a time range: the
        // appointments' exclusion constraints (Migrations.cpp, step 7).
        u"CREATE EXTENSION IF NOT EXISTS btree_gist"_s,
        u"CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL)"_s,
        u"INSERT INTO schema_version(version) SELECT 0 WHERE NOT EXISTS "
        "(SELECT 1 FROM schema_version)"_s,
        // SQLite's json_extract on a document kept as text, for the paths
        // the queries use ($.a.b): a string as itself, true and false as 1
        // and 0, a number as its text, anything missing or null as NULL.
        uR"(CREATE OR REPLACE FUNCTION json_extract(doc text, path text) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $body$
              SELECT CASE jsonb_typeof(v)
                       WHEN 'boolean' THEN CASE WHEN v = 'true'::jsonb THEN '1' ELSE '0' END
                       WHEN 'null' THEN NULL
                       ELSE v #>> '{}' END
              FROM (SELECT doc::jsonb #> string_to_array(substr(path, 3), '.') AS v) AS found
            $body$)"_s,
    };
}

QString Dialect::readSchemaVersion() const {
    return isSqlite() ? u"PRAGMA user_version"_s : u"SELECT version FROM schema_version"_s;
}

QString Dialect::writeSchemaVersion(int version) const {
    return isSqlite() ? u"PRAGMA user_version=%1"_s.arg(version)
                      : u"UPDATE schema_version SET version = %1"_s.arg(version);
}

QStringList Dialect::connectionSetup(bool reader) const {
    if (isSqlite()) {
        // WAL: readers never block the writer. synchronous=NORMAL by
        // default; durable writes raise it to FULL for their commit.
        if (reader)
            return {u"PRAGMA query_only=ON"_s, u"PRAGMA temp_store=MEMORY"_s};
        return {u"PRAGMA journal_mode=WAL"_s, u"PRAGMA synchronous=NORMAL"_s,
                u"PRAGMA foreign_keys=ON"_s, u"PRAGMA temp_store=MEMORY"_s};
    }
    QStringList setup{u"SET client_min_messages = warning"_s, u"SET TIME ZONE 'UTC'"_s};
    if (reader)
        setup << u"SET default_transaction_read_only = on"_s;
    return setup;
}

QString Dialect::durabilityBeforeBegin(bool durable) const {
    if (!isSqlite())
        return {};
    return durable ? u"PRAGMA synchronous=FULL"_s : u"PRAGMA synchronous=NORMAL"_s;
}

QStringList Dialect::beginWrite(bool durable) const {
    if (isSqlite())
        return {u"BEGIN IMMEDIATE"_s};
    QStringList begin{u"BEGIN"_s, u"SELECT pg_advisory_xact_lock(%1)"_s.arg(writeLockKey)};
    // An audit entry of a read may ride on the next commit's flush.
    if (!durable)
        begin << u"SET LOCAL synchronous_commit = off"_s;
    // Sent together, one round trip (libpq runs a string of statements in
    // order and stops at the first that fails).
    return {begin.join(u"; "_s)};
}

QString Dialect::beginRead() const {
    return isSqlite() ? u"BEGIN DEFERRED"_s : u"BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"_s;
}

QString Dialect::replaceInto(const QString& table, const QStringList& columns,
                             const QStringList& key, const QString& renewed) const {
    const QString marks = QStringList(columns.size(), u"?"_s).join(u", "_s);
    if (isSqlite())
        return u"INSERT OR REPLACE INTO %1(%2) VALUES(%3)"_s.arg(table, columns.join(u", "_s),
                                                                 marks);
    QStringList updates;
    for (const QString& c : columns) {
        if (!key.contains(c))
            updates << c + u" = excluded."_s + c;
    }
    if (!renewed.isEmpty())
        updates << renewed + u" = DEFAULT"_s;
    return u"INSERT INTO %1(%2) VALUES(%3) ON CONFLICT(%4) DO %5"_s.arg(
        table, columns.join(u", "_s), marks, key.join(u", "_s),
        updates.isEmpty() ? u"NOTHING"_s : u"UPDATE SET "_s + updates.join(u", "_s));
}

QString Dialect::indexedBy(const QString& index) const {
    return isSqlite() ? u" INDEXED BY "_s + index : QString();
}

QVariant Dialect::textValue(const QByteArray& utf8) const {
    return isSqlite() ? QVariant(utf8) : QVariant(QString::fromUtf8(utf8));
}

bool Dialect::isDiskFull(const QSqlError& error) const {
    if (!isSqlite())
        return error.nativeErrorCode() == "53100"_L1; // disk_full
    // QSQLITE gives SQLite's result code as the native code; an extended
    // code keeps the primary one in its low byte.
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    constexpr int sqliteFull = 13;
    return ok && (code & 0xff) == sqliteFull;
}

bool Dialect::isReadOnly(const QSqlError& error) const {
    if (!isSqlite())
        return error.nativeErrorCode() == "25006"_L1; // read_only_sql_transaction
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    constexpr int sqliteReadOnly = 8;
    return ok && (code & 0xff) == sqliteReadOnly;
}

bool Dialect::isConnectionLost(const QSqlError& error) const {
    if (isSqlite())
        return false;
    // Class 08 (connection exception), the administrator's or a crash's
    // shutdown (57P01 to 57P03); no SQLSTATE at all is libpq's own failure
    // ("server closed the connection unexpectedly", "no connection to the
    // server"), never the server refusing a statement.
    const QString code = error.nativeErrorCode();
    return code.isEmpty() || code.startsWith("08"_L1) || code == "57P01"_L1 || code == "57P02"_L1 ||
           code == "57P03"_L1 || error.type() == QSqlError::ConnectionError;
}

bool Dialect::isOverlapRefused(const QSqlError& error) const {
    return !isSqlite() && error.nativeErrorCode() == "23P01"_L1; // exclusion_violation
}

QString Dialect::driver() const {
    return isSqlite() ? u"QSQLITE"_s : u"QPSQL"_s;
}

} // namespace mss::storage
