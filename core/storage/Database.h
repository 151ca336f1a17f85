#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <expected>
#include <functional>
#include <memory>

namespace mss::storage {

// A failure of the database itself (disk full, locked too long, a broken
// file): never the caller's fault, reported as a 500 by the server.
struct StorageError {
    QString message;
    // SQLITE_FULL: the disk (or the database's size limit) has no room.
    bool diskFull = false;
    // SQLITE_READONLY: the file (or the connection) may not be written.
    bool readOnly = false;
};

template <typename T>
using DbResult = std::expected<T, StorageError>;

// A database's schema as numbered steps of SQL statements (Migrations.h).
using Schema = QList<QStringList>;
// The embedded server's schema.
const Schema& serverSchema();

// One SQLite connection in WAL mode, migrated to the newest schema when
// opened. Not shared between threads: each thread opens its own.
class Database {
public:
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Opens (creating when missing) and migrates the database at `path` to
    // the newest step of `schema`.
    static DbResult<std::unique_ptr<Database>> open(const QString& path,
                                                    const Schema& schema = serverSchema());
    // A connection that only reads (PRAGMA query_only) the database at
    // `path`, which a writer's open() has already created and migrated: a
    // server's reader threads each open one. Its snapshots come from
    // ReadTransaction; closing it leaves the WAL to the writer.
    static DbResult<std::unique_ptr<Database>> openReader(const QString& path);
    bool isReader() const { return m_reader; }

    const QString& path() const { return m_path; }
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
    DbResult<void> exec(const QString& statement);
    // Runs a prepared query, turning Qt's bool into our error.
    static DbResult<void> run(QSqlQuery& query);

    // The WAL size, in pages, past which a commit also checkpoints it
    // (SQLite's default is 1,000). A server raises it and leaves the
    // routine checkpoints to a WalCheckpointer, off the request path.
    DbResult<void> setAutoCheckpoint(int pages);

    // The schema version the file is at (PRAGMA user_version).
    int schemaVersion();

    // Called after each WriteTransaction ends: true when it committed,
    // false when it rolled back. One listener (the audit log's anchor).
    void setTransactionListener(std::function<void(bool committed)> listener) {
        m_transactionListener = std::move(listener);
    }
    void transactionEnded(bool committed) {
        if (m_transactionListener)
            m_transactionListener(committed);
    }

private:
    Database(QString path, QString connection);

    QString m_path;
    QString m_connection;
    QSqlDatabase m_db;
    bool m_reader = false;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_statements;
    std::function<void(bool)> m_transactionListener;
};

// A write transaction taken with BEGIN IMMEDIATE: the write lock is held
// from the first statement, so a check ("is this slot free?") and the write
// that depends on it cannot be interleaved with another writer's, in this
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
    const StorageError& beginError() const { return m_beginError; }
    DbResult<void> commit();
    void rollback();

private:
    Database& m_db;
    bool m_active = false;
    StorageError m_beginError;
};

// One read snapshot (BEGIN DEFERRED): every statement until the end sees
// the database as the first one found it, while writers carry on in the
// WAL. Ends when destroyed; nothing is written.
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
