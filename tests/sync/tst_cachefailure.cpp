// The desk's cache when its file cannot take a write: the cache's own
// connection told to act as a full disk or a read-only file
// (FailingStorage.h). An offline action either lands whole (the record
// and its outbox entry) or says why and leaves neither.
#include "FailingStorage.h"
#include "sync/LocalSchedule.h"
#include "TestRecords.h"

#include <QTemporaryDir>
#include <QTest>

using namespace mss;
using namespace mss::domain;
using namespace mss::sync;
using namespace mss::test;
using namespace Qt::StringLiterals;

class TestCacheFailure : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void everyOfflineBookingOnAFullDiskLandsOrSaysWhy();
    void aBookingOnAReadOnlyCacheSaysWhyAndQueuesNothing();

private:
    // A new appointment on day `i`, with a long note so that a few fill a page.
    Appointment draft(int i) const;
    int outboxSize();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalCache> m_cache;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<LocalSchedule> m_schedule;
};

Appointment TestCacheFailure::draft(int i) const {
    Appointment a = appointment(0, 1, 2, "2026-03-09T14:00:00.000Z", 50);
    a.meta.id = {};
    a.startTime = a.startTime.addDays(i);
    a.endTime = a.endTime.addDays(i);
    a.notes = u"booking %1 "_s.arg(i) + QString(4000, u'n');
    return a;
}

int TestCacheFailure::outboxSize() {
    const auto all = m_cache->outbox().all();
    return all ? int(all->size()) : -1;
}

void TestCacheFailure::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    auto cache = LocalCache::open(m_dir->filePath(u"cache.sqlite"_s));
    QVERIFY2(cache, cache ? "" : qPrintable(cache.error().message));
    m_cache = std::move(*cache);
    m_clock = std::make_unique<ManualClock>(utc("2026-03-02T12:00:00.000Z"));
    m_schedule = std::make_unique<LocalSchedule>(*m_cache, *m_clock, QTimeZone("America/New_York"));
}

void TestCacheFailure::cleanup() {
    m_schedule.reset();
    m_cache.reset();
    m_dir.reset();
}

void TestCacheFailure::everyOfflineBookingOnAFullDiskLandsOrSaysWhy() {
    QVERIFY(fillDisk(m_cache->db()));
    std::optional<Errors> refused;
    int landed = 0;
    for (int i = 0; i < 300 && !refused; ++i) {
        const Appointment a = draft(i);
        const auto booked = m_schedule->book(a);
        if (booked) {
            ++landed;
            QVERIFY(m_cache->appointment(booked->id().toString()).value());
            const auto entries = m_cache->outbox().forRecord(booked->id().toString());
            QVERIFY(entries);
            QCOMPARE(entries->size(), 1);
        } else {
            refused = booked.error();
        }
        QCOMPARE(outboxSize(), landed);
    }
    QVERIFY(refused);
    QCOMPARE(refused->size(), 1);
    QCOMPARE(refused->first().code, ErrorCode::StorageFailure);
    QCOMPARE(refused->first().message,
             u"This computer's disk is full, so nothing was saved. Free some space and try "
             "again."_s);
    // Nothing of the refused booking: the calendar shows the landed ones only.
    const auto shown =
        m_cache->appointments(utc("2026-03-01T00:00:00.000Z"), utc("2027-03-01T00:00:00.000Z"));
    QVERIFY(shown);
    QCOMPARE(shown->size(), landed);

    // Room again: the same booking lands, with its one entry.
    QVERIFY(freeDisk(m_cache->db()));
    QVERIFY(m_schedule->book(draft(landed)));
    QCOMPARE(outboxSize(), landed + 1);
}

void TestCacheFailure::aBookingOnAReadOnlyCacheSaysWhyAndQueuesNothing() {
    QVERIFY(m_schedule->book(draft(0)));
    QVERIFY(makeReadOnly(m_cache->db()));
    const auto refused = m_schedule->book(draft(1));
    QVERIFY(!refused);
    QCOMPARE(refused.error().first().code, ErrorCode::StorageFailure);
    QCOMPARE(refused.error().first().message,
             u"This computer's copy of the schedule cannot be written (its file is read-only), "
             "so nothing was saved."_s);
    QCOMPARE(outboxSize(), 1);
    QVERIFY(makeReadOnly(m_cache->db(), false));
    QVERIFY(m_schedule->book(draft(1)));
    QCOMPARE(outboxSize(), 2);
}

QTEST_GUILESS_MAIN(TestCacheFailure)
#include "tst_cachefailure.moc"
