// Reading the practice through the /api/v1 of the real server binary
// (StaffedPractice): the change feed's upserts and tombstones; lists
// filtered, sorted, selected, paged and populated; a provider's and a
// client's appointments and open slots; the availability and directory
// routes.
#include "StaffedPractice.h"

#include <QJsonArray>
#include <QtTest>

#include <utility>

using namespace Qt::StringLiterals;
using mss::test::Reply;

class ServerApiListsTest : public mss::test::StaffedPractice {
    Q_OBJECT

private slots:
    void changeFeedCarriesUpsertsAndTombstones();
    void listsFilterSortSelectAndPage();
    void listsSortOnSeveralKeysAndPopulateNames();
    void providerAndClientListsAndOpenSlots();
    void availabilityAndDirectoryRoutes();
};

void ServerApiListsTest::changeFeedCarriesUpsertsAndTombstones() {
    QString cursor;
    for (;;) {
        const Reply page = m_server.request(
            "GET", u"/api/v1/sync/changes?limit=1000&since="_s + cursor, {}, m_clinician);
        QCOMPARE(page.status, 200);
        cursor = page.object().value("cursor"_L1).toString();
        if (!page.object().value("hasMore"_L1).toBool())
            break;
    }
    const QString id = create(appointment(u"2030-01-17T15:00:00.000Z"_s, 50, m_clientB));
    const Reply changes =
        m_server.request("GET", u"/api/v1/sync/changes?since="_s + cursor, {}, m_clinician);
    // A clinician's own appointment brings its client along (docs/roles.md,
    // "Minimum necessary").
    const QJsonArray list = withoutClients(changes.object().value("changes"_L1).toArray());
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first()["type"_L1].toString(), u"appointment"_s);
    QCOMPARE(list.first()["op"_L1].toString(), u"upsert"_s);
    QCOMPARE(list.first()["_id"_L1].toString(), id);
    QCOMPARE(list.first()["doc"_L1]["startTime"_L1].toString(), u"2030-01-17T15:00:00.000Z"_s);
    const QString next = changes.object().value("cursor"_L1).toString();

    m_server.request("PUT", u"/api/v1/appointments/"_s + id, {{"notes"_L1, u"x"_s}}, m_reception);
    m_server.request("DELETE", u"/api/v1/appointments/"_s + id, {}, m_admin);
    const QJsonArray after =
        m_server.request("GET", u"/api/v1/sync/changes?since="_s + next, {}, m_clinician)
            .object()
            .value("changes"_L1)
            .toArray();
    QCOMPARE(after.size(), 1); // one entry per record: its latest state
    QCOMPARE(after.first()["op"_L1].toString(), u"delete"_s);
    QCOMPARE(after.first()["_id"_L1].toString(), id);
    QCOMPARE(after.first()["version"_L1].toInt(), 3);
    QCOMPARE(m_server.request("GET", u"/api/v1/sync/changes?since=-4"_s, {}, m_clinician).status,
             400);
    QCOMPARE(m_server.request("GET", u"/api/v1/sync/changes?limit=5000"_s, {}, m_clinician).status,
             200);
    QCOMPARE(m_server.request("GET", u"/api/v1/sync/changes?limit=5001"_s, {}, m_clinician).status,
             400);
}

void ServerApiListsTest::listsFilterSortSelectAndPage() {
    for (int i = 0; i < 5; ++i)
        create(appointment(u"2030-02-04T%1:00:00.000Z"_s.arg(14 + i), 50, m_clientB));
    const QString window =
        u"provider=%1&startTime[gte]=2030-02-04T00:00:00.000Z&startTime[lt]=2030-02-05T00:00:00.000Z"_s
            .arg(m_provider);
    const Reply all = m_server.request("GET", u"/api/v1/appointments?"_s + window, {}, m_billing);
    QCOMPARE(all.status, 200);
    QCOMPARE(all.json.value("count"_L1).toInt(), 5);
    const Reply page = m_server.request(
        "GET",
        u"/api/v1/appointments?%1&sort=-startTime&limit=2&page=2&select=startTime"_s.arg(window),
        {}, m_billing);
    QCOMPARE(page.json.value("count"_L1).toInt(), 2);
    const QJsonArray data = page.data().toArray();
    QCOMPARE(data.at(0)["startTime"_L1].toString(), u"2030-02-04T16:00:00.000Z"_s);
    QCOMPARE(data.at(1)["startTime"_L1].toString(), u"2030-02-04T15:00:00.000Z"_s);
    QVERIFY(!data.at(0).toObject().contains("client"_L1));
    QVERIFY(data.at(0).toObject().contains("_id"_L1));
    const QJsonObject pagination = page.json.value("pagination"_L1).toObject();
    QCOMPARE(pagination["next"_L1]["page"_L1].toInt(), 3);
    QCOMPARE(pagination["prev"_L1]["page"_L1].toInt(), 1);
    const Reply statusIn = m_server.request(
        "GET", u"/api/v1/appointments?%1&status[in]=Cancelled,Completed"_s.arg(window), {},
        m_billing);
    QCOMPARE(statusIn.json.value("count"_L1).toInt(), 0);
    const Reply scheduled = m_server.request(
        "GET", u"/api/v1/appointments?%1&status=Scheduled&duration=50"_s.arg(window), {},
        m_billing);
    QCOMPARE(scheduled.json.value("count"_L1).toInt(), 5);

    // A value with a plus sign is text, not a number: phones filter.
    const Reply withPhone = m_server.request("POST", u"/api/v1/clients"_s,
                                             {{"firstName"_L1, u"Phone"_s},
                                              {"lastName"_L1, u"Filter"_s},
                                              {"phone"_L1, u"+15551234567"_s}},
                                             m_reception);
    QCOMPARE(withPhone.status, 201);
    const Reply byPhone =
        m_server.request("GET", u"/api/v1/clients?phone=%2B15551234567"_s, {}, m_reception);
    QCOMPARE(byPhone.status, 200);
    QCOMPARE(byPhone.json.value("count"_L1).toInt(), 1);
    QCOMPARE(byPhone.data().toArray().at(0)["_id"_L1].toString(),
             withPhone.object().value("_id"_L1).toString());
}

void ServerApiListsTest::listsSortOnSeveralKeysAndPopulateNames() {
    for (const auto& [hour, minutes] : {std::pair{14, 50}, {15, 30}, {16, 50}, {17, 30}})
        create(appointment(u"2030-02-06T%1:00:00.000Z"_s.arg(hour), minutes, m_clientB));
    const QString window =
        u"provider=%1&startTime[gte]=2030-02-06T00:00:00.000Z&startTime[lt]=2030-02-07T00:00:00.000Z"_s
            .arg(m_provider);
    const Reply sorted = m_server.request(
        "GET", u"/api/v1/appointments?%1&sort=duration,-startTime"_s.arg(window), {}, m_reception);
    QCOMPARE(sorted.status, 200);
    QStringList starts;
    for (const QJsonValue& a : sorted.data().toArray())
        starts << a["startTime"_L1].toString().mid(11, 5);
    QCOMPARE(starts, (QStringList{u"17:00"_s, u"15:00"_s, u"16:00"_s, u"14:00"_s}));
    QCOMPARE(
        m_server.request("GET", u"/api/v1/appointments?sort=a,b,c,d,e"_s, {}, m_reception).status,
        400);

    const Reply populated = m_server.request(
        "GET", u"/api/v1/appointments?%1&sort=startTime&populate=client,provider"_s.arg(window), {},
        m_reception);
    QCOMPARE(populated.status, 200);
    const QJsonObject first = populated.data().toArray().first().toObject();
    QCOMPARE(first["client"_L1].toObject(),
             (QJsonObject{
                 {"_id"_L1, m_clientB}, {"firstName"_L1, u"Client"_s}, {"lastName"_L1, u"B"_s}}));
    QCOMPARE(first["provider"_L1]["_id"_L1].toString(), m_provider);
    QCOMPARE(first["provider"_L1]["lastName"_L1].toString(), u"CLINICIAN"_s);
    const QString id = first["_id"_L1].toString();
    const Reply one = m_server.request("GET", u"/api/v1/appointments/%1?populate=client"_s.arg(id),
                                       {}, m_reception);
    QCOMPARE(one.object()["client"_L1]["lastName"_L1].toString(), u"B"_s);
    QCOMPARE(one.object()["provider"_L1].toString(), m_provider); // ids unless asked
    QCOMPARE(
        m_server.request("GET", u"/api/v1/appointments?populate=notes"_s, {}, m_reception).status,
        400);
}

void ServerApiListsTest::providerAndClientListsAndOpenSlots() {
    const Reply byProvider = m_server.request(
        "GET", u"/api/v1/staff/%1/appointments?limit=500"_s.arg(m_provider), {}, m_clinician);
    QCOMPARE(byProvider.status, 200);
    QVERIFY(byProvider.json.value("count"_L1).toInt() > 5);
    for (const QJsonValue& a : byProvider.data().toArray())
        QCOMPARE(a["provider"_L1].toString(), m_provider);
    const Reply byClient = m_server.request(
        "GET", u"/api/v1/clients/%1/appointments?limit=500"_s.arg(m_clientB), {}, m_clinician);
    for (const QJsonValue& a : byClient.data().toArray())
        QCOMPARE(a["client"_L1].toString(), m_clientB);
    QCOMPARE(m_server.request("GET", u"/api/v1/clients/zzz/appointments"_s, {}, m_clinician).status,
             400);

    // Monday 2030-02-04: 09:00-17:00 New York is 14:00-22:00 UTC, booked 14:00-18:50.
    const Reply open = m_server.request(
        "GET",
        u"/api/v1/staff/%1/open-slots?from=2030-02-04T00:00:00.000Z&to=2030-02-05T00:00:00.000Z&duration=60"_s
            .arg(m_provider),
        {}, m_reception);
    QCOMPARE(open.status, 200);
    const QJsonArray list = open.data().toArray();
    QVERIFY(!list.isEmpty());
    QCOMPARE(list.first()["startTime"_L1].toString(), u"2030-02-04T19:00:00.000Z"_s);
    QCOMPARE(list.last()["endTime"_L1].toString(), u"2030-02-04T22:00:00.000Z"_s);
    QCOMPARE(m_server
                 .request("GET", u"/api/v1/staff/%1/open-slots?from=x"_s.arg(m_provider), {},
                          m_reception)
                 .status,
             400);
}

void ServerApiListsTest::availabilityAndDirectoryRoutes() {
    const Reply list = m_server.request("GET", u"/api/v1/staff/%1/availabilities"_s.arg(m_provider),
                                        {}, m_billing);
    QCOMPARE(list.json.value("count"_L1).toInt(), 5);
    const QString id = list.data().toArray().first()["_id"_L1].toString();
    QCOMPARE(
        m_server.request("GET", u"/api/v1/provider-availabilities/"_s + id, {}, m_billing).status,
        200);
    const Reply changed = m_server.request("PUT", u"/api/v1/provider-availabilities/"_s + id,
                                           {{"endTime"_L1, u"08:00"_s}}, m_clinician);
    QCOMPARE(changed.status, 400); // end before start
    const Reply block = m_server.request(
        "POST", u"/api/v1/staff/%1/availabilities"_s.arg(m_provider),
        {{"dayOfWeek"_L1, u"Saturday"_s}, {"startTime"_L1, u"10:00"_s}, {"endTime"_L1, u"12:00"_s}},
        m_clinician);
    QCOMPARE(block.status, 201);
    const QString blockId = block.object().value("_id"_L1).toString();
    QCOMPARE(
        m_server.request("DELETE", u"/api/v1/provider-availabilities/"_s + blockId, {}, m_clinician)
            .status,
        200);
    QCOMPARE(m_server.request("GET", u"/api/v1/provider-availabilities"_s, {}, m_billing)
                 .json.value("count"_L1)
                 .toInt(),
             5);

    const Reply client = m_server.request("GET", u"/api/v1/clients/"_s + m_clientA, {}, m_billing);
    QCOMPARE(client.object().value("lastName"_L1).toString(), u"A"_s);
    QCOMPARE(m_server
                 .request("PUT", u"/api/v1/clients/"_s + m_clientA, {{"phone"_L1, u"555-0100"_s}},
                          m_billing)
                 .status,
             403);
    const Reply updated = m_server.request("PUT", u"/api/v1/clients/"_s + m_clientA,
                                           {{"phone"_L1, u"555-0100"_s}}, m_reception);
    QCOMPARE(updated.object().value("phone"_L1).toString(), u"555-0100"_s);
    QCOMPARE(updated.object().value("version"_L1).toInt(), 2);

    const Reply staff = m_server.request("GET", u"/api/v1/staff"_s, {}, m_clinician);
    QCOMPARE(staff.json.value("count"_L1).toInt(), 5);
    for (const QJsonValue& s : staff.data().toArray())
        QVERIFY(!s.toObject().contains("password"_L1) && !s.toObject().contains("passwordHash"_L1));
    const Reply added = m_server.request("POST", u"/api/v1/staff"_s,
                                         {{"firstName"_L1, u"New"_s},
                                          {"lastName"_L1, u"Intern"_s},
                                          {"email"_L1, u"intern@test.practice"_s},
                                          {"role"_L1, u"INTERN"_s},
                                          {"password"_L1, QString::fromLatin1(m_server.password)}},
                                         m_admin);
    QCOMPARE(added.status, 201);
    QVERIFY(!m_server.login(u"INTERN"_s).isEmpty());
    QCOMPARE(m_server
                 .request("POST", u"/api/v1/staff"_s,
                          {{"firstName"_L1, u"Dup"_s},
                           {"lastName"_L1, u"Intern"_s},
                           {"email"_L1, u"INTERN@test.practice"_s},
                           {"role"_L1, u"INTERN"_s}},
                          m_admin)
                 .status,
             409);
    const QString internId = added.object().value("_id"_L1).toString();
    const QByteArray internToken = m_server.login(u"INTERN"_s);
    QCOMPARE(
        m_server.request("PUT", u"/api/v1/staff/"_s + internId, {{"isActive"_L1, false}}, m_admin)
            .status,
        200);
    QCOMPARE(m_server.request("GET", u"/api/v1/auth/me"_s, {}, internToken).status, 401);
    QVERIFY(m_server.login(u"INTERN"_s).isEmpty());
}

QTEST_GUILESS_MAIN(ServerApiListsTest)
#include "tst_server_api_lists.moc"
