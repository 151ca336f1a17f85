#pragma once

#include <QCalendarWidget>
#include <QSet>

#include <functional>

namespace mss::ui {

// The small month beside the calendar: a click on a day shows that day in
// the current view; days with appointments carry a dot (and bold numbers),
// as the marker says, for the month on show.
class MiniMonth : public QCalendarWidget {
    Q_OBJECT

public:
    // The days between first and last (inclusive) that have appointments.
    using DayMarker = std::function<QSet<QDate>(QDate first, QDate last)>;

    explicit MiniMonth(QWidget* parent = nullptr);

    void setDayMarker(DayMarker marker);
    // Asks the marker again (after the schedule changed).
    void refreshMarks();
    const QSet<QDate>& markedDays() const { return m_marked; }
    // The first and last day of the grid on show.
    QDate firstShownDate() const;
    QDate lastShownDate() const { return firstShownDate().addDays(41); }

signals:
    void dayChosen(QDate day);

protected:
    void paintCell(QPainter* painter, const QRect& rect, QDate date) const override;

private:
    DayMarker m_marker;
    QSet<QDate> m_marked;
};

} // namespace mss::ui
