#include "ui/TimeGridView.h"

#include "domain/StatusTiming.h"

#include "base/WallClock.h"
#include "ui/AppointmentCard.h"
#include "ui/AppointmentTypes.h"
#include "ui/CalendarModel.h"
#include "ui/LocalText.h"
#include "ui/OverlapLayout.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QFocusEvent>
#include <QHelpEvent>
#include <QMenu>
#include <QPainter>
#include <QScrollBar>
#include <QTimer>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace mss::ui {

using domain::AppointmentStatus;

namespace {

bool canChange(AppointmentStatus status) {
    return status == AppointmentStatus::Scheduled || status == AppointmentStatus::Confirmed;
}

QString shortTime(const QDateTime& instant, const QTimeZone& zone) {
    return LocalText::time(instant, zone);
}

} // namespace

TimeGridView::TimeGridView(const Clock& clock, QWidget* parent)
    : QAbstractScrollArea(parent)
    , m_clock(clock)
    , m_minuteTimer(new QTimer(this)) {
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);
    viewport()->setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    verticalScrollBar()->setSingleStep(12);
    horizontalScrollBar()->setSingleStep(24);
    // The clock decides the time; the timer only prompts the now-line to
    // be redrawn where the clock now says.
    m_minuteTimer->setInterval(30'000);
    connect(m_minuteTimer, &QTimer::timeout, viewport(), qOverload<>(&QWidget::update));
    m_minuteTimer->start();
    m_date = localDate(m_clock.now(), QTimeZone::utc());
}

TimeGridView::~TimeGridView() = default;

void TimeGridView::setModel(CalendarModel* model) {
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (m_model) {
        const auto changed = [this] { modelChanged(); };
        connect(m_model, &QAbstractItemModel::modelReset, this, changed);
        connect(m_model, &QAbstractItemModel::rowsInserted, this, changed);
        connect(m_model, &QAbstractItemModel::rowsRemoved, this, changed);
        connect(m_model, &QAbstractItemModel::dataChanged, this, changed);
        connect(m_model, &QAbstractItemModel::layoutChanged, this, changed);
        connect(m_model, &CalendarModel::decorationChanged, this, [this] { rebuildColumns(); });
    }
    rebuildColumns();
}

void TimeGridView::setDate(QDate date) {
    if (!date.isValid() || date == m_date)
        return;
    m_date = date;
    rebuildColumns();
    emit dateChanged(m_date);
}

void TimeGridView::rebuildColumns() {
    m_columns = buildColumns();
    m_caption = buildCaption();
    const QTimeZone zone = m_model ? m_model->timeZone() : QTimeZone::utc();
    m_axes.clear();
    for (const auto& c : std::as_const(m_columns))
        m_axes.append(DayAxis(c.date, zone));
    modelChanged();
}

void TimeGridView::modelChanged() {
    m_layoutDirty = true;
    updateScrollBars();
    viewport()->update();
}

void TimeGridView::setSnapMinutes(int minutes) {
    m_snap = std::clamp(minutes, 1, 60);
}

void TimeGridView::setPixelsPerHour(int pixels) {
    pixels = std::clamp(pixels, minPixelsPerHour, maxPixelsPerHour);
    if (pixels == m_pixelsPerHour)
        return;
    const double topMinute = verticalScrollBar()->value() / minuteHeight();
    m_pixelsPerHour = pixels;
    m_layoutDirty = true;
    updateScrollBars();
    verticalScrollBar()->setValue(int(std::lround(topMinute * minuteHeight())));
    viewport()->update();
    emit zoomChanged(m_pixelsPerHour);
}

void TimeGridView::zoomIn() {
    setPixelsPerHour(m_pixelsPerHour * 5 / 4);
}

void TimeGridView::zoomOut() {
    setPixelsPerHour(m_pixelsPerHour * 4 / 5);
}

void TimeGridView::scrollToTime(QTime time) {
    verticalScrollBar()->setValue(int((time.hour() * 60 + time.minute()) * minuteHeight()));
}

double TimeGridView::columnWidth() const {
    const double available = std::max(1, viewport()->width() - gutterWidth);
    if (m_columns.isEmpty())
        return available;
    return std::max<double>(m_columns.size() == 1 ? 1 : minColumnWidth,
                            available / double(m_columns.size()));
}

void TimeGridView::updateScrollBars() {
    const int gridHeight = 24 * m_pixelsPerHour;
    const int page = std::max(0, viewport()->height() - headerHeight());
    verticalScrollBar()->setPageStep(page);
    verticalScrollBar()->setRange(0, std::max(0, gridHeight - page));
    const int total = int(std::lround(columnWidth() * double(m_columns.size())));
    const int hpage = std::max(0, viewport()->width() - gutterWidth);
    horizontalScrollBar()->setPageStep(hpage);
    horizontalScrollBar()->setRange(0, std::max(0, total - hpage));
}

QPointF TimeGridView::toContent(QPointF viewportPos) const {
    return {viewportPos.x() - gutterWidth + horizontalScrollBar()->value(),
            viewportPos.y() - headerHeight() + verticalScrollBar()->value()};
}

QRectF TimeGridView::toViewport(const QRectF& contentRect) const {
    return contentRect.translated(gutterWidth - horizontalScrollBar()->value(),
                                  headerHeight() - verticalScrollBar()->value());
}

QPoint TimeGridView::pointAt(int column, int minuteOfDay) const {
    const QPointF content((column + 0.5) * columnWidth(), minuteOfDay * minuteHeight());
    return toViewport(QRectF(content, QSizeF(0, 0))).topLeft().toPoint();
}

QRect TimeGridView::cardRect(const domain::ObjectId& id) const {
    ensureLayout();
    for (const Card& c : std::as_const(m_cards)) {
        if (m_model->appointmentAt(c.row).id() == id)
            return toViewport(c.rect).toRect();
    }
    return {};
}

void TimeGridView::setFilter(const CalendarFilter& filter) {
    if (filter == m_filter)
        return;
    m_filter = filter;
    modelChanged();
}

bool TimeGridView::showsProviderColours() const {
    std::optional<domain::ObjectId> first;
    for (const GridColumn& c : m_columns) {
        if (!c.provider)
            return true;
        if (first && *first != *c.provider)
            return true;
        first = c.provider;
    }
    return false;
}

void TimeGridView::ensureLayout() const {
    if (!m_layoutDirty)
        return;
    m_layoutDirty = false;
    m_cards.clear();
    if (!m_model)
        return;
    const double width = columnWidth();
    const double mh = minuteHeight();
    const double inner = width - columnMargin;
    for (int c = 0; c < m_columns.size(); ++c) {
        const DayAxis& axis = m_axes.at(c);
        QList<int> live;
        QList<int> released;
        for (const int row :
             m_model->rowsBetween(axis.dayStart(), axis.dayEnd(), m_columns.at(c).provider)) {
            const auto& a = m_model->appointmentAt(row);
            if (m_filter.shows(a))
                (CalendarFilter::isReleased(a) ? released : live).append(row);
        }
        const auto spanOf = [&](int row) {
            const auto& a = m_model->appointmentAt(row);
            const qint64 top = qint64(axis.minuteOf(a.startTime) * 60);
            const qint64 bottom = std::max(top + 60, qint64(axis.minuteOf(a.endTime) * 60));
            return TimeSpan{top, bottom};
        };
        const auto place = [&](const QList<int>& rows, const QList<TimeSpan>& spans) {
            const QList<LaneSlot> slots_ = layOutSideBySide(spans);
            for (qsizetype i = 0; i < rows.size(); ++i) {
                const double laneWidth = inner / slots_[i].lanes;
                const double top = double(spans[i].start) / 60 * mh;
                const double height =
                    std::max(16.0, double(spans[i].end - spans[i].start) / 60 * mh);
                m_cards.append(
                    {rows[i], c,
                     QRectF(c * width + 1 + slots_[i].lane * laneWidth, top, laneWidth, height)});
            }
        };
        QList<TimeSpan> liveSpans;
        for (const int row : std::as_const(live))
            liveSpans.append(spanOf(row));
        // Cancelled ones first, so that they are drawn under the live ones
        // and a click finds the live one. Beside a live appointment, a tab
        // in the column's margin; alone, a card of their own.
        QList<int> alone;
        QList<TimeSpan> aloneSpans;
        for (const int row : std::as_const(released)) {
            const TimeSpan span = spanOf(row);
            const bool besideLive =
                std::any_of(liveSpans.cbegin(), liveSpans.cend(), [&](const TimeSpan& l) {
                    return l.start < span.end && span.start < l.end;
                });
            if (!besideLive) {
                alone.append(row);
                aloneSpans.append(span);
                continue;
            }
            const double top = double(span.start) / 60 * mh;
            const double height = std::max(16.0, double(span.end - span.start) / 60 * mh);
            m_cards.append({row, c,
                            QRectF(c * width + width - columnMargin + 2, top, tabWidth, height),
                            true});
        }
        place(alone, aloneSpans);
        place(live, liveSpans);
    }
}

TimeGridView::Hit TimeGridView::hitTest(QPointF viewportPos) const {
    Hit hit;
    if (viewportPos.x() < gutterWidth || viewportPos.y() < headerHeight())
        return hit;
    const QPointF content = toContent(viewportPos);
    const int column = int(std::floor(content.x() / columnWidth()));
    if (column < 0 || column >= m_columns.size())
        return hit;
    hit.column = column;
    hit.minute = std::clamp(content.y() / minuteHeight(), 0.0, 24.0 * 60);
    ensureLayout();
    for (qsizetype i = m_cards.size() - 1; i >= 0; --i) {
        if (m_cards[i].rect.contains(content)) {
            hit.card = int(i);
            hit.bottomEdge = content.y() >= m_cards[i].rect.bottom() - 5;
            break;
        }
    }
    return hit;
}

int TimeGridView::snappedMinute(double minute) const {
    return std::clamp(mss::ui::snapMinutes(minute, m_snap), 0, 24 * 60);
}

void TimeGridView::resizeEvent(QResizeEvent* event) {
    QAbstractScrollArea::resizeEvent(event);
    m_layoutDirty = true;
    updateScrollBars();
}

void TimeGridView::scrollContentsBy(int, int) {
    viewport()->update();
}

std::optional<TimeGridView::Proposal> TimeGridView::proposal(QPointF pos) const {
    if (m_drag == Drag::None || m_drag == Drag::Pending || !m_model || m_pressHit.column < 0)
        return std::nullopt;
    const QPointF content = toContent(pos);
    const double minute = std::clamp(content.y() / minuteHeight(), 0.0, 24.0 * 60);
    Proposal out;
    if (m_drag == Drag::Create) {
        out.column = m_pressHit.column;
        const int a = snappedMinute(m_pressHit.minute);
        int b = snappedMinute(minute);
        if (b == a)
            b = std::min(a + m_snap, 24 * 60);
        out.topMinute = std::min(a, b);
        out.bottomMinute = std::max(a, b);
        const DayAxis& axis = m_axes.at(out.column);
        out.start = axis.instantAt(int(out.topMinute));
        out.end = axis.instantAt(int(out.bottomMinute));
        out.provider = m_columns.at(out.column).provider.value_or(domain::ObjectId());
        return out;
    }
    if (m_pressHit.card < 0 || m_pressHit.card >= m_cards.size())
        return std::nullopt;
    const Card& card = m_cards.at(m_pressHit.card);
    const domain::Appointment& a = m_model->appointmentAt(card.row);
    const DayAxis& home = m_axes.at(card.column);
    if (m_drag == Drag::Resize) {
        out.column = card.column;
        out.topMinute = home.minuteOf(a.startTime);
        const int end = std::max(snappedMinute(minute), int(std::ceil(out.topMinute)) + m_snap);
        out.bottomMinute = std::min(end, 24 * 60);
        out.start = a.startTime;
        out.end = home.instantAt(int(out.bottomMinute));
        out.provider = a.provider.id;
        return out;
    }
    // Move: the card keeps where it was grabbed, its length and, in a
    // column of every provider, its provider.
    out.column =
        std::clamp(int(std::floor(content.x() / columnWidth())), 0, int(m_columns.size()) - 1);
    const double grabbedAt = m_pressHit.minute - home.minuteOf(a.startTime);
    const qint64 length = a.startTime.secsTo(a.endTime);
    const int startMinute = std::clamp(snappedMinute(minute - grabbedAt), 0, 24 * 60 - m_snap);
    out.topMinute = startMinute;
    out.bottomMinute = std::min(24.0 * 60, startMinute + double(length) / 60);
    out.start = m_axes.at(out.column).instantAt(startMinute);
    out.end = out.start.addSecs(length);
    out.provider = m_columns.at(out.column).provider.value_or(a.provider.id);
    return out;
}

bool TimeGridView::mayTouch(int card) const {
    return m_model && card >= 0 && card < m_cards.size() &&
           m_model->showsDetails(m_model->appointmentAt(m_cards.at(card).row));
}

std::optional<BookingCheck> TimeGridView::checkProposal(const Proposal& proposal) const {
    if (!m_checker || !m_model || proposal.provider.isNull())
        return std::nullopt; // "all providers": nobody to check against yet
    domain::Appointment candidate;
    if (m_drag != Drag::Create && m_pressHit.card >= 0 && m_pressHit.card < m_cards.size())
        candidate = m_model->appointmentAt(m_cards.at(m_pressHit.card).row);
    candidate.provider.id = proposal.provider;
    candidate.startTime = proposal.start;
    candidate.endTime = proposal.end;
    candidate.duration = int(proposal.start.secsTo(proposal.end) / 60);
    return m_checker(candidate);
}

void TimeGridView::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    setFocus(Qt::MouseFocusReason);
    m_pressPos = event->position();
    m_dragPos = m_pressPos;
    m_pressHit = hitTest(m_pressPos);
    m_drag = m_pressHit.column >= 0 ? Drag::Pending : Drag::None;
    if (m_pressHit.card >= 0) {
        const auto& id = m_model->appointmentAt(m_cards.at(m_pressHit.card).row).id();
        const bool hadSlot = m_slot.minute >= 0;
        m_slot = {};
        if (hadSlot)
            emit slotSelected();
        if (id != m_selected) {
            m_selected = id;
            emit appointmentSelected(id);
        }
        viewport()->update();
    } else if (m_pressHit.column >= 0) {
        // The slot under the pointer, not the nearest line: a click in the
        // lower half of 10:45-11:00 picks 10:45.
        const GridColumn& column = m_columns.at(m_pressHit.column);
        const int start = int(std::floor(m_pressHit.minute / m_snap)) * m_snap;
        m_slot = {column.date, column.provider, std::clamp(start, 0, 24 * 60 - m_snap)};
        viewport()->update();
        emit slotSelected();
    }
}

int TimeGridView::selectedSlotColumn() const {
    if (m_slot.minute < 0)
        return -1;
    for (int c = 0; c < m_columns.size(); ++c) {
        if (m_columns[c].date == m_slot.date && m_columns[c].provider == m_slot.provider)
            return c;
    }
    return -1;
}

std::optional<GridSlot> TimeGridView::selectedSlot() const {
    const int column = selectedSlotColumn();
    if (column < 0)
        return std::nullopt;
    const QDateTime start = m_axes.at(column).instantAt(m_slot.minute);
    if (!start.isValid())
        return std::nullopt; // a spring-forward gap
    return GridSlot{m_slot.provider.value_or(domain::ObjectId()), start,
                    start.addSecs(qint64(m_defaultDuration) * 60)};
}

void TimeGridView::paintSelectedSlot(QPainter& p) const {
    const int column = selectedSlotColumn();
    if (column < 0 || m_drag == Drag::Create)
        return;
    const double width = columnWidth();
    const QRectF r = toViewport(QRectF(column * width + 1, m_slot.minute * minuteHeight(),
                                       width - 3, m_snap * minuteHeight()));
    p.save();
    QColor fill = palette().color(QPalette::Highlight);
    fill.setAlpha(50);
    p.setPen(QPen(palette().color(QPalette::Highlight), 1));
    p.setBrush(fill);
    p.drawRect(r.adjusted(0.5, 0.5, -0.5, -0.5));
    p.restore();
}

bool TimeGridView::selectAppointment(const domain::ObjectId& id) {
    if (!m_model || m_model->rowOf(id) < 0 || cardRect(id).isNull())
        return false;
    const domain::Appointment& a = m_model->appointmentAt(m_model->rowOf(id));
    // Half an hour of what comes before it stays in sight.
    const int minute = std::max(0, localMinuteOfDay(a.startTime, m_model->timeZone()) - 30);
    scrollToTime(QTime(minute / 60, minute % 60));
    setFocus(Qt::OtherFocusReason);
    if (id != m_selected) {
        m_selected = id;
        emit appointmentSelected(id);
    }
    viewport()->update();
    return true;
}

void TimeGridView::mouseMoveEvent(QMouseEvent* event) {
    const QPointF pos = event->position();
    if (m_drag == Drag::None) {
        const Hit hit = hitTest(pos);
        const bool onEdge = hit.card >= 0 && hit.bottomEdge && may(CalendarAction::Resize) &&
                            mayTouch(hit.card) &&
                            canChange(m_model->appointmentAt(m_cards.at(hit.card).row).status);
        viewport()->setCursor(onEdge ? Qt::SizeVerCursor : Qt::ArrowCursor);
        return;
    }
    if (m_drag == Drag::Pending) {
        if ((pos - m_pressPos).manhattanLength() < QApplication::startDragDistance())
            return;
        if (m_pressHit.card < 0) {
            m_drag = may(CalendarAction::Book) ? Drag::Create : Drag::None;
        } else {
            const auto& a = m_model->appointmentAt(m_cards.at(m_pressHit.card).row);
            const Drag wanted = m_pressHit.bottomEdge ? Drag::Resize : Drag::Move;
            const bool allowed =
                may(wanted == Drag::Resize ? CalendarAction::Resize : CalendarAction::Move) &&
                mayTouch(m_pressHit.card);
            // A cancelled or completed visit stays put.
            m_drag = allowed && canChange(a.status) ? wanted : Drag::None;
        }
        if (m_drag == Drag::None)
            return;
    }
    m_dragPos = pos;
    viewport()->update();
}

void TimeGridView::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mouseReleaseEvent(event);
        return;
    }
    finishDrag(event->position());
}

void TimeGridView::finishDrag(QPointF pos) {
    const auto p = proposal(pos);
    const Drag drag = m_drag;
    m_drag = Drag::None;
    viewport()->update();
    if (!p)
        return;
    if (drag == Drag::Create) {
        emit newAppointmentRequested(p->provider, p->start, p->end);
        return;
    }
    const auto& a = m_model->appointmentAt(m_cards.at(m_pressHit.card).row);
    const domain::ObjectId id = a.id();
    if (drag == Drag::Resize) {
        if (p->end != a.endTime)
            emit resizeRequested(id, p->end);
        return;
    }
    if (p->start != a.startTime || p->provider != a.provider.id)
        emit moveRequested(id, p->start, p->end, p->provider);
}

void TimeGridView::requestNewAt(int column, int startMinute, int minutes) {
    const QDateTime start = m_axes.at(column).instantAt(startMinute);
    emit newAppointmentRequested(m_columns.at(column).provider.value_or(domain::ObjectId()), start,
                                 start.addSecs(qint64(minutes) * 60));
}

void TimeGridView::mouseDoubleClickEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton)
        return;
    m_drag = Drag::None;
    const Hit hit = hitTest(event->position());
    if (hit.column < 0)
        return;
    if (hit.card >= 0) {
        const auto& a = m_model->appointmentAt(m_cards.at(hit.card).row);
        if ((may(CalendarAction::Edit) || CalendarFilter::isReleased(a)) && mayTouch(hit.card))
            emit editRequested(a.id());
        return;
    }
    if (!may(CalendarAction::Book))
        return;
    // The slot under the pointer, not the nearest line: a double-click in
    // the lower half of 10:00-10:15 books 10:00.
    const int start = int(std::floor(hit.minute / m_snap)) * m_snap;
    requestNewAt(hit.column, std::min(start, 24 * 60 - m_snap), m_defaultDuration);
}

QMenu* TimeGridView::contextMenuAt(QPoint viewportPos) {
    const Hit hit = hitTest(viewportPos);
    if (hit.column < 0)
        return nullptr;
    if (hit.card < 0 ? !may(CalendarAction::Book) : !mayTouch(hit.card))
        return nullptr;
    auto* menu = new QMenu(this);
    if (hit.card < 0) {
        const int start = int(std::floor(hit.minute / m_snap)) * m_snap;
        const QString when = shortTime(m_axes.at(hit.column).instantAt(start), m_model->timeZone());
        const int column = hit.column;
        menu->addAction(tr("New appointment at %1...").arg(when), this, [this, column, start] {
            requestNewAt(column, std::min(start, 24 * 60 - m_snap), m_defaultDuration);
        });
        return menu;
    }
    const domain::Appointment& a = m_model->appointmentAt(m_cards.at(hit.card).row);
    const domain::ObjectId id = a.id();
    if (CalendarFilter::isReleased(a)) {
        // Its status, reason and fee; and the way back, when allowed.
        menu->addAction(tr("&Details..."), this, [this, id] { emit editRequested(id); });
        if (a.status == AppointmentStatus::Cancelled && may(CalendarAction::Cancel))
            menu->addAction(tr("&Reinstate"), this, [this, id] { emit reinstateRequested(id); });
        return menu;
    }
    if (may(CalendarAction::Edit))
        menu->addAction(tr("&Edit..."), this, [this, id] { emit editRequested(id); });
    if (canChange(a.status)) {
        menu->addSeparator();
        // Confirm before it starts; Complete and No-show once it has.
        const QDateTime now = m_clock.now();
        using domain::StatusChange;
        if (may(CalendarAction::Confirm) &&
            !AppointmentCard::isConfirmed(a.status, a.confirmationStatus) &&
            domain::isTimely(StatusChange::Confirm, a, now))
            menu->addAction(tr("C&onfirm"), this, [this, id] { emit confirmRequested(id); });
        if (may(CalendarAction::Complete) && domain::isTimely(StatusChange::Complete, a, now))
            menu->addAction(tr("&Complete"), this, [this, id] { emit completeRequested(id); });
        if (may(CalendarAction::NoShow) && domain::isTimely(StatusChange::NoShow, a, now))
            menu->addAction(tr("Mark &no-show"), this, [this, id] { emit noShowRequested(id); });
        menu->addSeparator();
        if (may(CalendarAction::Cancel))
            menu->addAction(tr("C&ancel appointment..."), this,
                            [this, id] { emit cancelRequested(id); });
    }
    const bool empty = std::none_of(menu->actions().cbegin(), menu->actions().cend(),
                                    [](QAction* action) { return !action->isSeparator(); });
    if (empty) {
        delete menu;
        return nullptr;
    }
    return menu;
}

void TimeGridView::contextMenuEvent(QContextMenuEvent* event) {
    QPoint at = event->pos();
    QPoint global = event->globalPos();
    // From the keyboard (Menu, Shift+F10): the selected card's actions.
    if (event->reason() == QContextMenuEvent::Keyboard) {
        const int card = selectedCard();
        if (card < 0)
            return;
        const QRectF r = toViewport(m_cards.at(card).rect);
        at = QPoint(int(r.left()) + std::min(12, int(r.width() / 2)), int(r.top()) + 8);
        global = viewport()->mapToGlobal(at);
    }
    QMenu* menu = contextMenuAt(at);
    if (!menu)
        return;
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(global);
}

QList<int> TimeGridView::cardOrder() const {
    ensureLayout();
    QList<int> order(m_cards.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [this](int a, int b) {
        const Card& x = m_cards.at(a);
        const Card& y = m_cards.at(b);
        if (x.column != y.column)
            return x.column < y.column;
        if (x.rect.top() != y.rect.top())
            return x.rect.top() < y.rect.top();
        return x.rect.left() < y.rect.left();
    });
    return order;
}

int TimeGridView::selectedCard() const {
    if (m_selected.isNull() || !m_model)
        return -1;
    ensureLayout();
    for (qsizetype i = 0; i < m_cards.size(); ++i) {
        if (m_model->appointmentAt(m_cards.at(i).row).id() == m_selected)
            return int(i);
    }
    return -1;
}

void TimeGridView::selectCard(int card) {
    const Card& c = m_cards.at(card);
    const QRectF r = toViewport(c.rect);
    const double top = headerHeight();
    if (r.top() < top || r.bottom() > viewport()->height())
        verticalScrollBar()->setValue(int(c.rect.top()) - m_pixelsPerHour / 2);
    if (r.left() < gutterWidth || r.right() > viewport()->width())
        horizontalScrollBar()->setValue(int(c.column * columnWidth()));
    const domain::ObjectId id = m_model->appointmentAt(c.row).id();
    if (id != m_selected) {
        m_selected = id;
        emit appointmentSelected(id);
    }
    viewport()->update();
}

bool TimeGridView::selectAcross(int direction) {
    const int from = selectedCard();
    if (from < 0)
        return false;
    const Card& here = m_cards.at(from);
    const int column = here.column + direction;
    int best = -1;
    double distance = 0;
    for (qsizetype i = 0; i < m_cards.size(); ++i) {
        if (m_cards.at(i).column != column)
            continue;
        const double d = std::abs(m_cards.at(i).rect.top() - here.rect.top());
        if (best < 0 || d < distance) {
            best = int(i);
            distance = d;
        }
    }
    if (best < 0)
        return false;
    selectCard(best);
    return true;
}

void TimeGridView::focusInEvent(QFocusEvent* event) {
    QAbstractScrollArea::focusInEvent(event);
    // Tabbing in lands on a card: the first, or the last when going back.
    if ((event->reason() == Qt::TabFocusReason || event->reason() == Qt::BacktabFocusReason) &&
        selectedCard() < 0) {
        const QList<int> order = cardOrder();
        if (!order.isEmpty())
            selectCard(event->reason() == Qt::TabFocusReason ? order.front() : order.back());
    }
}

bool TimeGridView::focusNextPrevChild(bool next) {
    // Tab goes from card to card; after the last (or before the first) it
    // leaves the calendar as usual.
    if (hasFocus()) {
        const QList<int> order = cardOrder();
        const int at = int(order.indexOf(selectedCard()));
        const int to = at < 0 ? (next ? 0 : int(order.size()) - 1) : at + (next ? 1 : -1);
        if (to >= 0 && to < order.size()) {
            selectCard(order.at(to));
            return true;
        }
    }
    return QAbstractScrollArea::focusNextPrevChild(next);
}

void TimeGridView::keyPressEvent(QKeyEvent* event) {
    const bool ctrl = event->modifiers().testFlag(Qt::ControlModifier);
    const int selected = ctrl ? -1 : selectedCard();
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Right: {
        const int direction = event->key() == Qt::Key_Left ? -1 : +1;
        if (selected >= 0 && selectAcross(direction))
            return;
        emit stepRequested(direction);
        return;
    }
    case Qt::Key_Up:
    case Qt::Key_Down: {
        const int direction = event->key() == Qt::Key_Up ? -1 : +1;
        if (selected >= 0) {
            const QList<int> order = cardOrder();
            const int to = int(order.indexOf(selected)) + direction;
            if (to >= 0 && to < order.size())
                selectCard(order.at(to));
            return;
        }
        verticalScrollBar()->setValue(verticalScrollBar()->value() + direction * m_pixelsPerHour);
        return;
    }
    case Qt::Key_Menu:
    case Qt::Key_F10:
        if (event->key() == Qt::Key_Menu || event->modifiers() == Qt::ShiftModifier) {
            QContextMenuEvent menu(QContextMenuEvent::Keyboard, QPoint(), QPoint());
            contextMenuEvent(&menu);
            return;
        }
        break;
    case Qt::Key_Escape:
        if (!m_selected.isNull()) {
            m_selected = {};
            viewport()->update();
            return;
        }
        break;
    case Qt::Key_T:
        if (!ctrl) {
            emit todayRequested();
            return;
        }
        break;
    case Qt::Key_N:
        if (ctrl && !m_columns.isEmpty() && may(CalendarAction::Book)) {
            // The slot the user clicked; else today's column from the next
            // grid line, else 09:00 of the first column.
            if (const auto slot = selectedSlot()) {
                emit newAppointmentRequested(slot->provider, slot->start, slot->end);
                return;
            }
            const QDateTime now = m_clock.now();
            int column = 0;
            int start = 9 * 60;
            for (int c = 0; c < m_axes.size(); ++c) {
                if (now >= m_axes[c].dayStart() && now < m_axes[c].dayEnd()) {
                    column = c;
                    start = int(std::ceil(m_axes[c].minuteOf(now) / m_snap)) * m_snap;
                    break;
                }
            }
            requestNewAt(column, std::min(start, 24 * 60 - m_snap), m_defaultDuration);
            return;
        }
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        if (ctrl) {
            zoomIn();
            return;
        }
        break;
    case Qt::Key_Minus:
        if (ctrl) {
            zoomOut();
            return;
        }
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (!m_selected.isNull() && m_model && m_model->rowOf(m_selected) >= 0 &&
            may(CalendarAction::Edit) &&
            m_model->showsDetails(m_model->appointmentAt(m_model->rowOf(m_selected)))) {
            emit editRequested(m_selected);
            return;
        }
        break;
    default:
        break;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

void TimeGridView::wheelEvent(QWheelEvent* event) {
    if (event->modifiers().testFlag(Qt::ControlModifier)) {
        if (event->angleDelta().y() > 0)
            zoomIn();
        else if (event->angleDelta().y() < 0)
            zoomOut();
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

bool TimeGridView::viewportEvent(QEvent* event) {
    if (event->type() == QEvent::ToolTip && m_model) {
        auto* help = static_cast<QHelpEvent*>(event);
        const Hit hit = hitTest(help->pos());
        if (hit.card >= 0) {
            const QModelIndex index = m_model->index(m_cards.at(hit.card).row);
            QToolTip::showText(help->globalPos(), index.data(Qt::ToolTipRole).toString(),
                               viewport());
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

} // namespace mss::ui
