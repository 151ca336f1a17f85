// Reads in parallel (serve --workers): a read that is slow by construction
// (a filter no index serves, over 200,000 clients) is in flight while a
// small read is asked for. With two readers the small one is answered
// first; with one thread answering everything it waits its turn. Both
// orders are asserted, so neither a server that stopped answering in
// parallel nor one whose --workers stopped meaning anything passes. The
// server's own log of the answers tells their order; nothing here is timed.
// A FHIR search and a calendar feed fetched while the writer lists the audit
// log are answered before it, by readers. Then: a read sees
// one snapshot while writes land, and the audit entries of reads answered
// by readers are all written.
#include "ServerHarness.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

#include <algorithm>
#include <memory>
#include <vector>

#include <unistd.h>

using namespace Qt::StringLiterals;
using mss::test::ServerHarness;

class ServerReadsTest : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void withTwoReadersASmallReadOvertakesALongOne();
    void withOneThreadReadsAreAnsweredInTurn();
    void fhirAndCalendarFeedReadsOvertakeALongReadOfTheWriter();
    void aReadSeesOneSnapshotWhileWritesLand();
    void everyReadersAuditEntryIsWritten();
    void workersMustBeAWholeNumber();

private:
    // Fills the practice (the server stopped) with `count` clients whose
    // first name is "Seeded", straight through SQLite: the API would take
    // minutes.
    bool seedClients(int count);
    // The same with `count` audit entries of action "seeded".
    bool seedAuditEntries(int count);
    bool seed(const QString& statement);
    // The order in which a long read and small ones, asked for after it,
    // are answered by a server started with `workers` (the practice seeded
    // for the long one already).
    QStringList orderOfAnswers(const QString& workers, const QString& longPath,
                               const QStringList& smallPaths);
    QNetworkReply* get(QNetworkAccessManager& nam, const QString& path);
    // CPU time (user + system, all threads) the server has spent so far.
    qint64 serverCpuMs() const;

    std::unique_ptr<ServerHarness> m_server;
    QByteArray m_token;
};

// A filter on a field without a column or index: SQLite reads every client
// twice (the count and the page) to find none.
const QString longRead = u"/api/v1/clients?firstName=Nobody&limit=1"_s;
const QString smallRead = u"/api/v1/auth/me"_s;
// The audit-log listing is answered by the writer (it writes the pending
// batch of read entries first); a filter on a field the table has no column
// for makes it read every entry.
const QString longWriterRead = u"/api/v1/audit-logs?resourceType=seeded&detail=Nobody&limit=1"_s;
constexpr int seeded = 200'000;

void ServerReadsTest::init() {
    m_server = std::make_unique<ServerHarness>();
    QVERIFY(m_server->init()); // with practice_admin@test.practice
}

void ServerReadsTest::cleanup() {
    m_server.reset();
    m_token.clear();
}

bool ServerReadsTest::seedClients(int count) {
    return seed(u"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1) "
                "INSERT INTO clients(id, last_name, updated_ms, version, doc) "
                "SELECT printf('%024x', i), 'Client', 0, 1, json_object('_id', "
                "printf('%024x', i), 'firstName', 'Seeded', 'lastName', 'Client', "
                "'version', 1) FROM n"_s.arg(count));
}

bool ServerReadsTest::seedAuditEntries(int count) {
    // After the entries of init, chained to nothing: only listed here.
    return seed(
        u"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1) "
        "INSERT INTO audit_log(seq, id, at_ms, actor, action, doc, prev_hash, hash) "
        "SELECT (SELECT max(seq) FROM audit_log) + i, printf('seeded%024x', i), 0, '', "
        "'seeded', json_object('action', 'seeded', 'resourceType', 'seeded', 'detail', 'Seeded'), '', '' FROM n"_s
            .arg(count));
}

bool ServerReadsTest::seed(const QString& statement) {
    bool done = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"seed"_s);
        db.setDatabaseName(m_server->dataDir() + u"/mentalspace.db"_s);
        if (db.open()) {
            QSqlQuery q(db);
            done = q.exec(statement);
            if (!done)
                qWarning() << q.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(u"seed"_s);
    return done;
}

QNetworkReply* ServerReadsTest::get(QNetworkAccessManager& nam, const QString& path) {
    QNetworkRequest request(QUrl(m_server->baseUrl() + path));
    request.setRawHeader("Authorization", "Bearer " + m_token);
    return nam.get(request);
}

qint64 ServerReadsTest::serverCpuMs() const {
    QFile stat(u"/proc/%1/stat"_s.arg(m_server->serverPid()));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    // Fields 14 and 15 (utime, stime) in clock ticks, counted after the
    // command name's closing parenthesis, which may itself hold spaces.
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    const qint64 ticks = fields.at(11).toLongLong() + fields.at(12).toLongLong();
    return ticks * 1000 / sysconf(_SC_CLK_TCK);
}

QStringList ServerReadsTest::orderOfAnswers(const QString& workers, const QString& longPath,
                                            const QStringList& smallPaths) {
    // The server logs each answer as it finishes it (mss.http): the order
    // of those lines is the server's own. Two answers finished back to back
    // reach this process together, and then the order in which the client
    // reads them says nothing.
    qputenv("QT_LOGGING_RULES", "mss.http.debug=true");
    const bool started = m_server->start({u"--workers"_s, workers});
    qunsetenv("QT_LOGGING_RULES");
    if (!started)
        return {u"the server did not start"_s};
    m_token = m_server->login(u"PRACTICE_ADMIN"_s);
    if (m_token.isEmpty())
        return {u"no sign-in"_s};
    // A calendar feed's address, when asked for, is the admin's own.
    QStringList small = smallPaths;
    for (QString& path : small) {
        if (path != u"feed"_s)
            continue;
        const auto feed = m_server->request("POST", u"/api/v1/calendar/feed"_s, {}, m_token);
        if (feed.status != 201)
            return {u"no calendar feed: %1"_s.arg(feed.status)};
        path = feed.json.value("data"_L1).toObject().value("path"_L1).toString();
    }
    m_server->takeServerLog(); // the sign-in's lines
    const qint64 cpuBefore = serverCpuMs();
    QNetworkAccessManager first;
    std::unique_ptr<QNetworkReply> slow(get(first, longPath));
    // Ask for the cheap read only once the server is working on the long
    // one: it has spent 60 ms of CPU since the long read was sent (it
    // takes about 0.44 s, more under a sanitizer; the server does nothing
    // else meanwhile). A fixed wait was not always enough on a loaded
    // machine.
    if (!QTest::qWaitFor([&] { return serverCpuMs() >= cpuBefore + 60; }, 30'000))
        return {u"the server never started on the long read"_s};
    // Each on a connection of its own, so none waits for another's answer.
    std::vector<std::unique_ptr<QNetworkAccessManager>> others;
    std::vector<std::unique_ptr<QNetworkReply>> quick;
    for (const QString& path : small) {
        others.push_back(std::make_unique<QNetworkAccessManager>());
        quick.emplace_back(get(*others.back(), path));
    }
    const auto allFinished = [&] {
        return slow->isFinished() &&
               std::ranges::all_of(quick, [](const auto& reply) { return reply->isFinished(); });
    };
    if (!QTest::qWaitFor(allFinished, 60'000))
        return {u"no answer within a minute"_s};
    // "long", or what a small one is: "fhir", "feed" or "small".
    const auto labelOf = [&](const QString& path) {
        if (path == longPath.section(u'?', 0, 0))
            return u"long"_s;
        for (const QString& asked : small) {
            // The log shows a feed's address without its token.
            QString logged = asked.section(u'?', 0, 0);
            if (logged.startsWith(u"/api/v1/calendar/"_s))
                logged = u"/api/v1/calendar/<token>.ics"_s;
            if (logged != path)
                continue;
            if (path.startsWith(u"/fhir/"_s))
                return u"fhir"_s;
            return path.startsWith(u"/api/v1/calendar/"_s) ? u"feed"_s : u"small"_s;
        }
        return QString();
    };
    QStringList order;
    QByteArray log;
    const auto allLogged = [&] {
        log += m_server->takeServerLog();
        order.clear();
        for (const QByteArray& line : log.split('\n')) {
            // "... GET <path> <status> <microseconds> us"
            const QList<QByteArray> words = line.split(' ');
            const qsizetype at = words.indexOf("GET");
            const QString label =
                at >= 0 ? labelOf(QString::fromLatin1(words.value(at + 1))) : QString();
            if (!label.isEmpty())
                order << label + u' ' + QString::fromLatin1(words.value(at + 2));
        }
        return order.size() == 1 + small.size();
    };
    if (!QTest::qWaitFor(allLogged, 10'000))
        return {u"the server's log: "_s + QString::fromUtf8(log)};
    return order;
}

void ServerReadsTest::withTwoReadersASmallReadOvertakesALongOne() {
    QVERIFY(seedClients(seeded));
    QCOMPARE(orderOfAnswers(u"2"_s, longRead, {smallRead}),
             (QStringList{u"small 200"_s, u"long 200"_s}));
}

void ServerReadsTest::withOneThreadReadsAreAnsweredInTurn() {
    QVERIFY(seedClients(seeded));
    QCOMPARE(orderOfAnswers(u"1"_s, longRead, {smallRead}),
             (QStringList{u"long 200"_s, u"small 200"_s}));
}

void ServerReadsTest::fhirAndCalendarFeedReadsOvertakeALongReadOfTheWriter() {
    // The writer lists the audit log; a FHIR search and a calendar program
    // fetching its feed meanwhile are answered by readers, before it. Left
    // to the writer, they would wait their turn behind the listing.
    QVERIFY(seedAuditEntries(3 * seeded));
    QStringList order =
        orderOfAnswers(u"2"_s, longWriterRead, {u"/fhir/R4/Practitioner?name=Admin"_s, u"feed"_s});
    QVERIFY2(order.size() == 3, qPrintable(order.join(u", "_s)));

    QCOMPARE(order.takeLast(), u"long 200"_s);
    order.sort();
    QCOMPARE(order, (QStringList{u"feed 200"_s, u"fhir 200"_s}));
}

void ServerReadsTest::aReadSeesOneSnapshotWhileWritesLand() {
    // A list answers from two statements, its count and its page; both
    // scan every client, so writes land between them unless the read
    // holds one snapshot.
    QVERIFY(seedClients(seeded));
    QVERIFY(m_server->start({u"--workers"_s, u"2"_s}));
    m_token = m_server->login(u"PRACTICE_ADMIN"_s);
    QVERIFY(!m_token.isEmpty());

    int written = 0;
    bool writing = true;
    QNetworkAccessManager writer;
    std::function<void()> writeOne = [&] {
        QNetworkRequest request(QUrl(m_server->baseUrl() + u"/api/v1/clients"_s));
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        request.setRawHeader("Authorization", "Bearer " + m_token);
        QNetworkReply* reply = writer.post(
            request, QJsonDocument(QJsonObject{{"firstName"_L1, u"Writer"_s},
                                               {"lastName"_L1, u"No %1"_s.arg(written)}})
                         .toJson(QJsonDocument::Compact));
        connect(reply, &QNetworkReply::finished, this, [&, reply] {
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201)
                ++written;
            reply->deleteLater();
            if (writing && written < 400) // all on one page of 500
                writeOne();
        });
    };
    writeOne();

    QNetworkAccessManager reader;
    QList<qint64> totals;
    for (int i = 0; i < 6; ++i) {
        QNetworkReply* reply = get(reader, u"/api/v1/clients?firstName=Writer&limit=500"_s);
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 60'000);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        delete reply;
        const qint64 total = answer.value("total"_L1).toInteger();
        const qsizetype listed = answer.value("data"_L1).toArray().size();
        QVERIFY2(total == listed,
                 qPrintable(u"read %1: a count of %2 beside a page of %3"_s.arg(i).arg(total).arg(
                     listed)));
        totals << total;
    }
    writing = false;
    QTRY_VERIFY_WITH_TIMEOUT(writer.findChildren<QNetworkReply*>().isEmpty(), 30'000);
    // The writes did land while the reads ran.
    QVERIFY2(totals.last() > totals.first(), qPrintable(QString::number(totals.last())));
}

void ServerReadsTest::everyReadersAuditEntryIsWritten() {
    QVERIFY(seedClients(100));
    QVERIFY(m_server->start({u"--workers"_s, u"2"_s}));
    m_token = m_server->login(u"PRACTICE_ADMIN"_s);
    QVERIFY(!m_token.isEmpty());
    // 100 reads of one client each, on four connections at once, and the
    // server stopped as soon as the last is answered: their entries are in
    // the batch, or were written on its timer, or on the stop.
    QList<QNetworkAccessManager*> managers;
    for (int i = 0; i < 4; ++i)
        managers << new QNetworkAccessManager(this);
    int answered = 0;
    for (int i = 1; i <= 100; ++i) {
        QNetworkReply* reply =
            get(*managers.at(i % 4), u"/api/v1/clients/%1"_s.arg(i, 24, 16, QChar(u'0')));
        connect(reply, &QNetworkReply::finished, this, [&answered, reply] {
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200)
                ++answered;
            reply->deleteLater();
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(answered, 100, 60'000);
    QCOMPARE(m_server->stop(), 0);
    qDeleteAll(managers);

    QVERIFY(m_server->start({u"--workers"_s, u"2"_s}));
    m_token = m_server->login(u"PRACTICE_ADMIN"_s);
    const auto log =
        m_server->request("GET", u"/api/v1/audit-logs?action=client.read&limit=500"_s, {}, m_token);
    QCOMPARE(log.status, 200);
    QCOMPARE(log.json.value("total"_L1).toInteger(), 100);
    QString out;
    QCOMPARE(m_server->command({u"audit"_s, u"verify"_s, u"--data-dir"_s, m_server->dataDir()}, {},
                               &out),
             0);
}

void ServerReadsTest::workersMustBeAWholeNumber() {
    QString out;
    QCOMPARE(m_server->command(
                 {u"serve"_s, u"--data-dir"_s, m_server->dataDir(), u"--workers"_s, u"none"_s}, {},
                 &out),
             2);
    QVERIFY2(out.contains(u"--workers: must be a whole number from 1 to 64"_s), qPrintable(out));
}

QTEST_GUILESS_MAIN(ServerReadsTest)
#include "tst_server_reads.moc"
