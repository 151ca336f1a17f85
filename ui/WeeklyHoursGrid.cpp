#include "ui/WeeklyHoursGrid.h"

#include "ui/LocalText.h"

#include <QContextMenuEvent>
#include <QLocale>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>

#include <cmath>

namespace mss::ui {

namespace {

QColor locationColour(domain::AvailabilityLocation location) {
    switch (location) {
    case domain::AvailabilityLocation::Office:
        return {0xd4, 0xec, 0xdc};
    case domain::AvailabilityLocation::Virtual:
        return {0xd6, 0xe6, 0xf7};
    case domain::AvailabilityLocation::Both:
        return {0xdf, 0xf0, 0xe8};
    case domain::AvailabilityLocation::Other:
        return {0xf1, 0xe8, 0xd4};
    }
    return {0xdf, 0xf0, 0xe8};
}

QString locationName(domain::AvailabilityLocation location) {
    switch (location) {
    case domain::AvailabilityLocation::Office:
        return WeeklyHoursGrid::tr("Office");
    case domain::AvailabilityLocation::Virtual:
        return WeeklyHoursGrid::tr("Virtual");
    case domain::AvailabilityLocation::Both:
        return WeeklyHoursGrid::tr("Office or virtual");
    case domain::AvailabilityLocation::Other:
        return WeeklyHoursGrid::tr("Other location");
    }
    return {};
}

} // namespace

WeeklyHoursGrid::WeeklyHoursGrid(QWidget* parent)
    : QWidget(parent) {
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(420, 320);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void WeeklyHoursGrid::setBlocks(const QList<domain::ProviderAvailability>& weekly) {
    m_blocks = weekly;
    if (m_selected >= m_blocks.size())
        m_selected = -1;
    update();
}

void WeeklyHoursGrid::setSelectedBlock(int index) {
    m_selected = index >= 0 && index < m_blocks.size() ? index : -1;
    update();
}

void WeeklyHoursGrid::setHourRange(int first, int last) {
    m_firstHour = std::clamp(first, 0, 23);
    m_lastHour = std::clamp(last, m_firstHour + 1, 24);
    update();
}

QRectF WeeklyHoursGrid::gridRect() const {
    return QRectF(gutterWidth, headerHeight, width() - gutterWidth - 1,
                  height() - headerHeight - 1);
}

double WeeklyHoursGrid::dayWidth() const {
    return gridRect().width() / 7.0;
}

double WeeklyHoursGrid::minuteHeight() const {
    return gridRect().height() / ((m_lastHour - m_firstHour) * 60.0);
}

QPoint WeeklyHoursGrid::pointAt(domain::DayOfWeek day, int minuteOfDay) const {
    const QRectF g = gridRect();
    return QPointF(g.left() + (static_cast<int>(day) - 0.5) * dayWidth(),
                   g.top() + (minuteOfDay - m_firstHour * 60) * minuteHeight())
        .toPoint();
}

QRect WeeklyHoursGrid::blockRect(int index) const {
    if (index < 0 || index >= m_blocks.size())
        return {};
    const auto& b = m_blocks.at(index);
    const QRectF g = gridRect();
    const double top = g.top() + (b.startTime.minutes() - m_firstHour * 60) * minuteHeight();
    const double bottom = g.top() + (b.endTime.minutes() - m_firstHour * 60) * minuteHeight();
    return QRectF(g.left() + (static_cast<int>(b.dayOfWeek) - 1) * dayWidth() + 2, top,
                  dayWidth() - 4, bottom - top)
        .toRect();
}

int WeeklyHoursGrid::dayAt(double x) const {
    const QRectF g = gridRect();
    if (x < g.left() || x >= g.right())
        return 0;
    return std::clamp(int((x - g.left()) / dayWidth()) + 1, 1, 7);
}

int WeeklyHoursGrid::minuteAt(double y) const {
    const double minute = m_firstHour * 60 + (y - gridRect().top()) / minuteHeight();
    const int snapped = int(std::lround(minute / snap)) * snap;
    return std::clamp(snapped, m_firstHour * 60, m_lastHour * 60);
}

int WeeklyHoursGrid::blockAt(QPointF pos) const {
    // Unavailable blocks sit on top of open ones, so they are hit first.
    for (int pass = 0; pass < 2; ++pass) {
        for (int i = int(m_blocks.size()) - 1; i >= 0; --i) {
            if ((pass == 0) == m_blocks.at(i).isAvailable)
                continue;
            if (blockRect(i).contains(pos.toPoint()))
                return i;
        }
    }
    return -1;
}

void WeeklyHoursGrid::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), Qt::white);
    const QRectF g = gridRect();
    const QColor line(0xdc, 0xe0, 0xe6);
    const QColor muted(0x6b, 0x72, 0x80);

    p.fillRect(g, QColor(0xf1, 0xf3, 0xf6));
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    p.setFont(small);
    for (int h = m_firstHour; h <= m_lastHour; ++h) {
        const double y = std::floor(g.top() + (h - m_firstHour) * 60 * minuteHeight()) + 0.5;
        p.setPen(line);
        p.drawLine(QPointF(g.left(), y), QPointF(g.right(), y));
        if (h < m_lastHour) {
            p.setPen(muted);
            p.drawText(QRectF(0, y - 8, gutterWidth - 6, 16), Qt::AlignRight | Qt::AlignVCenter,
                       LocalText::time(QTime(h, 0)));
        }
    }
    QFont bold = font();
    bold.setBold(true);
    for (int d = 1; d <= 7; ++d) {
        const double x = g.left() + (d - 1) * dayWidth();
        p.setPen(line);
        p.drawLine(QPointF(std::floor(x) + 0.5, g.top()), QPointF(std::floor(x) + 0.5, g.bottom()));
        p.setFont(bold);
        p.setPen(QColor(0x1f, 0x29, 0x37));
        p.drawText(QRectF(x, 0, dayWidth(), headerHeight), Qt::AlignCenter,
                   QLocale().dayName(d, QLocale::ShortFormat));
    }

    p.setRenderHint(QPainter::Antialiasing);
    for (int pass = 0; pass < 2; ++pass) {
        for (int i = 0; i < m_blocks.size(); ++i) {
            const auto& b = m_blocks.at(i);
            if ((pass == 0) != b.isAvailable)
                continue;
            const QRectF r = blockRect(i);
            if (b.isAvailable) {
                p.setPen(QPen(QColor(0x2c, 0xa0, 0x5a), i == m_selected ? 2 : 1));
                p.setBrush(locationColour(b.location));
            } else {
                p.setPen(QPen(QColor(0xb0, 0x5c, 0x5c), i == m_selected ? 2 : 1));
                p.setBrush(QColor(0xf7, 0xe6, 0xe6));
            }
            p.drawRoundedRect(r.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
            if (!b.isAvailable)
                p.fillRect(r.adjusted(1, 1, -1, -1),
                           QBrush(QColor(0xd4, 0x9c, 0x9c), Qt::BDiagPattern));
            p.setFont(small);
            p.setPen(QColor(0x1f, 0x29, 0x37));
            const QString text =
                b.startTime.toString() + QStringLiteral("\u2013") + b.endTime.toString() +
                QLatin1Char('\n') +
                (b.isAvailable ? locationName(b.location) : b.notes.value_or(tr("Unavailable")));
            p.drawText(r.adjusted(5, 3, -3, -2), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                       text);
        }
    }
    if (m_drawing && m_drawTo != m_drawFrom) {
        const QRectF r(g.left() + (m_drawDay - 1) * dayWidth() + 2,
                       g.top() +
                           (std::min(m_drawFrom, m_drawTo) - m_firstHour * 60) * minuteHeight(),
                       dayWidth() - 4, std::abs(m_drawTo - m_drawFrom) * minuteHeight());
        QColor fill(0x1a, 0x5f, 0xb4);
        fill.setAlpha(50);
        p.setPen(QPen(QColor(0x1a, 0x5f, 0xb4), 1.5));
        p.setBrush(fill);
        p.drawRoundedRect(r, 3, 3);
    }
}

void WeeklyHoursGrid::mousePressEvent(QMouseEvent* event) {
    setFocus(Qt::MouseFocusReason);
    if (event->button() != Qt::LeftButton)
        return;
    const int hit = blockAt(event->position());
    setSelectedBlock(hit);
    const int day = dayAt(event->position().x());
    const bool overOpenHours = hit >= 0 && m_blocks.at(hit).isAvailable && m_drawingUnavailable;
    if ((hit >= 0 && !overOpenHours) || day == 0 || event->position().y() < headerHeight)
        return;
    m_drawing = true;
    m_drawDay = day;
    m_drawFrom = minuteAt(event->position().y());
    m_drawTo = m_drawFrom;
}

void WeeklyHoursGrid::mouseMoveEvent(QMouseEvent* event) {
    if (!m_drawing)
        return;
    m_drawTo = minuteAt(event->position().y());
    update();
}

void WeeklyHoursGrid::mouseReleaseEvent(QMouseEvent* event) {
    if (!m_drawing)
        return;
    m_drawing = false;
    m_drawTo = minuteAt(event->position().y());
    update();
    const int from = std::min(m_drawFrom, m_drawTo);
    const int to = std::max(m_drawFrom, m_drawTo);
    if (to > from)
        emit blockDrawn(static_cast<domain::DayOfWeek>(m_drawDay), from, to);
}

void WeeklyHoursGrid::keyPressEvent(QKeyEvent* event) {
    if ((event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) && m_selected >= 0) {
        emit removeRequested(m_selected);
        return;
    }
    QWidget::keyPressEvent(event);
}

void WeeklyHoursGrid::contextMenuEvent(QContextMenuEvent* event) {
    const int hit = blockAt(event->pos());
    if (hit < 0)
        return;
    setSelectedBlock(hit);
    auto* menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(tr("&Remove block"), this, [this, hit] { emit removeRequested(hit); });
    menu->popup(event->globalPos());
}

} // namespace mss::ui
