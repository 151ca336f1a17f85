#pragma once

#include "storage/DatabaseUrl.h"

#include <QSqlError>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace mss::storage {

// What SQLite and PostgreSQL spell differently, in one place. The schema
// (Migrations.cpp) and the queries are written once, in SQLite's words; a
// PostgreSQL connection runs them as translated here. Everything else is
// SQL both engines share.
//
// The engines differ in more than spelling:
// - SQLite has one writer at a time, taken with BEGIN IMMEDIATE. PostgreSQL
//   lets writers run side by side, so a write transaction there first takes
//   one transaction-scoped advisory lock: a check ("is this slot free?") and
//   the write that follows it are then never interleaved with another
//   writer's, in this process or another server's.
// - SQLite's json_extract is a built-in; PostgreSQL gets a function of the
//   same name and meaning (schemaPreamble), so filters on document fields
//   read alike.
// - SQLite records the schema step in PRAGMA user_version, PostgreSQL in a
//   one-row table schema_version.
class Dialect {
public:
    explicit Dialect(Engine engine)
        : m_engine(engine) {}
    Engine engine() const { return m_engine; }
    bool isSqlite() const { return m_engine == Engine::Sqlite; }

    // A statement of a schema step (written for SQLite) as this engine runs it;
    // empty when this engine has nothing to run for it (postgresqlOnly).
    QString schemaStatement(const QString& sqlite) const;
    // A schema statement that PostgreSQL runs as written and SQLite skips:
    // what SQLite has no equivalent of (its step still counts, empty).
    static QString postgresqlOnly(const QString& statement);
    // What must exist before the first step (PostgreSQL: the version table,
    // the extensions, json_extract); run inside the migrations' transaction.
    QStringList schemaPreamble() const;
    QString readSchemaVersion() const;
    QString writeSchemaVersion(int version) const;

    // Run once on each new connection; a reader's may not write.
    QStringList connectionSetup(bool reader) const;
    // The statements that open a write transaction holding the write lock,
    // durable (synced at commit) or relaxed.
    QStringList beginWrite(bool durable) const;
    // The statements that set the durability before BEGIN (SQLite's
    // synchronous cannot change inside a transaction).
    QString durabilityBeforeBegin(bool durable) const;
    // A read transaction: one snapshot until its end.
    QString beginRead() const;

    // INSERT that replaces the row with the same `key` (SQLite's INSERT OR
    // REPLACE). `renewed` names a column that takes its default again when
    // a row is replaced (the change feed's seq).
    QString replaceInto(const QString& table, const QStringList& columns, const QStringList& key,
                        const QString& renewed = {}) const;
    // SQLite's INDEXED BY clause (the conflict check's covering index);
    // PostgreSQL's planner picks its own.
    QString indexedBy(const QString& index) const;

    // UTF-8 text (a document) bound to a TEXT column: SQLite takes the
    // bytes as they are; PostgreSQL's driver would send a QByteArray as
    // bytea, so it gets a QString.
    QVariant textValue(const QByteArray& utf8) const;

    // What kind of failure (its ErrorCode, Database.h) the engine's own code says.
    bool isDiskFull(const QSqlError& error) const;
    bool isReadOnly(const QSqlError& error) const;
    bool isConnectionLost(const QSqlError& error) const;
    // PostgreSQL refused a write for breaking an exclusion constraint: an
    // appointment over another's time (Migrations.cpp, step 7).
    bool isOverlapRefused(const QSqlError& error) const;

    // Whether a server may keep the practice's settings once read. An
    // SQLite practice has its one server; a PostgreSQL practice is served
    // by several, any of which may change a setting, so each reads them
    // from the database.
    bool cachesSettings() const { return isSqlite(); }

    // Qt's driver name.
    QString driver() const;

private:
    Engine m_engine;
};

} // namespace mss::storage
