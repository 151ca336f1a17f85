// Writing appointments through the /api/v1 of the real server binary
// (StaffedPractice): the lifecycle from booking to deletion, versions
// (If-Match), conflicts and the roles that may override them, the
// clinician's hours and strict mode, idempotent replay, ids already taken,
// and bad input, refused without a write.
#include "StaffedPractice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace Qt::StringLiterals;
using mss::test::Reply;

class ServerApiBookingTest : public mss::test::StaffedPractice {
    Q_OBJECT

private slots:
    void appointmentLifecycle();
    void staleIfMatchIsRefusedWithTheCurrentRecord();
    void overlapIsRefusedUnlessAnAllowedRoleOverrides();
    void outsideAvailabilityWarnsOrIsRefusedInStrictMode();
    void idempotentReplayAnswersTheFirstResult();
    void aCreateWithATakenIdIsRefusedAndWritesNothing();
    void badInputIsRefusedAndWritesNothing();
};

void ServerApiBookingTest::appointmentLifecycle() {
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

void ServerApiBookingTest::staleIfMatchIsRefusedWithTheCurrentRecord() {
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

void ServerApiBookingTest::overlapIsRefusedUnlessAnAllowedRoleOverrides() {
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

void ServerApiBookingTest::outsideAvailabilityWarnsOrIsRefusedInStrictMode() {
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

void ServerApiBookingTest::idempotentReplayAnswersTheFirstResult() {
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

void ServerApiBookingTest::aCreateWithATakenIdIsRefusedAndWritesNothing() {
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

    // Two Fridays from 2031-01-03 at `startTime`, asked for with the id `id`.
    const auto postSeries = [&](const QString& id, const QString& startTime) {
        return m_server.request("POST", u"/api/v1/recurring-appointments"_s,
                                {{"_id"_L1, id},
                                 {"client"_L1, m_clientA},
                                 {"provider"_L1, m_provider},
                                 {"recurrencePattern"_L1, u"Weekly"_s},
                                 {"dayOfWeek"_L1, u"Friday"_s},
                                 {"startTime"_L1, startTime},
                                 {"startDate"_L1, u"2031-01-03T00:00:00.000Z"_s},
                                 {"numberOfOccurrences"_L1, 2},
                                 {"appointmentType"_L1, u"Individual Therapy"_s},
                                 {"duration"_L1, 50}},
                                m_reception);
    };
    const Reply seriesReply = postSeries(taken, u"09:00"_s);
    QVERIFY2(seriesReply.status == 201, // ids are per kind: no series has it
             QJsonDocument(seriesReply.json).toJson().constData());
    const QString seriesId = seriesReply.object().value("_id"_L1).toString();
    const Reply seriesAgain = postSeries(seriesId, u"11:00"_s);
    QCOMPARE(seriesAgain.status, 409);
    QCOMPARE(seriesAgain.json.value("code"_L1).toString(), u"DUPLICATE_ID"_s);
}

void ServerApiBookingTest::badInputIsRefusedAndWritesNothing() {
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

QTEST_GUILESS_MAIN(ServerApiBookingTest)
#include "tst_server_api_booking.moc"
