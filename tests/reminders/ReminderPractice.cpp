#include "ReminderPractice.h"

#include "ServerClock.h"
#include "TestDatabase.h"

#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

namespace mss::test {

using namespace Qt::StringLiterals;

void ReminderPractice::setNow(const QDateTime& now) {
    m_now = now;
    QVERIFY(mss::test::writeServerClock(m_clockFile, now));
}

void ReminderPractice::settle() {
    // The scheduler runs every 100 ms here; a few runs let claims finish.
    QTest::qWait(600);
}

QString ReminderPractice::book(const QDateTime& start, const QString& client) {
    const Reply r = call("POST", u"/api/v1/appointments"_s,
                         {{"client"_L1, client},
                          {"provider"_L1, m_provider},
                          {"startTime"_L1, start.toString(Qt::ISODateWithMs)},
                          {"endTime"_L1, start.addSecs(50 * 60).toString(Qt::ISODateWithMs)},
                          {"appointmentType"_L1, u"Individual Therapy"_s},
                          {"allowOverlap"_L1, true}});
    if (r.status != 201)
        qWarning() << r.body;
    return r.data().toObject().value("_id"_L1).toString();
}

void ReminderPractice::initTestCase() {
    QVERIFY(m_mail.start());
    const quint16 smtpPort = m_mail.port();
    QVERIFY(m_gateway.listen(QHostAddress::LocalHost, 0));
    m_smtpGate.upstreamPort = smtpPort;
    QVERIFY(m_smtpGate.listen(QHostAddress::LocalHost, 0));

    QVERIFY(m_server.init());
    QVERIFY(m_server.addUser(u"clinician@example.org"_s, u"CLINICIAN"_s, "another long password"));
    m_clockFile = m_server.dataDir() + u"/../clock-%1"_s.arg(smtpPort);
    setNow(QDateTime(QDate(2030, 3, 4), QTime(12, 0), Qt::UTC));
    m_serveArgs = {u"--clock-file"_s, m_clockFile, u"--reminder-interval-ms"_s, u"100"_s};
    QVERIFY(m_server.start(m_serveArgs));

    const Reply login = m_api.signIn(QString::fromLatin1(ServerProcess::adminEmail),
                                     QString::fromLatin1(ServerProcess::adminPassword));
    QCOMPARE(login.status, 200);
    QVERIFY(!m_api.token().isEmpty());

    m_savedSettings =
        call("PUT", u"/api/v1/settings/reminders"_s,
             {{"smtpHost"_L1, u"127.0.0.1"_s},
              {"smtpPort"_L1, m_smtpGate.serverPort()},
              {"smtpFrom"_L1, u"reminders@practice.example"_s},
              {"smtpPassword"_L1, u"smtp secret"_s},
              {"smsUrl"_L1,
               u"http://127.0.0.1:%1/2010-04-01/Messages.json"_s.arg(m_gateway.serverPort())},
              {"smsAccount"_L1, u"AC123"_s},
              {"smsToken"_L1, u"gateway token"_s},
              {"smsFrom"_L1, u"+15550001111"_s},
              {"smsInboundSecret"_L1, u"inbound-secret"_s},
              {"practiceName"_L1, u"Riverside Counseling"_s},
              {"publicBaseUrl"_L1, m_server.url().toString()}});
    const Reply& settings = m_savedSettings;
    QCOMPARE(settings.status, 200);
    // Credentials never come back in clear.
    QVERIFY(!settings.body.contains("smtp secret"));
    QVERIFY(!settings.body.contains("gateway token"));
    QCOMPARE(settings.data()["smsToken"_L1]["set"_L1].toBool(), true);
    if (!m_server.databaseUrl()) {
        QFile db(m_server.dataDir() + u"/mentalspace.db"_s);
        QVERIFY(db.open(QIODevice::ReadOnly));
        QVERIFY(!db.readAll().contains("gateway token"));
    }
    {
        mss::test::TestDatabase db(u"settings"_s, m_server.dataDir(), m_server.databaseUrl());
        QVERIFY(db.isOpen());
        QSqlQuery q(db.sql());
        QVERIFY(q.exec(u"SELECT value FROM settings"_s));
        int rows = 0;
        for (; q.next(); ++rows)
            QVERIFY(!q.value(0).toString().contains(u"gateway token"_s));
        QVERIFY(rows > 0);
    }

    // The clinician is the provider.
    const Reply staff = call("GET", u"/api/v1/staff?role=CLINICIAN"_s);
    QCOMPARE(staff.status, 200);
    m_provider = staff.data().toArray().at(0)["_id"_L1].toString();
    QVERIFY(!m_provider.isEmpty());
    const auto client = [&](const QString& first, const QString& phone, const QString& lang) {
        QJsonObject c{{"firstName"_L1, first},
                      {"lastName"_L1, u"Test"_s},
                      {"email"_L1, QString(first.toLower() + u"@client.example"_s)},
                      {"phone"_L1, phone}};
        if (!lang.isEmpty())
            c.insert("preferredLanguage"_L1, lang);
        const Reply r = call("POST", u"/api/v1/clients"_s, c);
        return r.data()["_id"_L1].toString();
    };
    m_client = client(u"Ada"_s, u"+15551234567"_s, {});
    m_spanishClient = client(u"Lucia"_s, u"+15557654321"_s, u"es"_s);
    QVERIFY(!m_client.isEmpty());
    QVERIFY(!m_spanishClient.isEmpty());
}

void ReminderPractice::cleanupTestCase() {
    m_server.stop();
    m_mail.stop();
}
} // namespace mss::test
