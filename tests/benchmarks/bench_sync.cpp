// The desktop's sync against the real embedded server over loopback, at the
// size of a busy multi-year practice (docs/performance.md, "Sync"):
//   initialSync   an empty cache pulls 30 providers x 3,334 appointments
//   pull100       a synced cache pulls 100 changes made by another desk
//   weekQuery     one week of all 30 providers read from the cache again
//                 (the calendar's repaint: decoded records are kept)
//   weekQueryFirst  each time another week: every record decoded
//   weekQueryNext   another week, read beforehand as the app's idle prefetch does
// The program seeds its own server data directory and starts the server.
#include "base/WallClock.h"
#include "Desk.h"

#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>

using namespace mss;
using namespace mss::sync;
using namespace mss::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int providers = 30;
constexpr int perProvider = 3334;
const QByteArray password = "bench-password-1";
const QString adminEmail = u"admin@bench.practice"_s;

ServerProcess* g_server = nullptr;
QString g_workDir;

QString cachePath(const char* name) {
    const QString path = g_workDir + u'/' + QString::fromLatin1(name);
    QFile::remove(path);
    QFile::remove(path + u"-wal"_s);
    QFile::remove(path + u"-shm"_s);
    return path;
}

void initialSync(benchmark::State& state) {
    qint64 received = 0;
    for (auto _ : state) {
        state.PauseTiming();
        Desk desk(cachePath("initial.sqlite"), g_server->url());
        if (!desk.signIn(adminEmail, password))
            qFatal("cannot sign in");
        state.ResumeTiming();
        if (!desk.sync())
            qFatal("sync failed: %s", qPrintable(desk.engine->lastError()));
        received = desk.cache->count(storage::RecordKind::Appointment).value();
    }
    state.counters["appointments"] = double(received);
    state.counters["appointments/s"] = benchmark::Counter(
        double(received) * double(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(initialSync)->Iterations(3)->Unit(benchmark::kMillisecond)->UseRealTime();

void pull100(benchmark::State& state) {
    Desk desk(cachePath("pull.sqlite"), g_server->url());
    if (!desk.signIn(adminEmail, password) || !desk.sync())
        qFatal("cannot prepare the synced desk");
    ApiClient other(g_server->url());
    if (!await(other.login(adminEmail, QString::fromLatin1(password))).ok())
        qFatal("cannot sign in the other desk");
    const auto week = desk.cache
                          ->appointments(fromWireTime(u"2029-12-31T00:00:00.000Z"),
                                         fromWireTime(u"2030-01-07T00:00:00.000Z"))
                          .value();
    if (week.size() < 100)
        qFatal("the seeded week has %d appointments, fewer than 100", int(week.size()));
    int round = 0;
    for (auto _ : state) {
        state.PauseTiming();
        ++round;
        for (int i = 0; i < 100; ++i) {
            const QString id = week[i].id().toString();
            const ApiResponse r = await(
                other.put(u"/appointments/"_s + id, {{"notes"_L1, u"round %1"_s.arg(round)}}));
            if (!r.ok())
                qFatal("change %d failed: %s", i, qPrintable(r.message));
        }
        state.ResumeTiming();
        if (!desk.sync())
            qFatal("sync failed: %s", qPrintable(desk.engine->lastError()));
    }
}
BENCHMARK(pull100)->Iterations(10)->Unit(benchmark::kMillisecond)->UseRealTime();

void weekQuery(benchmark::State& state) {
    Desk desk(cachePath("initial.sqlite"), g_server->url());
    if (!desk.signIn(adminEmail, password) || !desk.sync())
        qFatal("cannot prepare the synced desk");
    QStringList all;
    const QList<domain::Staff> staff = desk.cache->staff().value();
    for (const domain::Staff& s : staff) {
        if (s.role == domain::StaffRole::Clinician)
            all << s.id().toString();
    }
    const QDateTime from = fromWireTime(u"2029-12-31T05:00:00.000Z");
    const QDateTime to = from.addDays(7);
    qsizetype found = 0;
    for (auto _ : state) {
        const auto week = desk.cache->appointments(from, to, all);
        found = week.value().size();
        benchmark::DoNotOptimize(found);
    }
    state.counters["providers"] = double(all.size());
    state.counters["appointments"] = double(found);
}
BENCHMARK(weekQuery)->Unit(benchmark::kMillisecond);

// The clinicians' ids of a synced desk: the providers a week view shows.
QStringList clinicians(Desk& desk) {
    QStringList all;
    const QList<domain::Staff> staff = desk.cache->staff().value();
    for (const domain::Staff& s : staff) {
        if (s.role == domain::StaffRole::Clinician)
            all << s.id().toString();
    }
    return all;
}

// The seeded weeks go back about 80 weeks from 2030-01-07.
const QDateTime lastSeededWeek = fromWireTime(u"2029-12-31T05:00:00.000Z");

void weekQueryFirst(benchmark::State& state) {
    Desk desk(cachePath("initial.sqlite"), g_server->url());
    if (!desk.signIn(adminEmail, password) || !desk.sync())
        qFatal("cannot prepare the synced desk");
    const QStringList all = clinicians(desk);
    int week = 0;
    qsizetype found = 0;
    for (auto _ : state) {
        const QDateTime from = lastSeededWeek.addDays(-7 * week++);
        const auto shown = desk.cache->appointments(from, from.addDays(7), all);
        found += shown.value().size();
    }
    state.counters["appointments"] = double(found) / double(state.iterations());
}
BENCHMARK(weekQueryFirst)->Iterations(40)->Unit(benchmark::kMillisecond);

// "Next week" in the app: the desk reads the weeks beside the one shown
// while idle (AppointmentBook's prefetch, not timed), then the user goes
// there (timed).
void weekQueryNext(benchmark::State& state) {
    Desk desk(cachePath("initial.sqlite"), g_server->url());
    if (!desk.signIn(adminEmail, password) || !desk.sync())
        qFatal("cannot prepare the synced desk");
    const QStringList all = clinicians(desk);
    int week = 0;
    qsizetype found = 0;
    for (auto _ : state) {
        const QDateTime from = lastSeededWeek.addDays(-7 * week++);
        state.PauseTiming();
        (void)desk.cache->appointments(from, from.addDays(7));
        state.ResumeTiming();
        const auto shown = desk.cache->appointments(from, from.addDays(7), all);
        found += shown.value().size();
    }
    state.counters["appointments"] = double(found) / double(state.iterations());
}
BENCHMARK(weekQueryNext)->Iterations(40)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    ServerProcess server;
    g_server = &server;
    g_workDir = server.dataDir() + u"-desks"_s;
    QDir().mkpath(g_workDir);
    QProcess seed;
    seed.start(QStringLiteral(MSS_SEED_BINARY),
               {u"--data-dir"_s, server.dataDir(), u"--providers"_s, QString::number(providers),
                u"--per-provider"_s, QString::number(perProvider)});
    seed.write(password);
    seed.closeWriteChannel();
    if (!seed.waitForFinished(600'000) || seed.exitCode() != 0)
        qFatal("seeding failed: %s", seed.readAllStandardError().constData());
    if (!server.start())
        qFatal("the server did not start");
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    server.stop();
    QDir(g_workDir).removeRecursively();
    return 0;
}
