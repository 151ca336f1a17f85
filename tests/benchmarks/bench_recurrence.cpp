// Recurrence expansion against libical, in the same binary on the same rules
// (docs/performance.md, "Recurrence"). Each benchmark expands 1,000 series
// of 1,000 occurrences in America/New_York and converts every start to UTC;
// items_per_second is occurrences per second.
#include "domain/ProviderAvailability.h"
#include "recurrence/SeriesExpansion.h"

#include <benchmark/benchmark.h>
#include <libical/ical.h>

#include <QTimeZone>

using namespace mss;
using namespace mss::domain;
using namespace mss::recurrence;
using namespace Qt::StringLiterals;

namespace {

constexpr int seriesCount = 1000;
constexpr int occurrencesPerSeries = 1000;

const char* const biweeklyRule = "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=1000";
// The last weekday of each month.
const char* const lastWeekdayRule = "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=1000";

// Series i starts i days after 2026-01-01 at 14:00 (a spread of starts, so
// no two series are the same work).
RecurringAppointment series(const char* rule, int i) {
    RecurringAppointment s;
    s.recurrencePattern = RecurrencePattern::Custom;
    s.recurrenceRule = QString::fromLatin1(rule);
    s.startDate = calendarDateInstant(QDate(2026, 1, 1).addDays(i));
    s.startTime = *TimeOfDay::fromMinutes(14 * 60);
    s.duration = 50;
    return s;
}

void expandOurs(benchmark::State& state, const char* rule) {
    const QTimeZone zone("America/New_York");
    QList<RecurringAppointment> all;
    for (int i = 0; i < seriesCount; ++i)
        all.append(series(rule, i));
    std::int64_t total = 0;
    for (auto _ : state) {
        for (const RecurringAppointment& s : all) {
            const auto result = allOccurrences(s, zone);
            if (!result || result->size() != occurrencesPerSeries) {
                state.SkipWithError("expansion failed");
                return;
            }
            total += result->size();
            benchmark::DoNotOptimize(result->back().start);
        }
    }
    state.SetItemsProcessed(total);
}

void expandLibical(benchmark::State& state, const char* rule) {
    icaltimezone* zone = icaltimezone_get_builtin_timezone("America/New_York");
    icaltimezone* utc = icaltimezone_get_utc_timezone();
    const icalrecurrencetype recur = icalrecurrencetype_from_string(rule);
    std::int64_t total = 0;
    for (auto _ : state) {
        for (int i = 0; i < seriesCount; ++i) {
            const QDate day = QDate(2026, 1, 1).addDays(i);
            icaltimetype start = icaltime_null_time();
            start.year = day.year();
            start.month = day.month();
            start.day = day.day();
            start.hour = 14;
            start.zone = zone;
            icalrecur_iterator* it = icalrecur_iterator_new(recur, start);
            int n = 0;
            for (icaltimetype t = icalrecur_iterator_next(it); !icaltime_is_null_time(t);
                 t = icalrecur_iterator_next(it)) {
                t.zone = zone;
                const icaltimetype inUtc = icaltime_convert_to_zone(t, utc);
                benchmark::DoNotOptimize(inUtc);
                ++n;
            }
            icalrecur_iterator_free(it);
            if (n != occurrencesPerSeries) {
                state.SkipWithError("libical gave a different count");
                return;
            }
            total += n;
        }
    }
    state.SetItemsProcessed(total);
}

void BM_Biweekly_Ours(benchmark::State& state) {
    expandOurs(state, biweeklyRule);
}
void BM_Biweekly_Libical(benchmark::State& state) {
    expandLibical(state, biweeklyRule);
}
void BM_MonthlyLastWeekday_Ours(benchmark::State& state) {
    expandOurs(state, lastWeekdayRule);
}
void BM_MonthlyLastWeekday_Libical(benchmark::State& state) {
    expandLibical(state, lastWeekdayRule);
}

// One week of a ten-year weekly series: what a calendar view asks for.
void BM_WeekOfATenYearSeries_Ours(benchmark::State& state) {
    const QTimeZone zone("America/New_York");
    RecurringAppointment s = series("FREQ=WEEKLY;BYDAY=MO,TH", 0);
    s.endDate = calendarDateInstant(QDate(2035, 12, 31));
    const QDateTime from(QDate(2033, 6, 6), QTime(4, 0), Qt::UTC);
    const QDateTime to = from.addDays(7);
    for (auto _ : state) {
        const auto week = occurrences(s, zone, from, to);
        benchmark::DoNotOptimize(week);
    }
    state.SetItemsProcessed(state.iterations());
}

} // namespace

BENCHMARK(BM_Biweekly_Ours)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Biweekly_Libical)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MonthlyLastWeekday_Ours)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MonthlyLastWeekday_Libical)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WeekOfATenYearSeries_Ours)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
