#pragma once

// A real SMTP server for the reminder tests: Debian's aiosmtpd, writing
// each message it accepts into a Maildir, on a free loopback port.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStringList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

namespace mss::test {

inline quint16 freePort() {
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

class MailCatcher {
public:
    ~MailCatcher() { stop(); }

    // Starts it and waits until it answers; whether it does.
    bool start() {
        if (!m_dir.isValid())
            return false;
        for (const char* sub : {"tmp", "new", "cur"}) // a Maildir, as Mailbox wants it
            QDir(m_dir.path()).mkpath(QString::fromLatin1(sub));
        m_port = freePort();
        m_smtp.setProgram(QStringLiteral(MSS_PYTHON));
        m_smtp.setArguments({QStringLiteral("-m"), QStringLiteral("aiosmtpd"), QStringLiteral("-n"),
                             QStringLiteral("-l"), QStringLiteral("127.0.0.1:%1").arg(m_port),
                             QStringLiteral("-c"), QStringLiteral("aiosmtpd.handlers.Mailbox"),
                             m_dir.path()});
        m_smtp.setProcessChannelMode(QProcess::ForwardedChannels);
        m_smtp.start();
        if (!m_smtp.waitForStarted())
            return false;
        return QTest::qWaitFor(
            [&] {
                QTcpSocket probe;
                probe.connectToHost(QHostAddress::LocalHost, m_port);
                return probe.waitForConnected(200);
            },
            10'000);
    }
    void stop() {
        if (m_smtp.state() == QProcess::NotRunning)
            return;
        m_smtp.terminate();
        m_smtp.waitForFinished(5000);
    }
    quint16 port() const { return m_port; }

    // Every message received so far, as received. Oldest first only to
    // the second: Maildir names do not order messages within one second.
    QStringList mails() const { return mailsBut({}); }
    // The Maildir's file names: one a message.
    QStringList names() const {
        return QDir(m_dir.path() + QStringLiteral("/new")).entryList(QDir::Files, QDir::Name);
    }
    // The messages other than those named in `seen` (names()).
    QStringList mailsBut(const QStringList& seen) const {
        QStringList out;
        QDir dir(m_dir.path() + QStringLiteral("/new"));
        for (const QString& name : dir.entryList(QDir::Files, QDir::Name)) {
            QFile f(dir.filePath(name));
            if (!seen.contains(name) && f.open(QIODevice::ReadOnly))
                out << QString::fromUtf8(f.readAll());
        }
        return out;
    }

private:
    QProcess m_smtp;
    QTemporaryDir m_dir;
    quint16 m_port = 0;
};

} // namespace mss::test
