#pragma once

#include "base/Error.h"
#include "storage/DatabaseUrl.h"
#include "storage/Dialect.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <expected>
#include <functional>
#include <memory>

namespace mss::storage {

// A failure of the database itself (never the caller's fault, reported as
// a 500 by the server unless said otherwise) is an Error whose code says
// which kind it is:
// - DiskFull: SQLITE_FULL, the disk (or the database's size limit) has no
//   room;
// - ReadOnlyStorage: SQLITE_READONLY, the file (or the connection) may not
//   be written;
// - DatabaseUnavailable: the database server cannot be reached (PostgreSQL
//   stopped or restarting, the network down): nothing was written, and the
//   next transaction connects again (Database::reconnect);
// - SchedulingConflict: PostgreSQL refused an appointment over time
//   another holds (its exclusion constraints): the caller's 409, not a
//   failure;
// - StorageFailure: any other, as failure() makes it.
// Its message is for the log, with the database's own words.
inline Error failure(const QString& message) {
    return Error{ErrorCode::StorageFailure, {}, message};
}

// A database's schema as numbered steps of SQL statements (Migrations.h).
using Schema = QList<QStringList>;
// The embedded server's schema.
const Schema& serverSchema();

// One connection, migrated to the newest schema when opened: to an SQLite
// file in WAL mode, or to a PostgreSQL database (DatabaseUrl). What the two
// spell differently is the Dialect's. Not shared between threads: each
// thread opens its own.
class Database {
public:
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Opens (creating when missing) and migrates the database at `path` to
    // the newest step of `schema`.
    static Result<std::unique_ptr<Database>> open(const QString& path,
                                                  const Schema& schema = serverSchema());
    // Opens (creating the tables when missing) and migrates the database
    // `url` names. `localDirectory` holds what stays on this computer beside
    // it (the audit anchor); for an SQLite file, its folder.
    static Result<std::unique_ptr<Database>> open(const DatabaseUrl& url,
                                                  const QString& localDirectory,
                                                  const Schema& schema = serverSchema());
    // A connection that only reads (PRAGMA query_only) the database at
    // `path`, which a writer's open() has already created and migrated: a
    // server's reader threads each open one. Its snapshots come from
    // ReadTransaction; closing it leaves the WAL to the writer.
    static Result<std::unique_ptr<Database>> openReader(const QString& path);
    // A reader of the database `url` names: on PostgreSQL a connection
    // whose transactions are read only.
    static Result<std::unique_ptr<Database>> openReader(const DatabaseUrl& url,
                                                        const QString& localDirectory);
    bool isReader() const { return m_reader; }
    // A writer's connection to the database `url` names, its schema left as
    // found (no step run): for a command that looks before it creates
    // anything (migrate, PracticeCopy.h).
    static Result<std::unique_ptr<Database>> openAsIs(const DatabaseUrl& url,
                                                      const QString& localDirectory);

    // The SQLite file, or the PostgreSQL URL as a person reads it.
    const QString& path() const { return m_path; }
    const DatabaseUrl& url() const { return m_url; }
    const QString& localDirectory() const { return m_localDirectory; }
    const Dialect& dialect() const { return m_dialect; }
    QSqlDatabase& sql() { return m_db; }
    // A prepared query on this connection. Statements are kept prepared by
    // their text (SQLite's parsing was a tenth of a request's time): the
    // reference stays valid until finishQueries(); use it before preparing
    // the same text again.
    QSqlQuery& prepare(const QString& statement);
    // Resets every kept statement, so none holds a read snapshot open
    // between requests (another process's writes must become visible).
    // Call when no reference from prepare() is in use.
    void finishQueries();
    Result<void> exec(const QString& statement);
    // Runs a prepared query, turning Qt's bool into our error.
    static Result<void> run(QSqlQuery& query);

    // SQLite: the file may not grow past `bytes` (PRAGMA max_page_count, at
    // least one page); a write that would fails as on a full disk.
    Result<void> limitSize(qint64 bytes);

    // The WAL size, in pages, past which a commit also checkpoints it
    // (SQLite's default is 1,000). A server raises it and leaves the
    // routine checkpoints to a WalCheckpointer, off the request path.
    Result<void> setAutoCheckpoint(int pages);

    // The schema version the database is at (Dialect::readSchemaVersion).
    int schemaVersion();

    // Called after each WriteTransaction ends: true when it committed,
    // false when it rolled back. One listener (the audit log's anchor).
    void setTransactionListener(std::function<void(bool committed)> listener) {
        m_transactionListener = std::move(listener);
    }
    // Closes the connection and opens it again, as first set up: after the
    // database server was lost (DatabaseUnavailable). Transactions
    // call it when their BEGIN finds the connection gone.
    Result<void> reconnect();
    void transactionEnded(bool committed) {
        if (m_transactionListener)
            m_transactionListener(committed);
    }

private:
    Database(DatabaseUrl url, QString localDirectory, QString connection);
    Error errorOf(const QSqlError& e, const QString& what) const;
    static Result<std::unique_ptr<Database>> connect(const DatabaseUrl& url,
                                                     const QString& localDirectory, bool reader);

    DatabaseUrl m_url;
    Dialect m_dialect;
    QString m_path;
    QString m_localDirectory;
    QString m_connection;
    QSqlDatabase m_db;
    bool m_reader = false;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_statements;
    // Statements whose preparation failed, kept until finishQueries() so
    // that the reference handed out stays valid; prepared again next time.
    QList<std::shared_ptr<QSqlQuery>> m_unprepared;
    std::function<void(bool)> m_transactionListener;
};

// A write transaction holding the write lock from the first statement
// (SQLite's BEGIN IMMEDIATE; PostgreSQL's advisory lock, Dialect.h), so a check ("is this slot
// free?") and the write that depends on it cannot be interleaved with another writer's, in this
// process or another. Rolls back unless committed.
class WriteTransaction {
public:
    // How hard the commit tries to reach the disk. Data writes are Durable
    // (fsync on commit); an audit entry of a read may ride on the next
    // durable commit or checkpoint.
    enum class Durability { Durable, Relaxed };

    explicit WriteTransaction(Database& db, Durability durability = Durability::Durable);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;

    bool isActive() const { return m_active; }
    const Error& beginError() const { return m_beginError; }
    Result<void> commit();
    void rollback();

private:
    Database& m_db;
    bool m_active = false;
    Error m_beginError = failure({});
};

// One read snapshot (SQLite's BEGIN DEFERRED, PostgreSQL's REPEATABLE
// READ): every statement until the end sees the database as the first one
// found it, while writers carry on. Ends when destroyed; nothing is written.
class ReadTransaction {
public:
    explicit ReadTransaction(Database& db);
    ~ReadTransaction();
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;

    bool isActive() const { return m_active; }

private:
    Database& m_db;
    bool m_active = false;
};

} // namespace mss::storage
