#include "domain/Record.h"

#include "base/WallClock.h"

#include <QCoreApplication>

#include <algorithm>
#include <limits>

namespace mss::domain {

using namespace Qt::StringLiterals;

RecordMeta readMeta(JsonReader& reader) {
    RecordMeta meta;
    meta.id = reader.id("_id"_L1).value_or(ObjectId{});
    meta.createdAt = reader.time("createdAt"_L1);
    meta.createdBy = reader.reference("createdBy"_L1);
    meta.updatedAt = reader.time("updatedAt"_L1);
    meta.updatedBy = reader.reference("updatedBy"_L1);
    meta.version = reader.integer("version"_L1, 0, std::numeric_limits<qint32>::max());
    return meta;
}

void finishMeta(RecordMeta& meta, const JsonReader& reader) {
    meta.unknown = reader.unknownFields();
}

void appendUnnamed(Errors& errors, const Errors& more) {
    const qsizetype named = errors.size();
    for (const Error& e : more) {
        // "provider._id" already speaks for "provider".
        const bool seen =
            std::any_of(errors.cbegin(), errors.cbegin() + named, [&](const Error& x) {
                return x.field == e.field || x.field.startsWith(e.field + QLatin1Char('.'));
            });
        if (!seen)
            errors.append(e);
    }
}

void requirePracticeZone(Errors& errors, const QTimeZone& practiceZone) {
    if (!practiceZone.isValid())
        errors.append({ErrorCode::InvalidTimeZone, u"timeZone"_s,
                       QCoreApplication::translate(
                           "Validation", "the practice's time zone is needed to read dates")});
}

void writeMeta(QJsonObject& out, const RecordMeta& meta, const EncodeOptions& options) {
    if (!meta.id.isNull())
        out.insert("_id"_L1, meta.id.toString());
    insertIf(out, "createdAt"_L1, meta.createdAt);
    insertIf(out, "createdBy"_L1, meta.createdBy, options);
    insertIf(out, "updatedAt"_L1, meta.updatedAt);
    insertIf(out, "updatedBy"_L1, meta.updatedBy, options);
    if (meta.version)
        out.insert("version"_L1, double(*meta.version));
    mergeUnknown(out, meta.unknown);
}

} // namespace mss::domain
