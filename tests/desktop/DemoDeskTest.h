#pragma once

// The fixture of the desktop tests on the demo practice: the real server on
// loopback with the demo data in a data dir of its own, a desk signed in to
// it as one member of staff (its window shown, its first sync done), and an
// admin's connection straight to the server, standing for another desk.
// ClockType is the desk's clock: the system's, or a ManualClock for tests
// that move time.
#include "AppointmentBook.h"
#include "base/WallClock.h"
#include "Desk.h"
#include "MainWindow.h"
#include "OpenDesk.h"
#include "ServerProcess.h"
#include "ui/CalendarWidget.h"
#include "ui/DayView.h"

#include <QObject>
#include <QScrollBar>
#include <QStatusBar>

#include <memory>
#include <type_traits>

namespace mss::test {

template <typename ClockType = SystemClock>
class DemoDeskTest : public QObject {
protected:
    static inline const QByteArray demoPassword = "mentalspace-demo";
    static inline const QString adminEmail = QStringLiteral("admin@demo.practice");
    static inline const QString frontDesk = QStringLiteral("frontdesk@demo.practice");

    template <typename... ClockArgs>
    requires std::is_constructible_v<ClockType, ClockArgs...>
    explicit DemoDeskTest(ClockArgs&&... clockArgs)
        : m_clock(std::forward<ClockArgs>(clockArgs)...) {}

    // Starts the demo server (with extra arguments for it, if any) and opens
    // the desk as `email`. Whether all of it worked; what did not is printed.
    bool openDemoDesk(const QString& email, const QStringList& serverArguments = {}) {
        if (!m_server.demo() || !m_server.start(serverArguments)) {
            qWarning("the demo server did not start");
            return false;
        }
        return m_desk.open(m_server.url(), email, demoPassword, m_clock);
    }

    // The admin's connection, signed in.
    bool signInAdmin() {
        m_admin = std::make_unique<sync::ApiClient>(m_server.url());
        const sync::ApiResponse r =
            await(m_admin->login(adminEmail, QString::fromLatin1(demoPassword)));
        if (!r.ok())
            qWarning("the admin cannot sign in: %s", qPrintable(r.message));
        return r.ok();
    }

    // The first provider of the desk's calendar.
    domain::ObjectId firstProvider() const {
        return m_desk.window->book()->model().providers().front().id();
    }

    // The Saturday `weeks` weeks after this week's, at the practice: a day
    // the demo leaves free.
    QDate saturdayInWeeks(int weeks) const {
        const QDate today = localDate(m_clock.now(), m_desk.session->timeZone());
        return today.addDays(6 - today.dayOfWeek() + 7 * weeks);
    }

    // The Day view of `provider` on `day`, from the top of the day scrolled
    // to `time`.
    ui::DayView* showDay(const domain::ObjectId& provider, QDate day, QTime time) {
        ui::CalendarWidget* calendar = m_desk.window->calendar();
        calendar->setMode(ui::CalendarMode::Day);
        calendar->setProvider(provider);
        calendar->setDate(day);
        ui::DayView* view = calendar->dayView();
        view->verticalScrollBar()->setValue(0);
        view->scrollToTime(time);
        return view;
    }

    QString statusMessage() const { return m_desk.window->statusBar()->currentMessage(); }

    // Destroyed in reverse: the admin, the desk, the server, then the clock
    // the desk reads.
    ClockType m_clock;
    ServerProcess m_server;
    OpenDesk m_desk;
    std::unique_ptr<sync::ApiClient> m_admin;
};

} // namespace mss::test
