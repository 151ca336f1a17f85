#pragma once

#include "base/Error.h"
#include "domain/Enums.h"
#include "domain/Reference.h"
#include "domain/TimeOfDay.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QVarLengthArray>

#include <optional>

namespace mss::domain {

// Reads the fields of one JSON object and collects every problem, each with
// its field's path, instead of stopping at the first. Keys never asked for
// are "unknown" and are handed back so that a record keeps the fields of a
// newer server through a round trip.
//
// A field that is absent or null reads as nullopt; a required one also
// records a Required error.
class JsonReader {
    Q_DECLARE_TR_FUNCTIONS(JsonReader)

public:
    enum Presence { Optional, Required };

    JsonReader(const QJsonObject& object, Errors& errors, QString path = {});

    std::optional<QString> string(QLatin1StringView key, Presence p = Optional);
    std::optional<bool> boolean(QLatin1StringView key, Presence p = Optional);
    std::optional<double> number(QLatin1StringView key, Presence p = Optional);
    // An integral number within [min, max].
    std::optional<qint64> integer(QLatin1StringView key, qint64 min, qint64 max,
                                  Presence p = Optional);
    std::optional<ObjectId> id(QLatin1StringView key, Presence p = Optional);
    std::optional<Reference> reference(QLatin1StringView key, Presence p = Optional);
    std::optional<QDateTime> time(QLatin1StringView key, Presence p = Optional);
    // A calendar date, "2026-03-08" or an instant (base/CalendarDate.h): a
    // date-only value reads as UTC midnight of its date.
    std::optional<QDateTime> date(QLatin1StringView key, Presence p = Optional);
    // The same, kept exactly as written.
    std::optional<QString> dateAsWritten(QLatin1StringView key, Presence p = Optional);
    std::optional<TimeOfDay> timeOfDay(QLatin1StringView key, Presence p = Optional);
    std::optional<QJsonObject> object(QLatin1StringView key, Presence p = Optional);
    std::optional<QJsonArray> array(QLatin1StringView key, Presence p = Optional);

    template <typename E>
    std::optional<E> enumeration(QLatin1StringView key, Presence p = Optional) {
        const std::optional<QString> text = string(key, p);
        if (!text)
            return std::nullopt;
        if (auto value = fromWire<E>(*text))
            return value;
        fail(ErrorCode::UnknownValue, key,
             tr("\"%1\" is not one of: %2").arg(*text, wireNames<E>().join(QStringLiteral(", "))));
        return std::nullopt;
    }

    // Records a problem with `key` of this object.
    void fail(ErrorCode code, QLatin1StringView key, const QString& message);
    // The path of `key` in the document being read, e.g. "exceptions[1].date".
    QString pathOf(QLatin1StringView key) const;

    // The members whose keys were never read.
    QJsonObject unknownFields() const;

private:
    // The value of `key`, or nullopt when absent or null (recording Required
    // if it must be there). Marks the key as known.
    std::optional<QJsonValue> take(QLatin1StringView key, Presence p);
    bool expect(bool ok, QLatin1StringView key, const char* typeName);

    const QJsonObject& m_object;
    Errors& m_errors;
    QString m_path;
    // The keys read so far; a record has a few dozen at most.
    QVarLengthArray<QLatin1StringView, 40> m_known;
};

// Writes optional members only when they hold a value.
void insertIf(QJsonObject& out, QLatin1StringView key, const std::optional<QString>& value);
void insertIf(QJsonObject& out, QLatin1StringView key, const std::optional<QDateTime>& value);
void insertIf(QJsonObject& out, QLatin1StringView key, const std::optional<ObjectId>& value);
void insertIf(QJsonObject& out, QLatin1StringView key, const std::optional<Reference>& value,
              const EncodeOptions& options);
// Copies the members of `extra` whose keys `out` does not have yet.
void mergeUnknown(QJsonObject& out, const QJsonObject& extra);

} // namespace mss::domain
