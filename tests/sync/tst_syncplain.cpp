// The same desk against a server without this project's extensions (the
// embedded server with --plain-api, which answers as the MentalSpace EHR
// server does): no change feed, no versions, no idempotency keys, no
// conflict checks. The desk polls by updatedAt, re-reads the window on
// screen to notice deletions, and still lands every offline change once.
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

} // namespace

class TestSyncPlain : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void thePlainServerHasNoExtensions();
    void initialAndIncrementalSyncByPolling();
    void deletionsInTheVisibleWindowDisappear();
    void offlineBookingsLandOnceAfterARestart();
    void offlineMovesOfTwoDesksBothReachThePlainServer();

private:
    QUrlQuery ofProvider(const QString& provider) const;
    QString clinician();

    ServerProcess m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<ApiClient> m_admin;
};

void TestSyncPlain::initTestCase() {
    QVERIFY(m_server.demo());
    QVERIFY(m_server.start({u"--plain-api"_s}));
    m_admin = std::make_unique<ApiClient>(m_server.url());
    QVERIFY(
        await(m_admin->login(u"admin@demo.practice"_s, QString::fromLatin1(demoPassword))).ok());
}

QUrlQuery TestSyncPlain::ofProvider(const QString& provider) const {
    QUrlQuery q;
    q.addQueryItem(u"provider"_s, provider);
    return q;
}

QString TestSyncPlain::clinician() {
    QUrlQuery q;
    q.addQueryItem(u"role"_s, u"CLINICIAN"_s);
    return listAll(*m_admin, u"/staff"_s, q).front().value("_id"_L1).toString();
}

void TestSyncPlain::thePlainServerHasNoExtensions() {
    const ApiResponse feed = await(m_admin->get(u"/sync/changes"_s));
    QCOMPARE(feed.status, 404);
    const QList<QJsonObject> some = listAll(*m_admin, u"/clients"_s);
    QVERIFY(!some.isEmpty());
    QVERIFY(!some.front().contains("version"_L1));
}

void TestSyncPlain::initialAndIncrementalSyncByPolling() {
    Desk desk(m_dir.filePath(u"plain1.sqlite"_s), m_server.url());
    QVERIFY(desk.signIn(u"frontdesk@demo.practice"_s, demoPassword));
    QVERIFY2(desk.sync(), qPrintable(desk.engine->lastError()));
    QVERIFY(!desk.engine->serverHasChangeFeed());
    QCOMPARE(desk.cache->count(RecordKind::Appointment).value(),
             qint64(listAll(*m_admin, u"/appointments"_s).size()));
    QCOMPARE(desk.cache->count(RecordKind::Client).value(), 40);

    // Another desk adds a client; the next poll brings it.
    const ApiResponse added = await(
        m_admin->post(u"/clients"_s, {{"firstName"_L1, u"New"_s}, {"lastName"_L1, u"Client"_s}}));
    QVERIFY(added.ok());
    QVERIFY(desk.sync());
    QCOMPARE(desk.cache->count(RecordKind::Client).value(), 41);
}

void TestSyncPlain::deletionsInTheVisibleWindowDisappear() {
    Desk desk(m_dir.filePath(u"plain2.sqlite"_s), m_server.url());
    QVERIFY(desk.signIn(u"frontdesk@demo.practice"_s, demoPassword));
    const QDateTime from = QDateTime::currentDateTimeUtc().addDays(-7);
    const QDateTime to = QDateTime::currentDateTimeUtc().addDays(14);
    desk.engine->setVisibleWindow(from, to);
    QVERIFY(desk.sync());
    const auto shown = desk.cache->appointments(from, to).value();
    QVERIFY(!shown.isEmpty());
    const QString victim = shown.back().id().toString();
    const ApiResponse deleted = await(m_admin->remove(u"/appointments/"_s + victim));
    QVERIFY2(deleted.ok(), qPrintable(deleted.message));
    QVERIFY(desk.sync());
    QVERIFY(!desk.cache->appointment(victim).value().has_value());
}

void TestSyncPlain::offlineBookingsLandOnceAfterARestart() {
    const QString provider = clinician();
    const QString client = listAll(*m_admin, u"/clients"_s).front().value("_id"_L1).toString();
    const qsizetype before = listAll(*m_admin, u"/appointments"_s, ofProvider(provider)).size();
    const QString path = m_dir.filePath(u"plain3.sqlite"_s);
    QSet<QString> made;
    {
        Desk desk(path, m_server.url());
        QVERIFY(desk.signIn(u"frontdesk@demo.practice"_s, demoPassword));
        QVERIFY(desk.sync());
        m_server.stop();
        const QDateTime day(QDate(2027, 6, 7), QTime(14, 0), QTimeZone::utc());
        for (int i = 0; i < 20; ++i) {
            Appointment a;
            a.provider.id = *ObjectId::fromString(provider);
            a.client.id = *ObjectId::fromString(client);
            a.startTime = day.addDays(i / 5).addSecs((i % 5) * 3600);
            a.endTime = a.startTime.addSecs(50 * 60);
            const auto r = desk.schedule->book(a);
            QVERIFY2(r, r ? "" : qPrintable(describe(r.error())));
            made.insert(r->id().toString());
        }
        const auto cancelled =
            desk.schedule->cancel(*ObjectId::fromString(*made.begin()), u"Client asked"_s, 0);
        QVERIFY(cancelled);
    }
    QVERIFY(m_server.start({u"--plain-api"_s}));
    Desk desk(path, m_server.url());
    QVERIFY(desk.signIn(u"frontdesk@demo.practice"_s, demoPassword));
    QVERIFY2(desk.syncUntilSettled(), desk.outboxReport().constData());

    const QList<QJsonObject> after = listAll(*m_admin, u"/appointments"_s, ofProvider(provider));
    QCOMPARE(after.size(), before + 20);
    int cancelledOnServer = 0;
    for (const QJsonObject& a : after) {
        if (made.contains(a.value("_id"_L1).toString()))
            cancelledOnServer += a.value("status"_L1).toString() == "Cancelled"_L1 ? 1 : 0;
    }
    QCOMPARE(cancelledOnServer, 1);
}

void TestSyncPlain::offlineMovesOfTwoDesksBothReachThePlainServer() {
    // Without versions the server cannot tell that B moved an old copy: the
    // last push wins, as on the MentalSpace server. Nothing is refused and
    // both desks end with what the server holds.
    const QString provider = clinician();
    const QString client = listAll(*m_admin, u"/clients"_s).back().value("_id"_L1).toString();
    Desk a(m_dir.filePath(u"plain4a.sqlite"_s), m_server.url());
    Desk b(m_dir.filePath(u"plain4b.sqlite"_s), m_server.url());
    QVERIFY(a.signIn(u"frontdesk@demo.practice"_s, demoPassword));
    QVERIFY(b.signIn(u"admin@demo.practice"_s, demoPassword));
    Appointment draft;
    draft.provider.id = *ObjectId::fromString(provider);
    draft.client.id = *ObjectId::fromString(client);
    draft.startTime = QDateTime(QDate(2027, 7, 5), QTime(15, 0), QTimeZone::utc());
    draft.endTime = draft.startTime.addSecs(50 * 60);
    const auto booked = a.schedule->book(draft);
    QVERIFY(booked);
    QVERIFY(a.syncUntilSettled());
    QVERIFY(b.sync());

    m_server.stop();
    Appointment byA = a.cache->appointment(booked->id().toString()).value().value();
    byA.startTime = byA.startTime.addSecs(3600);
    byA.endTime = byA.endTime.addSecs(3600);
    QVERIFY(a.schedule->change(byA));
    Appointment byB = b.cache->appointment(booked->id().toString()).value().value();
    byB.startTime = byB.startTime.addSecs(2 * 3600);
    byB.endTime = byB.endTime.addSecs(2 * 3600);
    QVERIFY(b.schedule->change(byB));
    QVERIFY(m_server.start({u"--plain-api"_s}));

    QVERIFY(a.syncUntilSettled());
    QVERIFY(b.syncUntilSettled());
    QVERIFY(a.sync());
    const ApiResponse now = await(m_admin->get(u"/appointments/"_s + booked->id().toString()));
    QCOMPARE(now.data().toObject().value("startTime"_L1).toString(), toWireTime(byB.startTime));
    QCOMPARE(a.cache->appointment(booked->id().toString()).value()->startTime, byB.startTime);
    QVERIFY(a.cache->conflicts().value().isEmpty());
    QVERIFY(b.cache->conflicts().value().isEmpty());
}

QTEST_GUILESS_MAIN(TestSyncPlain)
#include "tst_syncplain.moc"
