#pragma once

// The fixture of the time-grid tests: the demo practice in a fresh model,
// a manual clock at demo::now(), and a shown view of it scrolled to the
// morning.
#include "base/Clock.h"
#include "DemoPractice.h"
#include "ui/CalendarModel.h"

#include <QObject>
#include <QTest>
#include <QTime>

#include <memory>

namespace mss::test {

class DemoCalendarTest : public QObject {
protected:
    // Call from each test's init(): every test starts from the same week.
    void resetDemo() {
        m_clock = std::make_unique<ManualClock>(demo::now());
        m_model = std::make_unique<ui::CalendarModel>();
        demo::fill(*m_model);
    }

    template <typename View>
    std::unique_ptr<View> makeView() {
        auto view = std::make_unique<View>(*m_clock);
        view->setModel(m_model.get());
        view->setDate(demo::today());
        view->resize(900, 1000);
        view->show();
        if (!QTest::qWaitForWindowExposed(view.get()))
            qWarning("window not exposed");
        view->scrollToTime(QTime(7, 30));
        return view;
    }

    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<ui::CalendarModel> m_model;
};

} // namespace mss::test
