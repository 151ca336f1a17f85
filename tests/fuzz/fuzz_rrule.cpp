// libFuzzer target: RFC 5545 RRULE text, as a Custom series' recurrenceRule
// carries it from any client, through recurrence::RecurrenceRule::parse and
// the two expansions that use it: RuleDates (local dates from a first date)
// and recurrence::occurrences (UTC instants of a series in
// America/New_York over a window).
//
// Not crashing is not enough. For every rule accepted:
//  - toString() parses back to an equal rule, and writes that rule the same;
//  - RuleDates gives strictly increasing dates, none before the first date,
//    no more than COUNT, and each next() ends (libFuzzer's -timeout bounds
//    a call; the window bounds the calls: increasing dates cannot exceed
//    its days);
//  - RuleDates after skipTo(a later day) gives, from that day on, the same
//    dates as walking from the start;
//  - a series following the rule has its occurrences in the window sorted,
//    unique, inside the window, each 50 minutes long;
//  - when the series ends (COUNT or UNTIL) and has at most 1,000
//    occurrences, all of them are sorted and unique, and those in the
//    window are exactly what the window's expansion gave (a booking and a
//    calendar see the same series).
#include "domain/Limits.h"
#include "domain/RecurringAppointment.h"
#include "recurrence/RecurrenceRule.h"
#include "recurrence/RuleDates.h"
#include "recurrence/SeriesExpansion.h"

#include <QString>
#include <QTimeZone>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace {

using namespace mss;
using namespace mss::recurrence;

[[noreturn]] void broken(const char* invariant, const QString& rule) {
    std::fprintf(stderr, "invariant broken: %s\n  rule: %s\n", invariant, qPrintable(rule));
    std::abort();
}

// The first date of every expansion, and the window's length in days.
constexpr civil::Day firstDay = civil::fromCivil(2026, 3, 10);
constexpr civil::Day windowDays = 3 * 366;

// Dates from `first` up to the end of the window, checking the order.
std::vector<civil::Day> walk(RuleDates& dates, const RecurrenceRule& rule, const QString& text,
                             civil::Day from) {
    std::vector<civil::Day> out;
    std::optional<civil::Day> previous;
    while (const auto day = dates.next()) {
        if (previous && *day <= *previous)
            broken("RuleDates gave a date not after the one before", text);
        if (*day < firstDay)
            broken("RuleDates gave a date before the first", text);
        if (rule.count && dates.produced() > *rule.count)
            broken("RuleDates gave more dates than COUNT", text);
        previous = day;
        if (*day > firstDay + windowDays)
            break;
        if (*day >= from)
            out.push_back(*day);
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 1000) // the recurrenceRule field's limit (domain/BoundedText)
        return 0;
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    const auto rule = RecurrenceRule::parse(text);
    if (!rule)
        return 0;

    const QString written = rule->toString();
    const auto reparsed = RecurrenceRule::parse(written);
    if (!reparsed)
        broken("toString() of an accepted rule does not parse", written);
    if (*reparsed != *rule)
        broken("toString() of an accepted rule parses to another rule", written);
    if (reparsed->toString() != written)
        broken("toString() is not stable", written);

    RuleDates all(*rule, firstDay);
    const std::vector<civil::Day> walked = walk(all, *rule, written, firstDay);

    const civil::Day later = firstDay + 400;
    RuleDates skipping(*rule, firstDay);
    skipping.skipTo(later);
    const std::vector<civil::Day> skipped = walk(skipping, *rule, written, later);
    std::vector<civil::Day> expected;
    for (civil::Day d : walked) {
        if (d >= later)
            expected.push_back(d);
    }
    if (skipped != expected)
        broken("skipTo() changed the dates after the day skipped to", written);

    static const QTimeZone zone("America/New_York");
    domain::RecurringAppointment series;
    series.recurrencePattern = domain::RecurrencePattern::Custom;
    series.recurrenceRule = text;
    series.startTime = *domain::TimeOfDay::fromMinutes(9 * 60);
    series.startDate = QDateTime(QDate(2026, 3, 10), QTime(0, 0), QTimeZone::utc());
    series.duration = 50;
    const QDateTime from(QDate(2026, 9, 1), QTime(0, 0), QTimeZone::utc());
    const QDateTime to = from.addDays(400);
    const auto found = occurrences(series, zone, from, to);
    if (!found)
        return 0;
    for (qsizetype i = 0; i < found->size(); ++i) {
        const Occurrence& o = found->at(i);
        if (o.start < from || o.start >= to)
            broken("an occurrence outside the window", written);
        if (o.start.secsTo(o.end) != 50 * 60)
            broken("an occurrence of another length", written);
        if (i > 0 && found->at(i - 1).start >= o.start)
            broken("occurrences not sorted or not unique", written);
    }

    if (!rule->count && !rule->until)
        return 0;
    const auto whole = allOccurrences(series, zone);
    if (!whole)
        return 0;
    if (whole->size() > domain::maxSeriesOccurrences)
        broken("a series with more occurrences than the limit", written);
    QList<Occurrence> inWindow;
    for (qsizetype i = 0; i < whole->size(); ++i) {
        const Occurrence& o = whole->at(i);
        if (i > 0 && whole->at(i - 1).start >= o.start)
            broken("all occurrences not sorted or not unique", written);
        if (o.start >= from && o.start < to)
            inWindow.append(o);
    }
    if (inWindow != *found)
        broken("the window's occurrences differ from the whole series'", written);
    return 0;
}
