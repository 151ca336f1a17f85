#include "server/LoginThrottle.h"

#include <QMutexLocker>

#include <algorithm>

namespace mss::server {

namespace {

// Past this many keys in one table, keys whose failures have all left the
// window go; should a flood of made-up emails still fill it, it starts
// over (the address count still holds each flooding address back).
constexpr qsizetype maxKeys = 100'000;

} // namespace

LoginThrottle::LoginThrottle(const Clock& clock)
    : m_clock(clock) {}

qint64 LoginThrottle::waitOf(const Table& table, const QString& key, Limit limit,
                             qint64 nowMs) const {
    const auto it = table.constFind(key);
    if (it == table.cend() || it->size() < limit.failures)
        return 0;
    const qint64 freeAtMs = it->front() + limit.windowSeconds * 1000;
    // Whole seconds, rounded up: Retry-After never invites an early retry.
    return std::max<qint64>(0, (freeAtMs - nowMs + 999) / 1000);
}

qint64 LoginThrottle::waitFor(const Attempt& attempt) const {
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    QMutexLocker lock(&m_mutex);
    if (!attempt.device.isEmpty())
        return waitOf(m_byDevice, attempt.device, perDevice, now);
    return std::max(waitOf(m_byAccount, attempt.email.toLower(), perAccount, now),
                    waitOf(m_byAddress, attempt.address, perAddress, now));
}

void LoginThrottle::record(Table& table, const QString& key, Limit limit, qint64 nowMs) {
    if (table.size() >= maxKeys && !table.contains(key)) {
        table.removeIf([&](Table::iterator it) {
            return it.value().back() + limit.windowSeconds * 1000 <= nowMs;
        });
        if (table.size() >= maxKeys)
            table.clear();
    }
    Failures& failures = table[key];
    // Failures that left the window no longer count.
    while (!failures.isEmpty() && failures.front() + limit.windowSeconds * 1000 <= nowMs)
        failures.removeFirst();
    failures.append(nowMs);
    while (failures.size() > limit.failures)
        failures.removeFirst();
}

void LoginThrottle::failed(const Attempt& attempt) {
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    QMutexLocker lock(&m_mutex);
    // Every guess counts against the account, wherever it comes from.
    record(m_byAccount, attempt.email.toLower(), perAccount, now);
    if (!attempt.device.isEmpty())
        record(m_byDevice, attempt.device, perDevice, now);
    else
        record(m_byAddress, attempt.address, perAddress, now);
}

void LoginThrottle::succeeded(const Attempt& attempt) {
    if (attempt.device.isEmpty())
        return;
    QMutexLocker lock(&m_mutex);
    m_byDevice.remove(attempt.device);
}

} // namespace mss::server
