// Two desks working offline on the same schedule: what the server refuses
// becomes a conflict for the user, and nothing anyone saved is overwritten.
#include "base/WallClock.h"
#include "Desk.h"

#include <QJsonArray>

using namespace mss;
using namespace mss::domain;
using namespace mss::sync;
using namespace mss::test;
using namespace Qt::StringLiterals;

class TestSyncConflict : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void sameSlotBookedOfflineByTwoDesksOneWins();
    void sameAppointmentMovedOfflineByTwoDesksKeepsBoth();
    void aChangeTheServerForbidsIsAConflictWithItsReason();

private:
    Appointment draft(int clientIndex, const QDateTime& start) const;
    QJsonObject onServer(const ObjectId& id);

    ServerProcess m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<ApiClient> m_admin;
    QString m_provider;
    QStringList m_clients;
};

void TestSyncConflict::initTestCase() {
    QVERIFY(m_server.init());
    QVERIFY(m_server.addUser(u"a@example.org"_s, u"RECEPTIONIST"_s, "desk a password"));
    QVERIFY(m_server.addUser(u"b@example.org"_s, u"RECEPTIONIST"_s, "desk b password"));
    QVERIFY(m_server.start());
    m_admin = std::make_unique<ApiClient>(m_server.url());
    QVERIFY(await(m_admin->login(QString::fromLatin1(ServerProcess::adminEmail),
                                 QString::fromLatin1(ServerProcess::adminPassword)))
                .ok());
    const ApiResponse clinician =
        await(m_admin->post(u"/staff"_s, {{"firstName"_L1, u"Dana"_s},
                                          {"lastName"_L1, u"Lee"_s},
                                          {"email"_L1, u"dana@example.org"_s},
                                          {"role"_L1, u"CLINICIAN"_s},
                                          {"password"_L1, u"dana password 1"_s}}));
    QVERIFY(clinician.ok());
    m_provider = clinician.data().toObject().value("_id"_L1).toString();
    for (int i = 0; i < 2; ++i) {
        const ApiResponse c = await(m_admin->post(
            u"/clients"_s, {{"firstName"_L1, u"Client"_s}, {"lastName"_L1, QString::number(i)}}));
        QVERIFY(c.ok());
        m_clients << c.data().toObject().value("_id"_L1).toString();
    }
}

Appointment TestSyncConflict::draft(int clientIndex, const QDateTime& start) const {
    Appointment a;
    a.provider.id = *ObjectId::fromString(m_provider);
    a.client.id = *ObjectId::fromString(m_clients[clientIndex]);
    a.startTime = start;
    a.endTime = start.addSecs(50 * 60);
    return a;
}

QJsonObject TestSyncConflict::onServer(const ObjectId& id) {
    const ApiResponse r = await(m_admin->get(u"/appointments/"_s + id.toString()));
    return r.ok() ? r.data().toObject() : QJsonObject{};
}

void TestSyncConflict::sameSlotBookedOfflineByTwoDesksOneWins() {
    Desk a(m_dir.filePath(u"a1.sqlite"_s), m_server.url());
    Desk b(m_dir.filePath(u"b1.sqlite"_s), m_server.url());
    QVERIFY(a.signIn(u"a@example.org"_s, "desk a password"));
    QVERIFY(b.signIn(u"b@example.org"_s, "desk b password"));
    QVERIFY(a.sync());
    QVERIFY(b.sync());

    m_server.stop();
    const QDateTime slot(QDate(2027, 2, 1), QTime(15, 0), QTimeZone::utc());
    const auto mine = a.schedule->book(draft(0, slot));
    const auto theirs = b.schedule->book(draft(1, slot.addSecs(20 * 60)));
    QVERIFY(mine);
    QVERIFY(theirs); // neither desk can know of the other while offline
    QVERIFY(m_server.start());

    QVERIFY(a.syncUntilSettled());
    QSignalSpy conflicts(b.engine.get(), &SyncEngine::conflictsChanged);
    QVERIFY(b.sync());
    QCOMPARE(conflicts.size(), 1);
    const QList<SyncConflict> found = b.cache->conflicts().value();
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.front().code, ConflictCode::SchedulingConflict);
    QCOMPARE(found.front().recordId, theirs->id().toString());
    QCOMPARE(found.front().collidesWith, QStringList{mine->id().toString()});
    QVERIFY(!found.front().message.isEmpty());

    // The server kept the first booking and did not store the second.
    QCOMPARE(onServer(mine->id()).value("startTime"_L1).toString(), toWireTime(slot));
    QVERIFY(onServer(theirs->id()).isEmpty());

    // B takes theirs: the refused booking goes, A's arrives.
    QVERIFY(b.engine->takeTheirs(found.front().id));
    QVERIFY(b.syncUntilSettled());
    QVERIFY(b.cache->conflicts().value().isEmpty());
    QVERIFY(!b.cache->appointment(theirs->id().toString()).value().has_value());
    QVERIFY(b.cache->appointment(mine->id().toString()).value().has_value());
}

void TestSyncConflict::sameAppointmentMovedOfflineByTwoDesksKeepsBoth() {
    Desk a(m_dir.filePath(u"a2.sqlite"_s), m_server.url());
    Desk b(m_dir.filePath(u"b2.sqlite"_s), m_server.url());
    QVERIFY(a.signIn(u"a@example.org"_s, "desk a password"));
    QVERIFY(b.signIn(u"b@example.org"_s, "desk b password"));
    const QDateTime start(QDate(2027, 3, 1), QTime(15, 0), QTimeZone::utc());
    const auto booked = a.schedule->book(draft(0, start));
    QVERIFY(booked);
    QVERIFY(a.syncUntilSettled());
    QVERIFY(b.sync());
    QVERIFY(b.cache->appointment(booked->id().toString()).value().has_value());

    m_server.stop();
    Appointment movedByA = a.cache->appointment(booked->id().toString()).value().value();
    movedByA.startTime = start.addSecs(2 * 3600);
    movedByA.endTime = movedByA.startTime.addSecs(50 * 60);
    QVERIFY(a.schedule->change(movedByA));
    Appointment movedByB = b.cache->appointment(booked->id().toString()).value().value();
    movedByB.startTime = start.addSecs(4 * 3600);
    movedByB.endTime = movedByB.startTime.addSecs(50 * 60);
    QVERIFY(b.schedule->change(movedByB));
    QVERIFY(m_server.start());

    QVERIFY(a.syncUntilSettled());
    QVERIFY(b.sync());
    const QList<SyncConflict> found = b.cache->conflicts().value();
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.front().code, ConflictCode::VersionMismatch);
    // Theirs is what A saved; mine is what B saved. Neither was overwritten.
    QCOMPARE(found.front().theirs.value("startTime"_L1).toString(), toWireTime(movedByA.startTime));
    QCOMPARE(found.front().mine.value("startTime"_L1).toString(), toWireTime(movedByB.startTime));
    QCOMPARE(onServer(booked->id()).value("startTime"_L1).toString(),
             toWireTime(movedByA.startTime));
    // B's calendar shows the server's time until B decides.
    QCOMPARE(b.cache->appointment(booked->id().toString()).value()->startTime, movedByA.startTime);

    // B keeps mine, on top of the version A made.
    QVERIFY(b.engine->keepMine(found.front().id));
    QVERIFY2(b.syncUntilSettled(), b.outboxReport().constData());
    QCOMPARE(onServer(booked->id()).value("startTime"_L1).toString(),
             toWireTime(movedByB.startTime));
    QCOMPARE(onServer(booked->id()).value("version"_L1).toInt(), 3);
    QVERIFY(a.sync());
    QCOMPARE(a.cache->appointment(booked->id().toString()).value()->startTime, movedByB.startTime);
}

void TestSyncConflict::aChangeTheServerForbidsIsAConflictWithItsReason() {
    // The practice lets the front desk complete appointments while desk A
    // signs in; A completes one offline; meanwhile the practice takes the
    // grant back (or A's server is one that never gave it).
    const QJsonObject granted{{"CompleteAppointments"_L1, QJsonArray{u"RECEPTIONIST"_s}}};
    QVERIFY(await(m_admin->put(u"/settings"_s, {{"widerGrants"_L1, granted}})).ok());
    Desk a(m_dir.filePath(u"a3.sqlite"_s), m_server.url());
    QVERIFY(a.signIn(u"a@example.org"_s, "desk a password"));
    a.schedule->setRole(StaffRole::Receptionist);
    a.schedule->setGrants(*RoleGrants::fromJson(granted));
    const QDateTime start(QDate(2027, 4, 5), QTime(15, 0), QTimeZone::utc());
    const auto booked = a.schedule->book(draft(0, start));
    QVERIFY(booked);
    QVERIFY(a.syncUntilSettled());

    m_server.stop();
    QVERIFY(a.schedule->complete(booked->id(), u"Seen"_s));
    QCOMPARE(a.cache->appointment(booked->id().toString()).value()->status,
             AppointmentStatus::Completed);
    QVERIFY(m_server.start());
    QVERIFY(await(m_admin->login(QString::fromLatin1(ServerProcess::adminEmail),
                                 QString::fromLatin1(ServerProcess::adminPassword)))
                .ok());
    QVERIFY(await(m_admin->put(u"/settings"_s, {{"widerGrants"_L1, QJsonObject()}})).ok());

    QSignalSpy conflicts(a.engine.get(), &SyncEngine::conflictsChanged);
    a.sync();
    QCOMPARE(conflicts.size(), 1);
    const QList<SyncConflict> found = a.cache->conflicts().value();
    QCOMPARE(found.size(), 1);
    const SyncConflict& c = found.front();
    QCOMPARE(c.code, ConflictCode::Forbidden);
    QCOMPARE(c.recordId, booked->id().toString());
    // The server's reason, in its words.
    QVERIFY2(c.message.contains(u"CompleteAppointments"_s), qPrintable(c.message));
    QCOMPARE(c.mine.value("status"_L1).toString(), u"Completed"_s);
    QCOMPARE(c.theirs.value("status"_L1).toString(), u"Scheduled"_s);
    // Held, not dropped; the calendar shows what the server holds.
    const QList<OutboxEntry> held = a.cache->outbox().all().value();
    QCOMPARE(held.size(), 1);
    QCOMPARE(held.front().state, OutboxEntry::State::Rejected);
    QCOMPARE(a.cache->appointment(booked->id().toString()).value()->status,
             AppointmentStatus::Scheduled);
    QCOMPARE(onServer(booked->id()).value("status"_L1).toString(), u"Scheduled"_s);

    // Taking theirs keeps the appointment, as the server has it.
    QVERIFY(a.engine->takeTheirs(c.id));
    QVERIFY(a.cache->conflicts().value().isEmpty());
    QVERIFY(a.syncUntilSettled());
    const auto kept = a.cache->appointment(booked->id().toString()).value();
    QVERIFY(kept.has_value());
    QCOMPARE(kept->status, AppointmentStatus::Scheduled);
}

QTEST_GUILESS_MAIN(TestSyncConflict)
#include "tst_syncconflict.moc"
