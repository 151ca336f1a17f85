// Expanding a series: the rule's dates become instants in the practice
// zone, merged with RDATEs, thinned by EXDATEs, cut by COUNT, UNTIL and
// endDate, and then the series' exceptions apply. What makes it tricky:
// three different orders meet here (rule dates by local day, RDATEs by
// instant, moved occurrences by their new instant, which may lie far
// outside the window being asked for), UNTIL compares differently per its
// kind, and a window must not cost the whole series before it.
#include "recurrence/SeriesExpansion.h"

#include "base/WallClock.h"
#include "domain/Limits.h"
#include "domain/ProviderAvailability.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

namespace mss::recurrence {

using namespace Qt::StringLiterals;
using domain::RecurrencePattern;
using domain::RecurringAppointment;

namespace {

constexpr std::int64_t msPerDay = 86'400'000;
constexpr std::int64_t msPerMinute = 60'000;

QString tr(const char* text) {
    return QCoreApplication::translate("Recurrence", text);
}

Error missing(const QString& field, const QString& why) {
    return {ErrorCode::Required, field, why};
}

QDateTime utcFromMs(std::int64_t ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

} // namespace

Checked<SeriesRule> ruleFor(const RecurringAppointment& series, const QTimeZone& zone) {
    Errors errors;
    SeriesRule out;
    RecurrenceRule& rule = out.set.rule;
    if (!series.startDate.isValid())
        errors.append(missing(u"startDate"_s, tr("is required")));
    out.firstDate = calendarDate(series.startDate, zone);
    out.minuteOfDay = std::clamp(series.startTime.minutes(), 0, 24 * 60 - 1);

    const auto needDay = [&]() -> int {
        if (series.dayOfWeek)
            return int(*series.dayOfWeek);
        errors.append(missing(u"dayOfWeek"_s, tr("is required for this recurrencePattern")));
        return 1;
    };
    switch (series.recurrencePattern) {
    case RecurrencePattern::Weekly:
    case RecurrencePattern::Biweekly: {
        const int day = needDay();
        rule.frequency = Frequency::Weekly;
        rule.interval = series.recurrencePattern == RecurrencePattern::Biweekly ? 2 : 1;
        rule.byDay = {{0, day}};
        // A practice reads "every other Tuesday from the 7th" as starting
        // on the first Tuesday on or after the 7th; RFC 5545 would count
        // weeks from the start's week and could skip it. Starting the rule
        // on that Tuesday gives the same answer under both readings.
        if (out.firstDate.isValid())
            out.firstDate = out.firstDate.addDays((day - out.firstDate.dayOfWeek() + 7) % 7);
        break;
    }
    case RecurrencePattern::Monthly:
        rule.frequency = Frequency::Monthly;
        if (series.useWeekOfMonth) {
            const int day = needDay();
            if (!series.weekOfMonth)
                errors.append(missing(u"weekOfMonth"_s, tr("is required with useWeekOfMonth")));
            else if (*series.weekOfMonth < 1 || *series.weekOfMonth > 5)
                errors.append({ErrorCode::OutOfRange, u"weekOfMonth"_s, tr("must be from 1 to 5")});
            // Week 5 is the last such weekday, whether the month has four or five.
            const int week = series.weekOfMonth.value_or(1);
            rule.byDay = {{week >= 5 ? -1 : week, day}};
        } else if (!series.dayOfMonth) {
            errors.append(missing(u"dayOfMonth"_s, tr("is required for a Monthly series")));
        } else if (*series.dayOfMonth < 1 || *series.dayOfMonth > 31) {
            errors.append({ErrorCode::OutOfRange, u"dayOfMonth"_s, tr("must be from 1 to 31")});
        } else if (*series.dayOfMonth <= 28) {
            rule.byMonthDay = {*series.dayOfMonth};
        } else {
            // Day 29-31 falls on the month's last day when the month is
            // shorter: the last existing day among 28..N.
            for (int d = 28; d <= *series.dayOfMonth; ++d)
                rule.byMonthDay.append(d);
            rule.bySetPos = {-1};
        }
        break;
    case RecurrencePattern::Custom: {
        if (!series.recurrenceRule || series.recurrenceRule->trimmed().isEmpty()) {
            errors.append(missing(u"recurrenceRule"_s, tr("is required for a Custom series")));
            break;
        }
        auto parsed = RecurrenceSet::parse(*series.recurrenceRule);
        if (!parsed) {
            errors.append({ErrorCode::InvalidRule, u"recurrenceRule"_s,
                           parsed.error().field + u": "_s + parsed.error().message});
            break;
        }
        out.set = *parsed;
        break;
    }
    }

    if (series.numberOfOccurrences) {
        if (*series.numberOfOccurrences < 1)
            errors.append(
                {ErrorCode::OutOfRange, u"numberOfOccurrences"_s, tr("must be at least 1")});
        else
            rule.count = std::min(rule.count.value_or(*series.numberOfOccurrences),
                                  *series.numberOfOccurrences);
    }
    if (series.endDate)
        out.lastDate = calendarDate(*series.endDate, zone);
    if (!errors.isEmpty())
        return std::unexpected(errors);
    return out;
}

PatternCursor::PatternCursor(const SeriesRule& rule, const QTimeZone& zone)
    : m_rule(rule)
    , m_dates(rule.set.rule, civil::fromQDate(rule.firstDate))
    , m_table(ZoneTable::forZone(zone))
    , m_minuteMs(rule.minuteOfDay * msPerMinute) {
    if (rule.lastDate)
        m_lastDay = civil::fromQDate(*rule.lastDate);
    if (const auto& until = rule.set.rule.until) {
        switch (until->kind) {
        case Until::Kind::Date:
            m_lastDay = std::min(m_lastDay.value_or(civil::fromQDate(until->date)),
                                 civil::fromQDate(until->date));
            break;
        case Until::Kind::Utc:
            m_untilUtcMs = until->utc.toMSecsSinceEpoch();
            break;
        case Until::Kind::Floating:
            m_untilLocalMs = civil::fromQDate(until->date) * msPerDay + until->secondOfDay * 1000LL;
            break;
        }
    }
    const auto toRaw = [&](const RfcDateTime& d) -> Raw {
        const civil::Day day = civil::fromQDate(d.date);
        if (d.utc) {
            const std::int64_t ms = day * msPerDay + *d.secondOfDay * 1000LL;
            return {civil::fromQDate(localDate(utcFromMs(ms), zone)), ms};
        }
        const std::int64_t local =
            day * msPerDay + (d.secondOfDay ? *d.secondOfDay * 1000LL : m_minuteMs);
        return {day, m_table->toUtcMs(local)};
    };
    for (const RfcDateTime& d : rule.set.rDates) {
        const Raw r = toRaw(d);
        if (!m_lastDay || r.day <= *m_lastDay)
            m_rdates.append(r);
    }
    std::ranges::sort(m_rdates, {}, &Raw::utcMs);
    for (const RfcDateTime& d : rule.set.exDates) {
        if (!d.secondOfDay)
            m_exDays.append(civil::fromQDate(d.date));
        else
            m_exInstants.append(toRaw(d).utcMs);
    }
}

void PatternCursor::skipTo(const QDateTime& instant) {
    // Two days before the instant's UTC date is before its local date in
    // every zone (offsets stay within a day).
    const civil::Day day = civil::fromQDate(instant.toUTC().date()) - 2;
    m_dates.skipTo(day);
    const std::int64_t ms = instant.toMSecsSinceEpoch();
    while (m_rdateCursor < m_rdates.size() && m_rdates[m_rdateCursor].utcMs < ms)
        ++m_rdateCursor;
}

std::optional<PatternCursor::Raw> PatternCursor::nextRuleInstance() {
    if (m_ruleDone)
        return std::nullopt;
    const auto day = m_dates.next();
    if (!day || (m_lastDay && *day > *m_lastDay)) {
        m_ruleDone = true;
        return std::nullopt;
    }
    const std::int64_t local = *day * msPerDay + m_minuteMs;
    if (m_untilLocalMs && local > *m_untilLocalMs) {
        m_ruleDone = true;
        return std::nullopt;
    }
    const std::int64_t utc = m_table->toUtcMs(local);
    if (m_untilUtcMs && utc > *m_untilUtcMs) {
        m_ruleDone = true;
        return std::nullopt;
    }
    return Raw{*day, utc};
}

std::optional<PatternCursor::Raw> PatternCursor::nextRaw() {
    for (;;) {
        if (!m_pendingRule)
            m_pendingRule = nextRuleInstance();
        std::optional<Raw> out;
        if (m_rdateCursor < m_rdates.size() &&
            (!m_pendingRule || m_rdates[m_rdateCursor].utcMs <= m_pendingRule->utcMs)) {
            out = m_rdates[m_rdateCursor++];
        } else if (m_pendingRule) {
            out = m_pendingRule;
            m_pendingRule.reset();
        } else {
            return std::nullopt;
        }
        // An RDATE equal to a rule occurrence is one occurrence, not two.
        if (out->utcMs == m_lastUtcMs)
            continue;
        if ((!m_exDays.isEmpty() && m_exDays.contains(out->day)) ||
            (!m_exInstants.isEmpty() && m_exInstants.contains(out->utcMs)))
            continue;
        m_lastUtcMs = out->utcMs;
        return out;
    }
}

std::optional<PatternOccurrence> PatternCursor::next() {
    const auto raw = nextRaw();
    if (!raw)
        return std::nullopt;
    return PatternOccurrence{civil::toQDate(raw->day), utcFromMs(raw->utcMs)};
}

namespace {

struct Exceptions {
    // By original date; the first exception for a date wins.
    QHash<QDate, const domain::SeriesException*> byDate;

    Exceptions(const RecurringAppointment& series, const QTimeZone& zone) {
        for (const domain::SeriesException& e : series.exceptions) {
            const QDate d = calendarDate(e.date, zone);
            if (!byDate.contains(d))
                byDate.insert(d, &e);
        }
    }
    static bool moves(const domain::SeriesException& e) {
        return e.isRescheduled && e.rescheduledTo && e.rescheduledTo->isValid();
    }
};

Result<bool> checkZone(const QTimeZone& zone) {
    if (!zone.isValid())
        return std::unexpected(Error{ErrorCode::InvalidTimeZone, u"timeZone"_s,
                                     tr("is not a time zone known to this machine")});
    return true;
}

Occurrence makeOccurrence(QDate date, std::int64_t utcMs, int duration) {
    const QDateTime start = utcFromMs(utcMs);
    return {date, start, utcFromMs(utcMs + duration * msPerMinute), false};
}

Occurrence moved(QDate date, const QDateTime& to, int duration) {
    const QDateTime start = to.toUTC();
    return {date, start, start.addSecs(qint64(duration) * 60), true};
}

bool isPatternDate(const SeriesRule& rule, const QTimeZone& zone, QDate date) {
    PatternCursor cursor(rule, zone);
    // Two days early: an RDATE's instant can fall on the UTC day before its
    // local date.
    cursor.skipTo(QDateTime(date.addDays(-2), QTime(0, 0), Qt::UTC));
    const civil::Day day = civil::fromQDate(date);
    while (const auto raw = cursor.nextRaw()) {
        if (raw->day == day)
            return true;
        // Rule occurrences come in date order, RDATEs in instant order, and
        // the two orders differ by less than two days.
        if (raw->day > day + 2)
            return false;
    }
    return false;
}

} // namespace

Checked<QList<Occurrence>> occurrences(const RecurringAppointment& series, const QTimeZone& zone,
                                       const QDateTime& from, const QDateTime& to) {
    if (auto ok = checkZone(zone); !ok)
        return std::unexpected(Errors{ok.error()});
    auto rule = ruleFor(series, zone);
    if (!rule)
        return std::unexpected(rule.error());
    QList<Occurrence> out;
    if (!from.isValid() || !to.isValid() || to <= from)
        return out;
    const Exceptions exceptions(series, zone);
    const std::int64_t fromMs = from.toMSecsSinceEpoch();
    const std::int64_t toMs = to.toMSecsSinceEpoch();

    PatternCursor cursor(*rule, zone);
    cursor.skipTo(from);
    while (const auto raw = cursor.nextRaw()) {
        if (raw->utcMs >= toMs)
            break;
        if (raw->utcMs < fromMs)
            continue;
        const QDate date = civil::toQDate(raw->day);
        if (!exceptions.byDate.isEmpty() && exceptions.byDate.contains(date))
            continue; // skipped, or moved (added below when it lands in the window)
        out.append(makeOccurrence(date, raw->utcMs, series.duration));
    }
    // A rescheduled occurrence belongs to the window its new time falls in,
    // wherever its original date is.
    bool addedMoved = false;
    for (auto it = exceptions.byDate.cbegin(); it != exceptions.byDate.cend(); ++it) {
        const domain::SeriesException& e = **it;
        if (!Exceptions::moves(e) || *e.rescheduledTo < from || *e.rescheduledTo >= to)
            continue;
        if (isPatternDate(*rule, zone, it.key())) {
            out.append(moved(it.key(), *e.rescheduledTo, series.duration));
            addedMoved = true;
        }
    }
    if (addedMoved)
        std::ranges::stable_sort(out, {}, [](const Occurrence& o) { return o.start; });
    return out;
}

namespace {

Error tooLong(const RecurringAppointment& series) {
    const QString field = series.numberOfOccurrences ? u"numberOfOccurrences"_s
                          : series.endDate           ? u"endDate"_s
                                                     : u"recurrenceRule"_s;
    return {ErrorCode::TooLong, field,
            tr("the series would have more than %1 occurrences").arg(domain::maxSeriesOccurrences)};
}

Checked<SeriesRule> finiteRule(const RecurringAppointment& series, const QTimeZone& zone) {
    if (auto ok = checkZone(zone); !ok)
        return std::unexpected(Errors{ok.error()});
    auto rule = ruleFor(series, zone);
    if (!rule)
        return std::unexpected(rule.error());
    const RecurrenceRule& r = rule->set.rule;
    if (!r.count && !r.until && !rule->lastDate)
        return std::unexpected(Errors{{ErrorCode::MissingSeriesEnd, u"endDate"_s,
                                       tr("a series needs an endDate or a numberOfOccurrences")}});
    return rule;
}

} // namespace

Checked<QList<PatternOccurrence>> patternOccurrences(const RecurringAppointment& series,
                                                     const QTimeZone& zone) {
    const auto rule = finiteRule(series, zone);
    if (!rule)
        return std::unexpected(rule.error());
    QList<PatternOccurrence> out;
    PatternCursor cursor(*rule, zone);
    while (auto o = cursor.next()) {
        if (out.size() == domain::maxSeriesOccurrences)
            return std::unexpected(Errors{tooLong(series)});
        out.append(*o);
    }
    return out;
}

Checked<QList<Occurrence>> allOccurrences(const RecurringAppointment& series,
                                          const QTimeZone& zone) {
    const auto rule = finiteRule(series, zone);
    if (!rule)
        return std::unexpected(rule.error());
    const Exceptions exceptions(series, zone);
    QList<Occurrence> out;
    out.reserve(std::min(rule->set.rule.count.value_or(64), domain::maxSeriesOccurrences));
    bool addedMoved = false;
    PatternCursor cursor(*rule, zone);
    qsizetype produced = 0;
    while (const auto raw = cursor.nextRaw()) {
        if (++produced > domain::maxSeriesOccurrences)
            return std::unexpected(Errors{tooLong(series)});
        const QDate date = civil::toQDate(raw->day);
        if (!exceptions.byDate.isEmpty()) {
            if (const auto* e = exceptions.byDate.value(date)) {
                if (Exceptions::moves(*e)) {
                    out.append(moved(date, *e->rescheduledTo, series.duration));
                    addedMoved = true;
                }
                continue;
            }
        }
        out.append(makeOccurrence(date, raw->utcMs, series.duration));
    }
    if (addedMoved)
        std::ranges::stable_sort(out, {}, [](const Occurrence& o) { return o.start; });
    return out;
}

} // namespace mss::recurrence
