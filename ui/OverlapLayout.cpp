#include "ui/OverlapLayout.h"

#include <algorithm>
#include <numeric>

namespace mss::ui {

QList<LaneSlot> layOutSideBySide(const QList<TimeSpan>& spans) {
    QList<LaneSlot> out(spans.size());
    QList<qsizetype> order(spans.size());
    std::iota(order.begin(), order.end(), qsizetype(0));
    std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
        if (spans[a].start != spans[b].start)
            return spans[a].start < spans[b].start;
        return spans[a].end > spans[b].end; // longer first: it reads better
    });

    QList<qsizetype> group; // indices of the current group
    QList<qint64> laneEnds; // end of the last span in each lane
    qint64 groupEnd = 0;
    auto closeGroup = [&] {
        for (const qsizetype i : std::as_const(group))
            out[i].lanes = int(laneEnds.size());
        group.clear();
        laneEnds.clear();
    };

    for (const qsizetype i : std::as_const(order)) {
        const TimeSpan& s = spans[i];
        if (!group.isEmpty() && s.start >= groupEnd)
            closeGroup();
        int lane = 0;
        while (lane < laneEnds.size() && laneEnds[lane] > s.start)
            ++lane;
        if (lane == laneEnds.size())
            laneEnds.append(s.end);
        else
            laneEnds[lane] = s.end;
        out[i].lane = lane;
        groupEnd = group.isEmpty() ? s.end : std::max(groupEnd, s.end);
        group.append(i);
    }
    closeGroup();
    return out;
}

} // namespace mss::ui
