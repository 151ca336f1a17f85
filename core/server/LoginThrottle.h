#pragma once

#include "base/Clock.h"

#include <QHash>
#include <QString>

namespace mss::server {

// Slows down password guessing: after `freeFailures` failed sign-ins for
// one email (known or not: the answer must not tell) or from one address,
// further attempts are refused for a wait that doubles with each failure, up
// to 15 minutes. A success clears the email's count. In memory: a restart
// forgets, which costs an attacker a restart per few guesses.
class LoginThrottle {
public:
    static constexpr int freeFailures = 5;
    static constexpr qint64 maxWaitSeconds = 15 * 60;

    explicit LoginThrottle(const Clock& clock);

    // Seconds to wait before `email` from `address` may try again; 0 = now.
    qint64 waitFor(const QString& email, const QString& address) const;
    void failed(const QString& email, const QString& address);
    void succeeded(const QString& email);

private:
    struct Record {
        int failures = 0;
        qint64 lastMs = 0;
    };
    qint64 waitOf(const QHash<QString, Record>& table, const QString& key, int allowed) const;
    void bump(QHash<QString, Record>& table, const QString& key);

    const Clock& m_clock;
    QHash<QString, Record> m_byEmail;
    QHash<QString, Record> m_byAddress;
};

} // namespace mss::server
