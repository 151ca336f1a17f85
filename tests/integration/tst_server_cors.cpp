// CORS over HTTP, as a browser's requests reach the server: preflights
// (OPTIONS) on every route, and the CORS headers on every answer, errors
// and 401s included, for the origins the practice allows and for no other.
// tests/browser drives the same through a real Chromium.
#include "ServerHarness.h"

#include "server/Router.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QtTest>

using namespace Qt::StringLiterals;
using mss::test::Reply;

namespace {

const QByteArray allowed = "https://app.example.org";
const QByteArray stranger = "https://elsewhere.example.net";

QHash<QByteArray, QByteArray> preflightFrom(const QByteArray& origin, const QByteArray& method) {
    return {{"Origin", origin},
            {"Access-Control-Request-Method", method},
            {"Access-Control-Request-Headers", "authorization,content-type"}};
}

QStringList listed(const QByteArray& header) {
    QStringList out;
    for (const QString& s : QString::fromLatin1(header).split(u','))
        out << s.trimmed().toLower();
    out.sort();
    return out;
}

} // namespace

class ServerCorsTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void noOriginIsAllowedByDefault();
    void theSettingRefusesWhatIsNotAnOrigin_data();
    void theSettingRefusesWhatIsNotAnOrigin();
    void preflightsAnswerOnEveryRoute();
    void aPreflightOnAnUnknownPathIsNotFound();
    void everyAnswerCarriesTheHeadersIncludingErrors_data();
    void everyAnswerCarriesTheHeadersIncludingErrors();
    void anotherOriginGetsNoCorsHeader();
    void anyOriginIsAStarWithoutCredentials();

private:
    void allow(const QJsonArray& origins);

    mss::test::ServerHarness m_server;
    QByteArray m_admin, m_reception;
};

void ServerCorsTest::initTestCase() {
    QVERIFY(m_server.init());
    QVERIFY(m_server.addUser(u"RECEPTIONIST"_s));
    QVERIFY(m_server.start());
    m_admin = m_server.login(u"PRACTICE_ADMIN"_s);
    m_reception = m_server.login(u"RECEPTIONIST"_s);
    QVERIFY(!m_admin.isEmpty() && !m_reception.isEmpty());
}

void ServerCorsTest::allow(const QJsonArray& origins) {
    const Reply r =
        m_server.request("PUT", u"/api/v1/settings"_s, {{"allowedOrigins"_L1, origins}}, m_admin);
    QCOMPARE(r.status, 200);
}

void ServerCorsTest::noOriginIsAllowedByDefault() {
    const Reply settings = m_server.request("GET", u"/api/v1/settings"_s, {}, m_admin);
    QCOMPARE(settings.object().value("allowedOrigins"_L1).toArray(), QJsonArray());
    const Reply pre = m_server.request("OPTIONS", u"/api/v1/auth/login"_s, {}, {},
                                       preflightFrom(allowed, "POST"));
    QCOMPARE(pre.status, 204);
    QVERIFY(!pre.headers.contains("access-control-allow-origin"));
    QVERIFY(!pre.headers.contains("access-control-allow-methods"));
    const Reply get = m_server.request("GET", u"/api/v1/health"_s, {}, {}, {{"Origin", allowed}});
    QCOMPARE(get.status, 200);
    QVERIFY(!get.headers.contains("access-control-allow-origin"));
    QCOMPARE(get.headers.value("vary"), "Origin");
}

void ServerCorsTest::theSettingRefusesWhatIsNotAnOrigin_data() {
    QTest::addColumn<QJsonValue>("origins");
    QTest::newRow("a path") << QJsonValue(QJsonArray{u"https://app.example.org/login"_s});
    QTest::newRow("not http") << QJsonValue(QJsonArray{u"ftp://app.example.org"_s});
    QTest::newRow("null") << QJsonValue(QJsonArray{u"null"_s});
    QTest::newRow("a comma list") << QJsonValue(
        QJsonArray{u"https://a.example,https://b.example"_s});
    QTest::newRow("not a list") << QJsonValue(u"https://app.example.org"_s);
    QTest::newRow("a number") << QJsonValue(QJsonArray{42});
    QTest::newRow("no host") << QJsonValue(QJsonArray{u"https://"_s});
}

void ServerCorsTest::theSettingRefusesWhatIsNotAnOrigin() {
    QFETCH(QJsonValue, origins);
    const Reply r =
        m_server.request("PUT", u"/api/v1/settings"_s, {{"allowedOrigins"_L1, origins}}, m_admin);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json.value("errors"_L1).toArray().first()["field"_L1].toString(),
             u"allowedOrigins"_s);
    QCOMPARE(m_server.request("GET", u"/api/v1/settings"_s, {}, m_admin)
                 .object()
                 .value("allowedOrigins"_L1)
                 .toArray(),
             QJsonArray());
}

void ServerCorsTest::preflightsAnswerOnEveryRoute() {
    // Written as a person might type it; kept as a browser sends it.
    allow({u"HTTPS://App.Example.org:443/"_s, u"http://[::1]:8080"_s});
    QCOMPARE(m_server.request("GET", u"/api/v1/settings"_s, {}, m_admin)
                 .object()
                 .value("allowedOrigins"_L1)
                 .toArray(),
             (QJsonArray{QString::fromLatin1(allowed), u"http://[::1]:8080"_s}));
    QCOMPARE(m_server.request("GET", u"/api/v1/health"_s, {}, {}, {{"Origin", "http://[::1]:8080"}})
                 .headers.value("access-control-allow-origin"),
             "http://[::1]:8080");

    // Every route's path, each asked once per method it takes.
    static const QRegularExpression param(u":\\w+"_s);
    QHash<QString, QStringList> methodsOfPath;
    const mss::server::Router router = mss::server::apiRouter();
    for (const mss::server::Route& r : router.routes()) {
        QString path = r.pattern;
        path.replace(param, u"ffffffffffffffffffffffff"_s);
        methodsOfPath[path] << mss::server::methodName(r.method).toLower();
    }
    QVERIFY(methodsOfPath.size() > 30);
    for (auto it = methodsOfPath.begin(); it != methodsOfPath.end(); ++it) {
        QStringList expected = it.value();
        expected << u"options"_s;
        expected.sort();
        for (const QString& method : it.value()) {
            const Reply r = m_server.request("OPTIONS", it.key(), {}, {},
                                             preflightFrom(allowed, method.toUpper().toLatin1()));
            const QString label = method + u' ' + it.key();
            QVERIFY2(r.status == 204, qPrintable(label + u": "_s + QString::number(r.status)));
            QCOMPARE(r.headers.value("access-control-allow-origin"), allowed);
            QCOMPARE(listed(r.headers.value("access-control-allow-methods")), expected);
            QCOMPARE(listed(r.headers.value("allow")), expected);
            const QStringList headers = listed(r.headers.value("access-control-allow-headers"));
            QVERIFY2(headers.contains(u"authorization"_s) && headers.contains(u"content-type"_s) &&
                         headers.contains(u"x-device-token"_s),
                     qPrintable(label));
            QCOMPARE(r.headers.value("access-control-max-age"), "600");
            QCOMPARE(r.headers.value("vary"), "Origin");
            QVERIFY(!r.headers.contains("access-control-allow-credentials"));
        }
    }
}

void ServerCorsTest::aPreflightOnAnUnknownPathIsNotFound() {
    allow({QString::fromLatin1(allowed)});
    const Reply r = m_server.request("OPTIONS", u"/api/v1/no-such-thing"_s, {}, {},
                                     preflightFrom(allowed, "GET"));
    QCOMPARE(r.status, 404);
    QCOMPARE(r.json.value("code"_L1).toString(), u"NOT_FOUND"_s);
    QCOMPARE(r.headers.value("access-control-allow-origin"), allowed);
}

void ServerCorsTest::everyAnswerCarriesTheHeadersIncludingErrors_data() {
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("role");
    QTest::addColumn<int>("status");
    QTest::newRow("200") << "GET"_ba << u"/api/v1/auth/me"_s << QByteArray() << "reception"_ba
                         << 200;
    QTest::newRow("login 400") << "POST"_ba << u"/api/v1/auth/login"_s << "{}"_ba
                               << ""_ba << 400;
    QTest::newRow("login 401") << "POST"_ba << u"/api/v1/auth/login"_s
                               << R"({"email":"x@y.z","password":"wrong password"})"_ba
                               << ""_ba << 401;
    QTest::newRow("no token 401") << "GET"_ba << u"/api/v1/appointments"_s << QByteArray() << ""_ba
                                  << 401;
    QTest::newRow("role 403") << "DELETE"_ba << u"/api/v1/appointments/ffffffffffffffffffffffff"_s
                              << QByteArray() << "reception"_ba << 403;
    QTest::newRow("404") << "GET"_ba << u"/api/v1/appointments/ffffffffffffffffffffffff"_s
                         << QByteArray() << "admin"_ba << 404;
    QTest::newRow("bad JSON 400") << "POST"_ba << u"/api/v1/appointments"_s << "{nope"_ba
                                  << "admin"_ba << 400;
    QTest::newRow("405") << "PATCH"_ba << u"/api/v1/appointments"_s << "{}"_ba
                         << "admin"_ba << 405;
    QTest::newRow("unknown route 404")
        << "GET"_ba << u"/api/v1/nothing"_s << QByteArray() << "admin"_ba << 404;
}

void ServerCorsTest::everyAnswerCarriesTheHeadersIncludingErrors() {
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, role);
    QFETCH(int, status);
    allow({QString::fromLatin1(allowed)});
    const QByteArray token = role == "admin" ? m_admin : role == "reception" ? m_reception : "";
    const Reply r = m_server.requestRaw(method, path, body, token, {{"Origin", allowed}});
    QCOMPARE(r.status, status);
    QCOMPARE(r.headers.value("access-control-allow-origin"), allowed);
    QCOMPARE(r.headers.value("vary"), "Origin");
    QVERIFY(listed(r.headers.value("access-control-expose-headers")).contains(u"etag"_s));
    QVERIFY(!r.headers.contains("access-control-allow-credentials"));
    // A desk or a script sends no Origin: no CORS headers.
    const Reply plain = m_server.requestRaw(method, path, body, token);
    QCOMPARE(plain.status, status);
    QVERIFY(!plain.headers.contains("access-control-allow-origin"));
}

void ServerCorsTest::anotherOriginGetsNoCorsHeader() {
    allow({QString::fromLatin1(allowed)});
    const Reply pre = m_server.request("OPTIONS", u"/api/v1/appointments"_s, {}, {},
                                       preflightFrom(stranger, "POST"));
    QCOMPARE(pre.status, 204);
    for (const QByteArray& h : {"access-control-allow-origin"_ba, "access-control-allow-methods"_ba,
                                "access-control-allow-headers"_ba})
        QVERIFY2(!pre.headers.contains(h), h.constData());
    const Reply get =
        m_server.request("GET", u"/api/v1/auth/me"_s, {}, m_admin, {{"Origin", stranger}});
    QCOMPARE(get.status, 200);
    QVERIFY(!get.headers.contains("access-control-allow-origin"));
    QCOMPARE(get.headers.value("vary"), "Origin");
}

void ServerCorsTest::anyOriginIsAStarWithoutCredentials() {
    allow({u"*"_s});
    for (const QByteArray& origin : {allowed, stranger}) {
        const Reply pre = m_server.request("OPTIONS", u"/api/v1/appointments"_s, {}, {},
                                           preflightFrom(origin, "POST"));
        QCOMPARE(pre.status, 204);
        QCOMPARE(pre.headers.value("access-control-allow-origin"), "*");
        QVERIFY(!pre.headers.contains("access-control-allow-credentials"));
        const Reply get =
            m_server.request("GET", u"/api/v1/appointments"_s, {}, {}, {{"Origin", origin}});
        QCOMPARE(get.status, 401);
        QCOMPARE(get.headers.value("access-control-allow-origin"), "*");
        QVERIFY(!get.headers.contains("access-control-allow-credentials"));
    }
    // A sandboxed page's "null" origin is not anyone's.
    const Reply null = m_server.request("GET", u"/api/v1/health"_s, {}, {}, {{"Origin", "null"}});
    QVERIFY(!null.headers.contains("access-control-allow-origin"));
    allow({});
    const Reply none = m_server.request("GET", u"/api/v1/health"_s, {}, {}, {{"Origin", stranger}});
    QVERIFY(!none.headers.contains("access-control-allow-origin"));
}

QTEST_GUILESS_MAIN(ServerCorsTest)
#include "tst_server_cors.moc"
