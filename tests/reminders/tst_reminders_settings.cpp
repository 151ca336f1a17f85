// The reminder settings and the admin's test send (ReminderPractice): bad
// settings, bad test sends and absurd reminder offsets are refused naming
// the field, keeping and sending nothing; a test email arrives, and one for
// a language and appointment type uses the template saved for them.
#include "ReminderPractice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using mss::test::Reply;

class tst_reminders_settings : public mss::test::ReminderPractice {
    Q_OBJECT

private slots:
    void badSettingsAreRefusedNamingTheField_data();
    void badSettingsAreRefusedNamingTheField();
    void badTestSendsAreRefusedNamingTheField_data();
    void badTestSendsAreRefusedNamingTheField();
    void absurdReminderOffsetsAreRefusedNamingTheField();
    void aTestSendArrives();
    void aTestSendUsesTheSavedSpanishTemplate();
};

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

void tst_reminders_settings::badSettingsAreRefusedNamingTheField_data() {
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

void tst_reminders_settings::badSettingsAreRefusedNamingTheField() {
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

void tst_reminders_settings::badTestSendsAreRefusedNamingTheField_data() {
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

void tst_reminders_settings::badTestSendsAreRefusedNamingTheField() {
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

void tst_reminders_settings::absurdReminderOffsetsAreRefusedNamingTheField() {
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

void tst_reminders_settings::aTestSendArrives() {
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

void tst_reminders_settings::aTestSendUsesTheSavedSpanishTemplate() {
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

QTEST_GUILESS_MAIN(tst_reminders_settings)
#include "tst_reminders_settings.moc"
