// The calendar as the main window holds it: navigation bar and views
// together. Today, Previous, Next, the date picker and the view switch
// move every view; the application learns which days to load; every
// request of every view reaches one set of signals. Week with every
// provider shows them all, each in their colour with a legend beside; the
// mini month goes to the day clicked and marks days with appointments; the
// location picker leaves the other locations out.
#include "DemoPractice.h"
#include "GuiDriver.h"
#include "ui/AppointmentCard.h"
#include "ui/CalendarModel.h"
#include "ui/CalendarWidget.h"
#include "ui/DayView.h"
#include "ui/MonthView.h"
#include "ui/ProviderColours.h"
#include "ui/ProviderLegend.h"
#include "ui/ProviderView.h"
#include "ui/WeekView.h"

#include <QComboBox>
#include <QDateEdit>
#include <QIcon>
#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTextCharFormat>
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
    void weekWithAllProvidersShowsEveryProvidersCards();
    void theLegendNamesEachColourInViewsOfSeveralProviders();
    void clickingADayOfTheMiniMonthGoesThere();
    void theMiniMonthMarksDaysWithAppointments();
    void theLocationPickerLeavesOtherLocationsOut();
    void theDateBoxArrowsMoveADayNotAYear();
    void goingToACancelledAppointmentShowsIt();

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
    QCOMPARE(m_calendar->weekView()->provider(), std::optional(id(3)));
    // "All providers" is a choice in the week too.
    picker->setCurrentIndex(0);
    emit picker->activated(0);
    QCOMPARE(m_calendar->weekView()->provider(), std::nullopt);
    QCOMPARE(picker->currentText(), QLatin1String("All providers"));
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

void TestCalendarWidget::weekWithAllProvidersShowsEveryProvidersCards() {
    m_calendar->setDate(demo::today());
    m_calendar->setProvider({});
    m_calendar->setMode(CalendarMode::Week);
    WeekView* week = m_calendar->weekView();
    week->scrollToTime(QTime(8, 30));
    QCOMPARE(m_calendar->navigationBar()->providerPicker()->currentText(),
             QLatin1String("All providers"));
    QCOMPARE(week->columns().size(), 7);
    // Tuesday's cards of all four providers, in Tuesday's column (the
    // second: the week starts on Monday here).
    const int columnWidth = week->pointAt(2, 0).x() - week->pointAt(1, 0).x();
    const int tuesdayLeft = week->pointAt(1, 0).x() - columnWidth / 2;
    for (const int appointment : {1, 7, 10, 13}) {
        const QRect card = week->cardRect(id(appointment));
        QVERIFY2(!card.isEmpty(), qPrintable(QString::number(appointment)));
        QVERIFY2(card.left() >= tuesdayLeft && card.right() <= tuesdayLeft + columnWidth,
                 qPrintable(QString::number(appointment)));
    }
    // Each in its provider's colour: James Okafor (the second) wears the
    // palette's second colour, Maya Chen (the first) the first.
    QVERIFY(week->showsProviderColours());
    const QImage image = week->viewport()->grab().toImage();
    const auto fillAt = [&](int appointment) {
        const QRect card = week->cardRect(id(appointment));
        return image.pixel(card.right() - 6, card.bottom() - 4);
    };
    QCOMPARE(fillAt(7), AppointmentCard::fillColour(domain::AppointmentType::FamilyTherapy,
                                                    domain::AppointmentStatus::Confirmed,
                                                    ProviderColours::palette().at(1))
                            .rgb());
    QCOMPARE(fillAt(10), AppointmentCard::fillColour(domain::AppointmentType::IndividualTherapy,
                                                     domain::AppointmentStatus::Confirmed,
                                                     ProviderColours::palette().at(2))
                             .rgb());
    // One provider's week: the type's colours again.
    m_calendar->setProvider(id(1));
    QVERIFY(!week->showsProviderColours());
    QVERIFY(week->cardRect(id(7)).isEmpty());
}

void TestCalendarWidget::theLegendNamesEachColourInViewsOfSeveralProviders() {
    m_calendar->setDate(demo::today());
    m_calendar->setMode(CalendarMode::Providers);
    ProviderLegend* legend = m_calendar->legend();
    QVERIFY(legend->isVisible());
    QCOMPARE(legend->entries().size(), 4);
    QCOMPARE(legend->entries().at(0).name, QLatin1String("Maya Chen"));
    QCOMPARE(legend->entries().at(0).colour, QColor(0xe6, 0x9f, 0x00)); // Okabe-Ito orange
    QCOMPARE(legend->entries().at(3).name, QLatin1String("Priya Raman"));
    QCOMPARE(legend->entries().at(3).colour, QColor(0xf0, 0xe4, 0x42)); // yellow
    QStringList shown;
    for (const QLabel* l : legend->findChildren<QLabel*>(QStringLiteral("legendName")))
        shown << l->text();
    QVERIFY(shown.contains(QLatin1String("James Okafor")));
    // The cards wear the colours the legend names.
    ProviderView* view = m_calendar->providerView();
    view->scrollToTime(QTime(8, 30));
    const QImage image = view->viewport()->grab().toImage();
    const QRect card = view->cardRect(id(13)); // Priya Raman's
    QCOMPARE(QColor(image.pixel(card.left() + 4, card.center().y())),
             legend->entries().at(3).colour);
    // One provider's day: no legend, no provider colours.
    m_calendar->setMode(CalendarMode::Day);
    m_calendar->setProvider(id(1));
    QVERIFY(!legend->isVisible());
    m_calendar->setProvider({});
    QVERIFY(legend->isVisible());
}

namespace {

// The cell of the mini month's grid that shows `day` (a day number that
// appears once in the grid, such as the 20th).
QRect miniMonthCell(QCalendarWidget* mini, int day) {
    auto* table = mini->findChild<QTableView*>();
    if (!table)
        return {};
    const QAbstractItemModel* model = table->model();
    for (int r = 1; r < model->rowCount(); ++r)
        for (int c = 0; c < model->columnCount(); ++c)
            if (model->index(r, c).data().toInt() == day)
                return table->visualRect(model->index(r, c));
    return {};
}

} // namespace

void TestCalendarWidget::clickingADayOfTheMiniMonthGoesThere() {
    m_calendar->setDate(demo::today());
    m_calendar->setMode(CalendarMode::Week);
    MiniMonth* mini = m_calendar->miniMonth();
    QVERIFY(mini->isVisible());
    QCOMPARE(mini->selectedDate(), demo::today());
    auto* table = mini->findChild<QTableView*>();
    const QRect cell = miniMonthCell(mini, 20);
    QVERIFY(!cell.isEmpty());
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(m_calendar->date(), QDate(2026, 3, 20));
    QCOMPARE(m_calendar->mode(), CalendarMode::Week); // the view stays
    QCOMPARE(m_calendar->weekView()->firstDate(), QDate(2026, 3, 16));
    // And it follows the calendar.
    m_calendar->goNext();
    QCOMPARE(mini->selectedDate(), QDate(2026, 3, 27));
}

void TestCalendarWidget::theMiniMonthMarksDaysWithAppointments() {
    m_calendar->setDate(demo::today());
    MiniMonth* mini = m_calendar->miniMonth();
    // The demo week: Monday 9 to Friday 13 March; nothing on the 20th.
    for (int day = 9; day <= 13; ++day) {
        QVERIFY2(mini->markedDays().contains(QDate(2026, 3, day)),
                 qPrintable(QString::number(day)));
        QCOMPARE(mini->dateTextFormat(QDate(2026, 3, day)).fontWeight(), int(QFont::Bold));
    }
    QVERIFY(!mini->markedDays().contains(QDate(2026, 3, 20)));
    QVERIFY(mini->dateTextFormat(QDate(2026, 3, 20)).fontWeight() != int(QFont::Bold));
    // A new appointment marks its day at once.
    domain::Appointment a = demo::visit(90, 2, 103, QDate(2026, 3, 20), 9, 0,
                                        domain::AppointmentType::IndividualTherapy);
    m_model->setAppointments(m_model->appointments() + QList{a});
    QVERIFY(mini->markedDays().contains(QDate(2026, 3, 20)));
    // One provider's marks: Maya Chen works none of those on the 20th.
    m_calendar->setProvider(id(1));
    QVERIFY(!mini->markedDays().contains(QDate(2026, 3, 20)));
    QVERIFY(mini->markedDays().contains(QDate(2026, 3, 12)));
}

void TestCalendarWidget::theLocationPickerLeavesOtherLocationsOut() {
    m_calendar->setDate(demo::today());
    m_calendar->setMode(CalendarMode::Providers);
    ProviderView* view = m_calendar->providerView();
    view->scrollToTime(QTime(8, 30));
    QVERIFY(!view->cardRect(id(1)).isEmpty());  // in the office
    QVERIFY(!view->cardRect(id(11)).isEmpty()); // by video
    QComboBox* picker = m_calendar->locationPicker();
    QCOMPARE(picker->currentText(), QLatin1String("All locations"));
    picker->setFocus();
    QTest::keyClick(picker, Qt::Key_Down); // Office
    QTest::keyClick(picker, Qt::Key_Down); // Virtual
    QCOMPARE(picker->currentText(), QLatin1String("Virtual"));
    QCOMPARE(m_calendar->filter().location, std::optional(domain::Location::Virtual));
    QVERIFY(view->cardRect(id(1)).isEmpty());
    QVERIFY(!view->cardRect(id(11)).isEmpty());
    // The month too.
    m_calendar->setMode(CalendarMode::Month);
    QCOMPARE(m_calendar->monthView()->rowsOn(demo::today()).size(), 1);
    QTest::keyClick(picker, Qt::Key_Home);
    QCOMPARE(picker->currentText(), QLatin1String("All locations"));
    QVERIFY(m_calendar->monthView()->rowsOn(demo::today()).size() > 5);
}

void TestCalendarWidget::theDateBoxArrowsMoveADayNotAYear() {
    m_calendar->setDate(QDate(2026, 12, 31));
    QDateEdit* box = m_calendar->navigationBar()->datePicker();
    box->setFocus();
    // The cursor in the year: Up still moves one day, into the next year.
    box->setCurrentSection(QDateTimeEdit::YearSection);
    QTest::keyClick(box, Qt::Key_Up);
    QCOMPARE(m_calendar->date(), QDate(2027, 1, 1));
    box->setCurrentSection(QDateTimeEdit::MonthSection);
    QTest::keyClick(box, Qt::Key_Down);
    QTest::keyClick(box, Qt::Key_Down);
    QCOMPARE(m_calendar->date(), QDate(2026, 12, 30));
    // Typing a date still goes there.
    box->setCurrentSection(QDateTimeEdit::YearSection);
    box->setDate(QDate(2026, 3, 20));
    QCOMPARE(m_calendar->date(), QDate(2026, 3, 20));
}

void TestCalendarWidget::goingToACancelledAppointmentShowsIt() {
    // A search result that the filter leaves out: shown all the same.
    m_calendar->setDate(QDate(2026, 4, 1));
    QSignalSpy filter(m_calendar.get(), &CalendarWidget::filterChanged);
    QVERIFY(!m_calendar->filter().showCancelled);
    QVERIFY(m_calendar->showAppointment(id(3), demo::today(), id(1)));
    QVERIFY(m_calendar->filter().showCancelled);
    QCOMPARE(filter.count(), 1);
    auto* grid = qobject_cast<TimeGridView*>(m_calendar->currentView());
    QVERIFY(grid);
    QCOMPARE(grid->selectedAppointment(), id(3));
}

QTEST_MAIN(TestCalendarWidget)
#include "tst_calendarwidget.moc"
