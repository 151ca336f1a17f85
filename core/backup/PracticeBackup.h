#pragma once

#include "base/Clock.h"
#include "base/Error.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace mss::backup {

// A backup is one file: a POSIX tar archive (`tar -tvf` lists it) of a
// folder "mentalspace-backup/" holding the data directory's files and,
// last, backup.json (what made it, when, and each file's size and
// SHA-256). See docs/server.md, "Backup, restore, upgrades".
//
// What makes it hard: the server keeps writing while the copy is made. The
// database is copied by SQLite's online backup inside one read
// transaction, so it is one committed state; the audit anchor is read
// before that snapshot starts, so it never names an entry the copy lacks
// (an anchor may lag its log, never lead it); the keys do not change.

// Told what is happening, one line at a time.
using Progress = std::function<void(const QString& line)>;

struct BackupSummary {
    qint64 archiveBytes = 0;
    int schemaVersion = 0;
    qint64 appointments = 0;
    qint64 auditEntries = 0;
    QStringList files;
};

// Writes the backup of the practice in `dataDir` to `archive` (mode 0600,
// written under a temporary name beside it and renamed when complete, so
// the final name never holds half a backup). Why not: NotFound (no
// practice there), NewerSchema, FileUnusable, KeyFileUnusable (no
// secret.key) or StorageFailure (the copy fails).
Result<BackupSummary> backUp(const QString& dataDir, const QString& archive,
                             const QString& serverVersion, const Clock& clock,
                             const Progress& progress);

struct RestoreSummary {
    QString createdAt;
    QString serverVersion;
    int schemaVersion = 0;
    qint64 appointments = 0;
    qint64 auditEntries = 0;
    QStringList files;
    bool replaced = false; // an existing practice was replaced (force)
};

// Puts the practice of `archive` into `dataDir` (created 0700 when
// missing; files 0600). A folder that already holds a practice is refused
// unless `force`, and then only while no process has its database open.
// The archive is checked whole (every checksum) before anything is
// written; a damaged or truncated one changes nothing. Why not: Occupied
// (a practice is there), BackupUnusable, NewerSchema or FileUnusable.
Result<RestoreSummary> restore(const QString& archive, const QString& dataDir, bool force,
                               const Progress& progress);

} // namespace mss::backup
