// Finding appointments by the client's name on the cache alone: the words
// compared without case or accents, each typed word the beginning of a
// name's word, the soonest upcoming and the latest past first, and a
// clinician finding only their own clients' appointments.
#include "storage/RecordStore.h"
#include "sync/LocalCache.h"
#include "TestRecords.h"

#include <QTemporaryDir>
#include <QTest>

using namespace mss;
using namespace mss::domain;
using namespace mss::sync;
using namespace mss::test;
using namespace Qt::StringLiterals;

namespace {

QJsonObject client(int n, const QString& first, const QString& last) {
    Client c;
    c.meta.id = id(n);
    c.firstName = first;
    c.lastName = last;
    return c.toJson();
}

QStringList ids(const QList<Appointment>& list) {
    QStringList out;
    for (const Appointment& a : list)
        out << a.id().toString();
    return out;
}

const SearchScope everyone{DetailsScope::All, {}};

} // namespace

class TestClientSearch : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void nameWordsIgnoreCaseAccentsAndMarks_data();
    void nameWordsIgnoreCaseAccentsAndMarks();
    void typedWordsFindTheBeginningOfFirstOrLastName_data();
    void typedWordsFindTheBeginningOfFirstOrLastName();
    void upcomingSoonestFirstThenPastLatestFirst();
    void aClinicianFindsOnlyTheirOwnAppointments();
    void aRenamedOrRemovedClientIsFoundByWhatTheCacheHoldsNow();
    void aCacheMadeBeforeTheIndexIsIndexedWhenOpened();

private:
    void put(const QJsonObject& doc, storage::RecordKind kind = storage::RecordKind::Client);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalCache> m_cache;
    const QDateTime m_now = utc("2026-03-02T12:00:00.000Z");
};

void TestClientSearch::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    auto cache = LocalCache::open(m_dir->filePath(u"cache.sqlite"_s));
    QVERIFY2(cache, cache ? "" : qPrintable(cache.error().message));
    m_cache = std::move(*cache);
    put(client(101, u"María José"_s, u"García"_s));
    put(client(102, u"Sean"_s, u"O'Brien"_s));
    put(client(103, u"Marcus"_s, u"Reyes-Smith"_s));
    put(client(104, u"Søren"_s, u"Weiß"_s));
    // Provider 1 sees 101 and 103; provider 2 sees 102 and 101.
    put(appointment(1, 1, 101, "2026-03-09T14:00:00.000Z", 50).toJson(),
        storage::RecordKind::Appointment);
    put(appointment(2, 1, 101, "2026-03-03T14:00:00.000Z", 50).toJson(),
        storage::RecordKind::Appointment);
    put(appointment(3, 1, 101, "2026-02-23T14:00:00.000Z", 50, AppointmentStatus::Completed)
            .toJson(),
        storage::RecordKind::Appointment);
    put(appointment(4, 1, 101, "2026-02-16T14:00:00.000Z", 50, AppointmentStatus::Cancelled)
            .toJson(),
        storage::RecordKind::Appointment);
    put(appointment(5, 2, 102, "2026-03-04T15:00:00.000Z", 50).toJson(),
        storage::RecordKind::Appointment);
    put(appointment(6, 2, 101, "2026-03-05T15:00:00.000Z", 50).toJson(),
        storage::RecordKind::Appointment);
    put(appointment(7, 1, 103, "2026-03-06T15:00:00.000Z", 50).toJson(),
        storage::RecordKind::Appointment);
    put(appointment(8, 2, 104, "2026-03-06T16:00:00.000Z", 50).toJson(),
        storage::RecordKind::Appointment);
}

void TestClientSearch::cleanup() {
    m_cache.reset();
    m_dir.reset();
}

void TestClientSearch::put(const QJsonObject& doc, storage::RecordKind kind) {
    storage::WriteTransaction tx(m_cache->db());
    QVERIFY(tx.isActive());
    QVERIFY(m_cache->put(kind, doc));
    QVERIFY(tx.commit());
}

void TestClientSearch::nameWordsIgnoreCaseAccentsAndMarks_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("words");
    QTest::newRow("accents") << u"María José GARCÍA"_s
                             << QStringList{u"maria"_s, u"jose"_s, u"garcia"_s};
    QTest::newRow("apostrophe") << u"O’Brien"_s << QStringList{u"obrien"_s};
    QTest::newRow("hyphen") << u"Reyes-Smith"_s << QStringList{u"reyes"_s, u"smith"_s};
    QTest::newRow("letters without decomposition")
        << u"Søren Weiß Łukasz"_s << QStringList{u"soren"_s, u"weiss"_s, u"lukasz"_s};
    QTest::newRow("spaces only") << u"   "_s << QStringList{};
}

void TestClientSearch::nameWordsIgnoreCaseAccentsAndMarks() {
    QFETCH(QString, text);
    QFETCH(QStringList, words);
    QCOMPARE(nameWords(text), words);
}

void TestClientSearch::typedWordsFindTheBeginningOfFirstOrLastName_data() {
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QStringList>("clients");
    QTest::newRow("last name prefix, no accent") << u"garc"_s << QStringList{id(101).toString()};
    QTest::newRow("first name, upper case") << u"SEAN"_s << QStringList{id(102).toString()};
    QTest::newRow("second first name") << u"jos"_s << QStringList{id(101).toString()};
    QTest::newRow("apostrophe left out") << u"obri"_s << QStringList{id(102).toString()};
    QTest::newRow("hyphenated part") << u"smi"_s << QStringList{id(103).toString()};
    QTest::newRow("two words narrow") << u"mar gar"_s << QStringList{id(101).toString()};
    QTest::newRow("shared prefix")
        << u"mar"_s << QStringList{id(101).toString(), id(103).toString()};
    QTest::newRow("typed with accent, stored plain")
        << u"séan"_s << QStringList{id(102).toString()};
    QTest::newRow("eszett typed as ss") << u"weiss"_s << QStringList{id(104).toString()};
    QTest::newRow("middle of a word is no match") << u"arcia"_s << QStringList{};
    QTest::newRow("words that are not one client's") << u"sean garcia"_s << QStringList{};
    QTest::newRow("nothing typed") << u" "_s << QStringList{};
}

void TestClientSearch::typedWordsFindTheBeginningOfFirstOrLastName() {
    QFETCH(QString, typed);
    QFETCH(QStringList, clients);
    const auto found = m_cache->appointmentsOfClientsNamed(typed, m_now, everyone);
    QVERIFY(found);
    QSet<QString> who;
    for (const Appointment& a : found->upcoming + found->past)
        who.insert(a.client.id.toString());
    QCOMPARE(who, QSet<QString>(clients.begin(), clients.end()));
}

void TestClientSearch::upcomingSoonestFirstThenPastLatestFirst() {
    const auto found = m_cache->appointmentsOfClientsNamed(u"garcia"_s, m_now, everyone);
    QVERIFY(found);
    QCOMPARE(ids(found->upcoming),
             (QStringList{id(2).toString(), id(6).toString(), id(1).toString()}));
    // Cancelled ones too: the desk looks for them as well.
    QCOMPARE(ids(found->past), (QStringList{id(3).toString(), id(4).toString()}));

    const auto limited = m_cache->appointmentsOfClientsNamed(u"garcia"_s, m_now, everyone, 1);
    QVERIFY(limited);
    QCOMPARE(ids(limited->upcoming), QStringList{id(2).toString()});
    QCOMPARE(ids(limited->past), QStringList{id(3).toString()});
}

void TestClientSearch::aClinicianFindsOnlyTheirOwnAppointments() {
    // Provider 2 sees García's appointment with them, not those with 1,
    // and nothing of Reyes-Smith, provider 1's client.
    const SearchScope two{DetailsScope::OwnOnly, id(2).toString()};
    const auto garcia = m_cache->appointmentsOfClientsNamed(u"garcia"_s, m_now, two);
    QVERIFY(garcia);
    QCOMPARE(ids(garcia->upcoming + garcia->past), QStringList{id(6).toString()});
    const auto reyes = m_cache->appointmentsOfClientsNamed(u"reyes"_s, m_now, two);
    QVERIFY(reyes);
    QVERIFY(reyes->upcoming.isEmpty() && reyes->past.isEmpty());

    // A busy block has no client: nothing names it.
    QJsonObject busy = appointment(9, 1, 102, "2026-03-10T15:00:00.000Z", 50).toJson();
    busy = busyBlock(ScheduleRecord::Appointment, busy);
    put(busy, storage::RecordKind::Appointment);
    const auto sean = m_cache->appointmentsOfClientsNamed(u"sean"_s, m_now, everyone);
    QVERIFY(sean);
    QCOMPARE(ids(sean->upcoming + sean->past), QStringList{id(5).toString()});

    // A role that sees no client details finds nothing.
    const auto none = m_cache->appointmentsOfClientsNamed(u"garcia"_s, m_now,
                                                          SearchScope{DetailsScope::None, {}});
    QVERIFY(none);
    QVERIFY(none->upcoming.isEmpty() && none->past.isEmpty());
}

void TestClientSearch::aRenamedOrRemovedClientIsFoundByWhatTheCacheHoldsNow() {
    put(client(102, u"Sean"_s, u"Murphy"_s));
    const auto old = m_cache->appointmentsOfClientsNamed(u"obrien"_s, m_now, everyone);
    QVERIFY(old);
    QVERIFY(old->upcoming.isEmpty());
    const auto renamed = m_cache->appointmentsOfClientsNamed(u"murph"_s, m_now, everyone);
    QVERIFY(renamed);
    QCOMPARE(ids(renamed->upcoming), QStringList{id(5).toString()});

    storage::WriteTransaction tx(m_cache->db());
    QVERIFY(m_cache->records().remove(storage::RecordKind::Client, id(102).toString(), 2));
    QVERIFY(tx.commit());
    const auto gone = m_cache->appointmentsOfClientsNamed(u"sean"_s, m_now, everyone);
    QVERIFY(gone);
    QVERIFY(gone->upcoming.isEmpty());
}

void TestClientSearch::aCacheMadeBeforeTheIndexIsIndexedWhenOpened() {
    const QString path = m_dir->filePath(u"old.sqlite"_s);
    {
        // The cache's schema as it was before the name index (two steps).
        auto db = storage::Database::open(path, cacheSchema().mid(0, 2));
        QVERIFY(db);
        storage::RecordStore records(**db);
        storage::WriteTransaction tx(**db);
        QVERIFY(records.put(storage::RecordKind::Client, client(201, u"Ana"_s, u"Núñez"_s)));
        QVERIFY(records.put(storage::RecordKind::Appointment,
                            appointment(21, 1, 201, "2026-03-09T14:00:00.000Z", 50).toJson()));
        QVERIFY(tx.commit());
    }
    auto cache = LocalCache::open(path);
    QVERIFY2(cache, cache ? "" : qPrintable(cache.error().message));
    QCOMPARE((*cache)->db().schemaVersion(), int(cacheSchema().size()));
    const auto found = (*cache)->appointmentsOfClientsNamed(u"nunez"_s, m_now, everyone);
    QVERIFY(found);
    QCOMPARE(ids(found->upcoming), QStringList{id(21).toString()});
}

QTEST_GUILESS_MAIN(TestClientSearch)
#include "tst_clientsearch.moc"
