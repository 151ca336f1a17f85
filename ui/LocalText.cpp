#include "ui/LocalText.h"

#include <QLocale>

namespace mss::ui {

QString LocalText::time(QTime time) {
    const QLocale locale;
    QString format = locale.timeFormat(QLocale::ShortFormat);
    format.remove(QLatin1String(":ss"));
    format.remove(QLatin1String(".ss"));
    return locale.toString(time, format);
}

QString LocalText::time(const QDateTime& instant, const QTimeZone& zone) {
    return time(instant.toTimeZone(zone).time());
}

QString LocalText::span(const QDateTime& start, const QDateTime& end, const QTimeZone& zone) {
    return tr("%1 \u2013 %2").arg(time(start, zone), time(end, zone));
}

QString LocalText::until(const QDateTime& end, const QTimeZone& zone) {
    const QTime local = end.toTimeZone(zone).time();
    const QString shown = time(local);
    // The hour as the clock face shows it (1 for 13:50 on a 12-hour clock):
    // Spanish says "la 1:50" but "las 9:50".
    const bool twelveHour =
        QLocale().timeFormat(QLocale::ShortFormat).contains(u'a', Qt::CaseInsensitive);
    int hour = local.hour();
    if (twelveHour)
        hour = hour % 12 == 0 ? 12 : hour % 12;
    return tr("until %1", "an end time", hour).arg(shown);
}

QString LocalText::zoneAbbreviation(const QDateTime& instant, const QTimeZone& zone) {
    const QString abbreviation = zone.abbreviation(instant);
    return abbreviation.isEmpty() ? QString::fromLatin1(zone.id()) : abbreviation;
}

} // namespace mss::ui
