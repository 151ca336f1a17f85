#include "recurrence/RecurrenceRule.h"

#include <QCoreApplication>
#include <QSet>
#include <QTimeZone>

#include <algorithm>

namespace mss::recurrence {

using namespace Qt::StringLiterals;

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("RecurrenceRule", text);
}

constexpr std::array<QStringView, 7> weekdayCodes = {u"MO", u"TU", u"WE", u"TH",
                                                     u"FR", u"SA", u"SU"};

std::unexpected<Error> fail(const QString& part, const QString& message) {
    return std::unexpected(Error{ErrorCode::InvalidRule, part, message});
}

// A signed integer with an optional sign, nothing else (no spaces, no "0x").
std::optional<int> parseInt(QStringView text) {
    if (text.isEmpty() || text.size() > 6)
        return std::nullopt;
    qsizetype i = 0;
    if (text[0] == u'+' || text[0] == u'-')
        ++i;
    if (i == text.size())
        return std::nullopt;
    int value = 0;
    for (; i < text.size(); ++i) {
        if (text[i] < u'0' || text[i] > u'9')
            return std::nullopt;
        value = value * 10 + (text[i].unicode() - u'0');
    }
    return text[0] == u'-' ? -value : value;
}

// A comma-separated list of non-zero integers within [-max, max] (or
// [1, max] when negatives are not allowed).
Result<QList<int>> parseIntList(const QString& part, QStringView value, int max,
                                bool allowNegative) {
    QList<int> out;
    for (QStringView item : value.split(u',')) {
        const auto n = parseInt(item);
        const int low = allowNegative ? -max : 1;
        if (!n || *n == 0 || *n < low || *n > max)
            return fail(part, tr("'%1' is not a number from %2 to %3%4")
                                  .arg(item.toString())
                                  .arg(low)
                                  .arg(max)
                                  .arg(allowNegative ? tr(", and not 0") : QString()));
        out.append(*n);
    }
    return out;
}

QString joinInts(const QList<int>& values) {
    QStringList parts;
    for (int v : values)
        parts << QString::number(v);
    return parts.join(u',');
}

} // namespace

QString weekdayCode(int weekday) {
    return weekdayCodes[size_t(weekday - 1)].toString();
}

std::optional<int> weekdayFromCode(QStringView code) {
    for (size_t i = 0; i < weekdayCodes.size(); ++i) {
        if (code.compare(weekdayCodes[i], Qt::CaseInsensitive) == 0)
            return int(i) + 1;
    }
    return std::nullopt;
}

std::optional<RfcDateTime> parseRfcDateTime(QStringView text) {
    auto digits = [&](qsizetype from, qsizetype n) -> std::optional<int> {
        int v = 0;
        for (qsizetype i = from; i < from + n; ++i) {
            if (i >= text.size() || text[i] < u'0' || text[i] > u'9')
                return std::nullopt;
            v = v * 10 + (text[i].unicode() - u'0');
        }
        return v;
    };
    if (text.size() != 8 && text.size() != 15 && text.size() != 16)
        return std::nullopt;
    const auto y = digits(0, 4), mo = digits(4, 2), d = digits(6, 2);
    if (!y || !mo || !d || !QDate::isValid(*y, *mo, *d))
        return std::nullopt;
    RfcDateTime out;
    out.date = QDate(*y, *mo, *d);
    if (text.size() == 8)
        return out;
    if (text[8] != u'T' && text[8] != u't')
        return std::nullopt;
    const auto h = digits(9, 2), mi = digits(11, 2), s = digits(13, 2);
    // Second 60 is a leap second; treated as the minute's end, like libical.
    if (!h || !mi || !s || *h > 23 || *mi > 59 || *s > 60)
        return std::nullopt;
    out.secondOfDay = std::min(*h * 3600 + *mi * 60 + *s, 86399);
    if (text.size() == 16) {
        if (text[15] != u'Z' && text[15] != u'z')
            return std::nullopt;
        out.utc = true;
    }
    return out;
}

QString formatRfcDateTime(const RfcDateTime& value) {
    QString out = value.date.toString(u"yyyyMMdd");
    if (value.secondOfDay) {
        const int s = *value.secondOfDay;
        out += u"T%1%2%3"_s.arg(s / 3600, 2, 10, QLatin1Char('0'))
                   .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
                   .arg(s % 60, 2, 10, QLatin1Char('0'));
        if (value.utc)
            out += u'Z';
    }
    return out;
}

Result<RecurrenceRule> RecurrenceRule::parse(QStringView text) {
    text = text.trimmed();
    if (text.startsWith(u"RRULE:", Qt::CaseInsensitive))
        text = text.mid(6);
    if (text.isEmpty())
        return fail(u"FREQ"_s, tr("the rule is empty"));

    RecurrenceRule rule;
    bool haveFrequency = false;
    QSet<QString> seen;
    for (QStringView item : text.split(u';')) {
        if (item.isEmpty())
            continue; // a trailing ";" is common and harmless
        const qsizetype eq = item.indexOf(u'=');
        if (eq <= 0)
            return fail(item.toString(), tr("'%1' is not NAME=VALUE").arg(item.toString()));
        const QString name = item.left(eq).toString().toUpper();
        const QStringView value = item.mid(eq + 1);
        if (seen.contains(name))
            return fail(name, tr("appears twice"));
        seen.insert(name);
        if (value.isEmpty())
            return fail(name, tr("has no value"));

        if (name == u"FREQ") {
            static const QStringList supported = {u"DAILY"_s, u"WEEKLY"_s, u"MONTHLY"_s,
                                                  u"YEARLY"_s};
            const qsizetype i = supported.indexOf(value.toString().toUpper());
            if (i < 0)
                return fail(name, tr("'%1' is not supported; use DAILY, WEEKLY, MONTHLY "
                                     "or YEARLY")
                                      .arg(value.toString()));
            rule.frequency = static_cast<Frequency>(i);
            haveFrequency = true;
        } else if (name == u"INTERVAL") {
            const auto n = parseInt(value);
            if (!n || *n < 1 || *n > 1000)
                return fail(name, tr("must be a number from 1 to 1000"));
            rule.interval = *n;
        } else if (name == u"COUNT") {
            const auto n = parseInt(value);
            if (!n || *n < 1)
                return fail(name, tr("must be a positive number"));
            rule.count = *n;
        } else if (name == u"UNTIL") {
            const auto dt = parseRfcDateTime(value);
            if (!dt)
                return fail(name, tr("'%1' is not a DATE (20261231) or DATE-TIME "
                                     "(20261231T235959Z)")
                                      .arg(value.toString()));
            Until until;
            until.date = dt->date;
            if (!dt->secondOfDay) {
                until.kind = Until::Kind::Date;
            } else if (dt->utc) {
                until.kind = Until::Kind::Utc;
                until.utc = QDateTime(dt->date, QTime(0, 0), Qt::UTC).addSecs(*dt->secondOfDay);
            } else {
                until.kind = Until::Kind::Floating;
                until.secondOfDay = *dt->secondOfDay;
            }
            rule.until = until;
        } else if (name == u"BYDAY") {
            for (QStringView item2 : value.split(u',')) {
                if (item2.size() < 2)
                    return fail(
                        name,
                        tr("'%1' is not a weekday such as MO, 1MO or -1FR").arg(item2.toString()));
                const auto day = weekdayFromCode(item2.right(2));
                const QStringView ordinalText = item2.chopped(2);
                const auto ordinal =
                    ordinalText.isEmpty() ? std::optional<int>(0) : parseInt(ordinalText);
                if (!day || !ordinal || (!ordinalText.isEmpty() && *ordinal == 0) ||
                    *ordinal < -53 || *ordinal > 53)
                    return fail(
                        name,
                        tr("'%1' is not a weekday such as MO, 1MO or -1FR").arg(item2.toString()));
                rule.byDay.append({*ordinal, *day});
            }
        } else if (name == u"BYMONTHDAY") {
            auto list = parseIntList(name, value, 31, true);
            if (!list)
                return std::unexpected(list.error());
            rule.byMonthDay = *list;
        } else if (name == u"BYMONTH") {
            auto list = parseIntList(name, value, 12, false);
            if (!list)
                return std::unexpected(list.error());
            rule.byMonth = *list;
        } else if (name == u"BYSETPOS") {
            auto list = parseIntList(name, value, 366, true);
            if (!list)
                return std::unexpected(list.error());
            rule.bySetPos = *list;
        } else if (name == u"WKST") {
            const auto day = weekdayFromCode(value);
            if (!day || value.size() != 2)
                return fail(name, tr("'%1' is not a weekday (MO ... SU)").arg(value.toString()));
            rule.weekStart = *day;
        } else if (name == u"BYHOUR" || name == u"BYMINUTE" || name == u"BYSECOND" ||
                   name == u"BYYEARDAY" || name == u"BYWEEKNO") {
            return fail(name, tr("is not supported: a series has one start time and repeats "
                                 "by day, week, month or year"));
        } else {
            return fail(name, tr("is not an RRULE part"));
        }
    }

    if (!haveFrequency)
        return fail(u"FREQ"_s, tr("is required"));
    if (rule.count && rule.until)
        return fail(u"COUNT"_s, tr("a rule may have COUNT or UNTIL, not both"));
    const bool hasOrdinal = std::ranges::any_of(rule.byDay, [](auto d) { return d.ordinal != 0; });
    if (hasOrdinal && rule.frequency != Frequency::Monthly && rule.frequency != Frequency::Yearly)
        return fail(u"BYDAY"_s, tr("ordinals such as 1MO need FREQ=MONTHLY or FREQ=YEARLY"));
    if (rule.frequency == Frequency::Weekly && !rule.byMonthDay.isEmpty())
        return fail(u"BYMONTHDAY"_s, tr("is not allowed with FREQ=WEEKLY"));
    return rule;
}

QString RecurrenceRule::toString() const {
    static const QStringList names = {u"DAILY"_s, u"WEEKLY"_s, u"MONTHLY"_s, u"YEARLY"_s};
    QString out = u"FREQ="_s + names[int(frequency)];
    if (interval != 1)
        out += u";INTERVAL="_s + QString::number(interval);
    if (count)
        out += u";COUNT="_s + QString::number(*count);
    if (until) {
        RfcDateTime dt;
        switch (until->kind) {
        case Until::Kind::Date:
            dt.date = until->date;
            break;
        case Until::Kind::Floating:
            dt.date = until->date;
            dt.secondOfDay = until->secondOfDay;
            break;
        case Until::Kind::Utc:
            dt.date = until->utc.toUTC().date();
            dt.secondOfDay = until->utc.toUTC().time().msecsSinceStartOfDay() / 1000;
            dt.utc = true;
            break;
        }
        out += u";UNTIL="_s + formatRfcDateTime(dt);
    }
    if (!byMonth.isEmpty())
        out += u";BYMONTH="_s + joinInts(byMonth);
    if (!byMonthDay.isEmpty())
        out += u";BYMONTHDAY="_s + joinInts(byMonthDay);
    if (!byDay.isEmpty()) {
        QStringList parts;
        for (const WeekdayNum& d : byDay)
            parts << (d.ordinal ? QString::number(d.ordinal) : QString()) + weekdayCode(d.weekday);
        out += u";BYDAY="_s + parts.join(u',');
    }
    if (!bySetPos.isEmpty())
        out += u";BYSETPOS="_s + joinInts(bySetPos);
    if (weekStart != 1)
        out += u";WKST="_s + weekdayCode(weekStart);
    return out;
}

} // namespace mss::recurrence
