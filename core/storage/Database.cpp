#include "storage/Database.h"

#include "storage/Migrations.h"

#include <QAtomicInteger>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlError>

#include <algorithm>

Q_LOGGING_CATEGORY(lcDb, "mss.db", QtInfoMsg)

namespace mss::storage {

using namespace Qt::StringLiterals;

namespace {

QAtomicInteger<int> g_connectionCounter;

} // namespace

Database::Database(DatabaseUrl url, QString localDirectory, QString connection)
    : m_url(std::move(url))
    , m_dialect(m_url.engine)
    , m_path(m_url.engine == Engine::Sqlite ? m_url.path : m_url.toString())
    , m_localDirectory(std::move(localDirectory))
    , m_connection(std::move(connection)) {}

Database::~Database() {
    m_statements.clear();
    m_unprepared.clear();
    if (m_db.isOpen() && !m_reader && m_dialect.isSqlite()) {
        // Folds the WAL back into the main file so a stopped server leaves
        // one self-contained file behind.
        QSqlQuery(u"PRAGMA wal_checkpoint(TRUNCATE)"_s, m_db);
        m_db.close();
    }
    if (m_db.isOpen())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connection);
}

namespace {

// The code of a failure as the engine reports it; a full disk first, as
// the server answers it first (507).
ErrorCode codeOf(const Dialect& dialect, const QSqlError& e) {
    if (dialect.isDiskFull(e))
        return ErrorCode::DiskFull;
    if (dialect.isConnectionLost(e))
        return ErrorCode::DatabaseUnavailable;
    if (dialect.isReadOnly(e))
        return ErrorCode::ReadOnlyStorage;
    if (dialect.isOverlapRefused(e))
        return ErrorCode::SchedulingConflict;
    return ErrorCode::StorageFailure;
}

} // namespace

Error Database::errorOf(const QSqlError& e, const QString& what) const {
    return Error{codeOf(m_dialect, e), {}, what + u": "_s + e.text()};
}

Result<std::unique_ptr<Database>> Database::connect(const DatabaseUrl& url,
                                                    const QString& localDirectory, bool reader) {
    const QString connection = (reader ? u"mss-reader-%1"_s : u"mss-storage-%1"_s)
                                   .arg(g_connectionCounter.fetchAndAddRelaxed(1));
    std::unique_ptr<Database> db(new Database(url, localDirectory, connection));
    db->m_reader = reader;
    db->m_db = QSqlDatabase::addDatabase(db->m_dialect.driver(), connection);
    if (url.engine == Engine::Sqlite) {
        db->m_db.setDatabaseName(url.path);
        // Another process holding the write lock (an admin command while
        // the server runs) makes us wait instead of failing at once;
        // readers wait only for a checkpoint's brief exclusive moments.
        db->m_db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    } else {
        if (!db->m_db.isValid())
            return std::unexpected(
                failure(u"cannot reach PostgreSQL: Qt's PostgreSQL driver (QPSQL, Debian's "
                        "libqt6sql6-psql) is not installed"_s));
        db->m_db.setHostName(url.host);
        db->m_db.setPort(url.port);
        db->m_db.setUserName(url.user);
        db->m_db.setDatabaseName(url.database);
        // Empty: libpq reads PGPASSWORD or ~/.pgpass itself.
        if (!url.password.isEmpty())
            db->m_db.setPassword(url.password);
        db->m_db.setConnectOptions(u"connect_timeout=10;application_name=mentalspace-server"_s);
    }
    if (!db->m_db.open())
        return std::unexpected(
            db->errorOf(db->m_db.lastError(), u"cannot open the database %1"_s.arg(db->m_path)));
    return db;
}

Result<std::unique_ptr<Database>> Database::open(const QString& path, const Schema& schema) {
    return open(DatabaseUrl::sqlite(path), QFileInfo(path).absolutePath(), schema);
}

Result<std::unique_ptr<Database>>
Database::open(const DatabaseUrl& url, const QString& localDirectory, const Schema& schema) {
    auto opened = connect(url, localDirectory, false);
    if (!opened)
        return opened;
    std::unique_ptr<Database>& db = *opened;

    // A newer program's file is refused before any pragma could change it.
    // (PostgreSQL's version is read under the migrations' lock.)
    if (url.engine == Engine::Sqlite) {
        if (const int version = db->schemaVersion(); version > int(schema.size()))
            return std::unexpected(failure(
                u"the database is at schema %1, newer than this program (%2)"_s.arg(version).arg(
                    schema.size())));
    }
    for (const QString& statement : db->m_dialect.connectionSetup(false)) {
        if (auto r = db->exec(statement); !r)
            return std::unexpected(r.error());
    }
    // A database that may not grow past its size limit fails its writes
    // with SQLITE_FULL, as on a full disk (serve --database-size-limit).
    if (url.sizeLimit > 0 && url.engine == Engine::Sqlite) {
        if (auto r = db->limitSize(url.sizeLimit); !r)
            return std::unexpected(r.error());
    }
    if (auto r = migrate(*db, schema); !r)
        return std::unexpected(r.error());
    return opened;
}

Result<std::unique_ptr<Database>> Database::openReader(const QString& path) {
    return openReader(DatabaseUrl::sqlite(path), QFileInfo(path).absolutePath());
}

Result<std::unique_ptr<Database>> Database::openReader(const DatabaseUrl& url,
                                                       const QString& localDirectory) {
    auto opened = connect(url, localDirectory, true);
    if (!opened)
        return opened;
    for (const QString& statement : (*opened)->m_dialect.connectionSetup(true)) {
        if (auto r = (*opened)->exec(statement); !r)
            return std::unexpected(r.error());
    }
    return opened;
}

Result<std::unique_ptr<Database>> Database::openAsIs(const DatabaseUrl& url,
                                                     const QString& localDirectory) {
    auto opened = connect(url, localDirectory, false);
    if (!opened)
        return opened;
    for (const QString& statement : (*opened)->m_dialect.connectionSetup(false)) {
        if (auto r = (*opened)->exec(statement); !r)
            return std::unexpected(r.error());
    }
    return opened;
}

QSqlQuery& Database::prepare(const QString& statement) {
    if (auto it = m_statements.find(statement); it != m_statements.end()) {
        (*it)->finish();
        return **it;
    }
    auto q = std::make_shared<QSqlQuery>(m_db);
    q->setForwardOnly(true);
    if (!q->prepare(statement)) {
        // Its exec() reports the failure; a statement that failed to
        // prepare (a PostgreSQL transaction already aborted) is not kept.
        qCWarning(lcDb) << "prepare failed:" << q->lastError().text();
        m_unprepared.append(q);
        return *q;
    }
    return **m_statements.insert(statement, std::move(q));
}

void Database::finishQueries() {
    m_unprepared.clear();
    // List queries vary with their filters: a bound keeps the cache small.
    if (m_statements.size() > 256) {
        m_statements.clear();
        return;
    }
    for (const auto& q : std::as_const(m_statements))
        q->finish();
}

Result<void> Database::reconnect() {
    // Statements prepared on the lost connection go with it.
    m_statements.clear();
    m_unprepared.clear();
    m_db.close();
    if (!m_db.open()) {
        Error e = errorOf(m_db.lastError(), u"cannot reach the database %1"_s.arg(m_path));
        if (e.code != ErrorCode::DiskFull)
            e.code = ErrorCode::DatabaseUnavailable;
        return std::unexpected(e);
    }
    for (const QString& statement : m_dialect.connectionSetup(m_reader)) {
        if (auto r = exec(statement); !r)
            return r;
    }
    qCInfo(lcDb) << "connected to the database again";
    return {};
}

Result<void> Database::exec(const QString& statement) {
    QSqlQuery q(m_db);
    if (!q.exec(statement))
        return std::unexpected(errorOf(q.lastError(), u"statement failed"_s));
    return {};
}

Result<void> Database::run(QSqlQuery& query) {
    if (!query.exec()) {
        const Dialect dialect(query.driver() && query.driver()->dbmsType() == QSqlDriver::PostgreSQL
                                  ? Engine::Postgresql
                                  : Engine::Sqlite);
        const QSqlError e = query.lastError();
        return std::unexpected(Error{codeOf(dialect, e), {}, u"query failed: "_s + e.text()});
    }
    return {};
}

Result<void> Database::limitSize(qint64 bytes) {
    QSqlQuery q(m_db);
    if (!q.exec(u"PRAGMA page_size"_s) || !q.next())
        return std::unexpected(errorOf(q.lastError(), u"cannot read the page size"_s));
    const qint64 pageSize = std::max<qint64>(1, q.value(0).toLongLong());
    q.finish();
    // At least one page (0 would ask instead of set); a limit under the
    // file's size keeps it as it is. SQLite counts pages in 32 bits.
    const qint64 pages = std::clamp<qint64>(bytes / pageSize, 1, 0xfffffffe);
    return exec(u"PRAGMA max_page_count=%1"_s.arg(pages));
}

Result<void> Database::setAutoCheckpoint(int pages) {
    // The WAL file keeps its largest size unless limited; once a
    // checkpoint lets the WAL start over it is cut back to 64 MiB.
    if (auto r = exec(u"PRAGMA journal_size_limit=67108864"_s); !r)
        return r;
    return exec(u"PRAGMA wal_autocheckpoint=%1"_s.arg(pages));
}

int Database::schemaVersion() {
    QSqlQuery q(m_dialect.readSchemaVersion(), m_db);
    return q.next() ? q.value(0).toInt() : 0;
}

WriteTransaction::WriteTransaction(Database& db, Durability durability)
    : m_db(db) {
    // synchronous cannot change inside an SQLite transaction, so it is set first.
    const bool durable = durability == Durability::Durable;
    if (const QString sync = m_db.dialect().durabilityBeforeBegin(durable); !sync.isEmpty()) {
        if (auto r = m_db.exec(sync); !r) {
            m_beginError = r.error();
            return;
        }
    }
    // A statement left open would make BEGIN IMMEDIATE an upgrade of an old
    // read snapshot, which SQLite refuses at once (SQLITE_BUSY_SNAPSHOT)
    // when another process has written since, instead of waiting.
    m_db.finishQueries();
    const QStringList begin = m_db.dialect().beginWrite(durable);
    const auto tryBegin = [&]() -> Result<void> {
        for (qsizetype i = 0; i < begin.size(); ++i) {
            if (auto r = m_db.exec(begin.at(i)); !r) {
                // A transaction begun before what failed is ended (on
                // PostgreSQL BEGIN and the lock are one string).
                if (i > 0 || !m_db.dialect().isSqlite())
                    // Best effort: the begin's own error is the one returned.
                    std::ignore = m_db.exec(u"ROLLBACK"_s);
                return r;
            }
        }
        return {};
    };
    auto begun = tryBegin();
    // A connection lost since the last transaction (the database server
    // restarted): once more on a new one.
    if (!begun && begun.error().code == ErrorCode::DatabaseUnavailable) {
        if (auto r = m_db.reconnect(); !r)
            begun = r;
        else
            begun = tryBegin();
    }
    if (!begun) {
        m_beginError = begun.error();
        qCWarning(lcDb) << "cannot begin a write transaction:" << begun.error().message;
        return;
    }
    m_active = true;
}

WriteTransaction::~WriteTransaction() {
    rollback();
}

void WriteTransaction::rollback() {
    if (!m_active)
        return;
    m_active = false;
    if (auto r = m_db.exec(u"ROLLBACK"_s); !r)
        qCWarning(lcDb) << "rollback failed:" << r.error().message;
    m_db.transactionEnded(false);
}

ReadTransaction::ReadTransaction(Database& db)
    : m_db(db) {
    m_db.finishQueries();
    auto begun = m_db.exec(m_db.dialect().beginRead());
    if (!begun && begun.error().code == ErrorCode::DatabaseUnavailable) {
        if (auto r = m_db.reconnect(); !r)
            begun = r;
        else
            begun = m_db.exec(m_db.dialect().beginRead());
    }
    if (!begun) {
        qCWarning(lcDb) << "cannot begin a read transaction:" << begun.error().message;
        return;
    }
    m_active = true;
}

ReadTransaction::~ReadTransaction() {
    if (!m_active)
        return;
    // Statements still stepping would keep the snapshot (and the WAL
    // behind it) held.
    m_db.finishQueries();
    if (auto r = m_db.exec(u"COMMIT"_s); !r)
        qCWarning(lcDb) << "cannot end a read transaction:" << r.error().message;
}

Result<void> WriteTransaction::commit() {
    if (!m_active)
        return std::unexpected(m_beginError);
    m_db.finishQueries();
    auto r = m_db.exec(u"COMMIT"_s);
    if (r) {
        m_active = false;
        m_db.transactionEnded(true);
    }
    return r;
}

} // namespace mss::storage
