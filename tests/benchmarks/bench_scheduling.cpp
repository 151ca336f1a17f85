// Conflict checks and open slots at the scale of a busy practice.
//   bench_scheduling --benchmark_min_time=1
#include "scheduling/AvailabilityIndex.h"
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

// A provider's availability history of `count` records as stored (wire
// documents): ten-week weekday blocks one after another from 2030, every
// tenth a day of time off; the layout of tests/benchmarks/bench_series.py.
QList<QJsonObject> availabilityHistory(int count) {
    QList<QJsonObject> out;
    for (int i = 0; i < count; ++i) {
        ProviderAvailability r;
        r.provider.id = id(1);
        if (i % 10 == 9) {
            r = oneOff(1, QDate(2030 + i / 20, 1 + i % 12, 1 + i % 28),
                       QDate(2030 + i / 20, 1 + i % 12, 1 + i % 28), "00:00", "24:00", false);
        } else {
            r = weekly(1, static_cast<DayOfWeek>(1 + i % 7), "08:00", "19:00");
            const int week = 2030 * 52 + (i / 7) * 2;
            r.effectiveDate = calendarDateInstant(QDate(week / 52, 1 + week % 52 / 5 % 12, 1));
        }
        out.append(r.toJson());
    }
    return out;
}

// The occurrences of a weekly series: Mondays at 09:00 in New York from
// 2030-01-07, 50 minutes.
QList<Appointment> weeklySeries(int occurrences, const QTimeZone& zone) {
    QList<Appointment> out;
    for (int k = 0; k < occurrences; ++k) {
        Appointment a = appointment(k + 1, 1, 2, "2030-01-07T14:00:00.000Z", 50);
        a.startTime = wallClockToUtc(QDate(2030, 1, 7).addDays(7 * k), 9 * 60, zone);
        a.endTime = a.startTime.addSecs(50 * 60);
        out.append(a);
    }
    return out;
}

QList<ProviderAvailability> decoded(const QList<QJsonObject>& docs) {
    QList<ProviderAvailability> out;
    for (const QJsonObject& doc : docs) {
        if (auto a = ProviderAvailability::fromJson(doc, DecodeMode::TypesOnly))
            out.append(*a);
    }
    return out;
}

// The availability part of checking a 1,000-occurrence series, as the
// server did it before: for each occurrence the provider's records decoded
// from their documents and resolved for the occurrence's days.
void seriesAvailabilityPerOccurrence(benchmark::State& state) {
    const QTimeZone zone("America/New_York");
    const QList<QJsonObject> docs = availabilityHistory(int(state.range(0)));
    const QList<Appointment> series = weeklySeries(1000, zone);
    int outside = 0;
    for (auto _ : state) {
        outside = 0;
        for (const Appointment& a : series)
            outside += isWithinAvailability(a, decoded(docs), zone) ? 0 : 1;
        benchmark::DoNotOptimize(outside);
    }
    state.counters["outside"] = outside;
}
BENCHMARK(seriesAvailabilityPerOccurrence)
    ->Arg(0)
    ->Arg(100)
    ->Arg(400)
    ->Unit(benchmark::kMillisecond);

// The same with the records decoded once: what resolving alone costs.
void seriesAvailabilityResolvedEachTime(benchmark::State& state) {
    const QTimeZone zone("America/New_York");
    const QList<ProviderAvailability> records = decoded(availabilityHistory(int(state.range(0))));
    const QList<Appointment> series = weeklySeries(1000, zone);
    int outside = 0;
    for (auto _ : state) {
        outside = 0;
        for (const Appointment& a : series)
            outside += isWithinAvailability(a, records, zone) ? 0 : 1;
        benchmark::DoNotOptimize(outside);
    }
    state.counters["outside"] = outside;
}
BENCHMARK(seriesAvailabilityResolvedEachTime)
    ->Arg(0)
    ->Arg(100)
    ->Arg(400)
    ->Unit(benchmark::kMillisecond);

// Now: the records decoded and indexed once per request (server
// BookingCheck), each occurrence checked against the index.
void seriesAvailabilityIndexed(benchmark::State& state) {
    const QTimeZone zone("America/New_York");
    const QList<QJsonObject> docs = availabilityHistory(int(state.range(0)));
    const QList<Appointment> series = weeklySeries(1000, zone);
    int outside = 0;
    for (auto _ : state) {
        outside = 0;
        const AvailabilityIndex index(decoded(docs), zone);
        for (const Appointment& a : series)
            outside += index.isWithinAvailability(a) ? 0 : 1;
        benchmark::DoNotOptimize(outside);
    }
    state.counters["outside"] = outside;
}
BENCHMARK(seriesAvailabilityIndexed)->Arg(0)->Arg(100)->Arg(400)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
