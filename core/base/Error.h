#pragma once

#include <QList>
#include <QString>

#include <expected>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

namespace mss {

// Machine-readable error codes. Persisted and sent on the wire by name, so
// new codes are appended and none is renumbered.
enum class ErrorCode : int {
    Required = 0,              // a required field is missing
    WrongType = 1,             // a field has the wrong JSON type
    UnknownValue = 2,          // a string outside the field's enumeration
    InvalidId = 3,             // not a 24-hex-digit ObjectId
    InvalidTime = 4,           // not an ISO 8601 instant
    InvalidTimeOfDay = 5,      // not a 24-hour "HH:MM"
    OutOfRange = 6,            // a number outside its allowed range
    EndNotAfterStart = 7,      // an interval that ends at or before it starts
    DurationMismatch = 8,      // duration disagrees with start and end
    MissingSeriesEnd = 9,      // a series with neither endDate nor numberOfOccurrences
    TooLong = 10,              // longer than the allowed maximum
    InvalidTimeZone = 11,      // not an IANA time zone known to this machine
    MalformedJson = 12,        // text that is not JSON, or not the expected shape
    InvalidRule = 13,          // a recurrence rule that cannot be parsed
    KeychainUnavailable = 14,  // the OS keychain refused or is not running
    SchedulingConflict = 15,   // the time is held by the same provider or client
    NotFound = 16,             // no record with that id
    StorageFailure = 17,       // the database failed (a broken file, a refused statement)
    DuplicateKey = 18,         // a JSON object with the same key twice
    InvalidCharacter = 19,     // a NUL or a lone UTF-16 surrogate in a string
    Unreachable = 20,          // another server (SMTP, SMS gateway) failed or refused
    NotConfigured = 21,        // the settings a feature needs are missing
    KeyFileUnusable = 22,      // a key file cannot be read, is damaged or cannot be written
    Interrupted = 23,          // stopped before done (the program stopping)
    Unavailable = 24,          // a library this program needs cannot start
    InvalidConfiguration = 25, // an option or configuration setting that is wrong or out of place
    InvalidDatabaseUrl = 26,   // not sqlite:PATH or a usable postgresql:// URL
    FileUnusable = 27,         // a file (not a key file) cannot be read, written or created
    BackupUnusable = 28,       // a backup archive that is damaged, truncated or not a backup
    TlsUnusable = 29,          // a TLS certificate or key that cannot be read or used
    NewerSchema = 30,          // a practice written by a newer release of the server
    Occupied = 31,             // the place to put a practice holds one already, or one in use
    DiskFull = 32,             // the disk (or the database's size limit) has no room
    ReadOnlyStorage = 33,      // the database file (or the connection) may not be written
    DatabaseUnavailable = 34,  // the database server cannot be reached; nothing was written
};

// One problem with one field. `field` is a JSON path such as "endTime" or
// "exceptions[2].date"; empty when the problem concerns the whole record.
// `cause` is the failure underneath, when this one wraps it ("cannot open
// the practice" caused by "the key file ... is damaged"); describe() gives
// the whole chain.
struct Error {
    ErrorCode code = ErrorCode::MalformedJson;
    QString field;
    QString message; // translated, for people
    std::shared_ptr<const Error> cause = {};

    // This error, caused by `inner`.
    [[nodiscard]] Error causedBy(Error inner) const {
        Error outer = *this;
        outer.cause = std::make_shared<const Error>(std::move(inner));
        return outer;
    }

    friend bool operator==(const Error& a, const Error& b) {
        return a.code == b.code && a.field == b.field && a.message == b.message &&
               (a.cause == b.cause || (a.cause && b.cause && *a.cause == *b.cause));
    }
};

// Several problems at once: validation reports every error, not the first.
using Errors = QList<Error>;

namespace detail {
template <typename T, typename E>
std::true_type derivesFromExpected(const std::expected<T, E>*);
std::false_type derivesFromExpected(...);
// Whether T is a std::expected or derives from one (Result, Checked).
template <typename T>
constexpr bool isExpected = decltype(derivesFromExpected(static_cast<const T*>(nullptr)))::value;
} // namespace detail

// A value, or what stopped it: std::expected made [[nodiscard]]. A class
// rather than an alias of std::expected so that the attribute can be put
// on it: a call whose result is dropped drops its error unseen, and the
// compiler says so. It is a std::expected in all else (constructed,
// compared and read the same way), and converts to and from one.
template <typename T, typename E>
class [[nodiscard]] Expected : public std::expected<T, E> {
    using Base = std::expected<T, E>;

public:
    using Base::Base;
    Expected() = default;
    Expected(const Base& other)
        : Base(other) {}
    Expected(Base&& other)
        : Base(std::move(other)) {}

    // Compared as the std::expected it is: with another, with a value, with
    // std::unexpected (std::expected's own operator would take an Expected
    // on the other side for a value).
    friend bool operator==(const Expected& a, const Expected& b) {
        return static_cast<const Base&>(a) == static_cast<const Base&>(b);
    }
    template <typename U, typename F>
    friend bool operator==(const Expected& a, const std::expected<U, F>& b) {
        return static_cast<const Base&>(a) == b;
    }
    template <typename U>
    requires(!detail::isExpected<U>) friend bool operator==(const Expected& a, const U& b) {
        return static_cast<const Base&>(a) == b;
    }
};

// The value, or the first problem found.
template <typename T>
using Result = Expected<T, Error>;

// The value, or every problem found (validation reports them all).
template <typename T>
using Checked = Expected<T, Errors>;

// The stable wire name of a code, e.g. "END_NOT_AFTER_START".
QString errorCodeName(ErrorCode code);

// Why a change was refused as the desk keeps it for the user to decide
// (sync::SyncConflict); the first three are also the codes the server
// answers such a refusal with (409, 412, 403). Stored by the desk and sent
// by the server as the wire name (conflictCodeName), never as the number.
enum class ConflictCode : int {
    SchedulingConflict = 0, // the time is held by the same provider or client
    VersionMismatch = 1,    // the record changed since the change was made
    Forbidden = 2,          // the role may not do it
    Deleted = 3,            // the record is gone from the server
    Rejected = 4,           // any other refusal, with the server's reason
    SlotHeld = 5,           // the time is held for a waitlist client
};

// "SCHEDULING_CONFLICT", "VERSION_MISMATCH", "FORBIDDEN", "DELETED", "REJECTED",
// "SLOT_HELD".
QString conflictCodeName(ConflictCode code);
// The code of a wire name, or nullopt.
std::optional<ConflictCode> conflictCodeFromName(QStringView name);

// "endTime: must be after startTime; duration: ..." for logs and messages.
QString describe(const Errors& errors);
// "cannot open the practice: the key file ... is damaged": the message,
// then each cause's, outermost first (with the field where there is one).
QString describe(const Error& error);

} // namespace mss
