// serve --config FILE: the settings file of the installed service
// (/etc/mentalspace/server.conf), the command line winning over it, and a
// clear refusal naming a wrong key or an unreadable file.
#include "ServerHarness.h"

#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QtTest>

using namespace Qt::StringLiterals;

class ServerConfigTest : public QObject {
    Q_OBJECT

private slots:
    void servesWithTheSettingsOfTheFile();
    void databaseComesFromTheFile();
    void commandLineWinsOverTheFile();
    void insecureLanComesFromTheFile();
    void allowedOriginsOfTheFileAndTheCommandLineAddUp();
    void unknownKeyIsRefusedByName();
    void badValueOrLineIsRefusedWithItsLine();
    void unreadableFileIsRefusedByName();
    void shippedFileServesAsTheServiceDoes();
};

namespace {

QString writeConfig(const QString& dir, const QByteArray& text) {
    const QString path = dir + u"/server.conf"_s;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(text) != text.size())
        return {};
    return path;
}

// Starts serve with `arguments`; the address it listens on, or empty (then
// `output` says why).
QString startServe(QProcess& server, const QStringList& arguments, QByteArray* output) {
    server.start(QStringLiteral(MSS_SERVER_BINARY), QStringList{u"serve"_s} + arguments);
    QByteArray out;
    QDeadlineTimer deadline(20'000);
    while (!deadline.hasExpired() && !out.contains('\n') &&
           server.state() != QProcess::NotRunning) {
        server.waitForReadyRead(200);
        out += server.readAllStandardOutput();
    }
    out += server.readAllStandardOutput() + server.readAllStandardError();
    if (output)
        *output = out;
    if (!out.startsWith("Listening on "))
        return {};
    return QString::fromLatin1(out.mid(13).split('\n').front().trimmed());
}

int healthStatus(const QString& baseUrl) {
    QNetworkAccessManager nam;
    QNetworkReply* reply = nam.get(QNetworkRequest(QUrl(baseUrl + u"/api/v1/health"_s)));
    QDeadlineTimer deadline(20'000);
    while (!reply->isFinished() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    delete reply;
    return status;
}

int stopServe(QProcess& server) {
    server.terminate();
    if (!server.waitForFinished(20'000))
        server.kill();
    return server.exitStatus() == QProcess::NormalExit ? server.exitCode() : -1;
}

} // namespace

void ServerConfigTest::servesWithTheSettingsOfTheFile() {
    mss::test::ServerHarness h;
    QVERIFY(h.init());
    // A relative data-dir is taken from the file's folder.
    const QString config = writeConfig(h.dataDir(), "# the office\n"
                                                    "data-dir = .\n"
                                                    "\n"
                                                    "listen = 127.0.0.1:0\n"
                                                    "tls-cert =\n"
                                                    "insecure-lan = no\n");
    QVERIFY(!config.isEmpty());
    QProcess server;
    QByteArray out;
    const QString url = startServe(server, {u"--config"_s, config}, &out);
    QVERIFY2(url.startsWith(u"http://127.0.0.1:"_s), out.constData());
    QCOMPARE(healthStatus(url), 200);
    QCOMPARE(stopServe(server), 0);
}

void ServerConfigTest::databaseComesFromTheFile() {
    mss::test::ServerHarness h;
    const QString file = h.dataDir() + u"/office.db"_s;
    QCOMPARE(
        h.command({u"init"_s, u"--data-dir"_s, h.dataDir(), u"--database"_s, u"sqlite:"_s + file,
                   u"--time-zone"_s, u"Europe/Berlin"_s, u"--admin-email"_s, u"a@b.c"_s},
                  "long enough password\n"),
        0);
    QByteArray out;
    {
        // Without the key, the data directory holds no practice.
        QProcess server;
        const QString config = writeConfig(h.dataDir(), "data-dir = .\nlisten = 127.0.0.1:0\n");
        QVERIFY(startServe(server, {u"--config"_s, config}, &out).isEmpty());
        QVERIFY2(out.contains("no practice in"), out.constData());
    }
    const QString config = writeConfig(
        h.dataDir(),
        "data-dir = .\nlisten = 127.0.0.1:0\ndatabase = sqlite:" + file.toUtf8() + '\n');
    QProcess server;
    const QString url = startServe(server, {u"--config"_s, config}, &out);
    QVERIFY2(url.startsWith(u"http://127.0.0.1:"_s), out.constData());
    QCOMPARE(healthStatus(url), 200);
    QCOMPARE(stopServe(server), 0);
}

void ServerConfigTest::commandLineWinsOverTheFile() {
    mss::test::ServerHarness h;
    QVERIFY(h.init());
    // Alone, this file would be refused twice over: no practice there, and
    // a LAN address without TLS.
    const QString config = writeConfig(h.dataDir(), "data-dir = /nonexistent/practice\n"
                                                    "listen = 0.0.0.0:0\n");
    QByteArray out;
    {
        // --listen overrides the file's address, so its data-dir is next.
        QProcess server;
        QVERIFY(startServe(server, {u"--config"_s, config, u"--listen"_s, u"127.0.0.1:0"_s}, &out)
                    .isEmpty());
        QVERIFY2(out.contains("no practice in /nonexistent/practice"), out.constData());
    }
    QProcess server;
    const QString url = startServe(
        server,
        {u"--data-dir"_s, h.dataDir(), u"--config"_s, config, u"--listen"_s, u"127.0.0.1:0"_s},
        &out);
    QVERIFY2(url.startsWith(u"http://127.0.0.1:"_s), out.constData());
    QCOMPARE(healthStatus(url), 200);
    QCOMPARE(stopServe(server), 0);
}

void ServerConfigTest::insecureLanComesFromTheFile() {
    mss::test::ServerHarness h;
    QVERIFY(h.init());
    QByteArray out;
    {
        const QString config =
            writeConfig(h.dataDir(), "data-dir = .\nlisten = 0.0.0.0:0\ninsecure-lan = no\n");
        QProcess server;
        QVERIFY(startServe(server, {u"--config"_s, config}, &out).isEmpty());
        QVERIFY2(out.contains("--tls-cert"), out.constData());
    }
    const QString config =
        writeConfig(h.dataDir(), "data-dir = .\nlisten = 0.0.0.0:0\ninsecure-lan = yes\n");
    QProcess server;
    const QString url = startServe(server, {u"--config"_s, config}, &out);
    QVERIFY2(url.startsWith(u"http://0.0.0.0:"_s), out.constData());
    QCOMPARE(stopServe(server), 0);
}

void ServerConfigTest::allowedOriginsOfTheFileAndTheCommandLineAddUp() {
    mss::test::ServerHarness h;
    QVERIFY(h.init());
    const QString config = writeConfig(h.dataDir(), "data-dir = .\n"
                                                    "listen = 127.0.0.1:0\n"
                                                    "allow-origin = https://a.example, "
                                                    "https://b.example:8443\n");
    QProcess server;
    QByteArray out;
    const QString url = startServe(
        server, {u"--config"_s, config, u"--allow-origin"_s, u"https://c.example"_s}, &out);
    QVERIFY2(url.startsWith(u"http://127.0.0.1:"_s), out.constData());
    QNetworkAccessManager nam;
    const auto allowedOriginFor = [&](const QByteArray& origin) {
        QNetworkRequest request(QUrl(url + u"/api/v1/health"_s));
        request.setRawHeader("Origin", origin);
        QNetworkReply* reply = nam.get(request);
        QDeadlineTimer deadline(20'000);
        while (!reply->isFinished() && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        const QByteArray allowed = reply->rawHeader("Access-Control-Allow-Origin");
        delete reply;
        return allowed;
    };
    for (const QByteArray& origin :
         {"https://a.example"_ba, "https://b.example:8443"_ba, "https://c.example"_ba})
        QCOMPARE(allowedOriginFor(origin), origin);
    QCOMPARE(allowedOriginFor("https://d.example"), QByteArray());
    QCOMPARE(stopServe(server), 0);
}

void ServerConfigTest::unknownKeyIsRefusedByName() {
    mss::test::ServerHarness h;
    QVERIFY(h.init());
    const QString config = writeConfig(h.dataDir(), "data-dir = .\nlisten = 127.0.0.1:0\n"
                                                    "allow-origins = https://example.org\n");
    QString out;
    QCOMPARE(h.command({u"serve"_s, u"--config"_s, config}, {}, &out), 2);
    QVERIFY2(out.contains(u"unknown key \"allow-origins\""_s), qPrintable(out));
    QVERIFY2(out.contains(config + u", line 3"_s), qPrintable(out));
}

void ServerConfigTest::badValueOrLineIsRefusedWithItsLine() {
    mss::test::ServerHarness h;
    QVERIFY(h.init());
    QString out;
    QString config = writeConfig(h.dataDir(), "data-dir = .\ninsecure-lan = perhaps\n");
    QCOMPARE(h.command({u"serve"_s, u"--config"_s, config}, {}, &out), 2);
    QVERIFY2(out.contains(u"line 2: insecure-lan: must be yes or no"_s), qPrintable(out));
    config = writeConfig(h.dataDir(), "data-dir = .\nlisten 127.0.0.1:0\n");
    QCOMPARE(h.command({u"serve"_s, u"--config"_s, config}, {}, &out), 2);
    QVERIFY2(out.contains(u"line 2: \"listen 127.0.0.1:0\" is not key = value"_s), qPrintable(out));
    config = writeConfig(h.dataDir(), "listen = 127.0.0.1:0\ndata-dir = .\nlisten = 127.0.0.1:1\n");
    QCOMPARE(h.command({u"serve"_s, u"--config"_s, config}, {}, &out), 2);
    QVERIFY2(out.contains(u"line 3: listen: is set twice (first on line 1)"_s), qPrintable(out));
}

void ServerConfigTest::unreadableFileIsRefusedByName() {
    mss::test::ServerHarness h;
    QVERIFY(h.init());
    const QString missing = h.dataDir() + u"/no-such.conf"_s;
    QString out;
    QCOMPARE(
        h.command({u"serve"_s, u"--data-dir"_s, h.dataDir(), u"--config"_s, missing}, {}, &out), 2);
    QVERIFY2(out.contains(u"cannot read the configuration file %1"_s.arg(missing)),
             qPrintable(out));
    QCOMPARE(h.command({u"serve"_s, u"--data-dir"_s, h.dataDir(), u"--config"_s}, {}, &out), 2);
    QVERIFY2(out.contains(u"--config: must name a file"_s), qPrintable(out));
}

void ServerConfigTest::shippedFileServesAsTheServiceDoes() {
    // The file the package installs as /etc/mentalspace/server.conf holds
    // only keys serve knows; here its data folder is a test's.
    mss::test::ServerHarness h;
    QVERIFY(h.init());
    QProcess server;
    QByteArray out;
    const QString url =
        startServe(server,
                   {u"--config"_s, QStringLiteral(MSS_SOURCE_DIR) + u"/installer/server.conf"_s,
                    u"--data-dir"_s, h.dataDir(), u"--listen"_s, u"127.0.0.1:0"_s},
                   &out);
    QVERIFY2(url.startsWith(u"http://127.0.0.1:"_s), out.constData());
    QCOMPARE(healthStatus(url), 200);
    QCOMPARE(stopServe(server), 0);
}

QTEST_GUILESS_MAIN(ServerConfigTest)
#include "tst_server_config.moc"
