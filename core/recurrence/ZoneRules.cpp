#include "recurrence/ZoneRules.h"

#include "base/CivilDate.h"

#include <QFile>
#include <QStringList>

#include <algorithm>
#include <limits>

namespace mss::recurrence {

namespace {

constexpr std::int64_t msPerHour = 3'600'000;
constexpr std::int64_t msPerDay = 24 * msPerHour;
// A zone file is a few kilobytes; anything far larger is not one.
constexpr qint64 maxTzifBytes = 1 << 20;

// Reads big-endian integers from TZif data, failing once past the end.
class Bytes {
public:
    explicit Bytes(const QByteArray& data)
        : m_data(data) {}

    bool skip(std::int64_t n) {
        if (n < 0 || n > m_data.size() - m_pos)
            return fail();
        m_pos += n;
        return true;
    }
    std::int64_t signedBig(int width) {
        if (width > m_data.size() - m_pos) {
            fail();
            return 0;
        }
        std::uint64_t v = 0;
        for (int i = 0; i < width; ++i)
            v = (v << 8) | std::uint8_t(m_data[m_pos + i]);
        m_pos += width;
        if (width < 8 && (v >> (width * 8 - 1)) != 0)
            v |= ~std::uint64_t(0) << (width * 8); // sign-extend
        return std::int64_t(v);
    }
    std::uint32_t count() { return std::uint32_t(signedBig(4)); }
    int byte() { return int(signedBig(1)) & 0xff; }
    bool ok() const { return m_ok; }
    qsizetype pos() const { return m_pos; }

private:
    bool fail() {
        m_ok = false;
        m_pos = m_data.size();
        return false;
    }
    const QByteArray& m_data;
    qsizetype m_pos = 0;
    bool m_ok = true;
};

struct Header {
    std::uint32_t isUtCount, isStdCount, leapCount, timeCount, typeCount, charCount;
};

std::optional<Header> readHeader(Bytes& in, const QByteArray& data) {
    const qsizetype at = in.pos();
    if (data.size() - at < 44 || data.mid(at, 4) != "TZif")
        return std::nullopt;
    in.skip(20);
    Header h{in.count(), in.count(), in.count(), in.count(), in.count(), in.count()};
    if (!in.ok() || h.typeCount == 0)
        return std::nullopt;
    return h;
}

// Parses the POSIX TZ string grammar: names, offsets, dates and times.
class PosixReader {
public:
    explicit PosixReader(const QByteArray& text)
        : m_text(text) {}

    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text[m_pos]; }
    bool take(char c) {
        if (peek() != c)
            return false;
        ++m_pos;
        return true;
    }

    // "EST" or "<-03>".
    bool name() {
        if (take('<')) {
            while (!atEnd() && peek() != '>')
                ++m_pos;
            return take('>');
        }
        const qsizetype begin = m_pos;
        while (!atEnd() && ((peek() >= 'A' && peek() <= 'Z') || (peek() >= 'a' && peek() <= 'z')))
            ++m_pos;
        return m_pos - begin >= 3;
    }

    // [+-]hh[:mm[:ss]] in milliseconds, as written (POSIX: west-positive for
    // offsets). Hours up to 167, as RFC 8536 allows in rule times.
    std::optional<std::int64_t> duration() {
        const bool negative = take('-');
        if (!negative)
            take('+');
        std::int64_t total = 0;
        const auto number = [&](int maxValue) -> std::optional<int> {
            int v = 0;
            int digits = 0;
            while (!atEnd() && peek() >= '0' && peek() <= '9' && digits < 3) {
                v = v * 10 + (peek() - '0');
                ++m_pos;
                ++digits;
            }
            if (digits == 0 || v > maxValue)
                return std::nullopt;
            return v;
        };
        const auto hours = number(167);
        if (!hours)
            return std::nullopt;
        total = *hours * msPerHour;
        if (take(':')) {
            const auto minutes = number(59);
            if (!minutes)
                return std::nullopt;
            total += *minutes * 60'000;
            if (take(':')) {
                const auto seconds = number(59);
                if (!seconds)
                    return std::nullopt;
                total += *seconds * 1000;
            }
        }
        return negative ? -total : total;
    }

    // A day number without a sign.
    std::optional<int> number() {
        int v = 0;
        int digits = 0;
        while (!atEnd() && peek() >= '0' && peek() <= '9' && digits < 3) {
            v = v * 10 + (peek() - '0');
            ++m_pos;
            ++digits;
        }
        return digits ? std::optional<int>(v) : std::nullopt;
    }

private:
    const QByteArray& m_text;
    qsizetype m_pos = 0;
};

} // namespace

std::optional<ZoneRules> ZoneRules::load(const QByteArray& id) {
    // The id comes from a setting: keep it inside the zone directory.
    if (id.isEmpty() || id.startsWith('/') || id.contains("..") || id.contains('\\'))
        return std::nullopt;
    QStringList dirs;
    if (const QString tzdir = qEnvironmentVariable("TZDIR"); !tzdir.isEmpty())
        dirs << tzdir;
    dirs << QStringLiteral("/usr/share/zoneinfo") << QStringLiteral("/usr/lib/zoneinfo")
         << QStringLiteral("/usr/share/lib/zoneinfo");
    for (const QString& dir : dirs) {
        QFile file(dir + QLatin1Char('/') + QString::fromLatin1(id));
        if (!file.open(QIODevice::ReadOnly) || file.size() > maxTzifBytes)
            continue;
        if (auto rules = fromTzif(file.read(maxTzifBytes)))
            return rules;
    }
    return std::nullopt;
}

std::optional<ZoneRules> ZoneRules::fromTzif(const QByteArray& data) {
    Bytes in(data);
    const auto v1 = readHeader(in, data);
    if (!v1 || data.size() < 5 || data[4] < '2')
        return std::nullopt;
    // Skip the version 1 block (32-bit times); version 2+ repeats it all
    // with 64-bit times, followed by the footer.
    in.skip(std::int64_t(v1->timeCount) * 5 + std::int64_t(v1->typeCount) * 6 + v1->charCount +
            std::int64_t(v1->leapCount) * 8 + v1->isStdCount + v1->isUtCount);
    const auto h = readHeader(in, data);
    // Leap-second ("right/") files count seconds differently: leave them to Qt.
    if (!h || h->leapCount != 0)
        return std::nullopt;
    std::vector<std::int64_t> times(h->timeCount);
    for (auto& t : times)
        t = in.signedBig(8);
    std::vector<int> typeOfTime(h->timeCount);
    for (auto& i : typeOfTime)
        i = in.byte();
    std::vector<std::int64_t> typeOffsetMs(h->typeCount);
    for (auto& offset : typeOffsetMs) {
        offset = in.signedBig(4) * 1000;
        in.skip(2); // isdst, abbreviation index
    }
    in.skip(std::int64_t(h->charCount) + h->isStdCount + h->isUtCount);
    if (!in.ok())
        return std::nullopt;

    ZoneRules rules;
    // Before the first transition, the first type holds (RFC 8536 3.2).
    rules.m_initialOffsetMs = typeOffsetMs[0];
    std::int64_t previous = rules.m_initialOffsetMs;
    for (size_t i = 0; i < times.size(); ++i) {
        if (size_t(typeOfTime[i]) >= typeOffsetMs.size())
            return std::nullopt;
        const std::int64_t offset = typeOffsetMs[size_t(typeOfTime[i])];
        if (offset == previous)
            continue; // a change of name or of isdst only
        rules.m_explicit.push_back({times[i] * 1000, offset});
        previous = offset;
    }

    // The footer: "\n<POSIX TZ string>\n"; empty means no rule.
    const qsizetype footerStart = in.pos();
    if (footerStart >= data.size() || data[footerStart] != '\n')
        return std::nullopt;
    const qsizetype footerEnd = data.indexOf('\n', footerStart + 1);
    if (footerEnd < 0)
        return std::nullopt;
    const QByteArray footer = data.mid(footerStart + 1, footerEnd - footerStart - 1);
    if (!footer.isEmpty()) {
        rules.m_rule = parsePosix(footer);
        if (!rules.m_rule)
            return std::nullopt;
    }
    return rules;
}

std::optional<ZoneRules::PosixRule> ZoneRules::parsePosix(const QByteArray& text) {
    PosixReader in(text);
    PosixRule rule;
    if (!in.name())
        return std::nullopt;
    const auto standard = in.duration();
    if (!standard)
        return std::nullopt;
    rule.standardMs = -*standard;
    if (in.atEnd())
        return rule;
    if (!in.name())
        return std::nullopt;
    if (in.peek() != ',' && !in.atEnd()) {
        const auto daylight = in.duration();
        if (!daylight)
            return std::nullopt;
        rule.daylightMs = -*daylight;
    } else {
        rule.daylightMs = rule.standardMs + msPerHour;
    }
    // A daylight name without dates leaves the dates to the reader's
    // whims (POSIX); RFC 8536 footers always carry them.
    const auto when = [&](PosixRule::When& w) -> bool {
        if (!in.take(','))
            return false;
        if (in.take('M')) {
            w.kind = PosixRule::When::MonthWeekDay;
            const auto m = in.number();
            if (!m || !in.take('.'))
                return false;
            const auto wk = in.number();
            if (!wk || !in.take('.'))
                return false;
            const auto d = in.number();
            if (!d || *m < 1 || *m > 12 || *wk < 1 || *wk > 5 || *d > 6)
                return false;
            w.month = *m;
            w.week = *wk;
            w.weekday = *d;
        } else {
            const bool julian1 = in.take('J');
            const auto n = in.number();
            if (!n || (julian1 && (*n < 1 || *n > 365)) || (!julian1 && *n > 365))
                return false;
            w.kind = julian1 ? PosixRule::When::Julian1 : PosixRule::When::Julian0;
            w.day = *n;
        }
        if (in.take('/')) {
            const auto time = in.duration();
            if (!time)
                return false;
            w.timeMs = *time;
        }
        return true;
    };
    if (!when(rule.start) || !when(rule.end) || !in.atEnd())
        return std::nullopt;
    return rule;
}

namespace {

// The local day number on which a rule date falls in `year`.
civil::Day dayOf(int year, int kind, int month, int week, int weekday, int day) {
    const civil::Day jan1 = civil::fromCivil(year, 1, 1);
    switch (kind) {
    case 1: // Jn: 1-365, February 29 never counted
        return jan1 + day - 1 + (civil::isLeapYear(year) && day >= 60 ? 1 : 0);
    case 2: // n: 0-365, February 29 counted
        return jan1 + day;
    default: {
        // Mm.w.d: the w-th weekday d (0 = Sunday) of month m; week 5 is the last.
        const civil::Day first = civil::fromCivil(year, month, 1);
        const int isoWeekday = weekday == 0 ? 7 : weekday;
        civil::Day d = first + (isoWeekday - civil::weekday(first) + 7) % 7 + (week - 1) * 7;
        const civil::Day last = first + civil::daysInMonth(year, month) - 1;
        while (d > last)
            d -= 7;
        return d;
    }
    }
}

int yearOfUtcMs(std::int64_t utcMs) {
    const std::int64_t day = utcMs >= 0 ? utcMs / msPerDay : -((-utcMs + msPerDay - 1) / msPerDay);
    return civil::toCivil(day).year;
}

} // namespace

void ZoneRules::ruleChangesOfYear(int year, std::vector<Change>& out) const {
    if (!m_rule || !m_rule->daylightMs)
        return;
    const auto at = [&](const PosixRule::When& w) {
        return dayOf(year, int(w.kind), w.month, w.week, w.weekday, w.day) * msPerDay + w.timeMs;
    };
    // DST starts at a reading of standard-time clocks and ends at a reading
    // of daylight-time clocks.
    out.push_back({at(m_rule->start) - m_rule->standardMs, *m_rule->daylightMs});
    out.push_back({at(m_rule->end) - *m_rule->daylightMs, m_rule->standardMs});
}

std::int64_t ZoneRules::offsetMsAt(std::int64_t utcMs) const {
    if (!m_rule || (!m_explicit.empty() && utcMs < m_explicit.back().atUtcMs)) {
        const auto it =
            std::upper_bound(m_explicit.begin(), m_explicit.end(), utcMs,
                             [](std::int64_t t, const Change& c) { return t < c.atUtcMs; });
        return it == m_explicit.begin() ? m_initialOffsetMs : std::prev(it)->offsetMs;
    }
    if (!m_rule->daylightMs)
        return m_rule->standardMs;
    // The last of the rule's changes at or before the instant; a year before
    // is enough to find one, since the rule changes twice every year.
    std::vector<Change> near;
    const int year = yearOfUtcMs(utcMs);
    for (int y = year - 1; y <= year + 1; ++y)
        ruleChangesOfYear(y, near);
    std::stable_sort(near.begin(), near.end(),
                     [](const Change& a, const Change& b) { return a.atUtcMs < b.atUtcMs; });
    std::int64_t offset = m_rule->standardMs;
    for (const Change& c : near) {
        if (c.atUtcMs > utcMs)
            break;
        offset = c.offsetMs;
    }
    return offset;
}

std::vector<ZoneRules::Change> ZoneRules::changes(std::int64_t fromUtcMs,
                                                  std::int64_t toUtcMs) const {
    std::vector<Change> candidates;
    for (const Change& c : m_explicit) {
        if (c.atUtcMs > fromUtcMs && c.atUtcMs < toUtcMs)
            candidates.push_back(c);
    }
    const std::int64_t ruleFrom =
        m_explicit.empty() ? fromUtcMs : std::max(fromUtcMs, m_explicit.back().atUtcMs);
    if (m_rule && m_rule->daylightMs && ruleFrom < toUtcMs) {
        std::vector<Change> byRule;
        for (int y = yearOfUtcMs(ruleFrom) - 1; y <= yearOfUtcMs(toUtcMs) + 1; ++y)
            ruleChangesOfYear(y, byRule);
        std::stable_sort(byRule.begin(), byRule.end(),
                         [](const Change& a, const Change& b) { return a.atUtcMs < b.atUtcMs; });
        for (const Change& c : byRule) {
            if (c.atUtcMs >= ruleFrom && c.atUtcMs > fromUtcMs && c.atUtcMs < toUtcMs &&
                (m_explicit.empty() || c.atUtcMs > m_explicit.back().atUtcMs))
                candidates.push_back(c);
        }
    }
    // Two changes at one instant (a rule in force all year ends one year
    // where it starts the next): the later one is what holds.
    std::vector<Change> out;
    std::int64_t current = offsetMsAt(fromUtcMs);
    for (const Change& c : candidates) {
        while (!out.empty() && out.back().atUtcMs == c.atUtcMs)
            out.pop_back();
        const std::int64_t before = out.empty() ? current : out.back().offsetMs;
        if (c.offsetMs != before)
            out.push_back(c);
    }
    return out;
}

} // namespace mss::recurrence
