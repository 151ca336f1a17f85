// The availability editor: drawing weekly hours, removing them, adding
// time off; each edit reaches the model at once and the calendar's shading
// changes with it.
#include "DemoPractice.h"
#include "GuiDriver.h"
#include "PaintedText.h"
#include "scheduling/Availability.h"
#include "ui/AvailabilityEditor.h"
#include "ui/CalendarModel.h"
#include "ui/DayView.h"
#include "ui/Translations.h"
#include "ui/WeeklyHoursGrid.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimeEdit>
#include <QToolButton>

using namespace mss;
using namespace mss::domain;
using namespace mss::test;
using namespace mss::ui;
using namespace Qt::StringLiterals;

namespace {

const QColor closedGrey(0xf1, 0xf3, 0xf6);

} // namespace

class TestAvailabilityEditor : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void drawingWeeklyHoursOpensThemOnTheCalendar();
    void deletingABlockClosesThatTime();
    void timeOffIsMarkedOnTheCalendar();
    void effectiveDatesApplyToNewBlocks();
    void theTimeOffNoteShowsOnTheCalendar();
    void timeOffOverBookingsNamesThemAndOffersToOpenThem();

private:
    QRgb calendarPixel(QDate day, int minute);

    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<CalendarModel> m_model;
    std::unique_ptr<AvailabilityEditor> m_editor;
    std::unique_ptr<DayView> m_day;
};

void TestAvailabilityEditor::initTestCase() {
    // As main() does: English plurals come from the English translation.
    installTranslations(*qApp, QLocale(QLocale::English, QLocale::UnitedKingdom));
}

void TestAvailabilityEditor::init() {
    m_clock = std::make_unique<ManualClock>(demo::now());
    m_model = std::make_unique<CalendarModel>();
    demo::fill(*m_model);
    m_editor = std::make_unique<AvailabilityEditor>(*m_clock);
    m_editor->setProvider(id(1), u"Maya Chen"_s);
    m_editor->setRecords(demo::availability(1));
    m_editor->effectiveFromField()->setDate(QDate(2026, 1, 1));
    // What the application does: save, then hand the records to the model.
    connect(m_editor.get(), &AvailabilityEditor::recordsChanged, m_model.get(),
            &CalendarModel::setAvailability);
    m_editor->resize(900, 700);
    m_editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));

    m_day = std::make_unique<DayView>(*m_clock);
    m_day->setModel(m_model.get());
    m_day->setProvider(id(1));
    m_day->resize(700, 1000);
    m_day->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_day.get()));
}

void TestAvailabilityEditor::cleanup() {
    m_day.reset();
    m_editor.reset();
}

QRgb TestAvailabilityEditor::calendarPixel(QDate day, int minute) {
    m_day->setDate(day);
    m_day->scrollToTime(QTime(6, 0));
    const QImage image = m_day->viewport()->grab().toImage();
    const QPoint p = m_day->pointAt(0, minute);
    return image.pixel(p.x() + 150, p.y());
}

void TestAvailabilityEditor::drawingWeeklyHoursOpensThemOnTheCalendar() {
    const QDate saturday(2026, 3, 14);
    QCOMPARE(QColor(calendarPixel(saturday, 11 * 60 + 10)), closedGrey);

    QSignalSpy spy(m_editor.get(), &AvailabilityEditor::recordsChanged);
    m_editor->locationField()->setCurrentIndex(m_editor->locationField()->findText(u"Virtual"_s));
    WeeklyHoursGrid* grid = m_editor->grid();
    drag(grid, grid->pointAt(DayOfWeek::Saturday, 10 * 60 + 5),
         grid->pointAt(DayOfWeek::Saturday, 14 * 60 - 5));
    QCOMPARE(spy.count(), 1);
    const auto records = spy[0][1].value<QList<ProviderAvailability>>();
    QCOMPARE(records.size(), demo::availability(1).size() + 1);
    const ProviderAvailability& added = records.last();
    QCOMPARE(added.dayOfWeek, DayOfWeek::Saturday);
    QCOMPARE(added.startTime.toString(), u"10:00"_s);
    QCOMPARE(added.endTime.toString(), u"14:00"_s);
    QCOMPARE(added.location, AvailabilityLocation::Virtual);
    QVERIFY(added.isAvailable && added.isRecurring);
    QVERIFY(added.id().isNull());
    QVERIFY(validate(added, QTimeZone("America/New_York")).isEmpty());

    QCOMPARE(QColor(calendarPixel(saturday, 11 * 60 + 10)), QColor(Qt::white));
    QVERIFY(grid->blockRect(int(m_editor->records().size()) - 1 - 2).isValid());
}

void TestAvailabilityEditor::deletingABlockClosesThatTime() {
    const QDate friday(2026, 3, 13);
    QCOMPARE(QColor(calendarPixel(friday, 16 * 60 + 40)), QColor(Qt::white));
    WeeklyHoursGrid* grid = m_editor->grid();
    // Click Friday's block, then Delete.
    QTest::mouseClick(grid, Qt::LeftButton, {}, grid->pointAt(DayOfWeek::Friday, 16 * 60));
    QVERIFY(grid->selectedBlock() >= 0);
    QSignalSpy spy(m_editor.get(), &AvailabilityEditor::recordsChanged);
    QTest::keyClick(grid, Qt::Key_Delete);
    QCOMPARE(spy.count(), 1);
    for (const auto& r : m_editor->records())
        QVERIFY(!(r.isRecurring && r.dayOfWeek == DayOfWeek::Friday));
    QCOMPARE(QColor(calendarPixel(friday, 16 * 60 + 40)), closedGrey);
}

void TestAvailabilityEditor::timeOffIsMarkedOnTheCalendar() {
    const QDate wednesday(2026, 3, 11);
    QCOMPARE(QColor(calendarPixel(wednesday, 11 * 60 + 40)), QColor(Qt::white));
    m_editor->exceptionKindField()->setCurrentIndex(0); // time off
    m_editor->exceptionFromField()->setDate(wednesday);
    m_editor->exceptionToField()->setDate(wednesday);
    m_editor->exceptionNoteField()->setText(u"Conference"_s);
    QTest::mouseClick(m_editor->addExceptionButton(), Qt::LeftButton);
    QCOMPARE(m_editor->exceptionList()->count(), 2); // the lunch meeting and this
    QVERIFY(m_editor->exceptionList()->item(1)->text().contains(u"Conference"_s));
    const QRgb marked = calendarPixel(wednesday, 11 * 60 + 40);
    QVERIFY(QColor(marked) != QColor(Qt::white));
    QVERIFY(qRed(marked) > qBlue(marked) + 10); // the blocked-time red
    // Removing it opens the day again.
    m_editor->exceptionList()->setCurrentRow(1);
    QTest::mouseClick(m_editor->removeExceptionButton(), Qt::LeftButton);
    QCOMPARE(QColor(calendarPixel(wednesday, 11 * 60 + 40)), QColor(Qt::white));
}

void TestAvailabilityEditor::effectiveDatesApplyToNewBlocks() {
    m_editor->effectiveFromField()->setDate(QDate(2026, 4, 1));
    m_editor->untilEnabledField()->setChecked(true);
    m_editor->effectiveUntilField()->setDate(QDate(2026, 6, 30));
    m_editor->kindField()->setCurrentIndex(1); // unavailable
    WeeklyHoursGrid* grid = m_editor->grid();
    drag(grid, grid->pointAt(DayOfWeek::Monday, 12 * 60),
         grid->pointAt(DayOfWeek::Monday, 13 * 60));
    const ProviderAvailability& added = m_editor->records().last();
    QVERIFY(!added.isAvailable);
    QCOMPARE(calendarDate(*added.effectiveDate, QTimeZone("America/New_York")), QDate(2026, 4, 1));
    QCOMPARE(calendarDate(*added.endDate, QTimeZone("America/New_York")), QDate(2026, 6, 30));
    // Not yet in force in March: Monday 9 March at 12:30 is still open.
    QCOMPARE(QColor(calendarPixel(QDate(2026, 3, 9), 12 * 60 + 30)), QColor(Qt::white));
    QVERIFY(QColor(calendarPixel(QDate(2026, 4, 6), 12 * 60 + 30)) != QColor(Qt::white));
}

void TestAvailabilityEditor::theTimeOffNoteShowsOnTheCalendar() {
    const QDate wednesday(2026, 3, 11);
    m_editor->setTimeZone(demo::zone());
    m_editor->exceptionKindField()->setCurrentIndex(0); // time off
    m_editor->exceptionFromField()->setDate(wednesday);
    m_editor->exceptionToField()->setDate(wednesday);
    m_editor->allDayField()->setChecked(false);
    m_editor->exceptionStartField()->setTime(QTime(10, 0));
    m_editor->exceptionEndField()->setTime(QTime(12, 0));
    m_editor->exceptionNoteField()->setText(u"Conference"_s);
    QTest::mouseClick(m_editor->addExceptionButton(), Qt::LeftButton);
    m_day->setDate(wednesday);
    m_day->scrollToTime(QTime(8, 0));
    PaintedText painted(m_day->viewport()->size());
    m_day->viewport()->render(&painted);
    QVERIFY2(painted.contains(u"Unavailable: Conference"_s), qPrintable(painted.all()));
    // Time off without a note says only that.
    m_editor->exceptionFromField()->setDate(wednesday.addDays(1));
    m_editor->exceptionToField()->setDate(wednesday.addDays(1));
    QTest::mouseClick(m_editor->addExceptionButton(), Qt::LeftButton);
    m_day->setDate(wednesday.addDays(1));
    PaintedText plain(m_day->viewport()->size());
    m_day->viewport()->render(&plain);
    QVERIFY2(plain.texts().contains(u"Unavailable"_s), qPrintable(plain.all()));
    QVERIFY(!plain.contains(u"Conference"_s));
}

void TestAvailabilityEditor::timeOffOverBookingsNamesThemAndOffersToOpenThem() {
    // What the application does: looks up what the time off falls on.
    connect(m_editor.get(), &AvailabilityEditor::timeOffAdded, this,
            [this](const ProviderAvailability& off) {
                QList<BookedInTimeOff> booked;
                for (const Appointment& a :
                     scheduling::bookedDuring(off, m_model->appointments(), demo::zone()))
                    booked.append({a.id(), a.startTime, m_model->titleOf(a)});
                m_editor->showBookedInTimeOff(booked);
            });
    QList<ObjectId> opened;
    connect(m_editor.get(), &AvailabilityEditor::openAppointmentRequested, this,
            [&opened](const ObjectId& id) { opened << id; });
    m_editor->setTimeZone(demo::zone());
    QVERIFY(!m_editor->bookedWarning()->isVisible());

    // Tuesday 9:00-12:00: the 9:00, the 10:00 and the 11:00 (not the one
    // cancelled at 11:00).
    m_editor->exceptionKindField()->setCurrentIndex(0);
    m_editor->exceptionFromField()->setDate(demo::today());
    m_editor->exceptionToField()->setDate(demo::today());
    m_editor->allDayField()->setChecked(false);
    m_editor->exceptionStartField()->setTime(QTime(9, 0));
    m_editor->exceptionEndField()->setTime(QTime(12, 0));
    QTest::mouseClick(m_editor->addExceptionButton(), Qt::LeftButton);
    QVERIFY(m_editor->bookedWarning()->isVisible());
    const auto name = [this](int n) { return m_model->titleOf(*m_model->appointment(id(n))); };
    QCOMPARE(m_editor->bookedWarning()->text(),
             u"3 appointments are booked in this time off: Tue 09:00 %1, Tue 10:00 %2, "
             "Tue 11:00 %3"_s.arg(name(1), name(2), name(4)));
    QVERIFY(m_editor->openBookedButton()->isVisible());
    m_editor->openBookedButton()->click();
    QCOMPARE(opened, QList<ObjectId>{id(1)});
    const QList<QAction*> each = m_editor->openBookedButton()->menu()->actions();
    QCOMPARE(each.size(), 3);
    each.at(2)->trigger();
    QCOMPARE(opened, (QList<ObjectId>{id(1), id(4)}));

    // Time off on a free day names nothing.
    m_editor->exceptionFromField()->setDate(demo::today().addDays(12));
    m_editor->exceptionToField()->setDate(demo::today().addDays(12));
    QTest::mouseClick(m_editor->addExceptionButton(), Qt::LeftButton);
    QVERIFY(!m_editor->bookedWarning()->isVisible());
    QVERIFY(!m_editor->openBookedButton()->isVisible());
}

QTEST_MAIN(TestAvailabilityEditor)
#include "tst_availabilityeditor.moc"
