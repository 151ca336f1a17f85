#pragma once

#include "base/Clock.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>

namespace mss::server {

// Slows down password guessing without handing an attacker a way to lock
// the real user out (OWASP's "device cookie" pattern). A sign-in is judged
// by one of two sets of counts:
//
// - From a known device (it presented a valid device token for the
//   account): by that device's own failures only. Guesses elsewhere, against
//   the account or from the same address, never refuse it; its own mistakes
//   lock out that device alone.
// - From anywhere else: by the account's failures (the email, known or
//   not, so the answer tells nothing) and by the address's failures, so
//   spraying made-up emails slows that address only.
//
// Each count is a rolling window: a key that failed `failures` times within
// `windowSeconds` waits until the oldest of them leaves the window. Nothing
// is forgiven by a success except the device's own mistakes: a success from
// a known desk must not give an attacker elsewhere a fresh allowance.
//
// In memory and per process: a restart forgets, which costs an attacker a
// restart per few guesses. Thread-safe.
class LoginThrottle {
public:
    struct Limit {
        int failures;
        qint64 windowSeconds;
    };
    // At most 10 guesses a minute against one account from anywhere.
    static constexpr Limit perAccount{10, 60};
    // A known device's own mistakes.
    static constexpr Limit perDevice{10, 60};
    // One address (an office behind one router holds several people
    // mistyping); spraying made-up emails from it is slowed past this.
    static constexpr Limit perAddress{20, 5 * 60};

    // Who is trying. `device` is the digest of a device token that is valid
    // for the account, empty when none was presented or it is not valid.
    struct Attempt {
        QString email;
        QString address; // clientKey() of the client's address
        QString device;
    };

    explicit LoginThrottle(const Clock& clock);

    // Seconds to wait before this attempt may be judged; 0 = now.
    qint64 waitFor(const Attempt& attempt) const;
    void failed(const Attempt& attempt);
    void succeeded(const Attempt& attempt);

private:
    // The newest failure times of one key (ms), oldest first; at most the
    // limit's count of them.
    using Failures = QList<qint64>;
    using Table = QHash<QString, Failures>;

    qint64 waitOf(const Table& table, const QString& key, Limit limit, qint64 nowMs) const;
    void record(Table& table, const QString& key, Limit limit, qint64 nowMs);

    const Clock& m_clock;
    mutable QMutex m_mutex;
    Table m_byAccount;
    Table m_byDevice;
    Table m_byAddress;
};

} // namespace mss::server
