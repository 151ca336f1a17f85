// Calendar dates over HTTP, the way other clients send them (docs/time.md,
// "Calendar dates"): for practices on both sides of UTC, every form of
// Thursday 6 May 2027 in the golden table, in every date field, acts on that
// day: a series starts and ends on it, an exception cancels its session,
// availability and time off cover it, a date of birth comes back unchanged.
// Plus the issue's own examples.
#include "DateGolden.h"
#include "ServerHarness.h"

#include <QJsonArray>
#include <QSet>
#include <QTimeZone>
#include <QtTest>

using namespace Qt::StringLiterals;
using mss::test::Reply;

class ServerDatesTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void everyDateFieldActsOnTheDateMeant_data();
    void everyDateFieldActsOnTheDateMeant();
    void thursdaySeriesStartingThursdayAfternoonStartsThatThursday();
    void exceptionAtAnOccurrencesStartTimeCancelsIt();
    void dateOnlyDateOfBirthIsAcceptedAndAnsweredUnchanged();
    void whatIsNotADateIsRefusedWithItsField();

private:
    void setZone(const QString& zone);
    // Daily sessions of m_seriesProvider at 10:00 local.
    QJsonObject dailySeries(const QJsonObject& dates) const;
    // The local dates of a series' sessions that still hold their time.
    QList<QDate> sessionDates(const QString& seriesId);
    QJsonArray sessions(const QString& seriesId);
    // The local dates on which m_provider has an hour free, 3-9 May 2027.
    QSet<QDate> openDays();
    QString addAvailability(const QJsonObject& fields);
    void removeAvailability(const QString& id);

    mss::test::ServerHarness m_server;
    QByteArray m_admin;
    QString m_provider;       // whose availability is edited
    QString m_seriesProvider; // whose sessions the series book
    QString m_client;
    QTimeZone m_zone;
};

void ServerDatesTest::initTestCase() {
    QVERIFY(m_server.init(u"America/New_York"_s));
    QVERIFY(m_server.setNow(QDateTime(QDate(2027, 4, 1), QTime(12, 0), QTimeZone::utc())));
    QVERIFY(m_server.addUser(u"CLINICIAN"_s));
    QVERIFY(m_server.addUser(u"SUPERVISOR"_s));
    QVERIFY(m_server.start());
    m_admin = m_server.login(u"PRACTICE_ADMIN"_s);
    QVERIFY(!m_admin.isEmpty());
    const auto idOf = [&](const QString& role) {
        return m_server.request("GET", u"/api/v1/auth/me"_s, {}, m_server.login(role))
            .object()
            .value("_id"_L1)
            .toString();
    };
    m_provider = idOf(u"CLINICIAN"_s);
    m_seriesProvider = idOf(u"SUPERVISOR"_s);
    QCOMPARE(m_provider.size(), 24);
    QCOMPARE(m_seriesProvider.size(), 24);
    const Reply client = m_server.request(
        "POST", u"/api/v1/clients"_s, {{"firstName"_L1, u"C"_s}, {"lastName"_L1, u"D"_s}}, m_admin);
    QCOMPARE(client.status, 201);
    m_client = client.object().value("_id"_L1).toString();
}

void ServerDatesTest::setZone(const QString& zone) {
    const Reply r =
        m_server.request("PUT", u"/api/v1/settings"_s, {{"timeZone"_L1, zone}}, m_admin);
    QCOMPARE(r.status, 200);
    m_zone = QTimeZone(zone.toUtf8());
}

QJsonObject ServerDatesTest::dailySeries(const QJsonObject& dates) const {
    QJsonObject body{{"client"_L1, m_client},
                     {"provider"_L1, m_seriesProvider},
                     {"appointmentType"_L1, u"Individual Therapy"_s},
                     {"duration"_L1, 50},
                     {"recurrencePattern"_L1, u"Custom"_s},
                     {"recurrenceRule"_L1, u"FREQ=DAILY"_s},
                     {"startTime"_L1, u"10:00"_s},
                     {"allowOverlap"_L1, true}};
    for (auto it = dates.begin(); it != dates.end(); ++it)
        body.insert(it.key(), it.value());
    return body;
}

QJsonArray ServerDatesTest::sessions(const QString& seriesId) {
    return m_server
        .request("GET",
                 u"/api/v1/appointments?recurringAppointment=%1&sort=startTime&limit=500"
                 u"&status[in]=Scheduled,Confirmed"_s.arg(seriesId),
                 {}, m_admin)
        .data()
        .toArray();
}

QList<QDate> ServerDatesTest::sessionDates(const QString& seriesId) {
    QList<QDate> out;
    for (const QJsonValue& a : sessions(seriesId))
        out << QDateTime::fromString(a["startTime"_L1].toString(), Qt::ISODateWithMs)
                   .toTimeZone(m_zone)
                   .date();
    return out;
}

QSet<QDate> ServerDatesTest::openDays() {
    const Reply open = m_server.request(
        "GET",
        u"/api/v1/staff/%1/open-slots?from=2027-05-02T00:00:00.000Z&to=2027-05-11T00:00:00.000Z&duration=60"_s
            .arg(m_provider),
        {}, m_admin);
    QSet<QDate> days;
    if (open.status != 200) {
        qWarning("open-slots answered %d", open.status);
        return days;
    }
    for (const QJsonValue& s : open.data().toArray())
        days << QDateTime::fromString(s["startTime"_L1].toString(), Qt::ISODateWithMs)
                    .toTimeZone(m_zone)
                    .date();
    return days;
}

QString ServerDatesTest::addAvailability(const QJsonObject& fields) {
    QJsonObject body{{"startTime"_L1, u"09:00"_s}, {"endTime"_L1, u"17:00"_s}};
    for (auto it = fields.begin(); it != fields.end(); ++it)
        body.insert(it.key(), it.value());
    const Reply r = m_server.request("POST", u"/api/v1/staff/%1/availabilities"_s.arg(m_provider),
                                     body, m_admin);
    if (r.status != 201)
        qWarning("availability answered %d: %s", r.status,
                 qPrintable(r.json.value("error"_L1).toString()));
    return r.object().value("_id"_L1).toString();
}

void ServerDatesTest::removeAvailability(const QString& id) {
    QCOMPARE(
        m_server.request("DELETE", u"/api/v1/provider-availabilities/"_s + id, {}, m_admin).status,
        200);
}

void ServerDatesTest::everyDateFieldActsOnTheDateMeant_data() {
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("wire");
    for (const mss::test::GoldenDate& row : mss::test::goldenDates())
        QTest::newRow(qPrintable(mss::test::goldenRowName(row)))
            << QString::fromLatin1(row.zone) << QString::fromLatin1(row.wire);
}

void ServerDatesTest::everyDateFieldActsOnTheDateMeant() {
    QFETCH(QString, zone);
    QFETCH(QString, wire);
    setZone(zone);
    const QDate wed(2027, 5, 5), thu(2027, 5, 6), fri(2027, 5, 7);

    // A series' startDate: the first daily session is on that day, neither
    // the day before nor after.
    Reply r = m_server.request("POST", u"/api/v1/recurring-appointments"_s,
                               dailySeries({{"startDate"_L1, wire}, {"numberOfOccurrences"_L1, 1}}),
                               m_admin);
    QCOMPARE(r.status, 201);
    QCOMPARE(sessionDates(r.object().value("_id"_L1).toString()), QList<QDate>{thu});

    // Its endDate: a daily series from Wednesday runs Wednesday and Thursday.
    r = m_server.request("POST", u"/api/v1/recurring-appointments"_s,
                         dailySeries({{"startDate"_L1, u"2027-05-05"_s}, {"endDate"_L1, wire}}),
                         m_admin);
    QCOMPARE(r.status, 201);
    QCOMPARE(sessionDates(r.object().value("_id"_L1).toString()), (QList<QDate>{wed, thu}));

    // An exception's date: Thursday's session is the one cancelled.
    r = m_server.request(
        "POST", u"/api/v1/recurring-appointments"_s,
        dailySeries({{"startDate"_L1, u"2027-05-05"_s}, {"numberOfOccurrences"_L1, 3}}), m_admin);
    QCOMPARE(r.status, 201);
    const QString series = r.object().value("_id"_L1).toString();
    const QString thursdaySession = sessions(series).at(1)["_id"_L1].toString();
    r = m_server.request("POST", u"/api/v1/recurring-appointments/%1/exceptions"_s.arg(series),
                         {{"date"_L1, wire}, {"reason"_L1, u"Holiday"_s}}, m_admin);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value("cancelledAppointment"_L1).toString(), thursdaySession);
    QCOMPARE(sessionDates(series), (QList<QDate>{wed, fri}));

    // Availability: a one-off block, and a weekly Thursday block, from and
    // to the date, open that day only.
    QVERIFY(openDays().isEmpty());
    for (const bool recurring : {false, true}) {
        QJsonObject block{
            {"isRecurring"_L1, recurring}, {"effectiveDate"_L1, wire}, {"endDate"_L1, wire}};
        if (recurring)
            block.insert("dayOfWeek"_L1, u"Thursday"_s);
        const QString id = addAvailability(block);
        QVERIFY(!id.isEmpty());
        QCOMPARE(openDays(), QSet<QDate>{thu});
        removeAvailability(id);
    }

    // Time off on the date takes that day out of Wednesday to Friday.
    const QString open = addAvailability({{"isRecurring"_L1, false},
                                          {"effectiveDate"_L1, u"2027-05-05"_s},
                                          {"endDate"_L1, u"2027-05-07"_s}});
    QVERIFY(!open.isEmpty());
    QCOMPARE(openDays(), (QSet<QDate>{wed, thu, fri}));
    const QString off = addAvailability({{"isRecurring"_L1, false},
                                         {"isAvailable"_L1, false},
                                         {"startTime"_L1, u"00:00"_s},
                                         {"endTime"_L1, u"24:00"_s},
                                         {"effectiveDate"_L1, wire}});
    QVERIFY(!off.isEmpty());
    QCOMPARE(openDays(), (QSet<QDate>{wed, fri}));
    removeAvailability(off);
    removeAvailability(open);

    // A date of birth is answered exactly as sent.
    r = m_server.request(
        "POST", u"/api/v1/clients"_s,
        {{"firstName"_L1, u"B"_s}, {"lastName"_L1, u"E"_s}, {"dateOfBirth"_L1, wire}}, m_admin);
    QCOMPARE(r.status, 201);
    QCOMPARE(r.object().value("dateOfBirth"_L1).toString(), wire);
    const QString clientId = r.object().value("_id"_L1).toString();
    QCOMPARE(m_server.request("GET", u"/api/v1/clients/"_s + clientId, {}, m_admin)
                 .object()
                 .value("dateOfBirth"_L1)
                 .toString(),
             wire);
}

void ServerDatesTest::thursdaySeriesStartingThursdayAfternoonStartsThatThursday() {
    // The example: 2027-05-06T15:30:00.000Z is Thursday 11:30 in
    // New York; rounding to the nearest UTC midnight made it Friday, and
    // the series started a week late.
    setZone(u"America/New_York"_s);
    QJsonObject body = dailySeries(
        {{"startDate"_L1, u"2027-05-06T15:30:00.000Z"_s}, {"numberOfOccurrences"_L1, 2}});
    body.remove("recurrenceRule"_L1);
    body.insert("recurrencePattern"_L1, u"Weekly"_s);
    body.insert("dayOfWeek"_L1, u"Thursday"_s);
    body.insert("startTime"_L1, u"11:30"_s);
    const Reply r = m_server.request("POST", u"/api/v1/recurring-appointments"_s, body, m_admin);
    QCOMPARE(r.status, 201);
    // Answered in the contract's form, the instant as sent.
    QCOMPARE(r.object().value("startDate"_L1).toString(), u"2027-05-06T15:30:00.000Z"_s);
    const QJsonArray list = sessions(r.object().value("_id"_L1).toString());
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0)["startTime"_L1].toString(), u"2027-05-06T15:30:00.000Z"_s);
    QCOMPARE(list.at(1)["startTime"_L1].toString(), u"2027-05-13T15:30:00.000Z"_s);
}

void ServerDatesTest::exceptionAtAnOccurrencesStartTimeCancelsIt() {
    // The MentalSpace frontend names the occurrence by its startTime: any
    // afternoon in New York is the next day in UTC.
    for (const QString& zone : {u"America/New_York"_s, u"Pacific/Auckland"_s}) {
        setZone(zone);
        QJsonObject body =
            dailySeries({{"startDate"_L1, u"2027-05-03"_s}, {"numberOfOccurrences"_L1, 3}});
        body.remove("recurrenceRule"_L1);
        body.insert("recurrencePattern"_L1, u"Weekly"_s);
        body.insert("dayOfWeek"_L1, u"Thursday"_s);
        body.insert("startTime"_L1, u"16:30"_s);
        Reply r = m_server.request("POST", u"/api/v1/recurring-appointments"_s, body, m_admin);
        QCOMPARE(r.status, 201);
        const QString series = r.object().value("_id"_L1).toString();
        const QJsonObject second = sessions(series).at(1).toObject();
        r = m_server.request("POST", u"/api/v1/recurring-appointments/%1/exceptions"_s.arg(series),
                             {{"date"_L1, second.value("startTime"_L1)}}, m_admin);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value("cancelledAppointment"_L1).toString(),
                 second.value("_id"_L1).toString());
        QCOMPARE(sessions(series).size(), 2);
    }
}

void ServerDatesTest::dateOnlyDateOfBirthIsAcceptedAndAnsweredUnchanged() {
    const Reply r = m_server.request(
        "POST", u"/api/v1/clients"_s,
        {{"firstName"_L1, u"Ada"_s}, {"lastName"_L1, u"L"_s}, {"dateOfBirth"_L1, u"1985-07-14"_s}},
        m_admin);
    QCOMPARE(r.status, 201);
    QCOMPARE(r.object().value("dateOfBirth"_L1).toString(), u"1985-07-14"_s);
    const QString id = r.object().value("_id"_L1).toString();
    const Reply changed = m_server.request("PUT", u"/api/v1/clients/"_s + id,
                                           {{"firstName"_L1, u"Augusta"_s}}, m_admin);
    QCOMPARE(changed.status, 200);
    QCOMPARE(changed.object().value("dateOfBirth"_L1).toString(), u"1985-07-14"_s);
}

void ServerDatesTest::whatIsNotADateIsRefusedWithItsField() {
    const Reply r = m_server.request(
        "POST", u"/api/v1/clients"_s,
        {{"firstName"_L1, u"Ada"_s}, {"lastName"_L1, u"L"_s}, {"dateOfBirth"_L1, u"14/07/1985"_s}},
        m_admin);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json.value("errors"_L1).toArray().first()["field"_L1].toString(), u"dateOfBirth"_s);
    const Reply s = m_server.request(
        "POST", u"/api/v1/recurring-appointments"_s,
        dailySeries({{"startDate"_L1, u"2027-05-06T11:30:00"_s}, {"numberOfOccurrences"_L1, 1}}),
        m_admin);
    QCOMPARE(s.status, 400);
    QCOMPARE(s.json.value("errors"_L1).toArray().first()["field"_L1].toString(), u"startDate"_s);
}

QTEST_GUILESS_MAIN(ServerDatesTest)
#include "tst_server_dates.moc"
