// Series operations. What makes them tricky is the split: the two halves
// must give back exactly the original occurrences, so COUNT and
// numberOfOccurrences are re-based on rule occurrences (EXDATEs count,
// RDATEs do not), EXDATE/RDATE lines go to the half they fall in, and the
// second half must start on one of the rule's own dates or INTERVAL would
// count from a different week or month.
#include "recurrence/SeriesOperations.h"

#include "domain/ProviderAvailability.h"
#include "recurrence/RecurrenceSet.h"
#include "recurrence/SeriesExpansion.h"

#include <QCoreApplication>

#include <algorithm>

namespace mss::recurrence {

using namespace Qt::StringLiterals;
using domain::RecurrencePattern;
using domain::RecurringAppointment;
using domain::SeriesException;

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("Recurrence", text);
}

Errors notAnOccurrence(QDate date) {
    return {{ErrorCode::OutOfRange, u"date"_s,
             tr("%1 is not an occurrence of the series").arg(date.toString(Qt::ISODate))}};
}

// The index of the pattern occurrence on `date`.
Checked<qsizetype> indexOf(const QList<PatternOccurrence>& pattern, QDate date) {
    const auto it = std::ranges::find(pattern, date, &PatternOccurrence::date);
    if (it == pattern.end())
        return std::unexpected(notAnOccurrence(date));
    return it - pattern.begin();
}

RecurringAppointment recorded(const RecurringAppointment& series, const QTimeZone& zone, QDate date,
                              SeriesException exception) {
    RecurringAppointment out = series;
    exception.date = calendarDateInstant(date);
    out.exceptions.removeIf(
        [&](const SeriesException& e) { return calendarDate(e.date, zone) == date; });
    out.exceptions.append(exception);
    std::ranges::stable_sort(out.exceptions, {}, &SeriesException::date);
    return out;
}

Checked<RecurringAppointment> withException(const RecurringAppointment& series,
                                            const QTimeZone& zone, QDate date,
                                            SeriesException exception) {
    const auto pattern = patternOccurrences(series, zone);
    if (!pattern)
        return std::unexpected(pattern.error());
    if (auto index = indexOf(*pattern, date); !index)
        return std::unexpected(index.error());
    return recorded(series, zone, date, std::move(exception));
}

// The local date of an RDATE/EXDATE entry, to tell which half of a split
// it belongs to.
QDate localDateOf(const RfcDateTime& d, const QTimeZone& zone) {
    if (!d.utc)
        return d.date;
    return QDateTime(d.date, QTime(0, 0), Qt::UTC)
        .addSecs(d.secondOfDay.value_or(0))
        .toTimeZone(zone)
        .date();
}

// Where the series' RRULE stands at `cut`, EXDATEs included and RDATEs
// not (what COUNT and numberOfOccurrences count): how many occurrences it
// gives before the cut, and its first date from the cut on.
struct RuleAtCut {
    int before = 0;
    std::optional<QDate> next;
};

Checked<RuleAtCut> ruleAtCut(const RecurringAppointment& series, const QTimeZone& zone, QDate cut) {
    auto rule = ruleFor(series, zone);
    if (!rule)
        return std::unexpected(rule.error());
    rule->set.exDates.clear();
    rule->set.rDates.clear();
    PatternCursor cursor(*rule, zone);
    RuleAtCut out;
    while (const auto o = cursor.next()) {
        if (o->date >= cut) {
            out.next = o->date;
            break;
        }
        ++out.before;
    }
    return out;
}

// Keeps the EXDATEs and RDATEs of a Custom rule on one side of `cut`. The
// first half ends by its endDate, so it drops COUNT; the second half's
// COUNT is what was left, or the edited rule's own.
Checked<QString> ruleForHalf(const QString& text, const QTimeZone& zone, QDate cut, bool before,
                             std::optional<int> countBefore) {
    auto set = RecurrenceSet::parse(text);
    if (!set)
        return std::unexpected(Errors{{ErrorCode::InvalidRule, u"recurrenceRule"_s,
                                       set.error().field + u": "_s + set.error().message}});
    const auto keep = [&](const RfcDateTime& d) { return (localDateOf(d, zone) < cut) == before; };
    set->exDates.removeIf([&](const RfcDateTime& d) { return !keep(d); });
    set->rDates.removeIf([&](const RfcDateTime& d) { return !keep(d); });
    if (before)
        set->rule.count.reset();
    else if (set->rule.count && countBefore)
        set->rule.count = *set->rule.count - *countBefore;
    return set->toString();
}

void takePatternFields(RecurringAppointment& to, const RecurringAppointment& from) {
    to.client = from.client;
    to.provider = from.provider;
    to.appointmentType = from.appointmentType;
    to.duration = from.duration;
    to.location = from.location;
    to.virtualMeetingLink = from.virtualMeetingLink;
    to.recurrencePattern = from.recurrencePattern;
    to.dayOfWeek = from.dayOfWeek;
    to.dayOfMonth = from.dayOfMonth;
    to.weekOfMonth = from.weekOfMonth;
    to.useWeekOfMonth = from.useWeekOfMonth;
    to.recurrenceRule = from.recurrenceRule;
    to.startTime = from.startTime;
    to.notes = from.notes;
}

// Splits at pattern index `k` (> 0 or == 0), then applies `edited` to the
// second half.
Checked<SeriesSplit> splitAt(const RecurringAppointment& series, const QTimeZone& zone,
                             const QList<PatternOccurrence>& pattern, qsizetype k,
                             const RecurringAppointment& edited) {
    const QDate cut = pattern[k].date;
    SeriesSplit out;
    const auto atCut = ruleAtCut(series, zone, cut);
    if (!atCut)
        return std::unexpected(atCut.error());
    // The second half's rule must start on one of the rule's own dates, or
    // INTERVAL would count from another week or month. A cut at an RDATE
    // starts the rule on its next date; the RDATE is kept as such.
    if (!atCut->next)
        return std::unexpected(Errors{
            {ErrorCode::OutOfRange, u"date"_s,
             tr("the series' rule has no occurrence from %1 on").arg(cut.toString(Qt::ISODate))}});
    const std::optional<int> ruleBefore = atCut->before;
    const bool custom = series.recurrencePattern == RecurrencePattern::Custom;

    if (k > 0) {
        RecurringAppointment before = series;
        before.endDate = calendarDateInstant(pattern[k - 1].date);
        if (before.numberOfOccurrences)
            before.numberOfOccurrences = *ruleBefore;
        before.exceptions.removeIf(
            [&](const SeriesException& e) { return calendarDate(e.date, zone) >= cut; });
        if (custom && before.recurrenceRule) {
            auto rule = ruleForHalf(*before.recurrenceRule, zone, cut, true, {});
            if (!rule)
                return std::unexpected(rule.error());
            before.recurrenceRule = *rule;
        }
        out.before = before;
    }

    RecurringAppointment after = series;
    if (k > 0) {
        after.meta = {};
        after.generatedAppointments.clear();
    }
    after.exceptions.removeIf(
        [&](const SeriesException& e) { return calendarDate(e.date, zone) < cut; });
    const bool sameRule = edited.recurrencePattern == series.recurrencePattern &&
                          edited.recurrenceRule == series.recurrenceRule;
    takePatternFields(after, edited);
    after.startDate = calendarDateInstant(*atCut->next);
    after.endDate = edited.endDate;
    after.numberOfOccurrences = edited.numberOfOccurrences;
    if (after.numberOfOccurrences) {
        after.numberOfOccurrences = *after.numberOfOccurrences - *ruleBefore;
        if (*after.numberOfOccurrences < 1)
            return std::unexpected(Errors{{ErrorCode::OutOfRange, u"numberOfOccurrences"_s,
                                           tr("must be more than the %1 occurrences before %2")
                                               .arg(*ruleBefore)
                                               .arg(cut.toString(Qt::ISODate))}});
    }
    if (after.recurrencePattern == RecurrencePattern::Custom && after.recurrenceRule && k > 0) {
        // An unchanged rule continues where it was cut; an edited one is
        // taken as written, less the dates before the cut.
        auto rule = ruleForHalf(*after.recurrenceRule, zone, cut, false,
                                sameRule ? ruleBefore : std::nullopt);
        if (!rule)
            return std::unexpected(rule.error());
        after.recurrenceRule = *rule;
    }
    out.after = after;
    return out;
}

} // namespace

Checked<RecurringAppointment> skipOccurrence(const RecurringAppointment& series,
                                             const QTimeZone& zone, QDate originalDate,
                                             const std::optional<QString>& reason) {
    SeriesException e;
    e.reason = reason;
    return withException(series, zone, originalDate, e);
}

Checked<DateExcluded> excludeDate(const RecurringAppointment& series, const QTimeZone& zone,
                                  QDate date, const std::optional<QString>& reason) {
    const auto pattern = patternOccurrences(series, zone);
    if (!pattern)
        return std::unexpected(pattern.error());
    SeriesException e;
    e.reason = reason;
    const bool skipped = indexOf(*pattern, date).has_value();
    return DateExcluded{recorded(series, zone, date, std::move(e)), skipped};
}

Checked<RecurringAppointment> rescheduleOccurrence(const RecurringAppointment& series,
                                                   const QTimeZone& zone, QDate originalDate,
                                                   const QDateTime& newStart,
                                                   const std::optional<QString>& reason) {
    if (!newStart.isValid())
        return std::unexpected(
            Errors{{ErrorCode::Required, u"rescheduledTo"_s, tr("is required")}});
    SeriesException e;
    e.reason = reason;
    e.isRescheduled = true;
    e.rescheduledTo = newStart.toUTC();
    return withException(series, zone, originalDate, e);
}

Checked<SeriesSplit> editThisAndFollowing(const RecurringAppointment& series, const QTimeZone& zone,
                                          QDate originalDate, const RecurringAppointment& edited) {
    const auto pattern = patternOccurrences(series, zone);
    if (!pattern)
        return std::unexpected(pattern.error());
    const auto k = indexOf(*pattern, originalDate);
    if (!k)
        return std::unexpected(k.error());
    return splitAt(series, zone, *pattern, *k, edited);
}

Checked<SeriesEdit> editAllOccurrences(const RecurringAppointment& series, const QTimeZone& zone,
                                       const QDateTime& now, const RecurringAppointment& edited) {
    const auto pattern = patternOccurrences(series, zone);
    if (!pattern)
        return std::unexpected(pattern.error());
    const auto it =
        std::ranges::find_if(*pattern, [&](const PatternOccurrence& o) { return o.start >= now; });
    if (it == pattern->end())
        return std::unexpected(Errors{
            {ErrorCode::OutOfRange, u"date"_s, tr("the series has no occurrence left to edit")}});
    auto split = splitAt(series, zone, *pattern, it - pattern->begin(), edited);
    if (!split)
        return std::unexpected(split.error());
    SeriesEdit out{*split, {}};
    if (out.split.after.exceptions.isEmpty())
        return out;
    const auto editedPattern = patternOccurrences(out.split.after, zone);
    if (!editedPattern)
        return std::unexpected(editedPattern.error());
    RecurringAppointment& after = out.split.after;
    for (qsizetype i = after.exceptions.size() - 1; i >= 0; --i) {
        const QDate d = calendarDate(after.exceptions[i].date, zone);
        if (!indexOf(*editedPattern, d)) {
            out.detached.prepend(after.exceptions[i]);
            after.exceptions.removeAt(i);
        }
    }
    return out;
}

Checked<SeriesCancellation> cancelRemaining(const RecurringAppointment& series,
                                            const QTimeZone& zone, const QDateTime& now,
                                            const QString& reason) {
    const auto before = allOccurrences(series, zone);
    if (!before)
        return std::unexpected(before.error());
    const auto pattern = patternOccurrences(series, zone);
    if (!pattern)
        return std::unexpected(pattern.error());
    const auto it =
        std::ranges::find_if(*pattern, [&](const PatternOccurrence& o) { return o.start >= now; });
    SeriesCancellation out{series, 0};
    out.series.status = domain::SeriesStatus::Cancelled;
    const qsizetype k = it - pattern->begin();
    if (k == pattern->size()) {
        // Nothing left in the pattern; a moved occurrence may still be ahead.
    } else if (k > 0) {
        auto split = splitAt(series, zone, *pattern, k, series);
        if (!split)
            return std::unexpected(split.error());
        out.series = *split->before;
        out.series.status = domain::SeriesStatus::Cancelled;
    } else {
        for (qsizetype i = 0; i < pattern->size(); ++i) {
            auto skipped = skipOccurrence(out.series, zone, (*pattern)[i].date, reason);
            if (!skipped)
                return std::unexpected(skipped.error());
            out.series = *skipped;
        }
    }
    // Occurrences moved to after `now` from a date before it are cancelled too.
    for (SeriesException& e : out.series.exceptions) {
        if (e.isRescheduled && e.rescheduledTo && *e.rescheduledTo >= now) {
            e.isRescheduled = false;
            e.rescheduledTo.reset();
            e.reason = reason;
        }
    }
    const auto after = allOccurrences(out.series, zone);
    if (!after)
        return std::unexpected(after.error());
    out.cancelledOccurrences = int(before->size() - after->size());
    return out;
}

} // namespace mss::recurrence
