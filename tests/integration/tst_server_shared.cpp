// What several servers of one PostgreSQL practice share through the
// database (docs/server.md, "PostgreSQL"). Registered only as
// tst_server_shared_pg: an SQLite practice has one server, which caches.
#include "PostgresCluster.h"
#include "ServerHarness.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QtTest>

#include <csignal>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

class ServerSharedTest : public QObject {
    Q_OBJECT

private slots:
    void settingsChangedThroughOneServerAreSeenThroughAnother();
    void aSessionOfOneServerIsValidOnAnother();
    void aDeskFollowingTheFeedMissesNoWriteOfEitherServer();
    void aDatabaseRestartIsAnsweredWith503ThenServedAgain();
    void sixteenClientsRacingThroughTwoServersBookEachSlotOnce();
    void aServerKilledMidStreamLosesNoAcknowledgedWriteWhileTheOtherServesOn();
    void signInThrottlingCountsTheGuessesOfEveryServerAndSurvivesARestart();
};

namespace {

// The harness's server and a second one on the same PostgreSQL database,
// both started: the second's base URL, empty when either did not start (or
// the suite runs without MSS_TEST_DATABASE=postgresql).
QString startTwo(mss::test::ServerHarness& server) {
    if (!server.databaseUrl() || !server.init() || !server.start())
        return {};
    return server.startAnother();
}

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

// The signed-in staff member's id.
QString myId(const QString& baseUrl, const QByteArray& token) {
    return call(baseUrl, "GET", u"/api/v1/auth/me"_s, token)
        .second.value("data"_L1)
        .toObject()
        .value("_id"_L1)
        .toString();
}

QString addClient(const QString& baseUrl, const QByteArray& token, const QString& lastName) {
    const auto [status, json] = call(baseUrl, "POST", u"/api/v1/clients"_s, token,
                                     {{"firstName"_L1, u"Shared"_s}, {"lastName"_L1, lastName}});
    return status == 201 ? json.value("data"_L1).toObject().value("_id"_L1).toString() : QString();
}

// A 50-minute Individual Therapy appointment.
QJsonObject appointment(const QString& client, const QString& provider, const QDateTime& start) {
    return {{"client"_L1, client},
            {"provider"_L1, provider},
            {"startTime"_L1, start.toString(Qt::ISODateWithMs)},
            {"endTime"_L1, start.addSecs(50 * 60).toString(Qt::ISODateWithMs)},
            {"appointmentType"_L1, u"Individual Therapy"_s}};
}

// An asynchronous request, answered into `status` and `json`.
struct Sent {
    QString server;
    int index = 0;
    bool answered = false;
    int status = 0; // 0: no HTTP answer (the connection failed)
    QJsonObject json;
};

QNetworkReply* send(QNetworkAccessManager& nam, const QString& baseUrl, const QByteArray& token,
                    const QByteArray& method, const QString& path, const QJsonObject& body = {}) {
    QNetworkRequest request(QUrl(baseUrl + path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    request.setRawHeader("Authorization", "Bearer " + token);
    return nam.sendCustomRequest(request, method,
                                 body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson());
}

// A sign-in at `baseUrl`, with the device token when one is given: its
// status, JSON and Retry-After (0 when absent).
struct SignIn {
    int status = 0;
    QJsonObject json;
    int retryAfter = 0;
};

SignIn signIn(const QString& baseUrl, const QString& email, const QString& password,
              const QByteArray& deviceToken = {}) {
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(baseUrl + u"/api/v1/auth/login"_s));
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    if (!deviceToken.isEmpty())
        request.setRawHeader("X-Device-Token", deviceToken);
    QNetworkReply* reply =
        nam.post(request, QJsonDocument(QJsonObject{{"email"_L1, email}, {"password"_L1, password}})
                              .toJson(QJsonDocument::Compact));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    SignIn answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                  QJsonDocument::fromJson(reply->readAll()).object(),
                  reply->rawHeader("Retry-After").toInt()};
    delete reply;
    return answer;
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
    const QString second = startTwo(server);
    QVERIFY2(!second.isEmpty(), "two servers on PostgreSQL (MSS_TEST_DATABASE=postgresql)");
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
    const QString second = startTwo(server);
    QVERIFY2(!second.isEmpty(), "two servers on PostgreSQL (MSS_TEST_DATABASE=postgresql)");
    const QByteArray token = server.login(u"PRACTICE_ADMIN"_s);
    QCOMPARE(call(second, "GET", u"/api/v1/auth/me"_s, token).first, 200);
    QCOMPARE(call(second, "GET", u"/api/v1/auth/logout"_s, token).first, 200);
    QCOMPARE(call(server.baseUrl(), "GET", u"/api/v1/auth/me"_s, token).first, 401);
}

void ServerSharedTest::aDeskFollowingTheFeedMissesNoWriteOfEitherServer() {
    // Writes through two servers at once, while a desk follows the change
    // feed through one of them with its cursor, as SyncEngine does. A change
    // that committed after a later-numbered one would fall behind the
    // cursor and never reach the desk; every write holds the one write
    // lock until its commit is visible, so changes commit in feed order
    // (docs/server.md, "PostgreSQL").
    mss::test::ServerHarness server;
    const QString second = startTwo(server);
    QVERIFY2(!second.isEmpty(), "two servers on PostgreSQL (MSS_TEST_DATABASE=postgresql)");
    const QByteArray token = server.login(u"PRACTICE_ADMIN"_s);

    QNetworkAccessManager nam;
    const auto send = [&](const QString& base, const QByteArray& method, const QString& path,
                          const QJsonObject& body = {}) {
        QNetworkRequest request(QUrl(base + path));
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        request.setRawHeader("Authorization", "Bearer " + token);
        return nam.sendCustomRequest(request, method,
                                     body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson());
    };
    constexpr int writes = 120;
    QSet<QString> created;
    int answered = 0;
    int refused = 0;
    for (int i = 0; i < writes; ++i) {
        QNetworkReply* reply =
            send(i % 2 ? second : server.baseUrl(), "POST", u"/api/v1/clients"_s,
                 {{"firstName"_L1, u"Feed"_s}, {"lastName"_L1, u"Client %1"_s.arg(i)}});
        connect(reply, &QNetworkReply::finished, this, [&, reply] {
            const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201)
                created << json.value("data"_L1).toObject().value("_id"_L1).toString();
            else
                ++refused;
            ++answered;
            reply->deleteLater();
        });
    }
    // The desk: one page after another from its cursor, until every write
    // has been answered and a page after that says there is no more.
    QSet<QString> seen;
    QString cursor = u"0"_s;
    int pages = 0;
    for (bool writesDone = false;;) {
        writesDone = answered == writes;
        QNetworkReply* page =
            send(server.baseUrl(), "GET", u"/api/v1/sync/changes?limit=7&since="_s + cursor);
        QEventLoop loop;
        connect(page, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        QJsonObject json = QJsonDocument::fromJson(page->readAll()).object();
        QCOMPARE(page->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        delete page;
        if (json.contains("data"_L1))
            json = json.value("data"_L1).toObject();
        for (const QJsonValue& c : json.value("changes"_L1).toArray()) {
            if (c["type"_L1].toString() == "client"_L1)
                seen << c["_id"_L1].toString();
        }
        cursor = json.value("cursor"_L1).toString();
        ++pages;
        QVERIFY2(pages < 10'000, "the feed never ran out");
        if (writesDone && !json.value("hasMore"_L1).toBool())
            break;
    }
    const QSet<QString> missed = created - seen;
    QVERIFY2(missed.isEmpty(),
             qPrintable(u"%1 of %2 writes never reached the desk, e.g. %3"_s.arg(missed.size())
                            .arg(writes)
                            .arg(missed.isEmpty() ? QString() : *missed.begin())));
    QCOMPARE(refused, 0);
    QCOMPARE(created.size(), writes);
}

void ServerSharedTest::aDatabaseRestartIsAnsweredWith503ThenServedAgain() {
    // PostgreSQL stopped under a running server (every connection ended),
    // then started again: meanwhile each request is refused with 503 and
    // nothing is half-written; afterwards the server serves again by itself.
    mss::test::ServerHarness server;
    QVERIFY2(server.databaseUrl(), "run with MSS_TEST_DATABASE=postgresql");
    QVERIFY(server.init());
    QVERIFY(server.start());
    const QByteArray token = server.login(u"PRACTICE_ADMIN"_s);
    const auto addClient = [&](const QString& lastName) {
        return call(server.baseUrl(), "POST", u"/api/v1/clients"_s, token,
                    {{"firstName"_L1, u"Restart"_s}, {"lastName"_L1, lastName}});
    };
    const auto lastNames = [&] {
        QStringList names;
        const auto list = call(server.baseUrl(), "GET", u"/api/v1/clients?limit=100"_s, token);
        for (const QJsonValue& c : list.second.value("data"_L1).toArray())
            names << c["lastName"_L1].toString();
        names.sort();
        return std::pair{list.first, names};
    };
    QCOMPARE(addClient(u"Before"_s).first, 201);

    auto& cluster = mss::test::PostgresCluster::shared();
    QCOMPARE(cluster.pause(), QString());
    for (int i = 0; i < 3; ++i) {
        const auto refused = addClient(u"During"_s);
        QCOMPARE(refused.first, 503);
        QCOMPARE(refused.second.value("code"_L1).toString(), u"DATABASE_UNAVAILABLE"_s);
        const auto read = call(server.baseUrl(), "GET", u"/api/v1/clients"_s, token);
        QCOMPARE(read.first, 503);
        QCOMPARE(read.second.value("code"_L1).toString(), u"DATABASE_UNAVAILABLE"_s);
        // A load balancer's health check says so, and why...
        const auto health = call(server.baseUrl(), "GET", u"/api/v1/health"_s, {});
        QCOMPARE(health.first, 503);
        QCOMPARE(health.second.value("code"_L1).toString(), u"DATABASE_UNAVAILABLE"_s);
        QCOMPARE(health.second.value("error"_L1).toString(),
                 u"The server cannot reach its database"_s);
        // ...and a sign-in, whose failures the database counts, is never
        // let through or judged without them.
        const SignIn refusedSignIn = signIn(server.baseUrl(), u"practice_admin@test.practice"_s,
                                            QString::fromLatin1(server.password));
        QCOMPARE(refusedSignIn.status, 503);
        QCOMPARE(refusedSignIn.json.value("code"_L1).toString(), u"DATABASE_UNAVAILABLE"_s);
    }
    QCOMPARE(cluster.resume(), QString());
    QCOMPARE(call(server.baseUrl(), "GET", u"/api/v1/health"_s, {}).first, 200);

    // The first requests after it are served: each connection is opened
    // again by the transaction that finds it gone.
    QCOMPARE(addClient(u"After"_s).first, 201);
    const auto [status, names] = lastNames();
    QCOMPARE(status, 200);
    QCOMPARE(names, (QStringList{u"After"_s, u"Before"_s}));
}

void ServerSharedTest::sixteenClientsRacingThroughTwoServersBookEachSlotOnce() {
    // Sixteen desks, each with its own connections, ask two servers of one
    // practice for the same four slots of one provider at once: each slot is
    // booked exactly once, and every other desk is refused with a 409 that
    // names the appointment that won it.
    mss::test::ServerHarness server;
    const QString second = startTwo(server);
    QVERIFY2(!second.isEmpty(), "two servers on PostgreSQL (MSS_TEST_DATABASE=postgresql)");
    const QByteArray token = server.login(u"PRACTICE_ADMIN"_s);
    const QString provider = myId(server.baseUrl(), token);
    QVERIFY(!provider.isEmpty());
    constexpr int desks = 16;
    constexpr int slotCount = 4;
    QStringList clients;
    for (int c = 0; c < desks; ++c) {
        clients << addClient(c % 2 ? second : server.baseUrl(), token, u"Racer %1"_s.arg(c));
        QVERIFY(!clients.last().isEmpty());
    }
    const QDateTime first(QDate(2030, 4, 1), QTime(13, 0), QTimeZone::utc());

    std::vector<std::unique_ptr<QNetworkAccessManager>> nams;
    std::vector<Sent> sent(desks * slotCount);
    int answered = 0;
    for (int c = 0; c < desks; ++c) {
        nams.push_back(std::make_unique<QNetworkAccessManager>());
        for (int s = 0; s < slotCount; ++s) {
            Sent& out = sent[c * slotCount + s];
            out.server = (c + s) % 2 ? second : server.baseUrl();
            out.index = s;
            QNetworkReply* reply =
                send(*nams.back(), out.server, token, "POST", u"/api/v1/appointments"_s,
                     appointment(clients.at(c), provider, first.addSecs(s * 3600)));
            connect(reply, &QNetworkReply::finished, this, [&out, &answered, reply] {
                out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                out.json = QJsonDocument::fromJson(reply->readAll()).object();
                out.answered = true;
                ++answered;
                reply->deleteLater();
            });
        }
    }
    QVERIFY2(QTest::qWaitFor([&] { return answered == desks * slotCount; }, 120'000),
             qPrintable(u"%1 of %2 bookings answered"_s.arg(answered).arg(desks * slotCount)));

    QSet<QString> winners;
    for (int s = 0; s < slotCount; ++s) {
        QStringList won;
        for (const Sent& out : sent) {
            if (out.index == s && out.status == 201)
                won << out.json.value("data"_L1).toObject().value("_id"_L1).toString();
        }
        QVERIFY2(won.size() == 1,
                 qPrintable(u"slot %1 was booked %2 times"_s.arg(s).arg(won.size())));
        winners << won.first();
        for (const Sent& out : sent) {
            if (out.index != s || out.status == 201)
                continue;
            QCOMPARE(out.status, 409);
            QCOMPARE(out.json.value("code"_L1).toString(), u"SCHEDULING_CONFLICT"_s);
            QCOMPARE(out.json.value("conflicts"_L1).toArray(), QJsonArray{won.first()});
        }
    }
    // Both servers show the same four appointments.
    for (const QString& base : {server.baseUrl(), second}) {
        const auto [status, json] =
            call(base, "GET", u"/api/v1/appointments?limit=500&provider="_s + provider, token);
        QCOMPARE(status, 200);
        QSet<QString> stored;
        for (const QJsonValue& a : json.value("data"_L1).toArray())
            stored << a["_id"_L1].toString();
        QCOMPARE(stored, winners);
    }
}

void ServerSharedTest::aServerKilledMidStreamLosesNoAcknowledgedWriteWhileTheOtherServesOn() {
    // Desks book through two servers at once; one server is killed (SIGKILL:
    // no chance to finish anything) in the middle. Every booking either
    // server acknowledged is there afterwards, read through the survivor,
    // which answered every request sent to it; and nothing is half-written:
    // each appointment stored has its change-feed entry and its audit entry,
    // and the audit chain verifies.
    mss::test::ServerHarness server;
    const QString survivor = startTwo(server);
    QVERIFY2(!survivor.isEmpty(), "two servers on PostgreSQL (MSS_TEST_DATABASE=postgresql)");
    const QString doomed = server.baseUrl();
    const QByteArray token = server.login(u"PRACTICE_ADMIN"_s);
    const QString provider = myId(survivor, token);
    const QString client = addClient(survivor, token, u"Steady"_s);
    QVERIFY(!provider.isEmpty() && !client.isEmpty());

    constexpr int writes = 240;
    constexpr int killAfter = 30; // acknowledgements of the doomed server
    const QDateTime first(QDate(2030, 5, 1), QTime(0, 0), QTimeZone::utc());
    QNetworkAccessManager toDoomed;
    QNetworkAccessManager toSurvivor;
    std::vector<Sent> sent(writes);
    int answered = 0;
    int doomedAcks = 0;
    bool killed = false;
    const auto kill = [&] {
        if (!killed && ::kill(pid_t(server.serverPid()), SIGKILL) == 0)
            killed = true;
    };
    for (int i = 0; i < writes; ++i) {
        Sent& out = sent[i];
        out.server = i % 2 ? survivor : doomed;
        QNetworkReply* reply = send(i % 2 ? toSurvivor : toDoomed, out.server, token, "POST",
                                    u"/api/v1/appointments"_s,
                                    appointment(client, provider, first.addSecs(qint64(i) * 3600)));
        connect(reply, &QNetworkReply::finished, this, [&, reply] {
            out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            out.json = QJsonDocument::fromJson(reply->readAll()).object();
            out.answered = true;
            ++answered;
            if (out.server == doomed && out.status == 201 && ++doomedAcks == killAfter)
                kill();
            reply->deleteLater();
        });
    }
    QVERIFY2(QTest::qWaitFor([&] { return answered == writes; }, 180'000),
             qPrintable(u"%1 of %2 bookings answered"_s.arg(answered).arg(writes)));
    QVERIFY2(killed, "the server was not killed");

    QSet<QString> acknowledged;
    int doomedRefused = 0;
    for (const Sent& out : sent) {
        if (out.server == survivor)
            QVERIFY2(out.status == 201,
                     qPrintable(u"the survivor answered %1: %2"_s.arg(out.status)
                                    .arg(QString::fromUtf8(QJsonDocument(out.json).toJson()))));
        if (out.status == 201)
            acknowledged << out.json.value("data"_L1).toObject().value("_id"_L1).toString();
        else
            ++doomedRefused;
    }
    QVERIFY2(doomedRefused > 0, "every write reached the killed server before it died");
    // It serves on, by itself.
    const auto after = call(survivor, "POST", u"/api/v1/appointments"_s, token,
                            appointment(client, provider, first.addSecs(qint64(writes) * 3600)));
    QCOMPARE(after.first, 201);
    acknowledged << after.second.value("data"_L1).toObject().value("_id"_L1).toString();

    const auto [status, list] =
        call(survivor, "GET", u"/api/v1/appointments?limit=500&provider="_s + provider, token);
    QCOMPARE(status, 200);
    QSet<QString> stored;
    for (const QJsonValue& a : list.value("data"_L1).toArray())
        stored << a["_id"_L1].toString();
    const QSet<QString> lost = acknowledged - stored;
    QVERIFY2(lost.isEmpty(),
             qPrintable(u"%1 acknowledged bookings are gone, e.g. %2"_s.arg(lost.size())
                            .arg(lost.isEmpty() ? QString() : *lost.begin())));

    QSet<QString> inFeed;
    QString cursor = u"0"_s;
    for (int page = 0;; ++page) {
        QVERIFY2(page < 100, "the feed never ran out");
        auto [feedStatus, feed] =
            call(survivor, "GET", u"/api/v1/sync/changes?limit=100&since="_s + cursor, token);
        QCOMPARE(feedStatus, 200);
        feed = feed.value("data"_L1).toObject();
        for (const QJsonValue& c : feed.value("changes"_L1).toArray()) {
            if (c["type"_L1].toString() == "appointment"_L1)
                inFeed << c["_id"_L1].toString();
        }
        cursor = feed.value("cursor"_L1).toString();
        if (!feed.value("hasMore"_L1).toBool())
            break;
    }
    QCOMPARE(stored - inFeed, QSet<QString>());

    const auto [auditStatus, audit] =
        call(survivor, "GET", u"/api/v1/audit-logs?limit=500&action=appointment.create"_s, token);
    QCOMPARE(auditStatus, 200);
    QSet<QString> audited;
    for (const QJsonValue& e : audit.value("data"_L1).toArray())
        audited << e["resourceId"_L1].toString();
    QCOMPARE(stored - audited, QSet<QString>());

    QString verdict;
    QCOMPARE(
        server.command({u"audit"_s, u"verify"_s, u"--data-dir"_s, server.dataDir()}, {}, &verdict),
        0);
}

void ServerSharedTest::signInThrottlingCountsTheGuessesOfEveryServerAndSurvivesARestart() {
    // An attacker spreading guesses over the servers behind a load balancer
    // gets no more of them than against one server, and a restart of every
    // server gives none back; the real user's known desk still signs in.
    mss::test::ServerHarness server;
    QVERIFY2(server.databaseUrl(), "run with MSS_TEST_DATABASE=postgresql");
    QVERIFY(server.init());
    // Time stands still: the minute of the window passes only when told.
    const QDateTime start(QDate(2030, 3, 4), QTime(9, 0), QTimeZone::utc());
    QVERIFY(server.setNow(start));
    QVERIFY(server.start());
    QString second = server.startAnother();
    QVERIFY(!second.isEmpty());
    const QString email = u"practice_admin@test.practice"_s;
    const QString password = QString::fromLatin1(mss::test::ServerHarness::password);

    const SignIn desk = signIn(second, email, password);
    QCOMPARE(desk.status, 200);
    const QByteArray deskToken = desk.json.value("deviceToken"_L1).toString().toLatin1();
    QVERIFY(!deskToken.isEmpty());

    // Ten guesses, five through each server: the account's limit is
    // reached on both.
    for (int i = 0; i < 10; ++i)
        QCOMPARE(
            signIn(i % 2 ? second : server.baseUrl(), email, u"wrong guess %1"_s.arg(i)).status,
            401);
    for (const QString& base : {server.baseUrl(), second}) {
        const SignIn refused = signIn(base, email, u"one more guess"_s);
        QCOMPARE(refused.status, 429);
        QCOMPARE(refused.json.value("code"_L1).toString(), u"TOO_MANY_ATTEMPTS"_s);
        QVERIFY2(refused.retryAfter >= 1 && refused.retryAfter <= 60,
                 qPrintable(QString::number(refused.retryAfter)));
        // The right password without the desk's token waits too...
        QCOMPARE(signIn(base, email, password).status, 429);
        // ...and the desk that signed in before signs in through either.
        QCOMPARE(signIn(base, email, password, deskToken).status, 200);
    }

    // Every server restarted: the counts are the database's, not theirs.
    QCOMPARE(server.stop(), 0);
    QVERIFY(server.start());
    second = server.startAnother();
    QVERIFY(!second.isEmpty());
    for (const QString& base : {server.baseUrl(), second}) {
        const SignIn refused = signIn(base, email, password);
        QCOMPARE(refused.status, 429);
        QVERIFY(refused.retryAfter >= 1 && refused.retryAfter <= 60);
    }
    QCOMPARE(signIn(second, email, password, deskToken).status, 200);

    // A minute after the first guess, the account takes sign-ins again.
    QVERIFY(server.setNow(start.addSecs(61)));
    QCOMPARE(signIn(server.baseUrl(), email, password).status, 200);
}

QTEST_GUILESS_MAIN(ServerSharedTest)
#include "tst_server_shared.moc"
