#include "domain/JsonReader.h"

#include "base/CalendarDate.h"
#include "base/WallClock.h"
#include "domain/BoundedText.h"

#include <QJsonArray>

#include <algorithm>

#include <cmath>

namespace mss::domain {

JsonReader::JsonReader(const QJsonObject& object, Errors& errors, QString path)
    : m_object(object)
    , m_errors(errors)
    , m_path(std::move(path)) {}

QString JsonReader::pathOf(QLatin1StringView key) const {
    if (m_path.isEmpty())
        return QString(key);
    return m_path + QLatin1Char('.') + key;
}

void JsonReader::fail(ErrorCode code, QLatin1StringView key, const QString& message) {
    m_errors.append(Error{code, pathOf(key), message});
}

std::optional<QJsonValue> JsonReader::take(QLatin1StringView key, Presence p) {
    m_known.append(key);
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull()) {
        if (p == Required)
            fail(ErrorCode::Required, key, tr("is required"));
        return std::nullopt;
    }
    return value;
}

bool JsonReader::expect(bool ok, QLatin1StringView key, const char* typeName) {
    if (!ok)
        fail(ErrorCode::WrongType, key, tr("must be %1").arg(tr(typeName)));
    return ok;
}

std::optional<QString> JsonReader::string(QLatin1StringView key, Presence p) {
    const auto v = take(key, p);
    if (!v || !expect(v->isString(), key, QT_TR_NOOP("a string")))
        return std::nullopt;
    QString text = v->toString();
    // The one place a record's text is bounded (domain/BoundedText.h).
    if (!checkText(text, QString(key), pathOf(key), m_errors))
        return std::nullopt;
    return text;
}

std::optional<bool> JsonReader::boolean(QLatin1StringView key, Presence p) {
    const auto v = take(key, p);
    if (!v || !expect(v->isBool(), key, QT_TR_NOOP("true or false")))
        return std::nullopt;
    return v->toBool();
}

std::optional<double> JsonReader::number(QLatin1StringView key, Presence p) {
    const auto v = take(key, p);
    if (!v || !expect(v->isDouble() && std::isfinite(v->toDouble()), key, QT_TR_NOOP("a number")))
        return std::nullopt;
    return v->toDouble();
}

std::optional<qint64> JsonReader::integer(QLatin1StringView key, qint64 min, qint64 max,
                                          Presence p) {
    const auto v = take(key, p);
    if (!v)
        return std::nullopt;
    const double d = v->toDouble();
    if (!expect(v->isDouble() && std::isfinite(d) && std::trunc(d) == d, key,
                QT_TR_NOOP("a whole number")))
        return std::nullopt;
    if (d < double(min) || d > double(max)) {
        fail(ErrorCode::OutOfRange, key, tr("must be from %1 to %2").arg(min).arg(max));
        return std::nullopt;
    }
    return qint64(d);
}

std::optional<ObjectId> JsonReader::id(QLatin1StringView key, Presence p) {
    const auto text = string(key, p);
    if (!text)
        return std::nullopt;
    auto parsed = ObjectId::fromString(*text);
    if (!parsed)
        fail(ErrorCode::InvalidId, key, tr("\"%1\" is not a 24-hex-digit id").arg(text->left(40)));
    return parsed;
}

std::optional<Reference> JsonReader::reference(QLatin1StringView key, Presence p) {
    const auto v = take(key, p);
    if (!v)
        return std::nullopt;
    if (v->isString()) {
        auto parsed = ObjectId::fromString(v->toString());
        if (!parsed) {
            fail(ErrorCode::InvalidId, key,
                 tr("\"%1\" is not a 24-hex-digit id").arg(v->toString().left(40)));
            return std::nullopt;
        }
        return Reference{*parsed, {}};
    }
    if (v->isObject()) {
        const QJsonObject obj = v->toObject();
        const QJsonValue inner = obj.value(QLatin1StringView("_id"));
        auto parsed = ObjectId::fromString(inner.toString());
        if (!inner.isString() || !parsed) {
            m_errors.append(Error{ErrorCode::InvalidId, pathOf(key) + QStringLiteral("._id"),
                                  tr("a populated reference needs a 24-hex-digit _id")});
            return std::nullopt;
        }
        return Reference{*parsed, obj};
    }
    expect(false, key, QT_TR_NOOP("an id or an object with an _id"));
    return std::nullopt;
}

std::optional<QDateTime> JsonReader::time(QLatin1StringView key, Presence p) {
    const auto text = string(key, p);
    if (!text)
        return std::nullopt;
    QDateTime parsed = fromWireTime(*text);
    if (!parsed.isValid()) {
        fail(ErrorCode::InvalidTime, key,
             tr("\"%1\" is not an ISO 8601 time such as 2026-03-08T15:00:00.000Z")
                 .arg(text->left(40)));
        return std::nullopt;
    }
    return parsed;
}

std::optional<QString> JsonReader::dateAsWritten(QLatin1StringView key, Presence p) {
    const auto text = string(key, p);
    if (!text)
        return std::nullopt;
    if (!fromWireDate(*text).isValid()) {
        fail(ErrorCode::InvalidTime, key,
             tr("\"%1\" is not a date such as 2026-03-08 or an ISO 8601 time such as "
                "2026-03-08T15:00:00.000Z")
                 .arg(text->left(40)));
        return std::nullopt;
    }
    return text;
}

std::optional<QDateTime> JsonReader::date(QLatin1StringView key, Presence p) {
    const auto text = dateAsWritten(key, p);
    if (!text)
        return std::nullopt;
    return fromWireDate(*text);
}

std::optional<TimeOfDay> JsonReader::timeOfDay(QLatin1StringView key, Presence p) {
    const auto text = string(key, p);
    if (!text)
        return std::nullopt;
    auto parsed = TimeOfDay::fromString(*text);
    if (!parsed)
        fail(ErrorCode::InvalidTimeOfDay, key,
             tr("\"%1\" is not a 24-hour time such as 09:30").arg(text->left(40)));
    return parsed;
}

std::optional<QJsonObject> JsonReader::object(QLatin1StringView key, Presence p) {
    const auto v = take(key, p);
    if (!v || !expect(v->isObject(), key, QT_TR_NOOP("an object")))
        return std::nullopt;
    return v->toObject();
}

std::optional<QJsonArray> JsonReader::array(QLatin1StringView key, Presence p) {
    const auto v = take(key, p);
    if (!v || !expect(v->isArray(), key, QT_TR_NOOP("an array")))
        return std::nullopt;
    return v->toArray();
}

QJsonObject JsonReader::unknownFields() const {
    QJsonObject out;
    for (auto it = m_object.begin(); it != m_object.end(); ++it) {
        const QString key = it.key();
        const bool known = std::any_of(m_known.cbegin(), m_known.cend(),
                                       [&](QLatin1StringView k) { return k == key; });
        if (!known)
            out.insert(key, it.value());
    }
    return out;
}

void insertIf(QJsonObject& out, QLatin1StringView key, const std::optional<QString>& value) {
    if (value)
        out.insert(key, *value);
}

void insertIf(QJsonObject& out, QLatin1StringView key, const std::optional<QDateTime>& value) {
    if (value)
        out.insert(key, toWireTime(*value));
}

void insertIf(QJsonObject& out, QLatin1StringView key, const std::optional<ObjectId>& value) {
    if (value)
        out.insert(key, value->toString());
}

void insertIf(QJsonObject& out, QLatin1StringView key, const std::optional<Reference>& value,
              const EncodeOptions& options) {
    if (value)
        out.insert(key, encodeReference(*value, options));
}

void mergeUnknown(QJsonObject& out, const QJsonObject& extra) {
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        if (!out.contains(it.key()))
            out.insert(it.key(), it.value());
    }
}

} // namespace mss::domain
