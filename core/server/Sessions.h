#pragma once

#include "base/Clock.h"
#include "storage/Database.h"

#include <QString>

#include <optional>

namespace mss::server {

// Sign-in sessions: a 256-bit random token goes to the client once; the
// database keeps only its SHA-256, so a copy of the file signs nobody in.
// Tokens expire after `lifetime` and die on logout.
class Sessions {
public:
    static constexpr qint64 lifetimeSeconds = 12 * 3600;

    Sessions(storage::Database& db, const Clock& clock);

    // A new token for the staff member (inside the caller's transaction).
    storage::DbResult<QString> start(const QString& staffId);
    // The staff id the token belongs to, when it is live.
    storage::DbResult<std::optional<QString>> staffOf(const QByteArray& token);
    storage::DbResult<void> end(const QByteArray& token);
    storage::DbResult<void> endAllOf(const QString& staffId);

private:
    static QString digest(const QByteArray& token);

    storage::Database& m_db;
    const Clock& m_clock;
};

} // namespace mss::server
