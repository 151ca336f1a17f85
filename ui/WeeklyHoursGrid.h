#pragma once

#include "domain/ProviderAvailability.h"

#include <QWidget>

namespace mss::ui {

// A provider's regular week, Monday to Sunday, painted as blocks on a
// grid of half hours: open hours tinted by location, recurring unavailable
// blocks hatched. Drag across empty time to add a block; click a block to
// select it, Delete or the context menu to remove it. The grid shows the
// weekly (recurring) records only; one-off exceptions are listed beside it
// by AvailabilityEditor.
class WeeklyHoursGrid : public QWidget {
    Q_OBJECT

public:
    explicit WeeklyHoursGrid(QWidget* parent = nullptr);

    // The weekly records to show; their index in this list is what the
    // signals carry.
    void setBlocks(const QList<domain::ProviderAvailability>& weekly);
    int selectedBlock() const { return m_selected; }
    void setSelectedBlock(int index);

    // Unavailable blocks are drawn over open hours (a lunch break inside
    // the working day), so a drag may then start on an open block.
    void setDrawingUnavailable(bool unavailable) { m_drawingUnavailable = unavailable; }

    // Hours shown, e.g. 6 to 22.
    void setHourRange(int first, int last);
    // Where a day's wall-clock minute is on the widget.
    QPoint pointAt(domain::DayOfWeek day, int minuteOfDay) const;
    QRect blockRect(int index) const;

    QSize sizeHint() const override { return {640, 520}; }

signals:
    void blockDrawn(mss::domain::DayOfWeek day, int startMinute, int endMinute);
    void removeRequested(int index);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    QRectF gridRect() const;
    double dayWidth() const;
    double minuteHeight() const;
    int dayAt(double x) const;    // 1..7, 0 outside
    int minuteAt(double y) const; // snapped to 30 minutes
    int blockAt(QPointF pos) const;

    QList<domain::ProviderAvailability> m_blocks;
    int m_selected = -1;
    int m_firstHour = 6;
    int m_lastHour = 22;
    bool m_drawing = false;
    bool m_drawingUnavailable = false;
    int m_drawDay = 0;
    int m_drawFrom = 0;
    int m_drawTo = 0;

    static constexpr int headerHeight = 26;
    static constexpr int gutterWidth = 52;
    static constexpr int snap = 30;
};

} // namespace mss::ui
