// Who gets in and what stays secret, through the /api/v1 of the real server
// binary (StaffedPractice): health without a token and nothing else, one
// answer for an unknown email and a wrong password, sign-out, meeting links
// sealed in the database and shown only to the roles allowed, and the
// audit chain's verification failing once an entry is altered.
#include "StaffedPractice.h"
#include "TestDatabase.h"

#include <QFile>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

#include <utility>

using namespace Qt::StringLiterals;
using mss::test::Reply;

class ServerApiSecurityTest : public mss::test::StaffedPractice {
    Q_OBJECT

private slots:
    void healthNeedsNoSignIn();
    void everyOtherRouteNeedsAToken();
    void loginAnswersAlikeForUnknownEmailAndWrongPassword();
    void logoutEndsTheSession();
    void meetingLinksAreSealedAndShownOnlyToAllowedRoles();
    void auditVerifyFailsAfterAnEntryIsAltered();
};

void ServerApiSecurityTest::healthNeedsNoSignIn() {
    const Reply r = m_server.request("GET", u"/api/v1/health"_s);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value("success"_L1).toBool(), true);
    QCOMPARE(r.object().value("status"_L1).toString(), u"ok"_s);
}

void ServerApiSecurityTest::everyOtherRouteNeedsAToken() {
    for (const QString& path : {u"/api/v1/appointments"_s, u"/api/v1/auth/me"_s,
                                u"/api/v1/clients"_s, u"/api/v1/sync/changes"_s}) {
        const Reply none = m_server.request("GET", path);
        QCOMPARE(none.status, 401);
        QCOMPARE(none.json.value("success"_L1).toBool(true), false);
        QVERIFY(!none.json.value("error"_L1).toString().isEmpty());
        QCOMPARE(m_server.request("GET", path, {}, "made-up-token").status, 401);
    }
}

void ServerApiSecurityTest::loginAnswersAlikeForUnknownEmailAndWrongPassword() {
    const Reply missing = m_server.request("POST", u"/api/v1/auth/login"_s,
                                           {{"email"_L1, u"clinician@test.practice"_s}});
    QCOMPARE(missing.status, 400);
    const Reply wrong = m_server.request(
        "POST", u"/api/v1/auth/login"_s,
        {{"email"_L1, u"clinician@test.practice"_s}, {"password"_L1, u"not the password"_s}});
    const Reply unknown = m_server.request(
        "POST", u"/api/v1/auth/login"_s,
        {{"email"_L1, u"nobody@test.practice"_s}, {"password"_L1, u"not the password"_s}});
    QCOMPARE(wrong.status, 401);
    QCOMPARE(unknown.status, 401);
    QCOMPARE(wrong.json, unknown.json);
    QCOMPARE(wrong.json.value("error"_L1).toString(), u"Invalid credentials"_s);
}

void ServerApiSecurityTest::logoutEndsTheSession() {
    const QByteArray token = m_server.login(u"SUPERVISOR"_s);
    QCOMPARE(m_server.request("GET", u"/api/v1/auth/me"_s, {}, token).status, 200);
    QCOMPARE(m_server.request("GET", u"/api/v1/auth/logout"_s, {}, token).status, 200);
    QCOMPARE(m_server.request("GET", u"/api/v1/auth/me"_s, {}, token).status, 401);
}

void ServerApiSecurityTest::meetingLinksAreSealedAndShownOnlyToAllowedRoles() {
    QJsonObject body = appointment(u"2030-03-05T15:00:00.000Z"_s, 50, m_clientA);
    body.insert("location"_L1, u"Virtual"_s);
    QString cursor;
    for (;;) {
        const Reply page = m_server.request(
            "GET", u"/api/v1/sync/changes?limit=5000&since="_s + cursor, {}, m_clinician);
        cursor = page.object().value("cursor"_L1).toString();
        if (!page.object().value("hasMore"_L1).toBool())
            break;
    }
    body.insert("virtualMeetingLink"_L1, u"https://meet.example/secret-room-4471"_s);
    body.insert("virtualMeetingPassword"_L1, u"pw-88213"_s);
    const QString id = create(body);
    QVERIFY(!id.isEmpty());
    // The change feed, like a GET, shows them only to the roles allowed.
    for (const auto& [token, shown] : {std::pair{m_clinician, true}, std::pair{m_billing, false}}) {
        const QJsonArray changes = withoutClients(
            m_server.request("GET", u"/api/v1/sync/changes?since="_s + cursor, {}, token)
                .object()
                .value("changes"_L1)
                .toArray());
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.first()["doc"_L1]["virtualMeetingLink"_L1].toString(),
                 shown ? u"https://meet.example/secret-room-4471"_s : QString());
        QCOMPARE(changes.first()["doc"_L1].toObject().contains("virtualMeetingPassword"_L1), shown);
        QCOMPARE(changes.first()["doc"_L1]["version"_L1].toInt(), 1);
    }
    const QJsonObject seen =
        m_server.request("GET", u"/api/v1/appointments/"_s + id, {}, m_clinician).object();
    QCOMPARE(seen.value("virtualMeetingLink"_L1).toString(),
             u"https://meet.example/secret-room-4471"_s);
    QCOMPARE(seen.value("virtualMeetingPassword"_L1).toString(), u"pw-88213"_s);
    const QJsonObject hidden =
        m_server.request("GET", u"/api/v1/appointments/"_s + id, {}, m_billing).object();
    QVERIFY(!hidden.contains("virtualMeetingLink"_L1));
    QVERIFY(!hidden.contains("virtualMeetingPassword"_L1));

    // Not in the database file, nor its WAL, in the clear.
    for (const QString& file : {u"/mentalspace.db"_s, u"/mentalspace.db-wal"_s}) {
        QFile f(m_server.dataDir() + file);
        if (f.open(QIODevice::ReadOnly))
            QVERIFY(!f.readAll().contains("secret-room-4471"));
    }
    // Nor in the rows, whichever engine holds them.
    {
        mss::test::TestDatabase db(u"secrets"_s, m_server.dataDir(), m_server.databaseUrl());
        QVERIFY(db.isOpen());
        QSqlQuery q(db.sql());
        QVERIFY(q.exec(u"SELECT doc, secret FROM appointments WHERE id = '%1'"_s.arg(id)));
        QVERIFY(q.next());
        QVERIFY(!q.value(0).toByteArray().contains("secret-room-4471"));
        QVERIFY(!q.value(1).toByteArray().isEmpty());
        QVERIFY(!q.value(1).toByteArray().contains("secret-room-4471"));
    }
    // The files of the practice are its owner's alone (on PostgreSQL the
    // keys are; the database is the server's to guard).
    QStringList privateFiles{u"/secret.key"_s};
    if (!m_server.databaseUrl())
        privateFiles << u"/mentalspace.db"_s;
    for (const QString& file : std::as_const(privateFiles)) {
        QCOMPARE(QFile(m_server.dataDir() + file).permissions() &
                     (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
    }
}

void ServerApiSecurityTest::auditVerifyFailsAfterAnEntryIsAltered() {
    const Reply log =
        m_server.request("GET", u"/api/v1/audit-logs?action=appointment.create"_s, {}, m_admin);
    QCOMPARE(log.status, 200);
    QVERIFY(log.json.value("count"_L1).toInt() > 0);
    const QJsonObject entry = log.data().toArray().first().toObject();
    QCOMPARE(entry.value("outcome"_L1).toInt(), 201);
    QCOMPARE(entry.value("resourceType"_L1).toString(), u"appointment"_s);
    QCOMPARE(m_server.request("GET", u"/api/v1/audit-logs"_s, {}, m_clinician).status, 403);

    m_server.stop();
    QString output;
    QCOMPARE(m_server.command({u"audit"_s, u"verify"_s, u"--data-dir"_s, m_server.dataDir()}, {},
                              &output),
             0);
    {
        mss::test::TestDatabase db(u"tamper"_s, m_server.dataDir(), m_server.databaseUrl());
        QVERIFY(db.isOpen());
        QSqlQuery q(db.sql());
        QVERIFY(q.exec(u"UPDATE audit_log SET doc = replace(doc, '\"outcome\":201', "
                       "'\"outcome\":200') WHERE seq = (SELECT MIN(seq) FROM audit_log WHERE "
                       "action = 'appointment.create')"_s));
        QCOMPARE(q.numRowsAffected(), 1);
    }
    QCOMPARE(m_server.command({u"audit"_s, u"verify"_s, u"--data-dir"_s, m_server.dataDir()}, {},
                              &output),
             1);
    QVERIFY2(output.contains(u"BROKEN at entry"_s), qPrintable(output));
}

QTEST_GUILESS_MAIN(ServerApiSecurityTest)
#include "tst_server_api_security.moc"
