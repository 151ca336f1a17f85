// Matching one freed slot against a practice's whole waitlist.
//   bench_waitlist --benchmark_min_time=1
#include "scheduling/WaitlistMatch.h"
#include "TestRecords.h"

#include <benchmark/benchmark.h>

#include <QRandomGenerator>

using namespace mss;
using namespace mss::domain;
using namespace mss::scheduling;
using namespace mss::test;

namespace {

// `count` entries of a 30-provider practice, a quarter for any provider;
// half with two preferred windows on random weekdays, a third with date
// bounds, a tenth expired or already offered; priorities mixed. A fixed
// seed, so every run matches the same list.
QList<WaitlistEntry> waitlist(int count) {
    QRandomGenerator random(16);
    QList<WaitlistEntry> out;
    out.reserve(count);
    const QDateTime created = utc("2025-06-01T12:00:00.000Z");
    for (int i = 0; i < count; ++i) {
        WaitlistEntry e;
        e.meta.id = id(100'000 + i);
        e.meta.createdAt = created.addSecs(qint64(random.bounded(200 * 86'400)));
        e.client.id = id(1'000 + i % 4'000);
        if (random.bounded(4) != 0)
            e.provider = Reference{id(1 + random.bounded(30)), {}};
        e.duration = (1 + random.bounded(4)) * 15;
        e.priority = WaitlistPriority(random.bounded(3));
        if (i % 2 == 0) {
            for (int w = 0; w < 2; ++w) {
                const int from = 8 * 60 + random.bounded(16) * 30;
                e.preferredWindows.append({DayOfWeek(1 + random.bounded(5)),
                                           *TimeOfDay::fromMinutes(from),
                                           *TimeOfDay::fromMinutes(from + 180),
                                           {}});
            }
        }
        if (i % 3 == 0) {
            e.earliestDate = calendarDateInstant(QDate(2026, 3, 1 + random.bounded(14)));
            e.latestDate = calendarDateInstant(QDate(2026, 3, 15 + random.bounded(14)));
        }
        if (i % 10 == 0)
            e.expiresAt = utc("2026-03-01T00:00:00.000Z");
        if (i % 10 == 5)
            e.status = WaitlistStatus::Offered;
        out.append(e);
    }
    return out;
}

void matchFreedSlot(benchmark::State& state) {
    const QTimeZone zone("America/New_York");
    const QList<WaitlistEntry> entries = waitlist(int(state.range(0)));
    QList<ProviderAvailability> availability;
    for (int d = 1; d <= 5; ++d)
        availability << weekly(1, DayOfWeek(d), "09:00", "17:00");
    availability << oneOff(1, QDate(2026, 3, 9), QDate(2026, 3, 9), "15:00", "17:00", false);
    // Every client has a few sessions that week, some on the slot's morning.
    QHash<ObjectId, QList<TimeRange>> bookings;
    for (int c = 0; c < 4'000; ++c) {
        const QDateTime start = utc("2026-03-09T13:00:00.000Z").addSecs(qint64(c % 40) * 3600);
        bookings[id(1'000 + c)].append(TimeRange::of(start, start.addSecs(50 * 60)));
    }
    // Monday 9 March 2026, 10:00-11:00 in New York: a cancelled session.
    const FreeSlot slot{id(1), utc("2026-03-09T14:00:00.000Z"), utc("2026-03-09T15:00:00.000Z"),
                        std::nullopt};
    const QDateTime now = utc("2026-03-08T18:00:00.000Z");
    qsizetype found = 0;
    for (auto _ : state) {
        const QList<WaitlistFit> fits =
            matchWaitlist({slot, availability, zone, entries, &bookings, now});
        found = fits.size();
        benchmark::DoNotOptimize(found);
    }
    state.counters["fits"] = double(found);
}
BENCHMARK(matchFreedSlot)->Arg(10'000)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
