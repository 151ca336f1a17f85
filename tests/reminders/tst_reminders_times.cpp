// Reminders sent at the right times, end to end (ReminderPractice: the real
// server on a clock the test moves, a real SMTP server, an SMS gateway
// stand-in): the email 24 h and the SMS 2 h before, each once; nothing for
// a cancelled appointment; a moved appointment's reminder moves with it.
#include "ReminderPractice.h"

#include <QByteArray>
#include <QRegularExpression>
#include <QTest>
#include <QUrlQuery>

#include <utility>

using namespace Qt::StringLiterals;
using mss::test::Reply;

class tst_reminders_times : public mss::test::ReminderPractice {
    Q_OBJECT

private slots:
    void emailAt24HoursAndSmsAt2Hours();
    void cancelledAppointmentSendsNothing();
    void movedAppointmentsReminderMovesWithIt();
};

void tst_reminders_times::emailAt24HoursAndSmsAt2Hours() {
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

void tst_reminders_times::cancelledAppointmentSendsNothing() {
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

void tst_reminders_times::movedAppointmentsReminderMovesWithIt() {
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

QTEST_GUILESS_MAIN(tst_reminders_times)
#include "tst_reminders_times.moc"
