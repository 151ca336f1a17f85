// The month overview: a day per cell with its first appointments, a click
// selects, a double-click opens the day, arrows and Page keys navigate.
#include "DemoPractice.h"
#include "ui/AppointmentTypes.h"
#include "ui/CalendarModel.h"
#include "ui/MonthView.h"
#include "ui/ProviderColours.h"

#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace mss;
using namespace mss::test;
using namespace mss::ui;

class TestMonthView : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void gridStartsOnTheLocalesFirstDayOfWeek();
    void clickSelectsAndDoubleClickOpensADay();
    void keyboardMovesTheSelection();
    void daysShowTheirAppointmentsInTypeColours();
    void oneProviderShowsOnlyTheirs();
    void everyProviderShowsInTheirColours();
    void cancelledChipsAreHiddenOrListedLast();

private:
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<CalendarModel> m_model;
    std::unique_ptr<MonthView> m_view;
};

void TestMonthView::initTestCase() {
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
}

void TestMonthView::init() {
    m_clock = std::make_unique<ManualClock>(demo::now());
    m_model = std::make_unique<CalendarModel>();
    demo::fill(*m_model);
    m_view = std::make_unique<MonthView>(*m_clock);
    m_view->setModel(m_model.get());
    m_view->setDate(demo::today());
    m_view->resize(980, 720);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestMonthView::cleanup() {
    m_view.reset();
}

void TestMonthView::gridStartsOnTheLocalesFirstDayOfWeek() {
    QCOMPARE(m_view->firstDate(), QDate(2026, 2, 23)); // Monday before 1 March
    QCOMPARE(m_view->lastDate(), QDate(2026, 4, 5));
    QCOMPARE(m_view->dateAt(m_view->cellRect(demo::today()).center()), demo::today());
}

void TestMonthView::clickSelectsAndDoubleClickOpensADay() {
    QSignalSpy changed(m_view.get(), &MonthView::dateChanged);
    QSignalSpy activated(m_view.get(), &MonthView::dayActivated);
    const QDate target(2026, 3, 19);
    QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, m_view->cellRect(target).center());
    QCOMPARE(m_view->date(), target);
    QCOMPARE(changed.count(), 1);
    QTest::mouseDClick(m_view.get(), Qt::LeftButton, {}, m_view->cellRect(target).center());
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated[0][0].toDate(), target);
}

void TestMonthView::keyboardMovesTheSelection() {
    QSignalSpy step(m_view.get(), &MonthView::stepRequested);
    QSignalSpy today(m_view.get(), &MonthView::todayRequested);
    QSignalSpy create(m_view.get(), &MonthView::newAppointmentRequested);
    QTest::keyClick(m_view.get(), Qt::Key_Right);
    QCOMPARE(m_view->date(), demo::today().addDays(1));
    QTest::keyClick(m_view.get(), Qt::Key_Down);
    QCOMPARE(m_view->date(), demo::today().addDays(8));
    QTest::keyClick(m_view.get(), Qt::Key_PageDown);
    QCOMPARE(step.count(), 1);
    QTest::keyClick(m_view.get(), Qt::Key_T);
    QCOMPARE(today.count(), 1);
    QTest::keyClick(m_view.get(), Qt::Key_N, Qt::ControlModifier);
    QCOMPARE(create.count(), 1);
    QCOMPARE(create[0][1].toDateTime(), demo::at(demo::today().addDays(8), 9, 0));
}

void TestMonthView::daysShowTheirAppointmentsInTypeColours() {
    m_view->setProvider(id(1)); // one provider's month: the types' colours
    m_model->upsertAppointment(
        demo::visit(95, 1, 101, QDate(2026, 3, 9), 17, 0, domain::AppointmentType::FamilyTherapy));
    const QImage image = m_view->grab().toImage();
    const auto colourIn = [&](QDate day, const QColor& colour) {
        const QRect cell = m_view->cellRect(day);
        for (int y = cell.top(); y < cell.bottom(); ++y)
            for (int x = cell.left(); x < cell.left() + 12; ++x)
                if (image.pixel(x, y) == colour.rgb())
                    return true;
        return false;
    };
    using domain::AppointmentType;
    // Tuesday's Initial Assessment stripe, Monday's Family Therapy stripe;
    // an empty Saturday has none.
    QVERIFY(colourIn(demo::today(), AppointmentTypes::colour(AppointmentType::InitialAssessment)));
    QVERIFY(colourIn(QDate(2026, 3, 9), AppointmentTypes::colour(AppointmentType::FamilyTherapy)));
    QVERIFY(!colourIn(QDate(2026, 3, 14),
                      AppointmentTypes::colour(AppointmentType::IndividualTherapy)));
}

void TestMonthView::oneProviderShowsOnlyTheirs() {
    using domain::AppointmentType;
    // Priya Raman has one medication visit on Tuesday; James Okafor's
    // family session is not hers.
    m_view->setProvider(id(4));
    const QImage image = m_view->grab().toImage();
    const QRect cell = m_view->cellRect(demo::today());
    bool family = false;
    bool medication = false;
    for (int y = cell.top(); y < cell.bottom(); ++y) {
        for (int x = cell.left(); x < cell.left() + 12; ++x) {
            family |=
                image.pixel(x, y) == AppointmentTypes::colour(AppointmentType::FamilyTherapy).rgb();
            medication |= image.pixel(x, y) ==
                          AppointmentTypes::colour(AppointmentType::MedicationManagement).rgb();
        }
    }
    QVERIFY(medication);
    QVERIFY(!family);
}

void TestMonthView::everyProviderShowsInTheirColours() {
    m_view->setProvider(std::nullopt);
    m_view->resize(1400, 1400); // Tuesday's thirteen fit their cell
    const QImage image = m_view->grab().toImage();
    const QRect cell = m_view->cellRect(demo::today());
    QSet<QRgb> stripes;
    for (int y = cell.top(); y < cell.bottom(); ++y)
        stripes.insert(image.pixel(cell.left() + 5, y));
    // Tuesday's four providers: the palette's first four colours.
    for (int i = 0; i < 4; ++i)
        QVERIFY2(stripes.contains(ProviderColours::palette().at(i).rgb()),
                 qPrintable(QString::number(i)));
}

void TestMonthView::cancelledChipsAreHiddenOrListedLast() {
    m_view->setProvider(id(1));
    const QList<int> hidden = m_view->rowsOn(demo::today());
    QVERIFY(!hidden.contains(m_model->rowOf(id(3))));
    QCOMPARE(hidden.size(), 5);
    m_view->setFilter({.showCancelled = true, .location = std::nullopt});
    const QList<int> shown = m_view->rowsOn(demo::today());
    QCOMPARE(shown.size(), 6);
    // Listed after every live one, though it starts at 11:00.
    QCOMPARE(shown.back(), m_model->rowOf(id(3)));
}

QTEST_MAIN(TestMonthView)
#include "tst_monthview.moc"
