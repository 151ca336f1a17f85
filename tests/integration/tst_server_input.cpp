// Bounded input: every text field has a length limit, NUL and lone
// surrogates are refused, a key given twice is refused, each naming the
// field or key; the change feed's page is bounded in bytes; a full disk is
// a 507 that saves nothing, and opening a practice on one says so.
//
// The full disk is SQLite's max_page_count (--database-size-limit, set by
// the server when it opens the database): writes needing a new page fail
// with SQLITE_FULL, exactly the code a full file system gives, without a
// mount or root.
#include "ServerHarness.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QtTest>

using namespace Qt::StringLiterals;
using mss::test::Reply;

class ServerInputTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void tooLongNoteOnAnAppointmentIsRefusedNamingTheField();
    void tooLongClientNameIsRefusedNamingTheLimit();
    void tooLongUnknownFieldIsRefusedToo();
    void textsAtTheirLimitAreAccepted();
    void nulInANameIsRefused();
    void loneSurrogateIsRefused();
    void duplicateKeyIsRefusedNamingTheKey();
    void duplicateKeyInsideANestedObjectIsNamedByItsPath();
    void changeFeedPagesStopNearFourMebibytesAndSkipNothing();
    void fullDiskAnswers507AndSavesNothing();
    void openingAPracticeOnAFullDiskSaysSo();
    void aMalformedSizeLimitIsRefusedNamingTheOption();

private:
    QJsonObject appointment(int slot, const QString& notes = {}) const;
    // The first error of a 400: {field, code}.
    static QPair<QString, QString> firstError(const Reply& r);

    mss::test::ServerHarness m_server;
    QByteArray m_admin, m_reception;
    QString m_provider, m_client;
};

QJsonObject ServerInputTest::appointment(int slot, const QString& notes) const {
    // One an hour from a Monday in 2031, 50 minutes long.
    const QDateTime start =
        QDateTime(QDate(2031, 1, 6), QTime(0, 0), QTimeZone::utc()).addSecs(qint64(slot) * 3600);
    QJsonObject a{{"client"_L1, m_client},
                  {"provider"_L1, m_provider},
                  {"startTime"_L1, start.toString(Qt::ISODateWithMs)},
                  {"endTime"_L1, start.addSecs(50 * 60).toString(Qt::ISODateWithMs)},
                  {"appointmentType"_L1, u"Individual Therapy"_s}};
    if (!notes.isNull())
        a.insert("notes"_L1, notes);
    return a;
}

QPair<QString, QString> ServerInputTest::firstError(const Reply& r) {
    const QJsonObject e = r.json.value("errors"_L1).toArray().first().toObject();
    return {e.value("field"_L1).toString(), e.value("code"_L1).toString()};
}

void ServerInputTest::initTestCase() {
    QVERIFY(m_server.init());
    QVERIFY(m_server.addUser(u"CLINICIAN"_s));
    QVERIFY(m_server.addUser(u"RECEPTIONIST"_s));
    QVERIFY(m_server.start());
    m_admin = m_server.login(u"PRACTICE_ADMIN"_s);
    m_reception = m_server.login(u"RECEPTIONIST"_s);
    const QByteArray clinician = m_server.login(u"CLINICIAN"_s);
    QVERIFY(!m_admin.isEmpty() && !m_reception.isEmpty() && !clinician.isEmpty());
    m_provider = m_server.request("GET", u"/api/v1/auth/me"_s, {}, clinician)
                     .object()
                     .value("_id"_L1)
                     .toString();
    const Reply c =
        m_server.request("POST", u"/api/v1/clients"_s,
                         {{"firstName"_L1, u"Ada"_s}, {"lastName"_L1, u"Input"_s}}, m_reception);
    QCOMPARE(c.status, 201);
    m_client = c.object().value("_id"_L1).toString();
}

void ServerInputTest::tooLongNoteOnAnAppointmentIsRefusedNamingTheField() {
    const Reply r = m_server.request("POST", u"/api/v1/appointments"_s,
                                     appointment(0, QString(10'001, u'n')), m_reception);
    QCOMPARE(r.status, 400);
    QCOMPARE(firstError(r), qMakePair(u"notes"_s, u"TOO_LONG"_s));
    QVERIFY2(r.json.value("error"_L1).toString().contains(u"10000"_s),
             qPrintable(r.json.value("error"_L1).toString()));
    // Not booked: the slot is still free.
    QCOMPARE(
        m_server.request("POST", u"/api/v1/appointments"_s, appointment(0), m_reception).status,
        201);
    // A PUT is held to the same limit.
    const QString id = m_server.request("GET", u"/api/v1/appointments?limit=1"_s, {}, m_admin)
                           .data()
                           .toArray()
                           .first()
                           .toObject()
                           .value("_id"_L1)
                           .toString();
    const Reply put = m_server.request("PUT", u"/api/v1/appointments/"_s + id,
                                       {{"notes"_L1, QString(20'000, u'n')}}, m_reception);
    QCOMPARE(put.status, 400);
    QCOMPARE(firstError(put), qMakePair(u"notes"_s, u"TOO_LONG"_s));
}

void ServerInputTest::tooLongClientNameIsRefusedNamingTheLimit() {
    const Reply r = m_server.request(
        "POST", u"/api/v1/clients"_s,
        {{"firstName"_L1, QString(1'000'000, u'a')}, {"lastName"_L1, u"Long"_s}}, m_reception);
    QCOMPARE(r.status, 400);
    QCOMPARE(firstError(r), qMakePair(u"firstName"_s, u"TOO_LONG"_s));
    QVERIFY(r.json.value("error"_L1).toString().contains(u"at most 100 characters"_s));
    const Reply email = m_server.request("POST", u"/api/v1/clients"_s,
                                         {{"firstName"_L1, u"A"_s},
                                          {"lastName"_L1, u"B"_s},
                                          {"email"_L1, QString(QString(250, u'e') + u"@x.org"_s)}},
                                         m_reception);
    QCOMPARE(email.status, 400);
    QCOMPARE(firstError(email), qMakePair(u"email"_s, u"TOO_LONG"_s));
}

void ServerInputTest::tooLongUnknownFieldIsRefusedToo() {
    // A record keeps fields it does not know; they are bounded as well.
    const Reply r =
        m_server.request("POST", u"/api/v1/clients"_s,
                         {{"firstName"_L1, u"A"_s},
                          {"lastName"_L1, u"B"_s},
                          {"address"_L1, QJsonObject{{"street"_L1, QString(1001, u's')}}}},
                         m_reception);
    QCOMPARE(r.status, 400);
    QCOMPARE(firstError(r), qMakePair(u"address.street"_s, u"TOO_LONG"_s));
}

void ServerInputTest::textsAtTheirLimitAreAccepted() {
    const Reply client = m_server.request(
        "POST", u"/api/v1/clients"_s,
        {{"firstName"_L1, QString(100, u'a')}, {"lastName"_L1, QString(100, u'b')}}, m_reception);
    QCOMPARE(client.status, 201);
    QCOMPARE(m_server
                 .request("POST", u"/api/v1/appointments"_s, appointment(1, QString(10'000, u'n')),
                          m_reception)
                 .status,
             201);
}

void ServerInputTest::nulInANameIsRefused() {
    const Reply r = m_server.requestRaw("POST", u"/api/v1/clients"_s,
                                        R"({"firstName":"Ad\u0000a","lastName":"B"})", m_reception);
    QCOMPARE(r.status, 400);
    QCOMPARE(firstError(r), qMakePair(u"firstName"_s, u"INVALID_CHARACTER"_s));
    QVERIFY(r.json.value("error"_L1).toString().contains(u"NUL"_s));
}

void ServerInputTest::loneSurrogateIsRefused() {
    for (const QByteArray& body : {R"({"firstName":"A","lastName":"x\ud800"})"_ba,
                                   R"({"firstName":"A","lastName":"\udc00y"})"_ba,
                                   R"({"firstName":"A","lastName":"\ud800\u0041"})"_ba}) {
        const Reply r = m_server.requestRaw("POST", u"/api/v1/clients"_s, body, m_reception);
        QCOMPARE(r.status, 400);
        QCOMPARE(firstError(r), qMakePair(u"lastName"_s, u"INVALID_CHARACTER"_s));
    }
    // A surrogate pair is a character like any other.
    QCOMPARE(m_server
                 .requestRaw("POST", u"/api/v1/clients"_s,
                             R"({"firstName":"A","lastName":"\ud83d\ude00"})", m_reception)
                 .status,
             201);
}

void ServerInputTest::duplicateKeyIsRefusedNamingTheKey() {
    const Reply r = m_server.requestRaw(
        "POST", u"/api/v1/clients"_s,
        R"({"_id":"6650a1b2c3d4e5f6012345a1","firstName":"A","lastName":"B","_id":"6650a1b2c3d4e5f6012345a2"})",
        m_reception);
    QCOMPARE(r.status, 400);
    QCOMPARE(firstError(r), qMakePair(u"_id"_s, u"DUPLICATE_KEY"_s));
    QVERIFY(r.json.value("error"_L1).toString().contains(u"_id"_s));
    // Neither id was created.
    for (const char* id : {"6650a1b2c3d4e5f6012345a1", "6650a1b2c3d4e5f6012345a2"})
        QCOMPARE(m_server.request("GET", u"/api/v1/clients/"_s + QLatin1StringView(id), {}, m_admin)
                     .status,
                 404);
    // Escapes spell the same key.
    const Reply escaped = m_server.requestRaw(
        "PUT", u"/api/v1/settings"_s, R"({"timeZone":"UTC","time\u005aone":"UTC"})", m_admin);
    QCOMPARE(escaped.status, 400);
    QCOMPARE(firstError(escaped), qMakePair(u"timeZone"_s, u"DUPLICATE_KEY"_s));
}

void ServerInputTest::duplicateKeyInsideANestedObjectIsNamedByItsPath() {
    const Reply r = m_server.requestRaw(
        "POST", u"/api/v1/clients"_s,
        R"({"firstName":"A","lastName":"B","list":[{"k":1},{"k":1,"k":2}]})", m_reception);
    QCOMPARE(r.status, 400);
    QCOMPARE(firstError(r), qMakePair(u"list[1].k"_s, u"DUPLICATE_KEY"_s));
    // The same key in two objects is no duplicate.
    QCOMPARE(m_server
                 .requestRaw("POST", u"/api/v1/clients"_s,
                             R"({"firstName":"A","lastName":"B","x":{"firstName":"C"}})",
                             m_reception)
                 .status,
             201);
}

void ServerInputTest::changeFeedPagesStopNearFourMebibytesAndSkipNothing() {
    // 440 appointments of 10,000-character notes: about 4.6 MB of records,
    // fewer than the 5,000 a page may hold.
    QSet<QString> booked;
    for (int slot = 10; slot < 450; ++slot) {
        const Reply r = m_server.request(
            "POST", u"/api/v1/appointments"_s,
            appointment(slot, QString(10'000, QChar(u'a' + slot % 26))), m_reception);
        QCOMPARE(r.status, 201);
        booked.insert(r.object().value("_id"_L1).toString());
    }
    QHash<QString, int> seen;
    QString cursor;
    int pages = 0;
    bool hasMore = true;
    while (hasMore) {
        QVERIFY(++pages < 20);
        const Reply r = m_server.request(
            "GET", u"/api/v1/sync/changes?limit=5000&since="_s + cursor, {}, m_admin);
        QCOMPARE(r.status, 200);
        const QJsonObject page = r.json.value("data"_L1).isObject() ? r.object() : r.json;
        const QJsonArray changes = page.value("changes"_L1).toArray();
        const qsizetype bytes = QJsonDocument(changes).toJson(QJsonDocument::Compact).size();
        // Over the bound by at most the record that crossed it.
        QVERIFY2(bytes < 4 * 1024 * 1024 + 64 * 1024, qPrintable(QString::number(bytes)));
        hasMore = page.value("hasMore"_L1).toBool();
        if (pages == 1) {
            QVERIFY(hasMore);
            QVERIFY(changes.size() < booked.size());
        }
        QVERIFY(!changes.isEmpty() || !hasMore);
        for (const QJsonValue c : changes)
            ++seen[c.toObject().value("_id"_L1).toString()];
        cursor = page.value("cursor"_L1).toString();
    }
    QVERIFY(pages >= 2);
    for (const QString& id : std::as_const(booked))
        QCOMPARE(seen.value(id), 1);
    for (auto it = seen.begin(); it != seen.end(); ++it)
        QVERIFY2(it.value() == 1, qPrintable(it.key()));
}

void ServerInputTest::fullDiskAnswers507AndSavesNothing() {
    mss::test::ServerHarness full;
    QVERIFY(full.init());
    // The database may not grow past its size now (one page, less than it
    // has, means "as it is"); writes that need a new page fail with
    // SQLITE_FULL.
    QVERIFY(full.start({u"--database-size-limit"_s, u"4K"_s}));
    const QByteArray token = full.login(u"PRACTICE_ADMIN"_s);
    QVERIFY(!token.isEmpty());
    Reply refused;
    QString refusedName;
    for (int i = 0; i < 300 && refused.status != 507; ++i) {
        refusedName = u"Full%1"_s.arg(i);
        const Reply r = full.request("POST", u"/api/v1/clients"_s,
                                     {{"firstName"_L1, refusedName},
                                      {"lastName"_L1, QString(100, u'z')},
                                      {"notes"_L1, QString(5000, u'q')}},
                                     token);
        if (r.status == 507)
            refused = r;
        else
            QCOMPARE(r.status, 201);
    }
    QCOMPARE(refused.status, 507);
    QCOMPARE(refused.json.value("code"_L1).toString(), u"DISK_FULL"_s);
    QCOMPARE(refused.json.value("error"_L1).toString(),
             u"The server's disk is full; nothing was saved"_s);
    // Nothing of it was saved, and the server goes on answering.
    const Reply list =
        full.request("GET", u"/api/v1/clients?firstName="_s + refusedName, {}, token);
    QCOMPARE(list.status, 200);
    QCOMPARE(list.json.value("count"_L1).toInt(), 0);
    QCOMPARE(full.request("GET", u"/api/v1/health"_s).status, 200);
    QCOMPARE(full.stop(), 0);
}

void ServerInputTest::openingAPracticeOnAFullDiskSaysSo() {
    mss::test::ServerHarness full;
    QString output;
    const int code = full.command({u"init"_s, u"--data-dir"_s, full.dataDir(), u"--time-zone"_s,
                                   u"UTC"_s, u"--admin-email"_s, u"a@test.practice"_s,
                                   u"--database-size-limit"_s, u"4K"_s},
                                  "a long enough password\n", &output);
    QCOMPARE(code, 2);
    QVERIFY2(output.contains(u"is full, so the practice cannot be opened; free some space"_s),
             qPrintable(output));
    QVERIFY2(!output.contains(u"Unable to"_s), qPrintable(output));
}

void ServerInputTest::aMalformedSizeLimitIsRefusedNamingTheOption() {
    mss::test::ServerHarness server;
    QVERIFY(server.init());
    for (const QString& size : {u"500X"_s, u"lots"_s, u"1.5G"_s, u"2 G"_s, u""_s}) {
        QString output;
        QCOMPARE(server.command({u"serve"_s, u"--data-dir"_s, server.dataDir(), u"--listen"_s,
                                 u"127.0.0.1:0"_s, u"--database-size-limit"_s, size},
                                {}, &output),
                 2);
        QVERIFY2(output.contains(u"--database-size-limit: \"%1\" is not a size"_s.arg(size)),
                 qPrintable(output));
    }
    // Absurd: nothing fits in it, or more than SQLite can count.
    for (const QString& size : {u"0"_s, u"100"_s, u"17T"_s, u"99999999999999999999"_s}) {
        QString output;
        QCOMPARE(server.command({u"serve"_s, u"--data-dir"_s, server.dataDir(), u"--listen"_s,
                                 u"127.0.0.1:0"_s, u"--database-size-limit"_s, size},
                                {}, &output),
                 2);
        QVERIFY2(output.contains(u"--database-size-limit: "_s + size), qPrintable(output));
    }
}

QTEST_GUILESS_MAIN(ServerInputTest)
#include "tst_server_input.moc"
