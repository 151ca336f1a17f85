// Renders every calendar view and the main dialogs with the demo practice
// to PNG files under the build tree (for review and for the docs), and
// checks that each shows something: many colours, not a blank widget.
#include "DemoPractice.h"
#include "GuiDriver.h"
#include "scheduling/Availability.h"
#include "ui/AppointmentDialog.h"
#include "ui/AvailabilityEditor.h"
#include "ui/CalendarModel.h"
#include "ui/CalendarWidget.h"
#include "ui/CancelDialog.h"
#include "ui/CancelledDialog.h"
#include "ui/DaySheet.h"
#include "ui/DayView.h"
#include "ui/EditScopeDialog.h"
#include "ui/MonthView.h"
#include "ui/ProviderView.h"
#include "ui/RecurrenceDialog.h"
#include "ui/WeekView.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QPainter>
#include <QScrollBar>
#include <QSet>
#include <QTest>
#include <QTimeEdit>

using namespace mss;
using namespace mss::test;
using namespace mss::ui;
using namespace Qt::StringLiterals;

class TestScreenshots : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void dayView();
    void dragOntoAConflict();
    void weekView();
    void providerView();
    void monthView();
    void weekOfEveryProvider();
    void cancelledShown();
    void cancelledDialog();
    void appointmentDialogWithConflict();
    void virtualAppointmentDialog();
    void cancelDialog();
    void editScopeDialog();
    void recurrenceDialog();
    void availabilityEditor();
    void daySheet();

private:
    void shoot(QWidget* widget, const QString& name, QSize size = {});
    CalendarWidget* calendar(CalendarMode mode);

    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<CalendarModel> m_model;
    std::unique_ptr<CalendarWidget> m_calendar;
};

void TestScreenshots::initTestCase() {
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QApplication::setFont(QFont(u"DejaVu Sans"_s, 9));
    QVERIFY(QDir().mkpath(QStringLiteral(MSS_SCREENSHOT_DIR)));
    m_clock = std::make_unique<ManualClock>(demo::now());
    m_model = std::make_unique<CalendarModel>();
    demo::fill(*m_model);
}

void TestScreenshots::shoot(QWidget* widget, const QString& name, QSize size) {
    if (size.isValid())
        widget->resize(size);
    widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(widget));
    QTest::qWait(20); // let deferred layouts (scroll bars, popups) settle
    const QImage image = widget->grab().toImage();
    const QString path = QStringLiteral(MSS_SCREENSHOT_DIR "/") + name + u".png"_s;
    QVERIFY2(image.save(path), qPrintable(path));

    // Not blank: a real calendar or dialog has many colours, and no single
    // colour covers nearly all of it.
    QSet<QRgb> colours;
    QHash<QRgb, int> counts;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2) {
            const QRgb c = image.pixel(x, y);
            colours.insert(c);
            ++counts[c];
        }
    }
    const int samples = (image.width() / 2) * (image.height() / 2);
    int most = 0;
    for (const int n : std::as_const(counts))
        most = std::max(most, n);
    QVERIFY2(colours.size() > 12, qPrintable(name));
    QVERIFY2(most < samples * 97 / 100, qPrintable(name));
}

CalendarWidget* TestScreenshots::calendar(CalendarMode mode) {
    if (!m_calendar) {
        m_calendar = std::make_unique<CalendarWidget>(*m_clock);
        m_calendar->setModel(m_model.get());
        m_calendar->resize(1280, 820);
    }
    m_calendar->setDate(demo::today());
    m_calendar->setMode(mode);
    return m_calendar.get();
}

void TestScreenshots::dayView() {
    CalendarWidget* c = calendar(CalendarMode::Day);
    c->setProvider(test::id(1));
    shoot(c, u"day-provider"_s);
    c->setProvider({});
    shoot(c, u"day-all"_s);
}

void TestScreenshots::dragOntoAConflict() {
    CalendarWidget* c = calendar(CalendarMode::Day);
    c->setProvider(test::id(1));
    c->setChecker([this](const domain::Appointment& a) {
        BookingCheck check;
        check.conflicts = scheduling::findConflicts(a, m_model->appointments());
        check.outsideAvailability =
            !scheduling::isWithinAvailability(a, demo::availability(1), demo::zone());
        return check;
    });
    c->show();
    QVERIFY(QTest::qWaitForWindowExposed(c));
    DayView* day = c->dayView();
    const QPoint grab = day->cardRect(test::id(6)).center();
    const QPoint over = grab + (day->pointAt(0, 11 * 60 + 15) - day->pointAt(0, 15 * 60));
    QTest::mousePress(day->viewport(), Qt::LeftButton, {}, grab);
    sendMove(day->viewport(), over, Qt::LeftButton);
    shoot(c, u"day-drag-conflict"_s);
    QTest::mouseRelease(day->viewport(), Qt::LeftButton, {}, grab);
    c->setChecker({});
}

void TestScreenshots::weekView() {
    CalendarWidget* c = calendar(CalendarMode::Week);
    c->setProvider(test::id(1));
    shoot(c, u"week"_s);
    // Seven days fit the width: no horizontal scrolling.
    QCOMPARE(c->weekView()->horizontalScrollBar()->maximum(), 0);
    // The small hours of the same week: clocks went forward on Sunday 8
    // March, so 2:00-3:00 AM that night is hatched.
    c->weekView()->scrollToTime(QTime(0, 0));
    shoot(c, u"week-night-dst"_s);
    c->weekView()->scrollToTime(QTime(7, 30));
}

void TestScreenshots::providerView() {
    CalendarWidget* c = calendar(CalendarMode::Providers);
    shoot(c, u"providers"_s);
}

void TestScreenshots::monthView() {
    CalendarWidget* c = calendar(CalendarMode::Month);
    c->setProvider({});
    shoot(c, u"month"_s);
}

void TestScreenshots::weekOfEveryProvider() {
    // Every provider in one week: each in their colour, the legend and the
    // mini month beside.
    CalendarWidget* c = calendar(CalendarMode::Week);
    c->setProvider({});
    c->weekView()->scrollToTime(QTime(8, 30));
    shoot(c, u"week-all-providers"_s);
    QCOMPARE(c->weekView()->horizontalScrollBar()->maximum(), 0);
    c->weekView()->scrollToTime(QTime(7, 30));
}

void TestScreenshots::cancelledShown() {
    CalendarWidget* c = calendar(CalendarMode::Day);
    c->setProvider(test::id(1));
    c->setShowCancelled(true);
    c->dayView()->scrollToTime(QTime(8, 30));
    shoot(c, u"day-cancelled-shown"_s);
    c->setShowCancelled(false);
    c->dayView()->scrollToTime(QTime(7, 30));
}

void TestScreenshots::cancelledDialog() {
    CancelledDialog dialog;
    domain::Appointment a = *m_model->appointment(test::id(3));
    a.cancellationReason = u"Client illness"_s;
    a.cancellationFee = 25;
    dialog.setAppointment(a, u"Alan Turing, Tue Mar 10 11:00 AM - 11:50 AM with Maya Chen"_s);
    dialog.setTakenBy(u"Edsger Dijkstra, Couples Therapy with Maya Chen, 11:00 AM - 12:00 PM"_s);
    shoot(&dialog, u"cancelled-dialog-taken"_s);
}

void TestScreenshots::appointmentDialogWithConflict() {
    AppointmentDialog dialog;
    dialog.setTimeZone(demo::zone());
    dialog.setProviders(demo::providers());
    dialog.setClients(demo::clients());
    dialog.setConflictDescriber([this](const auto& c) { return m_model->describeConflict(c); });
    dialog.setChecker([this](const domain::Appointment& a) {
        BookingCheck check;
        check.conflicts = scheduling::findConflicts(a, m_model->appointments());
        check.outsideAvailability =
            !scheduling::isWithinAvailability(a, demo::availability(1), demo::zone());
        return check;
    });
    dialog.prepareNew(test::id(1), demo::at(demo::today(), 16, 30),
                      demo::at(demo::today(), 17, 20));
    dialog.clientField()->setText(u"Ada Lovelace"_s);
    shoot(&dialog, u"appointment-dialog-outside-hours"_s);
    dialog.timeField()->setTime(QTime(15, 15));
    shoot(&dialog, u"appointment-dialog-conflict"_s);
}

void TestScreenshots::virtualAppointmentDialog() {
    AppointmentDialog dialog;
    dialog.setTimeZone(demo::zone());
    dialog.setProviders(demo::providers());
    dialog.setClients(demo::clients());
    domain::Appointment a = demo::appointments().at(10);
    dialog.setAppointment(a);
    dialog.clientField()->setText(u"Ada Lovelace"_s);
    dialog.locationField()->setCurrentIndex(int(domain::Location::Virtual));
    dialog.meetingLinkField()->setText(u"https://meet.example.org/chen-1030"_s);
    shoot(&dialog, u"appointment-dialog-virtual"_s);
}

void TestScreenshots::cancelDialog() {
    CancelDialog dialog(*m_clock);
    dialog.setAppointment(u"Donald Knuth, Couples Therapy with Maya Chen, Tue 3:00 PM"_s,
                          demo::at(demo::today(), 15, 0));
    dialog.setLateCancelFee(75);
    shoot(&dialog, u"cancel-dialog-late"_s);
}

void TestScreenshots::editScopeDialog() {
    EditScopeDialog dialog(tr("move"));
    shoot(&dialog, u"edit-scope-dialog"_s);
}

void TestScreenshots::recurrenceDialog() {
    RecurrenceDialog dialog;
    dialog.setTimeZone(demo::zone());
    dialog.setConflictDescriber([this](const auto& c) { return m_model->describeConflict(c); });
    dialog.setChecker([this](const domain::Appointment& a) {
        BookingCheck check;
        check.conflicts = scheduling::findConflicts(a, m_model->appointments());
        return check;
    });
    dialog.setSeed(demo::visit(0, 1, 102, QDate(2026, 3, 3), 15, 0,
                               domain::AppointmentType::IndividualTherapy));
    shoot(&dialog, u"recurrence-dialog"_s, QSize(560, 600));
}

void TestScreenshots::availabilityEditor() {
    AvailabilityEditor editor(*m_clock);
    editor.setProvider(test::id(1), u"Maya Chen"_s);
    auto records = demo::availability(1);
    auto lunch = test::weekly(1, domain::DayOfWeek::Wednesday, "12:00", "13:00");
    lunch.isAvailable = false;
    lunch.notes = u"Supervision"_s;
    records << lunch
            << test::weekly(1, domain::DayOfWeek::Saturday, "09:00", "12:00",
                            domain::AvailabilityLocation::Virtual);
    editor.setRecords(records);
    shoot(&editor, u"availability-editor"_s, QSize(980, 720));
}

void TestScreenshots::daySheet() {
    QImage page(850, 1100, QImage::Format_RGB32);
    page.fill(Qt::white);
    QPainter painter(&page);
    DaySheet(*m_model, test::id(1), demo::today()).render(painter, page.rect());
    painter.end();
    const QString path = QStringLiteral(MSS_SCREENSHOT_DIR "/day-sheet.png");
    QVERIFY(page.save(path));
    QVERIFY(DaySheet(*m_model, test::id(1), demo::today())
                .writePdf(QStringLiteral(MSS_SCREENSHOT_DIR "/day-sheet.pdf")));
}

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
