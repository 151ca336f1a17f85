// Time off added over bookings, on the desk against the real demo server:
// the availability dialog names the appointments already booked in it and
// opens the first on the calendar, selected, to move or cancel it.
#include "AppointmentBook.h"
#include "base/WallClock.h"
#include "DemoDeskTest.h"
#include "DeskWindowDriver.h"
#include "MainWindow.h"
#include "OpenDesk.h"
#include "ServerProcess.h"
#include "ui/AvailabilityEditor.h"
#include "ui/CalendarWidget.h"
#include "ui/TimeGridView.h"
#include "ui/Translations.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QTimeEdit>
#include <QToolButton>

using namespace mss;
using namespace mss::desktop;
using namespace mss::test;
using namespace Qt::StringLiterals;

class TestTimeOff : public DemoDeskTest<> {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void timeOffOverBookingsNamesThemAndOpensTheFirst();
};

void TestTimeOff::initTestCase() {
    // As main() does: English plurals come from the English translation.
    ui::installTranslations(*qApp, QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(openDemoDesk(u"admin@demo.practice"_s));
}

void TestTimeOff::cleanupTestCase() {
    m_desk.close();
}

void TestTimeOff::timeOffOverBookingsNamesThemAndOpensTheFirst() {
    MainWindow& window = *m_desk.window;
    const QTimeZone& zone = m_desk.session->timeZone();
    // A weekday ahead: the demo books every weekday.
    QDate day = localDate(m_clock.now(), zone).addDays(2);
    while (day.dayOfWeek() > 5)
        day = day.addDays(1);
    const auto found = m_desk.session->cache().appointments(
        wallClockToUtc(day, 0, zone), wallClockToUtc(day.addDays(1), 0, zone));
    QVERIFY(found);
    std::optional<domain::Appointment> first;
    for (const domain::Appointment& a : *found) {
        if (a.holdsTime() && (!first || a.startTime < first->startTime))
            first = a;
    }
    QVERIFY(first);
    const QString client = window.book()->model().titleOf(*first);
    window.calendar()->setMode(ui::CalendarMode::Week);
    window.calendar()->setProvider(first->provider.id);
    window.calendar()->setDate(day.addDays(-7));

    QAction* availability = menuItem(window, u"Availability…"_s);
    QVERIFY(availability);
    QString warning;
    bool openVisible = false;
    whenDialogOpens<QDialog>([&](QDialog* dialog) {
        auto* editor = dialog->findChild<ui::AvailabilityEditor*>();
        if (!editor) {
            dialog->reject();
            return;
        }
        editor->exceptionKindField()->setCurrentIndex(0); // time off
        editor->exceptionFromField()->setDate(day);
        editor->exceptionToField()->setDate(day);
        editor->allDayField()->setChecked(false);
        editor->exceptionStartField()->setTime(first->startTime.toTimeZone(zone).time());
        editor->exceptionEndField()->setTime(first->endTime.toTimeZone(zone).time());
        editor->exceptionNoteField()->setText(u"Dentist"_s);
        QTest::mouseClick(editor->addExceptionButton(), Qt::LeftButton);
        warning =
            editor->bookedWarning()->isVisible() ? editor->bookedWarning()->text() : QString();
        openVisible = editor->openBookedButton()->isVisible();
        editor->openBookedButton()->click();
        if (dialog->isVisible())
            dialog->reject();
    });
    availability->trigger();

    QVERIFY2(warning.startsWith(u"1 appointment is booked in this time off: "_s),
             qPrintable(warning));
    QVERIFY2(warning.contains(client), qPrintable(warning));
    QVERIFY(openVisible);
    // The dialog closed on the calendar: that day, that appointment selected.
    ui::CalendarWidget* calendar = window.calendar();
    QCOMPARE(calendar->date(), day);
    auto* view = qobject_cast<ui::TimeGridView*>(calendar->currentView());
    QVERIFY(view);
    QCOMPARE(view->selectedAppointment(), first->id());
    // The time off was saved: its note is on the provider's calendar.
    QCOMPARE(window.book()->model().timeOffNote(first->provider.id, first->startTime),
             u"Dentist"_s);
}

QTEST_MAIN(TestTimeOff)
#include "tst_timeoff.moc"
