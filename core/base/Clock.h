#pragma once

#include <QDateTime>

namespace mss {

// The only way core code learns the time. Tests inject a ManualClock, so
// "now" is whatever a test says; production code gets a SystemClock.
class Clock {
public:
    virtual ~Clock() = default;
    // The current instant, in UTC.
    virtual QDateTime now() const = 0;
};

class SystemClock final : public Clock {
public:
    QDateTime now() const override;
};

// A clock that stands still until told to move.
class ManualClock final : public Clock {
public:
    explicit ManualClock(QDateTime start);
    QDateTime now() const override;
    void set(QDateTime instant);
    void advanceSeconds(qint64 seconds);

private:
    QDateTime m_now;
};

} // namespace mss
