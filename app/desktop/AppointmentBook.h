#pragma once

#include "domain/StatusTiming.h"

#include "base/Error.h"
#include "domain/Appointment.h"
#include "domain/RecurringAppointment.h"
#include "ui/CalendarFilter.h"
#include "ui/CalendarModel.h"
#include "ui/EditScopeDialog.h"
#include "ui/SyncConflictPanel.h"
#include "UndoHistory.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

namespace mss::ui {
class AppointmentDialog;
struct BookedInTimeOff;
class CalendarWidget;
} // namespace mss::ui

namespace mss::desktop {

class DeskSession;

// The practice's appointment book as this desk keeps it: the days on
// screen loaded from the cache into the calendar's model (and loaded again
// whenever sync brings changes, so nobody books from a stale screen), and
// every request of the calendar carried out through the action layer,
// with the dialogs it needs: booking, cancel with a reason, which
// occurrences of a series, and what a change collides with.
class AppointmentBook : public QObject {
    Q_OBJECT

public:
    AppointmentBook(DeskSession& session, ui::CalendarWidget& calendar, QWidget* window);

    ui::CalendarModel& model() { return m_model; }
    // The actions on single appointments that Ctrl+Z undoes.
    UndoHistory& undoHistory() { return m_undo; }
    // Undoes the latest of them (or says why not) and shows the result.
    void undoLast();

    // Staff, clients and availability, then the days on screen.
    void loadDirectory();
    void reload();

    // The calendar's requests.
    void bookNew(const domain::ObjectId& provider, const QDateTime& start, const QDateTime& end);
    // "Repeat…" in the booking dialog: the recurrence dialog seeded with
    // the first appointment, then the series saved for the server to book.
    void bookSeries(const domain::Appointment& first);
    void move(const domain::ObjectId& id, const QDateTime& start, const QDateTime& end,
              const domain::ObjectId& provider);
    void resize(const domain::ObjectId& id, const QDateTime& end);
    void edit(const domain::ObjectId& id);
    void cancel(const domain::ObjectId& id);
    void complete(const domain::ObjectId& id);
    void markNoShow(const domain::ObjectId& id);
    void confirm(const domain::ObjectId& id);
    // A cancelled appointment back to Scheduled at its own time, through
    // the same check and outbox as any change; refused with a sentence
    // naming what holds the time when it is taken.
    void reinstate(const domain::ObjectId& id);

    // The Schedule menu: a new appointment (Ctrl+N) in the slot clicked on
    // the calendar, else at the next free time from now of the provider on
    // screen; and the provider's next open slot.
    void newAppointment();
    void nextOpenSlot();
    // A provider's weekly hours and time off, saved as they are edited.
    // Time off added over bookings names them; opening one closes the
    // dialog and shows it on the calendar, selected.
    void editAvailability();

    // The conflicts panel.
    QList<ui::SyncConflictItem> conflictItems();
    void takeTheirs(const QString& key);
    void keepMine(const QString& key);
    void pickAnotherTime(const QString& key);

    // The next open start of `minutes` for the provider after `after`.
    std::optional<QDateTime> openSlotAfter(const domain::ObjectId& provider, int minutes,
                                           const QDateTime& after);

signals:
    // The model holds the days on screen again: `count` appointments.
    void reloaded(int count);
    // One short sentence for the status bar.
    void told(const QString& message);

private:
    // Whether `change` makes sense for `a` now (domain::isTimely); if not,
    // says why in the status bar.
    bool timely(domain::StatusChange change, const domain::Appointment& a);
    // Runs an action; on a collision names it and, for roles the server
    // lets override, offers to book anyway. True when it was saved.
    bool carryOut(const domain::Appointment& proposed, const QString& verb,
                  const std::function<Checked<void>(bool allowOverlap)>& action);
    void report(const Errors& errors, const QString& verb);
    std::optional<domain::Appointment> stored(const domain::ObjectId& id);
    // The occurrence's original date (recurrence::originalDateOf), or its
    // local date when its series is not in the cache.
    QDate originalDateOf(const domain::Appointment& occurrence);
    std::optional<domain::RecurringAppointment> seriesOf(const domain::Appointment& occurrence);
    // The appointments of the cache that `timeOff` falls on, as the
    // availability editor names them.
    QList<ui::BookedInTimeOff> bookedIn(const domain::ProviderAvailability& timeOff);
    // "This and following" or "all": the series itself changes (cut at the
    // occurrence, or from now on), so the server books the new times.
    void changeSeries(const domain::Appointment& occurrence, const domain::Appointment& changed,
                      ui::EditScope scope);
    void prepare(ui::AppointmentDialog& dialog);
    // Opening a cancelled or rescheduled appointment: its status, reason
    // and fee, and Reinstate while its time is free.
    void showReleased(const domain::Appointment& a);
    // What holds the time of a cancelled appointment now; empty when free.
    QString holderOf(const domain::Appointment& cancelled);
    // The days of the mini month that have appointments, from the cache:
    // what was found last while it still holds, and the cache read a moment
    // later (m_marking), so that moving through the calendar never waits
    // for six weeks of records.
    QSet<QDate> daysWithAppointments(QDate first, QDate last);
    void markDays();
    QString summaryOf(const domain::Appointment& a) const;
    // What a change collides with, named as the model names it.
    QString describeConflict(const scheduling::Conflict& conflict);
    std::optional<qint64> conflictId(const QString& key) const;

    DeskSession& m_session;
    ui::CalendarWidget& m_calendar;
    QPointer<QWidget> m_window;
    ui::CalendarModel m_model;
    QDateTime m_loadedFrom;
    QDateTime m_loadedTo;
    QTimer m_prefetch;
    // The mini month's last answer, until the schedule changes.
    struct MarkedDays {
        QDate first;
        QDate last;
        ui::CalendarFilter filter;
        domain::ObjectId provider;
        QSet<QDate> days;
        bool sameQuery(const MarkedDays& o) const {
            return first == o.first && last == o.last && filter == o.filter &&
                   provider == o.provider;
        }
    };
    std::optional<MarkedDays> m_markedDays; // the last answer
    MarkedDays m_wanted;                    // the question m_marking will answer
    bool m_marksStale = true;               // the schedule changed since
    QTimer m_marking;
    UndoHistory m_undo;
};

} // namespace mss::desktop
