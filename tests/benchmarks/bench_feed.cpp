// A busy clinician's calendar feed (server/CalendarFeed): a year of 1,500
// appointments rendered as iCalendar, at each privacy level, beside a
// reference in the same run: the same appointments only read from storage
// with their documents, as any list route reads them.
// docs/performance.md has the figures.
#include "SeedPractice.h"

#include "base/Clock.h"
#include "server/CalendarFeed.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTimeZone>

#include <benchmark/benchmark.h>

using namespace mss;
using namespace Qt::StringLiterals;

namespace {

constexpr int appointmentCount = 1500;

class FixedClock : public Clock {
public:
    QDateTime now() const override { return QDateTime(QDate(2030, 6, 1), QTime(12, 0), Qt::UTC); }
};

struct Seeded {
    QTemporaryDir dir;
    FixedClock clock;
    std::unique_ptr<server::Practice> practice;
    QString provider;
};

// 1,500 sessions over the year ahead: six a weekday, 40 clients.
Seeded& seeded() {
    static Seeded s = [] {
        Seeded out;
        auto opened = server::Practice::open(out.dir.path(), out.clock);
        if (!opened)
            qFatal("cannot open the practice");
        out.practice = std::move(*opened);
        server::Practice& p = *out.practice;
        storage::WriteTransaction tx(p.db());
        if (!p.setTimeZone(QTimeZone("America/New_York")))
            qFatal("cannot set the zone");
        const auto provider = bench::addStaff(p, u"Maya"_s, u"Okafor"_s, u"maya@bench.practice"_s,
                                              domain::StaffRole::Clinician);
        if (!provider)
            qFatal("cannot add the provider");
        out.provider = provider->id().toString();
        const QStringList clients = bench::addClients(p, *provider, 40);
        int made = 0;
        for (QDate day(2030, 6, 2); made < appointmentCount; day = day.addDays(1)) {
            if (day.dayOfWeek() > 5)
                continue;
            for (int slot = 0; slot < 6 && made < appointmentCount; ++slot, ++made) {
                domain::Appointment a;
                a.client.id = *domain::ObjectId::fromString(clients.at(made % clients.size()));
                a.provider.id = provider->id();
                a.startTime =
                    QDateTime(day, QTime(9 + slot, 0), QTimeZone("America/New_York")).toUTC();
                if (!bench::addSession(p, *provider, a))
                    qFatal("cannot add a session");
            }
        }
        if (!tx.commit())
            qFatal("cannot commit the seed");
        return out;
    }();
    return s;
}

void BM_ReadOnly(benchmark::State& state) {
    Seeded& s = seeded();
    const QDateTime now = s.clock.now();
    for (auto _ : state) {
        auto rows = s.practice->records().appointmentRowsStarting(s.provider, now.addDays(-30),
                                                                  now.addDays(365), true);
        if (!rows || rows->size() != appointmentCount)
            state.SkipWithError("wrong count");
        benchmark::DoNotOptimize(rows);
    }
}
BENCHMARK(BM_ReadOnly)->Unit(benchmark::kMillisecond);

void BM_Feed(benchmark::State& state) {
    Seeded& s = seeded();
    server::FeedSettings settings;
    settings.detail = server::FeedSettings::Detail(state.range(0));
    qint64 bytes = 0;
    for (auto _ : state) {
        auto feed = server::calendarFeed(*s.practice, s.provider, settings, true);
        if (!feed || feed->count("BEGIN:VEVENT") != appointmentCount)
            state.SkipWithError("wrong feed");
        bytes = feed ? feed->size() : 0;
        benchmark::DoNotOptimize(feed);
    }
    state.counters["bytes"] = double(bytes);
}
// Busy ("Appointment"), Initials (each client read once per feed), Details
// (documents parsed for notes and links).
BENCHMARK(BM_Feed)->Arg(1)->Arg(2)->Arg(3)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
