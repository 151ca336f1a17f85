// Sign-in rules that need control of time, driven in-process through
// ApiServer::handle with a ManualClock: tokens expire after 12 hours, and
// repeated failed sign-ins are refused until they leave their window.
#include "InProcessServer.h"
#include "server/ClientAddress.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

using namespace Qt::StringLiterals;
using namespace mss;
using server::ApiRequest;
using server::ApiResponse;
using server::Method;

class ServerSessionsTest : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void tokensExpireAfterTwelveHours();
    void repeatedFailuresAreThrottledForKnownAndUnknownEmails();
    void anIpv6ClientIsCountedByItsSlash64();
    void anIdempotencyKeyServesOneRequestOnly();

private:
    ApiResponse call(Method method, const QString& path, const QJsonObject& body = {},
                     const QByteArray& token = {}, const QByteArray& idempotencyKey = {});
    ApiResponse login(const QString& email, const QString& password);

    mss::test::InProcessServer m_app;
};

ApiResponse ServerSessionsTest::call(Method method, const QString& path, const QJsonObject& body,
                                     const QByteArray& token, const QByteArray& idempotencyKey) {
    return m_app.call(method, path, body, token, idempotencyKey);
}

ApiResponse ServerSessionsTest::login(const QString& email, const QString& password) {
    return call(Method::Post, u"/api/v1/auth/login"_s,
                {{"email"_L1, email}, {"password"_L1, password}});
}

void ServerSessionsTest::init() {
    QVERIFY(m_app.open(QDateTime(QDate(2030, 1, 7), QTime(9, 0), QTimeZone::utc())));
}

void ServerSessionsTest::cleanup() {
    m_app.close();
}

void ServerSessionsTest::tokensExpireAfterTwelveHours() {
    const ApiResponse signedIn = login(u"admin@test.practice"_s, u"a long password"_s);
    QCOMPARE(signedIn.status, 200);
    const QByteArray token = signedIn.body.value("token"_L1).toString().toLatin1();
    QCOMPARE(QByteArray::fromBase64(token, QByteArray::Base64UrlEncoding).size(), 32);
    m_app.clock().advanceSeconds(12 * 3600 - 60);
    QCOMPARE(call(Method::Get, u"/api/v1/auth/me"_s, {}, token).status, 200);
    m_app.clock().advanceSeconds(120);
    QCOMPARE(call(Method::Get, u"/api/v1/auth/me"_s, {}, token).status, 401);
}

void ServerSessionsTest::repeatedFailuresAreThrottledForKnownAndUnknownEmails() {
    using server::LoginThrottle;
    static_assert(LoginThrottle::perAddress.failures == 2 * LoginThrottle::perAccount.failures);
    // A known and an unknown email are refused alike after ten guesses...
    for (const QString& email : {u"admin@test.practice"_s, u"nobody@test.practice"_s}) {
        for (int i = 0; i < LoginThrottle::perAccount.failures; ++i)
            QCOMPARE(login(email, u"wrong password"_s).status, 401);
        const ApiResponse refused = login(email, u"wrong password"_s);
        QCOMPARE(refused.status, 429);
        QCOMPARE(refused.body.value("code"_L1).toString(), u"TOO_MANY_ATTEMPTS"_s);
        QVERIFY(refused.headers.contains({"Retry-After", "60"}) ||
                refused.headers.contains({"Retry-After", "300"}));
    }
    // ...and the address, twenty failures in all, waits five minutes: even
    // the right password from a client without a device token.
    QVERIFY(login(u"admin@test.practice"_s, u"a long password"_s)
                .headers.contains({"Retry-After", "300"}));
    m_app.clock().advanceSeconds(60);
    QCOMPARE(login(u"admin@test.practice"_s, u"a long password"_s).status, 429);
    m_app.clock().advanceSeconds(240);
    const ApiResponse signedIn = login(u"admin@test.practice"_s, u"a long password"_s);
    QCOMPARE(signedIn.status, 200);
    QVERIFY(!signedIn.body.value("deviceToken"_L1).toString().isEmpty());
    QCOMPARE(login(u"admin@test.practice"_s, u"wrong password"_s).status, 401);
}

void ServerSessionsTest::anIpv6ClientIsCountedByItsSlash64() {
    using server::clientKey;
    // An IPv6 client picks any address in its /64: changing it must not
    // give a fresh allowance (sign-in throttling) or connections (the cap
    // per address, which is given the socket's address).
    QCOMPARE(clientKey(QHostAddress(u"2001:db8:1:2:aaaa::1"_s)),
             clientKey(QHostAddress(u"2001:db8:1:2:bbbb::9"_s)));
    QVERIFY(clientKey(QHostAddress(u"2001:db8:1:2::1"_s)) !=
            clientKey(QHostAddress(u"2001:db8:1:3::1"_s)));
    const auto socketKey = [](const char* text) {
        sockaddr_in6 in6 = {};
        in6.sin6_family = AF_INET6;
        ::inet_pton(AF_INET6, text, &in6.sin6_addr);
        return clientKey(reinterpret_cast<const sockaddr*>(&in6));
    };
    QCOMPARE(socketKey("2001:db8:1:2:aaaa::1"), socketKey("2001:db8:1:2:bbbb::9"));
    QCOMPARE(socketKey("2001:db8:1:2:aaaa::1"), u"2001:db8:1:2::/64"_s);
    QVERIFY(socketKey("2001:db8:1:2::1") != socketKey("2001:db8:1:3::1"));
    QCOMPARE(socketKey("::1"), u"::/64"_s);
    // An IPv4 client on a dual-stack socket is its IPv4 address: all of
    // them share ::ffff:0:0/96, which must not make them one client.
    QCOMPARE(clientKey(QHostAddress(u"::ffff:192.0.2.7"_s)), u"192.0.2.7"_s);
    QCOMPARE(clientKey(QHostAddress(u"192.0.2.7"_s)), u"192.0.2.7"_s);
    QCOMPARE(socketKey("::ffff:192.0.2.7"), u"192.0.2.7"_s);
    QVERIFY(socketKey("::ffff:192.0.2.7") != socketKey("::ffff:192.0.2.8"));
    sockaddr_in in4 = {};
    in4.sin_family = AF_INET;
    ::inet_pton(AF_INET, "192.0.2.7", &in4.sin_addr);
    QCOMPARE(clientKey(reinterpret_cast<const sockaddr*>(&in4)), u"192.0.2.7"_s);
}

void ServerSessionsTest::anIdempotencyKeyServesOneRequestOnly() {
    const QByteArray token = login(u"admin@test.practice"_s, u"a long password"_s)
                                 .body.value("token"_L1)
                                 .toString()
                                 .toLatin1();
    const QJsonObject client{{"firstName"_L1, u"I"_s}, {"lastName"_L1, u"K"_s}};
    const ApiResponse first = call(Method::Post, u"/api/v1/clients"_s, client, token, "key-1");
    QCOMPARE(first.status, 201);
    const ApiResponse replay = call(Method::Post, u"/api/v1/clients"_s, client, token, "key-1");
    QCOMPARE(replay.status, 201);
    QCOMPARE(replay.body, first.body);
    const ApiResponse elsewhere = call(Method::Post, u"/api/v1/staff"_s, client, token, "key-1");
    QCOMPARE(elsewhere.status, 422);
    QCOMPARE(elsewhere.body.value("code"_L1).toString(), u"IDEMPOTENCY_KEY_REUSED"_s);
    QCOMPARE(call(Method::Get, u"/api/v1/clients"_s, {}, token).body.value("count"_L1).toInt(), 1);
}

QTEST_GUILESS_MAIN(ServerSessionsTest)
#include "tst_server_sessions.moc"
