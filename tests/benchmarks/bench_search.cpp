// Finding an appointment by the client's name on the desk's cache
// (docs/performance.md, "Search by client name"): 100,000 cached
// appointments of 3,600 clients and 30 providers over two years around now.
//   searchLastName      "garc": a common last name's beginning (~60 clients)
//   searchTwoWords      "maria garc": first and last name together
//   searchOneLetter     "m": the first key typed, the most clients matching
//   searchNoMatch       "zzyzx": nobody, as a typo finds
//   searchAsClinician   "garc" for one clinician: their own clients only
// The program fills its own cache file in a temporary folder.
#include "domain/Appointment.h"
#include "sync/LocalCache.h"

#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QTemporaryDir>

using namespace mss;
using namespace mss::sync;
using namespace Qt::StringLiterals;

namespace {

constexpr int providerCount = 30;
constexpr int appointmentCount = 100'000;

const QStringList firstNames = {
    u"María"_s,    u"José"_s,    u"Ana"_s,    u"Luis"_s,   u"Sofía"_s,    u"Mateo"_s,  u"Olivia"_s,
    u"Liam"_s,     u"Emma"_s,    u"Noah"_s,   u"Ava"_s,    u"Elijah"_s,   u"Mia"_s,    u"James"_s,
    u"Amelia"_s,   u"Lucas"_s,   u"Harper"_s, u"Mason"_s,  u"Chloé"_s,    u"Zoë"_s,    u"Søren"_s,
    u"Aoife"_s,    u"Siobhán"_s, u"Renée"_s,  u"Marcus"_s, u"Michelle"_s, u"Martín"_s, u"Maya"_s,
    u"Mohammed"_s, u"Mei"_s,     u"Priya"_s,  u"Ravi"_s,   u"Yuki"_s,     u"Hana"_s,   u"Omar"_s,
    u"Fatima"_s,   u"David"_s,   u"Sarah"_s,  u"Daniel"_s, u"Laura"_s,    u"Pedro"_s,  u"Lucía"_s,
    u"Jamal"_s,    u"Aisha"_s,   u"Ivan"_s,   u"Olga"_s,   u"Thomas"_s,   u"Grace"_s,  u"Kevin"_s,
    u"Nora"_s,     u"Ethan"_s,   u"Isabel"_s, u"Hugo"_s,   u"Inès"_s,     u"Tariq"_s,  u"Leila"_s,
    u"Sean"_s,     u"Niamh"_s,   u"Carlos"_s, u"Elena"_s};
const QStringList lastNames = {
    u"García"_s,   u"Smith"_s,    u"Johnson"_s,   u"Rodríguez"_s, u"Martínez"_s, u"Brown"_s,
    u"O'Brien"_s,  u"Nguyen"_s,   u"Kim"_s,       u"Patel"_s,     u"Müller"_s,   u"Weiß"_s,
    u"Núñez"_s,    u"López"_s,    u"Hernández"_s, u"Wilson"_s,    u"Anderson"_s, u"Thomas"_s,
    u"Taylor"_s,   u"Moore"_s,    u"Jackson"_s,   u"Martin"_s,    u"Lee"_s,      u"Pérez"_s,
    u"Thompson"_s, u"White"_s,    u"Harris"_s,    u"Sánchez"_s,   u"Clark"_s,    u"Ramírez"_s,
    u"Lewis"_s,    u"Robinson"_s, u"Walker"_s,    u"Young"_s,     u"Allen"_s,    u"King"_s,
    u"Wright"_s,   u"Scott"_s,    u"Torres"_s,    u"Hill"_s,      u"Flores"_s,   u"Green"_s,
    u"Adams"_s,    u"Nelson"_s,   u"Baker"_s,     u"Hall"_s,      u"Rivera"_s,   u"Campbell"_s,
    u"Mitchell"_s, u"Carter"_s,   u"Roberts"_s,   u"Gómez"_s,     u"Phillips"_s, u"Evans"_s,
    u"Turner"_s,   u"Díaz"_s,     u"Parker"_s,    u"Cruz"_s,      u"Edwards"_s,  u"Reyes-Smith"_s};

QTemporaryDir* g_dir = nullptr;
std::unique_ptr<LocalCache> g_cache;
QString g_clinician;
const QDateTime g_now = QDateTime(QDate(2026, 12, 7), QTime(15, 0), Qt::UTC);

QString objectId(int kind, int n) {
    return u"%1%2"_s.arg(kind, 2, 10, QLatin1Char('0')).arg(n, 22, 10, QLatin1Char('0'));
}

void fill() {
    auto cache = LocalCache::open(g_dir->filePath(u"search.sqlite"_s));
    if (!cache)
        qFatal("cannot open the cache: %s", qPrintable(cache.error().message));
    g_cache = std::move(*cache);
    storage::WriteTransaction tx(g_cache->db(), storage::WriteTransaction::Durability::Relaxed);
    QStringList clients;
    for (const QString& first : firstNames) {
        for (const QString& last : lastNames) {
            const QString id = objectId(3, int(clients.size()));
            const QJsonObject doc{{"_id"_L1, id},
                                  {"firstName"_L1, first},
                                  {"lastName"_L1, last},
                                  {"version"_L1, 1},
                                  {"updatedAt"_L1, u"2026-01-01T00:00:00.000Z"_s}};
            if (!g_cache->put(storage::RecordKind::Client, doc))
                qFatal("cannot store a client");
            clients << id;
        }
    }
    g_clinician = objectId(4, 0);
    // Each client keeps one provider; sessions every working hour over
    // two years, the first half past.
    const QDateTime first = g_now.addDays(-365);
    for (int i = 0; i < appointmentCount; ++i) {
        const int client = int((quint64(i) * 2654435761u) % quint64(clients.size()));
        const int provider = client % providerCount;
        const QDateTime start = first.addSecs(qint64(i / providerCount) * 3600 * 24 * 730 /
                                              (appointmentCount / providerCount));
        domain::Appointment a;
        a.meta.id = *domain::ObjectId::fromString(objectId(1, i));
        a.meta.version = 1;
        a.provider.id = *domain::ObjectId::fromString(objectId(4, provider));
        a.client.id = *domain::ObjectId::fromString(clients.at(client));
        a.startTime = start;
        a.endTime = start.addSecs(50 * 60);
        a.duration = 50;
        if (!g_cache->put(storage::RecordKind::Appointment, a.toJson()))
            qFatal("cannot store an appointment");
    }
    if (!tx.commit())
        qFatal("cannot commit the practice");
}

void search(benchmark::State& state, const QString& typed, const SearchScope& scope) {
    qsizetype found = 0;
    for (auto _ : state) {
        const auto hits = g_cache->appointmentsOfClientsNamed(typed, g_now, scope);
        if (!hits)
            qFatal("search failed: %s", qPrintable(hits.error().message));
        found = hits->upcoming.size() + hits->past.size();
        benchmark::DoNotOptimize(found);
    }
    state.counters["found"] = double(found);
}

const SearchScope everyone{domain::DetailsScope::All, {}};

void searchLastName(benchmark::State& state) {
    search(state, u"garc"_s, everyone);
}
BENCHMARK(searchLastName)->Unit(benchmark::kMillisecond);

void searchTwoWords(benchmark::State& state) {
    search(state, u"maria garc"_s, everyone);
}
BENCHMARK(searchTwoWords)->Unit(benchmark::kMillisecond);

void searchOneLetter(benchmark::State& state) {
    search(state, u"m"_s, everyone);
}
BENCHMARK(searchOneLetter)->Unit(benchmark::kMillisecond);

void searchNoMatch(benchmark::State& state) {
    search(state, u"zzyzx"_s, everyone);
}
BENCHMARK(searchNoMatch)->Unit(benchmark::kMillisecond);

void searchAsClinician(benchmark::State& state) {
    search(state, u"garc"_s, SearchScope{domain::DetailsScope::OwnOnly, g_clinician});
}
BENCHMARK(searchAsClinician)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    g_dir = &dir;
    fill();
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    g_cache.reset();
    return 0;
}
