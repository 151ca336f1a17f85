#include "AppointmentBook.h"

#include "base/CalendarDate.h"
#include "base/WallClock.h"
#include "DeskSession.h"
#include "NewClient.h"
#include "recurrence/OccurrenceEdit.h"
#include "scheduling/Availability.h"
#include "scheduling/OpenSlots.h"
#include "ui/AppointmentDialog.h"
#include "ui/AppointmentTypes.h"
#include "ui/AvailabilityEditor.h"
#include "ui/CalendarWidget.h"
#include "ui/CancelDialog.h"
#include "ui/CancelledDialog.h"
#include "ui/EditScopeDialog.h"
#include "ui/LocalText.h"
#include "ui/RecurrenceDialog.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

#include <utility>

namespace mss::desktop {

using namespace Qt::StringLiterals;
using domain::Appointment;
using domain::ObjectId;

namespace {

// Whether it worked, whatever it made.
template <typename T>
Checked<void> outcome(const Checked<T>& result) {
    if (result)
        return {};
    return std::unexpected(result.error());
}

} // namespace

AppointmentBook::AppointmentBook(DeskSession& session, ui::CalendarWidget& calendar,
                                 QWidget* window)
    : QObject(window)
    , m_session(session)
    , m_calendar(calendar)
    , m_window(window)
    , m_undo(session) {
    connect(&m_undo, &UndoHistory::told, this, &AppointmentBook::told);
    m_model.setTimeZone(session.timeZone());
    // Whose appointments show in full is decided in one place
    // (RolePermissions::showsDetails); the rest are "Busy".
    m_model.setDetailsPolicy([permissions = session.permissions(), me = session.me().id()](
                                 const Appointment& a) { return permissions.showsDetails(a, me); });
    m_calendar.setModel(&m_model);
    // The mini month marks days from the whole cache, not only the days
    // on screen.
    m_marking.setSingleShot(true);
    m_marking.setInterval(120);
    connect(&m_marking, &QTimer::timeout, this, &AppointmentBook::markDays);
    m_calendar.setDayMarker(
        [this](QDate first, QDate last) { return daysWithAppointments(first, last); });
    // After a new range is shown, the ranges before and after it are read
    // once while the desk is idle, so the cache has them decoded and
    // "previous" or "next" shows at once (docs/performance.md, "Sync").
    m_prefetch.setSingleShot(true);
    m_prefetch.setInterval(150);
    connect(&m_prefetch, &QTimer::timeout, this, [this] {
        const qint64 span = m_loadedFrom.secsTo(m_loadedTo);
        if (span <= 0 || !m_session.isOpen())
            return;
        // Only warms the cache: a failure here is met again, and shown,
        // when the range is asked for.
        for (const auto& [from, to] : {std::pair(m_loadedFrom.addSecs(-span), m_loadedFrom),
                                       std::pair(m_loadedTo, m_loadedTo.addSecs(span))}) {
            if (const auto read = m_session.cache().appointments(from, to); !read)
                break;
        }
    });
}

void AppointmentBook::undoLast() {
    m_undo.undo();
    reload();
}

void AppointmentBook::loadDirectory() {
    sync::LocalCache& cache = m_session.cache();
    QList<domain::Staff> providers;
    for (const domain::Staff& s : cache.staff().value_or(QList<domain::Staff>{})) {
        const bool clinical = s.role == domain::StaffRole::Clinician ||
                              s.role == domain::StaffRole::Supervisor ||
                              s.role == domain::StaffRole::Intern;
        if (clinical && s.isActive)
            providers.append(s);
    }
    m_model.setProviders(providers);
    m_model.setClients(cache.clients().value_or(QList<domain::Client>{}));
    for (const domain::Staff& p : std::as_const(providers))
        m_model.setAvailability(p.id(), cache.availabilityOf(p.id().toString())
                                            .value_or(QList<domain::ProviderAvailability>{}));
    // The views pick "the first provider" when they are set, not when the
    // names arrive: set it again now that there are names.
    m_calendar.setProvider(m_calendar.provider());
}

void AppointmentBook::reload() {
    const QTimeZone& zone = m_session.timeZone();
    const QDateTime from = wallClockToUtc(m_calendar.firstVisibleDate(), 0, zone);
    const QDateTime to = wallClockToUtc(m_calendar.lastVisibleDate().addDays(1), 0, zone);
    m_session.engine().setVisibleWindow(from, to);
    const auto found = m_session.cache().appointments(from, to);
    if (!found) {
        emit told(
            tr("The local copy of the schedule cannot be read: %1").arg(found.error().message));
        return;
    }
    if (from != m_loadedFrom || to != m_loadedTo) {
        m_model.setAppointments(*found);
        m_prefetch.start(); // restarted while someone clicks through weeks
    } else {
        // The same days: change only what changed, so views keep their
        // scroll position and a drag in progress is not lost.
        QSet<ObjectId> fresh;
        for (const Appointment& a : *found) {
            fresh.insert(a.id());
            if (m_model.appointment(a.id()) != a)
                m_model.upsertAppointment(a);
        }
        QList<ObjectId> gone;
        for (const Appointment& a : m_model.appointments()) {
            if (!fresh.contains(a.id()))
                gone.append(a.id());
        }
        for (const ObjectId& id : std::as_const(gone))
            m_model.removeAppointment(id);
    }
    if (from == m_loadedFrom && to == m_loadedTo) {
        // The same days again: the schedule changed, the marks may have.
        m_marksStale = true;
        m_calendar.refreshDayMarks();
    }
    m_loadedFrom = from;
    m_loadedTo = to;
    emit reloaded(int(found->size()));
}

std::optional<Appointment> AppointmentBook::stored(const ObjectId& id) {
    auto found = m_session.cache().appointment(id.toString());
    if (!found || !*found) {
        emit told(tr("That appointment is no longer in the schedule."));
        reload();
        return std::nullopt;
    }
    if (!m_model.showsDetails(**found)) {
        // The calendars offer no action on it; this keeps any other path
        // (a stale menu, a shortcut) from opening it either.
        emit told(tr("That time is busy; only its provider's team can open it."));
        return std::nullopt;
    }
    return **found;
}

QString AppointmentBook::describeConflict(const scheduling::Conflict& conflict) {
    // Off the days on screen the model does not hold it: the cache does.
    if (m_model.appointment(conflict.with))
        return m_model.describeConflict(conflict);
    const auto found = m_session.cache().appointment(conflict.with.toString());
    if (found && *found)
        return m_model.describeConflict(conflict, **found);
    return m_model.describeConflict(conflict);
}

QString AppointmentBook::summaryOf(const Appointment& a) const {
    return tr("%1, %2 %3 with %4")
        .arg(m_model.titleOf(a),
             QLocale().toString(localDate(a.startTime, m_session.timeZone()), u"ddd d MMM"_s),
             ui::LocalText::span(a.startTime, a.endTime, m_session.timeZone()),
             m_model.providerName(a.provider.id));
}

bool AppointmentBook::carryOut(const Appointment& proposed, const QString& verb,
                               const std::function<Checked<void>(bool)>& action) {
    auto done = action(false);
    const bool collided = !done && std::ranges::any_of(done.error(), [](const Error& e) {
        return e.code == ErrorCode::SchedulingConflict;
    });
    if (collided) {
        QStringList lines;
        for (const scheduling::Conflict& c : m_session.schedule().check(proposed).conflicts)
            lines << u"• "_s + describeConflict(c);
        if (lines.isEmpty()) {
            // A later occurrence of a series collides: the refusal says which.
            for (const Error& e : done.error())
                lines << u"• "_s + e.message;
        }
        QMessageBox box(QMessageBox::Warning, tr("This time is taken"),
                        tr("%1 is not possible: it collides with\n%2").arg(verb, lines.join(u'\n')),
                        QMessageBox::Cancel, m_window);
        box.setObjectName(u"collisionMessage"_s);
        QPushButton* anyway = nullptr;
        // A waitlist hold is not overridden: it is released first.
        const bool held = std::ranges::any_of(
            done.error(), [](const Error& e) { return e.field.startsWith("waitlist:"_L1); });
        if (m_session.permissions().mayOverrideConflicts && !held)
            anyway = box.addButton(tr("Book anyway"), QMessageBox::AcceptRole);
        box.exec();
        if (anyway && box.clickedButton() == anyway)
            done = action(true);
    }
    if (done) {
        emit told(tr("%1: saved").arg(verb));
        m_session.engine().syncNow();
    } else if (!collided) {
        report(done.error(), verb);
    }
    reload(); // a refused drag snaps back
    return done.has_value();
}

void AppointmentBook::report(const Errors& errors, const QString& verb) {
    QStringList lines;
    for (const Error& e : errors)
        lines << (e.field.isEmpty() ? e.message : u"%1: %2"_s.arg(e.field, e.message));
    QMessageBox box(QMessageBox::Warning, tr("Not saved"),
                    tr("%1 was not saved:\n%2").arg(verb, lines.join(u'\n')), QMessageBox::Ok,
                    m_window);
    box.setObjectName(u"errorMessage"_s);
    box.exec();
}

std::optional<QDateTime> AppointmentBook::openSlotAfter(const ObjectId& provider, int minutes,
                                                        const QDateTime& after) {
    sync::LocalCache& cache = m_session.cache();
    const auto availability =
        cache.availabilityOf(provider.toString()).value_or(QList<domain::ProviderAvailability>{});
    scheduling::OpenSlotQuery query;
    query.from = after;
    query.to = after.addDays(31);
    query.durationMinutes = minutes;
    query.zone = m_session.timeZone();
    query.notBefore = std::max(after, m_session.clock().now());
    const auto appointments = cache.appointments(query.from, query.to, {provider.toString()})
                                  .value_or(QList<Appointment>{});
    const scheduling::ProviderSchedule schedule{provider, availability, appointments};
    const auto open = scheduling::openSlots(query, std::span(&schedule, 1), 1);
    if (open.isEmpty())
        return std::nullopt;
    return open.front().time.startTime();
}

void AppointmentBook::prepare(ui::AppointmentDialog& dialog) {
    // What booking and editing share: the directory, the practice's zone,
    // and every change checked live against the cache.
    dialog.setObjectName(u"appointmentDialog"_s);
    dialog.setClients(m_model.clients());
    dialog.setProviders(m_model.providers());
    dialog.setTimeZone(m_session.timeZone());
    dialog.setChecker([this](const Appointment& a) {
        const sync::BookingCheck c = m_session.schedule().check(a);
        return ui::BookingCheck{c.conflicts, c.outsideAvailability};
    });
    dialog.setConflictDescriber(
        [this](const scheduling::Conflict& c) { return describeConflict(c); });
    dialog.setStrictAvailability(m_session.strictAvailability());
    if (m_session.permissions().mayAddClients)
        dialog.setClientCreator([this, d = &dialog](const QString& typed) {
            auto client = addClient(m_session, d, typed);
            if (client) // the calendar names them on the card it is about to show
                m_model.setClients(m_session.cache().clients().value_or(QList<domain::Client>{}));
            return client;
        });
}

void AppointmentBook::bookNew(const ObjectId& provider, const QDateTime& start,
                              const QDateTime& end) {
    if (!m_session.permissions().mayBook)
        return;
    ui::AppointmentDialog dialog(m_window);
    prepare(dialog);
    dialog.setSlotFinder([this](const ObjectId& p, int minutes, const QDateTime& after) {
        return openSlotAfter(p, minutes, after);
    });
    dialog.setRepeatable(true);
    dialog.prepareNew(provider, start, end);
    if (dialog.exec() != QDialog::Accepted)
        return;
    Appointment a = dialog.appointment();
    if (dialog.repeatChosen()) {
        bookSeries(a);
        return;
    }
    a.meta.id = ObjectId::generate(m_session.clock()); // to undo it by
    if (carryOut(a, tr("Booking"),
                 [&](bool overlap) { return outcome(m_session.schedule().book(a, overlap)); }))
        m_undo.recordBooking(tr("the booking of %1").arg(m_model.titleOf(a)), a.id());
}

void AppointmentBook::bookSeries(const Appointment& first) {
    ui::RecurrenceDialog dialog(m_window);
    dialog.setObjectName(u"recurrenceDialog"_s);
    dialog.setTimeZone(m_session.timeZone());
    dialog.setChecker([this](const Appointment& a) {
        const sync::BookingCheck c = m_session.schedule().check(a);
        return ui::BookingCheck{c.conflicts, c.outsideAvailability};
    });
    dialog.setConflictDescriber(
        [this](const scheduling::Conflict& c) { return describeConflict(c); });
    dialog.setSeed(first);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const auto made = m_session.schedule().createSeries(dialog.series());
    if (!made) {
        report(made.error(), tr("The series"));
        return;
    }
    // The server books the occurrences; they arrive with this sync.
    const int booked = int(dialog.occurrences().size()) - int(made->exceptions.size());
    emit told(tr("Series saved: %n appointment(s) to be booked", nullptr, booked));
    m_session.engine().syncNow();
    reload();
}

QSet<QDate> AppointmentBook::daysWithAppointments(QDate first, QDate last) {
    const MarkedDays wanted{first, last, m_calendar.filter(), m_calendar.provider(), {}};
    if (m_markedDays && m_markedDays->sameQuery(wanted) && !m_marksStale)
        return m_markedDays->days;
    m_wanted = wanted;
    m_marking.start();
    // Meanwhile the last marks of the same month, none of another.
    return m_markedDays && m_markedDays->first == first ? m_markedDays->days : QSet<QDate>{};
}

void AppointmentBook::markDays() {
    if (!m_session.isOpen())
        return;
    MarkedDays marked = m_wanted;
    const QTimeZone& zone = m_session.timeZone();
    const auto found = m_session.cache().appointments(
        wallClockToUtc(marked.first, 0, zone), wallClockToUtc(marked.last.addDays(1), 0, zone));
    for (const Appointment& a : found.value_or(QList<Appointment>{})) {
        if (marked.filter.shows(a) &&
            (marked.provider.isNull() || a.provider.id == marked.provider))
            marked.days.insert(localDate(a.startTime, zone));
    }
    m_markedDays = std::move(marked);
    m_marksStale = false;
    m_calendar.refreshDayMarks();
}

QString AppointmentBook::holderOf(const Appointment& cancelled) {
    Appointment back = cancelled;
    back.status = domain::AppointmentStatus::Scheduled;
    const auto conflicts = m_session.schedule().check(back).conflicts;
    QStringList names;
    for (const scheduling::Conflict& c : conflicts)
        names << describeConflict(c);
    return names.join(u"; "_s);
}

void AppointmentBook::showReleased(const Appointment& a) {
    ui::CancelledDialog dialog(m_window);
    dialog.setObjectName(u"cancelledDialog"_s);
    dialog.setAppointment(a, summaryOf(a));
    if (a.status == domain::AppointmentStatus::Cancelled && m_session.permissions().mayBook)
        dialog.setTakenBy(holderOf(a));
    else
        dialog.reinstateButton()->hide();
    if (dialog.exec() == QDialog::Accepted && dialog.reinstateChosen())
        reinstate(a.id());
}

void AppointmentBook::reinstate(const ObjectId& id) {
    auto a = stored(id);
    if (!a)
        return;
    if (a->status != domain::AppointmentStatus::Cancelled) {
        emit told(tr("%1 is not cancelled: there is nothing to reinstate.").arg(summaryOf(*a)));
        return;
    }
    if (const QString holder = holderOf(*a); !holder.isEmpty()) {
        emit told(
            tr("%1 cannot be reinstated: its time is taken now by %2.").arg(summaryOf(*a), holder));
        return;
    }
    Appointment back = *a;
    back.status = domain::AppointmentStatus::Scheduled;
    back.cancellationFee = 0;
    const auto done = m_session.schedule().change(back, false);
    if (!done) {
        report(done.error(), tr("Reinstating"));
        reload();
        return;
    }
    emit told(tr("Reinstated: %1").arg(summaryOf(back)));
    m_undo.recordChange(tr("reinstating %1").arg(m_model.titleOf(*a)), *a);
    m_session.engine().syncNow();
    reload();
}

void AppointmentBook::edit(const ObjectId& id) {
    auto a = stored(id);
    if (!a)
        return;
    if (ui::CalendarFilter::isReleased(*a)) {
        showReleased(*a);
        return;
    }
    ui::AppointmentDialog dialog(m_window);
    prepare(dialog);
    dialog.setAppointment(*a);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Appointment edited = dialog.appointment();
    if (a->recurringAppointment && recurrence::changesTheSeries(*a, edited)) {
        const auto scope = ui::EditScopeDialog::ask(tr("change"), m_window);
        if (!scope)
            return;
        if (*scope != ui::EditScope::ThisOccurrence) {
            changeSeries(*a, edited, *scope);
            return;
        }
    }
    carryOut(edited, tr("The change"),
             [&](bool overlap) { return outcome(m_session.schedule().change(edited, overlap)); });
}

QDate AppointmentBook::originalDateOf(const Appointment& occurrence) {
    const auto series = seriesOf(occurrence);
    return series ? recurrence::originalDateOf(*series, m_session.timeZone(), occurrence.startTime)
                  : localDate(occurrence.startTime, m_session.timeZone());
}

std::optional<domain::RecurringAppointment>
AppointmentBook::seriesOf(const Appointment& occurrence) {
    auto stored = m_session.cache().get(storage::RecordKind::RecurringAppointment,
                                        occurrence.recurringAppointment->toString());
    if (!stored || !*stored)
        return std::nullopt;
    auto s = domain::RecurringAppointment::fromJson((*stored)->doc, domain::DecodeMode::TypesOnly);
    return s ? std::optional(*s) : std::nullopt;
}

void AppointmentBook::changeSeries(const Appointment& occurrence, const Appointment& changed,
                                   ui::EditScope scope) {
    const auto series = seriesOf(occurrence);
    if (!series) {
        emit told(tr("That series is not in the local copy of the schedule yet; sync first."));
        reload();
        return;
    }
    const QDate originalDate =
        recurrence::originalDateOf(*series, m_session.timeZone(), occurrence.startTime);
    // Notes and reminder choices stay with the one occurrence: they are
    // about that session.
    const domain::RecurringAppointment edited =
        recurrence::seriesFollowing(*series, occurrence, changed, m_session.timeZone());

    Appointment checked = changed;
    checked.duration = edited.duration;
    sync::LocalSchedule& schedule = m_session.schedule();
    const ObjectId id = *occurrence.recurringAppointment;
    if (scope == ui::EditScope::ThisAndFollowing) {
        carryOut(checked, tr("Changing this and the following"), [&](bool overlap) {
            return outcome(schedule.editThisAndFollowing(id, originalDate, edited, overlap));
        });
    } else {
        carryOut(checked, tr("Changing every occurrence"), [&](bool overlap) {
            return outcome(schedule.editAllOccurrences(id, edited, overlap));
        });
    }
}

void AppointmentBook::move(const ObjectId& id, const QDateTime& start, const QDateTime& end,
                           const ObjectId& provider) {
    auto a = stored(id);
    if (!a)
        return;
    Appointment moved = *a;
    moved.startTime = start;
    moved.endTime = end;
    moved.duration = int(start.secsTo(end) / 60);
    moved.provider.id = provider.isNull() ? a->provider.id : provider;
    if (a->recurringAppointment) {
        const auto scope = ui::EditScopeDialog::ask(tr("move"), m_window);
        if (!scope) {
            reload();
            return;
        }
        if (*scope != ui::EditScope::ThisOccurrence) {
            changeSeries(*a, moved, *scope);
            return;
        }
    }
    if (carryOut(moved, tr("The move"), [&](bool overlap) {
            return outcome(m_session.schedule().change(moved, overlap));
        }))
        m_undo.recordChange(tr("the move of %1").arg(m_model.titleOf(*a)), *a);
}

void AppointmentBook::resize(const ObjectId& id, const QDateTime& end) {
    auto a = stored(id);
    if (!a)
        return;
    move(id, a->startTime, end, a->provider.id);
}

void AppointmentBook::cancel(const ObjectId& id) {
    auto a = stored(id);
    if (!a)
        return;
    std::optional<ui::EditScope> scope;
    if (a->recurringAppointment) {
        scope = ui::EditScopeDialog::ask(tr("cancel"), m_window);
        if (!scope)
            return;
    }
    ui::CancelDialog dialog(m_session.clock(), m_window);
    dialog.setObjectName(u"cancelDialog"_s);
    dialog.setAppointment(summaryOf(*a), a->startTime);
    if (dialog.exec() != QDialog::Accepted)
        return;
    sync::LocalSchedule& schedule = m_session.schedule();
    Checked<void> done;
    if (!scope) {
        done = outcome(schedule.cancel(id, dialog.reason(), dialog.fee()));
    } else if (*scope == ui::EditScope::ThisOccurrence) {
        done = outcome(
            schedule.skipOccurrence(*a->recurringAppointment, originalDateOf(*a), dialog.reason()));
    } else if (*scope == ui::EditScope::AllOccurrences) {
        done = outcome(schedule.cancelSeries(*a->recurringAppointment, dialog.reason()));
    } else {
        const auto found = m_session.cache().appointments(a->startTime, a->startTime.addYears(5),
                                                          {a->provider.id.toString()});
        for (const Appointment& o : found.value_or(QList<Appointment>{})) {
            if (o.recurringAppointment == a->recurringAppointment && o.holdsTime() &&
                o.startTime >= a->startTime && done)
                done = outcome(schedule.cancel(o.id(), dialog.reason(), 0));
        }
    }
    if (done) {
        emit told(tr("Cancelled: %1").arg(summaryOf(*a)));
        if (!scope)
            m_undo.recordChange(tr("the cancellation of %1").arg(m_model.titleOf(*a)), *a);
        m_session.engine().syncNow();
    } else {
        report(done.error(), tr("The cancellation"));
    }
    reload();
}

bool AppointmentBook::timely(domain::StatusChange change, const domain::Appointment& a) {
    if (domain::isTimely(change, a, m_session.clock().now()))
        return true;
    emit told(change == domain::StatusChange::Confirm
                  ? tr("%1 has started: it can no longer be confirmed.").arg(m_model.titleOf(a))
                  : tr("%1 has not started yet: it can be completed or marked a no-show once it "
                       "has.")
                        .arg(m_model.titleOf(a)));
    return false;
}

void AppointmentBook::complete(const ObjectId& id) {
    auto a = stored(id);
    if (a && !timely(domain::StatusChange::Complete, *a))
        return;
    if (a && carryOut(*a, tr("Completing"),
                      [&](bool) { return outcome(m_session.schedule().complete(id, QString())); }))
        m_undo.recordChange(tr("completing %1").arg(m_model.titleOf(*a)), *a);
}

void AppointmentBook::markNoShow(const ObjectId& id) {
    auto a = stored(id);
    if (a && !timely(domain::StatusChange::NoShow, *a))
        return;
    if (a && carryOut(*a, tr("Marking a no-show"),
                      [&](bool) { return outcome(m_session.schedule().markNoShow(id)); }))
        m_undo.recordChange(tr("the no-show of %1").arg(m_model.titleOf(*a)), *a);
}

void AppointmentBook::confirm(const ObjectId& id) {
    auto a = stored(id);
    if (a && !timely(domain::StatusChange::Confirm, *a))
        return;
    if (a && carryOut(*a, tr("Confirming"),
                      [&](bool) { return outcome(m_session.schedule().confirm(id)); }))
        m_undo.recordChange(tr("confirming %1").arg(m_model.titleOf(*a)), *a);
}

void AppointmentBook::newAppointment() {
    constexpr int minutes = 50;
    // The slot the user clicked on the calendar, as they clicked it.
    if (const auto slot = m_calendar.selectedSlot()) {
        ObjectId provider = slot->provider;
        if (provider.isNull()) {
            // A column of every provider: whoever is in and free then.
            for (const domain::Staff& p : m_model.providers()) {
                Appointment probe;
                probe.provider.id = p.id();
                probe.startTime = slot->start;
                probe.endTime = slot->end;
                probe.duration = int(slot->start.secsTo(slot->end) / 60);
                const sync::BookingCheck c = m_session.schedule().check(probe);
                if (c.conflicts.isEmpty() && !c.outsideAvailability) {
                    provider = p.id();
                    break;
                }
            }
        }
        bookNew(provider, slot->start, slot->end);
        return;
    }
    // Else the next free time from now within the hours of the provider
    // on screen (with every provider on screen, whoever is free first):
    // today's when there is one, never a closed day at a closed hour.
    QList<ObjectId> candidates;
    if (const ObjectId shown = m_calendar.shownProvider(); !shown.isNull())
        candidates << shown;
    else
        for (const domain::Staff& p : m_model.providers())
            candidates << p.id();
    const QDateTime now = m_session.clock().now();
    std::optional<std::pair<ObjectId, QDateTime>> best;
    for (const ObjectId& p : std::as_const(candidates)) {
        const auto found = openSlotAfter(p, minutes, now);
        if (found && (!best || *found < best->second))
            best = std::pair(p, *found);
    }
    if (best) {
        bookNew(best->first, best->second, best->second.addSecs(minutes * 60));
        return;
    }
    // Nobody has hours in the next month: the next quarter hour, with the
    // provider on screen, for the desk to decide.
    const QTimeZone& zone = m_session.timeZone();
    const int next = (localMinuteOfDay(now, zone) / 15 + 1) * 15;
    const QDate today = localDate(now, zone);
    const QDateTime start = next < 24 * 60
                                ? wallClockToUtc(today, QTime(next / 60, next % 60), zone)
                                : wallClockToUtc(today.addDays(1), QTime(9, 0), zone);
    bookNew(candidates.value(0), start, start.addSecs(minutes * 60));
}

void AppointmentBook::nextOpenSlot() {
    ObjectId provider = m_calendar.provider();
    if (provider.isNull() && !m_model.providers().isEmpty())
        provider = m_model.providers().front().id();
    const auto slot = openSlotAfter(provider, 50, m_session.clock().now());
    if (!slot) {
        QMessageBox::information(m_window, tr("Next open slot"),
                                 tr("%1 has no open 50-minute slot in the next month.")
                                     .arg(m_model.providerName(provider)));
        return;
    }
    m_calendar.setDate(localDate(*slot, m_session.timeZone()));
    bookNew(provider, *slot, slot->addSecs(50 * 60));
}

void AppointmentBook::editAvailability() {
    ObjectId provider = m_calendar.provider();
    if (m_session.permissions().opensOnOwnSchedule)
        provider = m_session.me().id();
    if (provider.isNull() && !m_model.providers().isEmpty())
        provider = m_model.providers().front().id();
    QDialog dialog(m_window);
    dialog.setObjectName(u"availabilityDialog"_s);
    dialog.setWindowTitle(tr("Availability of %1").arg(m_model.providerName(provider)));
    auto* editor = new ui::AvailabilityEditor(m_session.clock(), &dialog);
    editor->setTimeZone(m_session.timeZone());
    editor->setProvider(provider, m_model.providerName(provider));
    editor->setRecords(m_session.cache()
                           .availabilityOf(provider.toString())
                           .value_or(QList<domain::ProviderAvailability>{}));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(editor);
    layout->addWidget(buttons);
    connect(
        editor, &ui::AvailabilityEditor::recordsChanged, &dialog,
        [this, editor](const ObjectId& who, const QList<domain::ProviderAvailability>& records) {
            const auto saved = m_session.schedule().replaceAvailability(who, records);
            if (!saved) {
                report(saved.error(), tr("The change of hours"));
                return;
            }
            // The new blocks now have ids: the next edit changes them.
            editor->setRecords(*saved);
            m_model.setAvailability(who, *saved);
            m_session.engine().syncNow();
        });
    // Time off over bookings: named, and each can be opened to move or
    // cancel it (the dialog closes and the calendar shows it).
    connect(editor, &ui::AvailabilityEditor::timeOffAdded, &dialog,
            [this, editor](const domain::ProviderAvailability& timeOff) {
                editor->showBookedInTimeOff(bookedIn(timeOff));
            });
    ObjectId toOpen;
    connect(editor, &ui::AvailabilityEditor::openAppointmentRequested, &dialog,
            [&dialog, &toOpen](const ObjectId& id) {
                toOpen = id;
                dialog.accept();
            });
    dialog.resize(900, 640);
    dialog.exec();
    if (toOpen.isNull())
        return;
    const auto a = stored(toOpen);
    if (!a || !m_calendar.showAppointment(a->id(), localDate(a->startTime, m_session.timeZone()),
                                          a->provider.id))
        emit told(tr("That appointment is no longer in the schedule."));
}

QList<ui::BookedInTimeOff> AppointmentBook::bookedIn(const domain::ProviderAvailability& timeOff) {
    const QTimeZone& zone = m_session.timeZone();
    if (!timeOff.effectiveDate)
        return {};
    const QDate first = calendarDate(*timeOff.effectiveDate, zone);
    const QDate last = timeOff.endDate ? calendarDate(*timeOff.endDate, zone) : first;
    const auto found = m_session.cache().appointments(wallClockToUtc(first, 0, zone),
                                                      wallClockToUtc(last.addDays(1), 0, zone),
                                                      {timeOff.provider.id.toString()});
    QList<ui::BookedInTimeOff> booked;
    for (const Appointment& a :
         scheduling::bookedDuring(timeOff, found.value_or(QList<Appointment>{}), zone))
        booked.append({a.id(), a.startTime, m_model.titleOf(a)});
    return booked;
}

std::optional<qint64> AppointmentBook::conflictId(const QString& key) const {
    bool ok = false;
    const qint64 id = key.toLongLong(&ok);
    return ok ? std::optional(id) : std::nullopt;
}

QList<ui::SyncConflictItem> AppointmentBook::conflictItems() {
    QList<ui::SyncConflictItem> items;
    const auto entries = m_session.cache().outbox().all().value_or(QList<sync::OutboxEntry>{});
    const QTimeZone& zone = m_session.timeZone();
    for (const sync::SyncConflict& c :
         m_session.cache().conflicts().value_or(QList<sync::SyncConflict>{})) {
        ui::SyncConflictItem item;
        item.key = QString::number(c.id);
        // Refused as such (not for what someone else did): theirs, when
        // present, is simply what the server still holds.
        const bool refusedOnly =
            c.code == ConflictCode::Forbidden || c.code == ConflictCode::Rejected;
        QString what;
        for (const sync::OutboxEntry& e : entries) {
            if (e.seq == c.outboxSeq)
                what = e.summary;
        }
        if (c.kind == storage::RecordKind::Appointment) {
            const auto mine = Appointment::fromJson(c.mine, domain::DecodeMode::TypesOnly);
            const auto theirs = Appointment::fromJson(c.theirs, domain::DecodeMode::TypesOnly);
            item.title = mine ? summaryOf(*mine) : theirs ? summaryOf(*theirs) : what;
            item.mine = mine ? tr("%1: %2").arg(
                                   what, ui::LocalText::span(mine->startTime, mine->endTime, zone))
                             : what;
            if (c.theirs.isEmpty())
                item.theirs = refusedOnly ? QString() : tr("Deleted on the server");
            else if (theirs)
                item.theirs =
                    tr("%1, %2").arg(ui::AppointmentTypes::name(theirs->status),
                                     ui::LocalText::span(theirs->startTime, theirs->endTime, zone));
        } else {
            item.title = what;
            item.mine = what;
            item.theirs = c.theirs.isEmpty()
                              ? (refusedOnly ? QString() : tr("Deleted on the server"))
                              : tr("Changed");
        }
        if (c.code == ConflictCode::SchedulingConflict)
            item.theirs += u" — "_s + tr("the time is taken on the server");
        if (c.code == ConflictCode::SlotHeld)
            item.theirs += u" — "_s + tr("the time is held for a waitlist client");
        if (refusedOnly) {
            // The server's own words: what it would not do, and why.
            const QString why = tr("Refused by the server: %1").arg(c.message);
            item.theirs = item.theirs.isEmpty() ? why : item.theirs + u" — "_s + why;
        }
        // Not allowed to this user: sending it again is refused again.
        item.mayKeepMine = c.code != ConflictCode::Forbidden;
        items.append(item);
    }
    return items;
}

void AppointmentBook::takeTheirs(const QString& key) {
    if (const auto id = conflictId(key)) {
        if (auto r = m_session.engine().takeTheirs(*id); !r)
            report(r.error(), tr("Taking theirs"));
    }
    reload();
}

void AppointmentBook::keepMine(const QString& key) {
    const auto id = conflictId(key);
    if (!id)
        return;
    const auto conflict = m_session.cache().conflict(*id);
    if (conflict && *conflict && (*conflict)->code == ConflictCode::SchedulingConflict &&
        !m_session.permissions().mayOverrideConflicts) {
        // The server would refuse the override; say so before trying.
        QMessageBox::information(m_window, tr("Keep mine"),
                                 tr("Only a practice administrator or a supervisor may book over "
                                    "another appointment. Take theirs, or pick another time."));
        return;
    }
    {
        if (auto r = m_session.engine().keepMine(*id); !r)
            report(r.error(), tr("Keeping mine"));
    }
    reload();
}

void AppointmentBook::pickAnotherTime(const QString& key) {
    const auto id = conflictId(key);
    if (!id)
        return;
    const auto conflict = m_session.cache().conflict(*id);
    if (!conflict || !*conflict)
        return;
    const QString record = (*conflict)->recordId;
    takeTheirs(key);
    if (auto a = m_session.cache().appointment(record); a && *a)
        edit((*a)->id());
}

} // namespace mss::desktop
