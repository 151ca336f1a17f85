#pragma once

#include "base/Clock.h"
#include "storage/Database.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace mss::server {

// Sign-in sessions: a 256-bit random token goes to the client once; the
// database keeps only its SHA-256, so a copy of the file signs nobody in.
// Tokens expire after `lifetime` and die on logout.
//
// Device tokens are kept alike: a desk that signed in to an account gets
// one, and presenting it later marks the sign-in as coming from a known
// device (LoginThrottle judges those apart). A device token signs nobody
// in by itself: it only comes with a password.
class Sessions {
public:
    static constexpr qint64 lifetimeSeconds = 12 * 3600;
    static constexpr qint64 deviceLifetimeSeconds = 180 * 24 * 3600;
    // The newest this many devices of one person are remembered: clients
    // that never present their token cannot grow the table without bound.
    static constexpr int devicesPerStaff = 20;

    Sessions(storage::Database& db, const Clock& clock);

    // A new token for the staff member (inside the caller's transaction).
    Result<QString> start(const QString& staffId);
    // Who a live token signs in: the staff id and the staff record as
    // stored, read together in one statement (every request asks).
    struct SignedIn {
        QString staffId;
        QJsonObject staff;
    };
    // nullopt when the token is unknown, expired, or its staff record gone.
    Result<std::optional<SignedIn>> signedIn(const QByteArray& token);
    Result<void> end(const QByteArray& token);
    // Ends every session of the staff member and forgets their devices
    // (deactivation, role change, new password).
    Result<void> endAllOf(const QString& staffId);

    // Whether `deviceToken` is a live device token of the staff member.
    Result<bool> isDeviceOf(const QByteArray& deviceToken, const QString& staffId);
    // After a successful sign-in: the presented device token when it is the
    // staff member's (its life starts again), else a new one (inside the
    // caller's transaction).
    Result<QString> rememberDevice(const QString& staffId, const QByteArray& presented);

    // What stands for a token in memory and in the database.
    static QString digest(const QByteArray& token);
    // 256 random bits, base64url: a session's, a device's or a feed's token.
    static QByteArray newToken();

private:
    storage::Database& m_db;
    const Clock& m_clock;
};

} // namespace mss::server
