#include "domain/TimeOfDay.h"

namespace mss::domain {

std::optional<TimeOfDay> TimeOfDay::fromString(QStringView text) {
    if (text.size() != 5 || text[2] != u':')
        return std::nullopt;
    for (int i : {0, 1, 3, 4}) {
        if (!text[i].isDigit() || text[i].unicode() > u'9')
            return std::nullopt;
    }
    const int hours = (text[0].unicode() - u'0') * 10 + (text[1].unicode() - u'0');
    const int minutes = (text[3].unicode() - u'0') * 10 + (text[4].unicode() - u'0');
    if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0))
        return std::nullopt;
    return fromMinutes(hours * 60 + minutes);
}

QString TimeOfDay::toString() const {
    return QStringLiteral("%1:%2")
        .arg(hour(), 2, 10, QLatin1Char('0'))
        .arg(minute(), 2, 10, QLatin1Char('0'));
}

} // namespace mss::domain
