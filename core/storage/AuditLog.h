#pragma once

#include "base/Clock.h"
#include "storage/Database.h"

#include <QString>

#include <optional>

namespace mss::storage {

// One audited request: who did what to which record, from where, and how it
// ended. Ids and actions only: never names, notes or meeting links.
struct AuditEntry {
    QString actor;        // staff id, or "" before sign-in
    QString action;       // "appointment.create", "auth.login", ...
    QString resourceType; // "appointment", ...
    QString resourceId;   // the record's id; for lists, "" (ids in detail)
    QString address;      // the peer's IP address
    int outcome = 200;    // the HTTP status answered
    QString detail;       // e.g. "allowOverlap", or the ids a list disclosed
};

// The append-only, hash-chained audit log. Each entry's hash is
// SHA-256(previous entry's hash + the entry's compact JSON), so changing or
// deleting any entry breaks the chain from there on, which verify() finds.
// The chain alone cannot show entries cut off its end, so the newest
// entry's seq and hash are also kept outside the database, in the anchor
// file beside it (for PostgreSQL, in the data directory), written after each commit that appended
// entries; verify() checks that the log still reaches that entry.
class AuditLog {
public:
    AuditLog(Database& db, const Clock& clock);
    ~AuditLog();
    AuditLog(const AuditLog&) = delete;
    AuditLog& operator=(const AuditLog&) = delete;

    // "audit.anchor" in the directory of the database file.
    static QString anchorFile(const QString& databaseFile);

    // Appends inside the caller's write transaction, so the entry commits
    // with the change it describes, or not at all.
    Result<void> append(const AuditEntry& entry);

    struct Verdict {
        bool intact = true;
        qint64 entries = 0;
        qint64 firstBadSeq = 0; // 0 when intact
        QString problem;
    };
    Result<Verdict> verify();

private:
    struct Anchor {
        qint64 seq = 0;
        QString hash;
        friend bool operator==(const Anchor&, const Anchor&) = default;
    };
    // "<seq, 20 digits> <hash, 64 hex>\n"
    static constexpr int anchorBytes = 20 + 1 + 64 + 1;
    static std::optional<Anchor> parseAnchor(const QByteArray& text);
    static std::optional<Anchor> readAnchor(const QString& file);
    void transactionEnded(bool committed);
    QString anchorPath() const;

    Database& m_db;
    const Clock& m_clock;
    std::optional<Anchor> m_pending; // appended, not yet committed
    std::optional<Anchor> m_written; // what this process last wrote
    int m_anchorFd = -1;
};

} // namespace mss::storage
