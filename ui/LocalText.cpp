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

} // namespace mss::ui
