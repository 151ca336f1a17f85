#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <optional>
#include <vector>

namespace mss::test {

// One HTTP answer, parsed.
struct Reply {
    int status = 0;
    QJsonObject json;
    QByteArray body;                       // as received
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QJsonValue data() const { return json.value(QLatin1String("data")); }
    QJsonObject object() const { return data().toObject(); }
};

// A practice in a temporary directory and the real server binary serving
// it on a random loopback port. With MSS_TEST_DATABASE=postgresql its
// database is a new one in the test binary's PostgreSQL cluster
// (PostgresCluster.h), and every command given --data-dir also gets
// --database.
class ServerHarness {
public:
    static constexpr const char* password = "correct horse battery";

    ServerHarness();
    ~ServerHarness();

    // Runs a command of the binary with `input` on standard input; returns
    // the exit code, and its output in `output`.
    int command(const QStringList& arguments, const QByteArray& input = {},
                QString* output = nullptr) const;
    bool init(const QString& timeZone = QStringLiteral("America/New_York"));
    // Adds a staff member with `role` (email "<role>@test.practice").
    bool addUser(const QString& role);
    // Serves with `extraArguments` after the harness's own (limits, TLS).
    bool start(const QStringList& extraArguments = {});
    // A further server process on the same data directory: its base URL,
    // or empty. Stopped with the harness.
    QString startAnother();
    // SIGTERM (graceful) or SIGKILL; the exit code after SIGTERM (-1 when
    // it crashed or was killed).
    int stop(bool kill = false);

    // Makes "now" `now` for the servers of this harness (they read it at
    // each use); until called they use the system clock.
    bool setNow(const QDateTime& now) const;

    QString dataDir() const { return m_dir.path(); }
    // The PostgreSQL URL of the practice's database; nullopt: the SQLite
    // file in dataDir().
    const std::optional<QString>& databaseUrl() const { return m_database; }
    QString baseUrl() const { return m_baseUrl; }
    // What the serving process has written to standard error since the
    // last call (its log).
    QByteArray takeServerLog() const;
    // The serving process (for /proc/PID), or 0.
    qint64 serverPid() const { return m_server ? m_server->processId() : 0; }

    Reply request(const QByteArray& method, const QString& path, const QJsonObject& body = {},
                  const QByteArray& token = {},
                  const QHash<QByteArray, QByteArray>& headers = {}) const;
    Reply requestRaw(const QByteArray& method, const QString& path, const QByteArray& body,
                     const QByteArray& token = {},
                     const QHash<QByteArray, QByteArray>& headers = {}) const;
    // A token for "<role>@test.practice", or empty.
    QByteArray login(const QString& role) const;

private:
    QTemporaryDir m_dir;
    std::optional<QString> m_database;
    // The command's arguments with --database when the practice has one.
    QStringList withDatabase(const QStringList& arguments) const;
    std::unique_ptr<QProcess> launch(QString* baseUrl,
                                     const QStringList& extraArguments = {}) const;

    std::unique_ptr<QProcess> m_server;
    std::vector<std::unique_ptr<QProcess>> m_others;
    QString m_baseUrl;
};

} // namespace mss::test
