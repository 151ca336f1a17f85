// Meeting links and passwords are encrypted in the cache file, with a key
// kept in the OS keychain (a real gnome-keyring in a private D-Bus
// session); the desk reads them back.
#include "sync/CacheSecrets.h"
#include "sync/LocalSchedule.h"
#include "sync/TokenStore.h"
#include "TestRecords.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace mss;
using namespace mss::domain;
using namespace mss::sync;
using namespace mss::test;
using namespace Qt::StringLiterals;

namespace {

Result<QByteArray> keyFor(TokenStore& store, const QString& account) {
    std::optional<Result<QByteArray>> result;
    loadOrCreateCacheKey(store, account, [&](Result<QByteArray> r) { result = std::move(r); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20'000))
        qFatal("the keychain did not answer in 20 s");
    return *result;
}

// Every byte SQLite wrote for the cache: the file, its WAL and shared memory.
QByteArray bytesOf(const QString& dir) {
    QByteArray all;
    QDirIterator it(dir, QDir::Files);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly))
            all += f.readAll();
    }
    return all;
}

const QString secretLink = u"https://meet.example.org/room-7f3k-quiet-otter"_s;
const QString secretPassword = u"otter-4471"_s;

} // namespace

class TestCacheSecrets : public QObject {
    Q_OBJECT

private slots:
    void theKeyIsMadeOnceAndKeptInTheKeychain();
    void linksAreNotInTheFileButTheDeskReadsThem();
    void aCacheWrittenWithoutAKeyIsSealedWhenOpenedWithOne();
    void aSealedDocumentStartingWithABraceStillOpens();
};

void TestCacheSecrets::aSealedDocumentStartingWithABraceStillOpens() {
    // A sealed document starts with its random nonce: one in 256 starts
    // with '{', as a document in clear does. It must still open.
    const auto secrets = CacheSecrets::withKey(CacheSecrets::newKey());
    QVERIFY(secrets);
    const QJsonObject doc{{"virtualMeetingLink"_L1, u"https://meet.example.org/r"_s}};
    QByteArray sealed;
    for (int i = 0; i < 20'000 && !sealed.startsWith('{'); ++i)
        sealed = secrets->sealDocument(doc);
    QVERIFY(sealed.startsWith('{'));
    QCOMPARE(secrets->openDocument(sealed), doc);
    // And a document written in clear opens as it is.
    QCOMPARE(secrets->openDocument(QJsonDocument(doc).toJson(QJsonDocument::Compact)), doc);
}

void TestCacheSecrets::theKeyIsMadeOnceAndKeptInTheKeychain() {
    TokenStore store(u"MentalSpace Scheduler test"_s);
    const QString account = TokenStore::account(u"https://office.example"_s, u"desk@ex.org"_s);
    const auto first = keyFor(store, account);
    QVERIFY2(first, first ? "" : qPrintable(first.error().message));
    QCOMPARE(first->size(), CacheSecrets::keySize);
    TokenStore again(u"MentalSpace Scheduler test"_s);
    QCOMPARE(keyFor(again, account).value(), *first);
    // Another server or user has its own.
    const QString other = TokenStore::account(u"https://office.example"_s, u"other@ex.org"_s);
    QVERIFY(keyFor(store, other).value() != *first);
}

void TestCacheSecrets::linksAreNotInTheFileButTheDeskReadsThem() {
    TokenStore store(u"MentalSpace Scheduler test"_s);
    const auto key =
        keyFor(store, TokenStore::account(u"https://office.example"_s, u"links@ex.org"_s));
    QVERIFY(key);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"cache.sqlite"_s);
    ManualClock clock(utc("2026-03-02T12:00:00.000Z"));
    ObjectId booked;
    ObjectId series;
    {
        auto cache = LocalCache::open(path, *key).value();
        QVERIFY(cache->encryptsSecrets());
        LocalSchedule schedule(*cache, clock, QTimeZone("America/New_York"));
        // Booked here (the outbox carries the link to the server) ...
        Appointment a = appointment(0, 1, 2, "2026-03-09T14:00:00.000Z", 50);
        a.meta.id = {};
        a.location = Location::Virtual;
        a.virtualMeetingLink = secretLink;
        a.virtualMeetingPassword = secretPassword;
        const auto saved = schedule.book(a);
        QVERIFY2(saved, saved ? "" : qPrintable(describe(saved.error())));
        booked = saved->id();
        // ... a series with a link ...
        RecurringAppointment s;
        s.client.id = id(3);
        s.provider.id = id(1);
        s.recurrencePattern = RecurrencePattern::Weekly;
        s.dayOfWeek = DayOfWeek::Tuesday;
        s.startTime = *TimeOfDay::fromString(u"09:00"_s);
        s.startDate = calendarDateInstant({2026, 3, 10});
        s.numberOfOccurrences = 3;
        s.location = Location::Virtual;
        s.virtualMeetingLink = secretLink;
        const auto created = schedule.createSeries(s);
        QVERIFY(created);
        series = created->id();
        // ... and one that came from the server, and a conflict's copies.
        Appointment pulled = appointment(40, 1, 4, "2026-03-11T14:00:00.000Z", 50);
        pulled.virtualMeetingLink = secretLink;
        {
            storage::WriteTransaction tx(cache->db());
            QVERIFY(cache->put(storage::RecordKind::Appointment, pulled.toJson()));
            QVERIFY(tx.commit());
        }
        SyncConflict c;
        c.recordId = pulled.id().toString();
        c.code = ConflictCode::VersionMismatch;
        c.mine = pulled.toJson();
        c.theirs = pulled.toJson();
        QVERIFY(cache->addConflict(c));

        // The desk shows them as they are.
        QCOMPARE(cache->appointment(booked.toString()).value()->virtualMeetingLink, secretLink);
        QCOMPARE(cache->appointment(booked.toString()).value()->virtualMeetingPassword,
                 secretPassword);
        QCOMPARE(cache->outbox().all().value().front().body.value("virtualMeetingLink"_L1),
                 secretLink);
        QCOMPARE(cache->conflicts().value().front().mine.value("virtualMeetingLink"_L1),
                 secretLink);
        const auto week =
            cache->appointments(utc("2026-03-09T00:00:00.000Z"), utc("2026-03-16T00:00:00.000Z"))
                .value();
        QCOMPARE(week.size(), 2);
        for (const Appointment& shown : week)
            QCOMPARE(shown.virtualMeetingLink, secretLink);
        QCOMPARE(cache->seriesOf(id(1).toString()).value().front().virtualMeetingLink, secretLink);

        // Not one of the secrets is in the bytes SQLite wrote.
        const QByteArray bytes = bytesOf(dir.path());
        QVERIFY(bytes.contains("2026-03-09T14:00:00")); // the schedule is there
        QVERIFY(!bytes.contains(secretLink.toUtf8()));
        QVERIFY(!bytes.contains("room-7f3k"));
        QVERIFY(!bytes.contains(secretPassword.toUtf8()));
    }
    QVERIFY(!bytesOf(dir.path()).contains("room-7f3k"));

    // After a restart, with the key from the keychain, everything reads back.
    {
        auto cache = LocalCache::open(path, *key).value();
        QCOMPARE(cache->appointment(booked.toString()).value()->virtualMeetingLink, secretLink);
        QCOMPARE(cache->outbox().all().value().size(), 2);
        QCOMPARE(cache->outbox().all().value().back().body.value("virtualMeetingLink"_L1),
                 secretLink);
    }
    // Without the key (the keychain locked or gone), or with another one,
    // the sealed unsent changes could not be read: opening is refused,
    // naming why, and nothing is lost.
    {
        const auto withoutKey = LocalCache::open(path);
        QVERIFY(!withoutKey);
        QVERIFY2(withoutKey.error().message.contains(u"keychain"_s),
                 qPrintable(withoutKey.error().message));
        const auto otherKey = LocalCache::open(path, CacheSecrets::newKey());
        QVERIFY(!otherKey);
        QVERIFY2(otherKey.error().message.contains(u"another key"_s),
                 qPrintable(otherKey.error().message));
    }
    {
        auto cache = LocalCache::open(path, *key).value();
        QCOMPARE(cache->outbox().all().value().size(), 2);
        QCOMPARE(cache->appointment(booked.toString()).value()->virtualMeetingLink, secretLink);
    }
}

void TestCacheSecrets::aCacheWrittenWithoutAKeyIsSealedWhenOpenedWithOne() {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"cache.sqlite"_s);
    ManualClock clock(utc("2026-03-02T12:00:00.000Z"));
    ObjectId booked;
    {
        auto cache = LocalCache::open(path).value();
        LocalSchedule schedule(*cache, clock, QTimeZone("America/New_York"));
        Appointment a = appointment(0, 1, 2, "2026-03-09T14:00:00.000Z", 50);
        a.meta.id = {};
        a.virtualMeetingLink = secretLink;
        booked = schedule.book(a).value().id();
    }
    QVERIFY(bytesOf(dir.path()).contains("room-7f3k"));
    const QByteArray key = CacheSecrets::newKey();
    {
        auto cache = LocalCache::open(path, key).value();
        QCOMPARE(cache->appointment(booked.toString()).value()->virtualMeetingLink, secretLink);
        QCOMPARE(cache->outbox().all().value().front().body.value("virtualMeetingLink"_L1),
                 secretLink);
    }
    QVERIFY(!bytesOf(dir.path()).contains("room-7f3k"));
    auto cache = LocalCache::open(path, key).value();
    QCOMPARE(cache->appointment(booked.toString()).value()->virtualMeetingLink, secretLink);
}

QTEST_GUILESS_MAIN(TestCacheSecrets)
#include "tst_cachesecrets.moc"
