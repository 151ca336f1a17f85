#include "ui/MonthView.h"

#include "base/WallClock.h"
#include "ui/AppointmentCard.h"
#include "ui/AppointmentTypes.h"
#include "ui/CalendarModel.h"
#include "ui/LocalText.h"

#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>

#include <cmath>

namespace mss::ui {

namespace {

const QColor gridLine(0xdc, 0xe0, 0xe6);
const QColor otherMonth(0xf7, 0xf8, 0xfa);
const QColor todayMark(0x1a, 0x5f, 0xb4);
const QColor ink(0x1f, 0x29, 0x37);
const QColor mutedInk(0x6b, 0x72, 0x80);
const QColor selectedFill(0xe8, 0xf0, 0xfb);

} // namespace

MonthView::MonthView(const Clock& clock, QWidget* parent)
    : QWidget(parent)
    , m_clock(clock)
    , m_date(localDate(clock.now(), QTimeZone::utc())) {
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(420, 320);
}

void MonthView::setModel(CalendarModel* model) {
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (m_model) {
        const auto changed = [this] { update(); };
        connect(m_model, &QAbstractItemModel::modelReset, this, changed);
        connect(m_model, &QAbstractItemModel::rowsInserted, this, changed);
        connect(m_model, &QAbstractItemModel::rowsRemoved, this, changed);
        connect(m_model, &QAbstractItemModel::dataChanged, this, changed);
        connect(m_model, &CalendarModel::decorationChanged, this, changed);
    }
    update();
}

void MonthView::setProvider(const std::optional<domain::ObjectId>& provider) {
    m_provider = provider;
    update();
}

void MonthView::setFilter(const CalendarFilter& filter) {
    m_filter = filter;
    update();
}

QList<int> MonthView::rowsOn(QDate day) const {
    if (!m_model)
        return {};
    const QTimeZone& zone = m_model->timeZone();
    QList<int> live;
    QList<int> released;
    for (const int row : m_model->rowsBetween(
             wallClockToUtc(day, 0, zone), wallClockToUtc(day.addDays(1), 0, zone), m_provider)) {
        const auto& a = m_model->appointmentAt(row);
        if (m_filter.shows(a))
            (CalendarFilter::isReleased(a) ? released : live).append(row);
    }
    // The cancelled ones after the live ones: they are the first to give
    // way to "+n more".
    return live + released;
}

void MonthView::setDate(QDate date) {
    if (!date.isValid() || date == m_date)
        return;
    m_date = date;
    update();
    emit dateChanged(m_date);
}

QDate MonthView::firstDate() const {
    const QDate first(m_date.year(), m_date.month(), 1);
    const int weekStart = static_cast<int>(QLocale().firstDayOfWeek());
    return first.addDays(-((first.dayOfWeek() - weekStart + 7) % 7));
}

QRect MonthView::cellRect(QDate day) const {
    const qint64 index = firstDate().daysTo(day);
    if (index < 0 || index > 41)
        return {};
    const double w = width() / 7.0;
    const double h = (height() - headerHeight) / 6.0;
    const int col = int(index % 7);
    const int row = int(index / 7);
    return QRectF(col * w, headerHeight + row * h, w, h).toRect();
}

QDate MonthView::dateAt(QPoint pos) const {
    if (pos.y() < headerHeight)
        return {};
    const int col = std::clamp(int(pos.x() / (width() / 7.0)), 0, 6);
    const int row =
        std::clamp(int((pos.y() - headerHeight) / ((height() - headerHeight) / 6.0)), 0, 5);
    return firstDate().addDays(row * 7 + col);
}

void MonthView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), Qt::white);
    const double w = width() / 7.0;
    // Weekday names along the top, in the locale's order.
    QFont headFont = font();
    headFont.setBold(true);
    headFont.setPointSizeF(headFont.pointSizeF() * 0.9);
    p.setFont(headFont);
    p.setPen(mutedInk);
    for (int i = 0; i < 7; ++i) {
        const int day = (static_cast<int>(QLocale().firstDayOfWeek()) - 1 + i) % 7 + 1;
        p.drawText(QRectF(i * w + 8, 0, w - 8, headerHeight), Qt::AlignLeft | Qt::AlignVCenter,
                   QLocale().dayName(day, QLocale::ShortFormat));
    }
    for (int i = 0; i < 42; ++i) {
        const QDate day = firstDate().addDays(i);
        paintCell(p, day, cellRect(day));
    }
    p.setPen(gridLine);
    for (int i = 1; i < 7; ++i)
        p.drawLine(QPointF(std::floor(i * w) + 0.5, headerHeight),
                   QPointF(std::floor(i * w) + 0.5, height()));
    for (int r = 0; r < 6; ++r) {
        const double y = std::floor(headerHeight + r * (height() - headerHeight) / 6.0) + 0.5;
        p.drawLine(QPointF(0, y), QPointF(width(), y));
    }
}

void MonthView::paintCell(QPainter& p, QDate day, const QRectF& cell) const {
    const QTimeZone zone = m_model ? m_model->timeZone() : QTimeZone::utc();
    const bool inMonth = day.month() == m_date.month();
    const bool isToday = day == localDate(m_clock.now(), zone);
    p.fillRect(cell, day == m_date ? selectedFill : inMonth ? QColor(Qt::white) : otherMonth);

    QFont numberFont = font();
    numberFont.setBold(isToday);
    p.setFont(numberFont);
    const QRectF number(cell.left() + 4, cell.top() + 3, 24, 20);
    if (isToday) {
        p.save();
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        p.setBrush(todayMark);
        p.drawEllipse(number.adjusted(1, 0, -1, 0));
        p.restore();
        p.setPen(Qt::white);
    } else {
        p.setPen(inMonth ? ink : mutedInk);
    }
    p.drawText(number, Qt::AlignCenter, QString::number(day.day()));
    if (!m_model)
        return;

    const QList<int> rows = rowsOn(day);
    QFont chipFont = font();
    chipFont.setPointSizeF(chipFont.pointSizeF() * 0.85);
    const QFontMetricsF metrics(chipFont);
    const double lineHeight = metrics.height() + 2;
    const double top = cell.top() + 24;
    const int fits = std::max(0, int((cell.bottom() - top - 2) / lineHeight));
    const int shown = rows.size() > fits ? std::max(0, fits - 1) : int(rows.size());
    for (int i = 0; i < shown; ++i) {
        const auto& a = m_model->appointmentAt(rows[i]);
        const QRectF chip(cell.left() + 4, top + i * lineHeight, cell.width() - 8, lineHeight - 1);
        const auto type =
            m_model->showsDetails(a) ? a.appointmentType : domain::AppointmentType::Other;
        // Every provider in one cell: each wears their colour (the legend
        // names them).
        const QColor accent = m_provider ? QColor() : m_model->providerColour(a.provider.id);
        p.fillRect(chip, AppointmentCard::fillColour(type, a.status, accent));
        p.fillRect(QRectF(chip.left(), chip.top(), accent.isValid() ? 4 : 3, chip.height()),
                   accent.isValid() ? accent : AppointmentTypes::colour(type));
        QFont f = chipFont;
        f.setStrikeOut(CalendarFilter::isReleased(a));
        p.setFont(f);
        p.setPen(AppointmentCard::inkColour(a.status));
        const StatusMark mark = AppointmentCard::markOf(a.status, a.confirmationStatus);
        QString text = LocalText::time(a.startTime, zone) + QLatin1Char(' ') + m_model->titleOf(a);
        if (mark == StatusMark::NoShow)
            text = tr("%1 (no-show)").arg(text);
        // Confirmed and completed carry the card's marks at the chip's end.
        QRectF textRect = chip.adjusted(6, 0, -2, 0);
        if ((mark == StatusMark::Confirmed || mark == StatusMark::Completed) && chip.width() > 60) {
            const double d = std::min(10.0, chip.height() - 2);
            AppointmentCard::paintMark(
                p, QRectF(chip.right() - d - 2, chip.center().y() - d / 2, d, d), mark);
            textRect.setRight(chip.right() - d - 5);
        }
        p.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
                   metrics.elidedText(text, Qt::ElideRight, textRect.width()));
    }
    if (shown < rows.size()) {
        p.setFont(chipFont);
        p.setPen(mutedInk);
        p.drawText(QRectF(cell.left() + 8, top + shown * lineHeight, cell.width() - 12, lineHeight),
                   Qt::AlignLeft | Qt::AlignVCenter,
                   tr("+%n more", nullptr, int(rows.size() - shown)));
    }
}

void MonthView::mousePressEvent(QMouseEvent* event) {
    setFocus(Qt::MouseFocusReason);
    const QDate day = dateAt(event->position().toPoint());
    if (day.isValid())
        setDate(day);
}

void MonthView::mouseDoubleClickEvent(QMouseEvent* event) {
    const QDate day = dateAt(event->position().toPoint());
    if (day.isValid())
        emit dayActivated(day);
}

void MonthView::keyPressEvent(QKeyEvent* event) {
    const bool ctrl = event->modifiers().testFlag(Qt::ControlModifier);
    switch (event->key()) {
    case Qt::Key_Left:
        setDate(m_date.addDays(-1));
        return;
    case Qt::Key_Right:
        setDate(m_date.addDays(1));
        return;
    case Qt::Key_Up:
        setDate(m_date.addDays(-7));
        return;
    case Qt::Key_Down:
        setDate(m_date.addDays(7));
        return;
    case Qt::Key_PageUp:
        emit stepRequested(-1);
        return;
    case Qt::Key_PageDown:
        emit stepRequested(+1);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        emit dayActivated(m_date);
        return;
    case Qt::Key_T:
        if (!ctrl) {
            emit todayRequested();
            return;
        }
        break;
    case Qt::Key_N:
        if (ctrl && m_allowed.testFlag(CalendarAction::Book)) {
            const QTimeZone zone = m_model ? m_model->timeZone() : QTimeZone::utc();
            const QDateTime start = wallClockToUtc(m_date, 9 * 60, zone);
            emit newAppointmentRequested(m_provider.value_or(domain::ObjectId()), start,
                                         start.addSecs(50 * 60));
            return;
        }
        break;
    default:
        break;
    }
    QWidget::keyPressEvent(event);
}

} // namespace mss::ui
