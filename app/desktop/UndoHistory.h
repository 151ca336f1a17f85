#pragma once

#include "domain/Appointment.h"

#include <QObject>

namespace mss::desktop {

class DeskSession;

// The desk's last actions on single appointments (move, resize, cancel,
// status change, booking), newest last, at most `kept`, each undone by
// sending the inverse change through the action layer like any other
// change: the cache and the outbox take it, and the server receives (and
// audits) two changes, the action and its undo.
//
// Not QUndoStack: it assumes an undo always succeeds and keeps a redo
// side. Here an undo may rightly be refused (the appointment changed since,
// by a sync or another desk, or its old time was booked meanwhile), and the
// refusal must leave things as they are and say why; there is no redo. A
// list of what each action changed, checked at undo time, is all it takes.
class UndoHistory : public QObject {
    Q_OBJECT

public:
    static constexpr int kept = 50;

    explicit UndoHistory(DeskSession& session, QObject* parent = nullptr);

    // After a change of one appointment was saved: `what` names it ("the
    // move of Ada Lovelace, Mon 7 Dec"), `before` is the appointment as it
    // was; the cache holds it as it is now.
    void recordChange(const QString& what, const domain::Appointment& before);
    // After a booking was saved: undoing it cancels it.
    void recordBooking(const QString& what, const domain::ObjectId& id);

    bool canUndo() const { return !m_steps.isEmpty(); }
    int size() const { return int(m_steps.size()); }
    // "Undo the move of Ada Lovelace…", for the menu; empty when none.
    QString nextText() const;

    // Undoes the latest action, or says why not (told); the action leaves
    // the list either way. True when the inverse change was saved.
    bool undo();

signals:
    void changed();
    // An action was added: it can be undone now.
    void recorded();
    // One sentence for the status bar.
    void told(const QString& message);

private:
    struct Step {
        QString what;
        bool booking = false;
        domain::Appointment before;
        domain::Appointment after; // as the action left it
    };
    void push(Step step);

    DeskSession& m_session;
    QList<Step> m_steps;
};

} // namespace mss::desktop
