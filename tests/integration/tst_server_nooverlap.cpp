// No overlap enforced by PostgreSQL itself (docs/server.md, "PostgreSQL";
// core/storage/Migrations.cpp, step 7): rows written straight into the
// database, past every server's check, are refused by the exclusion
// constraints exactly where DESIGN.md's rule says two appointments conflict;
// a refusal reaches the desk as the check's own 409, naming the appointment.
// Registered only as tst_server_nooverlap_pg: SQLite has no such constraint.
#include "PostgresCluster.h"
#include "ServerHarness.h"
#include "TestDatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>
#include <QUrl>

using namespace Qt::StringLiterals;
using mss::test::Reply;

namespace {

const QString providerA = u"5f0000000000000000000a01"_s;
const QString providerB = u"5f0000000000000000000a02"_s;
const QString clientA = u"5f0000000000000000000c01"_s;
const QString clientB = u"5f0000000000000000000c02"_s;
// 2030-03-05 14:00 UTC, and minutes from it.
constexpr qint64 base = 1'898'949'600'000;
constexpr qint64 minute = 60'000;

// One appointment row as the server stores it (the columns the constraints
// read, and a document a read can show).
struct Row {
    QString id, provider, client;
    qint64 start = 0, end = 0;
    int status = 0; // 0 Scheduled, 3 Cancelled
    int type = 1;   // 1 Individual Therapy, 2 Group Therapy
    bool checkedFree = true;
};

// `stepSeven`: with the column of Migrations.cpp's step 7 (false: a
// database made before it).
QString insertStatement(const Row& r, bool stepSeven = true) {
    const QJsonObject doc{
        {"_id"_L1, r.id},
        {"client"_L1, r.client},
        {"provider"_L1, r.provider},
        {"startTime"_L1,
         QDateTime::fromMSecsSinceEpoch(r.start, QTimeZone::utc()).toString(Qt::ISODateWithMs)},
        {"endTime"_L1,
         QDateTime::fromMSecsSinceEpoch(r.end, QTimeZone::utc()).toString(Qt::ISODateWithMs)},
        {"appointmentType"_L1, r.type == 2 ? u"Group Therapy"_s : u"Individual Therapy"_s},
        {"status"_L1, r.status == 3 ? u"Cancelled"_s : u"Scheduled"_s},
        {"version"_L1, 1},
        {"updatedAt"_L1, u"2030-01-01T00:00:00.000Z"_s}};
    return u"INSERT INTO appointments(id, provider, client, start_ms, end_ms, status, type, "
           "updated_ms, version, doc%9) VALUES('%1', '%2', '%3', %4, %5, %6, %7, 0, 1, '%8'%10)"_s
               .arg(r.id, r.provider, r.client)
               .arg(r.start)
               .arg(r.end)
               .arg(r.status)
               .arg(r.type)
               .arg(QString::fromUtf8(QJsonDocument(doc).toJson(QJsonDocument::Compact)),
                    stepSeven ? u", checked_free"_s : QString(),
                    !stepSeven      ? QString()
                    : r.checkedFree ? u", true"_s
                                    : u", false"_s);
}

QString databaseName(const QString& url) {
    return QUrl(url).path().mid(1);
}

} // namespace

Q_DECLARE_METATYPE(Row)

class ServerNoOverlapTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void rowsWrittenPastTheCheckFollowTheRule_data();
    void rowsWrittenPastTheCheckFollowTheRule();
    void aBookingOverARowTheCheckCouldNotSeeIsA409NamingIt();
    void anAllowOverlapBookingLeavesBothAppointmentsEditable();
    void overlapsBookedBeforeTheConstraintSurviveTheUpgrade();
    void thePlainContractStoresOverlapsAsTheMentalSpaceServerDoes();

private:
    std::unique_ptr<mss::test::ServerHarness> m_server;
    std::unique_ptr<mss::test::TestDatabase> m_db;
    QByteArray m_admin;
    QString m_provider; // the admin, who also sees clients
    QString m_client1, m_client2;

    QString addClient(const QString& lastName) {
        const Reply r =
            m_server->request("POST", u"/api/v1/clients"_s,
                              {{"firstName"_L1, u"Overlap"_s}, {"lastName"_L1, lastName}}, m_admin);
        return r.status == 201 ? r.object().value("_id"_L1).toString() : QString();
    }
};

void ServerNoOverlapTest::initTestCase() {
    m_server = std::make_unique<mss::test::ServerHarness>();
    QVERIFY2(m_server->databaseUrl(), "run with MSS_TEST_DATABASE=postgresql");
    QVERIFY(m_server->init());
    QVERIFY(m_server->start());
    m_admin = m_server->login(u"PRACTICE_ADMIN"_s);
    QVERIFY(!m_admin.isEmpty());
    m_provider =
        m_server->request("GET", u"/api/v1/auth/me"_s, {}, m_admin).object()["_id"_L1].toString();
    QVERIFY(!m_provider.isEmpty());
    m_client1 = addClient(u"One"_s);
    m_client2 = addClient(u"Two"_s);
    QVERIFY(!m_client1.isEmpty() && !m_client2.isEmpty());
    m_db = std::make_unique<mss::test::TestDatabase>(u"nooverlap"_s, m_server->dataDir(),
                                                     m_server->databaseUrl());
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->sql().lastError().text()));
}

void ServerNoOverlapTest::cleanupTestCase() {
    m_db.reset();
    m_server.reset();
}

void ServerNoOverlapTest::rowsWrittenPastTheCheckFollowTheRule_data() {
    QTest::addColumn<Row>("first");
    QTest::addColumn<Row>("second");
    QTest::addColumn<bool>("refused");
    const auto at = [](qint64 from, qint64 to) {
        return std::pair{base + from * minute, base + to * minute};
    };
    const auto row = [](const QString& id, const QString& provider, const QString& client,
                        std::pair<qint64, qint64> time, int status = 0, int type = 1,
                        bool checkedFree = true) {
        return Row{id, provider, client, time.first, time.second, status, type, checkedFree};
    };
    const QString a = u"6a0000000000000000000001"_s;
    const QString b = u"6a0000000000000000000002"_s;
    QTest::newRow("same provider, overlapping")
        << row(a, providerA, clientA, at(0, 50)) << row(b, providerA, clientB, at(30, 80)) << true;
    QTest::newRow("same client, another provider, overlapping")
        << row(a, providerA, clientA, at(0, 50)) << row(b, providerB, clientA, at(49, 99)) << true;
    QTest::newRow("touching is not overlapping")
        << row(a, providerA, clientA, at(0, 50)) << row(b, providerA, clientA, at(50, 100))
        << false;
    QTest::newRow("another provider and client")
        << row(a, providerA, clientA, at(0, 50)) << row(b, providerB, clientB, at(0, 50)) << false;
    QTest::newRow("a cancelled one holds no time")
        << row(a, providerA, clientA, at(0, 50), 3) << row(b, providerA, clientB, at(0, 50))
        << false;
    QTest::newRow("one booked over the other (allowOverlap)")
        << row(a, providerA, clientA, at(0, 50))
        << row(b, providerA, clientB, at(10, 60), 0, 1, false) << false;
    QTest::newRow("one group session of a provider")
        << row(a, providerA, clientA, at(0, 90), 0, 2)
        << row(b, providerA, clientB, at(0, 90), 0, 2) << false;
    QTest::newRow("group sessions of a provider at other times")
        << row(a, providerA, clientA, at(0, 90), 0, 2)
        << row(b, providerA, clientB, at(0, 60), 0, 2) << true;
    QTest::newRow("a group session and an individual one")
        << row(a, providerA, clientA, at(0, 90), 0, 2) << row(b, providerA, clientB, at(0, 90))
        << true;
    QTest::newRow("one client in two providers' group sessions")
        << row(a, providerA, clientA, at(0, 90), 0, 2)
        << row(b, providerB, clientA, at(0, 90), 0, 2) << true;
}

void ServerNoOverlapTest::rowsWrittenPastTheCheckFollowTheRule() {
    QFETCH(Row, first);
    QFETCH(Row, second);
    QFETCH(bool, refused);
    QSqlQuery q(m_db->sql());
    QVERIFY2(
        q.exec(u"DELETE FROM appointments WHERE id IN ('%1', '%2')"_s.arg(first.id, second.id)),
        qPrintable(q.lastError().text()));
    QVERIFY2(q.exec(insertStatement(first)), qPrintable(q.lastError().text()));
    const bool stored = q.exec(insertStatement(second));
    if (refused) {
        QVERIFY2(!stored, "PostgreSQL stored an appointment that overlaps another");
        QCOMPARE(q.lastError().nativeErrorCode(), u"23P01"_s); // exclusion_violation
    } else {
        QVERIFY2(stored, qPrintable(q.lastError().text()));
    }
    QVERIFY(
        q.exec(u"DELETE FROM appointments WHERE id IN ('%1', '%2')"_s.arg(first.id, second.id)));
}

void ServerNoOverlapTest::aBookingOverARowTheCheckCouldNotSeeIsA409NamingIt() {
    // Another writer's appointment, not yet committed when the server checks
    // the slot: the check cannot see it, PostgreSQL makes the server's write
    // wait for it and, once it commits, refuses the overlap. The desk gets
    // the check's 409, naming it.
    const QString other = u"6b0000000000000000000001"_s;
    QSqlDatabase& sql = m_db->sql();
    QVERIFY(sql.transaction());
    QSqlQuery q(sql);
    QVERIFY2(q.exec(insertStatement(
                 Row{other, m_provider, m_client1, base + 600 * minute, base + 650 * minute})),
             qPrintable(q.lastError().text()));

    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(m_server->baseUrl() + u"/api/v1/appointments"_s));
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    request.setRawHeader("Authorization", "Bearer " + m_admin);
    const QJsonObject booking{{"client"_L1, m_client2},
                              {"provider"_L1, m_provider},
                              {"startTime"_L1, u"2030-03-06T00:30:00.000Z"_s},
                              {"endTime"_L1, u"2030-03-06T01:20:00.000Z"_s},
                              {"appointmentType"_L1, u"Individual Therapy"_s}};
    QNetworkReply* reply = nam.post(request, QJsonDocument(booking).toJson());

    // The server's insert waits on this transaction's row.
    auto& cluster = mss::test::PostgresCluster::shared();
    const QString database = databaseName(*m_server->databaseUrl());
    bool waiting = false;
    for (int i = 0; i < 300 && !waiting && !reply->isFinished(); ++i) {
        const auto found = cluster.psql(
            database, u"SELECT count(*) FROM pg_stat_activity WHERE application_name = "
                      "'mentalspace-server' AND wait_event_type = 'Lock'"_s);
        waiting = found && found->toInt() > 0;
        if (!waiting)
            QTest::qWait(100);
    }
    QVERIFY2(waiting, "the server's write never waited for the other transaction's row");
    QVERIFY(sql.commit());
    QVERIFY(QTest::qWaitFor([&] { return reply->isFinished(); }, 30'000));
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
    delete reply;
    QCOMPARE(status, 409);
    QCOMPARE(json.value("code"_L1).toString(), u"SCHEDULING_CONFLICT"_s);
    QCOMPARE(json.value("conflicts"_L1).toArray(), QJsonArray{other});
    const QJsonObject detail = json.value("conflictDetails"_L1).toArray().first().toObject();
    QCOMPARE(detail.value("reason"_L1).toString(), u"provider"_s);
    QCOMPARE(detail.value("startTime"_L1).toString(), u"2030-03-06T00:00:00.000Z"_s);
    QCOMPARE(json.value("error"_L1).toString(),
             u"The time overlaps 1 appointment(s) of the same provider or client"_s);

    // Nothing of the refused booking stays; the other appointment reads.
    const Reply list =
        m_server->request("GET", u"/api/v1/appointments?client=%1"_s.arg(m_client2), {}, m_admin);
    QCOMPARE(list.status, 200);
    QCOMPARE(list.json.value("count"_L1).toInt(), 0);
    QCOMPARE(m_server->request("GET", u"/api/v1/appointments/"_s + other, {}, m_admin).status, 200);
    QVERIFY(q.exec(u"DELETE FROM appointments WHERE id = '%1'"_s.arg(other)));
}

void ServerNoOverlapTest::anAllowOverlapBookingLeavesBothAppointmentsEditable() {
    // An admin books over an appointment on purpose: the database keeps out
    // of it, and a later ordinary edit of either is not refused.
    const auto book = [&](const QString& client, bool allowOverlap) {
        QJsonObject body{{"client"_L1, client},
                         {"provider"_L1, m_provider},
                         {"startTime"_L1, u"2030-03-06T15:00:00.000Z"_s},
                         {"endTime"_L1, u"2030-03-06T15:50:00.000Z"_s},
                         {"appointmentType"_L1, u"Individual Therapy"_s}};
        if (allowOverlap)
            body.insert("allowOverlap"_L1, true);
        return m_server->request("POST", u"/api/v1/appointments"_s, body, m_admin);
    };
    const Reply first = book(m_client1, false);
    QCOMPARE(first.status, 201);
    const QString firstId = first.object().value("_id"_L1).toString();
    QCOMPARE(book(m_client2, false).status, 409);
    const Reply over = book(m_client2, true);
    QCOMPARE(over.status, 201);
    const QString overId = over.object().value("_id"_L1).toString();
    QCOMPARE(over.json.value("warnings"_L1).toArray().first()["code"_L1].toString(),
             u"OVERLAP_ALLOWED"_s);
    for (const QString& id : {firstId, overId}) {
        const Reply edited = m_server->request("PUT", u"/api/v1/appointments/"_s + id,
                                               {{"notes"_L1, u"Bring the intake form"_s}}, m_admin);
        QVERIFY2(edited.status == 200, edited.body.constData());
    }
    // Moved off to a free time, the second holds it like any other: a
    // third booking there is refused.
    const Reply moved = m_server->request("PUT", u"/api/v1/appointments/"_s + overId,
                                          {{"startTime"_L1, u"2030-03-06T17:00:00.000Z"_s},
                                           {"endTime"_L1, u"2030-03-06T17:50:00.000Z"_s}},
                                          m_admin);
    QVERIFY2(moved.status == 200, moved.body.constData());
    QSqlQuery q(m_db->sql());
    QVERIFY(q.exec(u"SELECT checked_free FROM appointments WHERE id = '%1'"_s.arg(overId)) &&
            q.next());
    QVERIFY2(q.value(0).toBool(), "the moved appointment does not hold its new time");
}

void ServerNoOverlapTest::overlapsBookedBeforeTheConstraintSurviveTheUpgrade() {
    // A practice whose database was made before step 7, with an appointment
    // booked over another (allowOverlap): the upgrade keeps both and adds
    // the constraints, which hold from then on.
    mss::test::ServerHarness old;
    QVERIFY(old.init());
    mss::test::TestDatabase db(u"upgrade"_s, old.dataDir(), old.databaseUrl());
    QVERIFY(db.isOpen());
    QSqlQuery q(db.sql());
    for (const QString& statement :
         {u"ALTER TABLE appointments DROP CONSTRAINT appointments_provider_no_overlap, "
          "DROP CONSTRAINT appointments_client_no_overlap, DROP COLUMN holds_time, "
          "DROP COLUMN overlap_key, DROP COLUMN checked_free"_s,
          u"DROP TABLE login_failures"_s, // step 8's
          u"UPDATE schema_version SET version = 6"_s})
        QVERIFY2(q.exec(statement), qPrintable(q.lastError().text()));
    const QString first = u"6c0000000000000000000001"_s;
    const QString over = u"6c0000000000000000000002"_s;
    for (const Row& r : {Row{first, providerA, clientA, base, base + 50 * minute},
                         Row{over, providerA, clientB, base + 10 * minute, base + 60 * minute}}) {
        QVERIFY2(q.exec(insertStatement(r, false)), qPrintable(q.lastError().text()));
    }

    QVERIFY2(old.start(), "the server did not start on the upgraded database");
    QVERIFY(q.exec(u"SELECT version FROM schema_version"_s) && q.next());
    QCOMPARE(q.value(0).toInt(), 8); // steps 7 and 8 ran
    QVERIFY(q.exec(u"SELECT id, checked_free FROM appointments ORDER BY id"_s));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), first);
    QVERIFY2(q.value(1).toBool(), "the first appointment lost its hold on its time");
    QVERIFY(q.next());
    QVERIFY2(!q.value(1).toBool(), "the appointment booked over it holds its time exclusively");
    const bool stored =
        q.exec(insertStatement(Row{u"6c0000000000000000000003"_s, providerA, clientB,
                                   base + 40 * minute, base + 90 * minute}));
    QVERIFY2(!stored, "the upgraded database stored an overlap");
    QCOMPARE(q.lastError().nativeErrorCode(), u"23P01"_s);
}

void ServerNoOverlapTest::thePlainContractStoresOverlapsAsTheMentalSpaceServerDoes() {
    // --plain-api checks no conflicts, as the MentalSpace EHR server: the
    // database does not refuse for it what the plain contract accepts, even
    // a move onto time that a server of the full contract had checked free.
    mss::test::ServerHarness plain;
    QVERIFY(plain.init());
    QVERIFY(plain.start({u"--plain-api"_s}));
    const QString full = plain.startAnother();
    QVERIFY(!full.isEmpty());
    const QByteArray token = plain.login(u"PRACTICE_ADMIN"_s);
    const QString provider =
        plain.request("GET", u"/api/v1/auth/me"_s, {}, token).object()["_id"_L1].toString();
    const Reply client =
        plain.request("POST", u"/api/v1/clients"_s,
                      {{"firstName"_L1, u"Plain"_s}, {"lastName"_L1, u"Desk"_s}}, token);
    QCOMPARE(client.status, 201);
    const auto at = [](const QString& start) {
        const QDateTime t = QDateTime::fromString(start, Qt::ISODateWithMs);
        return QJsonObject{{"startTime"_L1, start},
                           {"endTime"_L1, t.addSecs(50 * 60).toString(Qt::ISODateWithMs)}};
    };
    QStringList ids;
    for (const QString& start : {u"2030-03-07T15:00:00.000Z"_s, u"2030-03-07T17:00:00.000Z"_s}) {
        QJsonObject body = at(start);
        body.insert("client"_L1, client.object().value("_id"_L1));
        body.insert("provider"_L1, provider);
        body.insert("appointmentType"_L1, u"Individual Therapy"_s);
        QNetworkAccessManager nam;
        QNetworkRequest request(QUrl(full + u"/api/v1/appointments"_s));
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        request.setRawHeader("Authorization", "Bearer " + token);
        QNetworkReply* reply = nam.post(request, QJsonDocument(body).toJson());
        QVERIFY(QTest::qWaitFor([&] { return reply->isFinished(); }, 30'000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
        ids << QJsonDocument::fromJson(reply->readAll())["data"_L1]["_id"_L1].toString();
        delete reply;
    }
    const Reply moved = plain.request("PUT", u"/api/v1/appointments/"_s + ids.at(1),
                                      at(u"2030-03-07T15:30:00.000Z"_s), token);
    QVERIFY2(moved.status == 200, moved.body.constData());
}

QTEST_GUILESS_MAIN(ServerNoOverlapTest)
#include "tst_server_nooverlap.moc"
