#include "OfficeServer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTimer>

#include <csignal>

#include <sys/prctl.h>

namespace mss::desktop {

using namespace Qt::StringLiterals;

namespace {

Error failure(const QString& message) {
    return {ErrorCode::StorageFailure, {}, message};
}

} // namespace

OfficeServer::OfficeServer(QObject* parent)
    : QObject(parent) {
    m_serve.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    // Should the app die without stopping it, the server goes too.
    m_serve.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
}

OfficeServer::~OfficeServer() {
    stop();
}

QString OfficeServer::program() {
    // Tests (and anyone running another build) name it.
    const QString named = qEnvironmentVariable("MSS_SERVER_PROGRAM");
    if (!named.isEmpty())
        return named;
    const QString dir = QCoreApplication::applicationDirPath();
    // Installed, the two programs share a folder; in the build tree they
    // live in sibling folders.
    const QStringList candidates{dir + u"/mentalspace-server"_s,
                                 dir + u"/../server/mentalspace-server"_s};
    for (const QString& candidate : candidates) {
        if (QFileInfo(candidate).isExecutable())
            return QFileInfo(candidate).canonicalFilePath();
    }
    // Elsewhere on the PATH; else the name, which then fails to start
    // with a message naming it.
    const QString found = QStandardPaths::findExecutable(u"mentalspace-server"_s);
    return found.isEmpty() ? u"mentalspace-server"_s : found;
}

bool OfficeServer::holdsPractice(const QString& dir) {
    return QFileInfo::exists(QDir(dir).filePath(u"mentalspace.db"_s));
}

void OfficeServer::run(const QStringList& arguments, const QByteArray& input,
                       std::function<void(Result<QString>)> done) {
    auto* process = new QProcess(this);
    process->setProcessChannelMode(QProcess::MergedChannels);
    connect(process, &QProcess::finished, this,
            [process, done](int code, QProcess::ExitStatus status) {
                const QString output = QString::fromUtf8(process->readAll());
                process->deleteLater();
                if (status == QProcess::NormalExit && code == 0)
                    done(output);
                else
                    done(std::unexpected(failure(output.trimmed())));
            });
    connect(process, &QProcess::errorOccurred, this, [process, done](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart)
            return;
        process->deleteLater();
        done(std::unexpected(failure(
            tr("cannot start %1; is the mentalspace-server package installed?").arg(program()))));
    });
    process->start(program(), arguments);
    process->write(input);
    process->closeWriteChannel();
}

void OfficeServer::createDemo(const QString& dataDir, std::function<void(Result<QString>)> done) {
    QDir().mkpath(dataDir);
    run({u"demo"_s, u"--data-dir"_s, dataDir}, {}, std::move(done));
}

void OfficeServer::createPractice(const QString& dataDir, const QString& timeZone,
                                  const QString& adminEmail, const QString& adminPassword,
                                  std::function<void(Result<QString>)> done) {
    QDir().mkpath(dataDir);
    run({u"init"_s, u"--data-dir"_s, dataDir, u"--time-zone"_s, timeZone, u"--admin-email"_s,
         adminEmail},
        adminPassword.toUtf8() + '\n', std::move(done));
}

void OfficeServer::start(const QString& dataDir, std::function<void(Result<QUrl>)> done) {
    stop();
    m_dataDir = dataDir;
    m_restarts = 0;
    launch(u"127.0.0.1:0"_s, std::move(done));
}

void OfficeServer::launch(const QString& listen, std::function<void(Result<QUrl>)> done) {
    m_seen.clear();
    m_serving = false;
    // Called once, by whichever of output, exit or failure comes first.
    auto answer = std::make_shared<std::function<void(Result<QUrl>)>>(std::move(done));
    auto finish = [answer](Result<QUrl> r) {
        if (auto f = std::exchange(*answer, nullptr))
            f(std::move(r));
    };
    disconnect(&m_serve, nullptr, this, nullptr);
    connect(&m_serve, &QProcess::readyReadStandardOutput, this, [this, finish] {
        m_seen += m_serve.readAllStandardOutput();
        const qsizetype at = m_seen.indexOf("Listening on ");
        if (m_serving || at < 0 || !m_seen.mid(at).contains('\n'))
            return;
        m_url = QUrl(QString::fromLatin1(m_seen.mid(at + 13).split('\n').front().trimmed()));
        m_serving = true;
        m_upSince.start();
        finish(m_url);
    });
    connect(
        &m_serve, &QProcess::finished, this, [this, finish](int code, QProcess::ExitStatus status) {
            if (m_serving) {
                endedWhileServing(code, status);
                return;
            }
            finish(
                std::unexpected(failure(tr("the office server stopped (exit code %1)").arg(code))));
        });
    connect(&m_serve, &QProcess::errorOccurred, this, [finish](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            finish(std::unexpected(
                failure(tr("cannot start %1; is the mentalspace-server package installed?")
                            .arg(program()))));
    });
    m_serve.start(program(), {u"serve"_s, u"--data-dir"_s, m_dataDir, u"--listen"_s, listen});
}

void OfficeServer::endedWhileServing(int code, QProcess::ExitStatus status) {
    m_serving = false;
    if (m_upSince.isValid() && m_upSince.elapsed() > 60'000)
        m_restarts = 0;
    emit stoppedUnexpectedly(status == QProcess::CrashExit
                                 ? tr("it was ended from outside or crashed")
                                 : tr("exit code %1").arg(code));
    // Not from inside the process's own finished().
    QTimer::singleShot(0, this, [this] { restart(true); });
}

void OfficeServer::restart(bool samePort) {
    if (m_restarts >= 5) {
        emit restartFailed(tr("it stopped again each time it was started"));
        return;
    }
    ++m_restarts;
    // The same address first: every desk of the office knows it.
    const int port = m_url.port();
    const QString listen = samePort && port > 0 ? u"127.0.0.1:%1"_s.arg(port) : u"127.0.0.1:0"_s;
    launch(listen, [this, samePort](Result<QUrl> url) {
        if (url) {
            emit restarted(*url);
            return;
        }
        if (samePort) {
            restart(false); // the port was taken meanwhile
            return;
        }
        // Wait a little before the next attempt (1 s, 2 s, 4 s ...).
        QTimer::singleShot(1000 << std::min(m_restarts, 4), this, [this] { restart(true); });
    });
}

void OfficeServer::stop() {
    m_serving = false;
    if (m_serve.state() == QProcess::NotRunning)
        return;
    // SIGTERM lets the server finish its request and checkpoint the file.
    ::kill(pid_t(m_serve.processId()), SIGTERM);
    if (!m_serve.waitForFinished(20'000))
        m_serve.kill();
    m_serve.waitForFinished(5'000);
}

bool OfficeServer::isRunning() const {
    return m_serve.state() != QProcess::NotRunning;
}

} // namespace mss::desktop
