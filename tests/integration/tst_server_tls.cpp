// HTTPS as the server speaks it (libmicrohttpd over GnuTLS): which TLS
// versions and suites a client can get, handshakes that never come, and a
// certificate and key that cannot work refused at start. Throw-away
// certificates are made with openssl at test time; suites are offered with
// `openssl s_client`, which can offer exactly one.
#include "RawConnection.h"
#include "ServerHarness.h"

#include <QElapsedTimer>
#include <QSslSocket>
#include <QtTest>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using mss::test::RawConnection;

class ServerTlsTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void tls12OffersOnlyForwardSecretAeadSuites_data();
    void tls12OffersOnlyForwardSecretAeadSuites();
    void tls13IsSpokenAndTls11IsNot();
    void anEcdsaCertificateServes();
    void silentConnectionsDoNotSlowOthersHandshakes();
    void aHandshakeNeverFinishedIsClosedAfterTheTimeout();
    void aKeyThatIsNotTheCertificatesRefusesToStart();
    void anUnreadableOrNonPemFileRefusesToStart();

private:
    // A self-signed certificate and its key ("rsa" or "ec") in the data dir.
    bool makeCertificate(const QString& kind);
    QString file(const QString& name) const { return m_server.dataDir() + u'/' + name; }
    QStringList tlsArguments(const QString& kind) const {
        return {u"--tls-cert"_s, file(kind + u"-cert.pem"_s), u"--tls-key"_s,
                file(kind + u"-key.pem"_s)};
    }
    quint16 port() const { return mss::test::portOf(m_server.baseUrl()); }
    // openssl s_client's account of one handshake with these options.
    QString handshake(const QStringList& options) const;
    // A GET of the health route over HTTPS: its status, its time in `ms`.
    int httpsHealth(qint64* ms = nullptr) const;
    // serve with these TLS files: its exit code and output.
    int serveWith(const QString& certificate, const QString& key, QString* out) const;

    mss::test::ServerHarness m_server;
};

void ServerTlsTest::initTestCase() {
    QVERIFY(m_server.init());
    // openssl comes with scripts/bootstrap; without it these tests fail.
    QVERIFY(makeCertificate(u"rsa"_s));
    QVERIFY(makeCertificate(u"ec"_s));
    QVERIFY(m_server.start(tlsArguments(u"rsa"_s)));
    QVERIFY2(m_server.baseUrl().startsWith(u"https://127.0.0.1:"_s),
             qPrintable(m_server.baseUrl()));
}

bool ServerTlsTest::makeCertificate(const QString& kind) {
    QProcess openssl;
    openssl.start(u"openssl"_s,
                  {u"req"_s, u"-x509"_s, u"-newkey"_s, kind == "rsa"_L1 ? u"rsa:2048"_s : u"ec"_s,
                   u"-pkeyopt"_s,
                   kind == "rsa"_L1 ? u"rsa_keygen_bits:2048"_s : u"ec_paramgen_curve:prime256v1"_s,
                   u"-nodes"_s, u"-keyout"_s, file(kind + u"-key.pem"_s), u"-out"_s,
                   file(kind + u"-cert.pem"_s), u"-days"_s, u"1"_s, u"-subj"_s,
                   u"/CN=localhost"_s});
    return openssl.waitForFinished(60'000) && openssl.exitCode() == 0;
}

QString ServerTlsTest::handshake(const QStringList& options) const {
    QProcess client;
    client.start(u"openssl"_s,
                 QStringList{u"s_client"_s, u"-connect"_s, u"127.0.0.1:%1"_s.arg(port())} +
                     options);
    client.closeWriteChannel(); // no request: the handshake, then goodbye
    if (!client.waitForFinished(20'000))
        client.kill();
    return QString::fromUtf8(client.readAllStandardOutput() + client.readAllStandardError());
}

int ServerTlsTest::httpsHealth(qint64* ms) const {
    QElapsedTimer timer;
    timer.start();
    QSslSocket socket;
    socket.setPeerVerifyMode(QSslSocket::VerifyNone); // self-signed
    socket.connectToHostEncrypted(u"127.0.0.1"_s, port());
    if (!socket.waitForEncrypted(10'000))
        return 0;
    socket.write("GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    QByteArray answer;
    while (socket.waitForReadyRead(10'000))
        answer += socket.readAll();
    answer += socket.readAll();
    if (ms)
        *ms = timer.elapsed();
    return mss::test::statusOf(answer);
}

int ServerTlsTest::serveWith(const QString& certificate, const QString& key, QString* out) const {
    return m_server.command({u"serve"_s, u"--data-dir"_s, m_server.dataDir(), u"--listen"_s,
                             u"127.0.0.1:0"_s, u"--tls-cert"_s, certificate, u"--tls-key"_s, key},
                            {}, out);
}

void ServerTlsTest::tls12OffersOnlyForwardSecretAeadSuites_data() {
    QTest::addColumn<QString>("suite");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("RSA key exchange, CBC, SHA-1") << u"AES128-SHA"_s << false;
    QTest::newRow("ECDHE, CBC, SHA-1") << u"ECDHE-RSA-AES128-SHA"_s << false;
    QTest::newRow("ECDHE, CBC, SHA-256") << u"ECDHE-RSA-AES128-SHA256"_s << false;
    QTest::newRow("RSA key exchange, GCM") << u"AES128-GCM-SHA256"_s << false;
    QTest::newRow("RSA key exchange, GCM-256") << u"AES256-GCM-SHA384"_s << false;
    QTest::newRow("finite-field DHE, GCM") << u"DHE-RSA-AES128-GCM-SHA256"_s << false;
    QTest::newRow("ECDHE, AES-128-GCM") << u"ECDHE-RSA-AES128-GCM-SHA256"_s << true;
    QTest::newRow("ECDHE, AES-256-GCM") << u"ECDHE-RSA-AES256-GCM-SHA384"_s << true;
    QTest::newRow("ECDHE, ChaCha20-Poly1305") << u"ECDHE-RSA-CHACHA20-POLY1305"_s << true;
}

void ServerTlsTest::tls12OffersOnlyForwardSecretAeadSuites() {
    QFETCH(QString, suite);
    QFETCH(bool, accepted);
    const QString out = handshake({u"-tls1_2"_s, u"-cipher"_s, suite});
    QVERIFY2(out.contains(u"Cipher is "_s), qPrintable(out)); // s_client did talk to it
    QVERIFY2(out.contains(u"Cipher is "_s + suite) == accepted, qPrintable(out));
}

void ServerTlsTest::tls13IsSpokenAndTls11IsNot() {
    const QString v13 = handshake({u"-tls1_3"_s});
    QVERIFY2(v13.contains(u"New, TLSv1.3"_s), qPrintable(v13));
    // SECLEVEL=0 so that it is the server, not openssl's policy, refusing.
    const QString v11 = handshake({u"-tls1_1"_s, u"-cipher"_s, u"DEFAULT@SECLEVEL=0"_s});
    QVERIFY2(v11.contains(u"Cipher is (NONE)"_s), qPrintable(v11));
    QCOMPARE(httpsHealth(), 200);
}

void ServerTlsTest::anEcdsaCertificateServes() {
    m_server.stop();
    QVERIFY(m_server.start(tlsArguments(u"ec"_s)));
    const QString out = handshake({u"-tls1_2"_s, u"-cipher"_s, u"ECDHE-ECDSA-AES128-GCM-SHA256"_s});
    QVERIFY2(out.contains(u"Cipher is ECDHE-ECDSA-AES128-GCM-SHA256"_s), qPrintable(out));
    QCOMPARE(httpsHealth(), 200);
    m_server.stop();
    QVERIFY(m_server.start(tlsArguments(u"rsa"_s)));
}

void ServerTlsTest::silentConnectionsDoNotSlowOthersHandshakes() {
    // 40 connections that never send a ClientHello, renewed as they would
    // be by someone keeping the server busy: nobody else waits for them.
    for (int round = 0; round < 3; ++round) {
        std::vector<std::unique_ptr<RawConnection>> silent;
        for (int i = 0; i < 40; ++i) {
            silent.push_back(std::make_unique<RawConnection>(port(), "127.0.0.2"));
            QVERIFY(silent.back()->isConnected());
        }
        QTest::qWait(200);
        qint64 ms = 0;
        QCOMPARE(httpsHealth(&ms), 200);
        QVERIFY2(ms < 1000, QByteArray::number(ms).constData());
    }
}

void ServerTlsTest::aHandshakeNeverFinishedIsClosedAfterTheTimeout() {
    m_server.stop();
    QVERIFY(
        m_server.start(tlsArguments(u"rsa"_s) + QStringList{u"--connection-timeout"_s, u"2"_s}));
    RawConnection silent(port());
    RawConnection halfHello(port());
    // A TLS record header announcing a ClientHello that never follows.
    halfHello.sendWithoutReading(QByteArray::fromHex("1603010200010001fc0303"), 1000);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(!silent.closedWithin(500));
    QVERIFY(silent.closedWithin(5000));
    QVERIFY(halfHello.closedWithin(2000));
    QVERIFY2(timer.elapsed() < 6000, QByteArray::number(timer.elapsed()).constData());
    QCOMPARE(httpsHealth(), 200);
    m_server.stop();
    QVERIFY(m_server.start(tlsArguments(u"rsa"_s)));
}

void ServerTlsTest::aKeyThatIsNotTheCertificatesRefusesToStart() {
    QString out;
    QCOMPARE(serveWith(file(u"rsa-cert.pem"_s), file(u"ec-key.pem"_s), &out), 2);
    QVERIFY2(out.contains(u"the TLS key %1 does not belong to the certificate %2"_s.arg(
                 file(u"ec-key.pem"_s), file(u"rsa-cert.pem"_s))),
             qPrintable(out));
    QVERIFY(!out.contains(u"Listening"_s));
    // Two keys of the same kind that are not a pair are refused as well.
    QVERIFY(QFile::copy(file(u"ec-key.pem"_s), file(u"first-ec-key.pem"_s)));
    QVERIFY(makeCertificate(u"ec"_s)); // a new pair replaces the old
    QCOMPARE(serveWith(file(u"ec-cert.pem"_s), file(u"first-ec-key.pem"_s), &out), 2);
    QVERIFY2(out.contains(u"does not belong to the certificate"_s), qPrintable(out));
}

void ServerTlsTest::anUnreadableOrNonPemFileRefusesToStart() {
    QFile junk(file(u"junk.pem"_s));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("not a certificate\n");
    junk.close();
    QString out;
    QCOMPARE(serveWith(file(u"junk.pem"_s), file(u"rsa-key.pem"_s), &out), 2);
    QVERIFY2(
        out.contains(u"the TLS certificate %1 is not a PEM certificate"_s.arg(file(u"junk.pem"_s))),
        qPrintable(out));
    QCOMPARE(serveWith(file(u"rsa-cert.pem"_s), file(u"junk.pem"_s), &out), 2);
    QVERIFY2(out.contains(u"is not an unencrypted PEM private key"_s), qPrintable(out));
    QCOMPARE(serveWith(file(u"rsa-cert.pem"_s), file(u"missing-key.pem"_s), &out), 2);
    QVERIFY2(out.contains(u"cannot read the TLS key %1"_s.arg(file(u"missing-key.pem"_s))),
             qPrintable(out));
}

QTEST_GUILESS_MAIN(ServerTlsTest)
#include "tst_server_tls.moc"
