// The booking dialog as the front desk opens it, against the real server
// with the demo practice, on a Sunday morning: Ctrl+N offers the next free
// time of the provider on screen (never the closed Sunday with "Choose a
// provider"); a click on the calendar picks the quarter hour that Ctrl+N
// books; a time typed into the dialog is the time the server receives.
#include "AppointmentBook.h"
#include "base/WallClock.h"
#include "DemoDeskTest.h"
#include "Desk.h"
#include "DeskSession.h"
#include "DeskWindowDriver.h"
#include "MainWindow.h"
#include "OpenDesk.h"
#include "ServerProcess.h"
#include "ui/AppointmentDialog.h"
#include "ui/CalendarWidget.h"
#include "ui/DayView.h"
#include "ui/TimeField.h"

#include <QComboBox>
#include <QLabel>
#include <QScrollBar>

using namespace mss;
using namespace mss::desktop;
using namespace mss::test;
using namespace Qt::StringLiterals;

namespace {

const QTimeZone practiceZone("America/New_York");

// Next Sunday, 10:20 at the practice: the office is closed all day.
QDateTime sundayMorning() {
    const QDate today = localDate(QDateTime::currentDateTimeUtc(), practiceZone);
    return wallClockToUtc(today.addDays(7 - today.dayOfWeek() + 7), QTime(10, 20), practiceZone);
}

// What the booking dialog showed when it opened.
struct Opened {
    bool shown = false;
    domain::ObjectId provider;
    QDateTime start;
    bool free = false; // no collision and within the provider's hours
    bool saved = false;
};

} // namespace

class TestDeskBooking : public DemoDeskTest<ManualClock> {
    Q_OBJECT

public:
    TestDeskBooking()
        : DemoDeskTest(sundayMorning()) {}

private slots:
    void initTestCase();
    void cleanupTestCase();
    void ctrlNOnASundayOffersTheNextFreeTimeOfTheProviderOnScreen();
    void ctrlNWithEveryProviderOnScreenPicksSomeoneFree();
    void aClickPicksTheQuarterHourThatCtrlNBooks();
    void aTimeTypedIntoTheDialogIsTheTimeBooked();

private:
    // Ctrl+N as typed on the calendar; the dialog answered with `client`.
    Opened pressCtrlN(const QString& client);
    // The server's appointments of `provider` starting at `start`.
    sync::ApiResponse serverCopyAt(const QDateTime& start, const domain::ObjectId& provider);
};

void TestDeskBooking::initTestCase() {
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    QVERIFY(openDemoDesk(frontDesk));
    QCOMPARE(m_desk.session->timeZone(), practiceZone);
    m_desk.window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_desk.window.get()));
    QVERIFY(signInAdmin());
}

void TestDeskBooking::cleanupTestCase() {
    m_desk.close();
}

Opened TestDeskBooking::pressCtrlN(const QString& client) {
    Opened opened;
    whenDialogOpens<ui::AppointmentDialog>([&](ui::AppointmentDialog* dialog) {
        opened.shown = true;
        const domain::Appointment a = dialog->appointment();
        opened.provider = a.provider.id;
        opened.start = a.startTime;
        const ui::BookingCheck check = dialog->lastCheck();
        opened.free = check.conflicts.isEmpty() && !check.outsideAvailability;
        opened.saved = !client.isEmpty() ? chooseClientAndSave(dialog, client) : false;
        if (client.isEmpty())
            dialog->reject();
    });
    // The window is the active one again after a dialog, as on a desktop.
    m_desk.window->activateWindow();
    if (!QTest::qWaitForWindowActive(m_desk.window.get()))
        qWarning("the window is not active");
    QWidget* target =
        QApplication::focusWidget() ? QApplication::focusWidget() : m_desk.window.get();
    QTest::keyClick(target, Qt::Key_N, Qt::ControlModifier);
    return opened;
}

sync::ApiResponse TestDeskBooking::serverCopyAt(const QDateTime& start,
                                                const domain::ObjectId& provider) {
    QUrlQuery q;
    q.addQueryItem(u"provider"_s, provider.toString());
    q.addQueryItem(u"startTime[gte]"_s, toWireTime(start));
    q.addQueryItem(u"startTime[lt]"_s, toWireTime(start.addSecs(60)));
    q.addQueryItem(u"status[ne]"_s, u"Cancelled"_s);
    return await(m_admin->get(u"/appointments"_s, q));
}

void TestDeskBooking::ctrlNOnASundayOffersTheNextFreeTimeOfTheProviderOnScreen() {
    ui::CalendarWidget* calendar = m_desk.window->calendar();
    // As the desk opens: this week, every provider (Week shows the first).
    QCOMPARE(calendar->mode(), ui::CalendarMode::Week);
    QVERIFY(calendar->provider().isNull());
    QCOMPARE(calendar->date().dayOfWeek(), 7);
    const domain::ObjectId shown = calendar->shownProvider();
    QVERIFY(!shown.isNull());

    // The first free time: nothing free between now and then.
    const QDateTime now = m_clock.now();
    const auto first = m_desk.window->book()->openSlotAfter(shown, 50, now);
    QVERIFY(first);
    const Opened opened = pressCtrlN(u"Ada Lovelace"_s);
    QVERIFY(opened.shown);
    QCOMPARE(opened.provider, shown); // not "Choose a provider"
    QVERIFY2(opened.start >= now, qPrintable(opened.start.toString(Qt::ISODate)));
    QVERIFY2(localDate(opened.start, practiceZone).dayOfWeek() != 7,
             qPrintable(opened.start.toString(Qt::ISODate)));
    QVERIFY(opened.free);
    QCOMPARE(std::optional(opened.start), first);
    QVERIFY(opened.saved);
    QVERIFY(syncOnce(m_desk.session->engine()));
    const sync::ApiResponse r = serverCopyAt(opened.start, shown);
    QVERIFY2(r.ok(), qPrintable(r.message));
    QCOMPARE(r.body.value("count"_L1).toInt(), 1);
}

void TestDeskBooking::ctrlNWithEveryProviderOnScreenPicksSomeoneFree() {
    ui::CalendarWidget* calendar = m_desk.window->calendar();
    calendar->setMode(ui::CalendarMode::Providers);
    calendar->goToday();
    QVERIFY(calendar->shownProvider().isNull());
    const Opened opened = pressCtrlN({});
    QVERIFY(opened.shown);
    QVERIFY(!opened.provider.isNull());
    QVERIFY(opened.start >= m_clock.now());
    QVERIFY(localDate(opened.start, practiceZone).dayOfWeek() != 7);
    QVERIFY(opened.free);
    calendar->setMode(ui::CalendarMode::Week);
}

void TestDeskBooking::aClickPicksTheQuarterHourThatCtrlNBooks() {
    // Saturday: nobody is booked, so any quarter hour is free.
    const QDate saturday = localDate(m_clock.now(), practiceZone).addDays(6);
    const domain::ObjectId provider = firstProvider();
    ui::CalendarWidget* calendar = m_desk.window->calendar();
    calendar->setMode(ui::CalendarMode::Day);
    calendar->setProvider(provider);
    calendar->setDate(saturday);
    ui::DayView* view = calendar->dayView();
    view->scrollToTime(QTime(13, 0));
    // The lower half of 14:45-15:00: the quarter hour under the pointer,
    // not the hour, not the nearest line.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->pointAt(0, 14 * 60 + 56));
    const Opened opened = pressCtrlN(u"Grace Hopper"_s);
    QVERIFY(opened.shown);
    QCOMPARE(opened.provider, provider);
    const QDateTime expected = wallClockToUtc(saturday, QTime(14, 45), practiceZone);
    QCOMPARE(opened.start, expected);
    QVERIFY(opened.saved);
    QVERIFY(syncOnce(m_desk.session->engine()));
    const sync::ApiResponse r = serverCopyAt(expected, provider);
    QVERIFY2(r.ok(), qPrintable(r.message));
    QCOMPARE(r.body.value("count"_L1).toInt(), 1);
}

void TestDeskBooking::aTimeTypedIntoTheDialogIsTheTimeBooked() {
    const QDate saturday = localDate(m_clock.now(), practiceZone).addDays(6);
    ui::DayView* view = m_desk.window->calendar()->dayView();
    view->scrollToTime(QTime(8, 0));
    bool saved = false;
    QString problem;
    whenDialogOpens<ui::AppointmentDialog>([&](ui::AppointmentDialog* dialog) {
        ui::TimeField* time = dialog->timeField();
        time->setFocus();
        QTest::keyClick(time, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(time, u"25:99"_s);
        problem = dialog->timeProblemLabel()->text();
        QTest::keyClick(time, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(time, u"4:30p"_s);
        saved = chooseClientAndSave(dialog, u"Alan Turing"_s);
    });
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, view->pointAt(0, 9 * 60 + 5));
    QCOMPARE(problem, u"'25:99' is not a time"_s);
    QVERIFY(saved);
    QVERIFY(syncOnce(m_desk.session->engine()));
    const sync::ApiResponse r = serverCopyAt(wallClockToUtc(saturday, QTime(16, 30), practiceZone),
                                             m_desk.window->calendar()->provider());
    QVERIFY2(r.ok(), qPrintable(r.message));
    QCOMPARE(r.body.value("count"_L1).toInt(), 1);
}

QTEST_MAIN(TestDeskBooking)
#include "tst_deskbooking.moc"
