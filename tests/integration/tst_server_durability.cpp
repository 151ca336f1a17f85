// The server is SIGKILLed in the middle of a stream of writes: after a
// restart every acknowledged write is there, the file passes
// PRAGMA integrity_check, and the audit chain is intact. A SIGTERM stops it
// cleanly with exit code 0.
#include "ServerHarness.h"
#include "TestDatabase.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

using namespace Qt::StringLiterals;

class ServerDurabilityTest : public QObject {
    Q_OBJECT

private slots:
    void acknowledgedWritesSurviveSigkill();
};

void ServerDurabilityTest::acknowledgedWritesSurviveSigkill() {
    mss::test::ServerHarness server;
    QVERIFY(server.init());
    QVERIFY(server.start());
    const QByteArray token = server.login(u"PRACTICE_ADMIN"_s);
    const QString provider =
        server.request("GET", u"/api/v1/auth/me"_s, {}, token).object().value("_id"_L1).toString();
    const QString client = server
                               .request("POST", u"/api/v1/clients"_s,
                                        {{"firstName"_L1, u"K"_s}, {"lastName"_L1, u"L"_s}}, token)
                               .object()
                               .value("_id"_L1)
                               .toString();
    QCOMPARE(client.size(), 24);

    constexpr int streams = 8;
    constexpr int killAfter = 120;
    QStringList acknowledged;
    int sent = 0;
    int running = streams;
    bool killed = false;
    const QDateTime first(QDate(2031, 1, 1), QTime(0, 0), QTimeZone::utc());
    std::vector<std::unique_ptr<QNetworkAccessManager>> nams;
    std::function<void(QNetworkAccessManager*)> next = [&](QNetworkAccessManager* nam) {
        if (killed) {
            --running;
            return;
        }
        const QDateTime start = first.addSecs(qint64(sent++) * 3600);
        const QJsonObject body{{"client"_L1, client},
                               {"provider"_L1, provider},
                               {"startTime"_L1, start.toString(Qt::ISODateWithMs)},
                               {"endTime"_L1, start.addSecs(1800).toString(Qt::ISODateWithMs)},
                               {"appointmentType"_L1, u"Consultation"_s}};
        QNetworkRequest request(QUrl(server.baseUrl() + u"/api/v1/appointments"_s));
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        request.setRawHeader("Authorization", "Bearer " + token);
        QNetworkReply* reply =
            nam->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
        connect(reply, &QNetworkReply::finished, this, [&, reply, nam] {
            reply->deleteLater();
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201) {
                acknowledged << QJsonDocument::fromJson(reply->readAll())
                                    .object()
                                    .value("data"_L1)
                                    .toObject()
                                    .value("_id"_L1)
                                    .toString();
                if (acknowledged.size() == killAfter && !killed) {
                    killed = true;
                    server.stop(true); // SIGKILL, with requests in flight
                }
            } else {
                killed = true; // the connection died with the server
            }
            next(nam);
        });
    };
    for (int i = 0; i < streams; ++i) {
        nams.push_back(std::make_unique<QNetworkAccessManager>());
        next(nams.back().get());
    }
    QTRY_COMPARE_WITH_TIMEOUT(running, 0, 60'000);
    QVERIFY(acknowledged.size() >= killAfter);

    QVERIFY(server.start());
    const QByteArray again = server.login(u"PRACTICE_ADMIN"_s);
    for (const QString& id : std::as_const(acknowledged)) {
        QVERIFY2(server.request("GET", u"/api/v1/appointments/"_s + id, {}, again).status == 200,
                 qPrintable(u"acknowledged write %1 is lost"_s.arg(id)));
    }
    QCOMPARE(server.stop(), 0); // SIGTERM: a clean stop

    {
        mss::test::TestDatabase db(u"integrity"_s, server.dataDir(), server.databaseUrl());
        QVERIFY(db.isOpen());
        QCOMPARE(db.integrity(), u"ok"_s);
    }
    QCOMPARE(server.command({u"audit"_s, u"verify"_s, u"--data-dir"_s, server.dataDir()}), 0);
}

QTEST_GUILESS_MAIN(ServerDurabilityTest)
#include "tst_server_durability.moc"
