#include "base/CalendarDate.h"

#include "base/WallClock.h"

namespace mss {

QDateTime fromWireDate(QStringView text) {
    if (text.size() == 10) {
        const QDate date = QDate::fromString(text.toString(), Qt::ISODate);
        return date.isValid() ? calendarDateInstant(date) : QDateTime();
    }
    return fromWireTime(text);
}

QDate calendarDate(const QDateTime& instant, const QTimeZone& practiceZone) {
    if (!instant.isValid())
        return {};
    const QDateTime utc = instant.toUTC();
    if (utc.time() == QTime(0, 0) || !practiceZone.isValid())
        return utc.date();
    return localDate(utc, practiceZone);
}

QDateTime calendarDateInstant(QDate date) {
    return QDateTime(date, QTime(0, 0), QTimeZone::utc());
}

} // namespace mss
