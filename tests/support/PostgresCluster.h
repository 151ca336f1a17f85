#pragma once

// A PostgreSQL cluster of the test's own: initdb in a temporary folder,
// started on a free loopback port, stopped and removed when destroyed (also
// after a failed test: the test binary still exits through its
// destructors). PostgreSQL refuses to run as root, so as root (CI) the
// cluster runs as the `postgres` user through runuser, in a folder given to
// it. Nothing is skipped when PostgreSQL is missing: scripts/bootstrap
// installs it, and a missing one stops the test with a sentence saying so.
//
// MSS_TEST_DATABASE=postgresql makes the server harnesses (ServerHarness,
// ServerProcess) serve from a database of the binary's one cluster
// (testDatabaseUrl()) instead of the data directory's SQLite file.
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTcpServer>
#include <QTemporaryDir>

#include <memory>
#include <optional>

#include <pwd.h>
#include <unistd.h>

namespace mss::test {

class PostgresCluster {
public:
    PostgresCluster() { m_error = start(); }
    ~PostgresCluster() { stop(); }
    PostgresCluster(const PostgresCluster&) = delete;
    PostgresCluster& operator=(const PostgresCluster&) = delete;

    // Empty when running; else why it is not.
    const QString& error() const { return m_error; }
    int port() const { return m_port; }
    static QString user() { return QStringLiteral("mss"); }

    // A new, empty database: its URL (postgresql://mss@127.0.0.1:PORT/NAME),
    // or empty (error() says why).
    QString createDatabase() {
        if (!m_error.isEmpty())
            return {};
        const QString name = QStringLiteral("practice_%1").arg(++m_databases);
        QString output;
        if (run(QStringLiteral("createdb"),
                {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                 QString::number(m_port), QStringLiteral("-U"), user(), name},
                &output) != 0) {
            m_error = QStringLiteral("createdb %1 failed: %2").arg(name, output);
            return {};
        }
        return QStringLiteral("postgresql://%1@127.0.0.1:%2/%3").arg(user()).arg(m_port).arg(name);
    }

    // Stops the database server as an administrator would (pg_ctl stop
    // -m fast: every connection is ended), keeping its data; resume()
    // starts it again on the same port. Empty, or why not.
    QString pause() {
        if (!m_running)
            return QStringLiteral("the cluster is not running");
        QString output;
        if (run(QStringLiteral("pg_ctl"),
                {QStringLiteral("-D"), m_dir->path() + QStringLiteral("/data"),
                 QStringLiteral("-m"), QStringLiteral("fast"), QStringLiteral("-w"),
                 QStringLiteral("stop")},
                &output) != 0)
            return QStringLiteral("pg_ctl stop failed: %1").arg(output);
        m_running = false;
        return {};
    }
    QString resume() { return launch(); }

    // Runs SQL through psql on `database`; its output, or nullopt.
    std::optional<QString> psql(const QString& database, const QString& sql) const {
        QString output;
        if (run(QStringLiteral("psql"),
                {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-A"),
                 QStringLiteral("-t"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                 QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                 QString::number(m_port), QStringLiteral("-U"), user(), QStringLiteral("-d"),
                 database, QStringLiteral("-c"), sql},
                &output) != 0)
            return std::nullopt;
        return output.trimmed();
    }

    // The one cluster of this test binary, started at the first call.
    static PostgresCluster& shared() {
        static PostgresCluster cluster;
        return cluster;
    }

private:
    static QString binDir() {
        if (const QByteArray dir = qgetenv("MSS_PG_BINDIR"); !dir.isEmpty())
            return QString::fromLocal8Bit(dir);
        // Debian keeps each major version's programs apart; the newest wins.
        QStringList versions = QDir(QStringLiteral("/usr/lib/postgresql"))
                                   .entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        std::sort(versions.begin(), versions.end(),
                  [](const QString& a, const QString& b) { return a.toInt() < b.toInt(); });
        return versions.isEmpty()
                   ? QString()
                   : QStringLiteral("/usr/lib/postgresql/%1/bin").arg(versions.last());
    }

    static bool asRoot() { return ::geteuid() == 0; }

    // A program of PostgreSQL's, as `postgres` when we are root.
    int run(const QString& program, const QStringList& arguments, QString* output = nullptr,
            int timeoutMs = 120'000) const {
        QProcess p;
        const QString path = m_bin + u'/' + program;
        if (asRoot()) {
            p.setProgram(QStringLiteral("runuser"));
            p.setArguments(QStringList{QStringLiteral("-u"), QStringLiteral("postgres"),
                                       QStringLiteral("--"), path} +
                           arguments);
        } else {
            p.setProgram(path);
            p.setArguments(arguments);
        }
        p.setWorkingDirectory(m_dir ? m_dir->path() : QDir::tempPath());
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start();
        if (!p.waitForStarted()) {
            if (output)
                *output = QStringLiteral("cannot run %1").arg(path);
            return -1;
        }
        p.waitForFinished(timeoutMs);
        if (output)
            *output = QString::fromLocal8Bit(p.readAll());
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }

    QString start() {
        m_bin = binDir();
        if (m_bin.isEmpty() || !QFile::exists(m_bin + QStringLiteral("/initdb")))
            return QStringLiteral(
                "PostgreSQL's server programs (initdb, pg_ctl) are not installed: run "
                "scripts/bootstrap, which installs postgresql");
        m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() +
                                                QStringLiteral("/mss-postgres-XXXXXX"));
        if (!m_dir->isValid())
            return QStringLiteral("cannot create a folder for the PostgreSQL cluster");
        if (asRoot()) {
            const passwd* pg = ::getpwnam("postgres");
            if (!pg)
                return QStringLiteral("the postgres user is missing: run scripts/bootstrap, "
                                      "which installs postgresql");
            if (::chown(QFile::encodeName(m_dir->path()).constData(), pg->pw_uid, pg->pw_gid) != 0)
                return QStringLiteral("cannot give %1 to the postgres user").arg(m_dir->path());
        }
        QString output;
        const QString data = m_dir->path() + QStringLiteral("/data");
        if (run(QStringLiteral("initdb"),
                {QStringLiteral("-D"), data, QStringLiteral("-U"), user(),
                 QStringLiteral("--auth=trust"), QStringLiteral("--locale=C"),
                 QStringLiteral("--encoding=UTF8"), QStringLiteral("--no-sync")},
                &output) != 0)
            return QStringLiteral("initdb failed: %1").arg(output);
        // A free loopback port: the system's pick, given back just before.
        {
            QTcpServer probe;
            if (!probe.listen(QHostAddress::LocalHost, 0))
                return QStringLiteral("no free loopback port for PostgreSQL");
            m_port = probe.serverPort();
        }
        return launch();
    }

    QString launch() {
        const QString data = m_dir->path() + QStringLiteral("/data");
        QString output;
        const QString options =
            QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off "
                           "-c max_connections=200")
                .arg(m_port)
                .arg(m_dir->path());
        if (run(QStringLiteral("pg_ctl"),
                {QStringLiteral("-D"), data, QStringLiteral("-o"), options, QStringLiteral("-l"),
                 m_dir->path() + QStringLiteral("/log"), QStringLiteral("-w"),
                 QStringLiteral("start")},
                &output) != 0) {
            QFile log(m_dir->path() + QStringLiteral("/log"));
            log.open(QIODevice::ReadOnly);
            return QStringLiteral("PostgreSQL did not start: %1 %2")
                .arg(output, QString::fromLocal8Bit(log.readAll()));
        }
        m_running = true;
        return {};
    }

    void stop() {
        if (m_running) {
            run(QStringLiteral("pg_ctl"),
                {QStringLiteral("-D"), m_dir->path() + QStringLiteral("/data"),
                 QStringLiteral("-m"), QStringLiteral("fast"), QStringLiteral("-w"),
                 QStringLiteral("stop")});
            m_running = false;
        }
        m_dir.reset(); // removes the cluster's folder
    }

    QString m_bin;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_error;
    int m_port = 0;
    int m_databases = 0;
    bool m_running = false;
};

// MSS_TEST_DATABASE=postgresql: a new database of the binary's cluster for
// one practice; absent: nullopt (the data directory's SQLite file). A
// cluster that cannot start stops the test: it must not pass unseen.
inline std::optional<QString> testDatabaseUrl() {
    const QByteArray wanted = qgetenv("MSS_TEST_DATABASE");
    if (wanted.isEmpty() || wanted == "sqlite")
        return std::nullopt;
    if (wanted != "postgresql")
        qFatal("MSS_TEST_DATABASE is \"%s\": give sqlite or postgresql", wanted.constData());
    PostgresCluster& cluster = PostgresCluster::shared();
    const QString url = cluster.createDatabase();
    if (url.isEmpty())
        qFatal("the tests' PostgreSQL cluster is not available: %s", qPrintable(cluster.error()));
    return url;
}

} // namespace mss::test
