// A clinician's desk against the real demo server: they open on their own
// schedule with their clients' names; another provider's appointments
// show as "Busy", with no client, notes or link, and cannot be opened,
// moved or cancelled from any view. A reminder's answer (sent, confirmed,
// declined) shows on the card.
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
#include "ui/AppointmentCard.h"
#include "ui/CalendarWidget.h"
#include "ui/DayView.h"
#include "ui/ProviderView.h"

#include <QDialog>
#include <QLabel>
#include <QMenu>
#include <QScrollBar>
#include <QTemporaryDir>

using namespace mss;
using namespace mss::desktop;
using namespace mss::test;
using namespace Qt::StringLiterals;

namespace {

const QString clinician = u"maya.okafor@demo.practice"_s;

} // namespace

class TestClinicianView : public DemoDeskTest<> {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void opensOnTheirOwnScheduleWithTheirClientsNames();
    void othersAppointmentsShowAsBusyWithoutDetails();
    void othersAppointmentsCannotBeOpenedMovedOrCancelled();
    void reminderAnswersShowOnTheCard();
    void noSettingsMenuWithoutManageReminders();

private:
    // A weekday ahead with appointments of this clinician and of others.
    QDate busyDay() const;
    ui::ProviderView* showProviders(QDate day);

    domain::ObjectId m_me;
};

void TestClinicianView::initTestCase() {
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(openDemoDesk(clinician));
    QCOMPARE(m_desk.session->me().role, domain::StaffRole::Clinician);
    m_me = m_desk.session->me().id();

    QVERIFY(signInAdmin());
}

void TestClinicianView::cleanupTestCase() {
    m_desk.close();
}

QDate TestClinicianView::busyDay() const {
    // The demo books every weekday from this week's Monday: the next
    // weekday after tomorrow has appointments of every provider.
    QDate day = localDate(m_clock.now(), m_desk.session->timeZone()).addDays(2);
    while (day.dayOfWeek() > 5)
        day = day.addDays(1);
    return day;
}

ui::ProviderView* TestClinicianView::showProviders(QDate day) {
    ui::CalendarWidget* calendar = m_desk.window->calendar();
    calendar->setMode(ui::CalendarMode::Providers);
    calendar->setDate(day);
    ui::ProviderView* view = calendar->providerView();
    view->verticalScrollBar()->setValue(0);
    view->scrollToTime(QTime(8, 30));
    return view;
}

void TestClinicianView::opensOnTheirOwnScheduleWithTheirClientsNames() {
    QCOMPARE(m_desk.window->calendar()->provider(), m_me);
    QCOMPARE(m_desk.window->findChild<QLabel*>(u"signedInAs"_s)->text(),
             m_desk.session->me().displayName() + u" · clinician"_s);
    showProviders(busyDay());
    const ui::CalendarModel& model = m_desk.window->book()->model();
    int mine = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const domain::Appointment& a = model.appointmentAt(row);
        if (a.provider.id != m_me)
            continue;
        ++mine;
        const QModelIndex index = model.index(row);
        QCOMPARE(index.data(ui::CalendarModel::ClientNameRole).toString(),
                 model.clientName(a.client));
        QVERIFY(index.data(ui::CalendarModel::ClientNameRole).toString() != u"Busy"_s);
    }
    QVERIFY(mine > 0);
}

void TestClinicianView::othersAppointmentsShowAsBusyWithoutDetails() {
    showProviders(busyDay());
    const ui::CalendarModel& model = m_desk.window->book()->model();
    int others = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const domain::Appointment& a = model.appointmentAt(row);
        if (a.provider.id == m_me)
            continue;
        ++others;
        const QModelIndex index = model.index(row);
        QCOMPARE(index.data(ui::CalendarModel::ClientNameRole).toString(), u"Busy"_s);
        QCOMPARE(index.data(Qt::DisplayRole).toString(), u"Busy"_s);
        QVERIFY(index.data(ui::CalendarModel::ClientIdRole).toString().isEmpty());
        const QString tip = index.data(Qt::ToolTipRole).toString();
        QVERIFY(!tip.contains(model.clientName(a.client)));
        QCOMPARE(model.titleOf(a), u"Busy"_s);
    }
    QVERIFY(others > 0);
}

void TestClinicianView::othersAppointmentsCannotBeOpenedMovedOrCancelled() {
    ui::ProviderView* view = showProviders(busyDay());
    const ui::CalendarModel& model = m_desk.window->book()->model();
    domain::ObjectId theirs;
    for (const domain::Appointment& a : model.appointments()) {
        if (a.provider.id != m_me && a.holdsTime() && !view->cardRect(a.id()).isEmpty()) {
            theirs = a.id();
            break;
        }
    }
    QVERIFY(!theirs.isNull());
    const domain::Appointment before = *model.appointment(theirs);
    const QRect card = view->cardRect(theirs);

    // Double-click: no dialog; right-click: nothing to do.
    bool dialogOpened = false;
    whenDialogOpens<QDialog>([&](QDialog* dialog) {
        dialogOpened = true;
        dialog->reject();
    });
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, card.center());
    QTest::qWait(100);
    QVERIFY(!dialogOpened);
    QMenu* menu = view->contextMenuAt(card.center());
    if (menu) {
        for (QAction* action : menu->actions())
            QVERIFY2(!action->isEnabled() || action->isSeparator(), qPrintable(action->text()));
        delete menu;
    }

    // A drag leaves it where it was.
    const QPoint grip(card.center().x(), card.top() + 8);
    drag(view->viewport(), grip, grip + QPoint(0, view->pixelsPerHour()));
    QCOMPARE(model.appointment(theirs)->startTime, before.startTime);

    // Nor does any other path open it.
    QSignalSpy told(m_desk.window->book(), &AppointmentBook::told);
    m_desk.window->book()->edit(theirs);
    QVERIFY(!dialogOpened);
    QCOMPARE(told.size(), 1);
    QVERIFY(!told.front().front().toString().contains(model.clientName(before.client)));
    // Stop the dialog watcher.
    for (QTimer* t : qApp->findChildren<QTimer*>(Qt::FindDirectChildrenOnly))
        t->stop();
}

void TestClinicianView::reminderAnswersShowOnTheCard() {
    // The server records the client's answers; here an admin sets them, as
    // the confirmation link would.
    const QDate day = busyDay();
    ui::DayView* view = m_desk.window->calendar()->dayView();
    m_desk.window->calendar()->setMode(ui::CalendarMode::Day);
    m_desk.window->calendar()->setProvider(m_me);
    m_desk.window->calendar()->setDate(day);
    QList<domain::Appointment> mine;
    for (const domain::Appointment& a : m_desk.window->book()->model().appointments()) {
        if (a.provider.id == m_me && a.holdsTime() &&
            localDate(a.startTime, m_desk.session->timeZone()) == day)
            mine.append(a);
    }
    QVERIFY(mine.size() >= 3);
    const QStringList answers{u"Sent"_s, u"Confirmed"_s, u"Declined"_s};
    waitUntilIdle(m_desk.session->engine());
    for (int i = 0; i < 3; ++i) {
        const sync::ApiResponse r =
            await(m_admin->put(u"/appointments/"_s + mine.at(i).id().toString(),
                               {{"confirmationStatus"_L1, answers.at(i)},
                                {"confirmationSentAt"_L1, toWireTime(m_clock.now())}}));
        QVERIFY2(r.ok(), qPrintable(r.message));
    }
    QVERIFY(syncOnce(m_desk.session->engine()));
    view->scrollToTime(QTime(8, 30));
    const QStringList words{u"Reminder sent"_s, u"Confirmed by client"_s, u"Declined by client"_s};
    const ui::CalendarModel& model = m_desk.window->book()->model();
    for (int i = 0; i < 3; ++i) {
        const auto shown = model.appointment(mine.at(i).id());
        QVERIFY(shown);
        QCOMPARE(domain::toWire(shown->confirmationStatus), answers.at(i));
        // Said in words on hover, and marked on the card's corner.
        const QString tip = model.index(model.rowOf(shown->id())).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(words.at(i)), qPrintable(tip));
        const QRect card = view->cardRect(shown->id());
        QVERIFY(!card.isEmpty());
        const QImage image = view->viewport()->grab().toImage();
        const QRect mark(card.right() - 14, card.top() + 4, 10, 10);
        QSet<QRgb> colours;
        for (int y = mark.top(); y <= mark.bottom(); ++y)
            for (int x = mark.left(); x <= mark.right(); ++x)
                colours.insert(image.pixel(x, y) & 0xffffff);
        const QRgb expected = i == 0   ? qRgb(0xc7, 0x7c, 0x02)  // amber: awaiting
                              : i == 1 ? qRgb(0x1e, 0x8e, 0x3e)  // green: confirmed
                                       : qRgb(0xc6, 0x28, 0x28); // red: declined
        bool near = false;
        for (QRgb c : std::as_const(colours)) {
            near = near || (std::abs(qRed(c) - qRed(expected)) < 40 &&
                            std::abs(qGreen(c) - qGreen(expected)) < 40 &&
                            std::abs(qBlue(c) - qBlue(expected)) < 40);
        }
        QVERIFY2(near, qPrintable(words.at(i)));
    }
}

void TestClinicianView::noSettingsMenuWithoutManageReminders() {
    QVERIFY(!m_desk.window->findChild<QMenu*>(u"settingsMenu"_s));
}

QTEST_MAIN(TestClinicianView)
#include "tst_clinicianview.moc"
