#pragma once

#include "storage/Database.h"

namespace mss::storage {

// The schema of the server's database as numbered steps, written in
// SQLite's words; a PostgreSQL database runs them as Dialect::
// schemaStatement() translates them. A database records the last step
// applied (PRAGMA user_version; PostgreSQL's schema_version table); opening
// runs the missing ones, each in its own transaction, so an interrupted
// upgrade resumes cleanly. Steps are appended, never edited once released.
int latestSchemaVersion();
Result<void> migrate(Database& db, const Schema& schema = serverSchema());

// The record tables (staff, clients, appointments, availabilities, series,
// and the change feed that follows them) as the first step of a schema:
// the server and the desktop's cache store records alike.
QStringList recordTableStatements();

// The waitlist table (the server's step 5), for a store that keeps entries.
QStringList waitlistTableStatements();
// PostgreSQL: marks each appointment that overlaps an earlier one as booked
// over it and every other as holding its time (schema step 7's backfill,
// run again by PracticeCopy over the rows it copies).
QString checkedFreeBackfill();

} // namespace mss::storage
