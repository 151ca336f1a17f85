#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QTimeZone>

#include <cstdint>

namespace mss::recurrence {

// Writes iCalendar (RFC 5545) text: content lines ending in CRLF, folded
// so that no line is longer than 75 octets (section 3.1; a fold never
// splits a UTF-8 sequence), TEXT values escaped (section 3.3.11).
class ICalendarWriter {
public:
    // NAME:value, the value as it is (a rule, a code, an already formatted
    // date). `name` may carry parameters: "DTSTART;TZID=America/New_York".
    void property(QByteArrayView name, const QString& value);
    // NAME:value with the value escaped as TEXT.
    void text(QByteArrayView name, const QString& value);
    // NAME:20260310T140000Z, the instant in UTC.
    void utc(QByteArrayView name, const QDateTime& instant);
    // NAME;TZID=<zone>:20260310T090000, the instant's wall-clock time in the zone.
    void local(QByteArrayView name, const QTimeZone& zone, const QDateTime& instant);
    void begin(QByteArrayView component) { property("BEGIN", QString::fromLatin1(component)); }
    void end(QByteArrayView component) { property("END", QString::fromLatin1(component)); }

    // A VTIMEZONE for the zone, exact for every instant in [from, to): one
    // STANDARD or DAYLIGHT observance per change of offset in that span
    // (from the zone's own rules, recurrence/ZoneRules.h), and the offset in
    // force at `from`. False when the zone has no rules on this system.
    bool timeZone(const QTimeZone& zone, const QDateTime& from, const QDateTime& to);

    const QByteArray& text() const { return m_out; }

    static QString escaped(const QString& value);
    static QString utcText(const QDateTime& instant);
    // Floating (no zone): the wall-clock time the QDateTime shows in its own zone.
    static QString localText(const QDateTime& wallClock);
    // 20260310T140000(Z) of milliseconds since the epoch on a clock.
    static QString basicText(std::int64_t ms, bool utc);

private:
    void line(QByteArrayView content);

    QByteArray m_out;
};

} // namespace mss::recurrence
