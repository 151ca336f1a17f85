// What the time grids paint: availability shaded and blocked time marked,
// the now-line at the injected clock's time, status visible on the cards,
// overlaps side by side, DST days on the wall clock, the zoom, busy
// appointments, and a conflict shown while dragging.
#include "DemoCalendarTest.h"
#include "DemoPractice.h"
#include "GuiDriver.h"
#include "scheduling/Availability.h"
#include "ui/AppointmentCard.h"
#include "ui/CalendarModel.h"
#include "ui/DayView.h"
#include "ui/ProviderColours.h"
#include "ui/ProviderView.h"
#include "ui/WeekView.h"

#include <QAction>
#include <QMenu>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace mss;
using namespace mss::domain;
using namespace mss::test;
using namespace mss::ui;
using namespace Qt::StringLiterals;

namespace {

int minute(int hour, int min = 0) {
    return hour * 60 + min;
}

bool isRed(QRgb c) {
    return qRed(c) > 180 && qGreen(c) < 90 && qBlue(c) < 90;
}

// The longest horizontal run of dark pixels in a band of rows: a line
// struck through text is one long run, letters are short ones.
int longestDarkRun(const QImage& image, const QRect& band) {
    int best = 0;
    for (int y = band.top(); y <= band.bottom(); ++y) {
        int run = 0;
        for (int x = band.left(); x <= band.right(); ++x) {
            const QRgb c = image.pixel(x, y);
            run = (qRed(c) + qGreen(c) + qBlue(c)) / 3 < 170 ? run + 1 : 0;
            best = std::max(best, run);
        }
    }
    return best;
}

int countPixels(const QImage& image, const QRect& area, bool (*test)(QRgb)) {
    int n = 0;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x)
            n += test(image.pixel(x, y)) ? 1 : 0;
    return n;
}

} // namespace

class TestTimeGridPainting : public DemoCalendarTest {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void availabilityIsShadedAndBlockedTimeMarked();
    void nowLineFollowsTheInjectedClock();
    void statusIsVisibleOnTheCards();
    void overlappingAppointmentsSitSideBySide();
    void springForwardDayKeepsWallClockPositions();
    void appointmentsHiddenFromTheUserShowAsBusy();
    void aConflictShowsWhileDraggingBeforeTheDrop();
    void zoomScalesTheTimeScale();
    void completedAndConfirmedMarksDiffer();
    void cancelledAppointmentsStepAside();
    void providerColoursKeepTheTextReadable();
};

void TestTimeGridPainting::initTestCase() {
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
}

void TestTimeGridPainting::init() {
    resetDemo();
}

void TestTimeGridPainting::availabilityIsShadedAndBlockedTimeMarked() {
    auto view = makeView<DayView>();
    view->setProvider(id(1));
    const QImage image = view->viewport()->grab().toImage();
    const auto at = [&](int m) {
        const QPoint p = view->pointAt(0, m);
        return image.pixel(p.x() + 200, p.y());
    };
    // 08:10 is before Maya Chen's 08:30 start: shaded grey.
    QCOMPARE(QColor(at(minute(8, 10))), QColor(0xf1, 0xf3, 0xf6));
    // 16:40 is inside her hours and free: white.
    QCOMPARE(QColor(at(minute(16, 40))), QColor(Qt::white));
    // 17:40, after hours: grey again.
    QCOMPARE(QColor(at(minute(17, 40))), QColor(0xf1, 0xf3, 0xf6));
    // 12:10-12:50, the team meeting: blocked, reddish, unlike either.
    int reddish = 0;
    for (int m = minute(12, 10); m < minute(12, 50); m += 3) {
        const QRgb c = at(m);
        if (qRed(c) > qBlue(c) + 10)
            ++reddish;
    }
    QVERIFY2(reddish > 8, qPrintable(QString::number(reddish)));

    // New availability shows at once: all of Tuesday 07:00-20:00.
    m_model->setAvailability(id(1), {weekly(1, DayOfWeek::Tuesday, "07:00", "20:00")});
    const QImage after = view->viewport()->grab().toImage();
    const QPoint p = view->pointAt(0, minute(8, 10));
    QCOMPARE(QColor(after.pixel(p.x() + 200, p.y())), QColor(Qt::white));
}

void TestTimeGridPainting::nowLineFollowsTheInjectedClock() {
    auto view = makeView<DayView>();
    view->setProvider(id(1));
    const auto redNear = [&](int m) {
        const QImage image = view->viewport()->grab().toImage();
        const QPoint p = view->pointAt(0, m);
        for (int dy = -1; dy <= 1; ++dy)
            if (isRed(image.pixel(p.x() + 150, p.y() + dy)))
                return true;
        return false;
    };
    QVERIFY(redNear(minute(14, 20)));
    QVERIFY(!redNear(minute(16, 40)));
    m_clock->advanceSeconds(2 * 3600 + 20 * 60);
    view->viewport()->update();
    QVERIFY(redNear(minute(16, 40)));
    QVERIFY(!redNear(minute(14, 20)));
    // Another day: no line at all.
    view->setDate(demo::today().addDays(1));
    QVERIFY(!redNear(minute(16, 40)));
}

void TestTimeGridPainting::statusIsVisibleOnTheCards() {
    auto view = makeView<DayView>();
    view->setProvider(id(1));
    view->setFilter({.showCancelled = true, .location = std::nullopt});
    // Cancelled (3) beside a live one is a tab; alone it is a card.
    m_model->upsertAppointment(
        demo::visit(4, 1, 104, demo::today(), 18, 0, AppointmentType::CouplesTherapy));
    const QImage image = view->viewport()->grab().toImage();

    // Cancelled (3) is grey and its name struck through; the couples
    // session (4) beside it is tinted and not struck.
    const QRect cancelled = view->cardRect(id(3));
    const QRect couples = view->cardRect(id(4));
    const QPoint inCancelled = cancelled.bottomRight() - QPoint(8, 4);
    QCOMPARE(image.pixel(inCancelled),
             AppointmentCard::fillColour(AppointmentType::IndividualTherapy,
                                         AppointmentStatus::Cancelled)
                 .rgb());
    const QPoint inCouples = couples.bottomRight() - QPoint(8, 4);
    QCOMPARE(image.pixel(inCouples), AppointmentCard::fillColour(AppointmentType::CouplesTherapy,
                                                                 AppointmentStatus::Scheduled)
                                         .rgb());
    const int titleHeight = QFontMetrics(view->font()).height() + 3;
    const auto titleBand = [&](const QRect& card) {
        return QRect(card.left() + 10, card.top() + 2, card.width() / 2, titleHeight);
    };
    QVERIFY(longestDarkRun(image, titleBand(cancelled)) > 40);
    QVERIFY(longestDarkRun(image, titleBand(couples)) < 25);

    // No-show (5) carries a red badge; confirmed (1) a green check.
    QVERIFY(countPixels(image, view->cardRect(id(5)), isRed) > 20);
    const auto isGreen = [](QRgb c) { return qGreen(c) > 110 && qRed(c) < 90 && qBlue(c) < 110; };
    QVERIFY(countPixels(image, view->cardRect(id(1)), isGreen) > 10);
    QCOMPARE(countPixels(image, view->cardRect(id(6)), isGreen), 0); // not confirmed
}

void TestTimeGridPainting::overlappingAppointmentsSitSideBySide() {
    auto view = makeView<DayView>();
    view->setProvider(id(1));
    // Two live appointments at 11:00 (the cancelled one steps aside).
    m_model->upsertAppointment(
        demo::visit(3, 1, 103, demo::today(), 11, 0, AppointmentType::IndividualTherapy));
    const QRect a = view->cardRect(id(3));
    const QRect b = view->cardRect(id(4));
    QVERIFY(!a.intersects(b));
    QCOMPARE(a.top(), b.top());
    QVERIFY(std::abs(a.width() - b.width()) <= 1);
    const QRect alone = view->cardRect(id(6));
    QVERIFY(alone.width() > a.width() + b.width() - 4);
}

void TestTimeGridPainting::springForwardDayKeepsWallClockPositions() {
    // Sunday 8 March 2026: New York skips 02:00-03:00.
    const QDate sunday(2026, 3, 8);
    Appointment a = demo::visit(90, 1, 101, sunday, 9, 0, AppointmentType::IndividualTherapy);
    m_model->upsertAppointment(a);
    auto view = makeView<DayView>();
    view->setProvider(id(1));
    view->setDate(sunday);
    view->scrollToTime(QTime(0, 0));
    QCOMPARE(view->cardRect(id(90)).top(), view->pointAt(0, minute(9)).y());
    QCOMPARE(DayAxis(sunday, demo::zone()).missingMinutes(),
             (QList<std::pair<int, int>>{{minute(2), minute(3)}}));

    // 09:00 that Sunday is 13:00 UTC (EDT), not 14:00 (EST).
    QSignalSpy spy(view.get(), &TimeGridView::newAppointmentRequested);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, view->pointAt(0, minute(11, 5)));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy[0][1].toDateTime(), utc("2026-03-08T15:00:00.000Z"));
    // The night before the change it is still EST.
    QCOMPARE(DayAxis(sunday.addDays(-1), demo::zone()).instantAt(minute(11)),
             utc("2026-03-07T16:00:00.000Z"));
}

void TestTimeGridPainting::appointmentsHiddenFromTheUserShowAsBusy() {
    // Appointment 6 is sensitive: this user sees only that the time is taken.
    m_model->setDetailsPolicy([](const Appointment& a) { return a.id() != id(6); });
    const QModelIndex index = m_model->index(m_model->rowOf(id(6)));
    QCOMPARE(index.data(CalendarModel::ClientNameRole).toString(), u"Busy"_s);
    QVERIFY(index.data(CalendarModel::ClientIdRole).toString().isEmpty());
    QVERIFY(!index.data(Qt::ToolTipRole).toString().contains(u"Knuth"_s));

    auto view = makeView<DayView>();
    view->setProvider(id(1));
    const QRect card = view->cardRect(id(6));
    QVERIFY(card.isValid()); // the time still shows as taken
    const QImage image = view->viewport()->grab().toImage();
    QCOMPARE(
        image.pixel(card.bottomRight() - QPoint(8, 4)),
        AppointmentCard::fillColour(AppointmentType::Other, AppointmentStatus::Scheduled).rgb());
    QSignalSpy move(view.get(), &TimeGridView::moveRequested);
    QSignalSpy edit(view.get(), &TimeGridView::editRequested);
    drag(view->viewport(), card.center(), card.center() + QPoint(0, 60));
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, card.center());
    QVERIFY(!view->contextMenuAt(card.center()));
    QCOMPARE(move.count(), 0);
    QCOMPARE(edit.count(), 0);
    // Others' appointments keep their details and actions.
    std::unique_ptr<QMenu> other(view->contextMenuAt(view->cardRect(id(4)).center()));
    QVERIFY(other);
}

void TestTimeGridPainting::aConflictShowsWhileDraggingBeforeTheDrop() {
    auto view = makeView<DayView>();
    view->setProvider(id(1));
    QList<BookingCheck> answers;
    view->setChecker([&](const Appointment& a) {
        BookingCheck check;
        check.conflicts = scheduling::findConflicts(a, m_model->appointments());
        check.outsideAvailability =
            !scheduling::isWithinAvailability(a, demo::availability(1), demo::zone());
        answers << check;
        return check;
    });
    const QRect card = view->cardRect(id(6)); // 15:00-15:50
    const QPoint grab = card.center();
    const auto redIn = [&](int fromMinute, int toMinute) {
        const QImage image = view->viewport()->grab().toImage();
        const QRect area(card.left(), view->pointAt(0, fromMinute).y(), card.width(),
                         view->pointAt(0, toMinute).y() - view->pointAt(0, fromMinute).y());
        return countPixels(image, area, isRed);
    };

    QTest::mousePress(view->viewport(), Qt::LeftButton, {}, grab);
    // Over 11:00, Edsger Dijkstra's couples session: red, before any drop.
    sendMove(view->viewport(), grab + (view->pointAt(0, minute(11)) - view->pointAt(0, minute(15))),
             Qt::LeftButton);
    QVERIFY(redIn(minute(10, 50), minute(12, 30)) > 80); // painting asks the checker
    QVERIFY(!answers.isEmpty());
    QVERIFY(!answers.last().conflicts.isEmpty());

    // Over 16:00, free and inside her hours: no red there.
    answers.clear();
    sendMove(view->viewport(), grab + (view->pointAt(0, minute(16)) - view->pointAt(0, minute(15))),
             Qt::LeftButton);
    QCOMPARE(redIn(minute(15, 55), minute(17, 10)), 0);
    QVERIFY(!answers.isEmpty());
    QVERIFY(answers.last().conflicts.isEmpty());

    // Dropping still leaves the decision to the application.
    QSignalSpy move(view.get(), &TimeGridView::moveRequested);
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, {},
                        grab + (view->pointAt(0, minute(16)) - view->pointAt(0, minute(15))));
    QCOMPARE(move.count(), 1);
}

void TestTimeGridPainting::zoomScalesTheTimeScale() {
    auto view = makeView<DayView>();
    view->setProvider(id(1));
    QSignalSpy zoom(view.get(), &TimeGridView::zoomChanged);
    view->setPixelsPerHour(48);
    const int height = view->cardRect(id(6)).height();
    view->setPixelsPerHour(96);
    QVERIFY(std::abs(view->cardRect(id(6)).height() - 2 * height) <= 2);
    QCOMPARE(zoom.count(), 1);

    QWheelEvent wheel(QPointF(300, 300), view->viewport()->mapToGlobal(QPointF(300, 300)), QPoint(),
                      QPoint(0, -120), Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view->viewport(), &wheel);
    QVERIFY(view->pixelsPerHour() < 96);
    view->setPixelsPerHour(10'000);
    QCOMPARE(view->pixelsPerHour(), TimeGridView::maxPixelsPerHour);
}

void TestTimeGridPainting::completedAndConfirmedMarksDiffer() {
    auto view = makeView<DayView>();
    view->setProvider(id(1));
    const QImage image = view->viewport()->grab().toImage();
    // The corner of each card, where the mark is.
    const auto corner = [&](int appointment) {
        const QRect card = view->cardRect(id(appointment));
        return QRect(card.right() - 20, card.top() + 1, 19, 19);
    };
    const auto isGreen = [](QRgb c) { return qGreen(c) > 110 && qRed(c) < 90 && qBlue(c) < 110; };
    // The completed square: dark slate, bluer than it is red or green.
    const auto isSlate = [](QRgb c) {
        return qRed(c) < 90 && qGreen(c) < 100 && qBlue(c) < 120 && qBlue(c) > qRed(c) + 15;
    };
    // Confirmed (1): a green disc, nothing slate.
    QVERIFY(countPixels(image, corner(1), isGreen) > 25);
    QCOMPARE(countPixels(image, corner(1), isSlate), 0);
    // Completed (2): a dark square, nothing green.
    QVERIFY(countPixels(image, corner(2), isSlate) > 25);
    QCOMPARE(countPixels(image, corner(2), isGreen), 0);
    // And the marks are what the card says they are.
    QCOMPARE(AppointmentCard::markOf(AppointmentStatus::Completed, ConfirmationStatus::Confirmed),
             StatusMark::Completed);
    QCOMPARE(AppointmentCard::markOf(AppointmentStatus::Scheduled, ConfirmationStatus::Confirmed),
             StatusMark::Confirmed);
    QCOMPARE(AppointmentCard::markOf(AppointmentStatus::NoShow, ConfirmationStatus::Confirmed),
             StatusMark::NoShow);
}

void TestTimeGridPainting::cancelledAppointmentsStepAside() {
    auto view = makeView<DayView>();
    view->setProvider(id(1));
    // Hidden by default: the couples session (4) has the column's width.
    QVERIFY(view->cardRect(id(3)).isEmpty());
    const QRect live = view->cardRect(id(4));
    const QRect alone = view->cardRect(id(6));
    QCOMPARE(live.width(), alone.width());
    QSignalSpy edit(view.get(), &TimeGridView::editRequested);

    view->setFilter({.showCancelled = true, .location = std::nullopt});
    // Shown, it takes nothing from the live one: a narrow tab beside it.
    const QRect tab = view->cardRect(id(3));
    QVERIFY(!tab.isEmpty());
    QCOMPARE(view->cardRect(id(4)), live);
    QVERIFY(!tab.intersects(live));
    QVERIFY2(tab.width() < 12, qPrintable(QString::number(tab.width())));
    QCOMPARE(tab.top(), live.top());
    // It is painted, grey, and opens on a double-click.
    const QImage image = view->viewport()->grab().toImage();
    const QRgb tabPixel = image.pixel(tab.center());
    QVERIFY(qAbs(qRed(tabPixel) - qBlue(tabPixel)) < 20 && qRed(tabPixel) > 120);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, tab.center());
    QCOMPARE(edit.count(), 1);
    QCOMPARE(edit[0][0].value<ObjectId>(), id(3));
    // Its menu offers the details and the way back, nothing else.
    std::unique_ptr<QMenu> menu(view->contextMenuAt(tab.center()));
    QVERIFY(menu);
    QStringList texts;
    for (QAction* a : menu->actions())
        if (!a->isSeparator())
            texts << a->text().remove(u'&');
    QCOMPARE(texts, (QStringList{u"Details..."_s, u"Reinstate"_s}));
    QSignalSpy reinstate(view.get(), &TimeGridView::reinstateRequested);
    menu->actions().back()->trigger();
    QCOMPARE(reinstate.count(), 1);

    // Alone in its time it is a card of the column's width.
    m_model->removeAppointment(id(4));
    QCOMPARE(view->cardRect(id(3)).width(), alone.width());
    view->setFilter({});
    QVERIFY(view->cardRect(id(3)).isEmpty());
}

void TestTimeGridPainting::providerColoursKeepTheTextReadable() {
    // On the screen: every card of the Providers view wears its provider's
    // tint, and its text keeps a WCAG contrast of 4.5 on it.
    auto view = makeView<ProviderView>();
    QVERIFY(view->showsProviderColours());
    view->scrollToTime(QTime(8, 30));
    const QImage image = view->viewport()->grab().toImage();
    int checked = 0;
    for (const int n : {1, 2, 4, 6, 7, 8, 10, 11, 12}) {
        const Appointment a = *m_model->appointment(id(n));
        const QRect card = view->cardRect(a.id());
        if (card.isEmpty() || card.bottom() >= view->viewport()->height())
            continue;
        const QColor fill(image.pixel(card.right() - 8, card.bottom() - 4));
        QCOMPARE(fill.rgb(), AppointmentCard::fillColour(a.appointmentType, a.status,
                                                         m_model->providerColour(a.provider.id))
                                 .rgb());
        const double ratio = contrastRatio(AppointmentCard::inkColour(a.status), fill);
        QVERIFY2(ratio >= 4.5, qPrintable(u"%1: %2"_s.arg(n).arg(ratio)));
        ++checked;
    }
    QVERIFY(checked >= 6);
    // Every colour of the palette, every status and every type's colour.
    const AppointmentStatus statuses[] = {
        AppointmentStatus::Scheduled, AppointmentStatus::Confirmed, AppointmentStatus::Completed,
        AppointmentStatus::Cancelled, AppointmentStatus::NoShow,    AppointmentStatus::Rescheduled};
    QList<QColor> accents = ProviderColours::palette();
    accents << QColor(); // the type's own colour
    for (const QColor& accent : std::as_const(accents)) {
        for (const AppointmentStatus status : statuses) {
            for (int t = 0; t <= static_cast<int>(AppointmentType::Other); ++t) {
                const QColor fill =
                    AppointmentCard::fillColour(static_cast<AppointmentType>(t), status, accent);
                const double ratio = contrastRatio(AppointmentCard::inkColour(status), fill);
                QVERIFY2(
                    ratio >= 4.5,
                    qPrintable(
                        u"%1 %2 %3: %4"_s.arg(accent.name()).arg(int(status)).arg(t).arg(ratio)));
            }
        }
    }
    // The formula, on WCAG's own extremes.
    QCOMPARE(contrastRatio(Qt::black, Qt::white), 21.0);
    QCOMPARE(contrastRatio(Qt::white, Qt::white), 1.0);
}

QTEST_MAIN(TestTimeGridPainting)
#include "tst_timegridpainting.moc"
