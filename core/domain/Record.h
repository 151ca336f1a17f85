#pragma once

#include "domain/JsonReader.h"

#include <QTimeZone>

#include <QDateTime>
#include <QJsonObject>

#include <optional>

namespace mss::domain {

// What every stored record carries besides its own fields: the id, who made
// and changed it and when (set by the server), its version (extension), and
// the fields this build does not know, kept for the round trip.
struct RecordMeta {
    ObjectId id; // null until the record has one
    std::optional<QDateTime> createdAt;
    std::optional<Reference> createdBy;
    std::optional<QDateTime> updatedAt;
    std::optional<Reference> updatedBy;
    std::optional<qint64> version;
    QJsonObject unknown;

    friend bool operator==(const RecordMeta&, const RecordMeta&) = default;
};

// How strictly a document is read.
enum class DecodeMode {
    // Types and rules: what a server applies to a request.
    Validate,
    // Types only: what a client applies to a server's stored records, so a
    // record that breaks a rule of ours is still shown, not dropped.
    TypesOnly,
};

// Reads the shared fields; call before the record's own, so that the
// unknown fields are gathered last (see finishMeta).
RecordMeta readMeta(JsonReader& reader);
void finishMeta(RecordMeta& meta, const JsonReader& reader);
// Appends the rule errors whose field the reading has not already named, so
// that each field is reported once, with the first problem found in it.
void appendUnnamed(Errors& errors, const Errors& more);

// A rule that compares calendar dates reads them in the practice's zone
// (base/CalendarDate.h); without one it says so instead of guessing.
void requirePracticeZone(Errors& errors, const QTimeZone& practiceZone);

void writeMeta(QJsonObject& out, const RecordMeta& meta, const EncodeOptions& options);

} // namespace mss::domain
