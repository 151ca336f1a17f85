// The command line of mentalspace-server: help, version, refusals with a
// message on standard error and a non-zero exit, and the demo practice.
#include "ServerHarness.h"

#include <QtTest>

using namespace Qt::StringLiterals;

class ServerCliTest : public QObject {
    Q_OBJECT

private slots:
    void helpAndVersion();
    void mistakesAreRefusedWithAMessage();
    void nonLoopbackNeedsTlsOrInsecureLan();
    void demoPracticeServesItsLogins();
};

void ServerCliTest::helpAndVersion() {
    mss::test::ServerHarness h;
    QString out;
    QCOMPARE(h.command({u"--help"_s}, {}, &out), 0);
    for (const char* command : {"init", "user add", "serve", "audit verify", "demo"})
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

QTEST_GUILESS_MAIN(ServerCliTest)
#include "tst_server_cli.moc"
