// Sync made visible: the status indicator's words and colour, the offline
// banner, and resolving a conflict from the panel.
#include "ui/SyncConflictPanel.h"
#include "ui/SyncStatusIndicator.h"

#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace mss::ui;
using namespace Qt::StringLiterals;

class TestSyncWidgets : public QObject {
    Q_OBJECT

private slots:
    void indicatorSaysWhereTheDeskStands();
    void conflictsTurnTheIndicatorRedAndOpenThePanel();
    void bannerShowsOnlyWhileOffline();
    void eachConflictIsResolvedByTheUser();
};

void TestSyncWidgets::indicatorSaysWhereTheDeskStands() {
    SyncStatusIndicator indicator;
    QCOMPARE(indicator.text(), u"Online \u00b7 all changes saved"_s);
    indicator.setState(SyncState::Offline);
    indicator.setPendingChanges(3);
    QCOMPARE(indicator.text(), u"Offline \u00b7 3 change(s) waiting"_s);
    const QColor offline = indicator.dotColour();
    indicator.setState(SyncState::Syncing);
    QVERIFY(indicator.text().startsWith(u"Syncing 3"_s));
    QVERIFY(indicator.dotColour() != offline);

    // The dot is painted in the state's colour.
    indicator.resize(indicator.sizeHint());
    const QImage image = indicator.grab().toImage();
    QCOMPARE(QColor(image.pixel(9, image.height() / 2)).rgb(), indicator.dotColour().rgb());
}

void TestSyncWidgets::conflictsTurnTheIndicatorRedAndOpenThePanel() {
    SyncStatusIndicator indicator;
    indicator.resize(300, 24);
    QSignalSpy clicked(&indicator, &SyncStatusIndicator::conflictsClicked);
    QTest::mouseClick(&indicator, Qt::LeftButton);
    QCOMPARE(clicked.count(), 0); // nothing to resolve
    indicator.setConflictCount(2);
    QVERIFY(indicator.text().contains(u"2 conflict(s) to resolve"_s));
    QCOMPARE(indicator.dotColour(), QColor(0xd9, 0x30, 0x25));
    QTest::mouseClick(&indicator, Qt::LeftButton);
    QCOMPARE(clicked.count(), 1);
}

void TestSyncWidgets::bannerShowsOnlyWhileOffline() {
    QWidget window;
    auto* banner = new OfflineBanner(&window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!banner->isVisible());
    banner->setOffline(true);
    banner->setPendingChanges(4);
    QVERIFY(banner->isVisible());
    QVERIFY(banner->text().contains(u"offline"_s));
    QVERIFY(banner->text().contains(u"4 change(s) waiting"_s));
    QSignalSpy retry(banner, &OfflineBanner::retryRequested);
    QTest::mouseClick(banner->retryButton(), Qt::LeftButton);
    QCOMPARE(retry.count(), 1);
    banner->setOffline(false);
    QVERIFY(!banner->isVisible());
}

void TestSyncWidgets::eachConflictIsResolvedByTheUser() {
    SyncConflictPanel panel;
    QVERIFY(!panel.keepMineButton()->isEnabled());
    panel.setConflicts({
        {u"outbox-7"_s, u"Ada Lovelace, Tue 10 Mar 09:00 with Maya Chen"_s, u"Moved to 10:00"_s,
         u"Cancelled at 09:12"_s},
        {u"outbox-9"_s, u"Grace Hopper, Wed 11 Mar 14:00 with James Okafor"_s,
         u"Booked 14:00-14:50"_s, u"James Okafor booked Alan Turing at 14:00"_s},
    });
    QCOMPARE(panel.count(), 2);
    QCOMPARE(panel.list()->currentRow(), 0);
    QVERIFY(panel.details()->text().contains(u"Moved to 10:00"_s));

    QSignalSpy keep(&panel, &SyncConflictPanel::keepMineRequested);
    QSignalSpy take(&panel, &SyncConflictPanel::takeTheirsRequested);
    QSignalSpy pick(&panel, &SyncConflictPanel::pickAnotherTimeRequested);
    panel.setCurrentRow(1);
    QVERIFY(panel.details()->text().contains(u"Alan Turing"_s));
    QTest::mouseClick(panel.pickTimeButton(), Qt::LeftButton);
    QCOMPARE(pick.count(), 1);
    QCOMPARE(pick[0][0].toString(), u"outbox-9"_s);
    panel.setCurrentRow(0);
    QTest::mouseClick(panel.takeTheirsButton(), Qt::LeftButton);
    QCOMPARE(take[0][0].toString(), u"outbox-7"_s);
    QCOMPARE(keep.count(), 0);

    // The engine resolves outbox-7 and sends the rest; the selection stays
    // on what is left.
    panel.setCurrentRow(1);
    panel.setConflicts({{u"outbox-9"_s, u"Grace Hopper"_s, u"a"_s, u"b"_s}});
    QCOMPARE(panel.list()->currentRow(), 0);
    QTest::mouseClick(panel.keepMineButton(), Qt::LeftButton);
    QCOMPARE(keep[0][0].toString(), u"outbox-9"_s);
    panel.setConflicts({});
    QVERIFY(!panel.keepMineButton()->isEnabled());
}

QTEST_MAIN(TestSyncWidgets)
#include "tst_syncwidgets.moc"
