// Hostile or broken input never takes the server down or writes anything:
// garbage on the socket, truncated requests, odd JSON.
#include "ServerHarness.h"

#include <QTcpSocket>
#include <QtTest>

using namespace Qt::StringLiterals;

class ServerRobustnessTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void garbageOnTheSocketLeavesTheServerServing();
    void oddJsonGetsA400();

private:
    void sendRaw(const QByteArray& bytes, bool waitForAnswer);

    mss::test::ServerHarness m_server;
    QByteArray m_token;
};

void ServerRobustnessTest::initTestCase() {
    QVERIFY(m_server.init());
    QVERIFY(m_server.start());
    m_token = m_server.login(u"PRACTICE_ADMIN"_s);
    QVERIFY(!m_token.isEmpty());
}

void ServerRobustnessTest::sendRaw(const QByteArray& bytes, bool waitForAnswer) {
    const QUrl url(m_server.baseUrl());
    QTcpSocket socket;
    socket.connectToHost(url.host(), quint16(url.port()));
    QVERIFY(socket.waitForConnected(5000));
    socket.write(bytes);
    socket.flush();
    if (waitForAnswer)
        socket.waitForReadyRead(2000);
    socket.abort();
}

void ServerRobustnessTest::garbageOnTheSocketLeavesTheServerServing() {
    sendRaw("GARBAGE\r\n\r\n", true);
    sendRaw(QByteArray(100'000, '\xff'), false);
    sendRaw("POST /api/v1/appointments HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n{\"a\"",
            false); // the body never comes
    sendRaw("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Long: " + QByteArray(64 * 1024, 'a') +
                "\r\n\r\n",
            true);
    sendRaw("GET /api/v1/%00%ff/../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n", true);
    QCOMPARE(m_server.request("GET", u"/api/v1/health"_s).status, 200);
    QCOMPARE(m_server.request("GET", u"/api/v1/auth/me"_s, {}, m_token).status, 200);
}

void ServerRobustnessTest::oddJsonGetsA400() {
    const auto post = [&](const QByteArray& body) {
        return m_server.requestRaw("POST", u"/api/v1/clients"_s, body, m_token).status;
    };
    QCOMPARE(post(QByteArray(5000, '[') + QByteArray(5000, ']')), 400); // deep nesting
    QCOMPARE(post("{\"firstName\": \"\xff\xfe\", \"lastName\": 1}"), 400);
    QCOMPARE(post("{\"firstName\": null, \"lastName\": null}"), 400);
    QCOMPARE(post("\"just a string\""), 400);
    QCOMPARE(post("{\"firstName\":\"a\",\"lastName\":\"b\",\"_id\":\"zz\"}"), 400);
    QCOMPARE(m_server.request("GET", u"/api/v1/clients/%00"_s, {}, m_token).status, 400);
    QCOMPARE(m_server.request("GET", u"/api/v1/clients?firstName[gte][lt]=a"_s, {}, m_token).status,
             400);
    QCOMPARE(
        m_server.request("GET", u"/api/v1/clients"_s, {}, m_token).json.value("count"_L1).toInt(),
        0);
    QCOMPARE(m_server.request("GET", u"/api/v1/health"_s).status, 200);
}

QTEST_GUILESS_MAIN(ServerRobustnessTest)
#include "tst_server_robustness.moc"
