#pragma once

#include "base/Error.h"

#include <QObject>
#include <QProcess>
#include <QUrl>

#include <functional>

namespace mss::desktop {

// The embedded server run by this computer for its own office: the
// `mentalspace-server` program beside the app, started on a free loopback
// port and stopped (SIGTERM, so it checkpoints its database) when the app
// quits.
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

private:
    void run(const QStringList& arguments, const QByteArray& input,
             std::function<void(Result<QString>)> done);

    QProcess m_serve;
    QByteArray m_seen;
    QUrl m_url;
};

} // namespace mss::desktop
