#include "recurrence/RecurrenceSet.h"

#include "base/WallClock.h"

#include <QCoreApplication>

namespace mss::recurrence {

using namespace Qt::StringLiterals;

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("RecurrenceRule", text);
}

std::unexpected<Error> fail(const QString& part, const QString& message) {
    return std::unexpected(Error{ErrorCode::InvalidRule, part, message});
}

// "EXDATE;TZID=Europe/London;VALUE=DATE-TIME:20260310T140000,..." -> dates.
Result<QList<RfcDateTime>> parseDateList(const QString& name, QStringView params,
                                         QStringView values) {
    std::optional<QTimeZone> zone;
    bool dateOnly = false;
    for (QStringView param : params.split(u';', Qt::SkipEmptyParts)) {
        const qsizetype eq = param.indexOf(u'=');
        const QString key = param.left(eq).toString().toUpper();
        const QStringView value = eq < 0 ? QStringView() : param.mid(eq + 1);
        if (key == u"TZID") {
            const QTimeZone tz(value.toString().toUtf8());
            if (!tz.isValid())
                return fail(name, tr("TZID '%1' is not a known time zone").arg(value.toString()));
            zone = tz;
        } else if (key == u"VALUE") {
            if (value.compare(u"DATE", Qt::CaseInsensitive) == 0)
                dateOnly = true;
            else if (value.compare(u"DATE-TIME", Qt::CaseInsensitive) != 0)
                return fail(name, tr("VALUE must be DATE or DATE-TIME"));
        } else {
            return fail(name, tr("parameter %1 is not supported").arg(key));
        }
    }
    QList<RfcDateTime> out;
    for (QStringView item : values.split(u',')) {
        auto dt = parseRfcDateTime(item.trimmed());
        if (!dt || (dateOnly && dt->secondOfDay) || (zone && dt->utc))
            return fail(name, tr("'%1' is not a DATE (20260310) or DATE-TIME (20260310T140000 "
                                 "or 20260310T190000Z)")
                                  .arg(item.toString()));
        if (zone && dt->secondOfDay) {
            const QDateTime utc = wallClockToUtc(dt->date, *dt->secondOfDay / 60, *zone);
            dt->date = utc.date();
            dt->secondOfDay = utc.time().msecsSinceStartOfDay() / 1000 + *dt->secondOfDay % 60;
            dt->utc = true;
        }
        out.append(*dt);
    }
    return out;
}

} // namespace

Result<RecurrenceSet> RecurrenceSet::parse(QStringView text) {
    RecurrenceSet set;
    text = text.trimmed();
    if (!text.contains(u'\n') && !text.contains(u':')) {
        auto rule = RecurrenceRule::parse(text);
        if (!rule)
            return std::unexpected(rule.error());
        set.rule = *rule;
        return set;
    }
    bool haveRule = false;
    for (QStringView line : text.split(u'\n', Qt::SkipEmptyParts)) {
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(u':');
        if (colon <= 0)
            return fail(line.left(12).toString(), tr("a line must read NAME:VALUE"));
        const QStringView head = line.left(colon);
        const QStringView value = line.mid(colon + 1);
        const qsizetype semi = head.indexOf(u';');
        const QString name = head.left(semi).toString().toUpper();
        const QStringView params = semi < 0 ? QStringView() : head.mid(semi + 1);
        if (name.isEmpty())
            return fail(line.left(12).toString(), tr("a line must start with its name"));
        if (name == u"RRULE") {
            if (haveRule)
                return fail(name, tr("only one RRULE is supported"));
            auto rule = RecurrenceRule::parse(value);
            if (!rule)
                return std::unexpected(rule.error());
            set.rule = *rule;
            haveRule = true;
        } else if (name == u"EXDATE" || name == u"RDATE") {
            auto dates = parseDateList(name, params, value);
            if (!dates)
                return std::unexpected(dates.error());
            (name == u"EXDATE" ? set.exDates : set.rDates).append(*dates);
        } else if (name == u"DTSTART") {
            return fail(name, tr("is not accepted: startDate and startTime give the start"));
        } else {
            return fail(name, tr("is not RRULE, EXDATE or RDATE"));
        }
    }
    if (!haveRule)
        return fail(u"RRULE"_s, tr("is required"));
    return set;
}

QString RecurrenceSet::toString() const {
    if (exDates.isEmpty() && rDates.isEmpty())
        return rule.toString();
    QStringList lines{u"RRULE:"_s + rule.toString()};
    auto add = [&](const QString& name, const QList<RfcDateTime>& dates) {
        for (const RfcDateTime& d : dates)
            lines << name + (d.secondOfDay ? u":"_s : u";VALUE=DATE:"_s) + formatRfcDateTime(d);
    };
    add(u"EXDATE"_s, exDates);
    add(u"RDATE"_s, rDates);
    return lines.join(u'\n');
}

} // namespace mss::recurrence
