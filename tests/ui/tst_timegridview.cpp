// The Day, Week and Provider views driven as a person drives them: double
// click and drag on empty time to book, drag a card to move it, drag its
// bottom edge to resize, the context menu, the keyboard, the roles' limits.
// What they paint is tested in tst_timegridpainting.
#include "DemoCalendarTest.h"
#include "DemoPractice.h"
#include "GuiDriver.h"
#include "ui/CalendarModel.h"
#include "ui/DayView.h"
#include "ui/ProviderView.h"
#include "ui/WeekView.h"

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QMenu>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

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

} // namespace

class TestTimeGridView : public DemoCalendarTest {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void doubleClickOnEmptyTimeBooksThatSlot();
    void ctrlNBooksTheSlotClicked();
    void draggingAcrossEmptyTimeBooksTheDraggedSpan();
    void fiveMinuteGridSnapsToFive();
    void draggingAnAppointmentToAnotherProviderMovesIt();
    void movingInTheAllProvidersDayKeepsTheProvider();
    void draggingTheBottomEdgeResizes();
    void cancelledAppointmentsCannotBeDragged();
    void doubleClickOnAnAppointmentEditsIt();
    void contextMenuOffersTheActionsTheStatusAllows();
    void keyboardNavigatesBooksAndZooms();
    void syncedChangesMoveTheCardAtOnce();
    void weekViewMovesAcrossDays();
    void actionsARoleMayNotTakeAreAbsent();
    void tabReachesTheCardsAndArrowsMoveBetweenThem();
};

void TestTimeGridView::initTestCase() {
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
}

void TestTimeGridView::init() {
    resetDemo();
}

void TestTimeGridView::doubleClickOnEmptyTimeBooksThatSlot() {
    auto view = makeView<DayView>();
    view->setProvider(id(1));
    QSignalSpy spy(view.get(), &TimeGridView::newAppointmentRequested);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, view->pointAt(0, minute(16, 20)));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy[0][0].value<ObjectId>(), id(1));
    QCOMPARE(spy[0][1].toDateTime(), demo::at(demo::today(), 16, 15));
    QCOMPARE(spy[0][2].toDateTime(), demo::at(demo::today(), 17, 5)); // 50 minutes
}

void TestTimeGridView::ctrlNBooksTheSlotClicked() {
    // A click in the lower part of 16:45-17:00 picks that quarter hour, not
    // the hour nor the nearest line; Ctrl+N books there.
    auto view = makeView<DayView>();
    view->setProvider(id(1));
    QSignalSpy create(view.get(), &TimeGridView::newAppointmentRequested);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->pointAt(0, minute(16, 56)));
    QCOMPARE(create.count(), 0); // a click only picks
    QVERIFY(view->selectedSlot());
    QTest::keyClick(view.get(), Qt::Key_N, Qt::ControlModifier);
    QCOMPARE(create.count(), 1);
    QCOMPARE(create[0][0].value<ObjectId>(), id(1));
    QCOMPARE(create[0][1].toDateTime(), demo::at(demo::today(), 16, 45));
    QCOMPARE(create[0][2].toDateTime(), demo::at(demo::today(), 17, 35));

    // A click on a card drops the picked slot: Ctrl+N goes back to "now".
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->cardRect(id(6)).center());
    QVERIFY(!view->selectedSlot());
    // Another day shows other columns: the slot is not on screen.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->pointAt(0, minute(16, 56)));
    view->setDate(demo::today().addDays(1));
    QVERIFY(!view->selectedSlot());
    view->setDate(demo::today());
    QCOMPARE(view->selectedSlot()->start, demo::at(demo::today(), 16, 45));
}

void TestTimeGridView::draggingAcrossEmptyTimeBooksTheDraggedSpan() {
    auto view = makeView<DayView>();
    view->setProvider(id(1));
    QSignalSpy spy(view.get(), &TimeGridView::newAppointmentRequested);
    drag(view->viewport(), view->pointAt(0, minute(16, 2)), view->pointAt(0, minute(17, 28)));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy[0][1].toDateTime(), demo::at(demo::today(), 16, 0));
    QCOMPARE(spy[0][2].toDateTime(), demo::at(demo::today(), 17, 30));

    // Dragging upwards books the same span.
    drag(view->viewport(), view->pointAt(0, minute(17, 28)), view->pointAt(0, minute(16, 2)));
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy[1][1].toDateTime(), demo::at(demo::today(), 16, 0));
    QCOMPARE(spy[1][2].toDateTime(), demo::at(demo::today(), 17, 30));
}

void TestTimeGridView::fiveMinuteGridSnapsToFive() {
    auto view = makeView<DayView>();
    view->setProvider(id(1));
    view->setSnapMinutes(5);
    QSignalSpy spy(view.get(), &TimeGridView::newAppointmentRequested);
    drag(view->viewport(), view->pointAt(0, minute(16, 6)), view->pointAt(0, minute(16, 38)));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy[0][1].toDateTime(), demo::at(demo::today(), 16, 5));
    QCOMPARE(spy[0][2].toDateTime(), demo::at(demo::today(), 16, 40));
}

void TestTimeGridView::draggingAnAppointmentToAnotherProviderMovesIt() {
    auto view = makeView<ProviderView>();
    QCOMPARE(view->columns().size(), 4);
    QSignalSpy spy(view.get(), &TimeGridView::moveRequested);
    const QRect card = view->cardRect(id(6)); // Maya Chen, 15:00-15:50
    QVERIFY(card.isValid());
    const int columnWidth = view->pointAt(1, 0).x() - view->pointAt(0, 0).x();
    const int hour = view->pointAt(0, minute(16)).y() - view->pointAt(0, minute(15)).y();
    drag(view->viewport(), card.center(), card.center() + QPoint(columnWidth, hour));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy[0][0].value<ObjectId>(), id(6));
    QCOMPARE(spy[0][1].toDateTime(), demo::at(demo::today(), 16, 0));
    QCOMPARE(spy[0][2].toDateTime(), demo::at(demo::today(), 16, 50));
    QCOMPARE(spy[0][3].value<ObjectId>(), id(2)); // James Okafor's column
}

void TestTimeGridView::movingInTheAllProvidersDayKeepsTheProvider() {
    auto view = makeView<DayView>(); // every provider
    QSignalSpy spy(view.get(), &TimeGridView::moveRequested);
    const QRect card = view->cardRect(id(9)); // James Okafor, 16:00-16:30
    const int half = view->pointAt(0, minute(16, 30)).y() - view->pointAt(0, minute(16)).y();
    drag(view->viewport(), card.center(), card.center() + QPoint(0, half));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy[0][1].toDateTime(), demo::at(demo::today(), 16, 30));
    QCOMPARE(spy[0][3].value<ObjectId>(), id(2));
}

void TestTimeGridView::draggingTheBottomEdgeResizes() {
    auto view = makeView<DayView>();
    view->setProvider(id(1));
    QSignalSpy resize(view.get(), &TimeGridView::resizeRequested);
    QSignalSpy move(view.get(), &TimeGridView::moveRequested);
    const QRect card = view->cardRect(id(6)); // 15:00-15:50
    const QPoint edge(card.center().x(), card.bottom() - 1);
    const int half = view->pointAt(0, minute(16, 30)).y() - view->pointAt(0, minute(16)).y();
    drag(view->viewport(), edge, edge + QPoint(0, half));
    QCOMPARE(move.count(), 0);
    QCOMPARE(resize.count(), 1);
    QCOMPARE(resize[0][0].value<ObjectId>(), id(6));
    QCOMPARE(resize[0][1].toDateTime(), demo::at(demo::today(), 16, 15));
}

void TestTimeGridView::cancelledAppointmentsCannotBeDragged() {
    auto view = makeView<DayView>();
    view->setProvider(id(1));
    QSignalSpy move(view.get(), &TimeGridView::moveRequested);
    QSignalSpy create(view.get(), &TimeGridView::newAppointmentRequested);
    view->setFilter({.showCancelled = true, .location = std::nullopt});
    const QRect card = view->cardRect(id(3)); // cancelled: a tab beside 4
    QVERIFY(!card.isEmpty());
    drag(view->viewport(), card.center(), card.center() + QPoint(0, 100));
    QCOMPARE(move.count(), 0);
    QCOMPARE(create.count(), 0);
}

void TestTimeGridView::doubleClickOnAnAppointmentEditsIt() {
    auto view = makeView<DayView>();
    QSignalSpy edit(view.get(), &TimeGridView::editRequested);
    QSignalSpy create(view.get(), &TimeGridView::newAppointmentRequested);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, view->cardRect(id(12)).center());
    QCOMPARE(create.count(), 0);
    QCOMPARE(edit.count(), 1);
    QCOMPARE(edit[0][0].value<ObjectId>(), id(12));
}

void TestTimeGridView::contextMenuOffersTheActionsTheStatusAllows() {
    auto view = makeView<DayView>();
    view->setProvider(id(1));
    const auto texts = [](QMenu* menu) {
        QStringList out;
        for (QAction* a : menu->actions())
            if (!a->isSeparator())
                out << a->text().remove(QLatin1Char('&'));
        return out;
    };
    const auto trigger = [](QMenu* menu, const QString& prefix) {
        for (QAction* a : menu->actions()) {
            if (a->text().remove(QLatin1Char('&')).startsWith(prefix)) {
                a->trigger();
                return true;
            }
        }
        return false;
    };

    // A scheduled, unconfirmed appointment not started yet (15:00, now
    // 14:20): it can be confirmed, not completed or marked a no-show.
    std::unique_ptr<QMenu> menu(view->contextMenuAt(view->cardRect(id(6)).center()));
    QVERIFY(menu);
    QCOMPARE(texts(menu.get()),
             (QStringList{u"Edit..."_s, u"Confirm"_s, u"Cancel appointment..."_s}));
    QSignalSpy cancel(view.get(), &TimeGridView::cancelRequested);
    QSignalSpy complete(view.get(), &TimeGridView::completeRequested);
    QSignalSpy noShow(view.get(), &TimeGridView::noShowRequested);
    QSignalSpy confirm(view.get(), &TimeGridView::confirmRequested);
    QSignalSpy edit(view.get(), &TimeGridView::editRequested);
    QVERIFY(trigger(menu.get(), u"Cancel"_s));
    QVERIFY(trigger(menu.get(), u"Confirm"_s));
    QVERIFY(trigger(menu.get(), u"Edit"_s));

    // Ten minutes into it: completed or a no-show, no longer confirmed.
    m_clock->set(demo::at(demo::today(), 15, 10));
    menu.reset(view->contextMenuAt(view->cardRect(id(6)).center()));
    QCOMPARE(texts(menu.get()), (QStringList{u"Edit..."_s, u"Complete"_s, u"Mark no-show"_s,
                                             u"Cancel appointment..."_s}));
    QVERIFY(trigger(menu.get(), u"Complete"_s));
    QVERIFY(trigger(menu.get(), u"Mark no-show"_s));
    for (QSignalSpy* spy : {&cancel, &complete, &noShow, &confirm, &edit}) {
        QCOMPARE(spy->count(), 1);
        QCOMPARE(spy->at(0).at(0).value<ObjectId>(), id(6));
    }
    m_clock->set(demo::now());

    // Confirmed: no Confirm. Completed: only Edit.
    menu.reset(view->contextMenuAt(view->cardRect(id(1)).center()));
    QVERIFY(!texts(menu.get()).contains(u"Confirm"_s));
    menu.reset(view->contextMenuAt(view->cardRect(id(2)).center()));
    QCOMPARE(texts(menu.get()), QStringList{u"Edit..."_s});

    // Empty time: book there.
    QSignalSpy create(view.get(), &TimeGridView::newAppointmentRequested);
    menu.reset(view->contextMenuAt(view->pointAt(0, minute(16, 40))));
    QVERIFY(trigger(menu.get(), u"New appointment at"_s));
    QCOMPARE(create.count(), 1);
    QCOMPARE(create[0][1].toDateTime(), demo::at(demo::today(), 16, 30));
}

void TestTimeGridView::keyboardNavigatesBooksAndZooms() {
    auto view = makeView<DayView>();
    view->setProvider(id(1));
    QSignalSpy today(view.get(), &TimeGridView::todayRequested);
    QSignalSpy step(view.get(), &TimeGridView::stepRequested);
    QSignalSpy create(view.get(), &TimeGridView::newAppointmentRequested);
    QSignalSpy edit(view.get(), &TimeGridView::editRequested);

    QTest::keyClick(view.get(), Qt::Key_T);
    QCOMPARE(today.count(), 1);
    QTest::keyClick(view.get(), Qt::Key_Left);
    QTest::keyClick(view.get(), Qt::Key_Right);
    QCOMPARE(step.count(), 2);
    QCOMPARE(step[0][0].toInt(), -1);
    QCOMPARE(step[1][0].toInt(), 1);

    // Ctrl+N: today's column, from the next grid line after "now" (14:20).
    QTest::keyClick(view.get(), Qt::Key_N, Qt::ControlModifier);
    QCOMPARE(create.count(), 1);
    QCOMPARE(create[0][0].value<ObjectId>(), id(1));
    QCOMPARE(create[0][1].toDateTime(), demo::at(demo::today(), 14, 30));

    view->scrollToTime(QTime(0, 0));
    const int before = view->verticalScrollBar()->value();
    QTest::keyClick(view.get(), Qt::Key_Down);
    QVERIFY(view->verticalScrollBar()->value() > before);

    const int pph = view->pixelsPerHour();
    QTest::keyClick(view.get(), Qt::Key_Plus, Qt::ControlModifier);
    QVERIFY(view->pixelsPerHour() > pph);
    QTest::keyClick(view.get(), Qt::Key_Minus, Qt::ControlModifier);
    QTest::keyClick(view.get(), Qt::Key_Minus, Qt::ControlModifier);
    QVERIFY(view->pixelsPerHour() < pph);

    // Enter edits the appointment clicked last.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->cardRect(id(6)).center());
    QTest::keyClick(view.get(), Qt::Key_Return);
    QCOMPARE(edit.count(), 1);
    QCOMPARE(edit[0][0].value<ObjectId>(), id(6));
}

void TestTimeGridView::syncedChangesMoveTheCardAtOnce() {
    auto view = makeView<DayView>();
    view->setProvider(id(1));
    const QRect before = view->cardRect(id(6));
    Appointment a = *m_model->appointment(id(6));
    a.startTime = a.startTime.addSecs(3600);
    a.endTime = a.endTime.addSecs(3600);
    m_model->upsertAppointment(a);
    const QRect after = view->cardRect(id(6));
    QCOMPARE(after.top() - before.top(), view->pixelsPerHour());
    m_model->removeAppointment(id(6));
    QVERIFY(view->cardRect(id(6)).isNull());
}

void TestTimeGridView::weekViewMovesAcrossDays() {
    auto view = makeView<WeekView>();
    view->setProvider(id(1));
    QCOMPARE(view->columns().size(), 7);
    QCOMPARE(view->firstDate(), QDate(2026, 3, 9)); // Monday, in en_GB
    QCOMPARE(view->stepDays(), 7);
    // Monday 09:00 (id 20) to Wednesday, same time.
    QSignalSpy spy(view.get(), &TimeGridView::moveRequested);
    const QRect card = view->cardRect(id(20));
    QVERIFY(card.isValid());
    const int day = view->pointAt(1, 0).x() - view->pointAt(0, 0).x();
    drag(view->viewport(), card.center(), card.center() + QPoint(2 * day, 0));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy[0][1].toDateTime(), demo::at(QDate(2026, 3, 11), 9, 0));
    QCOMPARE(spy[0][3].value<ObjectId>(), id(1));
}

void TestTimeGridView::actionsARoleMayNotTakeAreAbsent() {
    auto view = makeView<DayView>();
    view->setProvider(id(1));
    // A clinician here may confirm, complete and mark no-shows, not book,
    // move, cancel or edit.
    view->setAllowedActions(CalendarAction::Confirm | CalendarAction::Complete |
                            CalendarAction::NoShow);
    QSignalSpy create(view.get(), &TimeGridView::newAppointmentRequested);
    QSignalSpy move(view.get(), &TimeGridView::moveRequested);
    QSignalSpy resize(view.get(), &TimeGridView::resizeRequested);
    QSignalSpy edit(view.get(), &TimeGridView::editRequested);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, view->pointAt(0, minute(16, 20)));
    drag(view->viewport(), view->pointAt(0, minute(16)), view->pointAt(0, minute(17)));
    QTest::keyClick(view.get(), Qt::Key_N, Qt::ControlModifier);
    const QRect card = view->cardRect(id(6));
    drag(view->viewport(), card.center(), card.center() + QPoint(0, 60));
    drag(view->viewport(), QPoint(card.center().x(), card.bottom() - 1),
         QPoint(card.center().x(), card.bottom() + 40));
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, card.center());
    QCOMPARE(create.count(), 0);
    QCOMPARE(move.count(), 0);
    QCOMPARE(resize.count(), 0);
    QCOMPARE(edit.count(), 0);
    QVERIFY(!view->contextMenuAt(view->pointAt(0, minute(16, 40))));
    std::unique_ptr<QMenu> menu(view->contextMenuAt(card.center()));
    QStringList texts;
    for (QAction* a : menu->actions())
        if (!a->isSeparator())
            texts << a->text().remove(QLatin1Char('&'));
    QCOMPARE(texts, QStringList{u"Confirm"_s}); // not started yet
    m_clock->set(demo::at(demo::today(), 15, 10));
    menu.reset(view->contextMenuAt(card.center()));
    texts.clear();
    for (QAction* a : menu->actions())
        if (!a->isSeparator())
            texts << a->text().remove(QLatin1Char('&'));
    QCOMPARE(texts, (QStringList{u"Complete"_s, u"Mark no-show"_s}));
    m_clock->set(demo::now());
}

void TestTimeGridView::tabReachesTheCardsAndArrowsMoveBetweenThem() {
    QWidget window;
    auto* field = new QLineEdit(&window);
    auto* view = new DayView(*m_clock, &window);
    auto* layout = new QVBoxLayout(&window);
    layout->addWidget(field);
    layout->addWidget(view, 1);
    view->setModel(m_model.get());
    view->setDate(demo::today());
    view->setProvider(id(1));
    window.resize(700, 900);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    field->setFocus();
    QSignalSpy edit(view, &TimeGridView::editRequested);

    // Tab from the field lands on the day's first card, then the next.
    QTest::keyClick(field, Qt::Key_Tab);
    QVERIFY(view->hasFocus());
    QCOMPARE(view->selectedAppointment(), id(1));
    QTest::keyClick(view, Qt::Key_Tab);
    QCOMPARE(view->selectedAppointment(), id(2));
    // Arrows: the one after, the one before.
    QTest::keyClick(view, Qt::Key_Down);
    QCOMPARE(view->selectedAppointment(), id(4));
    QTest::keyClick(view, Qt::Key_Up);
    QCOMPARE(view->selectedAppointment(), id(2));
    // Enter edits it; Shift+F10 opens its actions.
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(edit.count(), 1);
    QCOMPARE(edit[0][0].value<ObjectId>(), id(2));
    QTest::keyClick(view, Qt::Key_F10, Qt::ShiftModifier);
    auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
    QVERIFY(menu);
    QStringList texts;
    for (QAction* a : menu->actions())
        texts << a->text().remove(u'&');
    QVERIFY2(texts.contains(u"Edit..."_s), qPrintable(texts.join(u", "_s)));
    // At the card, not at the corner of the view.
    QVERIFY(view->cardRect(id(2)).contains(view->viewport()->mapFromGlobal(menu->pos())));
    menu->close();
    // The Menu key does the same.
    QTest::keyClick(view, Qt::Key_Menu);
    QVERIFY(qobject_cast<QMenu*>(QApplication::activePopupWidget()));
    QApplication::activePopupWidget()->close();

    // Escape lets go: the arrows scroll and step again.
    QTest::keyClick(view, Qt::Key_Escape);
    QVERIFY(view->selectedAppointment().isNull());
    const int before = view->verticalScrollBar()->value();
    QTest::keyClick(view, Qt::Key_Down);
    QVERIFY(view->verticalScrollBar()->value() > before);

    // After the last card, Tab leaves the calendar.
    view->selectAppointment(id(6));
    QTest::keyClick(view, Qt::Key_Tab);
    QVERIFY(!view->hasFocus());
}

QTEST_MAIN(TestTimeGridView)
#include "tst_timegridview.moc"
