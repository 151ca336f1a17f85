// Side-by-side layout of overlapping appointments in a day column.
#include "ui/OverlapLayout.h"

#include <QTest>

using mss::ui::LaneSlot;
using mss::ui::layOutSideBySide;
using mss::ui::TimeSpan;

namespace {

bool operator==(const LaneSlot& a, const LaneSlot& b) {
    return a.lane == b.lane && a.lanes == b.lanes;
}

} // namespace

class TestOverlapLayout : public QObject {
    Q_OBJECT

private slots:
    void aloneTakesTheWholeWidth();
    void twoOverlappingShareTheWidth();
    void touchingAppointmentsDoNotShare();
    void aChainSharesOneWidth();
    void aFreedLaneIsReused();
};

void TestOverlapLayout::aloneTakesTheWholeWidth() {
    const auto out = layOutSideBySide({{540, 590}});
    QCOMPARE(out.size(), 1);
    QVERIFY((out[0] == LaneSlot{0, 1}));
}

void TestOverlapLayout::twoOverlappingShareTheWidth() {
    const auto out = layOutSideBySide({{660, 720}, {660, 710}});
    QVERIFY((out[0] == LaneSlot{0, 2}));
    QVERIFY((out[1] == LaneSlot{1, 2}));
}

void TestOverlapLayout::touchingAppointmentsDoNotShare() {
    const auto out = layOutSideBySide({{540, 590}, {590, 640}});
    QVERIFY((out[0] == LaneSlot{0, 1}));
    QVERIFY((out[1] == LaneSlot{0, 1}));
}

void TestOverlapLayout::aChainSharesOneWidth() {
    // 9-10 overlaps 9:30-10:30, which overlaps 10:15-11: one group of two
    // lanes; the third goes back to the first lane.
    const auto out = layOutSideBySide({{540, 600}, {570, 630}, {615, 660}, {700, 720}});
    QVERIFY((out[0] == LaneSlot{0, 2}));
    QVERIFY((out[1] == LaneSlot{1, 2}));
    QVERIFY((out[2] == LaneSlot{0, 2}));
    QVERIFY((out[3] == LaneSlot{0, 1}));
}

void TestOverlapLayout::aFreedLaneIsReused() {
    const auto out = layOutSideBySide({{0, 100}, {10, 20}, {30, 40}, {50, 60}});
    QVERIFY((out[1] == LaneSlot{1, 2}));
    QVERIFY((out[2] == LaneSlot{1, 2}));
    QVERIFY((out[3] == LaneSlot{1, 2}));
}

QTEST_APPLESS_MAIN(TestOverlapLayout)
#include "tst_overlaplayout.moc"
