#include "scheduling/WaitlistMatch.h"

#include "base/CalendarDate.h"
#include "base/WallClock.h"
#include "scheduling/Availability.h"

#include <algorithm>
#include <array>

namespace mss::scheduling {

using domain::WaitlistEntry;

namespace {

// The parts of normalized `a` that lie in normalized `b`.
QList<TimeRange> intersected(const QList<TimeRange>& a, const QList<TimeRange>& b) {
    QList<TimeRange> out;
    qsizetype i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const TimeRange part{std::max(a[i].start, b[j].start), std::min(a[i].end, b[j].end)};
        if (!part.isEmpty())
            out.append(part);
        if (a[i].end < b[j].end)
            ++i;
        else
            ++j;
    }
    return out;
}

// What stays the same for every entry of one slot: its days, the
// provider's time by location, wall-clock times already converted, each
// client's bookings clipped to the slot. Conversions through the zone cost
// microseconds, so each (day, minute) is converted once for all entries.
class SlotContext {
public:
    explicit SlotContext(const WaitlistMatchInput& input)
        : m_input(input)
        , m_slot(TimeRange::of(input.slot.start, input.slot.end))
        , m_firstDay(localDate(input.slot.start, input.zone))
        , m_lastDay(localDate(input.slot.end.addMSecs(-1), input.zone)) {}

    const TimeRange& slot() const { return m_slot; }
    QDate firstDay() const { return m_firstDay; }
    QDate lastDay() const { return m_lastDay; }

    // The instant of `minute` (0..1440) on local `day`.
    qint64 wallClock(QDate day, int minute) {
        const qint64 key = day.toJulianDay() * 1441 + minute;
        const auto it = m_wallClock.constFind(key);
        if (it != m_wallClock.cend())
            return *it;
        const qint64 ms = wallClockToUtc(day, minute, m_input.zone).toMSecsSinceEpoch();
        m_wallClock.insert(key, ms);
        return ms;
    }

    const QList<TimeRange>& available(domain::Location location) {
        auto& slot = m_available[size_t(location)];
        if (!slot) {
            const ResolvedAvailability resolved = resolveAvailability(
                m_input.availability, m_firstDay, m_lastDay, m_input.zone, location);
            slot = clipped(resolved.available, m_slot);
        }
        return *slot;
    }

    const QList<TimeRange>& bookings(const domain::ObjectId& client) {
        auto it = m_bookings.find(client);
        if (it != m_bookings.end())
            return *it;
        QList<TimeRange> mine;
        if (m_input.clientBookings) {
            const auto found = m_input.clientBookings->constFind(client);
            if (found != m_input.clientBookings->cend())
                mine = normalized(clipped(*found, m_slot));
        }
        return *m_bookings.insert(client, mine);
    }

private:
    const WaitlistMatchInput& m_input;
    TimeRange m_slot;
    QDate m_firstDay;
    QDate m_lastDay;
    QHash<qint64, qint64> m_wallClock;
    std::array<std::optional<QList<TimeRange>>, 5> m_available;
    QHash<domain::ObjectId, QList<TimeRange>> m_bookings;
};

bool isCandidate(const WaitlistEntry& e, const WaitlistMatchInput& input, qint64 slotMinutes) {
    if (e.status != domain::WaitlistStatus::Waiting)
        return false;
    if (e.provider && e.provider->id != input.slot.provider)
        return false;
    if (input.slot.appointmentType && e.appointmentType != *input.slot.appointmentType)
        return false;
    if (e.duration <= 0 || e.duration > slotMinutes)
        return false;
    if (e.expiresAt && input.now.isValid() && *e.expiresAt <= input.now)
        return false;
    return true;
}

// The slot's time the entry's windows and dates allow, normalized.
QList<TimeRange> wantedTime(const WaitlistEntry& e, SlotContext& slot, const QTimeZone& zone) {
    TimeRange bounds = slot.slot();
    if (e.earliestDate) {
        const QDate first = calendarDate(*e.earliestDate, zone);
        if (first > slot.lastDay())
            return {};
        if (first > slot.firstDay())
            bounds.start = std::max(bounds.start, slot.wallClock(first, 0));
    }
    if (e.latestDate) {
        const QDate last = calendarDate(*e.latestDate, zone);
        if (last < slot.firstDay())
            return {};
        if (last < slot.lastDay())
            bounds.end = std::min(bounds.end, slot.wallClock(last.addDays(1), 0));
    }
    if (bounds.isEmpty())
        return {};
    if (e.preferredWindows.isEmpty())
        return {bounds};
    QList<TimeRange> out;
    for (QDate day = slot.firstDay(); day <= slot.lastDay(); day = day.addDays(1)) {
        const auto weekday = domain::DayOfWeek(day.dayOfWeek());
        for (const domain::PreferredWindow& w : e.preferredWindows) {
            if (w.dayOfWeek != weekday)
                continue;
            const TimeRange range{slot.wallClock(day, w.startTime.minutes()),
                                  slot.wallClock(day, w.endTime.minutes())};
            const TimeRange part{std::max(range.start, bounds.start),
                                 std::min(range.end, bounds.end)};
            if (!part.isEmpty())
                out.append(part);
        }
    }
    return normalized(out);
}

} // namespace

bool ranksBefore(const WaitlistEntry& a, const WaitlistEntry& b) {
    if (a.priority != b.priority)
        return int(a.priority) < int(b.priority);
    if (a.meta.createdAt.has_value() != b.meta.createdAt.has_value())
        return a.meta.createdAt.has_value();
    if (a.meta.createdAt && *a.meta.createdAt != *b.meta.createdAt)
        return *a.meta.createdAt < *b.meta.createdAt;
    return a.meta.id < b.meta.id;
}

QList<WaitlistFit> matchWaitlist(const WaitlistMatchInput& input) {
    QList<WaitlistFit> fits;
    if (!input.slot.start.isValid() || !input.slot.end.isValid() ||
        input.slot.end <= input.slot.start || input.slot.provider.isNull())
        return fits;
    SlotContext slot(input);
    const qint64 slotMinutes = (slot.slot().end - slot.slot().start) / 60'000;
    for (qsizetype i = 0; i < qsizetype(input.entries.size()); ++i) {
        const WaitlistEntry& e = input.entries[size_t(i)];
        if (!isCandidate(e, input, slotMinutes))
            continue;
        QList<TimeRange> open = wantedTime(e, slot, input.zone);
        if (open.isEmpty())
            continue;
        open = intersected(open, slot.available(e.location));
        if (open.isEmpty())
            continue;
        const QList<TimeRange>& booked = slot.bookings(e.client.id);
        if (!booked.isEmpty())
            open = subtract(open, booked);
        const qint64 length = qint64(e.duration) * 60'000;
        for (const TimeRange& r : std::as_const(open)) {
            if (r.end - r.start >= length) {
                fits.append(WaitlistFit{i, TimeRange{r.start, r.start + length}});
                break;
            }
        }
    }
    std::sort(fits.begin(), fits.end(), [&](const WaitlistFit& a, const WaitlistFit& b) {
        return ranksBefore(input.entries[size_t(a.index)], input.entries[size_t(b.index)]);
    });
    return fits;
}

} // namespace mss::scheduling
