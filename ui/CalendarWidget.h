#pragma once

#include "base/Clock.h"
#include "domain/ObjectId.h"
#include "ui/BookingCheck.h"
#include "ui/CalendarActions.h"
#include "ui/CalendarFilter.h"
#include "ui/MiniMonth.h"
#include "ui/NavigationBar.h"
#include "ui/TimeGridView.h"

#include <QDate>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QStackedWidget;

namespace mss::ui {

class CalendarModel;
class DayView;
class MonthView;
class ProviderLegend;
class ProviderView;
class WeekView;

// The calendar as the main window shows it: the navigation bar over the
// Day, Week, Providers and Month views, all reading one CalendarModel, and
// beside them a mini month, the legend of the providers' colours (in the
// views that show several providers) and the location filter.
// Every request from any view is forwarded by the signals below, so the
// application connects them once. visibleRangeChanged tells it which days
// to load into the model.
class CalendarWidget : public QWidget {
    Q_OBJECT

public:
    explicit CalendarWidget(const Clock& clock, QWidget* parent = nullptr);

    void setModel(CalendarModel* model);
    CalendarModel* model() const { return m_model; }

    CalendarMode mode() const { return m_mode; }
    void setMode(CalendarMode mode);
    QDate date() const { return m_date; }
    void setDate(QDate date);
    // The provider shown by Day, Week and Month; null means all.
    void setProvider(const domain::ObjectId& provider);
    domain::ObjectId provider() const { return m_provider; }
    // The provider whose schedule is on screen: provider(), or in Week
    // with "all" the first provider, whom Week then shows; null when the
    // view shows every provider.
    domain::ObjectId shownProvider() const;
    // The empty slot last clicked in the time grid on screen, if any.
    std::optional<GridSlot> selectedSlot() const;

    // Shows the day of an appointment of `provider` in a time grid (Month
    // shows the Day view instead; a view of another provider changes to
    // theirs) and selects it as a click on its card would. The model must
    // receive the new days on visibleRangeChanged, as it does. False when
    // the appointment is not on that day's screen after all.
    bool showAppointment(const domain::ObjectId& id, QDate date, const domain::ObjectId& provider);

    void goToday();
    void goPrevious();
    void goNext();
    void setSnapMinutes(int minutes);
    void setPixelsPerHour(int pixels);
    void setDefaultDurationMinutes(int minutes);
    // Checks drags as they happen, in every time grid (see TimeGridView).
    void setChecker(BookingChecker checker);
    // What the signed-in user's role may do, in every view.
    void setAllowedActions(CalendarActions actions);

    // What every view leaves out. Cancelled appointments are hidden until
    // setShowCancelled(true); the location picker beside the calendar sets
    // the location.
    void setFilter(const CalendarFilter& filter);
    const CalendarFilter& filter() const { return m_filter; }
    void setShowCancelled(bool show);
    // Whether the current view colours its cards by provider (and shows
    // the legend).
    bool showsProviderColours() const;
    // Which days of the mini month have appointments (by default, those of
    // the model that the filter shows).
    void setDayMarker(MiniMonth::DayMarker marker);
    // The schedule changed: the mini month asks its marker again.
    void refreshDayMarks();

    // The days the current view shows, first to last.
    QDate firstVisibleDate() const;
    QDate lastVisibleDate() const;

    NavigationBar* navigationBar() const { return m_bar; }
    DayView* dayView() const { return m_day; }
    WeekView* weekView() const { return m_week; }
    ProviderView* providerView() const { return m_providers; }
    MonthView* monthView() const { return m_month; }
    MiniMonth* miniMonth() const { return m_mini; }
    ProviderLegend* legend() const { return m_legend; }
    QComboBox* locationPicker() const { return m_location; }
    QWidget* currentView() const;

signals:
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
    // The selected empty slot changed (selectedSlot()).
    void slotSelected();
    void visibleRangeChanged(QDate first, QDate last);
    void modeChanged(mss::ui::CalendarMode mode);
    void dateChanged(QDate date);
    void filterChanged(const mss::ui::CalendarFilter& filter);

private:
    void forward(TimeGridView* view);
    void refresh();
    QDate today() const;
    QString periodText() const;
    void refreshLegend();

    const Clock& m_clock;
    QPointer<CalendarModel> m_model;
    CalendarMode m_mode = CalendarMode::Day;
    QDate m_date;
    domain::ObjectId m_provider;
    QDate m_shownFirst;
    QDate m_shownLast;

    NavigationBar* m_bar;
    QStackedWidget* m_stack;
    DayView* m_day;
    WeekView* m_week;
    ProviderView* m_providers;
    MonthView* m_month;
    QWidget* m_side;
    MiniMonth* m_mini;
    ProviderLegend* m_legend;
    QComboBox* m_location;
    CalendarFilter m_filter;
};

} // namespace mss::ui
