#include "ui/TimeGridGeometry.h"

#include "base/WallClock.h"

#include <algorithm>
#include <cmath>

namespace mss::ui {

DayAxis::DayAxis(QDate date, const QTimeZone& zone)
    : m_date(date)
    , m_zone(zone)
    , m_start(wallClockToUtc(date, 0, zone))
    , m_end(wallClockToUtc(date.addDays(1), 0, zone)) {
    // Nearly every day has no transition: 24 hours long with one offset.
    // Those need no search (it costs ~100 zone conversions, and views
    // build an axis per column each time names or hours change).
    if (m_start.secsTo(m_end) == 24 * 3600 &&
        zone.offsetFromUtc(m_start) == zone.offsetFromUtc(m_end.addSecs(-1)))
        return;
    // Transitions fall on whole quarter hours in every zone in use; a
    // wall time that does not round-trip lies in a gap.
    constexpr int step = 15;
    for (int m = 0; m < 24 * 60; m += step) {
        if (localMinuteOfDay(wallClockToUtc(date, m, zone), zone) == m)
            continue;
        if (!m_missing.isEmpty() && m_missing.back().second == m)
            m_missing.back().second = m + step;
        else
            m_missing.append({m, m + step});
    }
}

double DayAxis::minuteOf(const QDateTime& instant) const {
    if (instant <= m_start)
        return 0;
    if (instant >= m_end)
        return 24 * 60;
    // The wall-clock reading: on a fall-back day the repeated hour is drawn
    // over its first occurrence, which is how paper diaries and every
    // mainstream calendar show it.
    const QTime t = instant.toTimeZone(m_zone).time();
    return t.hour() * 60 + t.minute() + t.second() / 60.0;
}

QDateTime DayAxis::instantAt(int minuteOfDay) const {
    return wallClockToUtc(m_date, std::clamp(minuteOfDay, 0, 24 * 60), m_zone);
}

int snapMinutes(double minutes, int grid) {
    if (grid <= 1)
        return int(std::lround(minutes));
    return int(std::lround(minutes / grid)) * grid;
}

} // namespace mss::ui
