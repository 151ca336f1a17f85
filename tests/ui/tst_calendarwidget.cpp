// The calendar as the main window holds it: navigation bar and views
// together. Today, Previous, Next, the date picker and the view switch
// move every view; the application learns which days to load; every
// request of every view reaches one set of signals.
#include "DemoPractice.h"
#include "GuiDriver.h"
#include "ui/CalendarModel.h"
#include "ui/CalendarWidget.h"
#include "ui/DayView.h"
#include "ui/MonthView.h"
#include "ui/ProviderView.h"
#include "ui/WeekView.h"

#include <QComboBox>
#include <QDateEdit>
#include <QIcon>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace mss;
using namespace mss::test;
using namespace mss::ui;

class TestCalendarWidget : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void opensOnTodayInThePracticeZone();
    void previousAndNextStepByTheViewsPeriod();
    void datePickerAndTodayButtonMoveEveryView();
    void viewSwitchShowsTheChosenView();
    void visibleRangeTellsWhatToLoad();
    void providerPickerFiltersDayAndWeek();
    void requestsOfEveryViewAreForwarded();
    void doubleClickingAMonthDayOpensIt();
    void keyboardShortcutsWorkFromTheViews();
    void navigationIconsAreBuiltIn();

private:
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<CalendarModel> m_model;
    std::unique_ptr<CalendarWidget> m_calendar;
};

void TestCalendarWidget::initTestCase() {
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
}

void TestCalendarWidget::init() {
    // 01:30 UTC on Wednesday is still Tuesday evening in New York.
    m_clock = std::make_unique<ManualClock>(utc("2026-03-11T01:30:00.000Z"));
    m_model = std::make_unique<CalendarModel>();
    demo::fill(*m_model);
    m_calendar = std::make_unique<CalendarWidget>(*m_clock);
    m_calendar->setModel(m_model.get());
    m_calendar->resize(1200, 800);
    m_calendar->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_calendar.get()));
}

void TestCalendarWidget::cleanup() {
    m_calendar.reset();
}

void TestCalendarWidget::opensOnTodayInThePracticeZone() {
    m_calendar->goToday();
    QCOMPARE(m_calendar->date(), demo::today());
    QCOMPARE(m_calendar->dayView()->date(), demo::today());
    QCOMPARE(m_calendar->navigationBar()->datePicker()->date(), demo::today());
}

void TestCalendarWidget::previousAndNextStepByTheViewsPeriod() {
    m_calendar->setDate(demo::today());
    NavigationBar* bar = m_calendar->navigationBar();
    bar->nextButton()->click();
    QCOMPARE(m_calendar->date(), demo::today().addDays(1));
    m_calendar->setMode(CalendarMode::Week);
    bar->nextButton()->click();
    QCOMPARE(m_calendar->date(), demo::today().addDays(8));
    QCOMPARE(m_calendar->weekView()->firstDate(), QDate(2026, 3, 16));
    m_calendar->setMode(CalendarMode::Month);
    bar->previousButton()->click();
    QCOMPARE(m_calendar->date(), QDate(2026, 2, 18));
    QVERIFY(bar->periodText().contains(QLatin1String("February 2026")));
}

void TestCalendarWidget::datePickerAndTodayButtonMoveEveryView() {
    NavigationBar* bar = m_calendar->navigationBar();
    bar->datePicker()->setDate(QDate(2026, 7, 4));
    QCOMPARE(m_calendar->date(), QDate(2026, 7, 4));
    QCOMPARE(m_calendar->providerView()->date(), QDate(2026, 7, 4));
    QCOMPARE(m_calendar->monthView()->date(), QDate(2026, 7, 4));
    bar->todayButton()->click();
    QCOMPARE(m_calendar->date(), demo::today());
}

void TestCalendarWidget::viewSwitchShowsTheChosenView() {
    NavigationBar* bar = m_calendar->navigationBar();
    QSignalSpy modes(m_calendar.get(), &CalendarWidget::modeChanged);
    bar->modeButton(CalendarMode::Providers)->click();
    QCOMPARE(m_calendar->mode(), CalendarMode::Providers);
    QCOMPARE(m_calendar->currentView(), m_calendar->providerView());
    QCOMPARE(m_calendar->providerView()->columns().size(), 4);
    bar->modeButton(CalendarMode::Month)->click();
    QCOMPARE(m_calendar->currentView(), m_calendar->monthView());
    bar->modeButton(CalendarMode::Week)->click();
    QCOMPARE(m_calendar->currentView(), m_calendar->weekView());
    QVERIFY(bar->modeButton(CalendarMode::Week)->isChecked());
    QCOMPARE(modes.count(), 3);
}

void TestCalendarWidget::visibleRangeTellsWhatToLoad() {
    m_calendar->setDate(demo::today());
    QSignalSpy range(m_calendar.get(), &CalendarWidget::visibleRangeChanged);
    m_calendar->setMode(CalendarMode::Week);
    QCOMPARE(range.count(), 1);
    QCOMPARE(range[0][0].toDate(), QDate(2026, 3, 9));
    QCOMPARE(range[0][1].toDate(), QDate(2026, 3, 15));
    m_calendar->setMode(CalendarMode::Month);
    QCOMPARE(range.last()[0].toDate(), QDate(2026, 2, 23));
    QCOMPARE(range.last()[1].toDate(), QDate(2026, 4, 5));
    // Moving within the same month changes nothing to load.
    const qsizetype before = range.count();
    m_calendar->setDate(demo::today().addDays(1));
    QCOMPARE(range.count(), before);
}

void TestCalendarWidget::providerPickerFiltersDayAndWeek() {
    m_calendar->setDate(demo::today());
    QComboBox* picker = m_calendar->navigationBar()->providerPicker();
    QCOMPARE(picker->count(), 5); // All providers + four
    QVERIFY(!m_calendar->dayView()->provider());
    const int sarah = picker->findText(QLatin1String("Sarah Lindqvist"));
    QVERIFY(sarah > 0);
    picker->setCurrentIndex(sarah);
    emit picker->activated(sarah);
    QCOMPARE(m_calendar->provider(), id(3));
    QCOMPARE(m_calendar->dayView()->provider(), std::optional(id(3)));
    m_calendar->setMode(CalendarMode::Week);
    QCOMPARE(m_calendar->weekView()->provider(), id(3));
}

void TestCalendarWidget::requestsOfEveryViewAreForwarded() {
    m_calendar->setDate(demo::today());
    QSignalSpy create(m_calendar.get(), &CalendarWidget::newAppointmentRequested);
    QSignalSpy move(m_calendar.get(), &CalendarWidget::moveRequested);
    m_calendar->setMode(CalendarMode::Providers);
    ProviderView* view = m_calendar->providerView();
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, view->pointAt(3, 10 * 60 + 5));
    QCOMPARE(create.count(), 1);
    QCOMPARE(create[0][0].value<domain::ObjectId>(), id(4));
    const QRect card = view->cardRect(id(12));
    const int hour = view->pointAt(0, 60).y() - view->pointAt(0, 0).y();
    drag(view->viewport(), card.center(), card.center() + QPoint(0, hour));
    QCOMPARE(move.count(), 1);
    QCOMPARE(move[0][1].toDateTime(), demo::at(demo::today(), 15, 0));
}

void TestCalendarWidget::doubleClickingAMonthDayOpensIt() {
    m_calendar->setMode(CalendarMode::Month);
    MonthView* month = m_calendar->monthView();
    const QDate day(2026, 3, 20);
    QTest::mouseDClick(month, Qt::LeftButton, {}, month->cellRect(day).center());
    QCOMPARE(m_calendar->mode(), CalendarMode::Day);
    QCOMPARE(m_calendar->date(), day);
}

void TestCalendarWidget::keyboardShortcutsWorkFromTheViews() {
    m_calendar->setDate(QDate(2026, 5, 1));
    DayView* day = m_calendar->dayView();
    QTest::keyClick(day, Qt::Key_Right);
    QCOMPARE(m_calendar->date(), QDate(2026, 5, 2));
    QTest::keyClick(day, Qt::Key_Left);
    QTest::keyClick(day, Qt::Key_Left);
    QCOMPARE(m_calendar->date(), QDate(2026, 4, 30));
    QTest::keyClick(day, Qt::Key_T);
    QCOMPARE(m_calendar->date(), demo::today());
    // Zoom applies to every time grid.
    QTest::keyClick(day, Qt::Key_Plus, Qt::ControlModifier);
    QCOMPARE(m_calendar->weekView()->pixelsPerHour(), day->pixelsPerHour());
    QCOMPARE(m_calendar->providerView()->pixelsPerHour(), day->pixelsPerHour());
}

void TestCalendarWidget::navigationIconsAreBuiltIn() {
    NavigationBar* bar = m_calendar->navigationBar();
    for (QToolButton* b :
         {bar->previousButton(), bar->nextButton(), bar->modeButton(CalendarMode::Week)}) {
        QVERIFY(!b->icon().isNull());
        QVERIFY(!b->icon().pixmap(16, 16).isNull());
    }
    QVERIFY(!QIcon(QStringLiteral(":/icons/mentalspace-scheduler.svg")).pixmap(64, 64).isNull());
}

QTEST_MAIN(TestCalendarWidget)
#include "tst_calendarwidget.moc"
