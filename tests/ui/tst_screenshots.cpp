// Renders every calendar view and the main dialogs with the demo practice
// to PNG files under the build tree (for review and for the docs), and
// checks in each picture what a person would see there: every card the view
// reports drawn in its status colour at that place with its client's name
// in it, a hold hatched unlike a booking, the hour clocks skip hatched, a
// conflict in red, and each dialog's words where its widgets are.
#include "DemoPractice.h"
#include "GuiDriver.h"
#include "PaintedText.h"
#include "scheduling/Availability.h"
#include "ui/AppointmentCard.h"
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

namespace {

// The colour that covers most of `area`: a card's fill, whatever its text
// and marks.
QRgb mostCommonColour(const QImage& image, const QRect& area) {
    QHash<QRgb, int> counts;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x)
            ++counts[image.pixel(x, y)];
    QRgb best = 0;
    int most = -1;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() > most) {
            best = it.key();
            most = it.value();
        }
    }
    return best;
}

int countColour(const QImage& image, const QRect& area, QColor colour) {
    int n = 0;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x)
            n += image.pixel(x, y) == colour.rgb() ? 1 : 0;
    return n;
}

bool isRed(QRgb c) {
    return qRed(c) > 180 && qGreen(c) < 90 && qBlue(c) < 90;
}

// Whether `text`, or its start cut short with "…", was painted with its
// baseline starting inside `area`.
bool paintedIn(const PaintedText& painted, const QString& text, const QRect& area) {
    for (const PaintedText::Item& item : painted.items()) {
        QString shown = item.text;
        const bool cut = shown.endsWith(QChar(0x2026));
        if (cut)
            shown.chop(1);
        bool same = shown.contains(text) || (cut && !shown.isEmpty() && text.startsWith(shown));
        // Cut short: the text's start, alone or after the time ("9:00 Ada L…").
        for (qsizetype n = 2; cut && !same && n <= std::min(shown.size(), text.size()); ++n)
            same = shown.endsWith(u' ' + text.left(n));
        if (same && area.contains(item.at.toPoint()))
            return true;
    }
    return false;
}

// Hatch and shade of a waitlist hold (TimeGridViewPainting.cpp).
const QColor holdHatch(0xc7, 0x8a, 0x1c);
const QColor holdShade(0xfd, 0xf6, 0xe3);
// The hatch of the hour clocks skip.
const QColor missingHatch(0xb8, 0xbe, 0xc8);

} // namespace

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
    void holdIsHatchedUnlikeABooking();

private:
    QImage shoot(QWidget* widget, const QString& name, QSize size = {});
    CalendarWidget* calendar(CalendarMode mode);
    // Every card `view` reports whole on screen, in `shot` of `shown`: its
    // fill is the colour of its status (and provider, in a view of several),
    // its client's name is painted inside it. At least `atLeast` of them.
    void checkCards(TimeGridView* view, const QImage& shot, QWidget* shown, int atLeast,
                    const QList<domain::ObjectId>& except = {});
    // Each text painted in `widget`, over pixels that are not its
    // background in `shot`.
    void checkWords(QWidget* widget, const QImage& shot, const QStringList& texts);

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

QImage TestScreenshots::shoot(QWidget* widget, const QString& name, QSize size) {
    if (size.isValid())
        widget->resize(size);
    widget->show();
    if (!QTest::qWaitForWindowExposed(widget))
        return {};
    QTest::qWait(20); // let deferred layouts (scroll bars, popups) settle
    const QImage image = widget->grab().toImage();
    const QString path = QStringLiteral(MSS_SCREENSHOT_DIR "/") + name + u".png"_s;
    if (!image.save(path))
        qWarning("cannot write %s", qPrintable(path));
    return image;
}

void TestScreenshots::checkCards(TimeGridView* view, const QImage& shot, QWidget* shown,
                                 int atLeast, const QList<domain::ObjectId>& except) {
    PaintedText painted(view->viewport()->size());
    view->viewport()->render(&painted);
    const QPoint offset = view->viewport()->mapTo(shown, QPoint(0, 0));
    const QRect screen = view->viewport()->rect();
    const int titleHeight = QFontMetrics(view->font()).height();
    int checked = 0;
    for (const domain::Appointment& a : m_model->appointments()) {
        const QRect card = view->cardRect(a.id());
        if (card.isEmpty() || !screen.contains(card) || except.contains(a.id()) ||
            card.width() < 60 || card.height() < 2 * titleHeight)
            continue;
        const QColor accent =
            view->showsProviderColours() ? m_model->providerColour(a.provider.id) : QColor();
        const domain::AppointmentType type =
            m_model->showsDetails(a) ? a.appointmentType : domain::AppointmentType::Other;
        const QColor fill = AppointmentCard::fillColour(type, a.status, accent);
        // The card's body, right of its stripe and below its title.
        const QRect body = card.adjusted(10, titleHeight + 2, -4, -3).translated(offset);
        const QString what = u"%1 (%2)"_s.arg(m_model->titleOf(a), a.id().toString());
        QVERIFY2(mostCommonColour(shot, body) == fill.rgb(),
                 qPrintable(what + u": "_s + QColor(mostCommonColour(shot, body)).name() +
                            u" is not "_s + fill.name()));
        QVERIFY2(paintedIn(painted, m_model->titleOf(a), card), qPrintable(what));
        ++checked;
    }
    QVERIFY2(checked >= atLeast, qPrintable(QString::number(checked)));
}

void TestScreenshots::checkWords(QWidget* widget, const QImage& shot, const QStringList& texts) {
    // Each widget on its own, without its children: where it paints a
    // text is then in its own coordinates.
    QList<QWidget*> parts{widget};
    parts << widget->findChildren<QWidget*>();
    for (const QString& text : texts) {
        bool found = false;
        for (QWidget* part : std::as_const(parts)) {
            if (!part->isVisible() || found)
                continue;
            PaintedText painted(part->size());
            part->render(&painted, QPoint(), QRegion(), QWidget::RenderFlags());
            for (const PaintedText::Item& item : painted.items()) {
                if (found || !item.text.contains(text))
                    continue;
                found = true;
                // The glyphs: over the baseline, after the text before it.
                const QFontMetrics metrics(part->font());
                const int before =
                    metrics.horizontalAdvance(item.text.left(item.text.indexOf(text)));
                const QPoint at = part->mapTo(widget, item.at.toPoint());
                const QRect glyphs(at + QPoint(before, -metrics.ascent()),
                                   QSize(metrics.horizontalAdvance(text), metrics.ascent()));
                const QRect inShot = glyphs.intersected(shot.rect());
                QVERIFY2(!inShot.isEmpty(), qPrintable(text));
                const QRgb background = mostCommonColour(shot, inShot);
                int ink = 0;
                for (int y = inShot.top(); y <= inShot.bottom(); ++y)
                    for (int x = inShot.left(); x <= inShot.right(); ++x)
                        ink += qGray(shot.pixel(x, y)) < qGray(background) - 80 ? 1 : 0;
                QVERIFY2(ink >= text.size() * 2,
                         qPrintable(u"%1: %2 dark pixels"_s.arg(text).arg(ink)));
            }
        }
        QVERIFY2(found, qPrintable(text));
    }
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
    const QImage provider = shoot(c, u"day-provider"_s);
    QVERIFY(!provider.isNull());
    checkCards(c->dayView(), provider, c, 4);
    c->setProvider({});
    const QImage all = shoot(c, u"day-all"_s);
    QVERIFY(!all.isNull());
    QVERIFY(c->dayView()->showsProviderColours());
    checkCards(c->dayView(), all, c, 4);
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
    const QRect dragged = day->cardRect(test::id(6));
    const QPoint grab = dragged.center();
    const QPoint over = grab + (day->pointAt(0, 11 * 60 + 15) - day->pointAt(0, 15 * 60));
    QTest::mousePress(day->viewport(), Qt::LeftButton, {}, grab);
    sendMove(day->viewport(), over, Qt::LeftButton);
    const QImage image = shoot(c, u"day-drag-conflict"_s);
    QTest::mouseRelease(day->viewport(), Qt::LeftButton, {}, grab);
    c->setChecker({});
    QVERIFY(!image.isNull());
    // Red where the card would land on Edsger Dijkstra's 11:00, none where
    // it was; the cards the preview does not cover are drawn as ever.
    const QPoint offset = day->viewport()->mapTo(c, QPoint(0, 0));
    const QRect landing =
        QRect(dragged.left(), day->pointAt(0, 11 * 60 + 15).y(), dragged.width(), dragged.height())
            .translated(offset);
    int red = 0;
    for (int y = landing.top(); y <= landing.bottom(); ++y)
        for (int x = landing.left(); x <= landing.right(); ++x)
            red += isRed(image.pixel(x, y)) ? 1 : 0;
    QVERIFY2(red > 80, qPrintable(QString::number(red)));
    int redAtStart = 0;
    const QRect start = dragged.translated(offset);
    for (int y = start.top(); y <= start.bottom(); ++y)
        for (int x = start.left(); x <= start.right(); ++x)
            redAtStart += isRed(image.pixel(x, y)) ? 1 : 0;
    QCOMPARE(redAtStart, 0);
    checkCards(day, image, c, 2, {test::id(3), test::id(4), test::id(6)});
}

void TestScreenshots::weekView() {
    CalendarWidget* c = calendar(CalendarMode::Week);
    c->setProvider(test::id(1));
    const QImage week = shoot(c, u"week"_s);
    QVERIFY(!week.isNull());
    checkCards(c->weekView(), week, c, 6);
    // Seven days fit the width: no horizontal scrolling.
    QCOMPARE(c->weekView()->horizontalScrollBar()->maximum(), 0);
    // The small hours of the same week: clocks went forward on Sunday 8
    // March, so 2:00-3:00 AM that night is hatched, and the night before
    // it is not.
    WeekView* view = c->weekView();
    view->scrollToTime(QTime(0, 0));
    const QImage night = shoot(c, u"week-night-dst"_s);
    QVERIFY(!night.isNull());
    const QPoint offset = view->viewport()->mapTo(c, QPoint(0, 0));
    const int width = view->pointAt(1, 0).x() - view->pointAt(0, 0).x();
    const auto hatchOn = [&](QDate day) {
        for (int column = 0; column < view->columns().size(); ++column) {
            if (view->columns().at(column).date != day)
                continue;
            const QPoint top = view->pointAt(column, 2 * 60 + 10);
            const QPoint bottom = view->pointAt(column, 2 * 60 + 50);
            return countColour(
                night,
                QRect(top.x() - width / 3, top.y(), 2 * width / 3, bottom.y() - top.y())
                    .translated(offset),
                missingHatch);
        }
        return -1;
    };
    QVERIFY2(hatchOn(QDate(2026, 3, 8)) > 20, qPrintable(QString::number(hatchOn({2026, 3, 8}))));
    QCOMPARE(hatchOn(QDate(2026, 3, 9)), 0);
    view->scrollToTime(QTime(7, 30));
}

void TestScreenshots::providerView() {
    CalendarWidget* c = calendar(CalendarMode::Providers);
    const QImage image = shoot(c, u"providers"_s);
    QVERIFY(!image.isNull());
    QVERIFY(c->providerView()->showsProviderColours());
    checkCards(c->providerView(), image, c, 6);
}

void TestScreenshots::monthView() {
    CalendarWidget* c = calendar(CalendarMode::Month);
    c->setProvider({});
    const QImage image = shoot(c, u"month"_s);
    QVERIFY(!image.isNull());
    // Each day's first appointment is a chip in its provider's colour, its
    // time and client written on it; a day without any has no chip.
    MonthView* month = c->monthView();
    PaintedText painted(month->size());
    month->render(&painted);
    const QPoint offset = month->mapTo(c, QPoint(0, 0));
    int days = 0;
    for (QDate day(2026, 3, 1); day.month() == 3; day = day.addDays(1)) {
        const QRect cell = month->cellRect(day);
        const QList<int> rows = month->rowsOn(day);
        const QRect stripe = QRect(cell.left() + 4, cell.top() + 26, 3, 8).translated(offset);
        if (rows.isEmpty()) {
            QCOMPARE(QColor(mostCommonColour(image, stripe)).name(), QColor(Qt::white).name());
            continue;
        }
        const domain::Appointment& first = m_model->appointmentAt(rows.front());
        QCOMPARE(QColor(mostCommonColour(image, stripe)).name(),
                 m_model->providerColour(first.provider.id).name());
        QVERIFY2(paintedIn(painted, m_model->titleOf(first), cell), qPrintable(day.toString()));
        ++days;
    }
    QVERIFY(days >= 4);
}

void TestScreenshots::weekOfEveryProvider() {
    // Every provider in one week: each in their colour, the legend and the
    // mini month beside.
    CalendarWidget* c = calendar(CalendarMode::Week);
    c->setProvider({});
    c->weekView()->scrollToTime(QTime(8, 30));
    const QImage image = shoot(c, u"week-all-providers"_s);
    QVERIFY(!image.isNull());
    QCOMPARE(c->weekView()->horizontalScrollBar()->maximum(), 0);
    QVERIFY(c->weekView()->showsProviderColours());
    checkCards(c->weekView(), image, c, 6);
    c->weekView()->scrollToTime(QTime(7, 30));
}

void TestScreenshots::cancelledShown() {
    CalendarWidget* c = calendar(CalendarMode::Day);
    c->setProvider(test::id(1));
    c->setShowCancelled(true);
    c->dayView()->scrollToTime(QTime(8, 30));
    const QImage image = shoot(c, u"day-cancelled-shown"_s);
    c->setShowCancelled(false);
    QVERIFY(!image.isNull());
    // Alan Turing's cancelled 11:00 is a grey tab beside the live session.
    DayView* day = c->dayView();
    c->setShowCancelled(true);
    const QRect tab = day->cardRect(test::id(3));
    c->setShowCancelled(false);
    QVERIFY(!tab.isEmpty());
    const QRgb grey = image.pixel(tab.center() + day->viewport()->mapTo(c, QPoint(0, 0)));
    QVERIFY2(qAbs(qRed(grey) - qBlue(grey)) < 20 && qRed(grey) > 120,
             qPrintable(QColor(grey).name()));
    checkCards(day, image, c, 4);
    c->dayView()->scrollToTime(QTime(7, 30));
}

void TestScreenshots::cancelledDialog() {
    CancelledDialog dialog;
    domain::Appointment a = *m_model->appointment(test::id(3));
    a.cancellationReason = u"Client illness"_s;
    a.cancellationFee = 25;
    dialog.setAppointment(a, u"Alan Turing, Tue Mar 10 11:00 AM - 11:50 AM with Maya Chen"_s);
    dialog.setTakenBy(u"Edsger Dijkstra, Couples Therapy with Maya Chen, 11:00 AM - 12:00 PM"_s);
    const QImage image = shoot(&dialog, u"cancelled-dialog-taken"_s);
    QVERIFY(!image.isNull());
    checkWords(&dialog, image, {u"Alan Turing"_s, u"Client illness"_s, u"Edsger Dijkstra"_s});
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
    const QImage outside = shoot(&dialog, u"appointment-dialog-outside-hours"_s);
    QVERIFY(!outside.isNull());
    checkWords(&dialog, outside, {u"not available"_s});
    dialog.timeField()->setTime(QTime(15, 15));
    const QImage conflict = shoot(&dialog, u"appointment-dialog-conflict"_s);
    QVERIFY(!conflict.isNull());
    // Donald Knuth's 15:00 with Maya Chen is named.
    checkWords(&dialog, conflict, {u"Donald Knuth"_s});
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
    const QImage image = shoot(&dialog, u"appointment-dialog-virtual"_s);
    QVERIFY(!image.isNull());
    checkWords(&dialog, image, {u"Ada Lovelace"_s, u"meet.example.org"_s});
}

void TestScreenshots::cancelDialog() {
    CancelDialog dialog(*m_clock);
    dialog.setAppointment(u"Donald Knuth, Couples Therapy with Maya Chen, Tue 3:00 PM"_s,
                          demo::at(demo::today(), 15, 0));
    dialog.setLateCancelFee(75);
    const QImage image = shoot(&dialog, u"cancel-dialog-late"_s);
    QVERIFY(!image.isNull());
    checkWords(&dialog, image, {u"Donald Knuth"_s, u"75"_s});
}

void TestScreenshots::editScopeDialog() {
    EditScopeDialog dialog(tr("move"));
    const QImage image = shoot(&dialog, u"edit-scope-dialog"_s);
    QVERIFY(!image.isNull());
    checkWords(&dialog, image, {u"move"_s});
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
    const QImage image = shoot(&dialog, u"recurrence-dialog"_s, QSize(560, 600));
    QVERIFY(!image.isNull());
    // The weekly series from Tuesday 3 March meets Donald Knuth's 15:00 on
    // the 10th: the preview says so.
    checkWords(&dialog, image, {u"Donald Knuth"_s});
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
    const QImage image = shoot(&editor, u"availability-editor"_s, QSize(980, 720));
    QVERIFY(!image.isNull());
    checkWords(&editor, image, {u"Maya Chen"_s, u"Supervision"_s});
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

void TestScreenshots::holdIsHatchedUnlikeABooking() {
    // A waitlist hold at 16:00 beside the booked 15:00: the hold is
    // hatched in amber on its shade and names the client; the booking is
    // its plain fill, with no hatch.
    CalendarWidget* c = calendar(CalendarMode::Day);
    c->setProvider(test::id(1));
    m_model->setHolds({HeldSlot{u"entry-1"_s, test::id(1), demo::at(demo::today(), 16, 0),
                                demo::at(demo::today(), 16, 50), demo::at(demo::today(), 18, 0),
                                u"Grace Hopper"_s}});
    DayView* day = c->dayView();
    day->scrollToTime(QTime(12, 0));
    const QImage image = shoot(c, u"day-hold"_s);
    QVERIFY(!image.isNull());
    const QPoint offset = day->viewport()->mapTo(c, QPoint(0, 0));
    const QRect booking = day->cardRect(test::id(6));
    QVERIFY(day->viewport()->rect().contains(booking));
    const QRect hold(booking.left(), day->pointAt(0, 16 * 60).y(), booking.width(),
                     day->pointAt(0, 16 * 60 + 50).y() - day->pointAt(0, 16 * 60).y());
    QVERIFY(day->viewport()->rect().contains(hold));
    const QRect inHold = hold.adjusted(4, 4, -4, -4).translated(offset);
    const QRect inBooking = booking.adjusted(10, 4, -4, -4).translated(offset);
    QVERIFY2(countColour(image, inHold, holdHatch) > 40,
             qPrintable(QString::number(countColour(image, inHold, holdHatch))));
    QVERIFY(countColour(image, inHold, holdShade) > inHold.width() * inHold.height() / 3);
    QCOMPARE(countColour(image, inBooking, holdHatch), 0);
    QCOMPARE(countColour(image, inBooking, holdShade), 0);
    QCOMPARE(QColor(mostCommonColour(image, inBooking)).name(),
             AppointmentCard::fillColour(domain::AppointmentType::IndividualTherapy,
                                         domain::AppointmentStatus::Scheduled)
                 .name());
    PaintedText painted(day->viewport()->size());
    day->viewport()->render(&painted);
    QVERIFY(paintedIn(painted, u"Held for waitlist"_s, hold));
    QVERIFY(!paintedIn(painted, u"Held for waitlist"_s, booking));
    m_model->setHolds({});
    day->scrollToTime(QTime(7, 30));
}

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
