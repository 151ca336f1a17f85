// The user's actions on the cache, with no server at all: each is checked
// with the core rules, shows at once, and leaves exactly one outbox entry
// that survives closing and reopening the file.
#include "TestRecords.h"
#include "sync/LocalSchedule.h"

#include <QTemporaryDir>
#include <QTest>

using namespace mss;
using namespace mss::domain;
using namespace mss::sync;
using namespace mss::test;
using namespace Qt::StringLiterals;

namespace {

const QTimeZone newYork("America/New_York");

Appointment draft(int provider, int client, const char* start, int minutes)
{
    Appointment a = appointment(0, provider, client, start, minutes);
    a.meta.id = {};
    return a;
}

} // namespace

class TestLocalSchedule : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void bookingShowsAtOnceAndQueuesOneCreate();
    void overlapIsRefusedNamingWhatItCollidesWith();
    void overrideBooksAnywayAndTellsTheServer();
    void sameClientWithTwoProvidersIsRefused();
    void bookingOutsideAvailabilityIsAllowedWithAWarning();
    void invalidAppointmentIsRefusedWithItsFields();
    void cancelNeedsAReason();
    void movesAndStatusChangesQueueInOrder();
    void outboxSurvivesReopeningTheFile();
    void deleteRemovesFromTheCalendarAndQueues();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalCache> m_cache;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<LocalSchedule> m_schedule;
};

void TestLocalSchedule::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto cache = LocalCache::open(m_dir->filePath(u"cache.sqlite"_s));
    QVERIFY2(cache, cache ? "" : qPrintable(cache.error().message));
    m_cache = std::move(*cache);
    m_clock = std::make_unique<ManualClock>(utc("2026-03-02T12:00:00.000Z"));
    m_schedule = std::make_unique<LocalSchedule>(*m_cache, *m_clock, newYork);
}

void TestLocalSchedule::cleanup()
{
    m_schedule.reset();
    m_cache.reset();
    m_dir.reset();
}

void TestLocalSchedule::bookingShowsAtOnceAndQueuesOneCreate()
{
    const auto booked = m_schedule->book(draft(1, 2, "2026-03-09T14:00:00.000Z", 50));
    QVERIFY2(booked, booked ? "" : qPrintable(describe(booked.error())));
    QVERIFY(!booked->id().isNull());
    QCOMPARE(booked->duration, 50);

    const auto shown = m_cache->appointments(utc("2026-03-09T00:00:00.000Z"),
                                             utc("2026-03-10T00:00:00.000Z"));
    QVERIFY(shown);
    QCOMPARE(shown->size(), 1);
    QCOMPARE(shown->front().id(), booked->id());

    const auto entries = m_cache->outbox().all();
    QVERIFY(entries);
    QCOMPARE(entries->size(), 1);
    const OutboxEntry& e = entries->front();
    QCOMPARE(e.method, u"POST"_s);
    QCOMPARE(e.path, u"/appointments"_s);
    QCOMPARE(e.recordId, booked->id().toString());
    QCOMPARE(e.body.value(u"_id"_s).toString(), booked->id().toString());
    QCOMPARE(e.body.value(u"provider"_s).toString(), id(1).toString());
    QVERIFY(!e.idempotencyKey.isEmpty());
    QCOMPARE(e.baseVersion, 0);
}

void TestLocalSchedule::overlapIsRefusedNamingWhatItCollidesWith()
{
    const auto first = m_schedule->book(draft(1, 2, "2026-03-09T14:00:00.000Z", 50));
    QVERIFY(first);
    const auto second = m_schedule->book(draft(1, 3, "2026-03-09T14:30:00.000Z", 50));
    QVERIFY(!second);
    QCOMPARE(second.error().size(), 1);
    const Error& e = second.error().front();
    QCOMPARE(e.code, ErrorCode::SchedulingConflict);
    QCOMPARE(e.field, first->id().toString());
    // 14:00Z on 9 March is 10:00 EDT.
    QVERIFY2(e.message.contains(u"provider"_s) && e.message.contains(u"10:00"_s),
             qPrintable(e.message));
    QCOMPARE(m_cache->outbox().pendingCount().value(), 1);
    // Touching is fine.
    QVERIFY(m_schedule->book(draft(1, 3, "2026-03-09T14:50:00.000Z", 50)));
}

void TestLocalSchedule::overrideBooksAnywayAndTellsTheServer()
{
    QVERIFY(m_schedule->book(draft(1, 2, "2026-03-09T14:00:00.000Z", 50)));
    const auto forced = m_schedule->book(draft(1, 3, "2026-03-09T14:30:00.000Z", 50), true);
    QVERIFY(forced);
    const auto entries = m_cache->outbox().all().value();
    QCOMPARE(entries.size(), 2);
    QVERIFY(entries.back().body.value(u"allowOverlap"_s).toBool());
    QVERIFY(!entries.front().body.contains(u"allowOverlap"_s));
}

void TestLocalSchedule::sameClientWithTwoProvidersIsRefused()
{
    QVERIFY(m_schedule->book(draft(1, 2, "2026-03-09T14:00:00.000Z", 50)));
    const auto other = m_schedule->book(draft(5, 2, "2026-03-09T14:10:00.000Z", 30));
    QVERIFY(!other);
    QVERIFY(other.error().front().message.contains(u"client"_s));
}

void TestLocalSchedule::bookingOutsideAvailabilityIsAllowedWithAWarning()
{
    ProviderAvailability mondays = weekly(1, DayOfWeek::Monday, "09:00", "17:00");
    mondays.meta.id = id(900);
    mondays.meta.version = 1;
    mondays.meta.updatedAt = m_clock->now();
    QVERIFY(m_cache->records().put(storage::RecordKind::ProviderAvailability, mondays.toJson()));
    // 10:00 EDT: inside.
    QVERIFY(!m_schedule->check(draft(1, 2, "2026-03-09T14:00:00.000Z", 50)).outsideAvailability);
    // 07:00 EDT: outside, but still bookable.
    const Appointment early = draft(1, 2, "2026-03-09T11:00:00.000Z", 50);
    QVERIFY(m_schedule->check(early).outsideAvailability);
    QVERIFY(m_schedule->book(early));
}

void TestLocalSchedule::invalidAppointmentIsRefusedWithItsFields()
{
    Appointment bad = draft(1, 2, "2026-03-09T14:00:00.000Z", 50);
    bad.endTime = bad.startTime;
    bad.duration = 0;
    const auto r = m_schedule->book(bad);
    QVERIFY(!r);
    QCOMPARE(r.error().front().field, u"endTime"_s);
    QCOMPARE(m_cache->outbox().pendingCount().value(), 0);
}

void TestLocalSchedule::cancelNeedsAReason()
{
    const auto booked = m_schedule->book(draft(1, 2, "2026-03-09T14:00:00.000Z", 50));
    QVERIFY(booked);
    const auto noReason = m_schedule->cancel(booked->id(), u"  "_s, 0);
    QVERIFY(!noReason);
    QCOMPARE(noReason.error().front().field, u"cancellationReason"_s);
    const auto cancelled = m_schedule->cancel(booked->id(), u"Client is ill"_s, 25);
    QVERIFY(cancelled);
    QCOMPARE(cancelled->status, AppointmentStatus::Cancelled);
    const auto shown = m_cache->appointment(booked->id().toString()).value();
    QCOMPARE(shown->status, AppointmentStatus::Cancelled);
    QCOMPARE(shown->cancellationFee, 25.0);
    const auto entries = m_cache->outbox().all().value();
    QCOMPARE(entries.back().path, u"/appointments/%1/cancel"_s.arg(booked->id().toString()));
    QCOMPARE(entries.back().body.value(u"cancellationReason"_s).toString(), u"Client is ill"_s);
    // Its time is free again.
    QVERIFY(m_schedule->book(draft(1, 3, "2026-03-09T14:00:00.000Z", 50)));
}

void TestLocalSchedule::movesAndStatusChangesQueueInOrder()
{
    auto a = m_schedule->book(draft(1, 2, "2026-03-09T14:00:00.000Z", 50));
    QVERIFY(a);
    Appointment moved = *a;
    moved.startTime = utc("2026-03-10T15:00:00.000Z");
    moved.endTime = moved.startTime.addSecs(50 * 60);
    QVERIFY(m_schedule->change(moved));
    QVERIFY(m_schedule->confirm(a->id()));
    QVERIFY(m_schedule->complete(a->id(), u"Went well"_s));
    const auto entries = m_cache->outbox().all().value();
    QCOMPARE(entries.size(), 4);
    QStringList summaries;
    for (const OutboxEntry& e : entries)
        summaries << e.summary;
    QCOMPARE(summaries, (QStringList{u"Book"_s, u"Move"_s, u"Confirm"_s, u"Complete"_s}));
    const auto shown = m_cache->appointment(a->id().toString()).value();
    QCOMPARE(shown->status, AppointmentStatus::Completed);
    QCOMPARE(shown->startTime, moved.startTime);
}

void TestLocalSchedule::outboxSurvivesReopeningTheFile()
{
    const auto a = m_schedule->book(draft(1, 2, "2026-03-09T14:00:00.000Z", 50));
    QVERIFY(a);
    const QString path = m_dir->filePath(u"cache.sqlite"_s);
    m_schedule.reset();
    m_cache.reset();
    auto reopened = LocalCache::open(path);
    QVERIFY(reopened);
    QCOMPARE((*reopened)->outbox().pendingCount().value(), 1);
    QVERIFY((*reopened)->appointment(a->id().toString()).value().has_value());
    m_cache = std::move(*reopened);
}

void TestLocalSchedule::deleteRemovesFromTheCalendarAndQueues()
{
    const auto a = m_schedule->book(draft(1, 2, "2026-03-09T14:00:00.000Z", 50));
    QVERIFY(a);
    QVERIFY(m_schedule->remove(a->id()));
    QVERIFY(!m_cache->appointment(a->id().toString()).value().has_value());
    const auto entries = m_cache->outbox().all().value();
    QCOMPARE(entries.back().method, u"DELETE"_s);
    QVERIFY(!m_schedule->remove(a->id())); // already gone: NotFound
}

QTEST_GUILESS_MAIN(TestLocalSchedule)
#include "tst_localschedule.moc"
