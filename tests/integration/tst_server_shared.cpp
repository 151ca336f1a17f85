// What several servers of one PostgreSQL practice share through the
// database (docs/server.md, "PostgreSQL"). Registered only as
// tst_server_shared_pg: an SQLite practice has one server, which caches.
#include "ServerHarness.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QtTest>

using namespace Qt::StringLiterals;

class ServerSharedTest : public QObject {
    Q_OBJECT

private slots:
    void settingsChangedThroughOneServerAreSeenThroughAnother();
    void aSessionOfOneServerIsValidOnAnother();
};

namespace {

// One request to the server at `baseUrl`: its status and JSON.
std::pair<int, QJsonObject> call(const QString& baseUrl, const QByteArray& method,
                                 const QString& path, const QByteArray& token,
                                 const QJsonObject& body = {}) {
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(baseUrl + path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    request.setRawHeader("Authorization", "Bearer " + token);
    QNetworkReply* reply = nam.sendCustomRequest(
        request, method, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson());
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
    delete reply;
    return {status, json};
}

QString timeZoneSeenBy(const QString& baseUrl, const QByteArray& token) {
    return call(baseUrl, "GET", u"/api/v1/settings"_s, token)
        .second.value("data"_L1)
        .toObject()
        .value("timeZone"_L1)
        .toString();
}

} // namespace

void ServerSharedTest::settingsChangedThroughOneServerAreSeenThroughAnother() {
    mss::test::ServerHarness server;
    QVERIFY2(server.databaseUrl(), "run with MSS_TEST_DATABASE=postgresql");
    QVERIFY(server.init(u"America/New_York"_s));
    QVERIFY(server.start());
    const QString second = server.startAnother();
    QVERIFY(!second.isEmpty());
    const QByteArray token = server.login(u"PRACTICE_ADMIN"_s);
    QCOMPARE(timeZoneSeenBy(second, token), u"America/New_York"_s);
    QCOMPARE(timeZoneSeenBy(server.baseUrl(), token), u"America/New_York"_s);

    const auto put = call(server.baseUrl(), "PUT", u"/api/v1/settings"_s, token,
                          {{"timeZone"_L1, u"Europe/Berlin"_s}});
    QCOMPARE(put.first, 200);
    QCOMPARE(timeZoneSeenBy(server.baseUrl(), token), u"Europe/Berlin"_s);
    QCOMPARE(timeZoneSeenBy(second, token), u"Europe/Berlin"_s);
}

void ServerSharedTest::aSessionOfOneServerIsValidOnAnother() {
    mss::test::ServerHarness server;
    QVERIFY2(server.databaseUrl(), "run with MSS_TEST_DATABASE=postgresql");
    QVERIFY(server.init());
    QVERIFY(server.start());
    const QString second = server.startAnother();
    QVERIFY(!second.isEmpty());
    const QByteArray token = server.login(u"PRACTICE_ADMIN"_s);
    QCOMPARE(call(second, "GET", u"/api/v1/auth/me"_s, token).first, 200);
    QCOMPARE(call(second, "GET", u"/api/v1/auth/logout"_s, token).first, 200);
    QCOMPARE(call(server.baseUrl(), "GET", u"/api/v1/auth/me"_s, token).first, 401);
}

QTEST_GUILESS_MAIN(ServerSharedTest)
#include "tst_server_shared.moc"
