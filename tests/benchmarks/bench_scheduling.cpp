// Conflict checks and open slots at the scale of a busy practice.
//   bench_scheduling --benchmark_min_time=1
#include "scheduling/Conflicts.h"
#include "scheduling/OpenSlots.h"
#include "TestRecords.h"

#include <benchmark/benchmark.h>

#include <QJsonDocument>
#include <QRandomGenerator>

using namespace mss;
using namespace mss::domain;
using namespace mss::scheduling;
using namespace mss::test;

namespace {

// One provider's history: `count` 50-minute sessions on the hour, eight a
// weekday, going back from 2026-03-09, with other clients.
QList<Appointment> history(int count) {
    QList<Appointment> out;
    out.reserve(count);
    QDateTime day = utc("2026-03-09T13:00:00.000Z");
    int made = 0;
    while (made < count) {
        day = day.addDays(-1);
        if (day.date().dayOfWeek() > 5)
            continue;
        for (int h = 0; h < 8 && made < count; ++h, ++made) {
            Appointment a =
                appointment(made + 1, 1, 1000 + made % 300, "2026-03-09T13:00:00.000Z", 50);
            a.startTime = day.addSecs(h * 3600);
            a.endTime = a.startTime.addSecs(50 * 60);
            out.append(a);
        }
    }
    return out;
}

void conflictCheckScan(benchmark::State& state) {
    const QList<Appointment> booked = history(int(state.range(0)));
    // A new booking in the middle of the history, overlapping one session.
    const Appointment candidate = [&] {
        Appointment a = booked[booked.size() / 2];
        a.meta.id = id(999999);
        a.client.id = id(5);
        a.startTime = a.startTime.addSecs(30 * 60);
        a.endTime = a.startTime.addSecs(50 * 60);
        return a;
    }();
    for (auto _ : state) {
        const QList<Conflict> found = findConflicts(candidate, booked);
        benchmark::DoNotOptimize(found.size());
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(conflictCheckScan)->Arg(10'000);

void conflictCheckIndexed(benchmark::State& state) {
    const QList<Appointment> booked = history(int(state.range(0)));
    const ConflictIndex index(booked);
    Appointment candidate = booked[booked.size() / 2];
    candidate.meta.id = id(999999);
    candidate.client.id = id(5);
    candidate.startTime = candidate.startTime.addSecs(30 * 60);
    candidate.endTime = candidate.startTime.addSecs(50 * 60);
    for (auto _ : state) {
        const QList<Conflict> found = index.conflictsOf(candidate);
        benchmark::DoNotOptimize(found.size());
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(conflictCheckIndexed)->Arg(10'000);

// 20 providers, each with a weekday schedule of two blocks and a lunch
// break, and 30 booked sessions in the week; 50-minute slots on a 15-minute
// grid for the whole week in America/New_York.
void openSlotsWeek(benchmark::State& state) {
    const int providers = int(state.range(0));
    QList<QList<ProviderAvailability>> availability(providers);
    QList<QList<Appointment>> booked(providers);
    QRandomGenerator rng(7);
    for (int p = 0; p < providers; ++p) {
        for (int d = 1; d <= 5; ++d) {
            const auto day = static_cast<DayOfWeek>(d);
            availability[p].append(weekly(p + 1, day, "08:00", "12:00"));
            availability[p].append(weekly(p + 1, day, "13:00", "18:00"));
        }
        for (int k = 0; k < 30; ++k) {
            Appointment a =
                appointment(p * 100 + k + 1, p + 1, 500 + k, "2026-03-09T12:00:00.000Z", 50);
            a.startTime = a.startTime.addSecs(qint64(rng.bounded(5)) * 86400 +
                                              qint64(rng.bounded(10)) * 3600);
            a.endTime = a.startTime.addSecs(50 * 60);
            booked[p].append(a);
        }
    }
    QList<ProviderSchedule> schedules;
    for (int p = 0; p < providers; ++p)
        schedules.append({id(p + 1), availability[p], booked[p]});
    OpenSlotQuery q;
    q.from = utc("2026-03-09T05:00:00.000Z");
    q.to = utc("2026-03-16T05:00:00.000Z");
    q.durationMinutes = 50;
    q.stepMinutes = 15;
    q.zone = QTimeZone("America/New_York");
    qsizetype found = 0;
    for (auto _ : state) {
        const QList<OpenSlot> result = openSlots(q, schedules);
        found = result.size();
        benchmark::DoNotOptimize(found);
    }
    state.counters["slots"] = double(found);
}
BENCHMARK(openSlotsWeek)->Arg(20)->Unit(benchmark::kMicrosecond);

// Reading appointments back from their wire documents: what the cache does
// for every appointment a calendar shows.
void decodeAppointments(benchmark::State& state) {
    QList<QByteArray> docs;
    for (const Appointment& a : history(int(state.range(0)))) {
        Appointment full = a;
        full.meta.createdAt = a.startTime.addDays(-30);
        full.meta.updatedAt = a.startTime.addDays(-1);
        full.notes = QStringLiteral("Intake form received");
        docs.append(QJsonDocument(full.toJson()).toJson(QJsonDocument::Compact));
    }
    for (auto _ : state) {
        for (const QByteArray& doc : docs) {
            auto a =
                Appointment::fromJson(QJsonDocument::fromJson(doc).object(), DecodeMode::TypesOnly);
            benchmark::DoNotOptimize(a);
        }
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(decodeAppointments)->Arg(1200)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
