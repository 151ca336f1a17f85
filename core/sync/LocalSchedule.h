#pragma once

#include "base/Clock.h"
#include "base/Error.h"
#include "domain/Appointment.h"
#include "domain/ProviderAvailability.h"
#include "domain/RecurringAppointment.h"
#include "domain/Roles.h"
#include "scheduling/Conflicts.h"
#include "sync/LocalCache.h"

#include <QTimeZone>

namespace mss::sync {

// What a booking would run into, found on the cache (so also offline).
using scheduling::BookingCheck;

// The user's actions on the schedule. Each one checks the change with the
// core rules on the cache, then, in ONE SQLite transaction, changes the
// cache and appends the outbox entry that will carry it to the server. The
// screen shows the change at once, online or not, and a crash cannot keep
// one without the other.
class LocalSchedule {
public:
    LocalSchedule(LocalCache& cache, const Clock& clock, QTimeZone zone);

    // The signed-in user's role. Each action the server would refuse to it
    // (domain/Roles.h, docs/roles.md) is refused here at once, offline too,
    // with an error on "role", instead of becoming a rejected change at the
    // next sync. Without a role nothing is checked (tools, tests of rules).
    void setRole(std::optional<domain::StaffRole> role) { m_role = role; }
    std::optional<domain::StaffRole> role() const { return m_role; }
    // What the practice grants beyond the table (its widerGrants setting).
    void setGrants(const domain::RoleGrants& grants) { m_grants = grants; }

    void setTimeZone(const QTimeZone& zone) { m_zone = zone; }
    const QTimeZone& timeZone() const { return m_zone; }

    BookingCheck check(const domain::Appointment& appointment);

    // A new appointment; it gets its id here when it has none. Refused with
    // SchedulingConflict (each conflict named) unless allowOverlap.
    Checked<domain::Appointment> book(domain::Appointment appointment, bool allowOverlap = false);
    // Any edit of an existing appointment: move, resize, type, notes...
    Checked<domain::Appointment> change(const domain::Appointment& edited,
                                        bool allowOverlap = false);
    Checked<domain::Appointment> cancel(const domain::ObjectId& id, const QString& reason,
                                        double fee);
    Checked<domain::Appointment> complete(const domain::ObjectId& id, const QString& notes);
    Checked<domain::Appointment> markNoShow(const domain::ObjectId& id);
    Checked<domain::Appointment> confirm(const domain::ObjectId& id);
    Checked<void> remove(const domain::ObjectId& id);

    Checked<domain::RecurringAppointment> createSeries(domain::RecurringAppointment series);
    // One occurrence skipped (cancelled) or moved to `newStart`, by the
    // date the pattern gives it: an exception of the series. The
    // occurrence's appointment shows cancelled at once; a moved one's new
    // appointment is booked by the server and arrives with the next sync.
    Checked<domain::RecurringAppointment> skipOccurrence(const domain::ObjectId& series,
                                                         QDate originalDate, const QString& reason);
    Checked<domain::RecurringAppointment> rescheduleOccurrence(const domain::ObjectId& series,
                                                               QDate originalDate,
                                                               const QDateTime& newStart);
    // "This and following": the series is cut at the occurrence of
    // `originalDate` (recurrence::editThisAndFollowing); the occurrences
    // from the cut on follow `edited`. Returns the new series, the part
    // from the cut on (the series itself when the cut is at its first
    // occurrence). The server is told with a PUT of the old series ending
    // the day before the cut, then a POST of the new one.
    Checked<domain::RecurringAppointment>
    editThisAndFollowing(const domain::ObjectId& series, QDate originalDate,
                         const domain::RecurringAppointment& edited, bool allowOverlap = false);
    // "All occurrences": the future ones follow `edited`, past ones stay
    // (recurrence::editAllOccurrences at the clock's now). One PUT of the
    // series with the edited fields.
    Checked<domain::RecurringAppointment>
    editAllOccurrences(const domain::ObjectId& series, const domain::RecurringAppointment& edited,
                       bool allowOverlap = false);
    // The rest of a series: every occurrence from now on is cancelled.
    Checked<domain::RecurringAppointment> cancelSeries(const domain::ObjectId& series,
                                                       const QString& reason);

    // A provider's availability block or exception: added when it has no
    // id or the cache does not hold it, changed otherwise.
    Checked<domain::ProviderAvailability> saveAvailability(domain::ProviderAvailability record);
    Checked<void> removeAvailability(const domain::ObjectId& id);
    // Makes the provider's records what the editor shows: adds, changes and
    // removes what differs, each as its own outbox entry.
    Checked<QList<domain::ProviderAvailability>>
    replaceAvailability(const domain::ObjectId& provider,
                        QList<domain::ProviderAvailability> records);

private:
    // Whether the role may do what needs `permission` (and, with
    // allowOverlap, override a conflict).
    Checked<void> permitted(domain::Permission permission, bool allowOverlap = false) const;
    Checked<domain::Appointment> load(const domain::ObjectId& id);
    // A status change sent as the whole record (no-show, confirm).
    Checked<domain::Appointment>
    setStatus(const domain::ObjectId& id, domain::AppointmentStatus status, const QString& summary);
    // Refuses a change that breaks a rule or collides, unless allowed.
    Checked<void> admit(const domain::Appointment& a, bool allowOverlap);
    // One transaction: the record written (or removed when `doc` is empty)
    // and the outbox entry that carries the change.
    // `alongside` are records the server will change as a consequence
    // (a series' occurrences), shown at once, with no outbox entry of
    // their own.
    Checked<void> write(storage::RecordKind kind, const QString& id,
                        const std::optional<QJsonObject>& doc, qint64 baseVersion,
                        OutboxEntry entry, const QList<QJsonObject>& alongside = {});
    Checked<domain::RecurringAppointment> loadSeries(const domain::ObjectId& id);
    // The series' appointments starting at `start` (or at or after it when
    // `andLater`), cancelled with `reason`, as documents.
    QList<QJsonObject> cancelledOccurrences(const domain::RecurringAppointment& series,
                                            const QDateTime& start, bool andLater,
                                            const QString& reason);
    Checked<domain::RecurringAppointment> addException(const domain::RecurringAppointment& before,
                                                       const domain::RecurringAppointment& after,
                                                       QDate originalDate, QJsonObject body);
    // A series edit as the cache shows it at once: the old occurrences that
    // go, the series records that change, the occurrences the server will
    // generate (local guesses, replaced by its own at the next pull after
    // the push) and the requests that carry it, all in one transaction.
    struct SeriesEditWrite {
        QList<domain::Appointment> withdrawn;
        QList<domain::RecurringAppointment> series;
        QList<domain::Appointment> generated;
        QList<OutboxEntry> entries;
    };
    Checked<void> writeSeriesEdit(const SeriesEditWrite& w, bool allowOverlap);
    // The series' appointments starting at or after `from`.
    QList<domain::Appointment> occurrencesFrom(const domain::RecurringAppointment& series,
                                               const QDateTime& from);
    // The appointments the server books for `series` (all its occurrences,
    // or those starting at or after `from`), with ids made here.
    Checked<QList<domain::Appointment>> generate(const domain::RecurringAppointment& series,
                                                 const QDateTime& from = {});
    Errors conflictErrors(const QList<scheduling::Conflict>& conflicts);
    Checked<domain::Appointment> save(domain::Appointment a, const QString& method,
                                      const QString& path, const QJsonObject& body,
                                      const QString& summary);
    Checked<domain::Appointment> putWhole(domain::Appointment a, const QString& summary);

    LocalCache& m_cache;
    const Clock& m_clock;
    QTimeZone m_zone;
    std::optional<domain::StaffRole> m_role;
    domain::RoleGrants m_grants;
};

} // namespace mss::sync
