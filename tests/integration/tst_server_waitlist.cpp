// The waitlist on the real server: entries created, read, filtered,
// changed, booked and removed over HTTP; bad fields named; every write
// audited and in the change feed; a clinician sees only their own entries;
// a held slot blocks booking by anyone but its client until released.
#include "ServerHarness.h"

#include "base/WallClock.h"
#include "storage/Database.h"
#include "storage/RecordStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace Qt::StringLiterals;
using mss::test::Reply;

namespace {

QString textOf(const Reply& r) {
    return QString::fromUtf8(QJsonDocument(r.json).toJson(QJsonDocument::Compact));
}

// The fields named by a 400's errors.
QStringList fieldsOf(const Reply& r) {
    QStringList out;
    for (const QJsonValue& e : r.json.value("errors"_L1).toArray())
        out << e.toObject().value("field"_L1).toString();
    return out;
}

QString wire(const QDateTime& t) {
    return mss::toWireTime(t);
}

} // namespace

class ServerWaitlistTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void createdEntryHasTheServersFieldsAndDefaults();
    void listsFilterLikeAppointments();
    void badFieldsAreNamed();
    void offersAreTheServers();
    void bookingFromTheWaitlistIsTwoWrites();
    void deleteKeepsTheEntryAsRemoved();
    void writesAreAuditedAndInTheChangeFeed();
    void clinicianSeesOwnEntriesOnly();
    void heldSlotBlocksOthersUntilReleased();
    void aPlainServerHasNoWaitlist();

private:
    QString post(const QString& path, const QJsonObject& body);
    QJsonObject entryBody(const QString& client, const QJsonValue& provider) const;

    mss::test::ServerHarness m_server;
    QByteArray m_admin, m_clinician;
    QString m_adminId, m_clinicianId;
    QString m_clientA, m_clientB;
};

QString ServerWaitlistTest::post(const QString& path, const QJsonObject& body) {
    const Reply r = m_server.request("POST", path, body, m_admin);
    if (r.status != 201)
        qWarning() << path << r.status << textOf(r);
    return r.object().value("_id"_L1).toString();
}

QJsonObject ServerWaitlistTest::entryBody(const QString& client, const QJsonValue& provider) const {
    return {{"client"_L1, client},
            {"provider"_L1, provider},
            {"appointmentType"_L1, u"Individual Therapy"_s},
            {"duration"_L1, 50},
            {"preferredWindows"_L1, QJsonArray{QJsonObject{{"dayOfWeek"_L1, u"Monday"_s},
                                                           {"startTime"_L1, u"09:00"_s},
                                                           {"endTime"_L1, u"12:00"_s}}}},
            {"earliestDate"_L1, u"2030-03-04"_s},
            {"notes"_L1, u"Prefers mornings"_s}};
}

void ServerWaitlistTest::initTestCase() {
    QVERIFY(m_server.init());
    QVERIFY(m_server.addUser(u"CLINICIAN"_s));
    QVERIFY(m_server.start());
    m_admin = m_server.login(u"PRACTICE_ADMIN"_s);
    m_clinician = m_server.login(u"CLINICIAN"_s);
    QVERIFY(!m_admin.isEmpty() && !m_clinician.isEmpty());
    m_adminId = m_server.request("GET", u"/api/v1/auth/me"_s, {}, m_admin)
                    .object()
                    .value("_id"_L1)
                    .toString();
    m_clinicianId = m_server.request("GET", u"/api/v1/auth/me"_s, {}, m_clinician)
                        .object()
                        .value("_id"_L1)
                        .toString();
    m_clientA = post(u"/api/v1/clients"_s, {{"firstName"_L1, u"Ada"_s}, {"lastName"_L1, u"A"_s}});
    m_clientB = post(u"/api/v1/clients"_s, {{"firstName"_L1, u"Bo"_s}, {"lastName"_L1, u"B"_s}});
    QVERIFY(!m_clientA.isEmpty() && !m_clientB.isEmpty());
}

void ServerWaitlistTest::createdEntryHasTheServersFieldsAndDefaults() {
    const Reply r =
        m_server.request("POST", u"/api/v1/waitlist"_s, entryBody(m_clientA, m_adminId), m_admin);
    QCOMPARE(r.status, 201);
    const QJsonObject e = r.object();
    QCOMPARE(e.value("_id"_L1).toString().size(), 24);
    QCOMPARE(e.value("version"_L1).toInt(), 1);
    QVERIFY(e.value("createdAt"_L1).isString());
    QCOMPARE(e.value("createdBy"_L1).toString(), m_adminId);
    QCOMPARE(e.value("status"_L1).toString(), u"Waiting"_s);
    QCOMPARE(e.value("priority"_L1).toString(), u"Normal"_s);
    QCOMPARE(e.value("location"_L1).toString(), u"Office"_s);
    QCOMPARE(e.value("earliestDate"_L1).toString(), u"2030-03-04"_s);
    QVERIFY(e.value("offer"_L1).isNull());
    const Reply read =
        m_server.request("GET", u"/api/v1/waitlist/"_s + e.value("_id"_L1).toString(), {}, m_admin);
    QCOMPARE(read.status, 200);
    QCOMPARE(read.object(), e);
    QCOMPARE(read.headers.value("etag"), QByteArray("\"1\""));
    // Any provider is null.
    const Reply any = m_server.request("POST", u"/api/v1/waitlist"_s,
                                       entryBody(m_clientB, QJsonValue()), m_admin);
    QCOMPARE(any.status, 201);
    QVERIFY(any.object().value("provider"_L1).isNull());
}

void ServerWaitlistTest::listsFilterLikeAppointments() {
    QJsonObject high = entryBody(m_clientB, m_adminId);
    high.insert("priority"_L1, u"High"_s);
    high.insert("appointmentType"_L1, u"Consultation"_s);
    const QString highId = post(u"/api/v1/waitlist"_s, high);
    const auto ids = [&](const QString& query) {
        QStringList out;
        const Reply r = m_server.request("GET", u"/api/v1/waitlist"_s + query, {}, m_admin);
        for (const QJsonValue& v : r.data().toArray())
            out << v.toObject().value("_id"_L1).toString();
        return out;
    };
    QCOMPARE(ids(u"?appointmentType=Consultation"_s), QStringList{highId});
    QCOMPARE(ids(u"?priority=High"_s), QStringList{highId});
    QVERIFY(ids(u"?client="_s + m_clientB).contains(highId));
    QVERIFY(!ids(u"?client="_s + m_clientA).contains(highId));
    QVERIFY(ids(u"?status=Waiting&provider="_s + m_adminId).contains(highId));
    QCOMPARE(ids(u"?status=Booked"_s), QStringList());
    QCOMPARE(ids(u"?sort=-createdAt&limit=1"_s), QStringList{highId});
    // Priority sorts by rank, then the longest waiting: the contract's order.
    QJsonObject low = entryBody(m_clientA, m_adminId);
    low.insert("priority"_L1, u"Low"_s);
    const QString lowId = post(u"/api/v1/waitlist"_s, low);
    const QStringList ranked = ids(u"?sort=priority,createdAt&limit=500"_s);
    QCOMPARE(ranked.first(), highId);
    QCOMPARE(ranked.last(), lowId);
    QCOMPARE(ids(u"?sort=-priority&limit=1"_s), QStringList{lowId});
    const Reply ofClient =
        m_server.request("GET", u"/api/v1/clients/%1/waitlist"_s.arg(m_clientB), {}, m_admin);
    QCOMPARE(ofClient.status, 200);
    QCOMPARE(ofClient.json.value("count"_L1).toInt(), 2);
    QCOMPARE(ids(u"?priority=Low"_s), QStringList{lowId});
    QCOMPARE(m_server.request("GET", u"/api/v1/waitlist?status[zz]=1"_s, {}, m_admin).status, 400);
    // Client and provider named on request, as for appointments.
    const Reply named = m_server.request(
        "GET", u"/api/v1/waitlist/%1?populate=client,provider"_s.arg(highId), {}, m_admin);
    QCOMPARE(named.status, 200);
    QCOMPARE(named.object().value("client"_L1).toObject().value("firstName"_L1).toString(),
             u"Bo"_s);
    QCOMPARE(named.object().value("provider"_L1).toObject().value("_id"_L1).toString(), m_adminId);
    const Reply listed = m_server.request(
        "GET", u"/api/v1/waitlist?populate=client&client="_s + m_clientB, {}, m_admin);
    QCOMPARE(listed.data()
                 .toArray()
                 .first()
                 .toObject()
                 .value("client"_L1)
                 .toObject()
                 .value("lastName"_L1),
             QJsonValue(u"B"_s));
}

void ServerWaitlistTest::badFieldsAreNamed() {
    QJsonObject bad = entryBody(m_clientA, m_adminId);
    bad.insert("duration"_L1, 10);
    bad.insert("priority"_L1, u"Urgent"_s);
    bad.insert("preferredWindows"_L1, QJsonArray{QJsonObject{{"dayOfWeek"_L1, u"Monday"_s},
                                                             {"startTime"_L1, u"12:00"_s},
                                                             {"endTime"_L1, u"09:00"_s}}});
    bad.insert("latestDate"_L1, u"2030-03-01"_s);
    bad.insert("location"_L1, u"Moon"_s);
    Reply r = m_server.request("POST", u"/api/v1/waitlist"_s, bad, m_admin);
    QCOMPARE(r.status, 400);
    for (const QString& field : {u"duration"_s, u"priority"_s, u"preferredWindows[0].endTime"_s,
                                 u"latestDate"_s, u"location"_s})
        QVERIFY2(fieldsOf(r).contains(field), qPrintable(field + u": "_s + textOf(r)));
    QVERIFY2(r.json.value("error"_L1).toString().contains(u"duration"_s), qPrintable(textOf(r)));
    // Records that do not exist.
    r = m_server.request("POST", u"/api/v1/waitlist"_s,
                         entryBody(u"ffffffffffffffffffffffff"_s, u"eeeeeeeeeeeeeeeeeeeeeeee"_s),
                         m_admin);
    QCOMPARE(r.status, 400);
    QCOMPARE(fieldsOf(r), (QStringList{u"client"_s, u"provider"_s}));
    // Notes bounded like an appointment's.
    bad = entryBody(m_clientA, m_adminId);
    bad.insert("notes"_L1, QString(10'001, u'x'));
    r = m_server.request("POST", u"/api/v1/waitlist"_s, bad, m_admin);
    QCOMPARE(r.status, 400);
    QCOMPARE(fieldsOf(r), QStringList{u"notes"_s});
    // A change is checked as a create is.
    const QString id = post(u"/api/v1/waitlist"_s, entryBody(m_clientA, m_adminId));
    r = m_server.request("PUT", u"/api/v1/waitlist/"_s + id,
                         {{"duration"_L1, 600}, {"expiresAt"_L1, u"tomorrow"_s}}, m_admin);
    QCOMPARE(r.status, 400);
    QCOMPARE(fieldsOf(r), (QStringList{u"duration"_s, u"expiresAt"_s}));
    QCOMPARE(m_server.request("GET", u"/api/v1/waitlist/"_s + id, {}, m_admin)
                 .object()
                 .value("version"_L1)
                 .toInt(),
             1);
    // Without the required fields.
    r = m_server.request("POST", u"/api/v1/waitlist"_s, {{"notes"_L1, u"x"_s}}, m_admin);
    QCOMPARE(r.status, 400);
    QCOMPARE(fieldsOf(r), (QStringList{u"client"_s, u"appointmentType"_s, u"duration"_s}));
}

void ServerWaitlistTest::offersAreTheServers() {
    QJsonObject body = entryBody(m_clientA, m_adminId);
    body.insert("status"_L1, u"Offered"_s);
    body.insert("offer"_L1, QJsonObject{{"startTime"_L1, u"2030-03-04T14:00:00.000Z"_s}});
    Reply r = m_server.request("POST", u"/api/v1/waitlist"_s, body, m_admin);
    QCOMPARE(r.status, 400);
    QCOMPARE(fieldsOf(r), (QStringList{u"offer"_s, u"status"_s}));
    const QString id = post(u"/api/v1/waitlist"_s, entryBody(m_clientA, m_adminId));
    r = m_server.request("PUT", u"/api/v1/waitlist/"_s + id, {{"status"_L1, u"Offered"_s}},
                         m_admin);
    QCOMPARE(r.status, 400);
    QCOMPARE(fieldsOf(r), QStringList{u"status"_s});
    // The whole entry sent back, its (null) offer unchanged, is an ordinary change.
    QJsonObject whole = m_server.request("GET", u"/api/v1/waitlist/"_s + id, {}, m_admin).object();
    whole.insert("priority"_L1, u"Low"_s);
    r = m_server.request("PUT", u"/api/v1/waitlist/"_s + id, whole, m_admin);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value("priority"_L1).toString(), u"Low"_s);
    QCOMPARE(r.object().value("version"_L1).toInt(), 2);
    // A release of an entry that holds nothing.
    r = m_server.request("POST", u"/api/v1/waitlist/%1/release"_s.arg(id), {}, m_admin);
    QCOMPARE(r.status, 409);
    QCOMPARE(r.json.value("code"_L1).toString(), u"INVALID_STATUS"_s);
}

void ServerWaitlistTest::bookingFromTheWaitlistIsTwoWrites() {
    const QString id = post(u"/api/v1/waitlist"_s, entryBody(m_clientA, m_adminId));
    Reply r =
        m_server.request("PUT", u"/api/v1/waitlist/"_s + id, {{"status"_L1, u"Booked"_s}}, m_admin);
    QCOMPARE(r.status, 400);
    QCOMPARE(fieldsOf(r), QStringList{u"bookedAppointment"_s});
    r = m_server.request(
        "PUT", u"/api/v1/waitlist/"_s + id,
        {{"status"_L1, u"Booked"_s}, {"bookedAppointment"_L1, u"ffffffffffffffffffffffff"_s}},
        m_admin);
    QCOMPARE(r.status, 400);
    QCOMPARE(fieldsOf(r), QStringList{u"bookedAppointment"_s});
    const QString appointment =
        post(u"/api/v1/appointments"_s, {{"client"_L1, m_clientA},
                                         {"provider"_L1, m_adminId},
                                         {"startTime"_L1, u"2030-03-04T14:00:00.000Z"_s},
                                         {"endTime"_L1, u"2030-03-04T14:50:00.000Z"_s},
                                         {"appointmentType"_L1, u"Individual Therapy"_s}});
    QVERIFY(!appointment.isEmpty());
    r = m_server.request("PUT", u"/api/v1/waitlist/"_s + id,
                         {{"status"_L1, u"Booked"_s}, {"bookedAppointment"_L1, appointment}},
                         m_admin, {{"if-match", "\"1\""}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value("status"_L1).toString(), u"Booked"_s);
    QCOMPARE(r.object().value("bookedAppointment"_L1).toString(), appointment);
    // A stale version is refused.
    r = m_server.request("PUT", u"/api/v1/waitlist/"_s + id, {{"priority"_L1, u"High"_s}}, m_admin,
                         {{"if-match", "\"1\""}});
    QCOMPARE(r.status, 412);
}

void ServerWaitlistTest::deleteKeepsTheEntryAsRemoved() {
    const QString id = post(u"/api/v1/waitlist"_s, entryBody(m_clientA, m_adminId));
    Reply r = m_server.request("DELETE", u"/api/v1/waitlist/"_s + id, {}, m_admin);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value("success"_L1).toBool(), true);
    QCOMPARE(r.object().value("_id"_L1).toString(), id);
    QCOMPARE(r.object().value("status"_L1).toString(), u"Removed"_s);
    r = m_server.request("GET", u"/api/v1/waitlist/"_s + id, {}, m_admin);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value("status"_L1).toString(), u"Removed"_s);
    QCOMPARE(m_server.request("DELETE", u"/api/v1/waitlist/ffffffffffffffffffffffff"_s, {}, m_admin)
                 .status,
             404);
}

void ServerWaitlistTest::writesAreAuditedAndInTheChangeFeed() {
    const Reply before = m_server.request("GET", u"/api/v1/sync/changes?limit=500"_s, {}, m_admin);
    const QString cursor = before.object().value("cursor"_L1).toString();
    const QString id = post(u"/api/v1/waitlist"_s, entryBody(m_clientB, m_adminId));
    QCOMPARE(
        m_server.request("PUT", u"/api/v1/waitlist/"_s + id, {{"priority"_L1, u"High"_s}}, m_admin)
            .status,
        200);
    const Reply feed =
        m_server.request("GET", u"/api/v1/sync/changes?since="_s + cursor, {}, m_admin);
    QCOMPARE(feed.status, 200);
    const QJsonArray changes = feed.object().value("changes"_L1).toArray();
    QCOMPARE(changes.size(), 1);
    const QJsonObject change = changes.first().toObject();
    QCOMPARE(change.value("type"_L1).toString(), u"waitlist"_s);
    QCOMPARE(change.value("_id"_L1).toString(), id);
    QCOMPARE(change.value("version"_L1).toInt(), 2);
    QCOMPARE(change.value("doc"_L1).toObject().value("priority"_L1).toString(), u"High"_s);
    for (const QString& action : {u"waitlist.create"_s, u"waitlist.update"_s}) {
        const Reply log =
            m_server.request("GET", u"/api/v1/audit-logs?action="_s + action, {}, m_admin);
        QVERIFY2(textOf(log).contains(id), qPrintable(action));
    }
    m_server.request("GET", u"/api/v1/waitlist/"_s + id, {}, m_admin);
    QVERIFY(
        textOf(m_server.request("GET", u"/api/v1/audit-logs?action=waitlist.read"_s, {}, m_admin))
            .contains(id));
}

void ServerWaitlistTest::clinicianSeesOwnEntriesOnly() {
    const Reply before =
        m_server.request("GET", u"/api/v1/sync/changes?limit=500"_s, {}, m_clinician);
    const QString cursor = before.object().value("cursor"_L1).toString();
    const QString others = post(u"/api/v1/waitlist"_s, entryBody(m_clientA, m_adminId));
    const QString anyone = post(u"/api/v1/waitlist"_s, entryBody(m_clientA, QJsonValue()));
    const QString own = post(u"/api/v1/waitlist"_s, entryBody(m_clientA, m_clinicianId));
    const Reply list = m_server.request("GET", u"/api/v1/waitlist?limit=500"_s, {}, m_clinician);
    QCOMPARE(list.status, 200);
    QStringList ids;
    for (const QJsonValue& v : list.data().toArray())
        ids << v.toObject().value("_id"_L1).toString();
    QCOMPARE(ids, QStringList{own});
    QCOMPARE(m_server.request("GET", u"/api/v1/waitlist/"_s + others, {}, m_clinician).status, 404);
    QCOMPARE(m_server.request("GET", u"/api/v1/waitlist/"_s + own, {}, m_clinician).status, 200);
    QCOMPARE(m_server
                 .request("PUT", u"/api/v1/waitlist/"_s + anyone, {{"priority"_L1, u"Low"_s}},
                          m_clinician)
                 .status,
             404);
    const Reply feed =
        m_server.request("GET", u"/api/v1/sync/changes?since="_s + cursor, {}, m_clinician);
    QVERIFY2(textOf(feed).contains(own), qPrintable(textOf(feed)));
    QVERIFY2(!textOf(feed).contains(others) && !textOf(feed).contains(anyone),
             qPrintable(textOf(feed)));
    // The practice administrator sees all three.
    const QString all =
        textOf(m_server.request("GET", u"/api/v1/waitlist?limit=500"_s, {}, m_admin));
    QVERIFY(all.contains(others) && all.contains(anyone) && all.contains(own));
}

void ServerWaitlistTest::heldSlotBlocksOthersUntilReleased() {
    // An offer as the server makes it: stored while the server is stopped.
    const QDateTime start = QDateTime::currentDateTimeUtc()
                                .addDays(3)
                                .date()
                                .startOfDay(QTimeZone::utc())
                                .addSecs(15 * 3600);
    const QString id = post(u"/api/v1/waitlist"_s, entryBody(m_clientA, m_adminId));
    QJsonObject doc = m_server.request("GET", u"/api/v1/waitlist/"_s + id, {}, m_admin).object();
    QCOMPARE(m_server.stop(), 0);
    {
        // The practice's database, the SQLite file or the suite's PostgreSQL.
        const auto url =
            m_server.databaseUrl()
                ? mss::storage::DatabaseUrl::parse(*m_server.databaseUrl())
                : mss::storage::DatabaseUrl::sqlite(m_server.dataDir() + u"/mentalspace.db"_s);
        QVERIFY(url);
        auto db = mss::storage::Database::open(*url, m_server.dataDir());
        QVERIFY(db);
        mss::storage::RecordStore records(**db);
        doc.insert("status"_L1, u"Offered"_s);
        doc.insert("offer"_L1, QJsonObject{{"startTime"_L1, wire(start)},
                                           {"endTime"_L1, wire(start.addSecs(50 * 60))},
                                           {"provider"_L1, m_adminId},
                                           {"heldUntil"_L1,
                                            wire(QDateTime::currentDateTimeUtc().addSecs(7200))},
                                           {"sentAt"_L1, wire(QDateTime::currentDateTimeUtc())},
                                           {"channels"_L1, QJsonArray{u"email"_s}}});
        doc.insert("version"_L1, 2);
        mss::storage::WriteTransaction tx(**db);
        QVERIFY(records.put(mss::storage::RecordKind::WaitlistEntry, doc));
        QVERIFY(tx.commit());
    }
    QVERIFY(m_server.start());
    m_admin = m_server.login(u"PRACTICE_ADMIN"_s);
    const auto book = [&](const QString& client, int offsetMinutes) {
        const QDateTime at = start.addSecs(offsetMinutes * 60);
        return m_server.request("POST", u"/api/v1/appointments"_s,
                                {{"client"_L1, client},
                                 {"provider"_L1, m_adminId},
                                 {"startTime"_L1, wire(at)},
                                 {"endTime"_L1, wire(at.addSecs(30 * 60))},
                                 {"appointmentType"_L1, u"Individual Therapy"_s}},
                                m_admin);
    };
    Reply r = book(m_clientB, 30);
    QCOMPARE(r.status, 409);
    QCOMPARE(r.json.value("code"_L1).toString(), u"SLOT_HELD"_s);
    QCOMPARE(r.json.value("conflicts"_L1).toArray(), QJsonArray{id});
    // Overriding conflicts does not take a held slot.
    QJsonObject overriding{{"client"_L1, m_clientB},
                           {"provider"_L1, m_adminId},
                           {"startTime"_L1, wire(start)},
                           {"endTime"_L1, wire(start.addSecs(1800))},
                           {"appointmentType"_L1, u"Individual Therapy"_s},
                           {"allowOverlap"_L1, true}};
    QCOMPARE(m_server.request("POST", u"/api/v1/appointments"_s, overriding, m_admin)
                 .json.value("code"_L1)
                 .toString(),
             u"SLOT_HELD"_s);
    // Nor a series with an occurrence in it.
    const QDateTime local = start.toTimeZone(QTimeZone("America/New_York"));
    const QStringList days{u"Monday"_s, u"Tuesday"_s,  u"Wednesday"_s, u"Thursday"_s,
                           u"Friday"_s, u"Saturday"_s, u"Sunday"_s};
    r = m_server.request("POST", u"/api/v1/recurring-appointments"_s,
                         {{"client"_L1, m_clientB},
                          {"provider"_L1, m_adminId},
                          {"appointmentType"_L1, u"Individual Therapy"_s},
                          {"duration"_L1, 50},
                          {"recurrencePattern"_L1, u"Weekly"_s},
                          {"dayOfWeek"_L1, days.at(local.date().dayOfWeek() - 1)},
                          {"startTime"_L1, local.time().toString(u"HH:mm")},
                          {"startDate"_L1, local.date().toString(Qt::ISODate)},
                          {"numberOfOccurrences"_L1, 2}},
                         m_admin);
    QCOMPARE(r.status, 409);
    QCOMPARE(r.json.value("code"_L1).toString(), u"SLOT_HELD"_s);
    // The entry's own client may book in it; time after it is free.
    QCOMPARE(book(m_clientA, 0).status, 201);
    QCOMPARE(book(m_clientB, 120).status, 201);
    // The desk releases the hold: the entry waits again, the time is free.
    r = m_server.request("POST", u"/api/v1/waitlist/%1/release"_s.arg(id), {}, m_admin);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value("status"_L1).toString(), u"Waiting"_s);
    QVERIFY(r.object().value("offer"_L1).isNull());
    QVERIFY(textOf(m_server.request("GET", u"/api/v1/audit-logs?action=waitlist.release"_s, {},
                                    m_admin))
                .contains(id));
    QCOMPARE(book(m_clientB, 30).status, 201);
}

void ServerWaitlistTest::aPlainServerHasNoWaitlist() {
    // --plain-api serves what the MentalSpace server has: the waitlist is
    // this project's extension, so a desk must find it missing there.
    mss::test::ServerHarness plain;
    QVERIFY(plain.init());
    QVERIFY(plain.start({u"--plain-api"_s}));
    const QByteArray token = plain.login(u"PRACTICE_ADMIN"_s);
    QVERIFY(!token.isEmpty());
    QCOMPARE(plain.request("GET", u"/api/v1/waitlist"_s, {}, token).status, 404);
    QCOMPARE(plain.request("POST", u"/api/v1/waitlist"_s, entryBody(m_clientA, QJsonValue()), token)
                 .status,
             404);
}

QTEST_GUILESS_MAIN(ServerWaitlistTest)
#include "tst_server_waitlist.moc"
