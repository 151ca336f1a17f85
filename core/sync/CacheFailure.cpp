#include "sync/CacheFailure.h"

#include <QCoreApplication>

namespace mss::sync {

Errors cacheFailure(const Error& error) {
    QString message;
    if (error.code == ErrorCode::DiskFull)
        message = QCoreApplication::translate(
            "CacheFailure",
            "This computer's disk is full, so nothing was saved. Free some space and try again.");
    else if (error.code == ErrorCode::ReadOnlyStorage)
        message = QCoreApplication::translate(
            "CacheFailure", "This computer's copy of the schedule cannot be written (its file is "
                            "read-only), so nothing was saved.");
    else
        message = QCoreApplication::translate(
                      "CacheFailure",
                      "This computer's copy of the schedule failed (%1); nothing was changed.")
                      .arg(error.message);
    return {Error{ErrorCode::StorageFailure, {}, message}};
}

} // namespace mss::sync
