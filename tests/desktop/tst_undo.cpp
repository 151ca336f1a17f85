// Undo at the front desk, against the real demo server: Ctrl+Z puts a
// dragged appointment back and the server receives two changes; the Undo
// button beside the status message reinstates a cancelled one; an undo that
// would overwrite someone else's change, or land on a time booked since,
// is refused with a message and changes nothing.
#include "AppointmentBook.h"
#include "base/WallClock.h"
#include "DemoDeskTest.h"
#include "Desk.h"
#include "DeskSession.h"
#include "DeskWindowDriver.h"
#include "GuiDriver.h"
#include "MainWindow.h"
#include "OpenDesk.h"
#include "ServerProcess.h"
#include "ui/AppointmentDialog.h"
#include "ui/CalendarWidget.h"
#include "ui/CancelDialog.h"
#include "ui/DayView.h"

#include <QComboBox>
#include <QCompleter>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QStatusBar>
#include <QTemporaryDir>

using namespace mss;
using namespace mss::desktop;
using namespace mss::test;
using namespace Qt::StringLiterals;

class TestUndo : public DemoDeskTest<> {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void ctrlZPutsAMovedAppointmentBackWithTwoChangesOnTheServer();
    void theUndoButtonReinstatesACancelledAppointment();
    void undoAfterSomeoneElseChangedItIsRefused();
    void undoOntoATimeBookedSinceIsRefused();
    void undoingABookingCancelsIt();
    void theLastTwentyActionsCanBeUndone();

private:
    // An appointment booked by another desk on the Saturday at `hour`,
    // synced to this one.
    domain::ObjectId bookOnServer(int hour, const QString& client = {});
    QJsonObject serverCopy(const domain::ObjectId& id);
    ui::DayView* showSaturday(int hour);
    void dragTo(const domain::ObjectId& id, int fromHour, int toHour);
    QDateTime at(int hour) const {
        return wallClockToUtc(m_saturday, QTime(hour, 0), m_desk.session->timeZone());
    }

    domain::ObjectId m_provider;
    QString m_client;
    QDate m_saturday;
};

void TestUndo::initTestCase() {
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(openDemoDesk(u"frontdesk@demo.practice"_s));
    QVERIFY(signInAdmin());
    m_provider = firstProvider();
    m_client = listAll(*m_admin, u"/clients"_s).front().value("_id"_L1).toString();
    m_saturday = saturdayInWeeks(3);
}

void TestUndo::cleanupTestCase() {
    m_desk.close();
}

domain::ObjectId TestUndo::bookOnServer(int hour, const QString& client) {
    const sync::ApiResponse r = await(
        m_admin->post(u"/appointments"_s, {{"client"_L1, client.isEmpty() ? m_client : client},
                                           {"provider"_L1, m_provider.toString()},
                                           {"startTime"_L1, toWireTime(at(hour))},
                                           {"endTime"_L1, toWireTime(at(hour).addSecs(50 * 60))},
                                           {"appointmentType"_L1, u"Individual Therapy"_s},
                                           {"location"_L1, u"Office"_s}}));
    if (!r.ok() || !syncOnce(m_desk.session->engine()))
        return {};
    return *domain::ObjectId::fromString(r.data().toObject().value("_id"_L1).toString());
}

QJsonObject TestUndo::serverCopy(const domain::ObjectId& id) {
    return await(m_admin->get(u"/appointments/"_s + id.toString())).data().toObject();
}

ui::DayView* TestUndo::showSaturday(int hour) {
    return showDay(m_provider, m_saturday, QTime(hour - 1, 0));
}

void TestUndo::dragTo(const domain::ObjectId& id, int fromHour, int toHour) {
    ui::DayView* view = showSaturday(std::min(fromHour, toHour));
    const QRect card = view->cardRect(id);
    QVERIFY(!card.isEmpty());
    const QPoint grip(card.center().x(), card.top() + 8);
    drag(view->viewport(), grip,
         grip + (view->pointAt(0, toHour * 60) - view->pointAt(0, fromHour * 60)));
    QCOMPARE(m_desk.window->book()->model().appointment(id)->startTime, at(toHour));
}

void TestUndo::ctrlZPutsAMovedAppointmentBackWithTwoChangesOnTheServer() {
    const domain::ObjectId id = bookOnServer(9);
    QVERIFY(!id.isNull());
    const double version = serverCopy(id).value("version"_L1).toDouble();

    dragTo(id, 9, 11);
    QVERIFY(m_desk.window->undoButton()->isVisible()); // beside "The move: saved"
    QVERIFY(m_desk.window->undoAction()->text().contains(u"Undo the move of"_s));
    QVERIFY(syncOnce(m_desk.session->engine()));
    QCOMPARE(fromWireTime(serverCopy(id).value("startTime"_L1).toString()), at(11));

    m_desk.window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_desk.window.get()));
    m_desk.window->calendar()->dayView()->setFocus();
    QTest::keySequence(m_desk.window.get(), QKeySequence::Undo);
    // Back at once on the calendar and in the cache, offline or not.
    QCOMPARE(m_desk.window->book()->model().appointment(id)->startTime, at(9));
    QCOMPARE(m_desk.session->cache().appointment(id.toString()).value()->startTime, at(9));
    QVERIFY2(statusMessage().startsWith(u"Undone: the move of"_s), qPrintable(statusMessage()));
    QVERIFY(!m_desk.window->undoButton()->isVisible());

    QVERIFY(syncOnce(m_desk.session->engine()));
    const QJsonObject after = serverCopy(id);
    QCOMPARE(fromWireTime(after.value("startTime"_L1).toString()), at(9));
    // Two changes, the move and its undo, not one overwrite.
    QCOMPARE(after.value("version"_L1).toDouble(), version + 2);
}

void TestUndo::theUndoButtonReinstatesACancelledAppointment() {
    const domain::ObjectId id = bookOnServer(13);
    QVERIFY(!id.isNull());
    ui::DayView* view = showSaturday(13);
    QMenu* menu = view->contextMenuAt(view->cardRect(id).center());
    QVERIFY(menu);
    QAction* cancel = nullptr;
    for (QAction* a : menu->actions()) {
        if (QString(a->text()).remove(u'&').startsWith(u"Cancel"_s))
            cancel = a;
    }
    QVERIFY(cancel);
    whenDialogOpens<ui::CancelDialog>([](ui::CancelDialog* dialog) {
        dialog->reasonField()->lineEdit()->clear();
        QTest::keyClicks(dialog->reasonField()->lineEdit(), u"Called in sick"_s);
        dialog->okButton()->click();
    });
    cancel->trigger();
    delete menu;
    QCOMPARE(m_desk.window->book()->model().appointment(id)->status,
             domain::AppointmentStatus::Cancelled);
    QVERIFY(syncOnce(m_desk.session->engine()));
    QCOMPARE(serverCopy(id).value("status"_L1).toString(), u"Cancelled"_s);

    QVERIFY(m_desk.window->undoButton()->isVisible());
    QTest::mouseClick(m_desk.window->undoButton(), Qt::LeftButton);
    QCOMPARE(m_desk.window->book()->model().appointment(id)->status,
             domain::AppointmentStatus::Scheduled);
    QVERIFY(syncOnce(m_desk.session->engine()));
    QCOMPARE(serverCopy(id).value("status"_L1).toString(), u"Scheduled"_s);
}

void TestUndo::undoAfterSomeoneElseChangedItIsRefused() {
    const domain::ObjectId id = bookOnServer(15);
    QVERIFY(!id.isNull());
    dragTo(id, 15, 16);
    QVERIFY(syncOnce(m_desk.session->engine()));
    // Another desk moves it on, and this desk learns of it.
    QJsonObject theirs = serverCopy(id);
    const auto put = await(m_admin->put(u"/appointments/"_s + id.toString(),
                                        {{"startTime"_L1, toWireTime(at(17))},
                                         {"endTime"_L1, toWireTime(at(17).addSecs(50 * 60))}}));
    QVERIFY2(put.ok(), qPrintable(put.message));
    QVERIFY(syncOnce(m_desk.session->engine()));
    const double version = serverCopy(id).value("version"_L1).toDouble();

    m_desk.window->book()->undoLast();
    QVERIFY2(statusMessage().startsWith(u"Not undone: the appointment was changed since"_s),
             qPrintable(statusMessage()));
    QCOMPARE(m_desk.window->book()->model().appointment(id)->startTime, at(17));
    QCOMPARE(m_desk.session->cache().outbox().pendingCount().value(), 0);
    QVERIFY(syncOnce(m_desk.session->engine()));
    QCOMPARE(serverCopy(id).value("version"_L1).toDouble(), version);
    QCOMPARE(fromWireTime(serverCopy(id).value("startTime"_L1).toString()), at(17));
}

void TestUndo::undoOntoATimeBookedSinceIsRefused() {
    const domain::ObjectId id = bookOnServer(8);
    QVERIFY(!id.isNull());
    dragTo(id, 8, 18);
    QVERIFY(syncOnce(m_desk.session->engine()));
    // Another client takes 08:00 with the same provider meanwhile.
    const QString other = listAll(*m_admin, u"/clients"_s).at(1).value("_id"_L1).toString();
    QVERIFY(!bookOnServer(8, other).isNull());

    m_desk.window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_desk.window.get()));
    m_desk.window->calendar()->dayView()->setFocus();
    QTest::keySequence(m_desk.window.get(), QKeySequence::Undo);
    QVERIFY2(statusMessage().startsWith(u"Not undone: the old time of the move of"_s),
             qPrintable(statusMessage()));
    QCOMPARE(m_desk.window->book()->model().appointment(id)->startTime, at(18));
    QCOMPARE(m_desk.session->cache().outbox().pendingCount().value(), 0);
}

void TestUndo::undoingABookingCancelsIt() {
    const QString name =
        m_desk.window->book()->model().clientName({*domain::ObjectId::fromString(m_client), {}});
    ui::DayView* view = showSaturday(19);
    bool booked = false;
    whenDialogOpens<ui::AppointmentDialog>(
        [&](ui::AppointmentDialog* dialog) { booked = chooseClientAndSave(dialog, name); });
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, view->pointAt(0, 19 * 60 + 5));
    QVERIFY(booked);
    const auto made =
        std::ranges::find_if(m_desk.window->book()->model().appointments(),
                             [&](const domain::Appointment& a) { return a.startTime == at(19); });
    QVERIFY(made != m_desk.window->book()->model().appointments().end());
    const domain::ObjectId id = made->id();
    QVERIFY(m_desk.window->undoAction()->text().contains(u"Undo the booking of"_s));
    QVERIFY(syncOnce(m_desk.session->engine()));

    QTest::mouseClick(m_desk.window->undoButton(), Qt::LeftButton);
    QVERIFY2(statusMessage().startsWith(u"Undone: the booking of"_s), qPrintable(statusMessage()));
    QCOMPARE(m_desk.window->book()->model().appointment(id)->status,
             domain::AppointmentStatus::Cancelled);
    QVERIFY(syncOnce(m_desk.session->engine()));
    const QJsonObject onServer = serverCopy(id);
    QCOMPARE(onServer.value("status"_L1).toString(), u"Cancelled"_s);
    QCOMPARE(onServer.value("cancellationReason"_L1).toString(), u"Booking undone"_s);
}

void TestUndo::theLastTwentyActionsCanBeUndone() {
    m_saturday = m_saturday.addDays(7); // a day with nothing in the way
    const domain::ObjectId id = bookOnServer(7);
    showSaturday(7);
    QVERIFY(!id.isNull());
    // Twenty-one moves of half an hour each (by the calendar's own request,
    // as a drag ends), then twenty-one undos walk it back to 07:00.
    QDateTime start = at(7);
    for (int i = 0; i < 21; ++i) {
        start = start.addSecs(30 * 60);
        emit m_desk.window->calendar()->moveRequested(id, start, start.addSecs(50 * 60),
                                                      m_provider);
    }
    const auto startOf = [&] {
        return m_desk.session->cache().appointment(id.toString()).value()->startTime;
    };
    QCOMPARE(startOf(), at(7).addSecs(21 * 30 * 60));
    for (int i = 0; i < 21; ++i)
        m_desk.window->book()->undoLast();
    QCOMPARE(startOf(), at(7));
    QVERIFY(syncOnce(m_desk.session->engine()));
    QCOMPARE(fromWireTime(serverCopy(id).value("startTime"_L1).toString()), at(7));
}

QTEST_MAIN(TestUndo)
#include "tst_undo.moc"
