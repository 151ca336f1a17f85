// How long the calendar takes to paint at the scale of a busy practice
// (docs/performance.md, "Calendar painting"):
//   QT_QPA_PLATFORM=offscreen bench_calendar --benchmark_min_time=1
// Targets: a busy week (30 providers x 40 appointments) repaints within one
// 60 Hz frame (16 ms) in every view; with 100,000 cached appointments the
// first calendar is painted within a second. Each timed repaint follows a
// synced change, so the side-by-side layout is recomputed as it is in use.
#include "BusyWeek.h"
#include "ui/DayView.h"
#include "ui/MonthView.h"
#include "ui/ProviderView.h"
#include "ui/WeekView.h"

#include <benchmark/benchmark.h>

#include <QApplication>
#include <QPainter>

using namespace mss;
using namespace mss::test;
using namespace mss::ui;

namespace {

enum class View : std::int64_t { Providers, Day, Week, Month };

const ManualClock& clock() {
    static const ManualClock c(
        wallClockToUtc(BusyWeek::monday().addDays(1), QTime(11, 0), BusyWeek::zone()));
    return c;
}

CalendarModel& busyWeek() {
    static CalendarModel* model = [] {
        auto* m = new CalendarModel;
        BusyWeek::fill(*m);
        return m;
    }();
    return *model;
}

void busyWeekRepaint(benchmark::State& state) {
    CalendarModel& model = busyWeek();
    std::unique_ptr<QWidget> widget;
    QWidget* target = nullptr;
    const auto view = static_cast<View>(state.range(0));
    if (view == View::Month) {
        auto month = std::make_unique<MonthView>(clock());
        month->setModel(&model);
        month->setDate(BusyWeek::monday());
        target = month.get();
        widget = std::move(month);
    } else {
        std::unique_ptr<TimeGridView> grid;
        if (view == View::Providers) {
            grid = std::make_unique<ProviderView>(clock());
        } else if (view == View::Day) {
            grid = std::make_unique<DayView>(clock());
        } else {
            auto week = std::make_unique<WeekView>(clock());
            week->setProvider(id(1));
            grid = std::move(week);
        }
        grid->setModel(&model);
        grid->setDate(BusyWeek::monday().addDays(1));
        target = grid->viewport();
        widget = std::move(grid);
    }
    widget->resize(1600, 1000);
    widget->show();
    QCoreApplication::processEvents();
    if (auto* grid = qobject_cast<TimeGridView*>(widget.get()))
        grid->scrollToTime(QTime(7, 30));

    QImage image(target->size(), QImage::Format_ARGB32_Premultiplied);
    int row = 0;
    for (auto _ : state) {
        state.PauseTiming();
        // A synced change: the layout is recomputed in the paint that follows.
        model.upsertAppointment(model.appointmentAt(row));
        row = (row + 7) % model.rowCount();
        state.ResumeTiming();
        QPainter painter(&image);
        target->render(&painter);
        painter.end();
    }
}
BENCHMARK(busyWeekRepaint)
    ->ArgName("providers_day_week_month")
    ->DenseRange(0, 3)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// From the cache's 100,000 appointments handed to the model to the first
// painted Provider view (30 columns) of a day in their middle.
void firstPaintOfAHundredThousand(benchmark::State& state) {
    const QList<domain::Appointment> history = BusyWeek::history();
    for (auto _ : state) {
        state.PauseTiming();
        QList<domain::Appointment> copy = history;
        copy.detach();
        auto model = std::make_unique<CalendarModel>();
        model->setTimeZone(BusyWeek::zone());
        model->setProviders(busyWeek().providers());
        auto view = std::make_unique<ProviderView>(clock());
        view->resize(1600, 1000);
        view->show();
        QCoreApplication::processEvents();
        QImage image(view->viewport()->size(), QImage::Format_ARGB32_Premultiplied);
        state.ResumeTiming();

        model->setAppointments(std::move(copy));
        view->setModel(model.get());
        view->setDate(QDate(2018, 6, 5));
        QPainter painter(&image);
        view->viewport()->render(&painter);
        painter.end();

        state.PauseTiming();
        view.reset();
        model.reset();
        state.ResumeTiming();
    }
}
BENCHMARK(firstPaintOfAHundredThousand)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

int main(int argc, char** argv) {
    // Painting needs no display: the offscreen platform renders the same way.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
