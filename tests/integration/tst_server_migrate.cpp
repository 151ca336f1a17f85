// mentalspace-server migrate (docs/server.md, "Moving to PostgreSQL"): a
// practice built through the real server on SQLite, copied into a database
// of the test's own PostgreSQL cluster, then served from there; and the
// refusals and failures that must leave the target as it was.
#include "PostgresCluster.h"
#include "ServerHarness.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QtTest>

using namespace Qt::StringLiterals;
using mss::test::Reply;
using mss::test::ServerHarness;

class ServerMigrateTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void aMigratedPracticeIsServedFromPostgresqlAsItWas();
    void aSourceOutsideTheDataDirectoryNeedsItsKeysThere();
    void aTargetHoldingAPracticeIsRefusedAndKept();
    void aMissingOrForeignSourceIsRefused();
    void aSourceInUseOrAtAnotherSchemaIsRefused();
    void aSourceWithABrokenAuditChainIsRefused();
    void anUnreachableTargetIsRefused();
    void aRowTheTargetRefusesLeavesItEmpty();
    void aCopyThatDiffersFromItsSourceIsNamed();

private:
    // A new database of the cluster: its URL, and its name.
    std::pair<QString, QString> newDatabase();
    // The source practice's files copied into `dir` (its server stopped).
    bool copySourceInto(const QString& dir) const;
    // Runs migrate; its exit code and output.
    int migrate(const QString& dataDir, const QString& from, const QString& to,
                QString* output) const;
    // The one value `query` answers in `database`, as text, or "?" with
    // the reason when it cannot be asked.
    QString valueIn(const QString& database, const QString& query) const;
    // The tables of `database`.
    QString tablesIn(const QString& database) const;
    QJsonArray all(const ServerHarness& server, const QString& path, const QByteArray& token) const;
    // Every page of the change feed after `cursor`: the ids, and the last cursor.
    std::pair<QStringList, QString> feedAfter(const ServerHarness& server, const QString& cursor,
                                              const QByteArray& token) const;

    ServerHarness m_source;
    QDateTime m_now;
    QString m_providerId, m_clientA, m_clientB, m_seriesId, m_waitlistId, m_appointmentId;
    QByteArray m_adminToken;
    QString m_deskCursor;
    qint64 m_reminderRows = 0;
    // What the SQLite server answered, to compare with PostgreSQL's.
    QHash<QString, QJsonArray> m_answers;
    QJsonObject m_settings;
};

namespace {

const QStringList answeredPaths{
    u"/api/v1/appointments?sort=startTime&limit=500"_s,
    u"/api/v1/clients?limit=500"_s,
    u"/api/v1/staff?limit=500"_s,
    u"/api/v1/recurring-appointments?limit=500"_s,
    u"/api/v1/waitlist?limit=500"_s,
};

QString psqlName(const QString& url) {
    return url.section(u'/', -1);
}

} // namespace

std::pair<QString, QString> ServerMigrateTest::newDatabase() {
    auto& cluster = mss::test::PostgresCluster::shared();
    const QString url = cluster.createDatabase();
    if (url.isEmpty())
        qFatal("the tests' PostgreSQL cluster is not available: %s", qPrintable(cluster.error()));
    return {url, psqlName(url)};
}

bool ServerMigrateTest::copySourceInto(const QString& dir) const {
    for (const QString& name :
         {u"mentalspace.db"_s, u"secret.key"_s, u"confirm.key"_s, u"audit.anchor"_s, u"clock"_s}) {
        const QString from = QDir(m_source.dataDir()).filePath(name);
        const QString to = QDir(dir).filePath(name);
        QFile::remove(to);
        if (QFile::exists(from) && !QFile::copy(from, to))
            return false;
    }
    return true;
}

int ServerMigrateTest::migrate(const QString& dataDir, const QString& from, const QString& to,
                               QString* output) const {
    return m_source.command(
        {u"migrate"_s, u"--data-dir"_s, dataDir, u"--from"_s, from, u"--to"_s, to}, {}, output);
}

QString ServerMigrateTest::valueIn(const QString& database, const QString& query) const {
    QString value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, u"look"_s);
        db.setHostName(u"127.0.0.1"_s);
        db.setPort(mss::test::PostgresCluster::shared().port());
        db.setUserName(mss::test::PostgresCluster::user());
        db.setDatabaseName(database);
        if (!db.open()) {
            value = u"? "_s + db.lastError().text();
        } else {
            QSqlQuery q(db);
            value =
                q.exec(query) && q.next() ? q.value(0).toString() : u"? "_s + q.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(u"look"_s);
    return value;
}

QString ServerMigrateTest::tablesIn(const QString& database) const {
    return valueIn(database, u"SELECT count(*) FROM information_schema.tables WHERE "
                             "table_schema = 'public'"_s);
}

QJsonArray ServerMigrateTest::all(const ServerHarness& server, const QString& path,
                                  const QByteArray& token) const {
    const Reply r = server.request("GET", path, {}, token);
    if (r.status != 200)
        qWarning() << path << r.status << r.body;
    return r.data().toArray();
}

std::pair<QStringList, QString> ServerMigrateTest::feedAfter(const ServerHarness& server,
                                                             const QString& since,
                                                             const QByteArray& token) const {
    QStringList ids;
    QString cursor = since;
    for (int page = 0; page < 100; ++page) {
        const QJsonObject json =
            server.request("GET", u"/api/v1/sync/changes?limit=1000&since="_s + cursor, {}, token)
                .object();
        for (const QJsonValue& c : json.value("changes"_L1).toArray())
            ids << c["_id"_L1].toString();
        cursor = json.value("cursor"_L1).toString();
        if (!json.value("hasMore"_L1).toBool())
            break;
    }
    return {ids, cursor};
}

void ServerMigrateTest::initTestCase() {
    QVERIFY2(mss::test::PostgresCluster::shared().error().isEmpty(),
             qPrintable(mss::test::PostgresCluster::shared().error()));
    QVERIFY2(!m_source.databaseUrl(), "the source practice is SQLite: run without "
                                      "MSS_TEST_DATABASE");
    // A practice as an office has it after a while on SQLite.
    m_now = QDateTime(QDate(2030, 1, 1), QTime(12, 0), Qt::UTC);
    QVERIFY(m_source.init());
    QVERIFY(m_source.setNow(m_now));
    QVERIFY(m_source.addUser(u"CLINICIAN"_s));
    QVERIFY(m_source.addUser(u"RECEPTIONIST"_s));
    QVERIFY(m_source.start());
    m_adminToken = m_source.login(u"PRACTICE_ADMIN"_s);
    const QByteArray clinician = m_source.login(u"CLINICIAN"_s);
    const QByteArray reception = m_source.login(u"RECEPTIONIST"_s);
    QVERIFY(!m_adminToken.isEmpty() && !clinician.isEmpty() && !reception.isEmpty());
    m_providerId =
        m_source.request("GET", u"/api/v1/auth/me"_s, {}, clinician).object()["_id"_L1].toString();
    for (QString* id : {&m_clientA, &m_clientB}) {
        const Reply r = m_source.request(
            "POST", u"/api/v1/clients"_s,
            {{"firstName"_L1, u"Ana"_s},
             {"lastName"_L1, id == &m_clientA ? u"Núñez"_s : u"Okafor"_s},
             {"email"_L1, id == &m_clientA ? u"ana@example.org"_s : u"ok@example.org"_s}},
            reception);
        QCOMPARE(r.status, 201);
        *id = r.object()["_id"_L1].toString();
    }
    for (const char* day : {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}) {
        QCOMPARE(m_source
                     .request("POST", u"/api/v1/staff/%1/availabilities"_s.arg(m_providerId),
                              {{"dayOfWeek"_L1, QString::fromLatin1(day)},
                               {"startTime"_L1, u"09:00"_s},
                               {"endTime"_L1, u"17:00"_s}},
                              clinician)
                     .status,
                 201);
    }
    Reply r = m_source.request("POST", u"/api/v1/appointments"_s,
                               {{"client"_L1, m_clientA},
                                {"provider"_L1, m_providerId},
                                {"startTime"_L1, u"2030-03-05T15:00:00.000Z"_s},
                                {"endTime"_L1, u"2030-03-05T15:50:00.000Z"_s},
                                {"appointmentType"_L1, u"Individual Therapy"_s},
                                {"location"_L1, u"Virtual"_s},
                                {"virtualMeetingLink"_L1, u"https://meet.example.org/room-7"_s}},
                               reception);
    QCOMPARE(r.status, 201);
    m_appointmentId = r.object()["_id"_L1].toString();
    r = m_source.request("POST", u"/api/v1/recurring-appointments"_s,
                         {{"client"_L1, m_clientB},
                          {"provider"_L1, m_providerId},
                          {"appointmentType"_L1, u"Individual Therapy"_s},
                          {"duration"_L1, 50},
                          {"recurrencePattern"_L1, u"Weekly"_s},
                          {"dayOfWeek"_L1, u"Monday"_s},
                          {"startTime"_L1, u"10:00"_s},
                          {"startDate"_L1, u"2030-03-04T00:00:00.000Z"_s},
                          {"numberOfOccurrences"_L1, 4}},
                         reception);
    QCOMPARE(r.status, 201);
    m_seriesId = r.object()["_id"_L1].toString();
    r = m_source.request(
        "POST", u"/api/v1/waitlist"_s,
        {{"client"_L1, m_clientA},
         {"provider"_L1, m_providerId},
         {"appointmentType"_L1, u"Individual Therapy"_s},
         {"duration"_L1, 50},
         {"preferredWindows"_L1, QJsonArray{QJsonObject{{"dayOfWeek"_L1, u"Monday"_s},
                                                        {"startTime"_L1, u"09:00"_s},
                                                        {"endTime"_L1, u"12:00"_s}}}},
         {"earliestDate"_L1, u"2030-03-04"_s}},
        m_adminToken);
    QCOMPARE(r.status, 201);
    m_waitlistId = r.object()["_id"_L1].toString();
    QCOMPARE(m_source
                 .request("PUT", u"/api/v1/settings"_s, {{"timeZone"_L1, u"America/Chicago"_s}},
                          m_adminToken)
                 .status,
             200);

    // The reminder scheduler plans the appointments' reminders shortly
    // after each write, in as many passes as it takes: counted once it has
    // followed the change feed to its end.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"source"_s);
        db.setDatabaseName(QDir(m_source.dataDir()).filePath(u"mentalspace.db"_s));
        QVERIFY(db.open());
        QVERIFY(QTest::qWaitFor(
            [&] {
                QSqlQuery q(u"SELECT (SELECT count(*) FROM reminders), "
                            "(SELECT value FROM settings WHERE key = 'remindersFeedCursor'), "
                            "(SELECT max(seq) FROM changes)"_s,
                            db);
                if (!q.next())
                    return false;
                m_reminderRows = q.value(0).toLongLong();
                return m_reminderRows > 0 && q.value(1).toLongLong() == q.value(2).toLongLong();
            },
            20'000));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"source"_s);

    // A desk that has pulled everything so far.
    const auto [ids, cursor] = feedAfter(m_source, {}, m_adminToken);
    QVERIFY(ids.contains(m_appointmentId));
    QVERIFY(!cursor.isEmpty());
    m_deskCursor = cursor;
    for (const QString& path : answeredPaths) {
        m_answers.insert(path, all(m_source, path, m_adminToken));
        QVERIFY2(!m_answers.value(path).isEmpty(), qPrintable(path));
    }
    QCOMPARE(m_answers.value(answeredPaths.first()).size(), 5);
    m_settings = m_source.request("GET", u"/api/v1/settings"_s, {}, m_adminToken).object();
    QCOMPARE(m_source.stop(), 0);
}

void ServerMigrateTest::aMigratedPracticeIsServedFromPostgresqlAsItWas() {
    const auto [url, database] = newDatabase();
    ServerHarness postgres;
    QVERIFY(copySourceInto(postgres.dataDir()));
    const QString file = QDir(postgres.dataDir()).filePath(u"mentalspace.db"_s);
    QString output;
    const int migrated = migrate(postgres.dataDir(), u"sqlite:"_s + file, url, &output);
    QVERIFY2(migrated == 0, qPrintable(output));
    QVERIFY2(output.contains("audit log intact"_L1), qPrintable(output));
    QVERIFY2(output.contains("appointments: 5 / 5 rows"_L1), qPrintable(output));
    // From here on the practice is PostgreSQL's alone.
    QVERIFY(QFile::remove(file));
    QVERIFY(postgres.start({u"--database"_s, url}));

    // The desk's session of the SQLite server still holds, and so do the
    // practice's sign-ins.
    QCOMPARE(postgres.request("GET", u"/api/v1/auth/me"_s, {}, m_adminToken).status, 200);
    const QByteArray reception = postgres.login(u"RECEPTIONIST"_s);
    QVERIFY(!reception.isEmpty());
    const QByteArray admin = postgres.login(u"PRACTICE_ADMIN"_s);
    QVERIFY(!admin.isEmpty());
    for (const QString& path : answeredPaths)
        QCOMPARE(all(postgres, path, admin), m_answers.value(path));
    QCOMPARE(postgres.request("GET", u"/api/v1/settings"_s, {}, admin).object(), m_settings);
    QCOMPARE(
        postgres.request("GET", u"/api/v1/staff/%1/availabilities"_s.arg(m_providerId), {}, admin)
            .data()
            .toArray()
            .size(),
        5);
    // The meeting link, sealed with the data directory's key, opens.
    const QByteArray clinician = postgres.login(u"CLINICIAN"_s);
    QCOMPARE(postgres.request("GET", u"/api/v1/appointments/"_s + m_appointmentId, {}, clinician)
                 .object()["virtualMeetingLink"_L1]
                 .toString(),
             u"https://meet.example.org/room-7"_s);
    QCOMPARE(valueIn(database, u"SELECT count(*) FROM reminders"_s),
             QString::number(m_reminderRows));

    // The desk's cursor: nothing new yet, then exactly what is written now.
    QCOMPARE(feedAfter(postgres, m_deskCursor, admin).first, QStringList());
    const Reply client =
        postgres.request("POST", u"/api/v1/clients"_s,
                         {{"firstName"_L1, u"New"_s}, {"lastName"_L1, u"Later"_s}}, reception);
    QCOMPARE(client.status, 201);
    QCOMPARE(feedAfter(postgres, m_deskCursor, admin).first,
             QStringList{client.object()["_id"_L1].toString()});

    // A copied appointment still holds its time.
    const Reply clash = postgres.request("POST", u"/api/v1/appointments"_s,
                                         {{"client"_L1, m_clientB},
                                          {"provider"_L1, m_providerId},
                                          {"startTime"_L1, u"2030-03-05T15:30:00.000Z"_s},
                                          {"endTime"_L1, u"2030-03-05T16:00:00.000Z"_s},
                                          {"appointmentType"_L1, u"Individual Therapy"_s}},
                                         reception);
    QCOMPARE(clash.status, 409);
    // And PostgreSQL itself protects it: every copied appointment that
    // overlaps no earlier one holds its time for the exclusion constraints.
    QCOMPARE(valueIn(database, u"SELECT count(*) FROM appointments WHERE NOT checked_free"_s),
             u"0"_s);
    QVERIFY(valueIn(database, u"SELECT count(*) FROM appointments WHERE holds_time"_s).toInt() > 0);

    QVERIFY(postgres.stop() == 0);
    QCOMPARE(postgres.command({u"audit"_s, u"verify"_s, u"--data-dir"_s, postgres.dataDir(),
                               u"--database"_s, url},
                              {}, &output),
             0);
    QVERIFY2(output.contains("audit log intact"_L1), qPrintable(output));
}

void ServerMigrateTest::aSourceOutsideTheDataDirectoryNeedsItsKeysThere() {
    const auto [url, database] = newDatabase();
    QTemporaryDir sourceDir, dataDir;
    QVERIFY(copySourceInto(sourceDir.path()));
    const QString from = u"sqlite:"_s + sourceDir.filePath(u"mentalspace.db"_s);
    QString output;
    QCOMPARE(migrate(dataDir.path(), from, url, &output), 2);
    QVERIFY2(output.contains(u"%1 is not the source practice's secret.key"_s.arg(
                 dataDir.filePath(u"secret.key"_s))),
             qPrintable(output));
    QCOMPARE(tablesIn(database), u"0"_s);

    for (const QString& key : {u"secret.key"_s, u"confirm.key"_s}) {
        if (QFile::exists(sourceDir.filePath(key)))
            QVERIFY(QFile::copy(sourceDir.filePath(key), dataDir.filePath(key)));
    }
    QVERIFY(QFile::exists(dataDir.filePath(u"confirm.key"_s)));
    QVERIFY(!QFile::exists(dataDir.filePath(u"audit.anchor"_s)));
    QCOMPARE(migrate(dataDir.path(), from, url, &output), 0);
    QVERIFY(QFile::exists(dataDir.filePath(u"audit.anchor"_s)));
    // The anchor the copied chain must reach is now beside the keys.
    QCOMPARE(m_source.command(
                 {u"audit"_s, u"verify"_s, u"--data-dir"_s, dataDir.path(), u"--database"_s, url},
                 {}, &output),
             0);
    QVERIFY2(output.contains("audit log intact"_L1), qPrintable(output));
}

void ServerMigrateTest::aTargetHoldingAPracticeIsRefusedAndKept() {
    const auto [url, database] = newDatabase();
    ServerHarness other;
    QCOMPARE(other.command({u"init"_s, u"--data-dir"_s, other.dataDir(), u"--time-zone"_s,
                            u"Europe/Madrid"_s, u"--admin-email"_s, u"other@example.org"_s,
                            u"--database"_s, url},
                           "another practice's password\n"),
             0);
    QTemporaryDir dir;
    QVERIFY(copySourceInto(dir.path()));
    QString output;
    QCOMPARE(migrate(dir.path(), u"sqlite:"_s + dir.filePath(u"mentalspace.db"_s), url, &output),
             2);
    QVERIFY2(output.contains(url + u" already holds a practice (schema "_s) &&
                 output.contains(", 1 staff, 0 appointments)"_L1) &&
                 output.contains("nothing was copied"_L1),
             qPrintable(output));
    QCOMPARE(valueIn(database, u"SELECT string_agg(email::text, ',') FROM staff"_s),
             u"other@example.org"_s);
    QCOMPARE(valueIn(database, u"SELECT count(*) FROM appointments"_s), u"0"_s);

    // A command run on a database leaves its schema, no rows: a practice too.
    const auto [started, startedName] = newDatabase();
    QTemporaryDir empty;
    QCOMPARE(other.command({u"audit"_s, u"verify"_s, u"--data-dir"_s, empty.path(), u"--database"_s,
                            started}),
             0);
    const QString tables = tablesIn(startedName);
    QCOMPARE(
        migrate(dir.path(), u"sqlite:"_s + dir.filePath(u"mentalspace.db"_s), started, &output), 2);
    QVERIFY2(output.contains(", 0 staff, 0 appointments)"_L1), qPrintable(output));
    QCOMPARE(tablesIn(startedName), tables);
}

void ServerMigrateTest::aMissingOrForeignSourceIsRefused() {
    const auto [url, database] = newDatabase();
    QTemporaryDir dir;
    QVERIFY(copySourceInto(dir.path()));
    QString output;
    const QString missing = dir.filePath(u"gone.db"_s);
    QCOMPARE(migrate(dir.path(), u"sqlite:"_s + missing, url, &output), 2);
    QVERIFY2(output.contains(u"the source %1 does not exist"_s.arg(missing)), qPrintable(output));

    QFile text(dir.filePath(u"notes.txt"_s));
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("Not a database at all, but long enough to have a header's worth of bytes in it: "
               "one hundred or more of them, as SQLite's header is.\n");
    text.close();
    QCOMPARE(migrate(dir.path(), u"sqlite:"_s + text.fileName(), url, &output), 2);
    QVERIFY2(output.contains("is not a MentalSpace database: it is not an SQLite file"_L1),
             qPrintable(output));

    QCOMPARE(migrate(dir.path(), url, url, &output), 2);
    QVERIFY2(output.contains("--from must be the SQLite practice"_L1), qPrintable(output));
    QCOMPARE(tablesIn(database), u"0"_s);
}

void ServerMigrateTest::aSourceInUseOrAtAnotherSchemaIsRefused() {
    const auto [url, database] = newDatabase();
    QTemporaryDir dir;
    QVERIFY(copySourceInto(dir.path()));
    const QString file = dir.filePath(u"mentalspace.db"_s);
    QString output;
    {
        // Another process's connection, as a running server holds one.
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"user"_s);
        db.setDatabaseName(file);
        QVERIFY(db.open());
        QSqlQuery q(u"SELECT count(*) FROM staff"_s, db);
        QVERIFY(q.next());
        QCOMPARE(migrate(dir.path(), u"sqlite:"_s + file, url, &output), 2);
        QVERIFY2(output.contains(u"the source %1 is in use"_s.arg(file)) &&
                     output.contains("stop the server first"_L1),
                 qPrintable(output));
        for (const auto& [version, words] : {std::pair{5, "older than this program's"},
                                             std::pair{99, "newer than this program's"}}) {
            QVERIFY(q.exec(u"PRAGMA user_version = %1"_s.arg(version)));
            q.finish();
            db.close();
            QCOMPARE(migrate(dir.path(), u"sqlite:"_s + file, url, &output), 2);
            QVERIFY2(output.contains(u"the source %1 is at schema %2, "_s.arg(file).arg(version)) &&
                         output.contains(QLatin1String(words)),
                     qPrintable(output));
            QVERIFY(db.open());
        }
        q = QSqlQuery();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"user"_s);
    QCOMPARE(tablesIn(database), u"0"_s);
}

void ServerMigrateTest::aSourceWithABrokenAuditChainIsRefused() {
    const auto [url, database] = newDatabase();
    QTemporaryDir dir;
    QVERIFY(copySourceInto(dir.path()));
    const QString file = dir.filePath(u"mentalspace.db"_s);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"audit"_s);
        db.setDatabaseName(file);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(
            q.exec(u"UPDATE audit_log SET doc = replace(doc, 'auth.login', 'auth.logout') "
                   "WHERE seq = (SELECT min(seq) FROM audit_log WHERE action = 'auth.login')"_s));
        QCOMPARE(q.numRowsAffected(), 1);
        q = QSqlQuery();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"audit"_s);
    QString output;
    QCOMPARE(migrate(dir.path(), u"sqlite:"_s + file, url, &output), 2);
    QVERIFY2(output.contains("the source's audit log is broken at entry"_L1) &&
                 output.contains("a copy would carry the break"_L1),
             qPrintable(output));
    QCOMPARE(tablesIn(database), u"0"_s);
}

void ServerMigrateTest::anUnreachableTargetIsRefused() {
    // A loopback port nothing listens on.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    QTemporaryDir dir;
    QVERIFY(copySourceInto(dir.path()));
    const QString url = u"postgresql://mss@127.0.0.1:%1/practice"_s.arg(port);
    QString output;
    QCOMPARE(migrate(dir.path(), u"sqlite:"_s + dir.filePath(u"mentalspace.db"_s), url, &output),
             2);
    QVERIFY2(output.contains(u"cannot reach the target %1"_s.arg(url)) &&
                 output.contains("nothing was copied"_L1),
             qPrintable(output));
}

void ServerMigrateTest::aRowTheTargetRefusesLeavesItEmpty() {
    // An appointment whose start SQLite kept as text: PostgreSQL refuses it
    // after the staff and clients before it were written.
    const auto [url, database] = newDatabase();
    QTemporaryDir dir;
    QVERIFY(copySourceInto(dir.path()));
    const QString file = dir.filePath(u"mentalspace.db"_s);
    const auto setStart = [&](const QVariant& value) {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"damage"_s);
        db.setDatabaseName(file);
        bool done = db.open();
        QSqlQuery q(db);
        q.prepare(u"UPDATE appointments SET start_ms = ? WHERE id = ?"_s);
        q.addBindValue(value);
        q.addBindValue(m_appointmentId);
        done = done && q.exec() && q.numRowsAffected() == 1;
        q.finish();
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"damage"_s);
        return done;
    };
    QVERIFY(setStart(u"soon"_s));
    QString output;
    QCOMPARE(migrate(dir.path(), u"sqlite:"_s + file, url, &output), 2);
    QVERIFY2(output.contains("clients: 2 / 2 rows"_L1) &&
                 output.contains("PostgreSQL refused a row of appointments"_L1) &&
                 output.contains(u"nothing was copied, %1 is as it was"_s.arg(url)),
             qPrintable(output));
    QCOMPARE(tablesIn(database), u"0"_s);

    // Mended, the same target takes it.
    QVERIFY(setStart(QDateTime(QDate(2030, 3, 5), QTime(15, 0), Qt::UTC).toMSecsSinceEpoch()));
    QCOMPARE(migrate(dir.path(), u"sqlite:"_s + file, url, &output), 0);
}

void ServerMigrateTest::aCopyThatDiffersFromItsSourceIsNamed() {
    // A version SQLite kept as the bytes "42" in an INTEGER column:
    // PostgreSQL takes it as the number 42, which is not what the source
    // holds, and the verification after the commit says so.
    const auto [url, database] = newDatabase();
    QTemporaryDir dir;
    QVERIFY(copySourceInto(dir.path()));
    const QString file = dir.filePath(u"mentalspace.db"_s);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"bytes"_s);
        db.setDatabaseName(file);
        QVERIFY(db.open());
        QSqlQuery q(db);
        q.prepare(u"UPDATE clients SET version = x'3432' WHERE id = ?"_s);
        q.addBindValue(m_clientB);
        QVERIFY(q.exec());
        QCOMPARE(q.numRowsAffected(), 1);
        q = QSqlQuery();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"bytes"_s);
    QString output;
    QCOMPARE(migrate(dir.path(), u"sqlite:"_s + file, url, &output), 1);
    QVERIFY2(output.contains(u"the copy in %1 does not match the source: the content of clients "
                             "differs (digest "_s.arg(url)),
             qPrintable(output));
    QVERIFY2(!output.contains("of appointments differs"_L1), qPrintable(output));
}

QTEST_GUILESS_MAIN(ServerMigrateTest)
#include "tst_server_migrate.moc"
