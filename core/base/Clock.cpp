#include "base/Clock.h"

#include <QTimeZone>

namespace mss {

QDateTime SystemClock::now() const {
    return QDateTime::currentDateTimeUtc();
}

ManualClock::ManualClock(QDateTime start)
    : m_now(start.toUTC()) {}

QDateTime ManualClock::now() const {
    return m_now;
}

void ManualClock::set(QDateTime instant) {
    m_now = instant.toUTC();
}

void ManualClock::advanceSeconds(qint64 seconds) {
    m_now = m_now.addSecs(seconds);
}

} // namespace mss
