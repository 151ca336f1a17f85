// Recurring series over HTTP: occurrences generated in the practice zone
// (across a DST change), booked all-or-nothing, exceptions, cancel, and a
// pattern change.
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
    void cancelEndsTheFutureOccurrences();
    void aPatternChangeRebooksTheFuture();

private:
    QJsonObject series(const QString& client, const QString& day, const QString& time,
                       const QString& startDate, int count) const;
    QStringList startsOf(const QString& seriesId, bool holdingOnly = true);

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

void ServerSeriesTest::initTestCase() {
    QVERIFY(m_server.init(u"America/New_York"_s));
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
    QCOMPARE(m_server.request("POST", path, {{"date"_L1, u"2030-03-12"_s}}, m_reception).status,
             400); // not an occurrence
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

void ServerSeriesTest::aPatternChangeRebooksTheFuture() {
    const Reply created = m_server.request(
        "POST", u"/api/v1/recurring-appointments"_s,
        series(m_clientB, u"Tuesday"_s, u"10:00"_s, u"2030-04-02"_s, 3), m_reception);
    QCOMPARE(created.status, 201);
    const QString id = created.object().value("_id"_L1).toString();
    const Reply changed =
        m_server.request("PUT", u"/api/v1/recurring-appointments/"_s + id,
                         {{"startTime"_L1, u"11:00"_s}}, m_reception, {{"If-Match", "\"1\""}});
    QCOMPARE(changed.status, 200);
    QCOMPARE(changed.json.value("generatedCount"_L1).toInt(), 3);
    QCOMPARE(startsOf(id, false),
             (QStringList{u"2030-04-02T15:00:00.000Z"_s, u"2030-04-09T15:00:00.000Z"_s,
                          u"2030-04-16T15:00:00.000Z"_s}));
    QCOMPARE(changed.object().value("generatedAppointments"_L1).toArray().size(), 3);
    QCOMPARE(m_server
                 .request("PUT", u"/api/v1/recurring-appointments/"_s + id, {{"notes"_L1, u"x"_s}},
                          m_reception, {{"If-Match", "\"1\""}})
                 .status,
             412);
}

QTEST_GUILESS_MAIN(ServerSeriesTest)
#include "tst_server_series.moc"
