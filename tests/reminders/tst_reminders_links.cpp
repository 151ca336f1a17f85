// The client's answers to a reminder (ReminderPractice): the confirm link
// and an SMS reply change the appointment's status once, the SMS webhook
// checks its secret, and forged, wrong-action and expired links are
// refused.
#include "ReminderPractice.h"

#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using mss::test::Reply;

class tst_reminders_links : public mss::test::ReminderPractice {
    Q_OBJECT

private slots:
    void confirmAndDeclineChangeTheStatusOnce();
    void forgedOrExpiredTokenIsRefused();
};

void tst_reminders_links::confirmAndDeclineChangeTheStatusOnce() {
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

void tst_reminders_links::forgedOrExpiredTokenIsRefused() {
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

QTEST_GUILESS_MAIN(tst_reminders_links)
#include "tst_reminders_links.moc"
