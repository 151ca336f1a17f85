#include "base/Error.h"

#include <QStringList>

namespace mss {

QString errorCodeName(ErrorCode code) {
    switch (code) {
    case ErrorCode::Required:
        return QStringLiteral("REQUIRED");
    case ErrorCode::WrongType:
        return QStringLiteral("WRONG_TYPE");
    case ErrorCode::UnknownValue:
        return QStringLiteral("UNKNOWN_VALUE");
    case ErrorCode::InvalidId:
        return QStringLiteral("INVALID_ID");
    case ErrorCode::InvalidTime:
        return QStringLiteral("INVALID_TIME");
    case ErrorCode::InvalidTimeOfDay:
        return QStringLiteral("INVALID_TIME_OF_DAY");
    case ErrorCode::OutOfRange:
        return QStringLiteral("OUT_OF_RANGE");
    case ErrorCode::EndNotAfterStart:
        return QStringLiteral("END_NOT_AFTER_START");
    case ErrorCode::DurationMismatch:
        return QStringLiteral("DURATION_MISMATCH");
    case ErrorCode::MissingSeriesEnd:
        return QStringLiteral("MISSING_SERIES_END");
    case ErrorCode::TooLong:
        return QStringLiteral("TOO_LONG");
    case ErrorCode::InvalidTimeZone:
        return QStringLiteral("INVALID_TIME_ZONE");
    case ErrorCode::MalformedJson:
        return QStringLiteral("MALFORMED_JSON");
    case ErrorCode::InvalidRule:
        return QStringLiteral("INVALID_RULE");
    case ErrorCode::KeychainUnavailable:
        return QStringLiteral("KEYCHAIN_UNAVAILABLE");
    case ErrorCode::SchedulingConflict:
        return conflictCodeName(ConflictCode::SchedulingConflict);
    case ErrorCode::NotFound:
        return QStringLiteral("NOT_FOUND");
    case ErrorCode::StorageFailure:
        return QStringLiteral("STORAGE_FAILURE");
    case ErrorCode::DuplicateKey:
        return QStringLiteral("DUPLICATE_KEY");
    case ErrorCode::InvalidCharacter:
        return QStringLiteral("INVALID_CHARACTER");
    case ErrorCode::Unreachable:
        return QStringLiteral("UNREACHABLE");
    case ErrorCode::NotConfigured:
        return QStringLiteral("NOT_CONFIGURED");
    case ErrorCode::KeyFileUnusable:
        return QStringLiteral("KEY_FILE_UNUSABLE");
    case ErrorCode::Interrupted:
        return QStringLiteral("INTERRUPTED");
    case ErrorCode::Unavailable:
        return QStringLiteral("UNAVAILABLE");
    case ErrorCode::InvalidConfiguration:
        return QStringLiteral("INVALID_CONFIGURATION");
    case ErrorCode::InvalidDatabaseUrl:
        return QStringLiteral("INVALID_DATABASE_URL");
    case ErrorCode::FileUnusable:
        return QStringLiteral("FILE_UNUSABLE");
    case ErrorCode::BackupUnusable:
        return QStringLiteral("BACKUP_UNUSABLE");
    case ErrorCode::TlsUnusable:
        return QStringLiteral("TLS_UNUSABLE");
    case ErrorCode::NewerSchema:
        return QStringLiteral("NEWER_SCHEMA");
    case ErrorCode::Occupied:
        return QStringLiteral("OCCUPIED");
    case ErrorCode::DiskFull:
        return QStringLiteral("DISK_FULL");
    case ErrorCode::ReadOnlyStorage:
        return QStringLiteral("READ_ONLY_STORAGE");
    case ErrorCode::DatabaseUnavailable:
        return QStringLiteral("DATABASE_UNAVAILABLE");
    }
    return QStringLiteral("UNKNOWN");
}

QString conflictCodeName(ConflictCode code) {
    switch (code) {
    case ConflictCode::SchedulingConflict:
        return QStringLiteral("SCHEDULING_CONFLICT");
    case ConflictCode::VersionMismatch:
        return QStringLiteral("VERSION_MISMATCH");
    case ConflictCode::Forbidden:
        return QStringLiteral("FORBIDDEN");
    case ConflictCode::Deleted:
        return QStringLiteral("DELETED");
    case ConflictCode::Rejected:
        return QStringLiteral("REJECTED");
    case ConflictCode::SlotHeld:
        return QStringLiteral("SLOT_HELD");
    }
    return QStringLiteral("REJECTED");
}

std::optional<ConflictCode> conflictCodeFromName(QStringView name) {
    for (const ConflictCode code :
         {ConflictCode::SchedulingConflict, ConflictCode::VersionMismatch, ConflictCode::Forbidden,
          ConflictCode::Deleted, ConflictCode::Rejected, ConflictCode::SlotHeld}) {
        if (name == conflictCodeName(code))
            return code;
    }
    return std::nullopt;
}

QString describe(const Error& error) {
    QStringList parts;
    for (const Error* e = &error; e; e = e->cause.get())
        parts << (e->field.isEmpty() ? e->message : e->field + QStringLiteral(": ") + e->message);
    return parts.join(QStringLiteral(": "));
}

QString describe(const Errors& errors) {
    QStringList parts;
    parts.reserve(errors.size());
    for (const Error& e : errors)
        parts << (e.field.isEmpty() ? e.message : e.field + QStringLiteral(": ") + e.message);
    return parts.join(QStringLiteral("; "));
}

} // namespace mss
