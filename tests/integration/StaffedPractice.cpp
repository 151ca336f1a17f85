#include "StaffedPractice.h"

#include <QDateTime>
#include <QtTest>

namespace mss::test {

using namespace Qt::StringLiterals;

QJsonArray StaffedPractice::withoutClients(const QJsonArray& changes) {
    QJsonArray out;
    for (const QJsonValue c : changes) {
        if (c["type"_L1].toString() != "client"_L1)
            out.append(c);
    }
    return out;
}

QJsonObject StaffedPractice::appointment(const QString& start, int minutes, const QString& client,
                                         const QString& provider) const {
    const QDateTime s = QDateTime::fromString(start, Qt::ISODateWithMs);
    return {{"client"_L1, client},
            {"provider"_L1, provider.isEmpty() ? m_provider : provider},
            {"startTime"_L1, start},
            {"endTime"_L1, s.addSecs(minutes * 60).toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s)},
            {"appointmentType"_L1, u"Individual Therapy"_s}};
}

QString StaffedPractice::create(const QJsonObject& body, const QByteArray& token) {
    const Reply r = m_server.request("POST", u"/api/v1/appointments"_s, body,
                                     token.isEmpty() ? m_reception : token);
    if (r.status != 201)
        qWarning() << r.status << r.json;
    return r.object().value("_id"_L1).toString();
}

qint64 StaffedPractice::appointmentCount() {
    return m_server.request("GET", u"/api/v1/appointments?limit=1"_s, {}, m_admin)
        .json.value("total"_L1)
        .toInteger();
}

void StaffedPractice::initTestCase() {
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

} // namespace mss::test
