#pragma once

#include <QList>

namespace mss::ui {

// Where an appointment sits across the width of its day column.
struct LaneSlot {
    int lane = 0;  // 0-based, left to right
    int lanes = 1; // lanes in its group of overlapping appointments
};

struct TimeSpan {
    qint64 start = 0; // any unit, half-open [start, end)
    qint64 end = 0;
};

// Lays overlapping appointments side by side, as people read a paper
// diary: each group of appointments that overlap one another, directly or
// through a chain, shares the column width equally; each appointment takes
// the leftmost lane free at its start. Appointments that merely touch
// (one ends as the next starts) are not overlapping and keep full width.
// Returns one slot per span, in the order given.
QList<LaneSlot> layOutSideBySide(const QList<TimeSpan>& spans);

} // namespace mss::ui
