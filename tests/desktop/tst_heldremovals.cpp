// The desk when the server suddenly lists far fewer of the days on screen
// than the desk holds (a server restored from an old backup, another
// practice): the calendar keeps its appointments and a box asks; kept, they
// stay and the same question is not asked again; removed, they go.
#include "AppointmentBook.h"
#include "base/WallClock.h"
#include "DemoDeskTest.h"
#include "Desk.h"
#include "DeskSession.h"
#include "DeskWindowDriver.h"
#include "MainWindow.h"
#include "OpenDesk.h"
#include "ServerProcess.h"
#include "ui/CalendarModel.h"
#include "ui/CalendarWidget.h"
#include "ui/NavigationBar.h"

#include <QAbstractButton>
#include <QMessageBox>
#include <QTemporaryDir>

using namespace mss;
using namespace mss::desktop;
using namespace mss::test;
using namespace Qt::StringLiterals;

namespace {

QAbstractButton* buttonNamed(QMessageBox* box, const QString& text) {
    for (QAbstractButton* b : box->buttons())
        if (b->text() == text)
            return b;
    return nullptr;
}

} // namespace

class TestHeldRemovals : public DemoDeskTest<> {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void aServerMissingMostOfTheWeekIsAskedAboutNotBelieved();

private:
    QStringList deleteAtServer(const QStringList& ids);
    int onScreen() const { return m_desk.window->book()->model().rowCount(); }
    QMessageBox* question() const {
        return m_desk.window->findChild<QMessageBox*>(u"heldRemovals"_s);
    }
};

void TestHeldRemovals::initTestCase() {
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    // The plain contract: deletions are noticed by re-reading what is on screen.
    QVERIFY(openDemoDesk(u"frontdesk@demo.practice"_s, {u"--plain-api"_s}));
    QVERIFY(signInAdmin());
}

void TestHeldRemovals::cleanupTestCase() {
    m_desk.close();
}

QStringList TestHeldRemovals::deleteAtServer(const QStringList& ids) {
    for (const QString& id : ids) {
        const sync::ApiResponse deleted = await(m_admin->remove(u"/appointments/"_s + id));
        if (!deleted.ok())
            qFatal("cannot delete: %s", qPrintable(deleted.message));
    }
    return ids;
}

void TestHeldRemovals::aServerMissingMostOfTheWeekIsAskedAboutNotBelieved() {
    // The demo books every weekday from this week's Monday: next week is full.
    ui::CalendarWidget* calendar = m_desk.window->calendar();
    calendar->setMode(ui::CalendarMode::Week);
    calendar->setDate(localDate(m_clock.now(), m_desk.session->timeZone()).addDays(7));
    m_desk.window->book()->reload();
    QVERIFY(syncOnce(m_desk.session->engine()));
    const int before = onScreen();
    QVERIFY(before > 2 * sync::SyncEngine::massRemovalFloor);
    QStringList ids;
    const ui::CalendarModel& model = m_desk.window->book()->model();
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.appointmentAt(row).id().toString();

    const QStringList gone = deleteAtServer(ids.mid(0, before * 3 / 4));
    QVERIFY(syncOnce(m_desk.session->engine()));
    QTRY_VERIFY(question() && question()->isVisible());
    QVERIFY(question()->text().contains(
        u"no longer lists %1 of the %2"_s.arg(gone.size()).arg(before)));
    QCOMPARE(onScreen(), before);

    // Kept: still on screen, and the next sync does not ask again.
    QAbstractButton* keep = buttonNamed(question(), u"&Keep them"_s);
    QVERIFY(keep);
    keep->click();
    QTRY_VERIFY(!question());
    QVERIFY(syncOnce(m_desk.session->engine()));
    QTest::qWait(50);
    QVERIFY(!question());
    QCOMPARE(onScreen(), before);

    // One more gone: asked again; removed, they leave the calendar.
    deleteAtServer({ids.at(gone.size())});
    QVERIFY(syncOnce(m_desk.session->engine()));
    QTRY_VERIFY(question() && question()->isVisible());
    QAbstractButton* remove = buttonNamed(question(), u"&Remove from this computer"_s);
    QVERIFY(remove);
    remove->click();
    QTRY_COMPARE(onScreen(), before - int(gone.size()) - 1);
    QTRY_VERIFY(!question());
}

QTEST_MAIN(TestHeldRemovals)
#include "tst_heldremovals.moc"
