// Sign-ins beside everyone else: a sign-in's Argon2id check runs off the
// thread that answers requests, so a request sent while several clients
// sign in is answered before they are, where it used to wait behind every
// hash. The order of the answers tells it; nothing here is timed.
#include "ServerHarness.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QtTest>

#include <memory>

using namespace Qt::StringLiterals;
using mss::test::ServerHarness;

class ServerSignInTest : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void aRequestDuringSignInsIsAnsweredBeforeThem();
    void aWrongPasswordIsRefusedAndTheRightOneLetIn();

private:
    QNetworkReply* post(QNetworkAccessManager& nam, const QString& path, const QJsonObject& body);

    std::unique_ptr<ServerHarness> m_server;
};

void ServerSignInTest::init() {
    m_server = std::make_unique<ServerHarness>();
    QVERIFY(m_server->init());
    QVERIFY(m_server->addUser(u"RECEPTIONIST"_s));
    QVERIFY(m_server->start());
}

void ServerSignInTest::cleanup() {
    m_server.reset();
}

QNetworkReply* ServerSignInTest::post(QNetworkAccessManager& nam, const QString& path,
                                      const QJsonObject& body) {
    QNetworkRequest request(QUrl(m_server->baseUrl() + path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    return nam.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

void ServerSignInTest::aRequestDuringSignInsIsAnsweredBeforeThem() {
    const QByteArray token = m_server->login(u"RECEPTIONIST"_s);
    QVERIFY(!token.isEmpty());
    // Six sign-ins on six connections; on two cores the hashes take turns.
    QNetworkAccessManager signIns;
    QStringList order;
    QList<QNetworkReply*> replies;
    for (int i = 0; i < 6; ++i) {
        QNetworkReply* reply =
            post(signIns, u"/api/v1/auth/login"_s,
                 {{"email"_L1, u"receptionist@test.practice"_s},
                  {"password"_L1, QString::fromLatin1(ServerHarness::password)}});
        connect(reply, &QNetworkReply::finished, this, [&order, reply] {
            order << u"sign-in %1"_s.arg(
                reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
        });
        replies << reply;
    }
    // Let them reach the server (loopback: well under this), then ask for
    // something cheap on a connection of its own.
    QTest::qWait(40);
    QNetworkAccessManager other;
    QNetworkRequest me(QUrl(m_server->baseUrl() + u"/api/v1/auth/me"_s));
    me.setRawHeader("Authorization", "Bearer " + token);
    QNetworkReply* meReply = other.get(me);
    connect(meReply, &QNetworkReply::finished, this, [&order, meReply] {
        order << u"me %1"_s.arg(
            meReply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
    });
    QTRY_COMPARE_WITH_TIMEOUT(order.size(), 7, 30'000);
    QCOMPARE(order.count(u"sign-in 200"_s), 6);
    QVERIFY2(order.indexOf(u"me 200"_s) >= 0 && order.indexOf(u"me 200"_s) < 6,
             qPrintable(order.join(u", "_s)));
    qDeleteAll(replies);
    delete meReply;
}

void ServerSignInTest::aWrongPasswordIsRefusedAndTheRightOneLetIn() {
    for (int i = 0; i < 3; ++i) {
        const auto r = m_server->request("POST", u"/api/v1/auth/login"_s,
                                         {{"email"_L1, u"receptionist@test.practice"_s},
                                          {"password"_L1, u"not the password"_s}});
        QCOMPARE(r.status, 401);
    }
    // The right one signs in, and the audit chain of it all holds.
    QVERIFY(!m_server->login(u"RECEPTIONIST"_s).isEmpty());
    QString out;
    QCOMPARE(m_server->command({u"audit"_s, u"verify"_s, u"--data-dir"_s, m_server->dataDir()}, {},
                               &out),
             0);
}

QTEST_GUILESS_MAIN(ServerSignInTest)
#include "tst_server_signin.moc"
