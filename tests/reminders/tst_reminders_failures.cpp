// Reminders that do not go at once (ReminderPractice, with the gate before
// the SMTP server that can stall it): a gateway's failure listed for admins
// and retried after its backoff; a stalled SMTP server that holds up no
// request and no write lock; a server killed or stopped in the middle of a
// send, which sends the reminder once after its restart.
#include "ReminderPractice.h"
#include "TestDatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTest>

using namespace Qt::StringLiterals;
using mss::test::Reply;

class tst_reminders_failures : public mss::test::ReminderPractice {
    Q_OBJECT

private slots:
    void failuresAreRetriedAndListedForAdmins();
    void aStalledSmtpServerHoldsUpNoRequest();
    void aStalledTestSendHoldsNoWriteLock();
    void aKillBetweenClaimAndSendSendsOnce();
    void aStopDuringASendRetriesItOnce();

private:
    // Books an appointment 25 h away and, with the gate holding, moves the
    // clock to its email reminder: m_stalled.
    void stallAnEmailReminder();
    // Waits for m_stalled's mail, once let through, and its sent flag.
    void theStalledReminderArrives();

    // The email reminder under way, stalled at the gate before the SMTP
    // server: its appointment, and the mailbox as it was before.
    struct {
        QString id;
        qsizetype mailsBefore = 0;
        QStringList seen; // MailCatcher::names()
    } m_stalled;
};

void tst_reminders_failures::stallAnEmailReminder() {
    const QDateTime start = now().addSecs(25 * 3600);
    m_stalled.id = book(start, m_client);
    QVERIFY(!m_stalled.id.isEmpty());
    m_stalled.mailsBefore = mails().size();
    m_stalled.seen = m_mail.names();
    m_smtpGate.hold();
    setNow(start.addSecs(-24 * 3600));
    // The reminder is claimed and its send has begun: the SMTP server has
    // the connection and answers nothing.
    QTRY_VERIFY_WITH_TIMEOUT(m_smtpGate.stalled() > 0, 5000);
}

void tst_reminders_failures::theStalledReminderArrives() {
    const auto& [id, mailsBefore, seen] = m_stalled;
    QTRY_COMPARE_WITH_TIMEOUT(mails().size(), mailsBefore + 1, 10'000);
    QVERIFY(newMail(seen).contains(u"Message-ID: <%1.email.reminder@"_s.arg(id)));
    QTRY_VERIFY_WITH_TIMEOUT(call("GET", u"/api/v1/appointments/"_s + id)
                                 .data()["reminderSettings"_L1]["email"_L1]["sent"_L1]
                                 .toBool(),
                             5000);
}

void tst_reminders_failures::failuresAreRetriedAndListedForAdmins() {
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

void tst_reminders_failures::aStalledSmtpServerHoldsUpNoRequest() {
    stallAnEmailReminder();
    if (QTest::currentTestFailed())
        return;
    const auto& [id, mailsBefore, seen] = m_stalled;

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
    theStalledReminderArrives();
    if (QTest::currentTestFailed())
        return;
    settle();
    QCOMPARE(mails().size(), mailsBefore + 1);
}

void tst_reminders_failures::aStalledTestSendHoldsNoWriteLock() {
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

void tst_reminders_failures::aKillBetweenClaimAndSendSendsOnce() {
    stallAnEmailReminder();
    if (QTest::currentTestFailed())
        return;
    const auto& [id, mailsBefore, seen] = m_stalled;
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
    theStalledReminderArrives();
    if (QTest::currentTestFailed())
        return;
    const Reply after = call("GET", u"/api/v1/appointments/"_s + id);
    QCOMPARE(after.data()["confirmationStatus"_L1].toString(), u"Sent"_s);
    QCOMPARE(after.data()["version"_L1].toInt(), 2);
    QVERIFY(call("GET", u"/api/v1/reminders?state=claimed"_s).data().toArray().isEmpty());
    settle();
    QCOMPARE(mails().size(), mailsBefore + 1); // once
}

void tst_reminders_failures::aStopDuringASendRetriesItOnce() {
    stallAnEmailReminder();
    if (QTest::currentTestFailed())
        return;
    const auto& [id, mailsBefore, seen] = m_stalled;

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

QTEST_GUILESS_MAIN(tst_reminders_failures)
#include "tst_reminders_failures.moc"
