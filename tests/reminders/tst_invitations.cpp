// Invitations for clients through a real SMTP server: a reminder email
// carries the appointment as an iCalendar invitation (METHOD:REQUEST, the
// meeting link only there, in the client's language), and cancelling it
// afterwards sends METHOD:CANCEL with the same UID. Each invitation is read
// back by libical.
#include "MailCatcher.h"
#include "ServerHarness.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QtTest>

#include <libical/ical.h>

#include <memory>

using namespace Qt::StringLiterals;
using mss::test::Reply;

namespace {

// The decoded parts of a MIME message that are base64 (all of ours are),
// with the Content-Type line that precedes each.
QList<std::pair<QString, QByteArray>> parts(const QString& mail) {
    QList<std::pair<QString, QByteArray>> out;
    const QStringList lines = mail.split(u'\n');
    QString type;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines[i].trimmed();
        if (line.startsWith("Content-Type:"_L1, Qt::CaseInsensitive))
            type = line;
        if (!line.startsWith("Content-Transfer-Encoding: base64"_L1, Qt::CaseInsensitive))
            continue;
        qsizetype j = i + 1;
        while (j < lines.size() && lines[j].trimmed().isEmpty())
            ++j;
        QByteArray base64;
        while (j < lines.size() && !lines[j].trimmed().isEmpty() && !lines[j].startsWith("--"_L1))
            base64 += lines[j++].trimmed().toLatin1();
        out.append({type, QByteArray::fromBase64(base64)});
        i = j;
    }
    return out;
}

struct Invite {
    QString method, uid, status, summary, location, attendee;
    qint64 startUtc = 0;
    int sequence = -1;
    int errors = 0;
};

// The invitation attached as invite.ics, as libical reads it.
std::optional<Invite> inviteOf(const QString& mail) {
    QByteArray ics;
    QString calendarType;
    for (const auto& [type, body] : parts(mail)) {
        if (type.contains("application/ics"_L1))
            ics = body;
        if (type.contains("text/calendar"_L1))
            calendarType = type;
    }
    if (ics.isEmpty() || calendarType.isEmpty())
        return std::nullopt;
    std::unique_ptr<icalcomponent, decltype(&icalcomponent_free)> cal(
        icalparser_parse_string(ics.constData()), icalcomponent_free);
    if (!cal)
        return std::nullopt;
    icalcomponent* event = icalcomponent_get_first_component(cal.get(), ICAL_VEVENT_COMPONENT);
    if (!event)
        return std::nullopt;
    Invite i;
    i.errors = icalcomponent_count_errors(cal.get());
    i.method =
        QString::fromUtf8(icalproperty_method_to_string(icalcomponent_get_method(cal.get())));
    i.uid = QString::fromUtf8(icalcomponent_get_uid(event));
    i.status =
        icalcomponent_get_status(event) == ICAL_STATUS_CANCELLED ? u"CANCELLED"_s : u"CONFIRMED"_s;
    i.summary = QString::fromUtf8(icalcomponent_get_summary(event));
    i.location = QString::fromUtf8(icalcomponent_get_location(event));
    const icaltimetype start = icalcomponent_get_dtstart(event);
    i.startUtc = qint64(icaltime_as_timet_with_zone(start, icaltimezone_get_utc_timezone()));
    i.sequence = icalcomponent_get_sequence(event);
    if (icalproperty* a = icalcomponent_get_first_property(event, ICAL_ATTENDEE_PROPERTY))
        i.attendee = QString::fromUtf8(icalproperty_get_attendee(a));
    // The text/calendar alternative names the same method.
    if (!calendarType.contains(u"method="_s + i.method))
        ++i.errors;
    return i;
}

} // namespace

class tst_invitations : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void aReminderCarriesTheInvitation();
    void cancellingSendsMethodCancelWithTheSameUid();
    void aSpanishClientGetsItInSpanish();
    void anAppointmentCancelledBeforeItsReminderSendsNothing();

private:
    QString book(const QDateTime& start, const QString& client, bool virtualLink = false);
    void cancel(const QString& id);
    // The mails that arrive within a few seconds besides those in `seen`
    // (MailCatcher::names()).
    QStringList mailsAfter(const QStringList& seen, qsizetype expected);

    mss::test::ServerHarness m_server;
    mss::test::MailCatcher m_mail;
    QByteArray m_admin;
    QString m_provider, m_english, m_spanish;
    QDateTime m_now{QDate(2030, 3, 4), QTime(12, 0), Qt::UTC};
};

QString tst_invitations::book(const QDateTime& start, const QString& client, bool virtualLink) {
    QJsonObject body{{"client"_L1, client},
                     {"provider"_L1, m_provider},
                     {"startTime"_L1, start.toString(Qt::ISODateWithMs)},
                     {"endTime"_L1, start.addSecs(50 * 60).toString(Qt::ISODateWithMs)},
                     {"appointmentType"_L1, u"Individual Therapy"_s},
                     {"allowOverlap"_L1, true}};
    if (virtualLink) {
        body.insert("location"_L1, u"Virtual"_s);
        body.insert("virtualMeetingLink"_L1, u"https://meet.example/room-4411"_s);
    }
    const Reply r = m_server.request("POST", u"/api/v1/appointments"_s, body, m_admin);
    return r.status == 201 ? r.object()["_id"_L1].toString() : QString();
}

void tst_invitations::cancel(const QString& id) {
    QCOMPARE(m_server
                 .request("PUT", u"/api/v1/appointments/%1/cancel"_s.arg(id),
                          {{"cancellationReason"_L1, u"Client request"_s}}, m_admin)
                 .status,
             200);
}

QStringList tst_invitations::mailsAfter(const QStringList& seen, qsizetype expected) {
    if (!QTest::qWaitFor([&] { return m_mail.mailsBut(seen).size() >= expected; }, 10'000))
        return m_mail.mailsBut(seen); // fewer came: the caller sees how many
    QTest::qWait(500);                // and nothing more than that
    return m_mail.mailsBut(seen);
}

void tst_invitations::initTestCase() {
    QVERIFY(m_mail.start());
    QVERIFY(m_server.init(u"America/New_York"_s));
    QVERIFY(m_server.addUser(u"CLINICIAN"_s));
    QVERIFY(m_server.setNow(m_now));
    QVERIFY(m_server.start({u"--reminder-interval-ms"_s, u"100"_s}));
    m_admin = m_server.login(u"PRACTICE_ADMIN"_s);
    QVERIFY(!m_admin.isEmpty());
    const Reply settings = m_server.request("PUT", u"/api/v1/settings/reminders"_s,
                                            {{"smtpHost"_L1, u"127.0.0.1"_s},
                                             {"smtpPort"_L1, m_mail.port()},
                                             {"smtpFrom"_L1, u"reminders@practice.example"_s},
                                             {"practiceName"_L1, u"Riverside Counseling"_s},
                                             {"publicBaseUrl"_L1, m_server.baseUrl()}},
                                            m_admin);
    QCOMPARE(settings.status, 200);
    m_provider = m_server.request("GET", u"/api/v1/staff?role=CLINICIAN"_s, {}, m_admin)
                     .data()
                     .toArray()
                     .at(0)["_id"_L1]
                     .toString();
    QVERIFY(!m_provider.isEmpty());
    const auto client = [&](const QString& first, const QString& language) {
        QJsonObject c{{"firstName"_L1, first},
                      {"lastName"_L1, u"Client"_s},
                      {"email"_L1, QString(first.toLower() + u"@client.example"_s)}};
        if (!language.isEmpty())
            c.insert("preferredLanguage"_L1, language);
        return m_server.request("POST", u"/api/v1/clients"_s, c, m_admin)
            .object()["_id"_L1]
            .toString();
    };
    m_english = client(u"Ada"_s, {});
    m_spanish = client(u"Lucia"_s, u"es"_s);
    QVERIFY(!m_english.isEmpty() && !m_spanish.isEmpty());
}

void tst_invitations::aReminderCarriesTheInvitation() {
    const QDateTime start = m_now.addSecs(25 * 3600);
    const QString id = book(start, m_english, true);
    QVERIFY(!id.isEmpty());
    const QStringList before = m_mail.names();
    m_now = start.addSecs(-24 * 3600);
    QVERIFY(m_server.setNow(m_now));
    const QStringList mails = mailsAfter(before, 1);
    QCOMPARE(mails.size(), 1);
    QVERIFY(mails[0].contains("multipart/mixed"_L1));
    const auto invite = inviteOf(mails[0]);
    QVERIFY(invite);
    QCOMPARE(invite->errors, 0);
    QCOMPARE(invite->method, u"REQUEST"_s);
    QCOMPARE(invite->uid, id + u"@mentalspace.scheduler"_s);
    QCOMPARE(invite->startUtc, start.toSecsSinceEpoch());
    QCOMPARE(invite->status, u"CONFIRMED"_s);
    QCOMPARE(invite->attendee, u"mailto:ada@client.example"_s);
    QVERIFY2(
        invite->summary.startsWith("Appointment with Test CLINICIAN (Riverside Counseling)"_L1),
        qPrintable(invite->summary));
    // The client's own invitation carries their meeting link.
    QCOMPARE(invite->location, u"https://meet.example/room-4411"_s);
}

void tst_invitations::cancellingSendsMethodCancelWithTheSameUid() {
    const QDateTime start = m_now.addSecs(24 * 3600 - 60); // its reminder is due at once
    const QString id = book(start, m_english);
    QVERIFY(!id.isEmpty());
    QStringList before = m_mail.names();
    const QStringList reminder = mailsAfter(before, 1);
    QCOMPARE(reminder.size(), 1);
    const auto request = inviteOf(reminder[0]);
    QVERIFY(request && request->method == "REQUEST"_L1);

    before = m_mail.names();
    cancel(id);
    const QStringList notice = mailsAfter(before, 1);
    QCOMPARE(notice.size(), 1); // once
    const auto cancelled = inviteOf(notice[0]);
    QVERIFY(cancelled);
    QCOMPARE(cancelled->errors, 0);
    QCOMPARE(cancelled->method, u"CANCEL"_s);
    QCOMPARE(cancelled->uid, request->uid);
    QCOMPARE(cancelled->status, u"CANCELLED"_s);
    QVERIFY(cancelled->sequence > request->sequence);
    bool said = false;
    for (const auto& [type, body] : parts(notice[0]))
        said = said || (type.contains("text/plain"_L1) && body.contains("is cancelled"));
    QVERIFY(said);
    QVERIFY(notice[0].contains(u"Message-ID: <%1.cancel.reminder@"_s.arg(id)));
}

void tst_invitations::aSpanishClientGetsItInSpanish() {
    const QDateTime start = m_now.addSecs(24 * 3600 - 60);
    const QString id = book(start, m_spanish);
    QVERIFY(!id.isEmpty());
    QStringList before = m_mail.names();
    const QStringList reminder = mailsAfter(before, 1);
    QCOMPARE(reminder.size(), 1);
    const auto request = inviteOf(reminder[0]);
    QVERIFY(request);
    QVERIFY2(request->summary.startsWith("Cita con"_L1), qPrintable(request->summary));
    before = m_mail.names();
    cancel(id);
    const QStringList notice = mailsAfter(before, 1);
    QCOMPARE(notice.size(), 1);
    bool said = false;
    for (const auto& [type, body] : parts(notice[0]))
        said = said || (type.contains("text/plain"_L1) && body.contains("está cancelada"));
    QVERIFY(said);
}

void tst_invitations::anAppointmentCancelledBeforeItsReminderSendsNothing() {
    const QString id = book(m_now.addSecs(72 * 3600), m_english);
    QVERIFY(!id.isEmpty());
    const QStringList before = m_mail.names();
    cancel(id);
    QCOMPARE(mailsAfter(before, 1).size(), 0);
}

QTEST_MAIN(tst_invitations)
#include "tst_invitations.moc"
