#pragma once

// A storage double that fails writes on purpose, through SQLite itself and
// nothing else: the very connection the code under test writes with is
// told, by a pragma, to act as a full disk or a read-only file. The code
// under test runs unchanged; its writes fail with the codes a real full
// file system (SQLITE_FULL) or a write-protected file (SQLITE_READONLY)
// gives, without root, a mount or filling the machine's disk.
#include "storage/Database.h"

namespace mss::test {

// The database may not grow past the size it has now: every write that
// needs a new page fails with SQLITE_FULL. Writes that fit in pages it
// already has still land, as on a disk with a little room left.
inline bool fillDisk(storage::Database& db) {
    // A limit below the file's size means "as it is".
    return db.exec(QStringLiteral("PRAGMA max_page_count=1")).has_value();
}

// Room again: SQLite's own limit.
inline bool freeDisk(storage::Database& db) {
    return db.exec(QStringLiteral("PRAGMA max_page_count=4294967294")).has_value();
}

// Every write fails with SQLITE_READONLY, even the first BEGIN IMMEDIATE,
// as for a file the process may no longer write.
inline bool makeReadOnly(storage::Database& db, bool readOnly = true) {
    return db
        .exec(readOnly ? QStringLiteral("PRAGMA query_only=ON")
                       : QStringLiteral("PRAGMA query_only=OFF"))
        .has_value();
}

} // namespace mss::test
