#pragma once

#include "domain/ObjectId.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace mss::ui {

// One column of a time grid: a practice-local day, of one provider or of
// all of them.
struct GridColumn {
    QDate date;
    std::optional<domain::ObjectId> provider; // nullopt: every provider
    QString title;
    QString subtitle;
};

// The wall-clock axis of one column. The vertical axis of every time grid
// is the practice's wall clock, 00:00 to 24:00, so rows line up across days;
// the mapping to instants goes through wallClockToUtc and so follows the
// project's DST policy: on a spring-forward day the missing hour maps to
// nothing (and is hatched), on a fall-back day the repeated hour is drawn
// once, at its first occurrence.
class DayAxis {
public:
    DayAxis() = default;
    DayAxis(QDate date, const QTimeZone& zone);

    QDate date() const { return m_date; }
    QDateTime dayStart() const { return m_start; } // UTC instant of local 00:00
    QDateTime dayEnd() const { return m_end; }     // UTC instant of next 00:00

    // Minutes after local midnight at which `instant` shows in this column,
    // clamped to [0, 1440].
    double minuteOf(const QDateTime& instant) const;
    // The instant of a wall-clock minute of this day (1440 = next midnight).
    QDateTime instantAt(int minuteOfDay) const;
    // Wall-clock ranges, in minutes, that do not exist on this day.
    const QList<std::pair<int, int>>& missingMinutes() const { return m_missing; }

private:
    QDate m_date;
    QTimeZone m_zone;
    QDateTime m_start;
    QDateTime m_end;
    QList<std::pair<int, int>> m_missing;
};

// Rounds minutes to the nearest multiple of `grid`.
int snapMinutes(double minutes, int grid);

} // namespace mss::ui
