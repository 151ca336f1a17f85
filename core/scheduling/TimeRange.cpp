#include "scheduling/TimeRange.h"

#include <algorithm>

namespace mss::scheduling {

QList<TimeRange> normalized(QList<TimeRange> ranges) {
    ranges.removeIf([](const TimeRange& r) { return r.isEmpty(); });
    std::sort(ranges.begin(), ranges.end(),
              [](const TimeRange& a, const TimeRange& b) { return a.start < b.start; });
    QList<TimeRange> out;
    out.reserve(ranges.size());
    for (const TimeRange& r : ranges) {
        if (!out.isEmpty() && r.start <= out.back().end)
            out.back().end = std::max(out.back().end, r.end);
        else
            out.append(r);
    }
    return out;
}

QList<TimeRange> subtract(const QList<TimeRange>& from, const QList<TimeRange>& cut) {
    QList<TimeRange> out;
    qsizetype c = 0;
    for (TimeRange r : from) {
        while (c < cut.size() && cut[c].end <= r.start)
            ++c;
        for (qsizetype k = c; k < cut.size() && cut[k].start < r.end; ++k) {
            if (cut[k].start > r.start)
                out.append({r.start, cut[k].start});
            r.start = std::max(r.start, cut[k].end);
            if (r.isEmpty())
                break;
        }
        if (!r.isEmpty())
            out.append(r);
    }
    return out;
}

QList<TimeRange> clipped(const QList<TimeRange>& ranges, TimeRange window) {
    QList<TimeRange> out;
    for (const TimeRange& r : ranges) {
        const TimeRange part{std::max(r.start, window.start), std::min(r.end, window.end)};
        if (!part.isEmpty())
            out.append(part);
    }
    return out;
}

bool covers(const QList<TimeRange>& ranges, TimeRange range) {
    return std::any_of(ranges.cbegin(), ranges.cend(),
                       [&](const TimeRange& r) { return r.contains(range); });
}

} // namespace mss::scheduling
