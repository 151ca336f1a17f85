// When a status change makes sense in time (domain/StatusTiming.h).
#include "domain/StatusTiming.h"

#include <QTest>

using namespace mss::domain;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(StatusChange)

class TestStatusTiming : public QObject {
    Q_OBJECT

private slots:
    void aChangeIsTimelyOnItsSideOfTheStart_data() {
        QTest::addColumn<StatusChange>("change");
        QTest::addColumn<qint64>("secondsFromStart");
        QTest::addColumn<bool>("timely");
        QTest::newRow("confirm the day before") << StatusChange::Confirm << -86'400LL << true;
        QTest::newRow("confirm a second before") << StatusChange::Confirm << -1LL << true;
        QTest::newRow("confirm at the start") << StatusChange::Confirm << 0LL << false;
        QTest::newRow("confirm during") << StatusChange::Confirm << 600LL << false;
        QTest::newRow("complete before") << StatusChange::Complete << -1LL << false;
        QTest::newRow("complete at the start") << StatusChange::Complete << 0LL << true;
        QTest::newRow("complete the next day") << StatusChange::Complete << 86'400LL << true;
        QTest::newRow("no-show before") << StatusChange::NoShow << -60LL << false;
        QTest::newRow("no-show during") << StatusChange::NoShow << 300LL << true;
    }
    void aChangeIsTimelyOnItsSideOfTheStart() {
        QFETCH(StatusChange, change);
        QFETCH(qint64, secondsFromStart);
        QFETCH(bool, timely);
        Appointment a;
        a.startTime = QDateTime(QDate(2026, 11, 1), QTime(9, 0), QTimeZone::utc());
        a.endTime = a.startTime.addSecs(50 * 60);
        QCOMPARE(isTimely(change, a, a.startTime.addSecs(secondsFromStart)), timely);
    }
};

QTEST_GUILESS_MAIN(TestStatusTiming)
#include "tst_statustiming.moc"
