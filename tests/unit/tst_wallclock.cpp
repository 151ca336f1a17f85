#include "base/Clock.h"
#include "base/WallClock.h"

#include <QTest>

using namespace mss;
using namespace Qt::StringLiterals;

class TestWallClock : public QObject {
    Q_OBJECT

private slots:
    void wallTimesBecomeTheRightInstants_data();
    void wallTimesBecomeTheRightInstants();
    void midnightEndsTheDay();
    void wireTimesRoundTripWithMilliseconds();
    void wireTimesWithOffsetsAreConvertedToUtc();
    void malformedWireTimesAreRejected_data();
    void malformedWireTimesAreRejected();
    void manualClockMovesOnlyWhenTold();
};

void TestWallClock::wallTimesBecomeTheRightInstants_data() {
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QTime>("time");
    QTest::addColumn<QString>("expectedUtc");

    QTest::newRow("new-york winter") << u"America/New_York"_s << QDate(2026, 1, 14) << QTime(14, 0)
                                     << u"2026-01-14T19:00:00.000Z"_s;
    QTest::newRow("new-york summer") << u"America/New_York"_s << QDate(2026, 7, 15) << QTime(14, 0)
                                     << u"2026-07-15T18:00:00.000Z"_s;
    // 2026-03-08: clocks jump from 02:00 EST to 03:00 EDT. 02:30 does not
    // exist and moves forward by the gap: 03:30 EDT.
    QTest::newRow("spring-forward gap") << u"America/New_York"_s << QDate(2026, 3, 8)
                                        << QTime(2, 30) << u"2026-03-08T07:30:00.000Z"_s;
    QTest::newRow("just after the gap") << u"America/New_York"_s << QDate(2026, 3, 8) << QTime(3, 0)
                                        << u"2026-03-08T07:00:00.000Z"_s;
    // 2026-11-01: 01:30 happens twice, first in EDT (05:30Z) then EST.
    QTest::newRow("fall-back overlap takes the first")
        << u"America/New_York"_s << QDate(2026, 11, 1) << QTime(1, 30)
        << u"2026-11-01T05:30:00.000Z"_s;
    // Europe/London 2026-03-29: 01:00 GMT -> 02:00 BST.
    QTest::newRow("london gap") << u"Europe/London"_s << QDate(2026, 3, 29) << QTime(1, 15)
                                << u"2026-03-29T01:15:00.000Z"_s;
    // Europe/London 2026-10-25: 01:00-02:00 happens twice, BST first.
    QTest::newRow("london overlap") << u"Europe/London"_s << QDate(2026, 10, 25) << QTime(1, 15)
                                    << u"2026-10-25T00:15:00.000Z"_s;
    QTest::newRow("utc") << u"UTC"_s << QDate(2026, 3, 8) << QTime(2, 30)
                         << u"2026-03-08T02:30:00.000Z"_s;
}

void TestWallClock::wallTimesBecomeTheRightInstants() {
    QFETCH(QString, zone);
    QFETCH(QDate, date);
    QFETCH(QTime, time);
    QFETCH(QString, expectedUtc);
    const QTimeZone tz(zone.toUtf8());
    QVERIFY(tz.isValid());
    QCOMPARE(toWireTime(wallClockToUtc(date, time, tz)), expectedUtc);
}

void TestWallClock::midnightEndsTheDay() {
    const QTimeZone ny("America/New_York");
    QCOMPARE(wallClockToUtc(QDate(2026, 1, 14), 24 * 60, ny),
             wallClockToUtc(QDate(2026, 1, 15), 0, ny));
}

void TestWallClock::wireTimesRoundTripWithMilliseconds() {
    const QString text = u"2026-03-08T15:00:00.123Z"_s;
    const QDateTime t = fromWireTime(text);
    QVERIFY(t.isValid());
    QCOMPARE(t.timeSpec(), Qt::UTC);
    QCOMPARE(toWireTime(t), text);
    QCOMPARE(toWireTime(fromWireTime(u"2026-03-08T15:00:00Z")), u"2026-03-08T15:00:00.000Z"_s);
}

void TestWallClock::wireTimesWithOffsetsAreConvertedToUtc() {
    QCOMPARE(toWireTime(fromWireTime(u"2026-03-08T10:00:00.000-05:00")),
             u"2026-03-08T15:00:00.000Z"_s);
}

void TestWallClock::malformedWireTimesAreRejected_data() {
    QTest::addColumn<QString>("text");
    QTest::newRow("date only") << u"2026-03-08"_s;
    QTest::newRow("no zone") << u"2026-03-08T15:00:00.000"_s;
    QTest::newRow("month 13") << u"2026-13-08T15:00:00.000Z"_s;
    QTest::newRow("hour 25") << u"2026-03-08T25:00:00.000Z"_s;
    QTest::newRow("words") << u"next tuesday at noon"_s;
    QTest::newRow("empty") << QString();
}

void TestWallClock::malformedWireTimesAreRejected() {
    QFETCH(QString, text);
    QVERIFY(!fromWireTime(text).isValid());
}

void TestWallClock::manualClockMovesOnlyWhenTold() {
    ManualClock clock(fromWireTime(u"2026-03-08T15:00:00.000Z"));
    QCOMPARE(toWireTime(clock.now()), u"2026-03-08T15:00:00.000Z"_s);
    clock.advanceSeconds(90);
    QCOMPARE(toWireTime(clock.now()), u"2026-03-08T15:01:30.000Z"_s);
    SystemClock system;
    QVERIFY(system.now().isValid());
    QCOMPARE(system.now().timeSpec(), Qt::UTC);
}

QTEST_GUILESS_MAIN(TestWallClock)
#include "tst_wallclock.moc"
