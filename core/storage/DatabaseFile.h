#pragma once

#include "storage/Database.h"

#include <functional>

namespace mss::storage {

// A database file seen from outside the server's connections: what an admin
// command may learn or take from it while a server serves it, without
// changing a byte of it.

// The schema version (PRAGMA user_version) of the file at `path`; 0 for a
// missing or empty file. Read from the file's header when no connection
// has it open (no -wal file), so looking neither creates -wal/-shm files
// nor alters the file (a database from a newer release must stay as it
// was); through SQLite otherwise.
Result<int> schemaVersionOf(const QString& path);

// True when a process has the database open in WAL mode (every SQLite
// connection holds a shared lock on the -shm file while open): a server is
// serving it, or an admin command is using it.
bool isOpenElsewhere(const QString& path);

// Copies the database at `source` into a new file `destination` with
// SQLite's online backup, as one snapshot: the copy holds every
// transaction committed before it began and none after, while other
// processes keep reading and writing the source (WAL readers do not block
// writers). `progress` is told the pages copied and the total.
struct CopyResult {
    qint64 pages = 0;
    qint64 bytes = 0;
};
Result<CopyResult> copyDatabase(const QString& source, const QString& destination,
                                const std::function<void(qint64 done, qint64 total)>& progress);

// PRAGMA integrity_check of a file no server uses: "ok", or the first problem.
Result<QString> integrityOf(const QString& path);

// A number (SELECT of one value) read from a file no server uses.
Result<qint64> countIn(const QString& path, const QString& query);

// What an errno means to a person ("the disk is full", ...).
QString describeErrno(int error);

} // namespace mss::storage
