#pragma once

#include "domain/Appointment.h"
#include "scheduling/TimeRange.h"

#include <QHash>
#include <QList>

#include <span>
#include <vector>

namespace mss::scheduling {

// Why two appointments cannot both stand.
enum class ConflictReason : int { SameProvider = 0, SameClient = 1 };

struct Conflict {
    domain::ObjectId with; // the appointment collided with
    ConflictReason reason = ConflictReason::SameProvider;
    TimeRange time; // that appointment's time

    friend bool operator==(const Conflict&, const Conflict&) = default;
};

// What the booking rules say about a proposed appointment: the
// appointments it collides with, and whether it lies outside its
// provider's availability (a warning, or a refusal in strict mode). The
// desk's action layer answers it from the cache; its dialogs show it.
struct BookingCheck {
    QList<Conflict> conflicts;
    bool outsideAvailability = false;
};

// The rule of docs/scheduling.md: a and b conflict when their times overlap
// (touching is not overlapping) and they share a provider or a client,
// unless either no longer holds its time (Cancelled, No-Show, Rescheduled),
// or both are one provider's Group Therapy session (same start and end).
// An appointment never conflicts with itself (same id).
bool conflictsWith(const domain::Appointment& a, const domain::Appointment& b);

// Every appointment of `others` that `candidate` conflicts with, by start.
QList<Conflict> findConflicts(const domain::Appointment& candidate,
                              std::span<const domain::Appointment> others);

// The same answer as findConflicts, from an index that looks only at the
// appointments that can overlap: those of the same provider or client that
// start after (candidate start - maxAppointmentMinutes) and before its end.
// A check costs a binary search and a handful of comparisons, whatever the
// size of the history.
class ConflictIndex {
public:
    ConflictIndex() = default;
    explicit ConflictIndex(std::span<const domain::Appointment> appointments);

    // Adds or replaces the appointment with this id.
    void insert(const domain::Appointment& appointment);
    void remove(const domain::ObjectId& id);
    qsizetype size() const { return m_byId.size(); }

    QList<Conflict> conflictsOf(const domain::Appointment& candidate) const;

private:
    struct Entry {
        qint64 start;
        qint64 end;
        domain::ObjectId id;
        domain::ObjectId provider;
        domain::ObjectId client;
        bool group;
    };
    using Timeline = std::vector<Entry>; // sorted by start

    static void add(Timeline& line, const Entry& e);
    static void drop(Timeline& line, const domain::ObjectId& id, qint64 start);
    void scan(const Timeline& line, const Entry& candidate, ConflictReason reason,
              QList<Conflict>& out) const;

    QHash<domain::ObjectId, Timeline> m_byProvider;
    QHash<domain::ObjectId, Timeline> m_byClient;
    QHash<domain::ObjectId, Entry> m_byId;
};

} // namespace mss::scheduling
