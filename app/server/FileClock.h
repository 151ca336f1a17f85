#pragma once

#include "base/Clock.h"

#include <QString>

namespace mss::server::app {

// Test only (`serve --clock-file FILE`): "now" is the ISO 8601 instant the
// file holds, read on each call, so a test moves a running server's time by
// rewriting the file. Falls back to the system clock while the file is
// missing or unreadable.
class FileClock final : public Clock {
public:
    explicit FileClock(QString file)
        : m_file(std::move(file)) {}
    QDateTime now() const override;

private:
    QString m_file;
    SystemClock m_system;
};

} // namespace mss::server::app
