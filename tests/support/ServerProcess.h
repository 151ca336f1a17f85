#pragma once

// Runs the real `mentalspace-server` binary for integration tests: a fresh
// data directory, `init` or `demo`, then `serve` on a free loopback port.
// The binary's path comes from the MSS_SERVER_BINARY compile definition.
// With MSS_TEST_DATABASE=postgresql the practice's database is a new one in
// the test binary's PostgreSQL cluster (PostgresCluster.h).
#include "PostgresCluster.h"

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <csignal>

#include <sys/prctl.h>

namespace mss::test {

class ServerProcess {
public:
    static constexpr const char* adminEmail = "admin@example.org";
    static constexpr const char* adminPassword = "correct horse battery staple";

    ServerProcess()
        : m_database(testDatabaseUrl()) {
        m_dir.setAutoRemove(true);
    }
    ~ServerProcess() { stop(); }

    QString dataDir() const { return m_dir.path(); }
    const QUrl& url() const { return m_url; }
    // The PostgreSQL URL of the practice's database; nullopt: the SQLite
    // file in dataDir().
    const std::optional<QString>& databaseUrl() const { return m_database; }

    // Runs one administrative command to completion; returns its exit code.
    int command(const QStringList& args, const QByteArray& input = {},
                QByteArray* output = nullptr) const {
        QProcess p;
        p.setProgram(QStringLiteral(MSS_SERVER_BINARY));
        p.setArguments(withDatabase(args));
        p.start();
        p.write(input);
        p.closeWriteChannel();
        if (!p.waitForFinished(120'000))
            qFatal("mentalspace-server %s did not finish", qPrintable(args.join(u' ')));
        if (output)
            *output = p.readAllStandardOutput() + p.readAllStandardError();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }

    bool init(const QString& timeZone = QStringLiteral("America/New_York")) {
        return command({QStringLiteral("init"), QStringLiteral("--data-dir"), dataDir(),
                        QStringLiteral("--time-zone"), timeZone, QStringLiteral("--admin-email"),
                        QString::fromLatin1(adminEmail)},
                       QByteArray(adminPassword) + '\n') == 0;
    }

    bool demo(const QString& timeZone = QStringLiteral("America/New_York")) {
        return command({QStringLiteral("demo"), QStringLiteral("--data-dir"), dataDir(),
                        QStringLiteral("--time-zone"), timeZone}) == 0;
    }

    bool addUser(const QString& email, const QString& role, const QByteArray& password) const {
        return command({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--data-dir"),
                        dataDir(), QStringLiteral("--email"), email, QStringLiteral("--role"), role,
                        QStringLiteral("--first-name"), QStringLiteral("Test"),
                        QStringLiteral("--last-name"), role.toLower()},
                       password + '\n') == 0;
    }

    // Starts `serve`; on the same port as before after a stop, so clients
    // pointed at the old address find it again.
    bool start(const QStringList& extra = {}) {
        const QString listen = m_url.isValid() ? QStringLiteral("127.0.0.1:%1").arg(m_url.port())
                                               : QStringLiteral("127.0.0.1:0");
        m_process = std::make_unique<QProcess>();
        m_process->setProgram(QStringLiteral(MSS_SERVER_BINARY));
        m_process->setArguments(
            withDatabase(QStringList{QStringLiteral("serve"), QStringLiteral("--data-dir"),
                                     dataDir(), QStringLiteral("--listen"), listen} +
                         extra));
        m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        // A test that dies (a failed QVERIFY in a helper, a crash) takes its
        // server with it.
        m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
        m_process->start();
        QByteArray seen;
        const bool up = QTest::qWaitFor(
            [&] {
                seen += m_process->readAllStandardOutput();
                return (seen.contains("Listening on ") && seen.endsWith('\n')) ||
                       m_process->state() == QProcess::NotRunning;
            },
            30'000);
        const qsizetype at = seen.indexOf("Listening on ");
        if (!up || at < 0)
            return false;
        const QByteArray line = seen.mid(at + 13).split('\n').front().trimmed();
        m_url = QUrl(QString::fromLatin1(line));
        return m_url.isValid();
    }

    // SIGTERM: the server finishes what it is doing and stops.
    void stop() {
        if (!m_process || m_process->state() == QProcess::NotRunning)
            return;
        ::kill(pid_t(m_process->processId()), SIGTERM);
        if (!m_process->waitForFinished(30'000))
            m_process->kill();
        m_process->waitForFinished(5'000);
    }

    // SIGKILL: no chance to finish anything.
    void kill() {
        if (!m_process || m_process->state() == QProcess::NotRunning)
            return;
        m_process->kill();
        m_process->waitForFinished(10'000);
    }

private:
    // A command given --data-dir also gets --database when the practice has one.
    QStringList withDatabase(const QStringList& args) const {
        const QStringList takesDatabase{QStringLiteral("init"), QStringLiteral("user"),
                                        QStringLiteral("serve"), QStringLiteral("demo"),
                                        QStringLiteral("audit")};
        if (!m_database || args.isEmpty() || !takesDatabase.contains(args.first()) ||
            !args.contains(QStringLiteral("--data-dir")) ||
            args.contains(QStringLiteral("--database")))
            return args;
        return args + QStringList{QStringLiteral("--database"), *m_database};
    }

    QTemporaryDir m_dir;
    std::optional<QString> m_database;
    std::unique_ptr<QProcess> m_process;
    QUrl m_url;
};

} // namespace mss::test
