// A busy practice's calendar shows everything it holds: in a week of 30
// providers x 40 appointments every appointment of the shown days gets a
// card, painted where the layout put it, and a cache of 100,000 appointments
// shows the chosen day on the first paint. How fast this is drawn is
// measured by tests/benchmarks/bench_calendar, not here (docs/performance.md).
#include "BusyWeek.h"
#include "ui/CalendarModel.h"
#include "ui/DayView.h"
#include "ui/ProviderView.h"
#include "ui/WeekView.h"

#include <QPainter>
#include <QTest>

using namespace mss;
using namespace mss::domain;
using namespace mss::test;
using namespace mss::ui;

namespace {

// True when `rect` differs between the calendar drawn with its appointments
// and drawn without them: something was painted there.
bool differs(const QImage& with, const QImage& without, QRect rect) {
    rect = rect.intersected(with.rect());
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x) {
            if (with.pixel(x, y) != without.pixel(x, y))
                return true;
        }
    }
    return false;
}

QImage rendered(QWidget* target) {
    QImage image(target->size(), QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    target->render(&painter);
    return image;
}

} // namespace

class TestBusyCalendar : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void busyWeekShowsEveryAppointment_data();
    void busyWeekShowsEveryAppointment();
    void aHundredThousandCachedAppointmentsShowOnTheFirstPaint();

private:
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<CalendarModel> m_model;
};

void TestBusyCalendar::initTestCase() {
    m_clock = std::make_unique<ManualClock>(
        wallClockToUtc(BusyWeek::monday().addDays(1), QTime(11, 0), BusyWeek::zone()));
    m_model = std::make_unique<CalendarModel>();
    BusyWeek::fill(*m_model);
    QCOMPARE(m_model->rowCount(), BusyWeek::providerCount * BusyWeek::perProvider);
}

void TestBusyCalendar::busyWeekShowsEveryAppointment_data() {
    QTest::addColumn<QString>("view");
    QTest::addColumn<int>("expected");
    // Tuesday: eight appointments for each provider.
    QTest::newRow("providers, one day, 30 columns") << QStringLiteral("providers") << 240;
    QTest::newRow("day, every provider") << QStringLiteral("day") << 240;
    QTest::newRow("week of one provider") << QStringLiteral("week") << 40;
}

void TestBusyCalendar::busyWeekShowsEveryAppointment() {
    QFETCH(QString, view);
    QFETCH(int, expected);
    std::unique_ptr<TimeGridView> grid;
    std::optional<ObjectId> provider;
    if (view == QLatin1String("providers")) {
        grid = std::make_unique<ProviderView>(*m_clock);
    } else if (view == QLatin1String("day")) {
        grid = std::make_unique<DayView>(*m_clock);
    } else {
        auto week = std::make_unique<WeekView>(*m_clock);
        week->setProvider(id(1));
        provider = id(1);
        grid = std::move(week);
    }
    grid->setModel(m_model.get());
    // Every one, cancelled ones included (as tabs beside live ones).
    grid->setFilter({.showCancelled = true, .location = std::nullopt});
    grid->setDate(BusyWeek::monday().addDays(1));
    // Big enough for the whole working day of all 30 columns (120 px each
    // at least), so every card is on screen.
    grid->setPixelsPerHour(60);
    grid->resize(view == QLatin1String("providers") ? 3900 : 1600, 1000);
    grid->show();
    QVERIFY(QTest::qWaitForWindowExposed(grid.get()));
    grid->scrollToTime(QTime(7, 30));

    const QImage image = rendered(grid->viewport());
    // The same practice, hours and closures included, with nothing booked.
    CalendarModel empty;
    BusyWeek::fill(empty);
    empty.setAppointments({});
    grid->setModel(&empty);
    const QImage without = rendered(grid->viewport());
    grid->setModel(m_model.get());

    const QTimeZone zone = BusyWeek::zone();
    const QList<int> rows =
        m_model->rowsBetween(wallClockToUtc(grid->firstDate(), 0, zone),
                             wallClockToUtc(grid->lastDate().addDays(1), 0, zone), provider);
    QCOMPARE(rows.size(), expected);
    for (const int row : rows) {
        const ObjectId appointment = m_model->appointmentAt(row).id();
        const QRect card = grid->cardRect(appointment);
        QVERIFY2(card.isValid() && card.width() >= 3,
                 qPrintable(QStringLiteral("no card for row %1").arg(row)));
        QVERIFY2(image.rect().contains(card.center()),
                 qPrintable(QStringLiteral("row %1 is off screen").arg(row)));
        QVERIFY2(differs(image, without, card),
                 qPrintable(QStringLiteral("row %1 is not painted").arg(row)));
    }
}

void TestBusyCalendar::aHundredThousandCachedAppointmentsShowOnTheFirstPaint() {
    CalendarModel model;
    model.setTimeZone(BusyWeek::zone());
    model.setProviders(m_model->providers());
    ProviderView view(*m_clock);
    view.resize(1600, 1000);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    model.setAppointments(BusyWeek::history());
    QCOMPARE(model.rowCount(), 100'000);
    view.setModel(&model);
    const QDate day(2018, 6, 5);
    view.setDate(day);
    QImage image(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    view.viewport()->render(&painter);
    painter.end();

    const QList<int> rows = model.rowsBetween(wallClockToUtc(day, 0, BusyWeek::zone()),
                                              wallClockToUtc(day.addDays(1), 0, BusyWeek::zone()));
    QVERIFY(!rows.isEmpty());
    for (const int row : rows)
        QVERIFY(view.cardRect(model.appointmentAt(row).id()).isValid());
}

QTEST_MAIN(TestBusyCalendar)
#include "tst_busycalendar.moc"
