// Why a change was refused has one spelling, shared by the server that
// answers it and the desk that keeps it: each code keeps its wire name,
// and a conflict kept in the cache reads back with the code it had, also
// one an older desk stored under its former name.
#include "sync/LocalCache.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace mss;
using namespace mss::sync;
using namespace Qt::StringLiterals;

class TestConflictCodes : public QObject {
    Q_OBJECT

private slots:
    void eachCodeHasItsWireName_data();
    void eachCodeHasItsWireName();
    void aKeptConflictReadsBackWithItsCode();
    void anOlderDesksVersionConflictIsAVersionMismatch();
};

void TestConflictCodes::eachCodeHasItsWireName_data() {
    QTest::addColumn<ConflictCode>("code");
    QTest::addColumn<QString>("name");
    // The names of docs/server.md's error codes and of the desk's panel.
    QTest::newRow("scheduling") << ConflictCode::SchedulingConflict << u"SCHEDULING_CONFLICT"_s;
    QTest::newRow("version") << ConflictCode::VersionMismatch << u"VERSION_MISMATCH"_s;
    QTest::newRow("forbidden") << ConflictCode::Forbidden << u"FORBIDDEN"_s;
    QTest::newRow("deleted") << ConflictCode::Deleted << u"DELETED"_s;
    QTest::newRow("rejected") << ConflictCode::Rejected << u"REJECTED"_s;
    QTest::newRow("slot held") << ConflictCode::SlotHeld << u"SLOT_HELD"_s;
}

void TestConflictCodes::eachCodeHasItsWireName() {
    QFETCH(ConflictCode, code);
    QFETCH(QString, name);
    QCOMPARE(conflictCodeName(code), name);
    QCOMPARE(conflictCodeFromName(name), std::optional(code));
    QCOMPARE(conflictCodeFromName(name.toLower()), std::nullopt);
}

void TestConflictCodes::aKeptConflictReadsBackWithItsCode() {
    QTemporaryDir dir;
    auto cache = LocalCache::open(dir.filePath(u"cache.sqlite"_s));
    QVERIFY(cache);
    for (const ConflictCode code :
         {ConflictCode::SchedulingConflict, ConflictCode::VersionMismatch, ConflictCode::Forbidden,
          ConflictCode::Deleted, ConflictCode::Rejected, ConflictCode::SlotHeld}) {
        SyncConflict c;
        c.recordId = conflictCodeName(code);
        c.code = code;
        QVERIFY((*cache)->addConflict(c));
    }
    const auto kept = (*cache)->conflicts();
    QVERIFY(kept);
    QCOMPARE(kept->size(), 6);
    for (const SyncConflict& c : *kept)
        QCOMPARE(conflictCodeName(c.code), c.recordId);
}

void TestConflictCodes::anOlderDesksVersionConflictIsAVersionMismatch() {
    QTemporaryDir dir;
    auto cache = LocalCache::open(dir.filePath(u"cache.sqlite"_s));
    QVERIFY(cache);
    SyncConflict c;
    c.recordId = u"older"_s;
    QVERIFY((*cache)->addConflict(c));
    QSqlQuery q((*cache)->db().sql());
    QVERIFY(q.exec(u"UPDATE sync_conflicts SET code = 'VERSION_CONFLICT'"_s));
    const auto kept = (*cache)->conflicts();
    QVERIFY(kept);
    QCOMPARE(kept->size(), 1);
    QCOMPARE(kept->front().code, ConflictCode::VersionMismatch);
}

QTEST_GUILESS_MAIN(TestConflictCodes)
#include "tst_conflictcodes.moc"
