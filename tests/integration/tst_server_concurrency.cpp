// Sixteen desks book the same twenty slots at once, through two server
// processes sharing one database: exactly twenty bookings succeed and no
// two overlap, because each check and its write are one BEGIN IMMEDIATE
// transaction.
#include "ServerHarness.h"
#include "TestDatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

using namespace Qt::StringLiterals;

class ServerConcurrencyTest : public QObject {
    Q_OBJECT

private slots:
    void sixteenDesksBookTwentySlotsExactlyOnce();
};

namespace {

struct Desk {
    std::unique_ptr<QNetworkAccessManager> nam;
    QString baseUrl;
    QString client;
    QList<int> pending; // slots still to try, in this desk's order
};

} // namespace

void ServerConcurrencyTest::sixteenDesksBookTwentySlotsExactlyOnce() {
    mss::test::ServerHarness server;
    QVERIFY(server.init());
    QVERIFY(server.addUser(u"CLINICIAN"_s));
    QVERIFY(server.addUser(u"RECEPTIONIST"_s));
    QVERIFY(server.start());
    const QString second = server.startAnother();
    QVERIFY(!second.isEmpty());
    const QByteArray token = server.login(u"RECEPTIONIST"_s);
    const QString provider =
        server.request("GET", u"/api/v1/auth/me"_s, {}, server.login(u"CLINICIAN"_s))
            .object()
            .value("_id"_L1)
            .toString();
    QCOMPARE(provider.size(), 24);

    constexpr int deskCount = 16;
    constexpr int slotCount = 20;
    std::vector<Desk> desks(deskCount);
    for (int i = 0; i < deskCount; ++i) {
        Desk& d = desks[size_t(i)];
        d.nam = std::make_unique<QNetworkAccessManager>();
        d.baseUrl = i % 2 ? second : server.baseUrl();
        d.client =
            server
                .request("POST", u"/api/v1/clients"_s,
                         {{"firstName"_L1, u"Desk"_s}, {"lastName"_L1, QString::number(i)}}, token)
                .object()
                .value("_id"_L1)
                .toString();
        QCOMPARE(d.client.size(), 24);
        for (int s = 0; s < slotCount; ++s)
            d.pending.append(s);
        std::shuffle(d.pending.begin(), d.pending.end(), *QRandomGenerator::global());
    }

    QHash<int, int> statuses;
    int running = deskCount;
    const QDateTime first(QDate(2030, 5, 6), QTime(13, 0), QTimeZone::utc());
    std::function<void(Desk&)> next = [&](Desk& d) {
        if (d.pending.isEmpty()) {
            --running;
            return;
        }
        const int slot = d.pending.takeFirst();
        const QDateTime start = first.addSecs(qint64(slot) * 30 * 60);
        const QJsonObject body{{"client"_L1, d.client},
                               {"provider"_L1, provider},
                               {"startTime"_L1, start.toString(Qt::ISODateWithMs)},
                               {"endTime"_L1, start.addSecs(30 * 60).toString(Qt::ISODateWithMs)},
                               {"appointmentType"_L1, u"Consultation"_s}};
        QNetworkRequest request(QUrl(d.baseUrl + u"/api/v1/appointments"_s));
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        request.setRawHeader("Authorization", "Bearer " + token);
        QNetworkReply* reply =
            d.nam->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
        connect(reply, &QNetworkReply::finished, this, [&, reply] {
            statuses[reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt()]++;
            reply->deleteLater();
            next(d);
        });
    };
    for (Desk& d : desks)
        next(d);
    QTRY_COMPARE_WITH_TIMEOUT(running, 0, 60'000);

    QCOMPARE(statuses.value(201), slotCount);
    QCOMPARE(statuses.value(409), deskCount * slotCount - slotCount);
    QCOMPARE(statuses.size(), 2);

    QCOMPARE(server.stop(), 0);
    mss::test::TestDatabase db(u"check"_s, server.dataDir(), server.databaseUrl());
    QVERIFY(db.isOpen());
    {
        QSqlQuery q(db.sql());
        QVERIFY(q.exec(u"SELECT start_ms, end_ms FROM appointments WHERE provider = '%1' "
                       "ORDER BY start_ms"_s.arg(provider)));
        int rows = 0;
        qint64 previousEnd = 0;
        while (q.next()) {
            ++rows;
            QVERIFY2(q.value(0).toLongLong() >= previousEnd, "two bookings overlap");
            previousEnd = q.value(1).toLongLong();
        }
        QCOMPARE(rows, slotCount);
    }
}

QTEST_GUILESS_MAIN(ServerConcurrencyTest)
#include "tst_server_concurrency.moc"
