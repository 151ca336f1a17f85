#include "scheduling/Conflicts.h"

#include "domain/Limits.h"

#include <algorithm>

namespace mss::scheduling {

using domain::Appointment;
using domain::AppointmentType;
using domain::ObjectId;

namespace {

constexpr qint64 maxAppointmentMs = qint64(domain::maxAppointmentMinutes) * 60'000;

bool isOneGroupSession(bool groupA, bool groupB, const ObjectId& providerA,
                       const ObjectId& providerB, TimeRange a, TimeRange b) {
    return groupA && groupB && providerA == providerB && a == b;
}

void sortByStart(QList<Conflict>& conflicts) {
    std::sort(conflicts.begin(), conflicts.end(), [](const Conflict& a, const Conflict& b) {
        return a.time.start != b.time.start ? a.time.start < b.time.start : a.with < b.with;
    });
}

} // namespace

bool conflictsWith(const Appointment& a, const Appointment& b) {
    if (!a.holdsTime() || !b.holdsTime())
        return false;
    if (!a.id().isNull() && a.id() == b.id())
        return false;
    const TimeRange ra = TimeRange::of(a.startTime, a.endTime);
    const TimeRange rb = TimeRange::of(b.startTime, b.endTime);
    if (!ra.overlaps(rb))
        return false;
    const bool shareProvider = a.provider.id == b.provider.id;
    const bool shareClient = a.client.id == b.client.id;
    if (!shareProvider && !shareClient)
        return false;
    return !isOneGroupSession(a.appointmentType == AppointmentType::GroupTherapy,
                              b.appointmentType == AppointmentType::GroupTherapy, a.provider.id,
                              b.provider.id, ra, rb);
}

QList<Conflict> findConflicts(const Appointment& candidate, std::span<const Appointment> others) {
    QList<Conflict> out;
    for (const Appointment& other : others) {
        if (conflictsWith(candidate, other)) {
            const ConflictReason reason = candidate.provider.id == other.provider.id
                                              ? ConflictReason::SameProvider
                                              : ConflictReason::SameClient;
            out.append({other.id(), reason, TimeRange::of(other.startTime, other.endTime)});
        }
    }
    sortByStart(out);
    return out;
}

ConflictIndex::ConflictIndex(std::span<const Appointment> appointments) {
    for (const Appointment& a : appointments)
        insert(a);
}

void ConflictIndex::add(Timeline& line, const Entry& e) {
    auto at = std::upper_bound(line.begin(), line.end(), e.start,
                               [](qint64 start, const Entry& x) { return start < x.start; });
    line.insert(at, e);
}

void ConflictIndex::drop(Timeline& line, const ObjectId& id, qint64 start) {
    auto first = std::lower_bound(line.begin(), line.end(), start,
                                  [](const Entry& x, qint64 s) { return x.start < s; });
    for (auto it = first; it != line.end() && it->start == start; ++it) {
        if (it->id == id) {
            line.erase(it);
            return;
        }
    }
}

void ConflictIndex::insert(const Appointment& a) {
    remove(a.id());
    if (!a.holdsTime())
        return;
    const TimeRange r = TimeRange::of(a.startTime, a.endTime);
    const Entry e{r.start,       r.end,       a.id(),
                  a.provider.id, a.client.id, a.appointmentType == AppointmentType::GroupTherapy};
    add(m_byProvider[e.provider], e);
    add(m_byClient[e.client], e);
    m_byId.insert(e.id, e);
}

void ConflictIndex::remove(const ObjectId& id) {
    const auto it = m_byId.constFind(id);
    if (it == m_byId.cend())
        return;
    const Entry e = *it;
    m_byId.erase(it);
    drop(m_byProvider[e.provider], id, e.start);
    drop(m_byClient[e.client], id, e.start);
}

void ConflictIndex::scan(const Timeline& line, const Entry& c, ConflictReason reason,
                         QList<Conflict>& out) const {
    // Only an appointment that starts after (c.start - longest possible
    // appointment) can still be running at c.start.
    auto it = std::upper_bound(line.begin(), line.end(), c.start - maxAppointmentMs,
                               [](qint64 s, const Entry& x) { return s < x.start; });
    for (; it != line.end() && it->start < c.end; ++it) {
        if (it->end <= c.start || (!c.id.isNull() && it->id == c.id))
            continue;
        if (isOneGroupSession(c.group, it->group, c.provider, it->provider, {c.start, c.end},
                              {it->start, it->end}))
            continue;
        // An appointment with the same provider and client is reported once,
        // as the provider's.
        if (reason == ConflictReason::SameClient && it->provider == c.provider)
            continue;
        out.append({it->id, reason, {it->start, it->end}});
    }
}

QList<Conflict> ConflictIndex::conflictsOf(const Appointment& candidate) const {
    QList<Conflict> out;
    if (!candidate.holdsTime())
        return out;
    const TimeRange r = TimeRange::of(candidate.startTime, candidate.endTime);
    const Entry c{r.start,
                  r.end,
                  candidate.id(),
                  candidate.provider.id,
                  candidate.client.id,
                  candidate.appointmentType == AppointmentType::GroupTherapy};
    if (auto p = m_byProvider.constFind(c.provider); p != m_byProvider.cend())
        scan(*p, c, ConflictReason::SameProvider, out);
    if (auto k = m_byClient.constFind(c.client); k != m_byClient.cend())
        scan(*k, c, ConflictReason::SameClient, out);
    sortByStart(out);
    return out;
}

} // namespace mss::scheduling
