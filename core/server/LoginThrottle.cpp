#include "server/LoginThrottle.h"

#include <algorithm>

namespace mss::server {

LoginThrottle::LoginThrottle(const Clock& clock)
    : m_clock(clock) {}

qint64 LoginThrottle::waitOf(const QHash<QString, Record>& table, const QString& key,
                             int allowed) const {
    const auto it = table.constFind(key);
    if (it == table.cend() || it->failures < allowed)
        return 0;
    const int extra = std::min(it->failures - allowed, 20);
    const qint64 wait = std::min<qint64>(qint64(1) << extra, maxWaitSeconds);
    const qint64 elapsed = (m_clock.now().toMSecsSinceEpoch() - it->lastMs) / 1000;
    return std::max<qint64>(0, wait - elapsed);
}

qint64 LoginThrottle::waitFor(const QString& email, const QString& address) const {
    // An address gets more room than an email: one front desk may hold
    // several people mistyping.
    return std::max(waitOf(m_byEmail, email.toLower(), freeFailures),
                    waitOf(m_byAddress, address, freeFailures * 4));
}

void LoginThrottle::bump(QHash<QString, Record>& table, const QString& key) {
    Record& r = table[key];
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    // A quiet quarter of an hour forgives earlier failures.
    if (now - r.lastMs > maxWaitSeconds * 1000)
        r.failures = 0;
    ++r.failures;
    r.lastMs = now;
    if (table.size() > 100'000)
        table.clear(); // bounded memory under a flood of made-up emails
}

void LoginThrottle::failed(const QString& email, const QString& address) {
    bump(m_byEmail, email.toLower());
    bump(m_byAddress, address);
}

void LoginThrottle::succeeded(const QString& email) {
    m_byEmail.remove(email.toLower());
}

} // namespace mss::server
