#include "base/WallClock.h"

#include <array>
#include <optional>

namespace mss {

namespace {

constexpr qint64 msPerMinute = 60'000;
constexpr qint64 msPerDay = 86'400'000;

qint64 offsetMsAt(const QTimeZone& zone, qint64 utcMs)
{
    return qint64(zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(utcMs, QTimeZone::utc())))
        * 1000;
}

} // namespace

QDateTime wallClockToUtc(QDate date, int minuteOfDay, const QTimeZone& zone)
{
    // "Local milliseconds": the wall-clock reading as if the zone were UTC.
    const qint64 localMs = QDateTime(date, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch()
        + minuteOfDay * msPerMinute;
    if (!zone.isValid() || zone == QTimeZone::utc())
        return QDateTime::fromMSecsSinceEpoch(localMs, QTimeZone::utc());

    // Offsets a day either side of the wall time bracket any transition near
    // it (zones never change offset twice within two days).
    const qint64 before = offsetMsAt(zone, localMs - msPerDay);
    const qint64 after = offsetMsAt(zone, localMs + msPerDay);

    std::optional<qint64> earliest;
    for (const qint64 offset : std::array{before, after}) {
        const qint64 utc = localMs - offset;
        if (offsetMsAt(zone, utc) == offset && (!earliest || utc < *earliest))
            earliest = utc;
    }
    // In a gap no offset fits; reading the wall time with the offset in force
    // before the gap lands the length of the gap later, which is the policy.
    const qint64 utc = earliest.value_or(localMs - before);
    return QDateTime::fromMSecsSinceEpoch(utc, QTimeZone::utc());
}

QDateTime wallClockToUtc(QDate date, QTime time, const QTimeZone& zone)
{
    return wallClockToUtc(date, time.hour() * 60 + time.minute(), zone);
}

QDate localDate(const QDateTime& instant, const QTimeZone& zone)
{
    return instant.toTimeZone(zone).date();
}

int localMinuteOfDay(const QDateTime& instant, const QTimeZone& zone)
{
    const QTime t = instant.toTimeZone(zone).time();
    return t.hour() * 60 + t.minute();
}

QString toWireTime(const QDateTime& instant)
{
    return instant.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

QDateTime fromWireTime(QStringView text)
{
    // Qt accepts a date alone as ISO; the contract's instants always carry a
    // time, so require one ("T" at index 10).
    if (text.size() < 20 || text[10] != u'T')
        return {};
    const QChar last = text.back();
    const bool hasZone = last == u'Z' || text.right(6).front() == u'+'
        || text.right(6).front() == u'-';
    if (!hasZone)
        return {};
    QDateTime parsed = QDateTime::fromString(text.toString(), Qt::ISODateWithMs);
    if (!parsed.isValid())
        return {};
    return parsed.toUTC();
}

} // namespace mss
