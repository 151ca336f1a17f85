#include "FileClock.h"

#include "base/WallClock.h"

#include <QFile>

namespace mss::server::app {

QDateTime FileClock::now() const {
    QFile file(m_file);
    if (!file.open(QIODevice::ReadOnly))
        return m_system.now();
    const QDateTime at = fromWireTime(QString::fromUtf8(file.readAll()).trimmed());
    return at.isValid() ? at : m_system.now();
}

} // namespace mss::server::app
