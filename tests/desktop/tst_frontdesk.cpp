// The front desk's window against the real embedded server with the demo
// practice: what it shows after a sync, booking by double-click, moving by
// drag, cancelling with a reason, another desk's change showing up, working
// through a server outage, and a conflict resolved from the panel.
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
#include "ui/SyncConflictPanel.h"
#include "ui/SyncStatusIndicator.h"
#include "ui/WeekView.h"

#include <QComboBox>
#include <QCompleter>
#include <QDockWidget>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QScrollBar>
#include <QStatusBar>
#include <QTemporaryDir>

#include <algorithm>

using namespace mss;
using namespace mss::desktop;
using namespace mss::test;
using namespace Qt::StringLiterals;

namespace {

int minute(int hour, int min = 0) {
    return hour * 60 + min;
}

QStringList textsOf(const QList<QAction*>& actions) {
    QStringList out;
    for (const QAction* a : actions)
        out << QString(a->text()).remove(u'&');
    return out;
}

// What the window's Schedule menu offers.
QStringList scheduleMenu(const QMainWindow& window) {
    for (const QAction* a : window.menuBar()->actions()) {
        if (QString(a->text()).remove(u'&') == "Schedule"_L1 && a->menu())
            return textsOf(a->menu()->actions());
    }
    return {};
}

bool offers(const QStringList& texts, const QString& start) {
    return std::ranges::any_of(texts, [&](const QString& t) { return t.startsWith(start); });
}

} // namespace

class TestFrontDesk : public DemoDeskTest<> {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void calendarShowsTheSyncedAppointments();
    void doubleClickOnAnEmptySlotBooksIt();
    void draggingAnAppointmentMovesItOnTheServer();
    void theFrontDeskIsNotOfferedCompletingOrHours();
    void anAppointmentThatHasStartedIsNotConfirmed();
    void cancellingAsksForAReasonAndReachesTheServer();
    void anotherDesksChangeAppearsAfterASync();
    void offlineBookingShowsTheBannerAndLandsLater();
    void refusedChangeShowsInThePanelAndTakeTheirsResolvesIt();
    void aGrantTakenBackShowsTheServersRefusalAndKeepsTheRecord();

private:
    ui::DayView* showDay(QDate day);
    domain::ObjectId bookAt(QDate day, int startMinute, const QString& client);
    sync::ApiResponse serverCopy(const domain::ObjectId& id);

    domain::ObjectId m_provider;
    QDate m_saturday; // a day with nothing booked yet
    domain::ObjectId m_booked;
};

void TestFrontDesk::initTestCase() {
    QVERIFY(openDemoDesk(frontDesk));
    QCOMPARE(m_desk.session->me().role, domain::StaffRole::Receptionist);

    QVERIFY(signInAdmin());

    m_provider = firstProvider();
    m_saturday = saturdayInWeeks(2);
}

void TestFrontDesk::cleanupTestCase() {
    m_desk.close();
}

ui::DayView* TestFrontDesk::showDay(QDate day) {
    return DemoDeskTest::showDay(m_provider, day, QTime(8, 0));
}

sync::ApiResponse TestFrontDesk::serverCopy(const domain::ObjectId& id) {
    return await(m_admin->get(u"/appointments/"_s + id.toString()));
}

domain::ObjectId TestFrontDesk::bookAt(QDate day, int startMinute, const QString& client) {
    ui::DayView* view = showDay(day);
    const int before = int(m_desk.window->book()->model().appointments().size());
    bool answered = false;
    whenDialogOpens<ui::AppointmentDialog>(
        [&](ui::AppointmentDialog* dialog) { answered = chooseClientAndSave(dialog, client); });
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, view->pointAt(0, startMinute + 5));
    if (!answered)
        return {};
    const auto& rows = m_desk.window->book()->model().appointments();
    if (rows.size() != before + 1)
        return {};
    for (const domain::Appointment& a : rows) {
        if (localMinuteOfDay(a.startTime, m_desk.session->timeZone()) == startMinute &&
            localDate(a.startTime, m_desk.session->timeZone()) == day)
            return a.id();
    }
    return {};
}

void TestFrontDesk::calendarShowsTheSyncedAppointments() {
    ui::CalendarWidget* calendar = m_desk.window->calendar();
    QCOMPARE(calendar->mode(), ui::CalendarMode::Week);
    const QTimeZone& zone = m_desk.session->timeZone();
    const QDateTime from = wallClockToUtc(calendar->firstVisibleDate(), 0, zone);
    const QDateTime to = wallClockToUtc(calendar->lastVisibleDate().addDays(1), 0, zone);
    QUrlQuery q;
    q.addQueryItem(u"startTime[gte]"_s, toWireTime(from));
    q.addQueryItem(u"startTime[lt]"_s, toWireTime(to));
    const QList<QJsonObject> onServer = listAll(*m_admin, u"/appointments"_s, q);
    QVERIFY(!onServer.isEmpty());
    QCOMPARE(m_desk.window->shownAppointments(), int(onServer.size()));
    QCOMPARE(m_desk.window->book()->model().rowCount(), int(onServer.size()));
    // The week shows the first provider's: their cards are on screen.
    int cards = 0;
    for (const domain::Appointment& a : m_desk.window->book()->model().appointments()) {
        if (a.provider.id == m_provider && !calendar->weekView()->cardRect(a.id()).isEmpty())
            ++cards;
    }
    QVERIFY(cards > 0);
    QVERIFY(!m_desk.window->offlineBanner()->isVisible());
}

void TestFrontDesk::doubleClickOnAnEmptySlotBooksIt() {
    m_booked = bookAt(m_saturday, minute(10), u"Ada Lovelace"_s);
    QVERIFY(!m_booked.isNull());
    QVERIFY(!m_desk.window->calendar()->dayView()->cardRect(m_booked).isEmpty());
    QVERIFY(syncOnce(m_desk.session->engine()));
    const sync::ApiResponse r = serverCopy(m_booked);
    QVERIFY2(r.ok(), qPrintable(r.message));
    QCOMPARE(fromWireTime(r.data().toObject().value("startTime"_L1).toString()),
             wallClockToUtc(m_saturday, QTime(10, 0), m_desk.session->timeZone()));
}

void TestFrontDesk::draggingAnAppointmentMovesItOnTheServer() {
    ui::DayView* view = showDay(m_saturday);
    const QRect card = view->cardRect(m_booked);
    QVERIFY(!card.isEmpty());
    const QPoint grip(card.center().x(), card.top() + 8);
    drag(view->viewport(), grip,
         grip + (view->pointAt(0, minute(12)) - view->pointAt(0, minute(10))));
    const QDateTime expected = wallClockToUtc(m_saturday, QTime(12, 0), m_desk.session->timeZone());
    QCOMPARE(m_desk.window->book()->model().appointment(m_booked)->startTime, expected);
    QVERIFY(syncOnce(m_desk.session->engine()));
    const sync::ApiResponse r = serverCopy(m_booked);
    QCOMPARE(fromWireTime(r.data().toObject().value("startTime"_L1).toString()), expected);
}

void TestFrontDesk::theFrontDeskIsNotOfferedCompletingOrHours() {
    // As on the MentalSpace server, which refuses both to the front desk:
    // the demo practice grants nothing beyond the role table.
    ui::DayView* view = showDay(m_saturday);
    QMenu* menu = view->contextMenuAt(view->cardRect(m_booked).center());
    QVERIFY(menu);
    const QStringList offered = textsOf(menu->actions());
    delete menu;
    QVERIFY2(offered.contains(u"Cancel appointment..."_s), qPrintable(offered.join(u", "_s)));
    QVERIFY2(!offers(offered, u"Complete"_s), qPrintable(offered.join(u", "_s)));
    const QStringList schedule = scheduleMenu(*m_desk.window);
    QVERIFY2(offers(schedule, u"New appointment"_s), qPrintable(schedule.join(u", "_s)));
    QVERIFY2(!offers(schedule, u"Availability"_s), qPrintable(schedule.join(u", "_s)));
}

void TestFrontDesk::anAppointmentThatHasStartedIsNotConfirmed() {
    // Booked elsewhere an hour ago: the menu has no Confirm, and asking the
    // desk anyway (a shortcut, a stale menu) says why and changes nothing.
    const QDateTime start = m_clock.now().addSecs(-3600);
    const sync::ApiResponse booked = await(m_admin->post(
        u"/appointments"_s, {{"client"_L1, listAll(*m_admin, u"/clients"_s).last()["_id"_L1]},
                             {"provider"_L1, m_provider.toString()},
                             {"startTime"_L1, toWireTime(start)},
                             {"endTime"_L1, toWireTime(start.addSecs(50 * 60))},
                             {"appointmentType"_L1, u"Consultation"_s},
                             {"allowOverlap"_L1, true}}));
    QVERIFY2(booked.ok(), qPrintable(booked.message));
    const auto id = *domain::ObjectId::fromString(booked.data()["_id"_L1].toString());
    QVERIFY(syncOnce(m_desk.session->engine()));
    ui::CalendarWidget* calendar = m_desk.window->calendar();
    calendar->setMode(ui::CalendarMode::Day);
    calendar->setProvider(m_provider);
    calendar->setDate(localDate(start, m_desk.session->timeZone()));
    ui::DayView* view = calendar->dayView();
    view->scrollToTime(QTime(0, 0).addSecs(
        std::max(0, localMinuteOfDay(start, m_desk.session->timeZone()) * 60 - 1800)));
    std::unique_ptr<QMenu> menu(view->contextMenuAt(view->cardRect(id).center()));
    QVERIFY(menu);
    QVERIFY2(!offers(textsOf(menu->actions()), u"Confirm"_s),
             qPrintable(textsOf(menu->actions()).join(u", "_s)));

    const int pending = m_desk.session->cache().outbox().pendingCount().value();
    m_desk.window->book()->confirm(id);
    QVERIFY2(m_desk.window->statusBar()->currentMessage().contains(u"has started"_s),
             qPrintable(m_desk.window->statusBar()->currentMessage()));
    QCOMPARE(m_desk.session->cache().outbox().pendingCount().value(), pending);
    QCOMPARE(m_desk.window->book()->model().appointment(id)->confirmationStatus,
             domain::ConfirmationStatus::NotSent);
}

void TestFrontDesk::cancellingAsksForAReasonAndReachesTheServer() {
    ui::DayView* view = showDay(m_saturday);
    QMenu* menu = view->contextMenuAt(view->cardRect(m_booked).center());
    QVERIFY(menu);
    QAction* cancel = nullptr;
    for (QAction* a : menu->actions()) {
        if (QString(a->text()).remove(u'&').startsWith(u"Cancel"_s))
            cancel = a;
    }
    QVERIFY(cancel);
    bool okWithoutReason = true;
    whenDialogOpens<ui::CancelDialog>([&](ui::CancelDialog* dialog) {
        dialog->reasonField()->setCurrentIndex(-1);
        dialog->reasonField()->lineEdit()->clear();
        okWithoutReason = dialog->okButton()->isEnabled();
        QTest::keyClicks(dialog->reasonField()->lineEdit(), u"Car broke down"_s);
        dialog->okButton()->click();
    });
    cancel->trigger();
    delete menu;
    QVERIFY(!okWithoutReason);
    QCOMPARE(m_desk.window->book()->model().appointment(m_booked)->status,
             domain::AppointmentStatus::Cancelled);
    QVERIFY(syncOnce(m_desk.session->engine()));
    const QJsonObject onServer = serverCopy(m_booked).data().toObject();
    QCOMPARE(onServer.value("status"_L1).toString(), u"Cancelled"_s);
    QCOMPARE(onServer.value("cancellationReason"_L1).toString(), u"Car broke down"_s);
}

void TestFrontDesk::anotherDesksChangeAppearsAfterASync() {
    // Another desk books the slot straight on the server.
    const QDateTime start = wallClockToUtc(m_saturday, QTime(15, 0), m_desk.session->timeZone());
    const QJsonObject client = listAll(*m_admin, u"/clients"_s).front();
    waitUntilIdle(m_desk.session->engine());
    const sync::ApiResponse made =
        await(m_admin->post(u"/appointments"_s, {{"client"_L1, client.value("_id"_L1)},
                                                 {"provider"_L1, m_provider.toString()},
                                                 {"startTime"_L1, toWireTime(start)},
                                                 {"endTime"_L1, toWireTime(start.addSecs(50 * 60))},
                                                 {"appointmentType"_L1, u"Individual Therapy"_s}}));
    QVERIFY2(made.ok(), qPrintable(made.message));
    const auto id =
        *domain::ObjectId::fromString(made.data().toObject().value("_id"_L1).toString());
    ui::DayView* view = showDay(m_saturday);
    QVERIFY(!m_desk.window->book()->model().appointment(id));
    QVERIFY(syncOnce(m_desk.session->engine()));
    // On screen without anyone touching the calendar.
    QVERIFY(m_desk.window->book()->model().appointment(id).has_value());
    QVERIFY(!view->cardRect(id).isEmpty());
}

void TestFrontDesk::offlineBookingShowsTheBannerAndLandsLater() {
    m_server.stop();
    QVERIFY(!syncOnce(m_desk.session->engine()));
    QVERIFY(m_desk.window->offlineBanner()->isVisible());
    QCOMPARE(m_desk.window->syncIndicator()->state(), ui::SyncState::Offline);

    const domain::ObjectId offline = bookAt(m_saturday, minute(9), u"Alan Turing"_s);
    QVERIFY(!offline.isNull());
    QVERIFY(m_desk.window->syncIndicator()->text().contains(u'1'));

    QVERIFY(m_server.start());
    for (int i = 0; i < 30 && m_desk.session->cache().outbox().pendingCount().value_or(-1) > 0;
         ++i) {
        syncOnce(m_desk.session->engine());
        QTest::qWait(1'100); // the retry waits out its backoff
    }
    QCOMPARE(m_desk.session->cache().outbox().pendingCount().value(), 0);
    QVERIFY(syncOnce(m_desk.session->engine()));
    QVERIFY(!m_desk.window->offlineBanner()->isVisible());
    QVERIFY(serverCopy(offline).ok());
}

void TestFrontDesk::refusedChangeShowsInThePanelAndTakeTheirsResolvesIt() {
    // The other desk changes an appointment; this desk, not yet synced,
    // moves it: the server refuses the move made on the old version.
    const QDateTime start = wallClockToUtc(m_saturday, QTime(15, 0), m_desk.session->timeZone());
    domain::ObjectId target;
    for (const domain::Appointment& a : m_desk.window->book()->model().appointments()) {
        if (a.startTime == start)
            target = a.id();
    }
    QVERIFY(!target.isNull());
    const sync::ApiResponse theirs = await(
        m_admin->put(u"/appointments/"_s + target.toString(), {{"notes"_L1, u"Bring the form"_s}}));
    QVERIFY2(theirs.ok(), qPrintable(theirs.message));

    ui::DayView* view = showDay(m_saturday);
    const QRect card = view->cardRect(target);
    const QPoint grip(card.center().x(), card.top() + 8);
    drag(view->viewport(), grip,
         grip + (view->pointAt(0, minute(16)) - view->pointAt(0, minute(15))));
    syncOnce(m_desk.session->engine()); // refused: ends in Error, not online
    QTRY_COMPARE_WITH_TIMEOUT(m_desk.window->conflictPanel()->count(), 1, 30'000);
    QVERIFY(m_desk.window->conflictDock()->isVisible());

    m_desk.window->conflictPanel()->setCurrentRow(0);
    m_desk.window->conflictPanel()->takeTheirsButton()->click();
    QCOMPARE(m_desk.window->conflictPanel()->count(), 0);
    const auto kept = m_desk.window->book()->model().appointment(target);
    QVERIFY(kept);
    QCOMPARE(kept->startTime, start); // theirs: still at 15:00
    QCOMPARE(kept->notes, u"Bring the form"_s);
}

void TestFrontDesk::aGrantTakenBackShowsTheServersRefusalAndKeepsTheRecord() {
    // The practice lets the front desk complete appointments and keep
    // hours; a desk that signs in then offers both.
    const QJsonObject granted{{"CompleteAppointments"_L1, QJsonArray{u"RECEPTIONIST"_s}},
                              {"WriteAvailability"_L1, QJsonArray{u"RECEPTIONIST"_s}}};
    QVERIFY(await(m_admin->put(u"/settings"_s, {{"widerGrants"_L1, granted}})).ok());
    const QJsonArray clients = await(m_admin->get(u"/clients"_s)).data().toArray();
    QVERIFY(!clients.isEmpty());
    // A Saturday gone by (the demo books weekdays): completing needs an
    // appointment that has started.
    const QDate today = localDate(m_clock.now(), m_desk.session->timeZone());
    const QDate pastSaturday = today.addDays(-today.dayOfWeek() - 1);
    const QDateTime start = wallClockToUtc(pastSaturday, QTime(11, 0), m_desk.session->timeZone());
    const sync::ApiResponse booked = await(
        m_admin->post(u"/appointments"_s, {{"client"_L1, clients.first()["_id"_L1].toString()},
                                           {"provider"_L1, m_provider.toString()},
                                           {"startTime"_L1, toWireTime(start)},
                                           {"endTime"_L1, toWireTime(start.addSecs(50 * 60))},
                                           {"appointmentType"_L1, u"Consultation"_s}}));
    QVERIFY2(booked.ok(), qPrintable(booked.message));
    const auto id = *domain::ObjectId::fromString(booked.data()["_id"_L1].toString());

    DeskSession session(m_server.url(), frontDesk, m_clock, m_desk.cacheDir.filePath(u"granted"_s));
    std::optional<Checked<void>> signedIn;
    session.signIn(QString::fromLatin1(demoPassword),
                   [&](Checked<void> r) { signedIn = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(signedIn.has_value(), 30'000);
    QVERIFY(*signedIn);
    MainWindow window(session);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy synced(&session.engine(), &sync::SyncEngine::syncFinished);
    window.start(3'600'000);
    QVERIFY(synced.wait(60'000));
    QVERIFY(offers(scheduleMenu(window), u"Availability"_s));
    ui::CalendarWidget* calendar = window.calendar();
    calendar->setMode(ui::CalendarMode::Day);
    calendar->setProvider(m_provider);
    calendar->setDate(pastSaturday);
    ui::DayView* view = calendar->dayView();
    view->scrollToTime(QTime(10, 0));
    QMenu* menu = view->contextMenuAt(view->cardRect(id).center());
    QVERIFY(menu);
    QAction* complete = nullptr;
    for (QAction* a : menu->actions()) {
        if (QString(a->text()).remove(u'&') == "Complete"_L1)
            complete = a;
    }
    QVERIFY2(complete, qPrintable(textsOf(menu->actions()).join(u", "_s)));

    // The practice takes the grant back while this desk is signed in; the
    // desk still offers it, the server refuses, and the desk says so with
    // the server's reason.
    QVERIFY(await(m_admin->put(u"/settings"_s, {{"widerGrants"_L1, QJsonObject()}})).ok());
    complete->trigger();
    delete menu;
    // A push that meets a network hiccup is retried after its backoff.
    for (int round = 0; round < 20 && window.conflictPanel()->count() == 0; ++round) {
        if (!syncOnce(session.engine()) && window.conflictPanel()->count() == 0)
            QTest::qWait(1100);
    }
    QCOMPARE(window.conflictPanel()->count(), 1);
    QVERIFY(window.conflictDock()->isVisible());
    window.conflictPanel()->setCurrentRow(0);
    const QString details = window.conflictPanel()->details()->text();
    QVERIFY2(details.contains(u"Refused by the server"_s) &&
                 details.contains(u"CompleteAppointments"_s),
             qPrintable(details));
    QVERIFY(!window.conflictPanel()->keepMineButton()->isEnabled()); // it would be refused again
    QVERIFY(window.conflictPanel()->takeTheirsButton()->isEnabled());
    // The calendar shows what the server holds; the change waits in the panel.
    QCOMPARE(window.book()->model().appointment(id)->status, domain::AppointmentStatus::Scheduled);
    QCOMPARE(serverCopy(id).data()["status"_L1].toString(), u"Scheduled"_s);

    window.conflictPanel()->takeTheirsButton()->click();
    QCOMPARE(window.conflictPanel()->count(), 0);
    const auto kept = window.book()->model().appointment(id);
    QVERIFY(kept); // still there, as the server has it
    QCOMPARE(kept->status, domain::AppointmentStatus::Scheduled);
}

QTEST_MAIN(TestFrontDesk)
#include "tst_frontdesk.moc"
