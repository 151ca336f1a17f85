#include "UndoHistory.h"

#include "DeskSession.h"

namespace mss::desktop {

using domain::Appointment;

namespace {

// Whether the appointment is still as the action left it, in what a person
// sees of it. Its version and times of writing are not compared: the
// server confirming the action itself gives it a new version.
bool unchangedSince(const Appointment& now, const Appointment& then) {
    return now.startTime == then.startTime && now.endTime == then.endTime &&
           now.provider.id == then.provider.id && now.client.id == then.client.id &&
           now.status == then.status && now.appointmentType == then.appointmentType &&
           now.location == then.location && now.cancellationReason == then.cancellationReason &&
           now.notes == then.notes;
}

} // namespace

UndoHistory::UndoHistory(DeskSession& session, QObject* parent)
    : QObject(parent)
    , m_session(session) {}

void UndoHistory::push(Step step) {
    m_steps.append(std::move(step));
    while (m_steps.size() > kept)
        m_steps.removeFirst();
    emit changed();
    emit recorded();
}

void UndoHistory::recordChange(const QString& what, const Appointment& before) {
    const auto now = m_session.cache().appointment(before.id().toString());
    if (!now || !*now)
        return;
    push({what, false, before, **now});
}

void UndoHistory::recordBooking(const QString& what, const domain::ObjectId& id) {
    const auto now = m_session.cache().appointment(id.toString());
    if (!now || !*now)
        return;
    push({what, true, **now, **now});
}

QString UndoHistory::nextText() const {
    return m_steps.isEmpty() ? QString() : tr("&Undo %1").arg(m_steps.back().what);
}

bool UndoHistory::undo() {
    if (m_steps.isEmpty()) {
        emit told(tr("Nothing to undo."));
        return false;
    }
    const Step step = m_steps.takeLast();
    emit changed();
    const QString id = step.after.id().toString();
    const auto now = m_session.cache().appointment(id);
    if (!now || !*now) {
        emit told(tr("Not undone: %1 is no longer in the schedule.").arg(step.what));
        return false;
    }
    if (!unchangedSince(**now, step.after)) {
        emit told(tr("Not undone: the appointment was changed since %1; undoing would overwrite "
                     "that change.")
                      .arg(step.what));
        return false;
    }
    sync::LocalSchedule& schedule = m_session.schedule();
    Checked<Appointment> done;
    if (step.booking) {
        // Only an administrator may delete an appointment: an undone
        // booking is cancelled, which every role that books may do.
        done = schedule.cancel(step.after.id(), tr("Booking undone"), 0);
    } else {
        Appointment back = step.before;
        back.meta = (*now)->meta; // based on the version the cache holds
        done = schedule.change(back, false);
    }
    if (!done) {
        QStringList why;
        for (const Error& e : done.error())
            why << e.message;
        const bool taken = std::ranges::any_of(
            done.error(), [](const Error& e) { return e.code == ErrorCode::SchedulingConflict; });
        emit told(taken ? tr("Not undone: the old time of %1 is taken now (%2).")
                              .arg(step.what, why.join(u"; "))
                        : tr("Not undone: %1 (%2).").arg(step.what, why.join(u"; ")));
        return false;
    }
    emit told(tr("Undone: %1").arg(step.what));
    m_session.engine().syncNow();
    return true;
}

} // namespace mss::desktop
