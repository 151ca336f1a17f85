#include "recurrence/ICalendarWriter.h"

#include "recurrence/ZoneRules.h"

#include "base/CivilDate.h"

#include <QTimeZone>

#include <cstdio>

namespace mss::recurrence {

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype maxLineOctets = 75;

bool isContinuationByte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

QString offsetText(std::int64_t offsetMs) {
    const std::int64_t minutes = (offsetMs < 0 ? -offsetMs : offsetMs) / 60'000;
    return u"%1%2%3"_s.arg(offsetMs < 0 ? u"-"_s : u"+"_s)
        .arg(minutes / 60, 2, 10, QChar(u'0'))
        .arg(minutes % 60, 2, 10, QChar(u'0'));
}

} // namespace

void ICalendarWriter::line(QByteArrayView content) {
    // Section 3.1: a long line is split into a first line of at most 75
    // octets and continuation lines that start with one space (which counts).
    qsizetype start = 0;
    qsizetype room = maxLineOctets;
    while (content.size() - start > room) {
        qsizetype cut = start + room;
        while (cut > start && isContinuationByte(content[cut]))
            --cut;
        m_out += content.sliced(start, cut - start);
        m_out += "\r\n ";
        start = cut;
        room = maxLineOctets - 1;
    }
    m_out += content.sliced(start);
    m_out += "\r\n";
}

void ICalendarWriter::property(QByteArrayView name, const QString& value) {
    line(QByteArray(name.toByteArray() + ':' + value.toUtf8()));
}

void ICalendarWriter::text(QByteArrayView name, const QString& value) {
    property(name, escaped(value));
}

void ICalendarWriter::utc(QByteArrayView name, const QDateTime& instant) {
    property(name, utcText(instant));
}

void ICalendarWriter::local(QByteArrayView name, const QTimeZone& zone, const QDateTime& instant) {
    property(
        QByteArray(name.toByteArray() + ";TZID=" + zone.id()),
        basicText(instant.toMSecsSinceEpoch() + qint64(zone.offsetFromUtc(instant)) * 1000, false));
}

QString ICalendarWriter::escaped(const QString& value) {
    QString out;
    out.reserve(value.size());
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value[i];
        if (c == u'\\' || c == u';' || c == u',') {
            out += u'\\';
            out += c;
        } else if (c == u'\r') {
            if (i + 1 < value.size() && value[i + 1] == u'\n')
                ++i;
            out += u"\\n"_s;
        } else if (c == u'\n') {
            out += u"\\n"_s;
        } else if (c.unicode() < 0x20 || c.unicode() == 0x7F) {
            // Other controls are not allowed in TEXT (section 3.3.11).
            out += u' ';
        } else {
            out += c;
        }
    }
    return out;
}

QString ICalendarWriter::utcText(const QDateTime& instant) {
    return basicText(instant.toMSecsSinceEpoch(), true);
}

QString ICalendarWriter::localText(const QDateTime& wallClock) {
    return basicText(wallClock.toMSecsSinceEpoch() + qint64(wallClock.offsetFromUtc()) * 1000,
                     false);
}

QString ICalendarWriter::basicText(std::int64_t ms, bool utc) {
    // By hand: QDateTime::toString with a format goes through QLocale and
    // costs a feed of 1,500 events several milliseconds.
    constexpr std::int64_t msPerDay = 86'400'000;
    const std::int64_t day = ms >= 0 ? ms / msPerDay : (ms - msPerDay + 1) / msPerDay;
    const std::int64_t second = (ms - day * msPerDay) / 1000;
    const civil::YearMonthDay d = civil::toCivil(day);
    char text[17];
    const int n =
        std::snprintf(text, sizeof text, "%04d%02d%02dT%02d%02d%02d%s", d.year, d.month, d.day,
                      int(second / 3600), int(second / 60 % 60), int(second % 60), utc ? "Z" : "");
    return QString::fromLatin1(text, n);
}

bool ICalendarWriter::timeZone(const QTimeZone& zone, const QDateTime& from, const QDateTime& to) {
    const auto rules = ZoneRules::load(zone.id());
    if (!rules)
        return false;
    const std::int64_t fromMs = from.toMSecsSinceEpoch();
    const std::int64_t toMs = to.toMSecsSinceEpoch();
    begin("VTIMEZONE");
    property("TZID", QString::fromUtf8(zone.id()));
    // An observance's DTSTART is its first wall-clock time, read on the
    // clocks of the offset before it (TZOFFSETFROM).
    const auto observance = [&](std::int64_t atMs, std::int64_t fromOffset, std::int64_t toOffset) {
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(atMs, Qt::UTC);
        const QByteArray kind = zone.isDaylightTime(at) ? "DAYLIGHT" : "STANDARD";
        begin(kind);
        property("DTSTART", basicText(atMs + fromOffset, false));
        property("TZOFFSETFROM", offsetText(fromOffset));
        property("TZOFFSETTO", offsetText(toOffset));
        const QString name = zone.abbreviation(at);
        if (!name.isEmpty())
            text("TZNAME", name);
        end(kind);
    };
    std::int64_t offset = rules->offsetMsAt(fromMs);
    observance(fromMs, offset, offset);
    for (const ZoneRules::Change& change : rules->changes(fromMs, toMs)) {
        observance(change.atUtcMs, offset, change.offsetMs);
        offset = change.offsetMs;
    }
    end("VTIMEZONE");
    return true;
}

} // namespace mss::recurrence
