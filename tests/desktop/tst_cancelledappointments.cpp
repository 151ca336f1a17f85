// Cancelled appointments at the front desk, against the real demo server:
// hidden until View > Show cancelled (or its toolbar button) says
// otherwise, remembered; shown, they take no width from a live appointment
// at the same time; opened, they show their status, reason and fee, and
// Reinstate puts one back to Scheduled through the outbox and the server,
// unless its time is taken, which is said in a sentence. The mini month
// beside the calendar marks days from the whole local copy, not only the
// days on screen, and a click on a day goes there.
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
#include "ui/CalendarWidget.h"
#include "ui/CancelledDialog.h"
#include "ui/DayView.h"

#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>

using namespace mss;
using namespace mss::desktop;
using namespace mss::test;
using namespace Qt::StringLiterals;

class TestCancelledAppointments : public DemoDeskTest<> {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cancelledStepAsideAndReinstateIsRefusedWhenTheTimeIsTaken();
    void reinstateBringsItBackToScheduledThroughTheServer();
    void theMiniMonthMarksDaysFromTheWholeCache();

private:
    domain::ObjectId bookOnServer(int hour, const QString& client, QDate day = {});
    bool cancelOnServer(const domain::ObjectId& id, const QString& reason, double fee);
    QJsonObject serverCopy(const domain::ObjectId& id);
    ui::DayView* showSaturday(int hour);
    QDateTime at(int hour, QDate day = {}) const {
        return wallClockToUtc(day.isValid() ? day : m_saturday, QTime(hour, 0),
                              m_desk.session->timeZone());
    }
    // The Show cancelled button on the toolbar.
    QToolButton* showCancelledButton() const;

    domain::ObjectId m_provider;
    QList<QJsonObject> m_clients;
    QDate m_saturday;
};

void TestCancelledAppointments::initTestCase() {
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QStandardPaths::setTestModeEnabled(true);
    QSettings().remove(u"calendar/showCancelled"_s);
    QVERIFY(openDemoDesk(u"frontdesk@demo.practice"_s));
    QVERIFY(signInAdmin());
    m_provider = firstProvider();
    m_clients = listAll(*m_admin, u"/clients"_s);
    QVERIFY(m_clients.size() >= 2);
    m_saturday = saturdayInWeeks(4);
}

void TestCancelledAppointments::cleanupTestCase() {
    m_desk.close();
    QSettings().remove(u"calendar/showCancelled"_s);
}

domain::ObjectId TestCancelledAppointments::bookOnServer(int hour, const QString& client,
                                                         QDate day) {
    const sync::ApiResponse r = await(m_admin->post(
        u"/appointments"_s, {{"client"_L1, client},
                             {"provider"_L1, m_provider.toString()},
                             {"startTime"_L1, toWireTime(at(hour, day))},
                             {"endTime"_L1, toWireTime(at(hour, day).addSecs(50 * 60))},
                             {"appointmentType"_L1, u"Individual Therapy"_s},
                             {"location"_L1, u"Office"_s}}));
    if (!r.ok())
        qWarning("not booked: %s", qPrintable(r.message));
    if (!r.ok() || !syncOnce(m_desk.session->engine()))
        return {};
    return *domain::ObjectId::fromString(r.data().toObject().value("_id"_L1).toString());
}

bool TestCancelledAppointments::cancelOnServer(const domain::ObjectId& id, const QString& reason,
                                               double fee) {
    const sync::ApiResponse r =
        await(m_admin->put(u"/appointments/%1/cancel"_s.arg(id.toString()),
                           {{"cancellationReason"_L1, reason}, {"cancellationFee"_L1, fee}}));
    return r.ok() && syncOnce(m_desk.session->engine());
}

QJsonObject TestCancelledAppointments::serverCopy(const domain::ObjectId& id) {
    return await(m_admin->get(u"/appointments/"_s + id.toString())).data().toObject();
}

ui::DayView* TestCancelledAppointments::showSaturday(int hour) {
    return showDay(m_provider, m_saturday, QTime(hour - 1, 0));
}

QToolButton* TestCancelledAppointments::showCancelledButton() const {
    auto* bar = m_desk.window->findChild<QToolBar*>(u"findBar"_s);
    return bar ? qobject_cast<QToolButton*>(
                     bar->widgetForAction(m_desk.window->showCancelledAction()))
               : nullptr;
}

void TestCancelledAppointments::cancelledStepAsideAndReinstateIsRefusedWhenTheTimeIsTaken() {
    const QString first = m_clients.at(0).value("_id"_L1).toString();
    const QString second = m_clients.at(1).value("_id"_L1).toString();
    const QString secondName = m_clients.at(1).value("firstName"_L1).toString();
    // Booked, cancelled with a fee, and its time booked again for someone else.
    const domain::ObjectId cancelled = bookOnServer(10, first);
    QVERIFY(!cancelled.isNull());
    QVERIFY(cancelOnServer(cancelled, u"Client illness"_s, 25));
    const domain::ObjectId live = bookOnServer(10, second);
    QVERIFY(!live.isNull());

    // Hidden by default; the live one has the column to itself.
    QAction* toggle = m_desk.window->showCancelledAction();
    QVERIFY(!toggle->isChecked());
    ui::DayView* view = showSaturday(10);
    QVERIFY(view->cardRect(cancelled).isEmpty());
    const QRect liveCard = view->cardRect(live);
    QVERIFY(!liveCard.isEmpty());

    // The toolbar button shows it, as a tab beside the live one, which
    // keeps its width; the choice is remembered.
    QToolButton* button = showCancelledButton();
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(toggle->isChecked());
    QCOMPARE(QSettings().value(u"calendar/showCancelled"_s).toBool(), true);
    const QRect tab = view->cardRect(cancelled);
    QVERIFY(!tab.isEmpty());
    QCOMPARE(view->cardRect(live), liveCard);
    QVERIFY(!tab.intersects(liveCard));

    // Opened: its status, reason and fee; Reinstate off, and why.
    bool seen = false;
    whenDialogOpens<ui::CancelledDialog>([&](ui::CancelledDialog* dialog) {
        seen = true;
        QCOMPARE(dialog->statusLabel()->text(), u"Cancelled"_s);
        QCOMPARE(dialog->reasonLabel()->text(), u"Client illness"_s);
        QCOMPARE(dialog->feeLabel()->text(), u"$25.00"_s);
        QVERIFY(dialog->reinstateButton()->isVisible());
        QVERIFY(!dialog->reinstateButton()->isEnabled());
        QVERIFY(dialog->takenLabel()->isVisible());
        QVERIFY2(dialog->takenLabel()->text().contains(secondName),
                 qPrintable(dialog->takenLabel()->text()));
        dialog->reject();
    });
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, tab.center());
    QVERIFY(seen);

    // Reinstate from its menu is refused with a sentence; nothing is sent.
    const int pending = m_desk.session->cache().outbox().pendingCount().value_or(-1);
    std::unique_ptr<QMenu> menu(view->contextMenuAt(tab.center()));
    QVERIFY(menu);
    QAction* reinstate = menu->actions().back();
    QCOMPARE(reinstate->text().remove(u'&'), u"Reinstate"_s);
    reinstate->trigger();
    QVERIFY2(statusMessage().contains(u"cannot be reinstated: its time is taken now by"_s),
             qPrintable(statusMessage()));
    QCOMPARE(m_desk.session->cache().outbox().pendingCount().value_or(-1), pending);
    QCOMPARE(m_desk.window->book()->model().appointment(cancelled)->status,
             domain::AppointmentStatus::Cancelled);

    // Hidden again from the View menu.
    toggle->trigger();
    QVERIFY(view->cardRect(cancelled).isEmpty());
    QCOMPARE(QSettings().value(u"calendar/showCancelled"_s).toBool(), false);
    QVERIFY(!button->isChecked());
}

void TestCancelledAppointments::reinstateBringsItBackToScheduledThroughTheServer() {
    const QString client = m_clients.at(2 % m_clients.size()).value("_id"_L1).toString();
    const domain::ObjectId id = bookOnServer(15, client);
    QVERIFY(!id.isNull());
    QVERIFY(cancelOnServer(id, u"Provider unavailable"_s, 0));
    const double version = serverCopy(id).value("version"_L1).toDouble();

    m_desk.window->showCancelledAction()->setChecked(true);
    ui::DayView* view = showSaturday(15);
    const QRect card = view->cardRect(id);
    QVERIFY(!card.isEmpty());
    // Alone in its time: a card of the column's width, not a tab.
    QVERIFY(card.width() > 100);

    bool seen = false;
    whenDialogOpens<ui::CancelledDialog>([&](ui::CancelledDialog* dialog) {
        seen = true;
        QCOMPARE(dialog->reasonLabel()->text(), u"Provider unavailable"_s);
        QCOMPARE(dialog->feeLabel()->text(), u"No fee"_s);
        QVERIFY(!dialog->takenLabel()->isVisible());
        QVERIFY(dialog->reinstateButton()->isEnabled());
        QTest::mouseClick(dialog->reinstateButton(), Qt::LeftButton);
    });
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, card.center());
    QVERIFY(seen);
    // Scheduled at once on this desk, offline or not...
    QCOMPARE(m_desk.window->book()->model().appointment(id)->status,
             domain::AppointmentStatus::Scheduled);
    QVERIFY2(statusMessage().startsWith(u"Reinstated: "_s), qPrintable(statusMessage()));
    // ...and at the server after the sync, as one more change.
    QVERIFY(syncOnce(m_desk.session->engine()));
    const QJsonObject after = serverCopy(id);
    QCOMPARE(after.value("status"_L1).toString(), u"Scheduled"_s);
    QCOMPARE(after.value("version"_L1).toDouble(), version + 1);
    // A live card again, shown with cancelled hidden.
    m_desk.window->showCancelledAction()->setChecked(false);
    QVERIFY(!view->cardRect(id).isEmpty());
}

void TestCancelledAppointments::theMiniMonthMarksDaysFromTheWholeCache() {
    ui::CalendarWidget* calendar = m_desk.window->calendar();
    const QDate today = localDate(m_clock.now(), m_desk.session->timeZone());
    calendar->setMode(ui::CalendarMode::Week);
    calendar->setProvider({});
    calendar->setDate(today);
    ui::MiniMonth* mini = calendar->miniMonth();
    // The month of the Saturday four weeks on, which the calendar does not
    // show: its appointments are marked from the cache.
    mini->setCurrentPage(m_saturday.year(), m_saturday.month());
    QTRY_VERIFY(mini->markedDays().contains(m_saturday));
    const QDate sunday = m_saturday.addDays(1);
    QVERIFY(!mini->markedDays().contains(sunday));
    // Booked elsewhere and synced: marked without a click.
    const QString client = m_clients.at(3 % m_clients.size()).value("_id"_L1).toString();
    QVERIFY(!bookOnServer(11, client, sunday).isNull());
    QTRY_VERIFY(mini->markedDays().contains(sunday));
    QCOMPARE(calendar->date(), today);
    // A click on it goes there, in the same view.
    mini->setSelectedDate(sunday);
    emit mini->clicked(sunday);
    QCOMPARE(calendar->date(), sunday);
    QCOMPARE(calendar->mode(), ui::CalendarMode::Week);
}

QTEST_MAIN(TestCancelledAppointments)
#include "tst_cancelledappointments.moc"
