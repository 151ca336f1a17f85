// The /api/v1 of the real server binary over HTTP: every endpoint's happy
// path and the extensions (versions, idempotency, change feed, conflicts,
// availability warnings), bad input, secrets, and the audit chain.
#include "ServerHarness.h"
#include "TestDatabase.h"

#include <QFile>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

using namespace Qt::StringLiterals;
using mss::test::Reply;

namespace {

// The change feed's entries but the clients that come along with a
// clinician's own appointments.
QJsonArray withoutClients(const QJsonArray& changes) {
    QJsonArray out;
    for (const QJsonValue c : changes) {
        if (c["type"_L1].toString() != "client"_L1)
            out.append(c);
    }
    return out;
}

} // namespace

class ServerApiTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void healthNeedsNoSignIn();
    void everyOtherRouteNeedsAToken();
    void loginAnswersAlikeForUnknownEmailAndWrongPassword();
    void logoutEndsTheSession();
    void appointmentLifecycle();
    void staleIfMatchIsRefusedWithTheCurrentRecord();
    void overlapIsRefusedUnlessAnAllowedRoleOverrides();
    void outsideAvailabilityWarnsOrIsRefusedInStrictMode();
    void idempotentReplayAnswersTheFirstResult();
    void aCreateWithATakenIdIsRefusedAndWritesNothing();
    void changeFeedCarriesUpsertsAndTombstones();
    void listsFilterSortSelectAndPage();
    void listsSortOnSeveralKeysAndPopulateNames();
    void providerAndClientListsAndOpenSlots();
    void availabilityAndDirectoryRoutes();
    void badInputIsRefusedAndWritesNothing();
    void meetingLinksAreSealedAndShownOnlyToAllowedRoles();
    void auditVerifyFailsAfterAnEntryIsAltered();

private:
    QJsonObject appointment(const QString& start, int minutes, const QString& client,
                            const QString& provider = {}) const;
    QString create(const QJsonObject& body, const QByteArray& token = {});
    qint64 appointmentCount();

    mss::test::ServerHarness m_server;
    QByteArray m_admin, m_clinician, m_reception, m_supervisor, m_billing;
    QString m_provider; // the clinician's staff id
    QString m_clientA, m_clientB;
};

QJsonObject ServerApiTest::appointment(const QString& start, int minutes, const QString& client,
                                       const QString& provider) const {
    const QDateTime s = QDateTime::fromString(start, Qt::ISODateWithMs);
    return {{"client"_L1, client},
            {"provider"_L1, provider.isEmpty() ? m_provider : provider},
            {"startTime"_L1, start},
            {"endTime"_L1, s.addSecs(minutes * 60).toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s)},
            {"appointmentType"_L1, u"Individual Therapy"_s}};
}

QString ServerApiTest::create(const QJsonObject& body, const QByteArray& token) {
    const Reply r = m_server.request("POST", u"/api/v1/appointments"_s, body,
                                     token.isEmpty() ? m_reception : token);
    if (r.status != 201)
        qWarning() << r.status << r.json;
    return r.object().value("_id"_L1).toString();
}

qint64 ServerApiTest::appointmentCount() {
    return m_server.request("GET", u"/api/v1/appointments?limit=1"_s, {}, m_admin)
        .json.value("total"_L1)
        .toInteger();
}

void ServerApiTest::initTestCase() {
    QVERIFY(m_server.init());
    for (const char* role : {"CLINICIAN", "RECEPTIONIST", "SUPERVISOR", "BILLING"})
        QVERIFY(m_server.addUser(QString::fromLatin1(role)));
    QVERIFY(m_server.start());
    m_admin = m_server.login(u"PRACTICE_ADMIN"_s);
    m_clinician = m_server.login(u"CLINICIAN"_s);
    m_reception = m_server.login(u"RECEPTIONIST"_s);
    m_supervisor = m_server.login(u"SUPERVISOR"_s);
    m_billing = m_server.login(u"BILLING"_s);
    QVERIFY(!m_admin.isEmpty() && !m_clinician.isEmpty() && !m_billing.isEmpty());
    m_provider = m_server.request("GET", u"/api/v1/auth/me"_s, {}, m_clinician)
                     .object()
                     .value("_id"_L1)
                     .toString();
    QCOMPARE(m_provider.size(), 24);
    for (QString* id : {&m_clientA, &m_clientB}) {
        const Reply r = m_server.request(
            "POST", u"/api/v1/clients"_s,
            {{"firstName"_L1, u"Client"_s}, {"lastName"_L1, id == &m_clientA ? u"A"_s : u"B"_s}},
            m_reception);
        QCOMPARE(r.status, 201);
        *id = r.object().value("_id"_L1).toString();
    }
    // Weekdays 09:00-17:00 practice time (America/New_York).
    for (const char* day : {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}) {
        const Reply r =
            m_server.request("POST", u"/api/v1/staff/%1/availabilities"_s.arg(m_provider),
                             {{"dayOfWeek"_L1, QString::fromLatin1(day)},
                              {"startTime"_L1, u"09:00"_s},
                              {"endTime"_L1, u"17:00"_s}},
                             m_clinician);
        QCOMPARE(r.status, 201);
    }
}

void ServerApiTest::healthNeedsNoSignIn() {
    const Reply r = m_server.request("GET", u"/api/v1/health"_s);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value("success"_L1).toBool(), true);
    QCOMPARE(r.object().value("status"_L1).toString(), u"ok"_s);
}

void ServerApiTest::everyOtherRouteNeedsAToken() {
    for (const QString& path : {u"/api/v1/appointments"_s, u"/api/v1/auth/me"_s,
                                u"/api/v1/clients"_s, u"/api/v1/sync/changes"_s}) {
        const Reply none = m_server.request("GET", path);
        QCOMPARE(none.status, 401);
        QCOMPARE(none.json.value("success"_L1).toBool(true), false);
        QVERIFY(!none.json.value("error"_L1).toString().isEmpty());
        QCOMPARE(m_server.request("GET", path, {}, "made-up-token").status, 401);
    }
}

void ServerApiTest::loginAnswersAlikeForUnknownEmailAndWrongPassword() {
    const Reply missing = m_server.request("POST", u"/api/v1/auth/login"_s,
                                           {{"email"_L1, u"clinician@test.practice"_s}});
    QCOMPARE(missing.status, 400);
    const Reply wrong = m_server.request(
        "POST", u"/api/v1/auth/login"_s,
        {{"email"_L1, u"clinician@test.practice"_s}, {"password"_L1, u"not the password"_s}});
    const Reply unknown = m_server.request(
        "POST", u"/api/v1/auth/login"_s,
        {{"email"_L1, u"nobody@test.practice"_s}, {"password"_L1, u"not the password"_s}});
    QCOMPARE(wrong.status, 401);
    QCOMPARE(unknown.status, 401);
    QCOMPARE(wrong.json, unknown.json);
    QCOMPARE(wrong.json.value("error"_L1).toString(), u"Invalid credentials"_s);
}

void ServerApiTest::logoutEndsTheSession() {
    const QByteArray token = m_server.login(u"SUPERVISOR"_s);
    QCOMPARE(m_server.request("GET", u"/api/v1/auth/me"_s, {}, token).status, 200);
    QCOMPARE(m_server.request("GET", u"/api/v1/auth/logout"_s, {}, token).status, 200);
    QCOMPARE(m_server.request("GET", u"/api/v1/auth/me"_s, {}, token).status, 401);
}

void ServerApiTest::appointmentLifecycle() {
    const Reply created =
        m_server.request("POST", u"/api/v1/appointments"_s,
                         appointment(u"2030-01-07T15:00:00.000Z"_s, 50, m_clientA), m_reception);
    QCOMPARE(created.status, 201);
    const QJsonObject a = created.object();
    const QString id = a.value("_id"_L1).toString();
    QCOMPARE(a.value("version"_L1).toInt(), 1);
    QCOMPARE(a.value("duration"_L1).toInt(), 50);
    QCOMPARE(a.value("status"_L1).toString(), u"Scheduled"_s);
    QCOMPARE(a.value("location"_L1).toString(), u"Office"_s);
    QVERIFY(!a.value("createdAt"_L1).toString().isEmpty());

    const Reply got = m_server.request("GET", u"/api/v1/appointments/"_s + id, {}, m_clinician);
    QCOMPARE(got.status, 200);
    QCOMPARE(got.headers.value("etag"), "\"1\""_ba);

    const Reply moved = m_server.request("PUT", u"/api/v1/appointments/"_s + id,
                                         {{"startTime"_L1, u"2030-01-07T16:00:00.000Z"_s},
                                          {"endTime"_L1, u"2030-01-07T16:50:00.000Z"_s}},
                                         m_reception, {{"If-Match", "\"1\""}});
    QCOMPARE(moved.status, 200);
    QCOMPARE(moved.object().value("version"_L1).toInt(), 2);
    QCOMPARE(moved.object().value("startTime"_L1).toString(), u"2030-01-07T16:00:00.000Z"_s);

    const Reply noReason =
        m_server.request("PUT", u"/api/v1/appointments/%1/cancel"_s.arg(id), {}, m_reception);
    QCOMPARE(noReason.status, 400);
    QVERIFY(noReason.json.value("error"_L1).toString().contains(u"cancellationReason"_s));
    const Reply cancelled = m_server.request(
        "PUT", u"/api/v1/appointments/%1/cancel"_s.arg(id),
        {{"cancellationReason"_L1, u"Client ill"_s}, {"cancellationFee"_L1, 25}}, m_reception);
    QCOMPARE(cancelled.status, 200);
    QCOMPARE(cancelled.object().value("status"_L1).toString(), u"Cancelled"_s);
    QCOMPARE(cancelled.object().value("cancellationFee"_L1).toDouble(), 25.0);
    QCOMPARE(m_server.request("PUT", u"/api/v1/appointments/%1/complete"_s.arg(id), {}, m_clinician)
                 .status,
             409);

    const QString other = create(appointment(u"2030-01-08T15:00:00.000Z"_s, 50, m_clientA));
    const Reply completed =
        m_server.request("PUT", u"/api/v1/appointments/%1/complete"_s.arg(other),
                         {{"notes"_L1, u"Went well"_s}}, m_clinician);
    QCOMPARE(completed.status, 200);
    QCOMPARE(completed.object().value("status"_L1).toString(), u"Completed"_s);

    QCOMPARE(m_server.request("DELETE", u"/api/v1/appointments/"_s + id, {}, m_reception).status,
             403);
    const Reply deleted = m_server.request("DELETE", u"/api/v1/appointments/"_s + id, {}, m_admin);
    QCOMPARE(deleted.status, 200);
    QCOMPARE(deleted.data().toObject(), QJsonObject{});
    QCOMPARE(m_server.request("GET", u"/api/v1/appointments/"_s + id, {}, m_admin).status, 404);
}

void ServerApiTest::staleIfMatchIsRefusedWithTheCurrentRecord() {
    const QString id = create(appointment(u"2030-01-09T15:00:00.000Z"_s, 50, m_clientA));
    QCOMPARE(m_server
                 .request("PUT", u"/api/v1/appointments/"_s + id, {{"notes"_L1, u"first"_s}},
                          m_reception, {{"If-Match", "\"1\""}})
                 .status,
             200);
    const Reply stale =
        m_server.request("PUT", u"/api/v1/appointments/"_s + id, {{"notes"_L1, u"second"_s}},
                         m_reception, {{"If-Match", "\"1\""}});
    QCOMPARE(stale.status, 412);
    QCOMPARE(stale.json.value("code"_L1).toString(), u"VERSION_MISMATCH"_s);
    QCOMPARE(stale.object().value("version"_L1).toInt(), 2);
    QCOMPARE(stale.object().value("notes"_L1).toString(), u"first"_s);
    QCOMPARE(m_server
                 .request("DELETE", u"/api/v1/appointments/"_s + id, {}, m_admin,
                          {{"If-Match", "\"1\""}})
                 .status,
             412);
}

void ServerApiTest::overlapIsRefusedUnlessAnAllowedRoleOverrides() {
    const QString first = create(appointment(u"2030-01-14T15:00:00.000Z"_s, 50, m_clientA));
    QVERIFY(!first.isEmpty());

    const Reply sameProvider =
        m_server.request("POST", u"/api/v1/appointments"_s,
                         appointment(u"2030-01-14T15:30:00.000Z"_s, 50, m_clientB), m_reception);
    QCOMPARE(sameProvider.status, 409);
    QCOMPARE(sameProvider.json.value("code"_L1).toString(), u"SCHEDULING_CONFLICT"_s);
    QCOMPARE(sameProvider.json.value("conflicts"_L1).toArray(), QJsonArray{first});

    // The same client with another provider.
    const QString supervisorId = m_server.request("GET", u"/api/v1/auth/me"_s, {}, m_supervisor)
                                     .object()
                                     .value("_id"_L1)
                                     .toString();
    QCOMPARE(m_server
                 .request("POST", u"/api/v1/appointments"_s,
                          appointment(u"2030-01-14T15:10:00.000Z"_s, 30, m_clientA, supervisorId),
                          m_reception)
                 .status,
             409);

    // Touching is not overlapping.
    QVERIFY(!create(appointment(u"2030-01-14T15:50:00.000Z"_s, 50, m_clientB)).isEmpty());

    QJsonObject overlap = appointment(u"2030-01-14T15:30:00.000Z"_s, 20, m_clientB);
    overlap.insert("allowOverlap"_L1, true);
    QCOMPARE(m_server.request("POST", u"/api/v1/appointments"_s, overlap, m_reception).status, 403);
    const Reply allowed =
        m_server.request("POST", u"/api/v1/appointments"_s, overlap, m_supervisor);
    QCOMPARE(allowed.status, 201);
    QCOMPARE(allowed.json.value("warnings"_L1).toArray().first()["code"_L1].toString(),
             u"OVERLAP_ALLOWED"_s);
    QVERIFY(!allowed.object().contains("allowOverlap"_L1));

    // Moving onto a held time is refused too; a cancelled one frees it.
    const QString later = create(appointment(u"2030-01-14T18:00:00.000Z"_s, 50, m_clientA));
    QCOMPARE(m_server
                 .request("PUT", u"/api/v1/appointments/"_s + later,
                          {{"startTime"_L1, u"2030-01-14T15:20:00.000Z"_s},
                           {"endTime"_L1, u"2030-01-14T16:10:00.000Z"_s}},
                          m_reception)
                 .status,
             409);
    QCOMPARE(m_server
                 .request("PUT", u"/api/v1/appointments/%1/cancel"_s.arg(first),
                          {{"cancellationReason"_L1, u"moved"_s}}, m_reception)
                 .status,
             200);
    QVERIFY(!create(appointment(u"2030-01-14T15:00:00.000Z"_s, 20, m_clientA)).isEmpty());
}

void ServerApiTest::outsideAvailabilityWarnsOrIsRefusedInStrictMode() {
    // Sunday 2030-01-13, 10:00 New York.
    const Reply sunday =
        m_server.request("POST", u"/api/v1/appointments"_s,
                         appointment(u"2030-01-13T15:00:00.000Z"_s, 50, m_clientA), m_reception);
    QCOMPARE(sunday.status, 201);
    QCOMPARE(sunday.json.value("warnings"_L1).toArray().first()["code"_L1].toString(),
             u"OUTSIDE_AVAILABILITY"_s);
    const Reply inside =
        m_server.request("POST", u"/api/v1/appointments"_s,
                         appointment(u"2030-01-15T15:00:00.000Z"_s, 50, m_clientA), m_reception);
    QCOMPARE(inside.status, 201);
    QVERIFY(!inside.json.contains("warnings"_L1));

    QCOMPARE(
        m_server
            .request("PUT", u"/api/v1/settings"_s, {{"strictAvailability"_L1, true}}, m_reception)
            .status,
        403);
    QCOMPARE(
        m_server.request("PUT", u"/api/v1/settings"_s, {{"strictAvailability"_L1, true}}, m_admin)
            .status,
        200);
    const Reply strict =
        m_server.request("POST", u"/api/v1/appointments"_s,
                         appointment(u"2030-01-13T18:00:00.000Z"_s, 50, m_clientA), m_reception);
    QCOMPARE(strict.status, 409);
    QCOMPARE(strict.json.value("code"_L1).toString(), u"OUTSIDE_AVAILABILITY"_s);
    QCOMPARE(
        m_server.request("PUT", u"/api/v1/settings"_s, {{"strictAvailability"_L1, false}}, m_admin)
            .status,
        200);
    const Reply settings = m_server.request("GET", u"/api/v1/settings"_s, {}, m_billing);
    QCOMPARE(settings.object().value("timeZone"_L1).toString(), u"America/New_York"_s);
    QCOMPARE(
        m_server
            .request("PUT", u"/api/v1/settings"_s, {{"timeZone"_L1, u"Mars/Olympus"_s}}, m_admin)
            .status,
        400);
}

void ServerApiTest::idempotentReplayAnswersTheFirstResult() {
    const qint64 before = appointmentCount();
    const QJsonObject body = appointment(u"2030-01-16T15:00:00.000Z"_s, 50, m_clientB);
    const QHash<QByteArray, QByteArray> key{{"Idempotency-Key", "4f7d1c1e-7d1b-4f1e-9a51-1"}};
    const Reply first = m_server.request("POST", u"/api/v1/appointments"_s, body, m_reception, key);
    const Reply again = m_server.request("POST", u"/api/v1/appointments"_s, body, m_reception, key);
    QCOMPARE(first.status, 201);
    QCOMPARE(again.status, 201);
    QCOMPARE(again.object().value("_id"_L1), first.object().value("_id"_L1));
    QCOMPARE(again.headers.value("idempotent-replayed"), "true"_ba);
    QCOMPARE(appointmentCount(), before + 1);
    // Without the key the same body is a second booking: refused as a conflict.
    QCOMPARE(m_server.request("POST", u"/api/v1/appointments"_s, body, m_reception).status, 409);
}

void ServerApiTest::aCreateWithATakenIdIsRefusedAndWritesNothing() {
    // A desk makes its own ids for offline creates; one that is already
    // taken is a 409 naming it, for every kind of record, and nothing is
    // written.
    const QString taken = create(appointment(u"2030-02-20T15:00:00.000Z"_s, 50, m_clientA));
    QVERIFY(!taken.isEmpty());
    const qint64 before = appointmentCount();
    QJsonObject again = appointment(u"2030-02-21T15:00:00.000Z"_s, 50, m_clientA);
    again.insert("_id"_L1, taken.toUpper());
    const Reply appointmentReply =
        m_server.request("POST", u"/api/v1/appointments"_s, again, m_reception);
    QCOMPARE(appointmentReply.status, 409);
    QCOMPARE(appointmentReply.json.value("code"_L1).toString(), u"DUPLICATE_ID"_s);
    QVERIFY2(appointmentReply.json.value("error"_L1).toString().contains(taken),
             qPrintable(appointmentReply.json.value("error"_L1).toString()));
    QCOMPARE(appointmentCount(), before);

    const Reply clientReply = m_server.request(
        "POST", u"/api/v1/clients"_s,
        {{"_id"_L1, m_clientA}, {"firstName"_L1, u"Dup"_s}, {"lastName"_L1, u"Licate"_s}},
        m_reception);
    QCOMPARE(clientReply.status, 409);
    QCOMPARE(clientReply.json.value("code"_L1).toString(), u"DUPLICATE_ID"_s);
    QCOMPARE(m_server.request("GET", u"/api/v1/clients/"_s + m_clientA, {}, m_admin)
                 .object()
                 .value("lastName"_L1)
                 .toString(),
             u"A"_s);

    const Reply seriesReply = m_server.request("POST", u"/api/v1/recurring-appointments"_s,
                                               {{"_id"_L1, taken},
                                                {"client"_L1, m_clientA},
                                                {"provider"_L1, m_provider},
                                                {"recurrencePattern"_L1, u"Weekly"_s},
                                                {"dayOfWeek"_L1, u"Friday"_s},
                                                {"startTime"_L1, u"09:00"_s},
                                                {"startDate"_L1, u"2031-01-03T00:00:00.000Z"_s},
                                                {"numberOfOccurrences"_L1, 2},
                                                {"appointmentType"_L1, u"Individual Therapy"_s},
                                                {"duration"_L1, 50}},
                                               m_reception);
    QVERIFY2(seriesReply.status == 201, // ids are per kind: no series has it
             QJsonDocument(seriesReply.json).toJson().constData());
    const QString seriesId = seriesReply.object().value("_id"_L1).toString();
    const Reply seriesAgain = m_server.request("POST", u"/api/v1/recurring-appointments"_s,
                                               {{"_id"_L1, seriesId},
                                                {"client"_L1, m_clientA},
                                                {"provider"_L1, m_provider},
                                                {"recurrencePattern"_L1, u"Weekly"_s},
                                                {"dayOfWeek"_L1, u"Friday"_s},
                                                {"startTime"_L1, u"11:00"_s},
                                                {"startDate"_L1, u"2031-01-03T00:00:00.000Z"_s},
                                                {"numberOfOccurrences"_L1, 2},
                                                {"appointmentType"_L1, u"Individual Therapy"_s},
                                                {"duration"_L1, 50}},
                                               m_reception);
    QCOMPARE(seriesAgain.status, 409);
    QCOMPARE(seriesAgain.json.value("code"_L1).toString(), u"DUPLICATE_ID"_s);
}

void ServerApiTest::changeFeedCarriesUpsertsAndTombstones() {
    QString cursor;
    for (;;) {
        const Reply page = m_server.request(
            "GET", u"/api/v1/sync/changes?limit=1000&since="_s + cursor, {}, m_clinician);
        QCOMPARE(page.status, 200);
        cursor = page.object().value("cursor"_L1).toString();
        if (!page.object().value("hasMore"_L1).toBool())
            break;
    }
    const QString id = create(appointment(u"2030-01-17T15:00:00.000Z"_s, 50, m_clientB));
    const Reply changes =
        m_server.request("GET", u"/api/v1/sync/changes?since="_s + cursor, {}, m_clinician);
    // A clinician's own appointment brings its client along (docs/roles.md,
    // "Minimum necessary").
    const QJsonArray list = withoutClients(changes.object().value("changes"_L1).toArray());
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first()["type"_L1].toString(), u"appointment"_s);
    QCOMPARE(list.first()["op"_L1].toString(), u"upsert"_s);
    QCOMPARE(list.first()["_id"_L1].toString(), id);
    QCOMPARE(list.first()["doc"_L1]["startTime"_L1].toString(), u"2030-01-17T15:00:00.000Z"_s);
    const QString next = changes.object().value("cursor"_L1).toString();

    m_server.request("PUT", u"/api/v1/appointments/"_s + id, {{"notes"_L1, u"x"_s}}, m_reception);
    m_server.request("DELETE", u"/api/v1/appointments/"_s + id, {}, m_admin);
    const QJsonArray after =
        m_server.request("GET", u"/api/v1/sync/changes?since="_s + next, {}, m_clinician)
            .object()
            .value("changes"_L1)
            .toArray();
    QCOMPARE(after.size(), 1); // one entry per record: its latest state
    QCOMPARE(after.first()["op"_L1].toString(), u"delete"_s);
    QCOMPARE(after.first()["_id"_L1].toString(), id);
    QCOMPARE(after.first()["version"_L1].toInt(), 3);
    QCOMPARE(m_server.request("GET", u"/api/v1/sync/changes?since=-4"_s, {}, m_clinician).status,
             400);
    QCOMPARE(m_server.request("GET", u"/api/v1/sync/changes?limit=5000"_s, {}, m_clinician).status,
             200);
    QCOMPARE(m_server.request("GET", u"/api/v1/sync/changes?limit=5001"_s, {}, m_clinician).status,
             400);
}

void ServerApiTest::listsFilterSortSelectAndPage() {
    for (int i = 0; i < 5; ++i)
        create(appointment(u"2030-02-04T%1:00:00.000Z"_s.arg(14 + i), 50, m_clientB));
    const QString window =
        u"provider=%1&startTime[gte]=2030-02-04T00:00:00.000Z&startTime[lt]=2030-02-05T00:00:00.000Z"_s
            .arg(m_provider);
    const Reply all = m_server.request("GET", u"/api/v1/appointments?"_s + window, {}, m_billing);
    QCOMPARE(all.status, 200);
    QCOMPARE(all.json.value("count"_L1).toInt(), 5);
    const Reply page = m_server.request(
        "GET",
        u"/api/v1/appointments?%1&sort=-startTime&limit=2&page=2&select=startTime"_s.arg(window),
        {}, m_billing);
    QCOMPARE(page.json.value("count"_L1).toInt(), 2);
    const QJsonArray data = page.data().toArray();
    QCOMPARE(data.at(0)["startTime"_L1].toString(), u"2030-02-04T16:00:00.000Z"_s);
    QCOMPARE(data.at(1)["startTime"_L1].toString(), u"2030-02-04T15:00:00.000Z"_s);
    QVERIFY(!data.at(0).toObject().contains("client"_L1));
    QVERIFY(data.at(0).toObject().contains("_id"_L1));
    const QJsonObject pagination = page.json.value("pagination"_L1).toObject();
    QCOMPARE(pagination["next"_L1]["page"_L1].toInt(), 3);
    QCOMPARE(pagination["prev"_L1]["page"_L1].toInt(), 1);
    const Reply statusIn = m_server.request(
        "GET", u"/api/v1/appointments?%1&status[in]=Cancelled,Completed"_s.arg(window), {},
        m_billing);
    QCOMPARE(statusIn.json.value("count"_L1).toInt(), 0);
    const Reply scheduled = m_server.request(
        "GET", u"/api/v1/appointments?%1&status=Scheduled&duration=50"_s.arg(window), {},
        m_billing);
    QCOMPARE(scheduled.json.value("count"_L1).toInt(), 5);

    // A value with a plus sign is text, not a number: phones filter.
    const Reply withPhone = m_server.request("POST", u"/api/v1/clients"_s,
                                             {{"firstName"_L1, u"Phone"_s},
                                              {"lastName"_L1, u"Filter"_s},
                                              {"phone"_L1, u"+15551234567"_s}},
                                             m_reception);
    QCOMPARE(withPhone.status, 201);
    const Reply byPhone =
        m_server.request("GET", u"/api/v1/clients?phone=%2B15551234567"_s, {}, m_reception);
    QCOMPARE(byPhone.status, 200);
    QCOMPARE(byPhone.json.value("count"_L1).toInt(), 1);
    QCOMPARE(byPhone.data().toArray().at(0)["_id"_L1].toString(),
             withPhone.object().value("_id"_L1).toString());
}

void ServerApiTest::listsSortOnSeveralKeysAndPopulateNames() {
    for (const auto& [hour, minutes] : {std::pair{14, 50}, {15, 30}, {16, 50}, {17, 30}})
        create(appointment(u"2030-02-06T%1:00:00.000Z"_s.arg(hour), minutes, m_clientB));
    const QString window =
        u"provider=%1&startTime[gte]=2030-02-06T00:00:00.000Z&startTime[lt]=2030-02-07T00:00:00.000Z"_s
            .arg(m_provider);
    const Reply sorted = m_server.request(
        "GET", u"/api/v1/appointments?%1&sort=duration,-startTime"_s.arg(window), {}, m_reception);
    QCOMPARE(sorted.status, 200);
    QStringList starts;
    for (const QJsonValue& a : sorted.data().toArray())
        starts << a["startTime"_L1].toString().mid(11, 5);
    QCOMPARE(starts, (QStringList{u"17:00"_s, u"15:00"_s, u"16:00"_s, u"14:00"_s}));
    QCOMPARE(
        m_server.request("GET", u"/api/v1/appointments?sort=a,b,c,d,e"_s, {}, m_reception).status,
        400);

    const Reply populated = m_server.request(
        "GET", u"/api/v1/appointments?%1&sort=startTime&populate=client,provider"_s.arg(window), {},
        m_reception);
    QCOMPARE(populated.status, 200);
    const QJsonObject first = populated.data().toArray().first().toObject();
    QCOMPARE(first["client"_L1].toObject(),
             (QJsonObject{
                 {"_id"_L1, m_clientB}, {"firstName"_L1, u"Client"_s}, {"lastName"_L1, u"B"_s}}));
    QCOMPARE(first["provider"_L1]["_id"_L1].toString(), m_provider);
    QCOMPARE(first["provider"_L1]["lastName"_L1].toString(), u"CLINICIAN"_s);
    const QString id = first["_id"_L1].toString();
    const Reply one = m_server.request("GET", u"/api/v1/appointments/%1?populate=client"_s.arg(id),
                                       {}, m_reception);
    QCOMPARE(one.object()["client"_L1]["lastName"_L1].toString(), u"B"_s);
    QCOMPARE(one.object()["provider"_L1].toString(), m_provider); // ids unless asked
    QCOMPARE(
        m_server.request("GET", u"/api/v1/appointments?populate=notes"_s, {}, m_reception).status,
        400);
}

void ServerApiTest::providerAndClientListsAndOpenSlots() {
    const Reply byProvider = m_server.request(
        "GET", u"/api/v1/staff/%1/appointments?limit=500"_s.arg(m_provider), {}, m_clinician);
    QCOMPARE(byProvider.status, 200);
    QVERIFY(byProvider.json.value("count"_L1).toInt() > 5);
    for (const QJsonValue& a : byProvider.data().toArray())
        QCOMPARE(a["provider"_L1].toString(), m_provider);
    const Reply byClient = m_server.request(
        "GET", u"/api/v1/clients/%1/appointments?limit=500"_s.arg(m_clientB), {}, m_clinician);
    for (const QJsonValue& a : byClient.data().toArray())
        QCOMPARE(a["client"_L1].toString(), m_clientB);
    QCOMPARE(m_server.request("GET", u"/api/v1/clients/zzz/appointments"_s, {}, m_clinician).status,
             400);

    // Monday 2030-02-04: 09:00-17:00 New York is 14:00-22:00 UTC, booked 14:00-18:50.
    const Reply open = m_server.request(
        "GET",
        u"/api/v1/staff/%1/open-slots?from=2030-02-04T00:00:00.000Z&to=2030-02-05T00:00:00.000Z&duration=60"_s
            .arg(m_provider),
        {}, m_reception);
    QCOMPARE(open.status, 200);
    const QJsonArray list = open.data().toArray();
    QVERIFY(!list.isEmpty());
    QCOMPARE(list.first()["startTime"_L1].toString(), u"2030-02-04T19:00:00.000Z"_s);
    QCOMPARE(list.last()["endTime"_L1].toString(), u"2030-02-04T22:00:00.000Z"_s);
    QCOMPARE(m_server
                 .request("GET", u"/api/v1/staff/%1/open-slots?from=x"_s.arg(m_provider), {},
                          m_reception)
                 .status,
             400);
}

void ServerApiTest::availabilityAndDirectoryRoutes() {
    const Reply list = m_server.request("GET", u"/api/v1/staff/%1/availabilities"_s.arg(m_provider),
                                        {}, m_billing);
    QCOMPARE(list.json.value("count"_L1).toInt(), 5);
    const QString id = list.data().toArray().first()["_id"_L1].toString();
    QCOMPARE(
        m_server.request("GET", u"/api/v1/provider-availabilities/"_s + id, {}, m_billing).status,
        200);
    const Reply changed = m_server.request("PUT", u"/api/v1/provider-availabilities/"_s + id,
                                           {{"endTime"_L1, u"08:00"_s}}, m_clinician);
    QCOMPARE(changed.status, 400); // end before start
    const Reply block = m_server.request(
        "POST", u"/api/v1/staff/%1/availabilities"_s.arg(m_provider),
        {{"dayOfWeek"_L1, u"Saturday"_s}, {"startTime"_L1, u"10:00"_s}, {"endTime"_L1, u"12:00"_s}},
        m_clinician);
    QCOMPARE(block.status, 201);
    const QString blockId = block.object().value("_id"_L1).toString();
    QCOMPARE(
        m_server.request("DELETE", u"/api/v1/provider-availabilities/"_s + blockId, {}, m_clinician)
            .status,
        200);
    QCOMPARE(m_server.request("GET", u"/api/v1/provider-availabilities"_s, {}, m_billing)
                 .json.value("count"_L1)
                 .toInt(),
             5);

    const Reply client = m_server.request("GET", u"/api/v1/clients/"_s + m_clientA, {}, m_billing);
    QCOMPARE(client.object().value("lastName"_L1).toString(), u"A"_s);
    QCOMPARE(m_server
                 .request("PUT", u"/api/v1/clients/"_s + m_clientA, {{"phone"_L1, u"555-0100"_s}},
                          m_billing)
                 .status,
             403);
    const Reply updated = m_server.request("PUT", u"/api/v1/clients/"_s + m_clientA,
                                           {{"phone"_L1, u"555-0100"_s}}, m_reception);
    QCOMPARE(updated.object().value("phone"_L1).toString(), u"555-0100"_s);
    QCOMPARE(updated.object().value("version"_L1).toInt(), 2);

    const Reply staff = m_server.request("GET", u"/api/v1/staff"_s, {}, m_clinician);
    QCOMPARE(staff.json.value("count"_L1).toInt(), 5);
    for (const QJsonValue& s : staff.data().toArray())
        QVERIFY(!s.toObject().contains("password"_L1) && !s.toObject().contains("passwordHash"_L1));
    const Reply added = m_server.request("POST", u"/api/v1/staff"_s,
                                         {{"firstName"_L1, u"New"_s},
                                          {"lastName"_L1, u"Intern"_s},
                                          {"email"_L1, u"intern@test.practice"_s},
                                          {"role"_L1, u"INTERN"_s},
                                          {"password"_L1, QString::fromLatin1(m_server.password)}},
                                         m_admin);
    QCOMPARE(added.status, 201);
    QVERIFY(!m_server.login(u"INTERN"_s).isEmpty());
    QCOMPARE(m_server
                 .request("POST", u"/api/v1/staff"_s,
                          {{"firstName"_L1, u"Dup"_s},
                           {"lastName"_L1, u"Intern"_s},
                           {"email"_L1, u"INTERN@test.practice"_s},
                           {"role"_L1, u"INTERN"_s}},
                          m_admin)
                 .status,
             409);
    const QString internId = added.object().value("_id"_L1).toString();
    const QByteArray internToken = m_server.login(u"INTERN"_s);
    QCOMPARE(
        m_server.request("PUT", u"/api/v1/staff/"_s + internId, {{"isActive"_L1, false}}, m_admin)
            .status,
        200);
    QCOMPARE(m_server.request("GET", u"/api/v1/auth/me"_s, {}, internToken).status, 401);
    QVERIFY(m_server.login(u"INTERN"_s).isEmpty());
}

void ServerApiTest::badInputIsRefusedAndWritesNothing() {
    const qint64 before = appointmentCount();
    const auto post = [&](const QByteArray& body) {
        return m_server.requestRaw("POST", u"/api/v1/appointments"_s, body, m_reception);
    };
    const Reply malformed = post("{\"client\": ");
    QCOMPARE(malformed.status, 400);
    QCOMPARE(malformed.json.value("code"_L1).toString(), u"MALFORMED_JSON"_s);
    QCOMPARE(post("[1, 2]").status, 400);

    QJsonObject wrongType = appointment(u"2030-03-04T15:00:00.000Z"_s, 50, m_clientA);
    wrongType.insert("duration"_L1, u"fifty"_s);
    wrongType.insert("appointmentType"_L1, u"Hypnosis"_s);
    wrongType.insert("provider"_L1, u"not-an-id"_s);
    const Reply invalid =
        m_server.request("POST", u"/api/v1/appointments"_s, wrongType, m_reception);
    QCOMPARE(invalid.status, 400);
    QStringList fields;
    for (const QJsonValue& e : invalid.json.value("errors"_L1).toArray())
        fields << e["field"_L1].toString();
    QVERIFY(fields.contains(u"duration"_s));
    QVERIFY(fields.contains(u"appointmentType"_s));
    QVERIFY(fields.contains(u"provider"_s));
    QVERIFY(invalid.json.value("error"_L1).toString().contains(u"appointmentType"_s));

    QJsonObject tooLong = appointment(u"2030-03-04T15:00:00.000Z"_s, 13 * 60, m_clientA);
    QCOMPARE(m_server.request("POST", u"/api/v1/appointments"_s, tooLong, m_reception).status, 400);
    QJsonObject unknownClient =
        appointment(u"2030-03-04T15:00:00.000Z"_s, 50, u"aaaaaaaaaaaaaaaaaaaaaaaa"_s);
    QCOMPARE(m_server.request("POST", u"/api/v1/appointments"_s, unknownClient, m_reception).status,
             400);

    QJsonObject huge = appointment(u"2030-03-04T15:00:00.000Z"_s, 50, m_clientA);
    huge.insert("notes"_L1, QString(2 * 1024 * 1024, u'x'));
    QCOMPARE(m_server.request("POST", u"/api/v1/appointments"_s, huge, m_reception).status, 413);

    QCOMPARE(m_server.request("GET", u"/api/v1/appointments/123"_s, {}, m_reception).status, 400);
    QCOMPARE(
        m_server.request("GET", u"/api/v1/appointments/ffffffffffffffffffffffff"_s, {}, m_reception)
            .status,
        404);
    for (const QString& q :
         {u"page=0"_s, u"page=abc"_s, u"limit=100000"_s, u"limit=-1"_s, u"page=99999999999"_s,
          u"startTime[gte]=yesterday"_s, u"startTime[near]=x"_s, u"sort=a;drop"_s})
        QCOMPARE(m_server.request("GET", u"/api/v1/appointments?"_s + q, {}, m_reception).status,
                 400);
    const Reply wrongMethod = m_server.request("PATCH", u"/api/v1/appointments"_s, {}, m_reception);
    QCOMPARE(wrongMethod.status, 405);
    QVERIFY(wrongMethod.headers.value("allow").contains("POST"));
    QCOMPARE(
        m_server
            .request("POST", u"/api/v1/appointments/ffffffffffffffffffffffff"_s, {}, m_reception)
            .status,
        405);
    QCOMPARE(m_server.request("GET", u"/api/v1/nothing-here"_s, {}, m_reception).status, 404);
    QCOMPARE(appointmentCount(), before);
    QCOMPARE(m_server.request("GET", u"/api/v1/health"_s).status, 200);
}

void ServerApiTest::meetingLinksAreSealedAndShownOnlyToAllowedRoles() {
    QJsonObject body = appointment(u"2030-03-05T15:00:00.000Z"_s, 50, m_clientA);
    body.insert("location"_L1, u"Virtual"_s);
    QString cursor;
    for (;;) {
        const Reply page = m_server.request(
            "GET", u"/api/v1/sync/changes?limit=5000&since="_s + cursor, {}, m_clinician);
        cursor = page.object().value("cursor"_L1).toString();
        if (!page.object().value("hasMore"_L1).toBool())
            break;
    }
    body.insert("virtualMeetingLink"_L1, u"https://meet.example/secret-room-4471"_s);
    body.insert("virtualMeetingPassword"_L1, u"pw-88213"_s);
    const QString id = create(body);
    QVERIFY(!id.isEmpty());
    // The change feed, like a GET, shows them only to the roles allowed.
    for (const auto& [token, shown] : {std::pair{m_clinician, true}, std::pair{m_billing, false}}) {
        const QJsonArray changes = withoutClients(
            m_server.request("GET", u"/api/v1/sync/changes?since="_s + cursor, {}, token)
                .object()
                .value("changes"_L1)
                .toArray());
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.first()["doc"_L1]["virtualMeetingLink"_L1].toString(),
                 shown ? u"https://meet.example/secret-room-4471"_s : QString());
        QCOMPARE(changes.first()["doc"_L1].toObject().contains("virtualMeetingPassword"_L1), shown);
        QCOMPARE(changes.first()["doc"_L1]["version"_L1].toInt(), 1);
    }
    const QJsonObject seen =
        m_server.request("GET", u"/api/v1/appointments/"_s + id, {}, m_clinician).object();
    QCOMPARE(seen.value("virtualMeetingLink"_L1).toString(),
             u"https://meet.example/secret-room-4471"_s);
    QCOMPARE(seen.value("virtualMeetingPassword"_L1).toString(), u"pw-88213"_s);
    const QJsonObject hidden =
        m_server.request("GET", u"/api/v1/appointments/"_s + id, {}, m_billing).object();
    QVERIFY(!hidden.contains("virtualMeetingLink"_L1));
    QVERIFY(!hidden.contains("virtualMeetingPassword"_L1));

    // Not in the database file, nor its WAL, in the clear.
    for (const QString& file : {u"/mentalspace.db"_s, u"/mentalspace.db-wal"_s}) {
        QFile f(m_server.dataDir() + file);
        if (f.open(QIODevice::ReadOnly))
            QVERIFY(!f.readAll().contains("secret-room-4471"));
    }
    // Nor in the rows, whichever engine holds them.
    {
        mss::test::TestDatabase db(u"secrets"_s, m_server.dataDir(), m_server.databaseUrl());
        QVERIFY(db.isOpen());
        QSqlQuery q(db.sql());
        QVERIFY(q.exec(u"SELECT doc, secret FROM appointments WHERE id = '%1'"_s.arg(id)));
        QVERIFY(q.next());
        QVERIFY(!q.value(0).toByteArray().contains("secret-room-4471"));
        QVERIFY(!q.value(1).toByteArray().isEmpty());
        QVERIFY(!q.value(1).toByteArray().contains("secret-room-4471"));
    }
    // The files of the practice are its owner's alone (on PostgreSQL the
    // keys are; the database is the server's to guard).
    QStringList privateFiles{u"/secret.key"_s};
    if (!m_server.databaseUrl())
        privateFiles << u"/mentalspace.db"_s;
    for (const QString& file : std::as_const(privateFiles)) {
        QCOMPARE(QFile(m_server.dataDir() + file).permissions() &
                     (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
    }
}

void ServerApiTest::auditVerifyFailsAfterAnEntryIsAltered() {
    const Reply log =
        m_server.request("GET", u"/api/v1/audit-logs?action=appointment.create"_s, {}, m_admin);
    QCOMPARE(log.status, 200);
    QVERIFY(log.json.value("count"_L1).toInt() > 0);
    const QJsonObject entry = log.data().toArray().first().toObject();
    QCOMPARE(entry.value("outcome"_L1).toInt(), 201);
    QCOMPARE(entry.value("resourceType"_L1).toString(), u"appointment"_s);
    QCOMPARE(m_server.request("GET", u"/api/v1/audit-logs"_s, {}, m_clinician).status, 403);

    m_server.stop();
    QString output;
    QCOMPARE(m_server.command({u"audit"_s, u"verify"_s, u"--data-dir"_s, m_server.dataDir()}, {},
                              &output),
             0);
    {
        mss::test::TestDatabase db(u"tamper"_s, m_server.dataDir(), m_server.databaseUrl());
        QVERIFY(db.isOpen());
        QSqlQuery q(db.sql());
        QVERIFY(q.exec(u"UPDATE audit_log SET doc = replace(doc, '\"outcome\":201', "
                       "'\"outcome\":200') WHERE seq = (SELECT MIN(seq) FROM audit_log WHERE "
                       "action = 'appointment.create')"_s));
        QCOMPARE(q.numRowsAffected(), 1);
    }
    QCOMPARE(m_server.command({u"audit"_s, u"verify"_s, u"--data-dir"_s, m_server.dataDir()}, {},
                              &output),
             1);
    QVERIFY2(output.contains(u"BROKEN at entry"_s), qPrintable(output));
}

QTEST_GUILESS_MAIN(ServerApiTest)
#include "tst_server_api.moc"
