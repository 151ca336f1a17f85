#pragma once

#include "base/Clock.h"
#include "storage/Database.h"

#include <QByteArray>
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
// The failures are rows of the practice's database (login_failures: kind,
// key, time), so every server of one practice judges a sign-in by the same
// counts and a restart forgets nothing. A check is one indexed read; only
// a failure writes (its rows, and the rows every window has left go). The
// keys are HMAC-SHA-256 under a key derived from secret.key, never the
// email or address: a plain SHA-256 of an IPv4 address or a staff email is
// undone by hashing every candidate, and the database (a standby, a
// pg_dump) travels further than the data directory's keys.
//
// Like Sessions, it uses the connection of the practice it belongs to, on
// that practice's thread.
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

    // `secret`: the key the stored keys are derived with (the same on every
    // server of the practice).
    LoginThrottle(storage::Database& db, const Clock& clock, QByteArray secret);

    // Seconds to wait before this attempt may be judged; 0 = now.
    Result<qint64> waitFor(const Attempt& attempt);
    // Counts a failure (inside the caller's write transaction).
    Result<void> failed(const Attempt& attempt);
    // Forgets a known device's own mistakes (inside the caller's write
    // transaction); nothing else.
    Result<void> succeeded(const Attempt& attempt);

private:
    // The column `kind` of login_failures.
    enum class Kind : int { Account = 0, Device = 1, Address = 2 };
    QString keyOf(Kind kind, const QString& key) const;
    Result<void> record(Kind kind, const QString& key, qint64 nowMs);

    storage::Database& m_db;
    const Clock& m_clock;
    QByteArray m_secret;
};

} // namespace mss::server
