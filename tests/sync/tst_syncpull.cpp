// Pulling a practice into an empty cache, then only what changed, from the
// real embedded server on a loopback port.
#include "base/WallClock.h"
#include "Desk.h"

#include <QJsonArray>

using namespace mss;
using namespace mss::domain;
using namespace mss::sync;
using namespace mss::test;
using namespace Qt::StringLiterals;
using storage::RecordKind;

namespace {

const QByteArray demoPassword = "mentalspace-demo";

// How many records of a list endpoint the server holds.
qint64 serverCount(ApiClient& api, const QString& path) {
    return listAll(api, path).size();
}

} // namespace

class TestSyncPull : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void initialSyncBringsTheWholePractice();
    void incrementalSyncBringsOnlyChangesOfAnotherDesk();
    void serverDownMeansOfflineAndTheCacheStillAnswers();

private:
    ServerProcess m_server;
    QTemporaryDir m_dir;
};

void TestSyncPull::initTestCase() {
    QVERIFY(m_server.demo());
    QVERIFY(m_server.start());
}

void TestSyncPull::initialSyncBringsTheWholePractice() {
    Desk desk(m_dir.filePath(u"front.sqlite"_s), m_server.url());
    QVERIFY(desk.signIn(u"frontdesk@demo.practice"_s, demoPassword));
    QSignalSpy progress(desk.engine.get(), &SyncEngine::progress);
    QSignalSpy changed(desk.engine.get(), &SyncEngine::recordsChanged);
    QVERIFY(desk.sync());
    QCOMPARE(desk.engine->state(), SyncEngine::State::Online);
    QVERIFY(desk.engine->serverHasChangeFeed());
    QVERIFY(!progress.isEmpty());
    QCOMPARE(changed.size(), 1);

    QCOMPARE(desk.cache->count(RecordKind::Appointment).value(),
             serverCount(desk.api, u"/appointments"_s));
    QCOMPARE(desk.cache->count(RecordKind::Client).value(), 40);
    QCOMPARE(desk.cache->count(RecordKind::Staff).value(), serverCount(desk.api, u"/staff"_s));
    QCOMPARE(desk.cache->count(RecordKind::ProviderAvailability).value(),
             serverCount(desk.api, u"/provider-availabilities"_s));
    QCOMPARE(desk.cache->count(RecordKind::RecurringAppointment).value(),
             serverCount(desk.api, u"/recurring-appointments"_s));
    QVERIFY(desk.cache->count(RecordKind::Appointment).value() > 100);

    // A second sync with nothing new changes nothing.
    changed.clear();
    QVERIFY(desk.sync());
    QCOMPARE(changed.size(), 0);
}

void TestSyncPull::incrementalSyncBringsOnlyChangesOfAnotherDesk() {
    Desk desk(m_dir.filePath(u"front2.sqlite"_s), m_server.url());
    QVERIFY(desk.signIn(u"frontdesk@demo.practice"_s, demoPassword));
    QVERIFY(desk.sync());

    // Another desk, straight through the API: one booking, one cancel.
    ApiClient other(m_server.url());
    QVERIFY(await(other.login(u"admin@demo.practice"_s, QString::fromLatin1(demoPassword))).ok());
    const auto staff = desk.cache->staff().value();
    const auto clients = desk.cache->clients().value();
    const auto provider = std::find_if(
        staff.begin(), staff.end(), [](const Staff& s) { return s.role == StaffRole::Clinician; });
    QVERIFY(provider != staff.end());
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(60);
    const QDateTime slot(start.date(), QTime(3, 0), QTimeZone::utc()); // 22:00/23:00 local: free
    const ApiResponse created =
        await(other.post(u"/appointments"_s, {{"client"_L1, clients.front().id().toString()},
                                              {"provider"_L1, provider->id().toString()},
                                              {"startTime"_L1, toWireTime(slot)},
                                              {"endTime"_L1, toWireTime(slot.addSecs(50 * 60))},
                                              {"appointmentType"_L1, u"Individual Therapy"_s},
                                              {"allowOverlap"_L1, true}}));
    QVERIFY2(created.ok(), qPrintable(created.message));
    const QString newId = created.data().toObject().value("_id"_L1).toString();

    const auto upcoming = desk.cache->appointments(QDateTime::currentDateTimeUtc(),
                                                   QDateTime::currentDateTimeUtc().addDays(30));
    QVERIFY(upcoming && !upcoming->isEmpty());
    const Appointment victim = *std::find_if(upcoming->begin(), upcoming->end(),
                                             [](const Appointment& a) { return a.holdsTime(); });
    const ApiResponse cancelled = await(
        other.put(u"/appointments/%1/cancel"_s.arg(victim.id().toString()),
                  {{"cancellationReason"_L1, u"Provider unwell"_s}, {"cancellationFee"_L1, 0}}));
    QVERIFY2(cancelled.ok(), qPrintable(cancelled.message));

    QSignalSpy progress(desk.engine.get(), &SyncEngine::progress);
    QVERIFY(desk.sync());
    QCOMPARE(progress.last().at(0).toLongLong(), 2); // only the two changes came
    QVERIFY(desk.cache->appointment(newId).value().has_value());
    QCOMPARE(desk.cache->appointment(victim.id().toString()).value()->status,
             AppointmentStatus::Cancelled);
}

void TestSyncPull::serverDownMeansOfflineAndTheCacheStillAnswers() {
    Desk desk(m_dir.filePath(u"front3.sqlite"_s), m_server.url());
    QVERIFY(desk.signIn(u"frontdesk@demo.practice"_s, demoPassword));
    QVERIFY(desk.sync());
    const qint64 cached = desk.cache->count(RecordKind::Appointment).value();
    m_server.stop();
    QVERIFY(!desk.sync());
    QCOMPARE(desk.engine->state(), SyncEngine::State::Offline);
    QVERIFY(!desk.engine->lastError().isEmpty());
    QCOMPARE(desk.cache->count(RecordKind::Appointment).value(), cached);
    QVERIFY(m_server.start());
    QVERIFY(desk.sync());
    QCOMPARE(desk.engine->state(), SyncEngine::State::Online);
}

QTEST_GUILESS_MAIN(TestSyncPull)
#include "tst_syncpull.moc"
