// The command line of mentalspace-server: help, version, refusals with a
// message on standard error and a non-zero exit, and the demo practice.
#include "ServerHarness.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

using namespace Qt::StringLiterals;

class ServerCliTest : public QObject {
    Q_OBJECT

private slots:
    void helpAndVersion();
    void mistakesAreRefusedWithAMessage();
    void databaseUrlMistakesAreNamed_data();
    void databaseUrlMistakesAreNamed();
    void sqliteDatabaseUrlNamesTheFile();
    void nonLoopbackNeedsTlsOrInsecureLan();
    void allowOriginRefusesWhatIsNotAnOrigin();
    void demoPracticeServesItsLogins();
    void servesHttpsWithACertificate();
    void auditVerifyFindsEntriesCutOffTheEnd();
};

void ServerCliTest::helpAndVersion() {
    mss::test::ServerHarness h;
    QString out;
    QCOMPARE(h.command({u"--help"_s}, {}, &out), 0);
    for (const char* command : {"init", "user add", "serve", "audit verify", "migrate", "demo"})
        QVERIFY2(out.contains(QString::fromLatin1(command)), command);
    QCOMPARE(h.command({u"--version"_s}, {}, &out), 0);
    QVERIFY(out.startsWith(u"mentalspace-server "_s));
}

void ServerCliTest::mistakesAreRefusedWithAMessage() {
    mss::test::ServerHarness h;
    QString out;
    QVERIFY(h.command({u"frobnicate"_s}, {}, &out) != 0);
    QVERIFY(out.contains(u"unknown command"_s));
    QVERIFY(h.command({u"init"_s, u"--data-dir"_s, h.dataDir()}, {}, &out) != 0);
    QVERIFY(out.contains(u"--time-zone is required"_s));
    QVERIFY(h.command({u"init"_s, u"--data-dir"_s, h.dataDir(), u"--time-zone"_s, u"Nowhere/X"_s,
                       u"--admin-email"_s, u"a@b.c"_s},
                      "long enough password\n", &out) != 0);
    QVERIFY(h.command({u"serve"_s, u"--data-dir"_s, h.dataDir()}, {}, &out) != 0);
    QVERIFY(out.contains(u"init"_s));
    QVERIFY(h.command({u"init"_s, u"--data-dir"_s, h.dataDir(), u"--time-zone"_s,
                       u"Europe/Berlin"_s, u"--admin-email"_s, u"a@b.c"_s},
                      "short\n", &out) != 0);
    QVERIFY(out.contains(u"password"_s));
    QVERIFY(h.init());
    QVERIFY(!h.init()); // a second init is refused
    QVERIFY(
        h.command({u"user"_s, u"add"_s, u"--data-dir"_s, h.dataDir(), u"--email"_s, u"x@y.z"_s,
                   u"--role"_s, u"WIZARD"_s, u"--first-name"_s, u"X"_s, u"--last-name"_s, u"Y"_s},
                  "long enough password\n", &out) != 0);
    QVERIFY(out.contains(u"CLINICIAN"_s));
    QCOMPARE(h.command({u"audit"_s, u"verify"_s, u"--data-dir"_s, h.dataDir()}, {}, &out), 0);
}

void ServerCliTest::databaseUrlMistakesAreNamed_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString url = u"postgresql://mss@127.0.0.1:5432/practice"_s;
    QTest::newRow("other engine") << QStringList{u"--database"_s, u"mysql://u@h/db"_s}
                                  << u"neither sqlite:PATH nor postgresql://"_s;
    QTest::newRow("no user") << QStringList{u"--database"_s, u"postgresql://db.lan:5432/p"_s}
                             << u"names no user"_s;
    QTest::newRow("password in the URL")
        << QStringList{u"--database"_s, u"postgresql://mss:hunter2@db.lan/p"_s}
        << u"must not hold the password"_s;
    QTest::newRow("no database") << QStringList{u"--database"_s, u"postgresql://mss@db.lan/"_s}
                                 << u"names no database"_s;
    QTest::newRow("no file") << QStringList{u"--database"_s, u"sqlite:"_s} << u"names no file"_s;
    QTest::newRow("password file for SQLite")
        << QStringList{u"--database"_s, u"sqlite:/tmp/x.db"_s, u"--database-password-file"_s,
                       u"/tmp/pw"_s}
        << u"is for a PostgreSQL database"_s;
    QTest::newRow("password file missing")
        << QStringList{u"--database"_s, url, u"--database-password-file"_s, u"/nonexistent/pw"_s}
        << u"--database-password-file: cannot read /nonexistent/pw"_s;
    QTest::newRow("password file alone")
        << QStringList{u"--database-password-file"_s, u"/tmp/pw"_s} << u"goes with --database"_s;
}

void ServerCliTest::databaseUrlMistakesAreNamed() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    mss::test::ServerHarness h;
    for (const QStringList& command :
         {QStringList{u"init"_s, u"--time-zone"_s, u"Europe/Berlin"_s, u"--admin-email"_s,
                      u"a@b.c"_s},
          QStringList{u"serve"_s}, QStringList{u"audit"_s, u"verify"_s}}) {
        QString out;
        QCOMPARE(h.command(command + QStringList{u"--data-dir"_s, h.dataDir()} + arguments,
                           "long enough password\n", &out),
                 2);
        QVERIFY2(out.contains(message), qPrintable(out));
        QVERIFY(!QFile::exists(h.dataDir() + u"/mentalspace.db"_s));
    }
}

void ServerCliTest::sqliteDatabaseUrlNamesTheFile() {
    mss::test::ServerHarness h;
    const QString file = h.dataDir() + u"/elsewhere.db"_s;
    const QStringList database{u"--database"_s, u"sqlite:"_s + file};
    QString out;
    QCOMPARE(h.command(QStringList{u"init"_s, u"--data-dir"_s, h.dataDir(), u"--time-zone"_s,
                                   u"Europe/Berlin"_s, u"--admin-email"_s, u"a@b.c"_s} +
                           database,
                       "long enough password\n", &out),
             0);
    QVERIFY(QFile::exists(file));
    QVERIFY(!QFile::exists(h.dataDir() + u"/mentalspace.db"_s));
    QCOMPARE(
        h.command(QStringList{u"audit"_s, u"verify"_s, u"--data-dir"_s, h.dataDir()} + database, {},
                  &out),
        0);
    QVERIFY2(out.contains(u"intact: 1 entries"_s), qPrintable(out));
    // The backup of a PostgreSQL practice is pg_dump's.
    QCOMPARE(
        h.command({u"backup"_s, u"--data-dir"_s, h.dataDir(), u"--to"_s, h.dataDir() + u"/b.tar"_s,
                   u"--database"_s, u"postgresql://mss@127.0.0.1:5432/practice"_s},
                  {}, &out),
        2);
    QVERIFY2(out.contains(u"pg_dump"_s), qPrintable(out));
}

void ServerCliTest::nonLoopbackNeedsTlsOrInsecureLan() {
    mss::test::ServerHarness h;
    QVERIFY(h.init());
    QString out;
    QVERIFY(h.command({u"serve"_s, u"--data-dir"_s, h.dataDir(), u"--listen"_s, u"0.0.0.0:0"_s}, {},
                      &out) != 0);
    QVERIFY(out.contains(u"--tls-cert"_s));
    QVERIFY(h.command({u"serve"_s, u"--data-dir"_s, h.dataDir(), u"--listen"_s, u"nonsense"_s}, {},
                      &out) != 0);
}

void ServerCliTest::allowOriginRefusesWhatIsNotAnOrigin() {
    mss::test::ServerHarness h;
    QVERIFY(h.init());
    for (const QString& origin :
         {u"https://app.example.org/path"_s, u"app.example.org"_s, u"https://a.example,null"_s}) {
        QString out;
        QCOMPARE(h.command({u"serve"_s, u"--data-dir"_s, h.dataDir(), u"--listen"_s,
                            u"127.0.0.1:0"_s, u"--allow-origin"_s, origin},
                           {}, &out),
                 2);
        QVERIFY2(out.contains(u"--allow-origin"_s), qPrintable(out));
    }
}

void ServerCliTest::demoPracticeServesItsLogins() {
    mss::test::ServerHarness h;
    QString out;
    QCOMPARE(
        h.command({u"demo"_s, u"--data-dir"_s, h.dataDir(), u"--time-zone"_s, u"America/Chicago"_s},
                  {}, &out),
        0);
    QVERIFY2(out.contains(u"4 providers, 40 clients"_s), qPrintable(out));
    QVERIFY(out.contains(u"admin@demo.practice"_s));
    QVERIFY(h.start());
    const auto login = h.request(
        "POST", u"/api/v1/auth/login"_s,
        {{"email"_L1, u"frontdesk@demo.practice"_s}, {"password"_L1, u"mentalspace-demo"_s}});
    QCOMPARE(login.status, 200);
    const QByteArray token = login.json.value("token"_L1).toString().toLatin1();
    QVERIFY(h.request("GET", u"/api/v1/appointments?limit=1"_s, {}, token)
                .json.value("total"_L1)
                .toInt() > 300);
    QCOMPARE(h.request("GET", u"/api/v1/recurring-appointments"_s, {}, token)
                 .json.value("count"_L1)
                 .toInt(),
             4);
    QCOMPARE(
        h.request("GET", u"/api/v1/settings"_s, {}, token).object().value("timeZone"_L1).toString(),
        u"America/Chicago"_s);
}

void ServerCliTest::servesHttpsWithACertificate() {
    mss::test::ServerHarness h;
    QVERIFY(h.init());
    const QString cert = h.dataDir() + u"/cert.pem"_s;
    const QString key = h.dataDir() + u"/key.pem"_s;
    QProcess openssl;
    openssl.start(u"openssl"_s,
                  {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s,
                   key, u"-out"_s, cert, u"-days"_s, u"1"_s, u"-subj"_s, u"/CN=localhost"_s});
    // openssl comes with scripts/bootstrap; without it this test fails.
    QVERIFY2(openssl.waitForFinished(30'000) && openssl.exitCode() == 0,
             "openssl could not make a test certificate");

    QProcess server;
    server.start(QStringLiteral(MSS_SERVER_BINARY),
                 {u"serve"_s, u"--data-dir"_s, h.dataDir(), u"--listen"_s, u"127.0.0.1:0"_s,
                  u"--tls-cert"_s, cert, u"--tls-key"_s, key});
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT((out += server.readAllStandardOutput()).contains('\n'), 20'000);
    QVERIFY2(out.startsWith("Listening on https://127.0.0.1:"), out.constData());
    const QString url = QString::fromLatin1(out.mid(13).trimmed());

    QNetworkAccessManager nam;
    QNetworkReply* reply = nam.get(QNetworkRequest(QUrl(url + u"/api/v1/health"_s)));
    reply->ignoreSslErrors(); // self-signed
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 20'000);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY(reply->readAll().contains("\"success\":true"));
    delete reply;
    server.terminate();
    QVERIFY(server.waitForFinished(20'000));
    QCOMPARE(server.exitCode(), 0);
}

namespace {

// Runs `statement` on the practice's database file, as someone with the
// file (and not the server) would; returns the rows it changed.
int tamper(const QString& dataDir, const QString& statement) {
    int changed = -1;
    {
        auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"tamper"_s);
        db.setDatabaseName(dataDir + u"/mentalspace.db"_s);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(statement))
                changed = q.numRowsAffected();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(u"tamper"_s);
    return changed;
}

} // namespace

void ServerCliTest::auditVerifyFindsEntriesCutOffTheEnd() {
    mss::test::ServerHarness h;
    QVERIFY(h.init());
    QVERIFY(h.start());
    const QByteArray token = h.login(u"PRACTICE_ADMIN"_s);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(h.request("POST", u"/api/v1/clients"_s,
                           {{"firstName"_L1, u"A"_s}, {"lastName"_L1, u"B"_s}}, token)
                     .status,
                 201);
    }
    QCOMPARE(h.stop(), 0);
    QString out;
    QCOMPARE(h.command({u"audit"_s, u"verify"_s, u"--data-dir"_s, h.dataDir()}, {}, &out), 0);
    const QStringList verify{u"audit"_s, u"verify"_s, u"--data-dir"_s, h.dataDir()};

    // The last two entries deleted: the chain that is left is whole, but
    // shorter than the anchor says.
    const QString anchor = h.dataDir() + u"/audit.anchor"_s;
    QFile kept(anchor);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    const QByteArray anchorBefore = kept.readAll();
    kept.close();
    QCOMPARE(tamper(h.dataDir(),
                    u"DELETE FROM audit_log WHERE seq > (SELECT MAX(seq) - 2 FROM audit_log)"_s),
             2);
    QCOMPARE(h.command(verify, {}, &out), 1);
    QVERIFY2(out.contains(u"cut off the end"_s), qPrintable(out));
    const qint64 last = anchorBefore.split(' ').first().toLongLong();
    QVERIFY2(out.contains(u"entries %1 to %2 are missing"_s.arg(last - 1).arg(last)),
             qPrintable(out));

    // Serving on does not hide it: the anchor keeps the older, longer end,
    // and the new entries written over the cut do not match it.
    QVERIFY(h.start());
    for (int i = 0; i < 4; ++i)
        QVERIFY(!h.login(u"PRACTICE_ADMIN"_s).isEmpty());
    QCOMPARE(h.stop(), 0);
    QCOMPARE(h.command(verify, {}, &out), 1);
    QVERIFY2(out.contains(u"cut here and written again"_s), qPrintable(out));

    // Without the anchor a truncation cannot be ruled out: also a failure.
    QVERIFY(QFile::remove(anchor));
    QCOMPARE(h.command(verify, {}, &out), 1);
    QVERIFY2(out.contains(u"anchor (audit.anchor) is missing"_s), qPrintable(out));
}

QTEST_GUILESS_MAIN(ServerCliTest)
#include "tst_server_cli.moc"
