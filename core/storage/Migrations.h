#pragma once

#include "storage/Database.h"

namespace mss::storage {

// The schema of the server's database as numbered steps. A file records the
// last step applied (PRAGMA user_version); opening runs the missing ones,
// each in its own transaction, so an interrupted upgrade resumes cleanly.
// Steps are appended, never edited once released.
int latestSchemaVersion();
DbResult<void> migrate(Database& db);

} // namespace mss::storage
