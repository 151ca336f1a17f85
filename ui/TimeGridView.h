#pragma once

#include "base/Clock.h"
#include "domain/ObjectId.h"
#include "ui/BookingCheck.h"
#include "ui/CalendarActions.h"
#include "ui/CalendarFilter.h"
#include "ui/TimeGridGeometry.h"

#include <QAbstractScrollArea>
#include <QPointer>

class QMenu;
class QTimer;

namespace mss::ui {

class CalendarModel;

// An empty stretch of a time grid the user picked: where a new booking
// goes. provider is null in a column of every provider.
struct GridSlot {
    domain::ObjectId provider;
    QDateTime start;
    QDateTime end;
};

// A custom-painted calendar of columns (days or providers) against the
// practice's wall clock, read from a CalendarModel. DayView, WeekView and
// ProviderView only decide the columns; everything a user does happens
// here and leaves as a signal: the view never changes an appointment
// itself, the application checks and saves the change and the model
// brings it back.
//
// Mouse: double-click or drag across empty time to book; drag a card to
// move it (to another day or provider column too); drag its bottom edge to
// change its end; right-click for the actions; a click on empty time selects
// that slot (snap minutes), where Ctrl+N books. Keyboard: Tab reaches the
// cards one by one (in columns, then by time) and leaves after the last;
// with a card selected, Up/Down go to the one before or after it and
// Left/Right to the nearest in the next column (stepping the day when
// there is none), Escape lets go of it, Menu or Shift+F10 open its
// actions and Enter edits it. Without one, Left/Right step, Up/Down
// scroll. T today, Ctrl+N new, Ctrl+Plus/Minus zoom.
class TimeGridView : public QAbstractScrollArea {
    Q_OBJECT

public:
    explicit TimeGridView(const Clock& clock, QWidget* parent = nullptr);
    ~TimeGridView() override;

    void setModel(CalendarModel* model);
    CalendarModel* model() const { return m_model; }

    // The date shown (Week view shows the week around it).
    QDate date() const { return m_date; }
    void setDate(QDate date);
    virtual QDate firstDate() const { return m_date; }
    virtual QDate lastDate() const { return m_date; }
    // How far Previous and Next move, in days.
    virtual int stepDays() const { return 1; }

    const QList<GridColumn>& columns() const { return m_columns; }

    // What the user may do; the rest is absent (default: everything).
    void setAllowedActions(CalendarActions actions) { m_allowed = actions; }
    CalendarActions allowedActions() const { return m_allowed; }

    // Checks where a drag would put an appointment while it is dragged: a
    // conflict turns the preview red and names what it collides with,
    // time outside availability is flagged, before anything is dropped.
    void setChecker(BookingChecker checker) { m_checker = std::move(checker); }

    // What is left out (cancelled appointments unless shown, other
    // locations). Cancelled ones, when shown, take no width from live
    // ones: alone they are cards; beside a live appointment they are a
    // narrow tab at the column's right edge, in a margin kept for them.
    void setFilter(const CalendarFilter& filter);
    const CalendarFilter& filter() const { return m_filter; }
    // Whether the cards wear their provider's colour (several providers on
    // screen).
    bool showsProviderColours() const;

    // Start times and drags land on this grid (5 or 15 minutes).
    void setSnapMinutes(int minutes);
    int snapMinutes() const { return m_snap; }
    // Length of a booking made by double-click or Ctrl+N.
    void setDefaultDurationMinutes(int minutes) { m_defaultDuration = minutes; }
    // Zoom of the time scale.
    void setPixelsPerHour(int pixels);
    int pixelsPerHour() const { return m_pixelsPerHour; }
    void zoomIn();
    void zoomOut();
    void scrollToTime(QTime time);

    // Geometry, for tests and tooltips: where a wall-clock minute of a
    // column is on the viewport, and the card of an appointment.
    QPoint pointAt(int column, int minuteOfDay) const;
    QRect cardRect(const domain::ObjectId& id) const;

    // The context menu for a viewport position (the caller owns it):
    // actions on the appointment there, or "New appointment" on empty time.
    QMenu* contextMenuAt(QPoint viewportPos);

    // Selects an appointment shown here as a click on its card would, and
    // scrolls it into view; false when this view does not show it.
    bool selectAppointment(const domain::ObjectId& id);
    const domain::ObjectId& selectedAppointment() const { return m_selected; }
    // The empty slot last clicked, while its column is on screen.
    std::optional<GridSlot> selectedSlot() const;

    static constexpr int minPixelsPerHour = 24;
    static constexpr int maxPixelsPerHour = 240;

signals:
    // provider is null when the column shows every provider.
    void newAppointmentRequested(const mss::domain::ObjectId& provider, const QDateTime& start,
                                 const QDateTime& end);
    void moveRequested(const mss::domain::ObjectId& id, const QDateTime& newStart,
                       const QDateTime& newEnd, const mss::domain::ObjectId& newProvider);
    void resizeRequested(const mss::domain::ObjectId& id, const QDateTime& newEnd);
    void editRequested(const mss::domain::ObjectId& id);
    void cancelRequested(const mss::domain::ObjectId& id);
    void completeRequested(const mss::domain::ObjectId& id);
    void noShowRequested(const mss::domain::ObjectId& id);
    void confirmRequested(const mss::domain::ObjectId& id);
    void reinstateRequested(const mss::domain::ObjectId& id);
    void appointmentSelected(const mss::domain::ObjectId& id);
    // An empty slot was clicked, or the one selected was let go of:
    // selectedSlot() says which.
    void slotSelected();
    void dateChanged(QDate date);
    void todayRequested();
    void stepRequested(int direction); // -1 previous, +1 next
    void zoomChanged(int pixelsPerHour);

protected:
    // Subclasses build the columns for the current date and model.
    virtual QList<GridColumn> buildColumns() const = 0;
    // A line above the column headers naming what the whole grid shows (a
    // week's provider); empty for none.
    virtual QString buildCaption() const { return {}; }
    void rebuildColumns();
    const Clock& clock() const { return m_clock; }

    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;
    bool focusNextPrevChild(bool next) override;
    void wheelEvent(QWheelEvent* event) override;
    bool viewportEvent(QEvent* event) override;

private:
    struct Card {
        int row = -1;
        int column = -1;
        QRectF rect;      // content coordinates: x from the first column, y from 00:00
        bool tab = false; // a cancelled one beside live ones: a narrow tab
    };
    enum class Drag { None, Pending, Create, Move, Resize };
    struct Hit {
        int column = -1;
        double minute = 0;
        int card = -1; // index into m_cards
        bool bottomEdge = false;
    };

    // Where the drag under way would put things, if released at `pos`.
    struct Proposal {
        int column = -1;
        double topMinute = 0; // for the preview
        double bottomMinute = 0;
        QDateTime start;
        QDateTime end;
        domain::ObjectId provider;
    };
    std::optional<Proposal> proposal(QPointF pos) const;

    std::optional<BookingCheck> checkProposal(const Proposal& proposal) const;
    void modelChanged();
    void ensureLayout() const;
    void updateScrollBars();
    double columnWidth() const;
    double minuteHeight() const { return m_pixelsPerHour / 60.0; }
    QPointF toContent(QPointF viewportPos) const;
    QRectF toViewport(const QRectF& contentRect) const;
    Hit hitTest(QPointF viewportPos) const;
    int snappedMinute(double minute) const;
    void finishDrag(QPointF pos);
    void requestNewAt(int column, int startMinute, int endMinute);
    void paintHeader(QPainter& p) const;
    void paintGutter(QPainter& p) const;
    void paintColumnBackground(QPainter& p, int column) const;
    void paintNowLine(QPainter& p) const;
    void paintDragPreview(QPainter& p) const;
    // The cards in keyboard order: by column, then from the top.
    QList<int> cardOrder() const;
    // Where the selected card is in m_cards; -1 when none is shown.
    int selectedCard() const;
    // Selects a card as a click would and scrolls it into sight.
    void selectCard(int card);
    // Left/Right with a card selected: the nearest card in the column
    // `direction` away; false when there is none.
    bool selectAcross(int direction);
    void paintSelectedSlot(QPainter& p) const;
    // The waitlist holds of the model, hatched, under the cards.
    void paintHolds(QPainter& p) const;
    // The column showing the selected slot, or -1.
    int selectedSlotColumn() const;

    const Clock& m_clock;
    QPointer<CalendarModel> m_model;
    QDate m_date;
    QList<GridColumn> m_columns;
    QList<DayAxis> m_axes;
    mutable QList<Card> m_cards;
    mutable bool m_layoutDirty = true;
    bool may(CalendarAction action) const { return m_allowed.testFlag(action); }
    // May act on this card at all: its details are visible to the user.
    bool mayTouch(int card) const;

    CalendarActions m_allowed = allCalendarActions;
    CalendarFilter m_filter;
    BookingChecker m_checker;
    int m_snap = 15;
    int m_defaultDuration = 50;
    int m_pixelsPerHour = 48;
    domain::ObjectId m_selected;
    // The selected empty slot: its column's day and provider, and minute.
    struct SlotPick {
        QDate date;
        std::optional<domain::ObjectId> provider;
        int minute = -1;
    } m_slot;
    QTimer* m_minuteTimer = nullptr;

    Drag m_drag = Drag::None;
    QPointF m_pressPos;
    Hit m_pressHit;
    QPointF m_dragPos;

    QString m_caption;

    static constexpr int gutterWidth = 58;
    static constexpr int columnHeaderHeight = 46;
    static constexpr int captionHeight = 26;
    // The column headers, below the caption when there is one.
    int headerHeight() const {
        return m_caption.isEmpty() ? columnHeaderHeight : columnHeaderHeight + captionHeight;
    }
    static constexpr int minColumnWidth = 120;
    // The right margin of a column, where cancelled appointments beside
    // live ones show as tabs; kept whether they are shown or not, so that
    // showing them moves nothing.
    static constexpr int columnMargin = 14;
    static constexpr int tabWidth = 9;
};

} // namespace mss::ui
