#pragma once

#include "base/Clock.h"
#include "domain/ObjectId.h"
#include "ui/CalendarActions.h"
#include "ui/CalendarFilter.h"

#include <QDate>
#include <QPointer>
#include <QWidget>

#include <optional>

namespace mss::ui {

class CalendarModel;

// A month at a glance: six weeks of day cells, each listing its first
// appointments ("09:00 Ada Lovelace", coloured by type, or by provider
// when every provider shows; struck through when cancelled, and listed
// after the live ones) and how many more there are. Click selects a day,
// double-click opens it in a day view; arrows move the selection, Page
// Up/Down change the month, T goes to today, Ctrl+N books on the selected
// day.
class MonthView : public QWidget {
    Q_OBJECT

public:
    explicit MonthView(const Clock& clock, QWidget* parent = nullptr);

    void setModel(CalendarModel* model);
    // nullopt shows every provider.
    void setProvider(const std::optional<domain::ObjectId>& provider);

    QDate date() const { return m_date; } // the selected day
    void setDate(QDate date);
    QDate firstDate() const; // first cell of the grid
    QDate lastDate() const { return firstDate().addDays(41); }

    void setAllowedActions(CalendarActions actions) { m_allowed = actions; }
    void setFilter(const CalendarFilter& filter);
    const CalendarFilter& filter() const { return m_filter; }
    // The appointments a day cell lists, in the order it lists them.
    QList<int> rowsOn(QDate day) const;

    QRect cellRect(QDate day) const;
    QDate dateAt(QPoint pos) const;

    QSize sizeHint() const override { return {900, 640}; }

signals:
    void dateChanged(QDate date);
    void dayActivated(QDate date);
    void newAppointmentRequested(const mss::domain::ObjectId& provider, const QDateTime& start,
                                 const QDateTime& end);
    void todayRequested();
    void stepRequested(int direction);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void paintCell(QPainter& p, QDate day, const QRectF& cell) const;

    const Clock& m_clock;
    QPointer<CalendarModel> m_model;
    std::optional<domain::ObjectId> m_provider;
    QDate m_date;
    CalendarActions m_allowed = allCalendarActions;
    CalendarFilter m_filter;

    static constexpr int headerHeight = 28;
};

} // namespace mss::ui
