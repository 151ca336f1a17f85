// Recurring series over HTTP: occurrences generated in the practice zone
// (across a DST change), booked all-or-nothing, exceptions, cancel, and
// edits of a series that has a past: "edit all from now on" and "this and
// following" (a PUT that ends the series, then a POST). The server's clock
// is set through the harness, so "now" falls inside the series.
#include "ServerHarness.h"

#include <QJsonArray>
#include <QtTest>

using namespace Qt::StringLiterals;
using mss::test::Reply;

class ServerSeriesTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void weeklySeriesKeepsItsWallClockTimeAcrossDst();
    void aSeriesWithOneConflictBooksNothing();
    void exceptionsSkipAndReschedule();
    void anExceptionOnADateWithNoOccurrenceIsRecordedAndCancelsNothing();
    void cancelEndsTheFutureOccurrences();
    void aPatternChangeMovesTheOccurrencesItKeeps();
    void editAllKeepsAnEditedOccurrencesConfirmation();
    void editAllOnAnotherDayReplacesTheFutureAndChecksConflicts();
    void thisAndFollowingIsAPutThenAPost();

private:
    QJsonObject series(const QString& client, const QString& day, const QString& time,
                       const QString& startDate, int count) const;
    QStringList startsOf(const QString& seriesId, bool holdingOnly = true);
    QJsonArray appointmentsOf(const QString& seriesId);
    // Moves the server's clock and signs in again (tokens last 12 hours).
    void at(const QString& now);
    QString feedCursor();
    QJsonArray changesSince(const QString& cursor);

    mss::test::ServerHarness m_server;
    QByteArray m_admin, m_reception;
    QString m_provider, m_clientA, m_clientB;
    QString m_weekly;
};

QJsonObject ServerSeriesTest::series(const QString& client, const QString& day, const QString& time,
                                     const QString& startDate, int count) const {
    return {{"client"_L1, client},
            {"provider"_L1, m_provider},
            {"appointmentType"_L1, u"Individual Therapy"_s},
            {"duration"_L1, 50},
            {"recurrencePattern"_L1, u"Weekly"_s},
            {"dayOfWeek"_L1, day},
            {"startTime"_L1, time},
            {"startDate"_L1, QString(startDate + u"T00:00:00.000Z"_s)},
            {"numberOfOccurrences"_L1, count}};
}

QStringList ServerSeriesTest::startsOf(const QString& seriesId, bool holdingOnly) {
    QString path =
        u"/api/v1/appointments?recurringAppointment=%1&sort=startTime&limit=500"_s.arg(seriesId);
    if (holdingOnly)
        path += u"&status[in]=Scheduled,Confirmed"_s;
    QStringList out;
    for (const QJsonValue& a : m_server.request("GET", path, {}, m_reception).data().toArray())
        out << a["startTime"_L1].toString();
    return out;
}

QJsonArray ServerSeriesTest::appointmentsOf(const QString& seriesId) {
    return m_server
        .request("GET",
                 u"/api/v1/appointments?recurringAppointment=%1&sort=startTime&limit=500"_s.arg(
                     seriesId),
                 {}, m_admin)
        .data()
        .toArray();
}

void ServerSeriesTest::at(const QString& now) {
    QVERIFY(m_server.setNow(QDateTime::fromString(now, Qt::ISODateWithMs)));
    m_admin = m_server.login(u"PRACTICE_ADMIN"_s);
    m_reception = m_server.login(u"RECEPTIONIST"_s);
    QVERIFY(!m_admin.isEmpty() && !m_reception.isEmpty());
}

QString ServerSeriesTest::feedCursor() {
    QString cursor;
    for (;;) {
        const Reply page = m_server.request(
            "GET", u"/api/v1/sync/changes?limit=1000&since="_s + cursor, {}, m_admin);
        cursor = page.object().value("cursor"_L1).toString();
        if (!page.object().value("hasMore"_L1).toBool())
            return cursor;
    }
}

QJsonArray ServerSeriesTest::changesSince(const QString& cursor) {
    return m_server
        .request("GET", u"/api/v1/sync/changes?limit=1000&since="_s + cursor, {}, m_admin)
        .object()
        .value("changes"_L1)
        .toArray();
}

void ServerSeriesTest::initTestCase() {
    QVERIFY(m_server.init(u"America/New_York"_s));
    QVERIFY(m_server.setNow(QDateTime(QDate(2030, 1, 1), QTime(12, 0), Qt::UTC)));
    QVERIFY(m_server.addUser(u"CLINICIAN"_s));
    QVERIFY(m_server.addUser(u"RECEPTIONIST"_s));
    QVERIFY(m_server.start());
    m_admin = m_server.login(u"PRACTICE_ADMIN"_s);
    m_reception = m_server.login(u"RECEPTIONIST"_s);
    m_provider = m_server.request("GET", u"/api/v1/auth/me"_s, {}, m_server.login(u"CLINICIAN"_s))
                     .object()
                     .value("_id"_L1)
                     .toString();
    for (QString* id : {&m_clientA, &m_clientB}) {
        *id = m_server
                  .request("POST", u"/api/v1/clients"_s,
                           {{"firstName"_L1, u"C"_s}, {"lastName"_L1, u"D"_s}}, m_reception)
                  .object()
                  .value("_id"_L1)
                  .toString();
        QCOMPARE(id->size(), 24);
    }
}

void ServerSeriesTest::weeklySeriesKeepsItsWallClockTimeAcrossDst() {
    // New York moves to daylight time on Sunday 2030-03-10.
    const Reply r = m_server.request("POST", u"/api/v1/recurring-appointments"_s,
                                     series(m_clientA, u"Monday"_s, u"14:00"_s, u"2030-03-04"_s, 4),
                                     m_reception);
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json.value("generatedCount"_L1).toInt(), 4);
    m_weekly = r.object().value("_id"_L1).toString();
    QCOMPARE(r.object().value("generatedAppointments"_L1).toArray().size(), 4);
    QCOMPARE(startsOf(m_weekly),
             (QStringList{u"2030-03-04T19:00:00.000Z"_s, u"2030-03-11T18:00:00.000Z"_s,
                          u"2030-03-18T18:00:00.000Z"_s, u"2030-03-25T18:00:00.000Z"_s}));
    QCOMPARE(m_server
                 .request("GET", u"/api/v1/clients/%1/recurring-appointments"_s.arg(m_clientA), {},
                          m_reception)
                 .json.value("count"_L1)
                 .toInt(),
             1);
    QCOMPARE(
        m_server.request("GET", u"/api/v1/recurring-appointments/"_s + m_weekly, {}, m_reception)
            .status,
        200);
}

void ServerSeriesTest::aSeriesWithOneConflictBooksNothing() {
    const qint64 before = m_server.request("GET", u"/api/v1/appointments?limit=1"_s, {}, m_admin)
                              .json.value("total"_L1)
                              .toInteger();
    // Client B on Mondays at 13:30 for 50 minutes from 2030-02-25: the
    // second occurrence (03-04 13:30-14:20) overlaps the provider's 14:00.
    QJsonObject body = series(m_clientB, u"Monday"_s, u"13:30"_s, u"2030-02-25"_s, 3);
    const Reply r =
        m_server.request("POST", u"/api/v1/recurring-appointments"_s, body, m_reception);
    QCOMPARE(r.status, 409);
    QCOMPARE(r.json.value("code"_L1).toString(), u"SCHEDULING_CONFLICT"_s);
    QCOMPARE(r.json.value("occurrence"_L1).toString(), u"2030-03-04T18:30:00.000Z"_s);
    QCOMPARE(m_server.request("GET", u"/api/v1/appointments?limit=1"_s, {}, m_admin)
                 .json.value("total"_L1)
                 .toInteger(),
             before);
    QCOMPARE(m_server.request("GET", u"/api/v1/recurring-appointments"_s, {}, m_admin)
                 .json.value("count"_L1)
                 .toInt(),
             1);
    body.insert("startDate"_L1, u"2030-03-05T00:00:00.000Z"_s);
    body.insert("recurrencePattern"_L1, u"Fortnightly"_s);
    QCOMPARE(
        m_server.request("POST", u"/api/v1/recurring-appointments"_s, body, m_reception).status,
        400);
}

void ServerSeriesTest::exceptionsSkipAndReschedule() {
    const QString path = u"/api/v1/recurring-appointments/%1/exceptions"_s.arg(m_weekly);
    const Reply skipped = m_server.request(
        "POST", path, {{"date"_L1, u"2030-03-11"_s}, {"reason"_L1, u"Holiday"_s}}, m_reception);
    QCOMPARE(skipped.status, 200);
    QVERIFY(!skipped.json.value("cancelledAppointment"_L1).toString().isEmpty());
    QCOMPARE(skipped.object().value("exceptions"_L1).toArray().size(), 1);
    QCOMPARE(startsOf(m_weekly),
             (QStringList{u"2030-03-04T19:00:00.000Z"_s, u"2030-03-18T18:00:00.000Z"_s,
                          u"2030-03-25T18:00:00.000Z"_s}));

    const Reply moved = m_server.request("POST", path,
                                         {{"date"_L1, u"2030-03-18T00:00:00.000Z"_s},
                                          {"isRescheduled"_L1, true},
                                          {"rescheduledTo"_L1, u"2030-03-19T18:00:00.000Z"_s}},
                                         m_reception);
    QCOMPARE(moved.status, 200);
    QVERIFY(!moved.json.value("rescheduledAppointment"_L1).toString().isEmpty());
    QCOMPARE(startsOf(m_weekly),
             (QStringList{u"2030-03-04T19:00:00.000Z"_s, u"2030-03-19T18:00:00.000Z"_s,
                          u"2030-03-25T18:00:00.000Z"_s}));
    QCOMPARE(m_server.request("POST", path, {{"reason"_L1, u"no date"_s}}, m_reception).status,
             400);
}

void ServerSeriesTest::anExceptionOnADateWithNoOccurrenceIsRecordedAndCancelsNothing() {
    // Wednesdays 2031-09-03, 09-10 and 09-17 at 09:00 New York (13:00 UTC).
    const Reply created = m_server.request(
        "POST", u"/api/v1/recurring-appointments"_s,
        series(m_clientB, u"Wednesday"_s, u"09:00"_s, u"2031-09-03"_s, 3), m_reception);
    QCOMPARE(created.status, 201);
    const QString id = created.object().value("_id"_L1).toString();
    const QString path = u"/api/v1/recurring-appointments/%1/exceptions"_s.arg(id);
    const QStringList all{u"2031-09-03T13:00:00.000Z"_s, u"2031-09-10T13:00:00.000Z"_s,
                          u"2031-09-17T13:00:00.000Z"_s};
    QCOMPARE(startsOf(id), all);

    // A Thursday inside the series, and a day after its end: an EXDATE that
    // matches nothing. Recorded, nothing cancelled, and the answer says so.
    int recorded = 0;
    for (const QString& date : {u"2031-09-11"_s, u"2031-12-31"_s}) {
        const Reply r = m_server.request(
            "POST", path, {{"date"_L1, date}, {"reason"_L1, u"Clinic closed"_s}}, m_reception);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value("cancelledAppointments"_L1), QJsonValue(QJsonArray()));
        QVERIFY(!r.json.contains("cancelledAppointment"_L1));
        ++recorded;
        const QJsonArray exceptions = r.object().value("exceptions"_L1).toArray();
        QCOMPARE(exceptions.size(), recorded);
        bool found = false;
        for (const QJsonValue& e : exceptions)
            found = found || (e["date"_L1].toString().startsWith(date) &&
                              e["reason"_L1].toString() == "Clinic closed"_L1);
        QVERIFY2(found, qPrintable(date));
        QCOMPARE(startsOf(id), all);
    }
    QCOMPARE(startsOf(id, false), all); // nothing cancelled either
    const Reply stored =
        m_server.request("GET", u"/api/v1/recurring-appointments/"_s + id, {}, m_reception);
    QCOMPARE(stored.object().value("exceptions"_L1).toArray().size(), 2);

    // Moving an occurrence that does not exist has nothing to move.
    const Reply move = m_server.request("POST", path,
                                        {{"date"_L1, u"2031-09-12"_s},
                                         {"isRescheduled"_L1, true},
                                         {"rescheduledTo"_L1, u"2031-09-12T14:00:00.000Z"_s}},
                                        m_reception);
    QCOMPARE(move.status, 400);
    QCOMPARE(move.json.value("errors"_L1).toArray().first()["field"_L1].toString(), u"date"_s);

    // A date that is an occurrence still cancels it, and lists it.
    const Reply skipped =
        m_server.request("POST", path, {{"date"_L1, u"2031-09-10"_s}}, m_reception);
    QCOMPARE(skipped.status, 200);
    const QString cancelled = skipped.json.value("cancelledAppointment"_L1).toString();
    QCOMPARE(cancelled.size(), 24);
    QCOMPARE(skipped.json.value("cancelledAppointments"_L1), QJsonValue(QJsonArray{cancelled}));
    QCOMPARE(startsOf(id), (QStringList{all.at(0), all.at(2)}));
}

void ServerSeriesTest::cancelEndsTheFutureOccurrences() {
    const QString path = u"/api/v1/recurring-appointments/%1/cancel"_s.arg(m_weekly);
    QCOMPARE(m_server.request("PUT", path, {}, m_reception).status, 400);
    const Reply r = m_server.request("PUT", path, {{"reason"_L1, u"Discharged"_s}}, m_reception);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value("status"_L1).toString(), u"Cancelled"_s);
    QCOMPARE(r.json.value("cancelledAppointments"_L1).toInt(), 3);
    QVERIFY(startsOf(m_weekly).isEmpty());
}

void ServerSeriesTest::aPatternChangeMovesTheOccurrencesItKeeps() {
    const Reply created = m_server.request(
        "POST", u"/api/v1/recurring-appointments"_s,
        series(m_clientB, u"Tuesday"_s, u"10:00"_s, u"2030-04-02"_s, 3), m_reception);
    QCOMPARE(created.status, 201);
    const QString id = created.object().value("_id"_L1).toString();
    const QJsonArray generated = created.object().value("generatedAppointments"_L1).toArray();
    const Reply changed =
        m_server.request("PUT", u"/api/v1/recurring-appointments/"_s + id,
                         {{"startTime"_L1, u"11:00"_s}}, m_reception, {{"If-Match", "\"1\""}});
    QCOMPARE(changed.status, 200);
    QCOMPARE(changed.json.value("generatedCount"_L1).toInt(), 0);
    QCOMPARE(changed.json.value("updatedCount"_L1).toInt(), 3);
    QCOMPARE(startsOf(id, false),
             (QStringList{u"2030-04-02T15:00:00.000Z"_s, u"2030-04-09T15:00:00.000Z"_s,
                          u"2030-04-16T15:00:00.000Z"_s}));
    QCOMPARE(changed.object().value("generatedAppointments"_L1).toArray(), generated);
    QCOMPARE(m_server
                 .request("PUT", u"/api/v1/recurring-appointments/"_s + id, {{"notes"_L1, u"x"_s}},
                          m_reception, {{"If-Match", "\"1\""}})
                 .status,
             412);
}

void ServerSeriesTest::editAllKeepsAnEditedOccurrencesConfirmation() {
    at(u"2030-05-01T12:00:00.000Z"_s); // a Wednesday
    // Mondays 09:00 (13:00Z) from 04-15: three past, three to come.
    const Reply created = m_server.request(
        "POST", u"/api/v1/recurring-appointments"_s,
        series(m_clientA, u"Monday"_s, u"09:00"_s, u"2030-04-15"_s, 6), m_reception);
    QCOMPARE(created.status, 201);
    const QString id = created.object().value("_id"_L1).toString();
    const QJsonArray booked = appointmentsOf(id);
    QCOMPARE(booked.size(), 6);
    const QString may13 = booked[4]["_id"_L1].toString();
    QCOMPARE(booked[4]["startTime"_L1].toString(), u"2030-05-13T13:00:00.000Z"_s);
    QCOMPARE(m_server
                 .request("PUT", u"/api/v1/appointments/"_s + may13,
                          {{"confirmationStatus"_L1, u"Confirmed"_s},
                           {"notes"_L1, u"Confirmed by phone"_s}},
                          m_reception)
                 .status,
             200);
    const Reply moved =
        m_server.request("POST", u"/api/v1/recurring-appointments/%1/exceptions"_s.arg(id),
                         {{"date"_L1, u"2030-05-20"_s},
                          {"isRescheduled"_L1, true},
                          {"rescheduledTo"_L1, u"2030-05-22T19:00:00.000Z"_s}},
                         m_reception);
    QCOMPARE(moved.status, 200);
    const QJsonArray before = appointmentsOf(id);
    QCOMPARE(before.size(), 7); // the moved one's original is kept, cancelled

    // Edit all: 10:00 for 45 minutes from now on.
    const Reply edited =
        m_server.request("PUT", u"/api/v1/recurring-appointments/"_s + id,
                         {{"startTime"_L1, u"10:00"_s}, {"duration"_L1, 45}}, m_reception);
    QCOMPARE(edited.status, 200);
    QCOMPARE(edited.json.value("updatedCount"_L1).toInt(), 2);
    QCOMPARE(edited.json.value("generatedCount"_L1).toInt(), 0);
    QVERIFY(edited.json.value("removedAppointments"_L1).toArray().isEmpty());
    QCOMPARE(edited.object().value("startTime"_L1).toString(), u"10:00"_s);
    // The record describes the series from the edit on; the count is what
    // is left of it.
    QCOMPARE(edited.object().value("startDate"_L1).toString(), u"2030-05-06T00:00:00.000Z"_s);
    QCOMPARE(edited.object().value("numberOfOccurrences"_L1).toInt(), 3);

    const QJsonArray after = appointmentsOf(id);
    QCOMPARE(after.size(), 7);
    for (int i = 0; i < 3; ++i) // the past, untouched (same version too)
        QCOMPARE(after[i].toObject(), before[i].toObject());
    QCOMPARE(after[3]["_id"_L1], before[3]["_id"_L1]);
    QCOMPARE(after[3]["startTime"_L1].toString(), u"2030-05-06T14:00:00.000Z"_s);
    QCOMPARE(after[3]["endTime"_L1].toString(), u"2030-05-06T14:45:00.000Z"_s);
    QCOMPARE(after[4]["_id"_L1].toString(), may13);
    QCOMPARE(after[4]["startTime"_L1].toString(), u"2030-05-13T14:00:00.000Z"_s);
    QCOMPARE(after[4]["duration"_L1].toInt(), 45);
    QCOMPARE(after[4]["confirmationStatus"_L1].toString(), u"Confirmed"_s);
    QCOMPARE(after[4]["notes"_L1].toString(), u"Confirmed by phone"_s);
    // The occurrence moved on its own stays where it was put.
    QCOMPARE(after[5].toObject(), before[5].toObject());
    QCOMPARE(after[6].toObject(), before[6].toObject());
    QCOMPARE(after[6]["startTime"_L1].toString(), u"2030-05-22T19:00:00.000Z"_s);

    // Shortening by count to one occurrence from 05-06; the moved
    // occurrence is no longer the pattern's but stays booked.
    const Reply shortened = m_server.request("PUT", u"/api/v1/recurring-appointments/"_s + id,
                                             {{"numberOfOccurrences"_L1, 1}}, m_reception);
    QCOMPARE(shortened.status, 200);
    QCOMPARE(shortened.json.value("removedAppointments"_L1).toArray(), QJsonArray{may13});
    QCOMPARE(shortened.json.value("detached"_L1).toArray(), QJsonArray{u"2030-05-20"_s});
    QCOMPARE(startsOf(id),
             (QStringList{u"2030-04-15T13:00:00.000Z"_s, u"2030-04-22T13:00:00.000Z"_s,
                          u"2030-04-29T13:00:00.000Z"_s, u"2030-05-06T14:00:00.000Z"_s,
                          u"2030-05-22T19:00:00.000Z"_s}));
}

void ServerSeriesTest::editAllOnAnotherDayReplacesTheFutureAndChecksConflicts() {
    at(u"2030-05-01T12:00:00.000Z"_s);
    // Thursdays 09:00 from 04-18: 04-18 and 04-25 past, 05-02 .. 05-23 to come.
    const Reply created = m_server.request(
        "POST", u"/api/v1/recurring-appointments"_s,
        series(m_clientB, u"Thursday"_s, u"09:00"_s, u"2030-04-18"_s, 6), m_reception);
    QCOMPARE(created.status, 201);
    const QString id = created.object().value("_id"_L1).toString();
    const QJsonArray before = appointmentsOf(id);
    QCOMPARE(before.size(), 6);
    const Reply blocker = m_server.request("POST", u"/api/v1/appointments"_s,
                                           {{"client"_L1, m_clientA},
                                            {"provider"_L1, m_provider},
                                            {"startTime"_L1, u"2030-05-10T13:20:00.000Z"_s},
                                            {"endTime"_L1, u"2030-05-10T14:00:00.000Z"_s},
                                            {"appointmentType"_L1, u"Individual Therapy"_s}},
                                           m_reception);
    QCOMPARE(blocker.status, 201);
    const QString blockerId = blocker.object().value("_id"_L1).toString();
    const QString cursor = feedCursor();

    const QJsonObject toFriday{{"dayOfWeek"_L1, u"Friday"_s}};
    const QString path = u"/api/v1/recurring-appointments/"_s + id;
    const Reply refused = m_server.request("PUT", path, toFriday, m_reception);
    QCOMPARE(refused.status, 409);
    QCOMPARE(refused.json.value("code"_L1).toString(), u"SCHEDULING_CONFLICT"_s);
    QCOMPARE(refused.json.value("conflicts"_L1).toArray(), QJsonArray{blockerId});
    QCOMPARE(refused.json.value("occurrence"_L1).toString(), u"2030-05-10T13:00:00.000Z"_s);
    QCOMPARE(appointmentsOf(id), before); // nothing written
    QVERIFY(changesSince(cursor).isEmpty());

    QJsonObject override = toFriday;
    override.insert("allowOverlap"_L1, true);
    const Reply edited = m_server.request("PUT", path, override, m_admin);
    QCOMPARE(edited.status, 200);
    QCOMPARE(edited.json.value("generatedCount"_L1).toInt(), 4);
    QStringList removed;
    for (const QJsonValue& v : edited.json.value("removedAppointments"_L1).toArray())
        removed << v.toString();
    QCOMPARE(removed.size(), 4);
    for (int i = 2; i < 6; ++i)
        QVERIFY(removed.contains(before[i]["_id"_L1].toString()));
    QCOMPARE(startsOf(id),
             (QStringList{u"2030-04-18T13:00:00.000Z"_s, u"2030-04-25T13:00:00.000Z"_s,
                          u"2030-05-03T13:00:00.000Z"_s, u"2030-05-10T13:00:00.000Z"_s,
                          u"2030-05-17T13:00:00.000Z"_s, u"2030-05-24T13:00:00.000Z"_s}));
    QStringList tombstones;
    for (const QJsonValue& c : changesSince(cursor)) {
        if (c["op"_L1].toString() == "delete"_L1)
            tombstones << c["_id"_L1].toString();
    }
    tombstones.sort();
    removed.sort();
    QCOMPARE(tombstones, removed);
}

void ServerSeriesTest::thisAndFollowingIsAPutThenAPost() {
    at(u"2030-06-05T12:00:00.000Z"_s); // a Wednesday
    // Thursdays 15:00 (19:00Z) from 05-16 to 07-04: three past, five to come.
    QJsonObject body = series(m_clientA, u"Thursday"_s, u"15:00"_s, u"2030-05-16"_s, 0);
    body.remove("numberOfOccurrences"_L1);
    body.insert("endDate"_L1, u"2030-07-04T00:00:00.000Z"_s);
    const Reply created =
        m_server.request("POST", u"/api/v1/recurring-appointments"_s, body, m_reception);
    QCOMPARE(created.status, 201);
    const QString id = created.object().value("_id"_L1).toString();
    const QJsonArray before = appointmentsOf(id);
    QCOMPARE(before.size(), 8);
    const QString cursor = feedCursor();

    // "This and following" from 06-20, at 16:00: end the old series the day
    // before, then a new series from the cut.
    const Reply ended = m_server.request("PUT", u"/api/v1/recurring-appointments/"_s + id,
                                         {{"endDate"_L1, u"2030-06-19T00:00:00.000Z"_s}},
                                         m_reception, {{"If-Match", "\"1\""}});
    QCOMPARE(ended.status, 200);
    QCOMPARE(ended.json.value("updatedCount"_L1).toInt(), 0);
    QStringList removed;
    for (const QJsonValue& v : ended.json.value("removedAppointments"_L1).toArray())
        removed << v.toString();
    removed.sort();
    QStringList expected{before[5]["_id"_L1].toString(), before[6]["_id"_L1].toString(),
                         before[7]["_id"_L1].toString()};
    expected.sort();
    QCOMPARE(removed, expected);
    body.insert("startTime"_L1, u"16:00"_s);
    body.insert("startDate"_L1, u"2030-06-20T00:00:00.000Z"_s);
    const Reply following =
        m_server.request("POST", u"/api/v1/recurring-appointments"_s, body, m_reception);
    QCOMPARE(following.status, 201);
    QCOMPARE(following.json.value("generatedCount"_L1).toInt(), 3);

    const QJsonArray kept = appointmentsOf(id);
    QCOMPARE(kept.size(), 5);
    for (int i = 0; i < 5; ++i) // the same records, not even a new version
        QCOMPARE(kept[i].toObject(), before[i].toObject());
    QCOMPARE(startsOf(following.object().value("_id"_L1).toString()),
             (QStringList{u"2030-06-20T20:00:00.000Z"_s, u"2030-06-27T20:00:00.000Z"_s,
                          u"2030-07-04T20:00:00.000Z"_s}));
    QStringList tombstones;
    int upserts = 0;
    for (const QJsonValue& c : changesSince(cursor)) {
        if (c["op"_L1].toString() == "delete"_L1)
            tombstones << c["_id"_L1].toString();
        else if (c["type"_L1].toString() == "appointment"_L1)
            ++upserts;
    }
    tombstones.sort();
    QCOMPARE(tombstones, expected);
    QCOMPARE(upserts, 3); // the new series' occurrences only
}

QTEST_GUILESS_MAIN(ServerSeriesTest)
#include "tst_server_series.moc"
