// The waitlist's actions on the cache, with no server at all: each is
// checked with the core rules (the field named), shows at once and leaves
// one outbox entry; a slot held for a waitlist client refuses another
// client's booking (SLOT_HELD) until the hold ends, and never the entry's
// own client.
#include "sync/LocalSchedule.h"
#include "sync/LocalWaitlist.h"
#include "TestRecords.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace mss;
using namespace mss::domain;
using namespace mss::sync;
using namespace mss::test;
using namespace Qt::StringLiterals;

namespace {

const QTimeZone newYork("America/New_York");

QJsonObject entryOf(int client, int provider) {
    return QJsonObject{
        {u"client"_s, id(client).toString()},
        {u"provider"_s, provider ? QJsonValue(id(provider).toString()) : QJsonValue()},
        {u"appointmentType"_s, u"Individual Therapy"_s},
        {u"duration"_s, 50},
        {u"priority"_s, u"Normal"_s}};
}

} // namespace

class TestLocalWaitlist : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void aNewEntryShowsAtOnceAndQueuesOneCreate();
    void aBadEntryIsRefusedNamingTheField();
    void removingKeepsTheEntryRemovedAndQueuesADelete();
    void onlyAnOfferedEntryHasAHoldToRelease();
    void aHoldRefusesAnotherClientUntilItEnds();

private:
    // An entry of the cache Offered a slot, as the change feed brings it.
    QString offered(int client, int provider, const char* start, const char* heldUntil);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalCache> m_cache;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<LocalWaitlist> m_waitlist;
    std::unique_ptr<LocalSchedule> m_schedule;
};

void TestLocalWaitlist::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    auto cache = LocalCache::open(m_dir->filePath(u"cache.sqlite"_s));
    QVERIFY2(cache, cache ? "" : qPrintable(cache.error().message));
    m_cache = std::move(*cache);
    m_clock = std::make_unique<ManualClock>(utc("2026-03-02T12:00:00.000Z"));
    m_waitlist = std::make_unique<LocalWaitlist>(*m_cache, *m_clock, newYork);
    m_schedule = std::make_unique<LocalSchedule>(*m_cache, *m_clock, newYork);
}

void TestLocalWaitlist::cleanup() {
    m_schedule.reset();
    m_waitlist.reset();
    m_cache.reset();
    m_dir.reset();
}

QString TestLocalWaitlist::offered(int client, int provider, const char* start,
                                   const char* heldUntil) {
    QJsonObject doc = entryOf(client, provider);
    const QString entry = id(900 + client).toString();
    doc.insert("_id"_L1, entry);
    doc.insert("version"_L1, 3);
    doc.insert("status"_L1, u"Offered"_s);
    doc.insert("offer"_L1, QJsonObject{{u"startTime"_s, QString::fromLatin1(start)},
                                       {u"endTime"_s, toWireTime(utc(start).addSecs(3000))},
                                       {u"provider"_s, id(provider).toString()},
                                       {u"heldUntil"_s, QString::fromLatin1(heldUntil)},
                                       {u"channels"_s, QJsonArray{u"sms"_s}}});
    if (!m_cache->put(storage::RecordKind::WaitlistEntry, doc))
        qFatal("cannot store the entry");
    return entry;
}

void TestLocalWaitlist::aNewEntryShowsAtOnceAndQueuesOneCreate() {
    const auto saved = m_waitlist->save(entryOf(1, 0));
    QVERIFY2(saved, saved ? "" : qPrintable(describe(saved.error())));
    const QString entry = saved->value("_id"_L1).toString();
    QVERIFY(ObjectId::fromString(entry));
    const auto entries = m_waitlist->decoded();
    QVERIFY(entries);
    QCOMPARE(entries->size(), 1);
    QCOMPARE(entries->front().status, WaitlistStatus::Waiting);
    QVERIFY(!entries->front().provider);
    const QList<OutboxEntry> out = m_cache->outbox().all().value();
    QCOMPARE(out.size(), 1);
    QCOMPARE(out.front().kind, storage::RecordKind::WaitlistEntry);
    QCOMPARE(out.front().method, u"POST"_s);
    QCOMPARE(out.front().path, u"/waitlist"_s);
    QCOMPARE(out.front().body.value("_id"_L1).toString(), entry);
    QVERIFY(out.front().body.value("provider"_L1).isNull());
    // What only the server sets is not sent.
    for (const auto field : {"version"_L1, "createdAt"_L1, "updatedAt"_L1, "offer"_L1})
        QVERIFY2(!out.front().body.contains(field), field.data());
    QVERIFY(!out.front().idempotencyKey.isEmpty());

    // An edit is a PUT on the version it was made on.
    QJsonObject edited = *saved;
    edited.insert("priority"_L1, u"High"_s);
    QVERIFY(m_waitlist->save(edited));
    const QList<OutboxEntry> after = m_cache->outbox().all().value();
    QCOMPARE(after.size(), 2);
    QCOMPARE(after.back().method, u"PUT"_s);
    QCOMPARE(after.back().path, u"/waitlist/"_s + entry);
    QCOMPARE(m_waitlist->decoded()->front().priority, WaitlistPriority::High);
}

void TestLocalWaitlist::aBadEntryIsRefusedNamingTheField() {
    QJsonObject bad = entryOf(1, 2);
    bad.insert("duration"_L1, 10);
    const auto refused = m_waitlist->save(bad);
    QVERIFY(!refused);
    QVERIFY2(std::ranges::any_of(refused.error(),
                                 [](const Error& e) { return e.field == "duration"_L1; }),
             qPrintable(describe(refused.error())));
    QCOMPARE(m_cache->outbox().all()->size(), 0);
    QCOMPARE(m_waitlist->decoded()->size(), 0);
}

void TestLocalWaitlist::removingKeepsTheEntryRemovedAndQueuesADelete() {
    const QString entry = offered(3, 2, "2026-03-04T15:00:00.000Z", "2026-03-02T14:00:00.000Z");
    const auto removed = m_waitlist->remove(entry);
    QVERIFY(removed);
    const auto kept = m_waitlist->decoded();
    QCOMPARE(kept->size(), 1);
    QCOMPARE(kept->front().status, WaitlistStatus::Removed);
    QVERIFY(!kept->front().offer); // the offer is withdrawn with it
    const QList<OutboxEntry> out = m_cache->outbox().all().value();
    QCOMPARE(out.size(), 1);
    QCOMPARE(out.front().method, u"DELETE"_s);
    QCOMPARE(out.front().baseVersion, 3);
}

void TestLocalWaitlist::onlyAnOfferedEntryHasAHoldToRelease() {
    const auto waiting = m_waitlist->save(entryOf(1, 2));
    QVERIFY(waiting);
    const auto refused = m_waitlist->release(waiting->value("_id"_L1).toString());
    QVERIFY(!refused);
    QCOMPARE(refused.error().front().field, u"status"_s);

    const QString entry = offered(3, 2, "2026-03-04T15:00:00.000Z", "2026-03-02T14:00:00.000Z");
    QCOMPARE(LocalWaitlist::holds(*m_cache, utc("2026-03-04T00:00:00.000Z"),
                                  utc("2026-03-05T00:00:00.000Z"), m_clock->now())
                 ->size(),
             1);
    QVERIFY(m_waitlist->release(entry));
    QVERIFY(LocalWaitlist::holds(*m_cache, utc("2026-03-04T00:00:00.000Z"),
                                 utc("2026-03-05T00:00:00.000Z"), m_clock->now())
                ->isEmpty());
    const OutboxEntry last = m_cache->outbox().all()->back();
    QCOMPARE(last.method, u"POST"_s);
    QCOMPARE(last.path, u"/waitlist/"_s + entry + u"/release"_s);
    QCOMPARE(last.baseVersion, 3);
}

void TestLocalWaitlist::aHoldRefusesAnotherClientUntilItEnds() {
    offered(3, 2, "2026-03-04T15:00:00.000Z", "2026-03-02T14:00:00.000Z");
    // Another client of the same provider, over the held slot: refused
    // naming the hold and its end (09:00 in New York), overriding or not.
    Appointment other = appointment(0, 2, 4, "2026-03-04T15:20:00.000Z", 50);
    other.meta.id = {};
    for (const bool allowOverlap : {false, true}) {
        const auto refused = m_schedule->book(other, allowOverlap);
        QVERIFY(!refused);
        QCOMPARE(refused.error().front().code, ErrorCode::SchedulingConflict);
        QVERIFY2(refused.error().front().message.contains(u"until 09:00"_s),
                 qPrintable(describe(refused.error())));
    }
    // Another provider's time, and the entry's own client, are free.
    Appointment elsewhere = other;
    elsewhere.provider.id = id(5);
    QVERIFY(m_schedule->book(elsewhere));
    Appointment own = appointment(0, 2, 3, "2026-03-04T15:00:00.000Z", 50);
    own.meta.id = {};
    QVERIFY(m_schedule->book(own));
    // Once the hold has ended, anyone may book there.
    m_clock->set(utc("2026-03-02T14:00:01.000Z"));
    Appointment later = appointment(0, 2, 6, "2026-03-04T16:00:00.000Z", 10);
    later.meta.id = {};
    offered(7, 2, "2026-03-04T16:00:00.000Z", "2026-03-02T14:00:00.000Z");
    QVERIFY(m_schedule->book(later));
}

QTEST_GUILESS_MAIN(TestLocalWaitlist)
#include "tst_localwaitlist.moc"
