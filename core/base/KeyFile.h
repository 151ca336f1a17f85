#pragma once

#include "base/Error.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace mss {

// A secret key kept in a file of the data directory (secret.key,
// confirm.key): exactly `size` bytes, readable by its owner only. A key that
// others can read is refused rather than used, since anyone who read it could
// open sealed meeting links or forge confirmation links; a missing key is
// created with owner-only permissions before any byte is written. Failures
// are KeyFileUnusable, naming the file.
Result<QByteArray> openOrCreateKeyFile(const QString& path, qsizetype size,
                                       const std::function<QByteArray()>& newKey);

} // namespace mss
