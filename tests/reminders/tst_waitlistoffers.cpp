// The waitlist's automatic offer end to end (docs/waitlist.md, "The
// offer"): the practice of the reminder suites (ReminderPractice: the real
// server, a real SMTP server (aiosmtpd) and an SMS gateway stand-in, with
// the server's "now" read from a file this test rewrites), with clients of
// its own. A freed slot is offered to the best waiting entry; the client
// answers on the public page; decline, expiry and the desk move it on.
#include "ReminderPractice.h"

#include <QDateTime>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>

#include <memory>
#include <utility>

using namespace Qt::StringLiterals;
using mss::test::Reply;

namespace {

// The text of a mail's first base64 part (the plain text, as the sender
// writes it), or the whole mail when it has none.
QString plainText(const QString& mail) {
    const qsizetype part = mail.indexOf(u"Content-Transfer-Encoding: base64"_s);
    if (part < 0)
        return mail;
    const qsizetype from = mail.indexOf(u"\n\n"_s, part) + 2;
    const QString encoded = mail.mid(from, mail.indexOf(u"\n\n"_s, from) - from);
    return QString::fromUtf8(QByteArray::fromBase64(encoded.toLatin1()));
}

// The offer page's path in a message, or empty.
QString offerPath(const QString& message) {
    const auto m = QRegularExpression(u"/api/v1/public/offer/[A-Za-z0-9_-]+"_s).match(message);
    return m.hasMatch() ? m.captured(0) : QString();
}

} // namespace

class tst_waitlistoffers : public mss::test::ReminderPractice {
    Q_OBJECT

private slots:
    void initTestCase();
    void aCancelOffersTheSlotOnceToTheBestReachableEntry();
    void acceptingOnThePageBooksTheSlot();
    void theSpanishClientGetsTheOfferAndPageInSpanish();
    void declineAndExpiryPassTheOfferOn();
    void aSecondAcceptanceAfterTheHoldMovedOnIsAlreadyTaken();
    void aReleaseByTheDeskWithdrawsTheOffer();
    void aFailedSendPassesTheOfferOn();
    void newAvailabilityIsOffered();
    void aKillBetweenClaimAndSendSendsOnce();
    void badOfferSettingsAreRefusedNamingTheField();

private:
    // What a phone's browser does: a GET, or the form's POST.
    Reply page(const QString& path, const QByteArray& answer = {}) {
        return m_api.form(path, answer.isEmpty() ? QByteArray() : "answer=" + answer);
    }
    // A slot of 50 minutes at 15:00 UTC (10:00 in New York), `days` ahead.
    QDateTime slot(int days) const {
        return QDateTime(m_now.date().addDays(days), QTime(15, 0), QTimeZone::utc());
    }
    // Books the provider 50 minutes from `start` for `client`, with no
    // reminders: the new appointment's id, or empty.
    QString book(const QDateTime& start, const QString& client);
    QString cancel(const QString& appointment);
    QString addEntry(const QString& client, const QString& priority, const QDateTime& day);
    QJsonObject entry(const QString& id) {
        return call("GET", u"/api/v1/waitlist/"_s + id).data().toObject();
    }
    QString status(const QString& id) { return entry(id).value("status"_L1).toString(); }
    // The SMS sent to `phone` from index `from` on.
    QStringList smsTo(const QString& phone, qsizetype from = 0) const;
    QString client(const QString& first, const QString& email, const QString& phone,
                   const QJsonObject& extra = {});
    // Takes a test's entries off the waitlist, so that a later test's
    // clock moves never pass its slots on to them.
    void remove(const QStringList& entries) {
        for (const QString& id : entries)
            QCOMPARE(call("DELETE", u"/api/v1/waitlist/"_s + id).status, 200);
    }

    QString m_other; // the client of the appointments that are cancelled
    QString m_ada, m_bea, m_cal, m_lucia, m_silent, m_optOut;
};

QString tst_waitlistoffers::book(const QDateTime& start, const QString& client) {
    const Reply r = call(
        "POST", u"/api/v1/appointments"_s,
        {{"client"_L1, client},
         {"provider"_L1, m_provider},
         {"startTime"_L1, start.toString(Qt::ISODateWithMs)},
         {"endTime"_L1, start.addSecs(50 * 60).toString(Qt::ISODateWithMs)},
         {"appointmentType"_L1, u"Individual Therapy"_s},
         {"reminderSettings"_L1, QJsonObject{{"email"_L1, QJsonObject{{"enabled"_L1, false}}},
                                             {"sms"_L1, QJsonObject{{"enabled"_L1, false}}}}}});
    if (r.status != 201)
        qWarning() << r.body;
    return r.data().toObject().value("_id"_L1).toString();
}

QString tst_waitlistoffers::cancel(const QString& appointment) {
    const Reply r = call("PUT", u"/api/v1/appointments/%1/cancel"_s.arg(appointment),
                         {{"cancellationReason"_L1, u"Client request"_s}});
    return r.status == 200 ? QString() : QString::fromUtf8(r.body);
}

QString tst_waitlistoffers::addEntry(const QString& client, const QString& priority,
                                     const QDateTime& day) {
    // Each test's entries want its own day only, so they never meet
    // another test's slots.
    const QString date = day.date().toString(Qt::ISODate);
    const Reply r = call("POST", u"/api/v1/waitlist"_s,
                         {{"client"_L1, client},
                          {"provider"_L1, m_provider},
                          {"appointmentType"_L1, u"Individual Therapy"_s},
                          {"duration"_L1, 50},
                          {"priority"_L1, priority},
                          {"earliestDate"_L1, date},
                          {"latestDate"_L1, date}});
    if (r.status != 201)
        qWarning() << r.body;
    return r.data().toObject().value("_id"_L1).toString();
}

QStringList tst_waitlistoffers::smsTo(const QString& phone, qsizetype from) const {
    QStringList out;
    for (qsizetype i = from; i < m_gateway.received.size(); ++i) {
        const QUrlQuery& sms = m_gateway.received.at(i);
        if (sms.queryItemValue(u"To"_s, QUrl::FullyDecoded) == phone)
            out << sms.queryItemValue(u"Body"_s, QUrl::FullyDecoded);
    }
    return out;
}

QString tst_waitlistoffers::client(const QString& first, const QString& email, const QString& phone,
                                   const QJsonObject& extra) {
    QJsonObject c{{"firstName"_L1, first}, {"lastName"_L1, u"Test"_s}};
    if (!email.isEmpty())
        c.insert("email"_L1, email);
    if (!phone.isEmpty())
        c.insert("phone"_L1, phone);
    for (auto it = extra.begin(); it != extra.end(); ++it)
        c.insert(it.key(), it.value());
    const Reply r = call("POST", u"/api/v1/clients"_s, c);
    if (r.status != 201)
        qWarning() << r.body;
    return r.data()["_id"_L1].toString();
}

void tst_waitlistoffers::initTestCase() {
    // The servers, stand-ins and settings; its clients are not this test's.
    ReminderPractice::initTestCase();
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(m_savedSettings.data()["waitlistOfferHoldMinutes"_L1].toInt(), 120);

    m_other = client(u"Otto"_s, u"otto@client.example"_s, u"+15550000001"_s);
    m_ada = client(u"Ada"_s, u"ada@client.example"_s, u"+15550000002"_s);
    m_bea = client(u"Bea"_s, u"bea@client.example"_s, u"+15550000003"_s);
    m_cal = client(u"Cal"_s, u"cal@client.example"_s, u"+15550000004"_s);
    m_lucia = client(u"Lucia"_s, u"lucia@client.example"_s, u"+15550000005"_s,
                     {{"preferredLanguage"_L1, u"es"_s}});
    m_silent = client(u"Sam"_s, {}, {});
    m_optOut = client(u"Olga"_s, u"olga@client.example"_s, u"+15550000006"_s,
                      {{"waitlistOffersOptOut"_L1, true}});
    for (const QString* id : {&m_other, &m_ada, &m_bea, &m_cal, &m_lucia, &m_silent, &m_optOut})
        QVERIFY(!id->isEmpty());
    // The new hours are freed time too. A probe entry for a day no test
    // uses (a Sunday, whose hours are added last) is offered a part of
    // them once the pass that found nobody for every other day's part has
    // run; then it is taken off again.
    const QString probe = addEntry(m_other, u"Low"_s, slot(13));
    QCOMPARE(slot(13).date().dayOfWeek(), 7);
    // Every day 08:00-20:00 in New York.
    for (const char* day :
         {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}) {
        const Reply r = call("POST", u"/api/v1/staff/%1/availabilities"_s.arg(m_provider),
                             {{"dayOfWeek"_L1, QString::fromLatin1(day)},
                              {"startTime"_L1, u"08:00"_s},
                              {"endTime"_L1, u"20:00"_s}});
        QVERIFY2(r.status == 201, r.body.constData());
    }
    QTRY_COMPARE_WITH_TIMEOUT(status(probe), u"Offered"_s, 30'000);
    // Sent (its messages delivered) before it is taken off, so that no
    // test sees them.
    QTRY_VERIFY_WITH_TIMEOUT(!entry(probe)["offer"_L1]["sentAt"_L1].toString().isEmpty(), 30'000);
    remove({probe});
}

void tst_waitlistoffers::aCancelOffersTheSlotOnceToTheBestReachableEntry() {
    const QDateTime start = slot(1);
    // Waiting longest: a client with no address and one who opted out, both
    // High; then Bea (Normal) and Ada (High). Ada is the best one reachable.
    const QString silent = addEntry(m_silent, u"High"_s, start);
    const QString optOut = addEntry(m_optOut, u"High"_s, start);
    const QString bea = addEntry(m_bea, u"Normal"_s, start);
    const QString ada = addEntry(m_ada, u"High"_s, start);
    const QString appointment = book(start, m_other);
    QVERIFY(!appointment.isEmpty());
    const QStringList seen = m_mail.names();
    const qsizetype smsBefore = m_gateway.received.size();
    QCOMPARE(cancel(appointment), QString());

    QTRY_COMPARE_WITH_TIMEOUT(smsTo(u"+15550000002"_s, smsBefore).size(), 1, 30'000);
    QTRY_COMPARE_WITH_TIMEOUT(m_mail.mailsBut(seen).size(), 1, 30'000);
    const QString mail = m_mail.mailsBut(seen).constFirst();
    QVERIFY(mail.contains(u"To: ada@client.example"_s));
    QVERIFY(mail.contains(u".offer@practice.example>"_s));
    const QString text = plainText(mail);
    QVERIFY2(text.contains(u"10:00 AM"_s), qPrintable(text));
    QVERIFY(!offerPath(text).isEmpty());
    const QString sms = smsTo(u"+15550000002"_s, smsBefore).constFirst();
    QCOMPARE(offerPath(sms), offerPath(text));
    QVERIFY(!sms.contains(u"Therapy"_s)); // no clinical detail

    // The desk sees the hold: Ada's entry is Offered for that time, held
    // for two hours, and sent.
    QTRY_VERIFY_WITH_TIMEOUT(!entry(ada)["offer"_L1]["sentAt"_L1].toString().isEmpty(), 30'000);
    const QJsonObject offered = entry(ada);
    QCOMPARE(offered["status"_L1].toString(), u"Offered"_s);
    QCOMPARE(QDateTime::fromString(offered["offer"_L1]["startTime"_L1].toString(), Qt::ISODate),
             start);
    QCOMPARE(QDateTime::fromString(offered["offer"_L1]["heldUntil"_L1].toString(), Qt::ISODate),
             now().addSecs(2 * 3600));
    // The others wait, and nothing reached them (Ada's messages are the
    // positive control: the sender ran).
    for (const QString& other : {silent, optOut, bea})
        QCOMPARE(status(other), u"Waiting"_s);
    QCOMPARE(m_mail.mailsBut(seen).size(), 1);
    QCOMPARE(m_gateway.received.size(), smsBefore + 1);
    // A booking by someone else is refused while the time is held.
    const Reply refused = call("POST", u"/api/v1/appointments"_s,
                               {{"client"_L1, m_bea},
                                {"provider"_L1, m_provider},
                                {"startTime"_L1, start.toString(Qt::ISODateWithMs)},
                                {"endTime"_L1, start.addSecs(3000).toString(Qt::ISODateWithMs)},
                                {"appointmentType"_L1, u"Individual Therapy"_s}});
    QCOMPARE(refused.status, 409);
    QCOMPARE(refused.json()["code"_L1].toString(), u"SLOT_HELD"_s);
    remove({silent, optOut, bea, ada});
}

void tst_waitlistoffers::acceptingOnThePageBooksTheSlot() {
    const QDateTime start = slot(2);
    const QString ada = addEntry(m_ada, u"Normal"_s, start);
    const QString appointment = book(start, m_other);
    const qsizetype smsBefore = m_gateway.received.size();
    QCOMPARE(cancel(appointment), QString());
    QTRY_COMPARE_WITH_TIMEOUT(smsTo(u"+15550000002"_s, smsBefore).size(), 1, 30'000);
    const QString path = offerPath(smsTo(u"+15550000002"_s, smsBefore).constFirst());
    QVERIFY(!path.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!entry(ada)["offer"_L1]["sentAt"_L1].toString().isEmpty(), 30'000);

    // Opening the page (as a mail scanner would) changes nothing.
    const Reply shown = page(path);
    QCOMPARE(shown.status, 200);
    QVERIFY(shown.body.contains("<html lang=\"en\">"));
    QVERIFY(shown.body.contains("Book this time"));
    QVERIFY(shown.body.contains("name=\"viewport\""));
    QVERIFY(!shown.body.contains("Ada")); // no client data on the page
    QCOMPARE(status(ada), u"Offered"_s);

    const Reply accepted = page(path, "accept");
    QCOMPARE(accepted.status, 200);
    QVERIFY2(accepted.body.contains("Booked"), accepted.body.constData());
    const QJsonObject booked = entry(ada);
    QCOMPARE(booked["status"_L1].toString(), u"Booked"_s);
    const QString id = booked["bookedAppointment"_L1].toString();
    const QJsonObject a = call("GET", u"/api/v1/appointments/"_s + id).data().toObject();
    QCOMPARE(a["client"_L1].toString(), m_ada);
    QCOMPARE(a["status"_L1].toString(), u"Scheduled"_s);
    QCOMPARE(QDateTime::fromString(a["startTime"_L1].toString(), Qt::ISODate), start);
    QCOMPARE(QDateTime::fromString(a["endTime"_L1].toString(), Qt::ISODate), start.addSecs(3000));
    // Accepting again books nothing more.
    QCOMPARE(page(path, "accept").status, 200);
    QCOMPARE(entry(ada)["bookedAppointment"_L1].toString(), id);
}

void tst_waitlistoffers::theSpanishClientGetsTheOfferAndPageInSpanish() {
    const QDateTime start = slot(3);
    addEntry(m_lucia, u"Normal"_s, start);
    const QString appointment = book(start, m_other);
    const QStringList seen = m_mail.names();
    QCOMPARE(cancel(appointment), QString());
    QTRY_COMPARE_WITH_TIMEOUT(m_mail.mailsBut(seen).size(), 1, 30'000);
    const QString text = plainText(m_mail.mailsBut(seen).constFirst());
    QVERIFY2(text.contains(u"Se ha liberado una hora"_s), qPrintable(text));
    QVERIFY2(text.contains(u"10:00"_s), qPrintable(text));
    const Reply shown = page(offerPath(text));
    QCOMPARE(shown.status, 200);
    QVERIFY(shown.body.contains("<html lang=\"es\">"));
    QVERIFY(shown.body.contains("Reservar esta hora"));
    const Reply declined = page(offerPath(text), "decline");
    QCOMPARE(declined.status, 200);
    QVERIFY(declined.body.contains("Gracias"));
}

void tst_waitlistoffers::declineAndExpiryPassTheOfferOn() {
    const QDateTime start = slot(4);
    const QString ada = addEntry(m_ada, u"High"_s, start);
    const QString bea = addEntry(m_bea, u"Normal"_s, start);
    const QString cal = addEntry(m_cal, u"Low"_s, start);
    const QString appointment = book(start, m_other);
    const qsizetype smsBefore = m_gateway.received.size();
    QCOMPARE(cancel(appointment), QString());
    QTRY_COMPARE_WITH_TIMEOUT(smsTo(u"+15550000002"_s, smsBefore).size(), 1, 30'000);
    QTRY_VERIFY_WITH_TIMEOUT(!entry(ada)["offer"_L1]["sentAt"_L1].toString().isEmpty(), 30'000);

    // Ada declines: Bea is offered it, Ada waits for another time.
    const Reply declined =
        page(offerPath(smsTo(u"+15550000002"_s, smsBefore).constFirst()), "decline");
    QCOMPARE(declined.status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(smsTo(u"+15550000003"_s, smsBefore).size(), 1, 30'000);
    QTRY_COMPARE_WITH_TIMEOUT(status(bea), u"Offered"_s, 30'000);
    QCOMPARE(status(ada), u"Waiting"_s);
    QCOMPARE(status(cal), u"Waiting"_s);

    // Bea lets the hold run out: Cal is offered it.
    setNow(now().addSecs(2 * 3600 + 60));
    QTRY_COMPARE_WITH_TIMEOUT(smsTo(u"+15550000004"_s, smsBefore).size(), 1, 30'000);
    QTRY_COMPARE_WITH_TIMEOUT(status(cal), u"Offered"_s, 30'000);
    QCOMPARE(status(bea), u"Waiting"_s);
    // Each once.
    QCOMPARE(smsTo(u"+15550000002"_s, smsBefore).size(), 1);
    QCOMPARE(smsTo(u"+15550000003"_s, smsBefore).size(), 1);
    remove({ada, bea, cal});
}

void tst_waitlistoffers::aSecondAcceptanceAfterTheHoldMovedOnIsAlreadyTaken() {
    const QDateTime start = slot(5);
    const QString ada = addEntry(m_ada, u"High"_s, start);
    const QString bea = addEntry(m_bea, u"Normal"_s, start);
    const QString appointment = book(start, m_other);
    const qsizetype smsBefore = m_gateway.received.size();
    QCOMPARE(cancel(appointment), QString());
    QTRY_COMPARE_WITH_TIMEOUT(smsTo(u"+15550000002"_s, smsBefore).size(), 1, 30'000);
    const QString adaPath = offerPath(smsTo(u"+15550000002"_s, smsBefore).constFirst());
    setNow(now().addSecs(2 * 3600 + 60));
    QTRY_COMPARE_WITH_TIMEOUT(smsTo(u"+15550000003"_s, smsBefore).size(), 1, 30'000);
    const QString beaPath = offerPath(smsTo(u"+15550000003"_s, smsBefore).constFirst());
    QTRY_VERIFY_WITH_TIMEOUT(!entry(bea)["offer"_L1]["sentAt"_L1].toString().isEmpty(), 30'000);

    QCOMPARE(page(beaPath, "accept").status, 200);
    const Reply late = page(adaPath, "accept");
    QCOMPARE(late.status, 409);
    QVERIFY2(late.body.contains("Already taken"), late.body.constData());
    QCOMPARE(status(ada), u"Waiting"_s);
    QCOMPARE(status(bea), u"Booked"_s);
    // One booking holds the time.
    const Reply held = call(
        "GET", u"/api/v1/appointments?provider=%1&status=Scheduled&limit=100"_s.arg(m_provider));
    int atStart = 0;
    for (const QJsonValue& a : held.data().toArray())
        atStart += QDateTime::fromString(a["startTime"_L1].toString(), Qt::ISODate) == start;
    QCOMPARE(atStart, 1);
    remove({ada});
}

void tst_waitlistoffers::aReleaseByTheDeskWithdrawsTheOffer() {
    const QDateTime start = slot(6);
    const QString ada = addEntry(m_ada, u"High"_s, start);
    const QString bea = addEntry(m_bea, u"Normal"_s, start);
    const QString appointment = book(start, m_other);
    const qsizetype smsBefore = m_gateway.received.size();
    QCOMPARE(cancel(appointment), QString());
    QTRY_COMPARE_WITH_TIMEOUT(smsTo(u"+15550000002"_s, smsBefore).size(), 1, 30'000);
    const QString path = offerPath(smsTo(u"+15550000002"_s, smsBefore).constFirst());
    QTRY_VERIFY_WITH_TIMEOUT(!entry(ada)["offer"_L1]["sentAt"_L1].toString().isEmpty(), 30'000);

    // The desk takes the time back and books it for someone else.
    QCOMPARE(call("POST", u"/api/v1/waitlist/%1/release"_s.arg(ada)).status, 200);
    QVERIFY(!book(start, m_cal).isEmpty());
    const Reply late = page(path, "accept");
    QCOMPARE(late.status, 409);
    QVERIFY(late.body.contains("Already taken"));
    QCOMPARE(status(ada), u"Waiting"_s);
    // Not passed on: a control slot freed afterwards reaches Bea first of
    // anything for her, and only that one.
    const QDateTime control = start.addSecs(3 * 3600);
    const QString other = book(control, m_other);
    QCOMPARE(cancel(other), QString());
    QTRY_COMPARE_WITH_TIMEOUT(status(ada), u"Offered"_s, 30'000);
    QCOMPARE(QDateTime::fromString(entry(ada)["offer"_L1]["startTime"_L1].toString(), Qt::ISODate),
             control);
    QCOMPARE(status(bea), u"Waiting"_s);
    QCOMPARE(smsTo(u"+15550000003"_s, smsBefore).size(), 0);
    remove({ada, bea});
}

void tst_waitlistoffers::aFailedSendPassesTheOfferOn() {
    // Dan can be reached by SMS only, and the gateway fails: Bea, next,
    // gets the offer by email.
    const QString dan = client(u"Dan"_s, {}, u"+15550000007"_s);
    const QDateTime start = slot(8);
    const QString danEntry = addEntry(dan, u"High"_s, start);
    const QString bea = addEntry(m_bea, u"Normal"_s, start);
    const QString appointment = book(start, m_other);
    const QStringList seen = m_mail.names();
    m_gateway.failing = true;
    QCOMPARE(cancel(appointment), QString());
    QTRY_COMPARE_WITH_TIMEOUT(m_mail.mailsBut(seen).filter(u"To: bea@client.example"_s).size(), 1,
                              30'000);
    m_gateway.failing = false;
    QTRY_COMPARE_WITH_TIMEOUT(status(bea), u"Offered"_s, 30'000);
    QCOMPARE(status(danEntry), u"Waiting"_s);
    // One offer to Bea and none to Dan. (Mails of the tests before, an
    // offer still being sent when its test ended, may arrive meanwhile.)
    QCOMPARE(m_mail.mailsBut(seen).filter(u"To: bea@client.example"_s).size(), 1);
    QCOMPARE(smsTo(u"+15550000007"_s, {}).size(), 0);
    remove({danEntry, bea});
}

void tst_waitlistoffers::newAvailabilityIsOffered() {
    // An evening the weekly hours do not cover (20:00-22:00 in New York),
    // opened as a one-off.
    const QDateTime day = slot(9);
    const QString cal = addEntry(m_cal, u"Normal"_s, day);
    const qsizetype smsBefore = m_gateway.received.size();
    const Reply added = call("POST", u"/api/v1/staff/%1/availabilities"_s.arg(m_provider),
                             {{"dayOfWeek"_L1, u"Monday"_s},
                              {"startTime"_L1, u"20:00"_s},
                              {"endTime"_L1, u"22:00"_s},
                              {"isRecurring"_L1, false},
                              {"effectiveDate"_L1, day.date().toString(Qt::ISODate)}});
    QVERIFY2(added.status == 201, added.body.constData());
    QTRY_COMPARE_WITH_TIMEOUT(smsTo(u"+15550000004"_s, smsBefore).size(), 1, 30'000);
    const QJsonObject offered = entry(cal);
    QCOMPARE(offered["status"_L1].toString(), u"Offered"_s);
    QCOMPARE(QDateTime::fromString(offered["offer"_L1]["startTime"_L1].toString(), Qt::ISODate),
             QDateTime(day.date(), QTime(20, 0), QTimeZone("America/New_York")).toUTC());
    remove({cal});
}

void tst_waitlistoffers::aKillBetweenClaimAndSendSendsOnce() {
    const QDateTime start = slot(7);
    const QString ada = addEntry(m_ada, u"High"_s, start);
    const QString appointment = book(start, m_other);
    const QStringList seen = m_mail.names();
    const qsizetype smsBefore = m_gateway.received.size();
    m_smtpGate.hold();
    QCOMPARE(cancel(appointment), QString());
    QTRY_VERIFY_WITH_TIMEOUT(m_smtpGate.stalled() > 0, 30'000);

    // SIGKILL while the offer is on its way: claimed, not accepted.
    m_server.kill();
    QTRY_COMPARE(m_smtpGate.stalled(), 0);
    m_smtpGate.release();
    QCOMPARE(m_mail.mailsBut(seen).size(), 0);
    QVERIFY(m_server.start(m_serveArgs));
    // The claim is the crashed sender's until it is 5 minutes old: a later
    // offer (Bea's, the control that the sender runs) goes out meanwhile,
    // and Ada's entry reads as offered, not yet sent.
    const QDateTime control = start.addSecs(3 * 3600);
    const QString bea = addEntry(m_bea, u"High"_s, control);
    const QString other = book(control, m_other);
    QCOMPARE(cancel(other), QString());
    QTRY_COMPARE_WITH_TIMEOUT(smsTo(u"+15550000003"_s, smsBefore).size(), 1, 30'000);
    QTRY_VERIFY_WITH_TIMEOUT(!entry(bea)["offer"_L1]["sentAt"_L1].toString().isEmpty(), 30'000);
    QCOMPARE(m_mail.mailsBut(seen).filter(u"To: ada@client.example"_s).size(), 0);
    QCOMPARE(smsTo(u"+15550000002"_s, smsBefore).size(), 0);
    QCOMPARE(status(ada), u"Offered"_s);
    QVERIFY(entry(ada)["offer"_L1]["sentAt"_L1].isNull());

    setNow(now().addMSecs(5 * 60 * 1000 + 1000));
    QTRY_COMPARE_WITH_TIMEOUT(m_mail.mailsBut(seen).filter(u"To: ada@client.example"_s).size(), 1,
                              30'000);
    QTRY_VERIFY_WITH_TIMEOUT(!entry(ada)["offer"_L1]["sentAt"_L1].toString().isEmpty(), 30'000);
    QTRY_COMPARE_WITH_TIMEOUT(smsTo(u"+15550000002"_s, smsBefore).size(), 1, 30'000);
    // Once: a freed time after it (Cal's, the control) goes out, Ada's not again.
    const QDateTime third = start.addSecs(5 * 3600);
    const QString cal = addEntry(m_cal, u"High"_s, third);
    QCOMPARE(cancel(book(third, m_other)), QString());
    QTRY_COMPARE_WITH_TIMEOUT(smsTo(u"+15550000004"_s, smsBefore).size(), 1, 30'000);
    QCOMPARE(m_mail.mailsBut(seen).filter(u"To: ada@client.example"_s).size(), 1);
    QCOMPARE(smsTo(u"+15550000002"_s, smsBefore).size(), 1);
    remove({ada, bea, cal});
}

void tst_waitlistoffers::badOfferSettingsAreRefusedNamingTheField() {
    const auto refused = [&](const QJsonObject& body, const QString& field) {
        const Reply r = call("PUT", u"/api/v1/settings/reminders"_s, body);
        if (r.status != 400)
            return false;
        for (const QJsonValue& e : r.json()["errors"_L1].toArray())
            if (e["field"_L1].toString() == field)
                return true;
        qWarning() << r.body;
        return false;
    };
    QVERIFY(refused({{"waitlistOfferHoldMinutes"_L1, 5}}, u"waitlistOfferHoldMinutes"_s));
    QVERIFY(
        refused({{"waitlistOfferHoldMinutes"_L1, u"two hours"_s}}, u"waitlistOfferHoldMinutes"_s));
    QVERIFY(refused({{"waitlistOfferCutoffMinutes"_L1, -1}}, u"waitlistOfferCutoffMinutes"_s));
    QVERIFY(refused({{"waitlistOfferCutoffMinutes"_L1, 30.5}}, u"waitlistOfferCutoffMinutes"_s));
    const Reply ok =
        call("PUT", u"/api/v1/settings/reminders"_s,
             {{"waitlistOfferHoldMinutes"_L1, 90}, {"waitlistOfferCutoffMinutes"_L1, 30}});
    QCOMPARE(ok.status, 200);
    QCOMPARE(ok.data()["waitlistOfferHoldMinutes"_L1].toInt(), 90);
    QCOMPARE(ok.data()["waitlistOfferCutoffMinutes"_L1].toInt(), 30);
}

QTEST_GUILESS_MAIN(tst_waitlistoffers)
#include "tst_waitlistoffers.moc"
