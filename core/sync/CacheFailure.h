#pragma once

#include "base/Error.h"
#include "storage/Database.h"

namespace mss::sync {

// A failure of the desk's cache file as the user reads it: a full disk or
// a file that cannot be written named as such, anything else with
// SQLite's words. The action it stopped changed nothing (it ran in one
// transaction, rolled back).
Errors cacheFailure(const Error& error);

} // namespace mss::sync
