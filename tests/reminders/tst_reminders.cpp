// Reminders end to end: the real server, a real SMTP server (aiosmtpd,
// writing a Maildir) and an SMS gateway stand-in (a QTcpServer answering
// form POSTs), with the server's "now" read from a file this test rewrites.
#include "ClockedApi.h"
#include "MailCatcher.h"
#include "MessageStandIns.h"
#include "ServerClock.h"
#include "ServerProcess.h"
#include "TestDatabase.h"

#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

#include <memory>
#include <utility>

using namespace Qt::StringLiterals;
using mss::test::ClockedApi;
using mss::test::freePort;
using mss::test::MailCatcher;
using mss::test::ServerProcess;
using mss::test::SmsGateway;
using mss::test::SmtpGate;

using mss::test::Reply;

class tst_reminders : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void emailAt24HoursAndSmsAt2Hours();
    void cancelledAppointmentSendsNothing();
    void movedAppointmentsReminderMovesWithIt();
    void confirmAndDeclineChangeTheStatusOnce();
    void forgedOrExpiredTokenIsRefused();
    void failuresAreRetriedAndListedForAdmins();
    void aStalledSmtpServerHoldsUpNoRequest();
    void aStalledTestSendHoldsNoWriteLock();
    void aKillBetweenClaimAndSendSendsOnce();
    void aStopDuringASendRetriesItOnce();
    void badSettingsAreRefusedNamingTheField_data();
    void badSettingsAreRefusedNamingTheField();
    void badTestSendsAreRefusedNamingTheField_data();
    void badTestSendsAreRefusedNamingTheField();
    void absurdReminderOffsetsAreRefusedNamingTheField();
    void aTestSendArrives();
    void aTestSendUsesTheSavedSpanishTemplate();

private:
    Reply call(const QByteArray& method, const QString& path, const QJsonObject& body = {},
               bool auth = true) {
        return m_api.call(method, path, body, auth);
    }
    void setNow(const QDateTime& now);
    QDateTime now() const { return m_now; }
    QString book(const QDateTime& start, const QString& client);
    QStringList mails() const { return m_mail.mails(); }
    // The one message received besides those in `seen` (MailCatcher::names()),
    // or empty: Maildir names do not order messages within one second.
    QString newMail(const QStringList& seen) const {
        const QStringList fresh = m_mail.mailsBut(seen);
        return fresh.size() == 1 ? fresh.constFirst() : QString();
    }
    // Waits until the server's scheduler has run at least once more.
    void settle();

    ServerProcess m_server;
    MailCatcher m_mail;
    SmsGateway m_gateway;
    SmtpGate m_smtpGate;
    QStringList m_serveArgs;
    ClockedApi m_api{m_server};
    QString m_clockFile;
    QDateTime m_now;
    QString m_provider;
    QString m_client;
    QString m_spanishClient;
};

void tst_reminders::setNow(const QDateTime& now) {
    m_now = now;
    QVERIFY(mss::test::writeServerClock(m_clockFile, now));
}

void tst_reminders::settle() {
    // The scheduler runs every 100 ms here; a few runs let claims finish.
    QTest::qWait(600);
}

QString tst_reminders::book(const QDateTime& start, const QString& client) {
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

void tst_reminders::initTestCase() {
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

    const Reply settings =
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

void tst_reminders::cleanupTestCase() {
    m_server.stop();
    m_mail.stop();
}

void tst_reminders::emailAt24HoursAndSmsAt2Hours() {
    const QDateTime start = now().addSecs(25 * 3600);
    const QString id = book(start, m_client);
    QVERIFY(!id.isEmpty());
    const qsizetype mailsBefore = mails().size();
    const QStringList seen = m_mail.names();
    const qsizetype smsBefore = m_gateway.received.size();
    settle();
    QCOMPARE(mails().size(), mailsBefore); // 25 h before: nothing yet

    setNow(start.addSecs(-24 * 3600 - 60));
    settle();
    QCOMPARE(mails().size(), mailsBefore);
    setNow(start.addSecs(-24 * 3600));
    QTRY_COMPARE_WITH_TIMEOUT(mails().size(), mailsBefore + 1, 5000);
    const QString mail = newMail(seen);
    QVERIFY(mail.contains(u"Message-ID: <%1.email.reminder@practice.example>"_s.arg(id)));
    QVERIFY(mail.contains(u"multipart/alternative"_s));
    QVERIFY(mail.contains(u"text/html"_s));
    QCOMPARE(m_gateway.received.size(), smsBefore);

    // "Sent" is committed just after the SMTP server took the message.
    QTRY_COMPARE_WITH_TIMEOUT(
        call("GET", u"/api/v1/appointments/"_s + id).data()["confirmationStatus"_L1].toString(),
        u"Sent"_s, 5000);
    const Reply after = call("GET", u"/api/v1/appointments/"_s + id);
    QVERIFY(after.data()["reminderSettings"_L1]["email"_L1]["sent"_L1].toBool());
    QVERIFY(!after.data()["reminderSettings"_L1]["sms"_L1]["sent"_L1].toBool());
    QCOMPARE(after.data()["version"_L1].toInt(), 2);

    setNow(start.addSecs(-2 * 3600));
    QTRY_COMPARE_WITH_TIMEOUT(m_gateway.received.size(), smsBefore + 1, 5000);
    const QUrlQuery sms = m_gateway.received.last();
    QCOMPARE(sms.queryItemValue(u"To"_s, QUrl::FullyDecoded), u"+15551234567"_s);
    QCOMPARE(sms.queryItemValue(u"From"_s, QUrl::FullyDecoded), u"+15550001111"_s);
    const QString body = sms.queryItemValue(u"Body"_s, QUrl::FullyDecoded);
    QVERIFY(body.contains(u"Riverside Counseling"_s));
    QVERIFY(!body.contains(u"Therapy"_s)); // no clinical detail
    QCOMPARE(m_gateway.authorizations.last(),
             "Basic " + QByteArray("AC123:gateway token").toBase64());
    settle();
    QCOMPARE(mails().size(), mailsBefore + 1); // each once
    QCOMPARE(m_gateway.received.size(), smsBefore + 1);
}

void tst_reminders::cancelledAppointmentSendsNothing() {
    // A control booked five minutes later and left alone is reminded in the
    // same run: the sender did run, and sent for the control only.
    const QDateTime start = now().addSecs(30 * 3600);
    const QString id = book(start, m_client);
    QVERIFY(!id.isEmpty());
    const QString control = book(start.addSecs(5 * 60), m_client);
    QVERIFY(!control.isEmpty());
    const Reply cancelled = call("PUT", u"/api/v1/appointments/%1/cancel"_s.arg(id),
                                 {{"cancellationReason"_L1, u"Client request"_s}});
    QCOMPARE(cancelled.status, 200);
    const QStringList seen = m_mail.names();
    const qsizetype smsBefore = m_gateway.received.size();
    setNow(start.addSecs(-3600));
    QTRY_VERIFY_WITH_TIMEOUT(m_gateway.received.size() > smsBefore, 5000);
    settle();
    // Every message sent names, through its signed link, the control.
    QStringList sent;
    for (const QString& mail : m_mail.mailsBut(seen)) {
        // The plain-text part, base64 as the sender writes it.
        const qsizetype part = mail.indexOf(u"Content-Transfer-Encoding: base64"_s);
        QVERIFY(part >= 0);
        const qsizetype from = mail.indexOf(u"\n\n"_s, part) + 2;
        const QString encoded = mail.mid(from, mail.indexOf(u"\n\n"_s, from) - from);
        sent << QString::fromUtf8(QByteArray::fromBase64(encoded.toLatin1()));
    }
    for (qsizetype i = smsBefore; i < m_gateway.received.size(); ++i)
        sent << m_gateway.received.at(i).queryItemValue(u"Body"_s, QUrl::FullyDecoded);
    for (const QString& message : std::as_const(sent)) {
        const qsizetype at = message.indexOf(u"/api/v1/public/confirm/"_s);
        QVERIFY2(at >= 0, qPrintable(message));
        const QString token =
            message.mid(at + 23).section(QRegularExpression(u"[^A-Za-z0-9_-]"_s), 0, 0);
        const auto decoded = QByteArray::fromBase64Encoding(
            token.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        QVERIFY(decoded);
        QCOMPARE(QString::fromLatin1(decoded.decoded.left(12).toHex()), control);
    }
    const Reply kept = call("GET", u"/api/v1/appointments/"_s + id);
    QCOMPARE(kept.data()["status"_L1].toString(), u"Cancelled"_s);
    QVERIFY(kept.data()["confirmationStatus"_L1].toString() != u"Sent"_s);
    setNow(start.addSecs(3600));
    settle();
}

void tst_reminders::movedAppointmentsReminderMovesWithIt() {
    const QDateTime start = now().addSecs(48 * 3600);
    const QString id = book(start, m_spanishClient);
    QVERIFY(!id.isEmpty());
    const QDateTime moved = start.addSecs(24 * 3600);
    const Reply r = call("PUT", u"/api/v1/appointments/"_s + id,
                         {{"startTime"_L1, moved.toString(Qt::ISODateWithMs)},
                          {"endTime"_L1, moved.addSecs(3000).toString(Qt::ISODateWithMs)},
                          {"allowOverlap"_L1, true}});
    QCOMPARE(r.status, 200);
    const qsizetype mailsBefore = mails().size();
    const QStringList seen = m_mail.names();
    setNow(start.addSecs(-24 * 3600)); // the old time's reminder: none
    settle();
    QCOMPARE(mails().size(), mailsBefore);
    setNow(moved.addSecs(-24 * 3600));
    QTRY_COMPARE_WITH_TIMEOUT(mails().size(), mailsBefore + 1, 5000);
    // preferredLanguage "es": the Spanish template.
    QVERIFY(newMail(seen).contains(u"Subject: =?UTF-8?B?"_s));
    QVERIFY(newMail(seen).contains(u"Message-ID: <%1.email"_s.arg(id)));
}

void tst_reminders::confirmAndDeclineChangeTheStatusOnce() {
    const QDateTime start = now().addSecs(3 * 3600);
    const QString id = book(start, m_client);
    QVERIFY(!id.isEmpty());
    const qsizetype smsBefore = m_gateway.received.size();
    setNow(start.addSecs(-2 * 3600));
    QTRY_VERIFY_WITH_TIMEOUT(m_gateway.received.size() > smsBefore, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(
        call("GET", u"/api/v1/appointments/"_s + id).data()["confirmationStatus"_L1].toString(),
        u"Sent"_s, 5000);
    const QString body = m_gateway.received.last().queryItemValue(u"Body"_s, QUrl::FullyDecoded);
    const qsizetype at = body.indexOf(u"/api/v1/public/confirm/"_s);
    QVERIFY(at >= 0);
    const QString confirmPath = body.mid(at).section(u' ', 0, 0);

    const Reply first = call("GET", confirmPath, {}, false);
    QCOMPARE(first.status, 200);
    QVERIFY(first.body.contains("confirmed"));
    const Reply a = call("GET", u"/api/v1/appointments/"_s + id);
    QCOMPARE(a.data()["confirmationStatus"_L1].toString(), u"Confirmed"_s);
    const QString answeredAt = a.data()["confirmationResponseAt"_L1].toString();
    QVERIFY(!answeredAt.isEmpty());
    const int version = a.data()["version"_L1].toInt();

    setNow(now().addSecs(60));
    const Reply again = call("GET", confirmPath, {}, false);
    QCOMPARE(again.status, 200);
    // A decline by SMS after the answer changes nothing either.
    const QString sms = u"/api/v1/public/sms/inbound?secret=inbound-secret"_s;
    QCOMPARE(m_api.form(sms, "From=%2B15551234567&Body=N").status, 200);
    const Reply b = call("GET", u"/api/v1/appointments/"_s + id);
    QCOMPARE(b.data()["confirmationStatus"_L1].toString(), u"Confirmed"_s);
    QCOMPARE(b.data()["confirmationResponseAt"_L1].toString(), answeredAt);
    QCOMPARE(b.data()["version"_L1].toInt(), version);

    // A second appointment declined by SMS reply.
    const QDateTime later = now().addSecs(2 * 3600 + 600);
    const QString other = book(later, m_client);
    setNow(later.addSecs(-2 * 3600));
    QTRY_VERIFY_WITH_TIMEOUT(call("GET", u"/api/v1/appointments/"_s + other)
                                     .data()["confirmationStatus"_L1]
                                     .toString() == u"Sent"_s,
                             5000);
    QCOMPARE(m_api.form(u"/api/v1/public/sms/inbound?secret=guess"_s, "From=%2B15551234567&Body=N")
                 .status,
             404);
    QCOMPARE(m_api.form(sms, "From=%2B15551234567&Body=n").status, 200);
    QCOMPARE(
        call("GET", u"/api/v1/appointments/"_s + other).data()["confirmationStatus"_L1].toString(),
        u"Declined"_s);
    setNow(later.addSecs(3600));
    settle();
}

void tst_reminders::forgedOrExpiredTokenIsRefused() {
    const QDateTime start = now().addSecs(3 * 3600);
    const QString id = book(start, m_client);
    const qsizetype smsBefore = m_gateway.received.size();
    setNow(start.addSecs(-2 * 3600));
    QTRY_VERIFY_WITH_TIMEOUT(m_gateway.received.size() > smsBefore, 5000);
    const QString body = m_gateway.received.last().queryItemValue(u"Body"_s, QUrl::FullyDecoded);
    QString path = body.mid(body.indexOf(u"/api/v1/public/confirm/"_s)).section(u' ', 0, 0);
    QString forged = path;
    forged[forged.size() - 3] = forged.at(forged.size() - 3) == u'A' ? u'B' : u'A';
    QCOMPARE(call("GET", forged, {}, false).status, 400);
    QCOMPARE(call("GET", u"/api/v1/public/decline/not-a-token"_s, {}, false).status, 400);
    // The confirm token does not work as a decline link.
    QCOMPARE(call("GET", QString(path).replace(u"/confirm/"_s, u"/decline/"_s), {}, false).status,
             400);
    setNow(start.addSecs(60)); // links end when the appointment starts
    QCOMPARE(call("GET", path, {}, false).status, 410);
    QCOMPARE(
        call("GET", u"/api/v1/appointments/"_s + id).data()["confirmationStatus"_L1].toString(),
        u"Sent"_s);
}

void tst_reminders::failuresAreRetriedAndListedForAdmins() {
    const QDateTime start = now().addSecs(3 * 3600);
    const QString id = book(start, m_client);
    m_gateway.failing = true;
    setNow(start.addSecs(-2 * 3600));
    QTRY_VERIFY_WITH_TIMEOUT(
        call("GET", u"/api/v1/reminders?state=failed"_s).data().toArray().size() == 1, 5000);
    const QJsonObject failed =
        call("GET", u"/api/v1/reminders?state=failed"_s).data().toArray().at(0).toObject();
    QCOMPARE(failed["appointment"_L1].toString(), id);
    QCOMPARE(failed["channel"_L1].toString(), u"sms"_s);
    QCOMPARE(failed["attempts"_L1].toInt(), 1);
    QVERIFY(failed["lastError"_L1].toString().contains(u"500"_s));
    // Not for other roles.
    for (const QString& path :
         {u"/api/v1/reminders?state=failed"_s, u"/api/v1/settings/reminders"_s})
        QCOMPARE(m_api.callAs(u"clinician@example.org"_s, u"another long password"_s, "GET", path)
                     .status,
                 403);

    // Retried after the backoff (1 minute), not before.
    m_gateway.failing = false;
    const qsizetype smsBefore = m_gateway.received.size();
    setNow(now().addSecs(30));
    settle();
    QCOMPARE(m_gateway.received.size(), smsBefore);
    setNow(now().addSecs(31));
    QTRY_COMPARE_WITH_TIMEOUT(m_gateway.received.size(), smsBefore + 1, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(
        call("GET", u"/api/v1/reminders?state=failed"_s).data().toArray().isEmpty(), 5000);
}

void tst_reminders::aStalledSmtpServerHoldsUpNoRequest() {
    const QDateTime start = now().addSecs(25 * 3600);
    const QString id = book(start, m_client);
    QVERIFY(!id.isEmpty());
    const qsizetype mailsBefore = mails().size();
    const QStringList seen = m_mail.names();
    m_smtpGate.hold();
    setNow(start.addSecs(-24 * 3600));
    // The reminder is claimed and its send has begun: the SMTP server has
    // the connection and answers nothing.
    QTRY_VERIFY_WITH_TIMEOUT(m_smtpGate.stalled() > 0, 5000);

    // Meanwhile the server answers: health, a read, a booking, the admin's
    // list (which shows the claim committed before the send).
    QCOMPARE(call("GET", u"/api/v1/health"_s, {}, false).status, 200);
    const Reply read = call("GET", u"/api/v1/appointments/"_s + id);
    QCOMPARE(read.status, 200);
    QVERIFY(!read.data()["reminderSettings"_L1]["email"_L1]["sent"_L1].toBool());
    QVERIFY(!book(now().addDays(30), m_client).isEmpty());
    const QJsonArray claimed = call("GET", u"/api/v1/reminders?state=claimed"_s).data().toArray();
    QCOMPARE(claimed.size(), 1);
    QCOMPARE(claimed.at(0)["appointment"_L1].toString(), id);
    // ...and all of it before the send finished.
    QCOMPARE(m_smtpGate.stalled(), 1);
    QCOMPARE(mails().size(), mailsBefore);

    m_smtpGate.release();
    QTRY_COMPARE_WITH_TIMEOUT(mails().size(), mailsBefore + 1, 10'000);
    QVERIFY(newMail(seen).contains(u"Message-ID: <%1.email.reminder@"_s.arg(id)));
    QTRY_VERIFY_WITH_TIMEOUT(call("GET", u"/api/v1/appointments/"_s + id)
                                 .data()["reminderSettings"_L1]["email"_L1]["sent"_L1]
                                 .toBool(),
                             5000);
    settle();
    QCOMPARE(mails().size(), mailsBefore + 1);
}

void tst_reminders::aStalledTestSendHoldsNoWriteLock() {
    // An admin's test send waits on its SMTP server for up to 20 s. It
    // writes nothing but its audit entry, so meanwhile the database's write
    // lock is free for the reminder thread (and any other process).
    QCOMPARE(call("GET", u"/api/v1/settings/reminders"_s).status, 200); // a fresh token
    const qsizetype mailsBefore = mails().size();
    m_smtpGate.hold();
    QNetworkRequest request = m_api.requestFor(u"/api/v1/settings/reminders/test"_s);
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    QNetworkReply* reply = m_api.network().post(
        request, QJsonDocument(QJsonObject{{"channel"_L1, u"email"_s},
                                           {"to"_L1, u"office@practice.example"_s}})
                     .toJson());
    QTRY_VERIFY_WITH_TIMEOUT(m_smtpGate.stalled() > 0, 5000);
    {
        mss::test::TestDatabase db(u"lock-probe"_s, m_server.dataDir(), m_server.databaseUrl());
        QVERIFY(db.isOpen());
        QVERIFY(db.writeLockIsFree());
    }
    QVERIFY(!reply->isFinished()); // the send was still waiting
    m_smtpGate.release();
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 25'000);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    reply->deleteLater();
    QTRY_COMPARE_WITH_TIMEOUT(mails().size(), mailsBefore + 1, 5000);
}

void tst_reminders::aKillBetweenClaimAndSendSendsOnce() {
    const QDateTime start = now().addSecs(25 * 3600);
    const QString id = book(start, m_client);
    QVERIFY(!id.isEmpty());
    const qsizetype mailsBefore = mails().size();
    const QStringList seen = m_mail.names();
    m_smtpGate.hold();
    setNow(start.addSecs(-24 * 3600));
    QTRY_VERIFY_WITH_TIMEOUT(m_smtpGate.stalled() > 0, 5000);
    QCOMPARE(call("GET", u"/api/v1/reminders?state=claimed"_s).data().toArray().size(), 1);

    // SIGKILL while the message is on its way: claimed, not accepted.
    m_server.kill();
    QTRY_COMPARE(m_smtpGate.stalled(), 0); // its connection closed with it
    m_smtpGate.release();
    QCOMPARE(mails().size(), mailsBefore);
    QVERIFY(m_server.start(m_serveArgs));

    // The claim is the crashed sender's: left alone until it is 5 minutes
    // old, so a sender that is merely slow is never doubled.
    settle();
    QCOMPARE(mails().size(), mailsBefore);
    const QJsonArray claimed = call("GET", u"/api/v1/reminders?state=claimed"_s).data().toArray();
    QCOMPARE(claimed.size(), 1);
    QCOMPARE(claimed.at(0)["appointment"_L1].toString(), id);
    QCOMPARE(claimed.at(0)["attempts"_L1].toInt(), 1);

    setNow(now().addMSecs(5 * 60 * 1000 + 1000));
    QTRY_COMPARE_WITH_TIMEOUT(mails().size(), mailsBefore + 1, 10'000);
    QVERIFY(newMail(seen).contains(u"Message-ID: <%1.email.reminder@"_s.arg(id)));
    QTRY_VERIFY_WITH_TIMEOUT(call("GET", u"/api/v1/appointments/"_s + id)
                                 .data()["reminderSettings"_L1]["email"_L1]["sent"_L1]
                                 .toBool(),
                             5000);
    const Reply after = call("GET", u"/api/v1/appointments/"_s + id);
    QCOMPARE(after.data()["confirmationStatus"_L1].toString(), u"Sent"_s);
    QCOMPARE(after.data()["version"_L1].toInt(), 2);
    QVERIFY(call("GET", u"/api/v1/reminders?state=claimed"_s).data().toArray().isEmpty());
    settle();
    QCOMPARE(mails().size(), mailsBefore + 1); // once
}

void tst_reminders::aStopDuringASendRetriesItOnce() {
    const QDateTime start = now().addSecs(25 * 3600);
    const QString id = book(start, m_client);
    QVERIFY(!id.isEmpty());
    const qsizetype mailsBefore = mails().size();
    const QStringList seen = m_mail.names();
    m_smtpGate.hold();
    setNow(start.addSecs(-24 * 3600));
    QTRY_VERIFY_WITH_TIMEOUT(m_smtpGate.stalled() > 0, 5000);

    // SIGTERM while the SMTP server says nothing: the send is given up (the
    // connection cut, not left to its 20 s limit) and recorded as failed.
    m_server.stop();
    QTRY_COMPARE(m_smtpGate.stalled(), 0);
    m_smtpGate.release();
    QVERIFY(m_server.start(m_serveArgs));
    const QJsonArray failed = call("GET", u"/api/v1/reminders?state=failed"_s).data().toArray();
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.at(0)["appointment"_L1].toString(), id);
    QVERIFY2(failed.at(0)["lastError"_L1].toString().contains(u"stopped"_s),
             qPrintable(failed.at(0)["lastError"_L1].toString()));
    QCOMPARE(mails().size(), mailsBefore);

    // Retried after the first backoff, once.
    setNow(now().addSecs(61));
    QTRY_COMPARE_WITH_TIMEOUT(mails().size(), mailsBefore + 1, 10'000);
    QVERIFY(newMail(seen).contains(u"Message-ID: <%1.email.reminder@"_s.arg(id)));
    QTRY_VERIFY_WITH_TIMEOUT(
        call("GET", u"/api/v1/reminders?state=failed"_s).data().toArray().isEmpty(), 5000);
    settle();
    QCOMPARE(mails().size(), mailsBefore + 1);
}

namespace {

// field -> code of each error of a 400.
using FieldErrors = QMap<QString, QString>;

FieldErrors fieldErrors(const Reply& r) {
    FieldErrors out;
    for (const QJsonValue e : r.json().value("errors"_L1).toArray())
        out.insert(e["field"_L1].toString(), e["code"_L1].toString());
    return out;
}

QJsonObject parsed(const char* json) {
    return QJsonDocument::fromJson(json).object();
}

} // namespace

void tst_reminders::badSettingsAreRefusedNamingTheField_data() {
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<FieldErrors>("errors");
    const auto one = [](const char* field, const char* code) {
        return FieldErrors{{QString::fromLatin1(field), QString::fromLatin1(code)}};
    };
    QTest::newRow("port as text") << parsed(R"({"smtpPort": "587"})")
                                  << one("smtpPort", "WRONG_TYPE");
    QTest::newRow("port out of range")
        << parsed(R"({"smtpPort": 70000})") << one("smtpPort", "OUT_OF_RANGE");
    QTest::newRow("port not whole")
        << parsed(R"({"smtpPort": 25.5})") << one("smtpPort", "OUT_OF_RANGE");
    QTest::newRow("two wrong types")
        << parsed(R"({"smtpHost": 42, "practiceName": ["Riverside"]})")
        << FieldErrors{{u"smtpHost"_s, u"WRONG_TYPE"_s}, {u"practiceName"_s, u"WRONG_TYPE"_s}};
    QTest::newRow("tls as a flag")
        << parsed(R"({"smtpTls": true})") << one("smtpTls", "WRONG_TYPE");
    QTest::newRow("tls unknown") << parsed(R"({"smtpTls": "ssl"})")
                                 << one("smtpTls", "UNKNOWN_VALUE");
    QTest::newRow("from not an address")
        << parsed(R"({"smtpFrom": "reminders"})") << one("smtpFrom", "UNKNOWN_VALUE");
    QTest::newRow("from with a space") << parsed(R"({"smtpFrom": "front desk@practice.example"})")
                                       << one("smtpFrom", "UNKNOWN_VALUE");
    QTest::newRow("from with a second header") << parsed(R"({"smtpFrom": "a@practice.example
Bcc: all@elsewhere.example"})") << one("smtpFrom", "UNKNOWN_VALUE");
    QTest::newRow("host with a path")
        << parsed(R"({"smtpHost": "smtp.example.org/x"})") << one("smtpHost", "UNKNOWN_VALUE");
    QTest::newRow("relative base URL") << parsed(R"({"publicBaseUrl": "scheduler.example.org"})")
                                       << one("publicBaseUrl", "UNKNOWN_VALUE");
    QTest::newRow("gateway not web")
        << parsed(R"({"smsUrl": "ftp://gateway.example/send"})") << one("smsUrl", "UNKNOWN_VALUE");
    QTest::newRow("unknown setting")
        << parsed(R"({"smtpPasswd": "x"})") << one("smtpPasswd", "UNKNOWN_VALUE");
    QTest::newRow("templates not an object")
        << parsed(R"({"templates": "Hello"})") << one("templates", "WRONG_TYPE");
    QTest::newRow("template language")
        << parsed(R"({"templates": {"fr": {}}})") << one("templates.fr", "UNKNOWN_VALUE");
    QTest::newRow("template appointment type")
        << parsed(R"({"templates": {"en": {"Massage": {"sms": "Hi"}}}})")
        << one("templates.en.Massage", "UNKNOWN_VALUE");
    QTest::newRow("template field") << parsed(R"({"templates": {"en": {"default": {"mms": "x"}}}})")
                                    << one("templates.en.default.mms", "UNKNOWN_VALUE");
    QTest::newRow("template text type")
        << parsed(R"({"templates": {"es": {"default": {"sms": 5}}}})")
        << one("templates.es.default.sms", "WRONG_TYPE");
    QTest::newRow("template placeholder")
        << parsed(R"({"templates": {"es": {"Group Therapy": {"sms": "Hola {clientLastName}"}}}})")
        << one("templates.es.Group Therapy.sms", "UNKNOWN_VALUE");
}

void tst_reminders::badSettingsAreRefusedNamingTheField() {
    QFETCH(QJsonObject, body);
    QFETCH(FieldErrors, errors);
    const QJsonObject before = call("GET", u"/api/v1/settings/reminders"_s).data().toObject();
    const Reply r = call("PUT", u"/api/v1/settings/reminders"_s, body);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json()["code"_L1].toString(), u"VALIDATION_ERROR"_s);
    QCOMPARE(fieldErrors(r), errors);
    for (const QJsonValue e : r.json()["errors"_L1].toArray())
        QVERIFY(!e["message"_L1].toString().isEmpty());
    // Nothing of a refused PUT is kept.
    QCOMPARE(call("GET", u"/api/v1/settings/reminders"_s).data().toObject(), before);
}

void tst_reminders::badTestSendsAreRefusedNamingTheField_data() {
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<FieldErrors>("errors");
    QTest::newRow("empty") << QJsonObject()
                           << FieldErrors{{u"channel"_s, u"REQUIRED"_s}, {u"to"_s, u"REQUIRED"_s}};
    QTest::newRow("wrong types") << parsed(R"({"channel": 1, "to": ["a@b.example"]})")
                                 << FieldErrors{{u"channel"_s, u"WRONG_TYPE"_s},
                                                {u"to"_s, u"WRONG_TYPE"_s}};
    QTest::newRow("channel") << parsed(R"({"channel": "fax", "to": "+15551234567"})")
                             << FieldErrors{{u"channel"_s, u"UNKNOWN_VALUE"_s}};
    QTest::newRow("bad email") << parsed(R"({"channel": "email", "to": "ada at example"})")
                               << FieldErrors{{u"to"_s, u"UNKNOWN_VALUE"_s}};
    QTest::newRow("email as phone") << parsed(R"({"channel": "sms", "to": "ada@client.example"})")
                                    << FieldErrors{{u"to"_s, u"UNKNOWN_VALUE"_s}};
    QTest::newRow("local phone") << parsed(R"({"channel": "sms", "to": "555-1234"})")
                                 << FieldErrors{{u"to"_s, u"UNKNOWN_VALUE"_s}};
    QTest::newRow("extra field")
        << parsed(R"({"channel": "email", "to": "ada@client.example", "cc": "x@y.example"})")
        << FieldErrors{{u"cc"_s, u"UNKNOWN_VALUE"_s}};
    QTest::newRow("language")
        << parsed(R"({"channel": "email", "to": "ada@client.example", "language": "fr"})")
        << FieldErrors{{u"language"_s, u"UNKNOWN_VALUE"_s}};
    QTest::newRow("language type")
        << parsed(R"({"channel": "email", "to": "ada@client.example", "language": ["es"]})")
        << FieldErrors{{u"language"_s, u"WRONG_TYPE"_s}};
    QTest::newRow("appointment type")
        << parsed(R"({"channel": "sms", "to": "+15551234567", "appointmentType": "Yoga Class"})")
        << FieldErrors{{u"appointmentType"_s, u"UNKNOWN_VALUE"_s}};
}

void tst_reminders::badTestSendsAreRefusedNamingTheField() {
    QFETCH(QJsonObject, body);
    QFETCH(FieldErrors, errors);
    const qsizetype mailsBefore = mails().size();
    const qsizetype smsBefore = m_gateway.received.size();
    const Reply r = call("POST", u"/api/v1/settings/reminders/test"_s, body);
    QCOMPARE(r.status, 400);
    QCOMPARE(fieldErrors(r), errors);
    settle();
    QCOMPARE(mails().size(), mailsBefore); // nothing went
    QCOMPARE(m_gateway.received.size(), smsBefore);
}

void tst_reminders::absurdReminderOffsetsAreRefusedNamingTheField() {
    const QString id = book(now().addDays(20), m_client);
    QVERIFY(!id.isEmpty());
    for (const QJsonValue& timing : {QJsonValue(-2), QJsonValue(100'000), QJsonValue(u"soon"_s)}) {
        const Reply r = call("PUT", u"/api/v1/appointments/"_s + id,
                             {{"reminderSettings"_L1,
                               QJsonObject{{"email"_L1, QJsonObject{{"enabled"_L1, true},
                                                                    {"timing"_L1, timing}}}}}});
        QCOMPARE(r.status, 400);
        QCOMPARE(fieldErrors(r).keys(), QStringList{u"reminderSettings.email.timing"_s});
    }
    // A sensible one is taken.
    const Reply ok =
        call("PUT", u"/api/v1/appointments/"_s + id,
             {{"reminderSettings"_L1,
               QJsonObject{{"email"_L1, QJsonObject{{"enabled"_L1, true}, {"timing"_L1, 48}}}}}});
    QCOMPARE(ok.status, 200);
    QCOMPARE(ok.data()["reminderSettings"_L1]["email"_L1]["timing"_L1].toDouble(), 48.0);
}

void tst_reminders::aTestSendArrives() {
    const qsizetype mailsBefore = mails().size();
    const QStringList seen = m_mail.names();
    const Reply r = call("POST", u"/api/v1/settings/reminders/test"_s,
                         {{"channel"_L1, u"email"_s}, {"to"_L1, u"ada@client.example"_s}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.data()["sent"_L1].toBool(), true);
    QTRY_COMPARE_WITH_TIMEOUT(mails().size(), mailsBefore + 1, 5000);
    QVERIFY(newMail(seen).contains(u"To: ada@client.example"_s));
    QVERIFY(newMail(seen).contains(u"Message-ID: <test."_s));
}

void tst_reminders::aTestSendUsesTheSavedSpanishTemplate() {
    // A Spanish subject saved for one appointment type, filled for the
    // sample appointment: Alex, the next weekday at 10:00.
    QCOMPARE(
        call("PUT", u"/api/v1/settings/reminders"_s,
             {{"templates"_L1,
               QJsonObject{{"es"_L1,
                            QJsonObject{{"Group Therapy"_L1,
                                         QJsonObject{{"emailSubject"_L1,
                                                      u"Grupo en {practiceName}: "
                                                      "{clientFirstName}, {date}, {time}"_s}}}}}}}})
            .status,
        200);
    const auto subjectOf = [](const QString& mail) {
        static const QRegularExpression subject(u"Subject: =\\?UTF-8\\?B\\?([^?]*)\\?="_s);
        return QString::fromUtf8(
            QByteArray::fromBase64(subject.match(mail).captured(1).toLatin1()));
    };
    // The test message to Lucía sent after `earlier`, whichever place the
    // mailbox sorts it in among reminders the scheduler may send meanwhile.
    const auto testMailAfter = [this](const QStringList& earlier) {
        QString found;
        // An empty answer (nothing came in 5 s) fails the caller's check.
        [[maybe_unused]] const bool came = QTest::qWaitFor(
            [&] {
                for (const QString& m : mails()) {
                    if (!earlier.contains(m) && m.contains(u"lucia@client.example"_s))
                        found = m;
                }
                return !found.isEmpty();
            },
            5000);
        return found;
    };
    QStringList earlier = mails();
    Reply r = call("POST", u"/api/v1/settings/reminders/test"_s,
                   {{"channel"_L1, u"email"_s},
                    {"to"_L1, u"lucia@client.example"_s},
                    {"language"_L1, u"es"_s},
                    {"appointmentType"_L1, u"Group Therapy"_s}});
    QCOMPARE(r.status, 200);
    const QString mail = testMailAfter(earlier);
    QVERIFY(!mail.isEmpty());
    const QString subject = subjectOf(mail);
    QVERIFY2(subject.startsWith(u"Grupo en Riverside Counseling: Alex, "_s), qPrintable(subject));
    QVERIFY2(subject.endsWith(u", 10:00"_s), qPrintable(subject));
    QVERIFY2(!subject.contains(u"sábado"_s) && !subject.contains(u"domingo"_s),
             qPrintable(subject));

    // The sample links are marked as a test and answer as links that are not valid.
    static const QRegularExpression link(u"/api/v1/public/confirm/[A-Za-z0-9_-]+"_s);
    QString text;
    for (const QString& chunk : mail.split(u"\n\n"_s)) {
        const QString decoded =
            QString::fromUtf8(QByteArray::fromBase64(chunk.section(u"\n--"_s, 0, 0).toLatin1()));
        if (decoded.contains(u"Alex"_s))
            text += decoded;
    }
    // The directory's clinician, as a real reminder names one.
    const QJsonObject clinician = call("GET", u"/api/v1/staff/"_s + m_provider).data().toObject();
    const QString clinicianName = clinician.value("firstName"_L1).toString() + u' ' +
                                  clinician.value("lastName"_L1).toString();
    QVERIFY(!clinician.value("lastName"_L1).toString().isEmpty());
    QVERIFY2(text.contains(clinicianName), qPrintable(clinicianName));
    const QString confirm = link.match(text).captured(0);
    QVERIFY2(confirm.contains(u"TEST"_s), qPrintable(text));
    QCOMPARE(call("GET", confirm, {}, false).status, 400);

    // The same language's other types keep the built-in subject.
    earlier = mails();
    r = call("POST", u"/api/v1/settings/reminders/test"_s,
             {{"channel"_L1, u"email"_s},
              {"to"_L1, u"lucia@client.example"_s},
              {"language"_L1, u"es"_s}});
    QCOMPARE(r.status, 200);
    const QString plain = testMailAfter(earlier);
    QVERIFY2(subjectOf(plain).startsWith(u"Recordatorio"_s), qPrintable(subjectOf(plain)));

    QCOMPARE(call("PUT", u"/api/v1/settings/reminders"_s, {{"templates"_L1, QJsonObject()}}).status,
             200);
}

QTEST_GUILESS_MAIN(tst_reminders)
#include "tst_reminders.moc"
