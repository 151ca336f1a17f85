#include "base/WallClock.h"

#include "base/CivilDate.h"

#include <array>
#include <optional>

namespace mss {

namespace {

constexpr qint64 msPerMinute = 60'000;
constexpr qint64 msPerDay = 86'400'000;

qint64 offsetMsAt(const QTimeZone& zone, qint64 utcMs) {
    return qint64(zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(utcMs, QTimeZone::utc()))) *
           1000;
}

} // namespace

QDateTime wallClockToUtc(QDate date, int minuteOfDay, const QTimeZone& zone) {
    // "Local milliseconds": the wall-clock reading as if the zone were UTC.
    const qint64 localMs = QDateTime(date, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch() +
                           minuteOfDay * msPerMinute;
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

QDateTime wallClockToUtc(QDate date, QTime time, const QTimeZone& zone) {
    return wallClockToUtc(date, time.hour() * 60 + time.minute(), zone);
}

QDate localDate(const QDateTime& instant, const QTimeZone& zone) {
    return instant.toTimeZone(zone).date();
}

int localMinuteOfDay(const QDateTime& instant, const QTimeZone& zone) {
    const QTime t = instant.toTimeZone(zone).time();
    return t.hour() * 60 + t.minute();
}

QString toWireTime(const QDateTime& instant) {
    // Written by hand: QDateTime::toString goes through the locale machinery
    // and costs more than the rest of encoding a record.
    const qint64 ms = instant.toMSecsSinceEpoch();
    const qint64 days = ms >= 0 ? ms / 86'400'000 : (ms - 86'399'999) / 86'400'000;
    const qint64 inDay = ms - days * 86'400'000;
    const QDate date = QDate(1970, 1, 1).addDays(days);
    if (!instant.isValid() || date.year() < 0 || date.year() > 9999)
        return instant.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
    char16_t out[24];
    auto put = [&](int at, int value, int width) {
        for (int i = width - 1; i >= 0; --i, value /= 10)
            out[at + i] = char16_t(u'0' + value % 10);
    };
    put(0, date.year(), 4);
    out[4] = u'-';
    put(5, date.month(), 2);
    out[7] = u'-';
    put(8, date.day(), 2);
    out[10] = u'T';
    put(11, int(inDay / 3'600'000), 2);
    out[13] = u':';
    put(14, int(inDay / 60'000 % 60), 2);
    out[16] = u':';
    put(17, int(inDay / 1000 % 60), 2);
    out[19] = u'.';
    put(20, int(inDay % 1000), 3);
    out[23] = u'Z';
    return QString(reinterpret_cast<const QChar*>(out), 24);
}

namespace {

// The exact form servers write, "2026-03-08T15:00:00.000Z", read without
// Qt's general ISO parser: a calendar reads thousands of these per screen.
std::optional<QDateTime> fromCanonicalWireTime(QStringView t) {
    if (t.size() != 24 || t[4] != u'-' || t[7] != u'-' || t[10] != u'T' || t[13] != u':' ||
        t[16] != u':' || t[19] != u'.' || t[23] != u'Z')
        return std::nullopt;
    auto number = [&](qsizetype from, qsizetype length) {
        int n = 0;
        for (qsizetype i = from; i < from + length; ++i) {
            const char16_t c = t[i].unicode();
            if (c < u'0' || c > u'9')
                return -1;
            n = n * 10 + (c - u'0');
        }
        return n;
    };
    const int year = number(0, 4), month = number(5, 2), day = number(8, 2);
    const int hour = number(11, 2), minute = number(14, 2), second = number(17, 2);
    const int ms = number(20, 3);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || ms < 0 ||
        !QDate::isValid(year, month, day) || hour > 23 || minute > 59 || second > 59)
        return std::nullopt;
    const qint64 epochMs = civil::fromCivil(year, month, day) * 86'400'000LL +
                           qint64(hour) * 3'600'000 + qint64(minute) * 60'000 +
                           qint64(second) * 1000 + ms;
    return QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC);
}

} // namespace

QDateTime fromWireTime(QStringView text) {
    if (auto fast = fromCanonicalWireTime(text))
        return *fast;
    // Qt accepts a date alone as ISO; the contract's instants always carry a
    // time, so require one ("T" at index 10).
    if (text.size() < 20 || text[10] != u'T')
        return {};
    const QChar last = text.back();
    const bool hasZone =
        last == u'Z' || text.right(6).front() == u'+' || text.right(6).front() == u'-';
    if (!hasZone)
        return {};
    QDateTime parsed = QDateTime::fromString(text.toString(), Qt::ISODateWithMs);
    if (!parsed.isValid())
        return {};
    return parsed.toUTC();
}

} // namespace mss
