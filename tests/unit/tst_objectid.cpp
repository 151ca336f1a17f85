#include "base/Clock.h"
#include "base/WallClock.h"
#include "domain/ObjectId.h"

#include <QSet>
#include <QTest>

using namespace mss;
using namespace mss::domain;
using namespace Qt::StringLiterals;

class TestObjectId : public QObject {
    Q_OBJECT

private slots:
    void wellFormedIdsParseAndPrintLowercase();
    void malformedIdsAreRejected_data();
    void malformedIdsAreRejected();
    void generatedIdsCarryTheClockSecondAndAreUnique();
};

void TestObjectId::wellFormedIdsParseAndPrintLowercase() {
    const auto id = ObjectId::fromString(u"65F1A2B3C4D5E6F708091A2B");
    QVERIFY(id);
    QCOMPARE(id->toString(), u"65f1a2b3c4d5e6f708091a2b"_s);
    QCOMPARE(id->timestamp(), 0x65f1a2b3u);
    QVERIFY(!id->isNull());
    QVERIFY(ObjectId().isNull());
    QCOMPARE(ObjectId().toString(), QString());
}

void TestObjectId::malformedIdsAreRejected_data() {
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("23 digits") << u"65f1a2b3c4d5e6f708091a2"_s;
    QTest::newRow("25 digits") << u"65f1a2b3c4d5e6f708091a2bc"_s;
    QTest::newRow("not hex") << u"65f1a2b3c4d5e6f708091a2g"_s;
    QTest::newRow("uuid") << u"123e4567-e89b-12d3-a456-426614174000"_s;
}

void TestObjectId::malformedIdsAreRejected() {
    QFETCH(QString, text);
    QVERIFY(!ObjectId::fromString(text));
}

void TestObjectId::generatedIdsCarryTheClockSecondAndAreUnique() {
    ManualClock clock(fromWireTime(u"2026-03-08T15:00:00.000Z"));
    QSet<ObjectId> seen;
    for (int i = 0; i < 10'000; ++i) {
        const ObjectId id = ObjectId::generate(clock);
        QCOMPARE(qint64(id.timestamp()), clock.now().toSecsSinceEpoch());
        QVERIFY(ObjectId::fromString(id.toString()) == id);
        seen.insert(id);
    }
    QCOMPARE(seen.size(), 10'000);
}

QTEST_GUILESS_MAIN(TestObjectId)
#include "tst_objectid.moc"
