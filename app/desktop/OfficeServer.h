#pragma once

#include "base/Error.h"

#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QUrl>

#include <functional>

namespace mss::desktop {

// The embedded server run by this computer for its own office: the
// `mentalspace-server` program beside the app, started on a free loopback
// port and stopped (SIGTERM, so it checkpoints its database) when the app
// quits. Should it end on its own while serving (killed, crashed), it is
// started again on the same port (another one if that is taken), up to
// five times in a row; once it has served a minute the count starts over.
class OfficeServer : public QObject {
    Q_OBJECT

public:
    explicit OfficeServer(QObject* parent = nullptr);
    ~OfficeServer() override;

    // The server program: $MSS_SERVER_PROGRAM, else next to this app's
    // binary (installed), else in the build tree's sibling folder, else on
    // the PATH.
    static QString program();
    // Whether `dir` already holds a practice.
    static bool holdsPractice(const QString& dir);

    // The one-off commands; `done` gets their output, or an error with it.
    void createDemo(const QString& dataDir, std::function<void(Result<QString>)> done);
    void createPractice(const QString& dataDir, const QString& timeZone, const QString& adminEmail,
                        const QString& adminPassword, std::function<void(Result<QString>)> done);

    // `serve` on 127.0.0.1 and a free port; `done` gets its address.
    void start(const QString& dataDir, std::function<void(Result<QUrl>)> done);
    void stop();
    bool isRunning() const;
    const QUrl& url() const { return m_url; }
    // The serve process's id, 0 when it is not running.
    qint64 processId() const { return m_serve.processId(); }

signals:
    // The server ended without stop(); it is being started again.
    void stoppedUnexpectedly(const QString& why);
    // It serves again, at `url` (the same address unless its port was
    // taken meanwhile).
    void restarted(const QUrl& url);
    // Started again five times in a row without staying up: given up.
    void restartFailed(const QString& why);

private:
    // `serve` on `listen`; `done` once, with the address or why not.
    void launch(const QString& listen, std::function<void(Result<QUrl>)> done);
    void endedWhileServing(int code, QProcess::ExitStatus status);
    void restart(bool samePort);

    void run(const QStringList& arguments, const QByteArray& input,
             std::function<void(Result<QString>)> done);

    QProcess m_serve;
    QByteArray m_seen;
    QUrl m_url;
    QString m_dataDir;
    bool m_serving = false; // listening, and not being stopped
    int m_restarts = 0;     // in a row
    QElapsedTimer m_upSince;
};

} // namespace mss::desktop
