// FHIR R4 on the real server (docs/fhir.md): the status mapping, minimum
// necessary through FHIR (a clinician's view of a colleague's appointment
// and of clients off their caseload), and refusals as OperationOutcomes.
// tests/fhir drives the same endpoints with a FHIR client library and the
// official schema.
#include "ServerHarness.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using mss::test::Reply;
using mss::test::ServerHarness;

class ServerFhirTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void statusesAreMappedExplicitly_data();
    void statusesAreMappedExplicitly();
    void searchByStatusFindsWhatTheMappingSays();
    void clinicianSeesColleaguesAppointmentsAsBusy();
    void clinicianReadsOnlyTheirCaseloadAsPatients();
    void refusalsAreOperationOutcomes_data();
    void refusalsAreOperationOutcomes();

private:
    QString book(const QString& provider, const QString& start, const QString& status);
    static QJsonObject participant(const QJsonObject& appointment, const QString& type);

    ServerHarness m_server;
    QByteArray m_admin, m_clinician, m_support;
    QString m_adminId, m_clinicianId, m_client, m_otherClient;
    int m_booked = 0;
};

void ServerFhirTest::initTestCase() {
    QVERIFY(m_server.init());
    QVERIFY(m_server.addUser(u"CLINICIAN"_s));
    QVERIFY(m_server.addUser(u"SUPPORT"_s));
    QVERIFY(m_server.setNow(QDateTime::fromString(u"2030-06-01T12:00:00.000Z"_s, Qt::ISODate)));
    QVERIFY(m_server.start());
    m_admin = m_server.login(u"PRACTICE_ADMIN"_s);
    m_clinician = m_server.login(u"CLINICIAN"_s);
    m_support = m_server.login(u"SUPPORT"_s);
    QVERIFY(!m_admin.isEmpty() && !m_clinician.isEmpty() && !m_support.isEmpty());
    m_adminId = m_server.request("GET", u"/api/v1/auth/me"_s, {}, m_admin)
                    .object()
                    .value("_id"_L1)
                    .toString();
    m_clinicianId = m_server.request("GET", u"/api/v1/auth/me"_s, {}, m_clinician)
                        .object()
                        .value("_id"_L1)
                        .toString();
    const auto client = [&](const QString& last) {
        return m_server
            .request("POST", u"/api/v1/clients"_s,
                     {{"firstName"_L1, u"Ada"_s}, {"lastName"_L1, last}}, m_admin)
            .object()
            .value("_id"_L1)
            .toString();
    };
    m_client = client(u"Lovelace"_s);
    m_otherClient = client(u"Byron"_s);
    QVERIFY(!m_client.isEmpty() && !m_otherClient.isEmpty());
}

// A 50-minute appointment of m_client with `provider`, on its own hour.
QString ServerFhirTest::book(const QString& provider, const QString& start, const QString& status) {
    const QDateTime at = QDateTime::fromString(start, Qt::ISODate);
    const Reply r =
        m_server.request("POST", u"/api/v1/appointments"_s,
                         {{"client"_L1, provider == m_clinicianId ? m_client : m_otherClient},
                          {"provider"_L1, provider},
                          {"startTime"_L1, at.toString(Qt::ISODateWithMs)},
                          {"endTime"_L1, at.addSecs(50 * 60).toString(Qt::ISODateWithMs)},
                          {"appointmentType"_L1, u"Individual Therapy"_s},
                          {"status"_L1, status}},
                         m_admin);
    ++m_booked;
    return r.status == 201 ? r.object().value("_id"_L1).toString() : QString();
}

QJsonObject ServerFhirTest::participant(const QJsonObject& appointment, const QString& type) {
    for (const QJsonValue& p : appointment.value("participant"_L1).toArray()) {
        if (p.toObject()
                .value("actor"_L1)
                .toObject()
                .value("reference"_L1)
                .toString()
                .startsWith(type + u'/'))
            return p.toObject();
    }
    return {};
}

void ServerFhirTest::statusesAreMappedExplicitly_data() {
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("fhirStatus");
    QTest::addColumn<QString>("patientStatus");
    QTest::newRow("Scheduled") << u"Scheduled"_s << u"booked"_s << u"needs-action"_s;
    QTest::newRow("Confirmed") << u"Confirmed"_s << u"booked"_s << u"accepted"_s;
    QTest::newRow("Cancelled") << u"Cancelled"_s << u"cancelled"_s << u"needs-action"_s;
    QTest::newRow("No-Show") << u"No-Show"_s << u"noshow"_s << u"needs-action"_s;
    QTest::newRow("Completed") << u"Completed"_s << u"fulfilled"_s << u"accepted"_s;
    QTest::newRow("Rescheduled") << u"Rescheduled"_s << u"cancelled"_s << u"needs-action"_s;
}

void ServerFhirTest::statusesAreMappedExplicitly() {
    QFETCH(QString, status);
    QFETCH(QString, fhirStatus);
    QFETCH(QString, patientStatus);
    const QString start = u"2030-06-03T%1:00:00.000Z"_s.arg(10 + m_booked, 2, 10, QChar(u'0'));
    const QString id = book(m_adminId, start, status);
    QVERIFY2(!id.isEmpty(), qPrintable(status));
    const Reply r = m_server.request("GET", u"/fhir/R4/Appointment/"_s + id, {}, m_admin);
    QCOMPARE(r.status, 200);
    QVERIFY(r.headers.value("content-type").startsWith("application/fhir+json"));
    QCOMPARE(r.json.value("resourceType"_L1).toString(), u"Appointment"_s);
    QCOMPARE(r.json.value("status"_L1).toString(), fhirStatus);
    QCOMPARE(r.json.value("start"_L1).toString(), start);
    QCOMPARE(r.json.value("minutesDuration"_L1).toInt(), 50);
    QCOMPARE(participant(r.json, u"Patient"_s).value("status"_L1).toString(), patientStatus);
    QCOMPARE(
        participant(r.json, u"Practitioner"_s).value("actor"_L1).toObject().value("reference"_L1),
        QJsonValue(u"Practitioner/"_s + m_adminId));
    QCOMPARE(r.json.value("appointmentType"_L1).toObject().value("text"_L1).toString(),
             u"Individual Therapy"_s);
}

void ServerFhirTest::searchByStatusFindsWhatTheMappingSays() {
    const auto search = [&](const QString& query) {
        const Reply r = m_server.request("GET", u"/fhir/R4/Appointment?"_s + query, {}, m_admin);
        QStringList statuses;
        for (const QJsonValue& e : r.json.value("entry"_L1).toArray())
            statuses << e.toObject().value("resource"_L1).toObject().value("status"_L1).toString();
        return statuses;
    };
    // The six of statusesAreMappedExplicitly, 10:00 to 15:00 UTC on June 3.
    QCOMPARE(search(u"status=cancelled&date=ge2030-06-03T00:00:00Z"_s).size(), 2);
    QCOMPARE(search(u"status=booked,noshow&date=ge2030-06-03T00:00:00Z"_s).size(), 3);
    QCOMPARE(search(u"status=arrived"_s).size(), 0);
    // Day ranges: lt the day is before it, le the day is through its end.
    QCOMPARE(search(u"date=lt2030-06-03"_s).size(), 0);
    QCOMPARE(search(u"date=le2030-06-03"_s).size(), 6);
    QCOMPARE(search(u"date=gt2030-06-03T11:00:00Z&date=lt2030-06-03T13:00:00Z"_s).size(), 1);
    QCOMPARE(search(u"date=eq2030-06-03T12:00Z"_s).size(), 1);
}

void ServerFhirTest::clinicianSeesColleaguesAppointmentsAsBusy() {
    const QString colleagues = book(m_adminId, u"2030-06-04T14:00:00.000Z"_s, u"Scheduled"_s);
    const QString own = book(m_clinicianId, u"2030-06-04T15:00:00.000Z"_s, u"Scheduled"_s);
    QVERIFY(!colleagues.isEmpty() && !own.isEmpty());
    Reply r = m_server.request("GET", u"/fhir/R4/Appointment/"_s + colleagues, {}, m_clinician);
    QCOMPARE(r.status, 200);
    QVERIFY(participant(r.json, u"Patient"_s).isEmpty());
    QVERIFY(!r.json.contains("appointmentType"_L1));
    QCOMPARE(r.json.value("status"_L1).toString(), u"booked"_s);
    QVERIFY(!QJsonDocument(r.json).toJson().contains(m_otherClient.toLatin1()));
    r = m_server.request("GET", u"/fhir/R4/Appointment/"_s + own, {}, m_clinician);
    QCOMPARE(participant(r.json, u"Patient"_s).value("actor"_L1).toObject().value("reference"_L1),
             QJsonValue(u"Patient/"_s + m_client));
    // The same day in a search: both, the colleague's still without a patient.
    r = m_server.request("GET", u"/fhir/R4/Appointment?date=2030-06-04"_s, {}, m_clinician);
    QCOMPARE(r.json.value("total"_L1).toInt(), 2);
    QVERIFY(!QJsonDocument(r.json).toJson().contains(m_otherClient.toLatin1()));
    // A search by the colleague's client cannot look behind the busy block.
    r = m_server.request("GET", u"/fhir/R4/Appointment?patient="_s + m_otherClient, {},
                         m_clinician);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value("total"_L1).toInt(), 0);
    r = m_server.request("GET", u"/fhir/R4/Appointment?patient="_s + m_otherClient, {}, m_admin);
    QVERIFY(r.json.value("total"_L1).toInt() > 0);
}

void ServerFhirTest::clinicianReadsOnlyTheirCaseloadAsPatients() {
    Reply r = m_server.request("GET", u"/fhir/R4/Patient/"_s + m_otherClient, {}, m_clinician);
    QCOMPARE(r.status, 404);
    QCOMPARE(r.json.value("resourceType"_L1).toString(), u"OperationOutcome"_s);
    r = m_server.request("GET", u"/fhir/R4/Patient/"_s + m_client, {}, m_clinician);
    QCOMPARE(r.status, 200);
    r = m_server.request("GET", u"/fhir/R4/Patient"_s, {}, m_clinician);
    QCOMPARE(r.json.value("total"_L1).toInt(), 1);
    r = m_server.request("GET", u"/fhir/R4/Patient"_s, {}, m_admin);
    QCOMPARE(r.json.value("total"_L1).toInt(), 2);
}

void ServerFhirTest::refusalsAreOperationOutcomes_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("who");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("issueCode");
    QTest::addColumn<QString>("named");
    QTest::newRow("unknown parameter") << u"/fhir/R4/Appointment?colour=blue"_s << u"admin"_s << 400
                                       << u"invalid"_s << u"colour"_s;
    QTest::newRow("malformed date") << u"/fhir/R4/Appointment?date=ge2030-02-30"_s << u"admin"_s
                                    << 400 << u"invalid"_s << u"date"_s;
    QTest::newRow("unsupported prefix") << u"/fhir/R4/Appointment?date=sa2030-02-03"_s << u"admin"_s
                                        << 400 << u"invalid"_s << u"date"_s;
    QTest::newRow("unknown status") << u"/fhir/R4/Appointment?status=Scheduled"_s << u"admin"_s
                                    << 400 << u"invalid"_s << u"status"_s;
    QTest::newRow("bare actor") << u"/fhir/R4/Appointment?actor=ffffffffffffffffffffffff"_s
                                << u"admin"_s << 400 << u"invalid"_s << u"actor"_s;
    QTest::newRow("_count too large")
        << u"/fhir/R4/Slot?_count=501"_s << u"admin"_s << 400 << u"invalid"_s << u"_count"_s;
    QTest::newRow("slot window too long")
        << u"/fhir/R4/Slot?start=ge2030-01-01&start=lt2030-12-31"_s << u"admin"_s << 400
        << u"invalid"_s << u"start"_s;
    QTest::newRow("no token") << u"/fhir/R4/Appointment"_s << u"nobody"_s << 401 << u"login"_s
                              << QString();
    QTest::newRow("role without ReadSchedule")
        << u"/fhir/R4/Slot"_s << u"support"_s << 403 << u"forbidden"_s << QString();
    QTest::newRow("no such appointment") << u"/fhir/R4/Appointment/ffffffffffffffffffffffff"_s
                                         << u"admin"_s << 404 << u"not-found"_s << QString();
    QTest::newRow("no such resource type")
        << u"/fhir/R4/Observation"_s << u"admin"_s << 404 << u"not-found"_s << QString();
}

void ServerFhirTest::refusalsAreOperationOutcomes() {
    QFETCH(QString, path);
    QFETCH(QString, who);
    QFETCH(int, status);
    QFETCH(QString, issueCode);
    QFETCH(QString, named);
    const QByteArray token = who == "admin"_L1 ? m_admin : who == "support"_L1 ? m_support : "";
    const Reply r = m_server.request("GET", path, {}, token);
    QCOMPARE(r.status, status);
    QVERIFY(r.headers.value("content-type").startsWith("application/fhir+json"));
    QCOMPARE(r.json.value("resourceType"_L1).toString(), u"OperationOutcome"_s);
    const QJsonObject issue = r.json.value("issue"_L1).toArray().first().toObject();
    QCOMPARE(issue.value("severity"_L1).toString(), u"error"_s);
    QCOMPARE(issue.value("code"_L1).toString(), issueCode);
    QVERIFY(!issue.value("diagnostics"_L1).toString().isEmpty());
    if (!named.isEmpty()) {
        QCOMPARE(issue.value("expression"_L1).toArray().first().toString(), named);
        QVERIFY2(issue.value("diagnostics"_L1).toString().contains(named),
                 qPrintable(issue.value("diagnostics"_L1).toString()));
    }
}

QTEST_GUILESS_MAIN(ServerFhirTest)
#include "tst_server_fhir.moc"
