#include "storage/Database.h"

#include "storage/Migrations.h"

#include <QAtomicInteger>
#include <QLoggingCategory>
#include <QSqlError>

Q_LOGGING_CATEGORY(lcDb, "mss.db", QtInfoMsg)

namespace mss::storage {

using namespace Qt::StringLiterals;

namespace {

QAtomicInteger<int> g_connectionCounter;

StorageError errorOf(const QSqlError& e, const QString& what) {
    // QSQLITE gives SQLite's result code as the native code; an extended
    // code keeps the primary one in its low byte.
    bool ok = false;
    const int code = e.nativeErrorCode().toInt(&ok);
    constexpr int sqliteReadOnly = 8;
    constexpr int sqliteFull = 13;
    return {what + u": "_s + e.text(), ok && (code & 0xff) == sqliteFull,
            ok && (code & 0xff) == sqliteReadOnly};
}

} // namespace

Database::Database(QString path, QString connection)
    : m_path(std::move(path))
    , m_connection(std::move(connection)) {}

Database::~Database() {
    m_statements.clear();
    if (m_db.isOpen() && !m_reader) {
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

DbResult<std::unique_ptr<Database>> Database::open(const QString& path, const Schema& schema) {
    const QString connection = u"mss-storage-%1"_s.arg(g_connectionCounter.fetchAndAddRelaxed(1));
    std::unique_ptr<Database> db(new Database(path, connection));
    db->m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
    db->m_db.setDatabaseName(path);
    // Another process holding the write lock (an admin command while the
    // server runs) makes us wait instead of failing at once.
    db->m_db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!db->m_db.open())
        return std::unexpected(errorOf(db->m_db.lastError(), u"cannot open the database"_s));

    // A newer program's file is refused before any pragma could change it.
    if (const int version = db->schemaVersion(); version > int(schema.size()))
        return std::unexpected(StorageError{
            u"the database is at schema %1, newer than this program (%2)"_s.arg(version).arg(
                schema.size())});

    // WAL: readers never block the writer. synchronous=NORMAL by default;
    // durable writes raise it to FULL for their commit (WriteTransaction).
    for (const QString& pragma : {u"PRAGMA journal_mode=WAL"_s, u"PRAGMA synchronous=NORMAL"_s,
                                  u"PRAGMA foreign_keys=ON"_s, u"PRAGMA temp_store=MEMORY"_s}) {
        if (auto r = db->exec(pragma); !r)
            return std::unexpected(r.error());
    }
    // Test only: a database that may not grow past this many pages fails
    // its writes with SQLITE_FULL, as on a full disk, without needing one
    // (docs/server.md, "Tests").
    if (const QByteArray pages = qgetenv("MSS_TEST_MAX_PAGE_COUNT"); !pages.isEmpty()) {
        if (auto r = db->exec(u"PRAGMA max_page_count=%1"_s.arg(pages.toLongLong())); !r)
            return std::unexpected(r.error());
    }
    if (auto r = migrate(*db, schema); !r)
        return std::unexpected(r.error());
    return db;
}

DbResult<std::unique_ptr<Database>> Database::openReader(const QString& path) {
    const QString connection = u"mss-reader-%1"_s.arg(g_connectionCounter.fetchAndAddRelaxed(1));
    std::unique_ptr<Database> db(new Database(path, connection));
    db->m_reader = true;
    db->m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
    db->m_db.setDatabaseName(path);
    // Readers wait only for a checkpoint's brief exclusive moments.
    db->m_db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!db->m_db.open())
        return std::unexpected(errorOf(db->m_db.lastError(), u"cannot open the database"_s));
    for (const QString& pragma : {u"PRAGMA query_only=ON"_s, u"PRAGMA temp_store=MEMORY"_s}) {
        if (auto r = db->exec(pragma); !r)
            return std::unexpected(r.error());
    }
    return db;
}

QSqlQuery& Database::prepare(const QString& statement) {
    if (auto it = m_statements.find(statement); it != m_statements.end()) {
        (*it)->finish();
        return **it;
    }
    auto q = std::make_shared<QSqlQuery>(m_db);
    q->setForwardOnly(true);
    if (!q->prepare(statement))
        qCWarning(lcDb) << "prepare failed:" << q->lastError().text();
    return **m_statements.insert(statement, std::move(q));
}

void Database::finishQueries() {
    // List queries vary with their filters: a bound keeps the cache small.
    if (m_statements.size() > 256) {
        m_statements.clear();
        return;
    }
    for (const auto& q : std::as_const(m_statements))
        q->finish();
}

DbResult<void> Database::exec(const QString& statement) {
    QSqlQuery q(m_db);
    if (!q.exec(statement))
        return std::unexpected(errorOf(q.lastError(), u"statement failed"_s));
    return {};
}

DbResult<void> Database::run(QSqlQuery& query) {
    if (!query.exec())
        return std::unexpected(errorOf(query.lastError(), u"query failed"_s));
    return {};
}

DbResult<void> Database::setAutoCheckpoint(int pages) {
    // The WAL file keeps its largest size unless limited; once a
    // checkpoint lets the WAL start over it is cut back to 64 MiB.
    if (auto r = exec(u"PRAGMA journal_size_limit=67108864"_s); !r)
        return r;
    return exec(u"PRAGMA wal_autocheckpoint=%1"_s.arg(pages));
}

int Database::schemaVersion() {
    QSqlQuery q(u"PRAGMA user_version"_s, m_db);
    return q.next() ? q.value(0).toInt() : 0;
}

WriteTransaction::WriteTransaction(Database& db, Durability durability)
    : m_db(db) {
    // synchronous cannot change inside a transaction, so it is set first.
    const auto sync = durability == Durability::Durable ? u"PRAGMA synchronous=FULL"_s
                                                        : u"PRAGMA synchronous=NORMAL"_s;
    if (auto r = m_db.exec(sync); !r) {
        m_beginError = r.error();
        return;
    }
    // A statement left open would make BEGIN IMMEDIATE an upgrade of an old
    // read snapshot, which SQLite refuses at once (SQLITE_BUSY_SNAPSHOT)
    // when another process has written since, instead of waiting.
    m_db.finishQueries();
    if (auto r = m_db.exec(u"BEGIN IMMEDIATE"_s); !r) {
        m_beginError = r.error();
        qCWarning(lcDb) << "cannot begin a write transaction:" << r.error().message;
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
    if (auto r = m_db.exec(u"BEGIN DEFERRED"_s); !r) {
        qCWarning(lcDb) << "cannot begin a read transaction:" << r.error().message;
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

DbResult<void> WriteTransaction::commit() {
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
