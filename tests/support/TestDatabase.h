#pragma once

// A practice's database opened by a test itself, beside the server: the
// SQLite file in the data directory, or the PostgreSQL database of
// MSS_TEST_DATABASE=postgresql (PostgresCluster.h). The tests that look
// inside the database (a tampered audit entry, overlapping rows, the write
// lock) do it through here on either engine.
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QUrl>

#include <optional>

namespace mss::test {

class TestDatabase {
public:
    // `url`: the harness's PostgreSQL URL, or nullopt for the SQLite file.
    TestDatabase(const QString& connection, const QString& dataDir,
                 const std::optional<QString>& url)
        : m_connection(connection)
        , m_postgresql(url.has_value()) {
        if (url) {
            const QUrl u(*url);
            m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
            m_db.setHostName(u.host());
            m_db.setPort(u.port(5432));
            m_db.setUserName(u.userName());
            m_db.setDatabaseName(u.path().mid(1));
        } else {
            m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
            m_db.setDatabaseName(dataDir + QStringLiteral("/mentalspace.db"));
            m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=0"));
        }
        m_db.open();
    }
    ~TestDatabase() {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connection);
    }
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    bool isOpen() const { return m_db.isOpen(); }
    bool isPostgresql() const { return m_postgresql; }
    QSqlDatabase& sql() { return m_db; }

    // Whether a writer could start now, without waiting: no server holds
    // the write lock (SQLite's BEGIN IMMEDIATE; PostgreSQL's advisory lock,
    // core/storage/Dialect.cpp).
    bool writeLockIsFree() {
        QSqlQuery q(m_db);
        if (!m_postgresql)
            return q.exec(QStringLiteral("BEGIN IMMEDIATE")) && q.exec(QStringLiteral("ROLLBACK"));
        const bool free =
            q.exec(QStringLiteral("SELECT pg_try_advisory_lock(%1)").arg(qint64(0x6d73735f7772))) &&
            q.next() && q.value(0).toBool();
        if (free)
            q.exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(qint64(0x6d73735f7772)));
        return free;
    }

    // "ok", or the first problem found: SQLite's integrity_check, or
    // PostgreSQL's amcheck over every B-tree index of the practice.
    QString integrity() {
        QSqlQuery q(m_db);
        if (!m_postgresql) {
            if (!q.exec(QStringLiteral("PRAGMA integrity_check")) || !q.next())
                return q.lastError().text();
            return q.value(0).toString();
        }
        if (!q.exec(QStringLiteral("CREATE EXTENSION IF NOT EXISTS amcheck")))
            return q.lastError().text();
        if (!q.exec(QStringLiteral(
                "SELECT count(bt_index_check(c.oid, true)) FROM pg_index i "
                "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam "
                "WHERE am.amname = 'btree' AND c.relnamespace = 'public'::regnamespace")) ||
            !q.next())
            return q.lastError().text();
        return q.value(0).toInt() > 0 ? QStringLiteral("ok") : QStringLiteral("no indexes");
    }

private:
    QString m_connection;
    bool m_postgresql = false;
    QSqlDatabase m_db;
};

} // namespace mss::test
