// The painting half of TimeGridView: background (availability), grid,
// cards, the now-line, the drag preview, then the fixed gutter and header
// on top, so that they stay in place while the grid scrolls under them.
#include "ui/TimeGridView.h"

#include "base/WallClock.h"
#include "ui/AppointmentCard.h"
#include "ui/AppointmentTypes.h"
#include "ui/CalendarModel.h"
#include "ui/LocalText.h"

#include <QPainter>
#include <QScrollBar>

#include <cmath>

namespace mss::ui {

namespace {

const QColor closedShade(0xf1, 0xf3, 0xf6);
const QColor blockedShade(0xf7, 0xe6, 0xe6);
const QColor blockedHatch(0xd4, 0x9c, 0x9c);
const QColor missingHatch(0xb8, 0xbe, 0xc8);
const QColor hourLine(0xdc, 0xe0, 0xe6);
const QColor halfHourLine(0xef, 0xf1, 0xf4);
const QColor columnLine(0xd0, 0xd5, 0xdc);
const QColor nowRed(0xd9, 0x30, 0x25);
const QColor accent(0x1a, 0x5f, 0xb4);
const QColor headerFill(0xfa, 0xfb, 0xfc);
const QColor headerInk(0x1f, 0x29, 0x37);
const QColor mutedInk(0x6b, 0x72, 0x80);
const QColor holdShade(0xfd, 0xf6, 0xe3);
const QColor holdHatch(0xc7, 0x8a, 0x1c);

} // namespace

void TimeGridView::paintEvent(QPaintEvent*) {
    QPainter p(viewport());
    p.fillRect(viewport()->rect(), Qt::white);
    ensureLayout();

    const QRectF grid(gutterWidth, headerHeight(), viewport()->width() - gutterWidth,
                      viewport()->height() - headerHeight());
    p.save();
    p.setClipRect(grid);
    const double width = columnWidth();
    for (int c = 0; c < m_columns.size(); ++c) {
        const QRectF column = toViewport(QRectF(c * width, 0, width, 24 * 60 * minuteHeight()));
        if (column.right() < grid.left() || column.left() > grid.right())
            continue;
        paintColumnBackground(p, c);
    }

    // Hour and half-hour lines across every column.
    const QRectF all =
        toViewport(QRectF(0, 0, width * double(m_columns.size()), 24 * 60 * minuteHeight()));
    for (int h = 0; h <= 24; ++h) {
        const double y = std::floor(all.top() + h * 60 * minuteHeight()) + 0.5;
        p.setPen(hourLine);
        p.drawLine(QPointF(all.left(), y), QPointF(all.right(), y));
        if (h < 24 && m_pixelsPerHour >= 36) {
            p.setPen(QPen(halfHourLine, 1, Qt::DotLine));
            const double y2 = std::floor(y + 30 * minuteHeight()) + 0.5;
            p.drawLine(QPointF(all.left(), y2), QPointF(all.right(), y2));
        }
    }
    p.setPen(columnLine);
    for (int c = 1; c <= m_columns.size(); ++c) {
        const double x = std::floor(all.left() + c * width) - 0.5;
        p.drawLine(QPointF(x, all.top()), QPointF(x, all.bottom()));
    }

    paintHolds(p);

    if (m_model) {
        const bool showProvider = std::any_of(m_columns.cbegin(), m_columns.cend(),
                                              [](const GridColumn& c) { return !c.provider; });
        const bool providerColours = showsProviderColours();
        const QTimeZone& zone = m_model->timeZone();
        const auto moving = m_drag == Drag::Move || m_drag == Drag::Resize;
        for (qsizetype i = 0; i < m_cards.size(); ++i) {
            const Card& card = m_cards.at(i);
            const QRectF r = toViewport(card.rect);
            if (!r.intersects(grid))
                continue;
            const domain::Appointment& a = m_model->appointmentAt(card.row);
            if (card.tab) {
                AppointmentCard::paintTab(p, r, a.id() == m_selected);
                continue;
            }
            CardContent content;
            if (providerColours)
                content.accent = m_model->providerColour(a.provider.id);
            const bool details = m_model->showsDetails(a);
            content.client = m_model->titleOf(a);
            content.timeText = LocalText::span(a.startTime, a.endTime, zone);
            content.typeName = details ? AppointmentTypes::name(a.appointmentType) : QString();
            if (showProvider && !m_columns.at(card.column).provider)
                content.provider = m_model->providerName(a.provider.id);
            content.type = details ? a.appointmentType : domain::AppointmentType::Other;
            content.location = details ? a.location : domain::Location::Office;
            content.status = a.status;
            content.confirmation = a.confirmationStatus;
            content.selected = a.id() == m_selected;
            if (moving && i == m_pressHit.card)
                p.setOpacity(0.45);
            AppointmentCard::paint(p, r.adjusted(0, 0, -1, 0), content);
            if (m_model->isUnsent(a.id()))
                AppointmentCard::paintUnsentMark(p, r.adjusted(0, 0, -1, 0));
            p.setOpacity(1);
        }
    }
    paintSelectedSlot(p);
    paintNowLine(p);
    paintDragPreview(p);
    p.restore();

    paintGutter(p);
    paintHeader(p);
}

void TimeGridView::paintHolds(QPainter& p) const {
    if (!m_model || m_model->holds().isEmpty())
        return;
    const double width = columnWidth();
    const QTimeZone& zone = m_model->timeZone();
    for (int c = 0; c < m_columns.size(); ++c) {
        const GridColumn& col = m_columns.at(c);
        const DayAxis& axis = m_axes.at(c);
        for (const HeldSlot& h : m_model->holds()) {
            if ((col.provider && *col.provider != h.provider) ||
                h.start.toTimeZone(zone).date() != col.date)
                continue;
            const double top = axis.minuteOf(h.start);
            const double bottom = std::max(top + 15, double(axis.minuteOf(h.end)));
            const QRectF r = toViewport(QRectF(c * width + 2, top * minuteHeight(), width - 6,
                                               (bottom - top) * minuteHeight()));
            p.save();
            p.fillRect(r, holdShade);
            p.fillRect(r, QBrush(holdHatch, Qt::BDiagPattern));
            p.setPen(QPen(holdHatch, 1, Qt::DashLine));
            p.drawRect(r.adjusted(0.5, 0.5, -0.5, -0.5));
            p.setPen(headerInk);
            QString text = tr("Held for waitlist until %1")
                               .arg(h.heldUntil.toTimeZone(zone).toString(QStringLiteral("HH:mm")));
            if (!h.clientName.isEmpty())
                text += QLatin1Char('\n') + h.clientName;
            p.drawText(r.adjusted(4, 2, -4, -2), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                       text);
            p.restore();
        }
    }
}

void TimeGridView::paintColumnBackground(QPainter& p, int c) const {
    const double width = columnWidth();
    const QRectF column = toViewport(QRectF(c * width, 0, width, 24 * 60 * minuteHeight()));
    const GridColumn& col = m_columns.at(c);
    const DayAxis& axis = m_axes.at(c);
    auto band = [&](double fromMinute, double toMinute) {
        return QRectF(column.left(), column.top() + fromMinute * minuteHeight(), column.width(),
                      (toMinute - fromMinute) * minuteHeight());
    };

    // Which providers' availability colours this column: its own, or for
    // a column of everyone, all who have availability on record.
    QList<domain::ObjectId> providers;
    if (m_model) {
        if (col.provider) {
            if (m_model->hasAvailability(*col.provider))
                providers << *col.provider;
        } else {
            for (const auto& s : m_model->providers()) {
                if (m_model->hasAvailability(s.id()))
                    providers << s.id();
            }
        }
    }
    if (providers.isEmpty()) {
        p.fillRect(column, Qt::white); // nothing known: nothing to warn about
    } else {
        p.fillRect(column, closedShade);
        QList<scheduling::TimeRange> blocked;
        QList<scheduling::TimeRange> open;
        for (const auto& id : std::as_const(providers)) {
            const auto resolved = m_model->availabilityOn(id, col.date);
            open += resolved.available;
            blocked += resolved.blocked;
        }
        for (const auto& r : scheduling::normalized(open))
            p.fillRect(band(axis.minuteOf(r.startTime()), axis.minuteOf(r.endTime())), Qt::white);
        // Time off only reads as blocked in a provider's own column; in a
        // column of everyone, someone else may well be working.
        if (col.provider) {
            for (const auto& r : scheduling::normalized(blocked)) {
                const QRectF b = band(axis.minuteOf(r.startTime()), axis.minuteOf(r.endTime()));
                p.fillRect(b, blockedShade);
                p.fillRect(b, QBrush(blockedHatch, Qt::BDiagPattern));
                if (b.height() > 18) {
                    const QString note = m_model->timeOffNote(*col.provider, r.startTime());
                    p.setPen(QColor(0x9b, 0x4d, 0x4d));
                    p.drawText(
                        b.adjusted(6, 2, -4, -2), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                        note.isEmpty() ? tr("Unavailable") : tr("Unavailable: %1").arg(note));
                }
            }
        }
    }
    for (const auto& [from, to] : axis.missingMinutes()) {
        const QRectF m = band(from, to);
        p.fillRect(m, QColor(0xf3, 0xf4, 0xf6));
        p.fillRect(m, QBrush(missingHatch, Qt::FDiagPattern));
        if (m.height() > 16) {
            p.setPen(mutedInk);
            p.drawText(m.adjusted(6, 0, -4, 0), Qt::AlignLeft | Qt::AlignVCenter,
                       tr("Clocks go forward"));
        }
    }
}

void TimeGridView::paintNowLine(QPainter& p) const {
    const QDateTime now = m_clock.now();
    const double width = columnWidth();
    for (int c = 0; c < m_axes.size(); ++c) {
        const DayAxis& axis = m_axes.at(c);
        if (now < axis.dayStart() || now >= axis.dayEnd())
            continue;
        const QRectF column = toViewport(QRectF(c * width, 0, width, 24 * 60 * minuteHeight()));
        const double y = std::round(column.top() + axis.minuteOf(now) * minuteHeight());
        p.save();
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(nowRed, 2));
        p.drawLine(QPointF(column.left(), y), QPointF(column.right() - 1, y));
        p.setPen(Qt::NoPen);
        p.setBrush(nowRed);
        p.drawEllipse(QPointF(column.left() + 1, y), 4, 4);
        p.restore();
    }
}

void TimeGridView::paintDragPreview(QPainter& p) const {
    const auto prop = proposal(m_dragPos);
    if (!prop)
        return;
    const double width = columnWidth();
    const QRectF r = toViewport(QRectF(prop->column * width + 1, prop->topMinute * minuteHeight(),
                                       width - columnMargin,
                                       (prop->bottomMinute - prop->topMinute) * minuteHeight()));
    const QTimeZone& zone = m_model->timeZone();
    const QString times = LocalText::span(prop->start, prop->end, zone);
    if (m_drag == Drag::Create) {
        p.save();
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(accent, 1.5));
        QColor fill = accent;
        fill.setAlpha(40);
        p.setBrush(fill);
        p.drawRoundedRect(r.adjusted(1, 0, -1, 0), 4, 4);
        p.setPen(accent);
        p.drawText(r.adjusted(8, 2, -4, -2), Qt::AlignLeft | Qt::AlignTop,
                   tr("New: %1").arg(times));
        p.restore();
    } else {
        const domain::Appointment& a = m_model->appointmentAt(m_cards.at(m_pressHit.card).row);
        CardContent content;
        content.client = m_model->titleOf(a);
        content.timeText = times;
        content.typeName = AppointmentTypes::name(a.appointmentType);
        if (prop->provider != a.provider.id)
            content.provider = m_model->providerName(prop->provider);
        content.type = a.appointmentType;
        content.status = a.status;
        content.confirmation = a.confirmationStatus;
        if (showsProviderColours())
            content.accent = m_model->providerColour(prop->provider);
        content.ghost = true;
        AppointmentCard::paint(p, r, content);
    }

    // The rules' verdict on the spot under the pointer, before the drop.
    const auto check = checkProposal(*prop);
    if (!check || (check->conflicts.isEmpty() && !check->outsideAvailability))
        return;
    const bool conflict = !check->conflicts.isEmpty();
    const QColor colour = conflict ? nowRed : QColor(0xc7, 0x7c, 0x02);
    const QString text =
        conflict ? tr("Conflict: %1").arg(m_model->describeConflict(check->conflicts.first()))
                 : tr("Outside availability");
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(colour, 2));
    p.setBrush(Qt::NoBrush);
    p.drawRoundedRect(r.adjusted(1, 1, -1, -1), 4, 4);
    QFont tagFont = font();
    tagFont.setBold(true);
    tagFont.setPointSizeF(tagFont.pointSizeF() * 0.85);
    p.setFont(tagFont);
    const QFontMetricsF metrics(tagFont);
    const double tagWidth =
        std::min(metrics.horizontalAdvance(text) + 12, double(viewport()->width() - r.left() - 4));
    const QRectF tag(r.left(), r.bottom() + 2, tagWidth, metrics.height() + 4);
    p.setPen(Qt::NoPen);
    p.setBrush(colour);
    p.drawRoundedRect(tag, 3, 3);
    p.setPen(Qt::white);
    p.drawText(tag.adjusted(6, 0, -6, 0), Qt::AlignLeft | Qt::AlignVCenter,
               metrics.elidedText(text, Qt::ElideRight, tag.width() - 12));
    p.restore();
}

void TimeGridView::paintGutter(QPainter& p) const {
    const QRectF gutter(0, headerHeight(), gutterWidth, viewport()->height() - headerHeight());
    p.save();
    p.setClipRect(gutter);
    p.fillRect(gutter, Qt::white);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    p.setFont(small);
    p.setPen(mutedInk);
    const double top = headerHeight() - verticalScrollBar()->value();
    for (int h = 1; h < 24; ++h) {
        const double y = top + h * 60 * minuteHeight();
        const QString label = LocalText::time(QTime(h, 0));
        p.drawText(QRectF(0, y - 8, gutterWidth - 8, 16), Qt::AlignRight | Qt::AlignVCenter, label);
    }
    p.setPen(columnLine);
    p.drawLine(QPointF(gutterWidth - 0.5, gutter.top()),
               QPointF(gutterWidth - 0.5, gutter.bottom()));
    p.restore();
}

void TimeGridView::paintHeader(QPainter& p) const {
    const int total = headerHeight();
    const double top = total - columnHeaderHeight; // below the caption
    p.save();
    p.fillRect(QRectF(0, 0, viewport()->width(), total), headerFill);
    if (!m_caption.isEmpty()) {
        QFont captionFont = font();
        captionFont.setBold(true);
        captionFont.setPointSizeF(captionFont.pointSizeF() * 1.15);
        p.setFont(captionFont);
        p.setPen(headerInk);
        const QRectF captionRect(gutterWidth + 8, 4, viewport()->width() - gutterWidth - 14,
                                 captionHeight - 4);
        p.drawText(captionRect, Qt::AlignLeft | Qt::AlignVCenter,
                   p.fontMetrics().elidedText(m_caption, Qt::ElideRight, int(captionRect.width())));
    }
    const QDate today = localDate(m_clock.now(), m_model ? m_model->timeZone() : QTimeZone::utc());
    const double width = columnWidth();
    p.setClipRect(QRectF(gutterWidth, top, viewport()->width() - gutterWidth, columnHeaderHeight));
    QFont titleFont = font();
    titleFont.setBold(true);
    QFont subFont = font();
    subFont.setPointSizeF(subFont.pointSizeF() * 0.85);
    for (int c = 0; c < m_columns.size(); ++c) {
        const GridColumn& col = m_columns.at(c);
        const double x = gutterWidth + c * width - horizontalScrollBar()->value();
        const QRectF cell(x, top, width, columnHeaderHeight);
        if (cell.right() < gutterWidth || cell.left() > viewport()->width())
            continue;
        const bool isToday = col.date == today;
        // A provider's column in a view of several: their colour on top,
        // as on their cards and in the legend.
        if (col.provider && m_model && showsProviderColours())
            p.fillRect(QRectF(cell.left(), top, cell.width() - 1, 4),
                       m_model->providerColour(*col.provider));
        if (isToday)
            p.fillRect(QRectF(cell.left(), cell.bottom() - 3, cell.width() - 1, 3), accent);
        p.setFont(titleFont);
        p.setPen(isToday ? accent : headerInk);
        const QRectF titleRect = cell.adjusted(8, 5, -6, -columnHeaderHeight / 2.0);
        p.drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
                   p.fontMetrics().elidedText(col.title, Qt::ElideRight, int(titleRect.width())));
        p.setFont(subFont);
        p.setPen(mutedInk);
        const QRectF subRect = cell.adjusted(8, columnHeaderHeight / 2.0, -6, -5);
        p.drawText(subRect, Qt::AlignLeft | Qt::AlignVCenter,
                   p.fontMetrics().elidedText(col.subtitle, Qt::ElideRight, int(subRect.width())));
        p.setPen(columnLine);
        p.drawLine(QPointF(cell.right() - 0.5, top + 6), QPointF(cell.right() - 0.5, total));
    }
    p.setClipping(false);
    // The zone's abbreviation in the corner: the times below are the
    // practice's, whatever this computer's zone is.
    if (m_model && !m_columns.isEmpty()) {
        const QDateTime noon = m_axes.first().instantAt(12 * 60);
        p.setFont(subFont);
        p.setPen(mutedInk);
        p.drawText(QRectF(0, 0, gutterWidth - 6, total - 4), Qt::AlignRight | Qt::AlignBottom,
                   m_model->timeZone().abbreviation(noon));
    }
    p.setPen(columnLine);
    p.drawLine(QPointF(0, total - 0.5), QPointF(viewport()->width(), total - 0.5));
    p.restore();
}

} // namespace mss::ui
