#include "scheduling/OpenSlots.h"

#include "base/WallClock.h"
#include "scheduling/Availability.h"

#include <algorithm>

namespace mss::scheduling {

namespace {

constexpr qint64 msPerMinute = 60'000;

// The first instant at or after `t` that is on the wall-clock grid.
qint64 alignToGrid(qint64 t, int stepMinutes, const QTimeZone& zone) {
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(t, QTimeZone::utc()).toTimeZone(zone);
    const QTime wall = local.time();
    const qint64 intoMinute = qint64(wall.second()) * 1000 + wall.msec();
    qint64 aligned = t;
    int minute = wall.hour() * 60 + wall.minute();
    if (intoMinute > 0) {
        aligned += 60'000 - intoMinute;
        ++minute;
    }
    const int remainder = minute % stepMinutes;
    if (remainder != 0)
        aligned += qint64(stepMinutes - remainder) * msPerMinute;
    return aligned;
}

QList<TimeRange> busyTime(std::span<const domain::Appointment> appointments) {
    QList<TimeRange> busy;
    for (const domain::Appointment& a : appointments) {
        if (a.holdsTime())
            busy.append(TimeRange::of(a.startTime, a.endTime));
    }
    return normalized(std::move(busy));
}

} // namespace

QList<OpenSlot> openSlots(const OpenSlotQuery& q, std::span<const ProviderSchedule> providers,
                          qsizetype limit) {
    QList<OpenSlot> out;
    if (q.durationMinutes <= 0 || q.stepMinutes <= 0 || !q.from.isValid() || !q.to.isValid())
        return out;
    qint64 windowStart = q.from.toMSecsSinceEpoch();
    if (q.notBefore.isValid())
        windowStart = std::max(windowStart, q.notBefore.toMSecsSinceEpoch());
    const TimeRange window{windowStart, q.to.toMSecsSinceEpoch()};
    if (window.isEmpty())
        return out;
    const qint64 length = qint64(q.durationMinutes) * msPerMinute;
    const qint64 step = qint64(q.stepMinutes) * msPerMinute;
    // Local days touched by the window, one either side for blocks that
    // cross midnight in some zone.
    const QDate firstDay = localDate(window.startTime(), q.zone).addDays(-1);
    const QDate lastDay = localDate(window.endTime(), q.zone);

    for (const ProviderSchedule& p : providers) {
        const ResolvedAvailability resolved =
            resolveAvailability(p.availability, firstDay, lastDay, q.zone, q.location);
        QList<TimeRange> free =
            subtract(clipped(resolved.available, window), busyTime(p.appointments));
        if (!q.clientBusy.isEmpty())
            free = subtract(free, q.clientBusy);
        for (const TimeRange& range : free) {
            for (qint64 t = alignToGrid(range.start, q.stepMinutes, q.zone);
                 t + length <= range.end; t += step)
                out.append({p.provider, {t, t + length}});
        }
    }
    std::sort(out.begin(), out.end(), [](const OpenSlot& a, const OpenSlot& b) {
        return a.time.start != b.time.start ? a.time.start < b.time.start : a.provider < b.provider;
    });
    if (out.size() > limit)
        out.resize(limit);
    return out;
}

} // namespace mss::scheduling
