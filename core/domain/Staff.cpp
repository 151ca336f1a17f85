#include "domain/Staff.h"

#include <QCoreApplication>

namespace mss::domain {

using namespace Qt::StringLiterals;

namespace {

// Names are required; surrounding blanks are dropped.
QString readName(JsonReader& r, QLatin1StringView key) {
    return r.string(key, JsonReader::Required).value_or(QString{}).trimmed();
}

void requireNonBlank(JsonReader& r, const QJsonObject& json, QLatin1StringView key,
                     const QString& value) {
    if (value.isEmpty() && json.value(key).isString())
        r.fail(ErrorCode::Required, key,
               QCoreApplication::translate("Validation", "must not be blank"));
}

} // namespace

Checked<Staff> Staff::fromJson(const QJsonObject& json, DecodeMode mode) {
    Errors errors;
    JsonReader r(json, errors);
    Staff s;
    s.meta = readMeta(r);
    s.firstName = readName(r, "firstName"_L1);
    s.lastName = readName(r, "lastName"_L1);
    s.email = r.string("email"_L1, JsonReader::Required).value_or(QString{}).trimmed();
    s.phone = r.string("phone"_L1);
    s.role =
        r.enumeration<StaffRole>("role"_L1, JsonReader::Required).value_or(StaffRole::Clinician);
    s.isActive = r.boolean("isActive"_L1).value_or(true);
    finishMeta(s.meta, r);
    if (mode == DecodeMode::Validate) {
        requireNonBlank(r, json, "firstName"_L1, s.firstName);
        requireNonBlank(r, json, "lastName"_L1, s.lastName);
        if (json.value("email"_L1).isString() && !s.email.contains(u'@'))
            r.fail(ErrorCode::UnknownValue, "email"_L1,
                   QCoreApplication::translate("Validation", "is not an email address"));
    }
    if (!errors.isEmpty())
        return std::unexpected(errors);
    return s;
}

QJsonObject Staff::toJson(const EncodeOptions& options) const {
    QJsonObject out{{"firstName"_L1, firstName},
                    {"lastName"_L1, lastName},
                    {"email"_L1, email},
                    {"role"_L1, toWire(role)},
                    {"isActive"_L1, isActive}};
    insertIf(out, "phone"_L1, phone);
    writeMeta(out, meta, options);
    return out;
}

Checked<Client> Client::fromJson(const QJsonObject& json, DecodeMode mode) {
    Errors errors;
    JsonReader r(json, errors);
    Client c;
    c.meta = readMeta(r);
    c.firstName = readName(r, "firstName"_L1);
    c.lastName = readName(r, "lastName"_L1);
    c.email = r.string("email"_L1);
    c.phone = r.string("phone"_L1);
    c.dateOfBirth = r.dateAsWritten("dateOfBirth"_L1);
    c.status = r.string("status"_L1);
    c.assignedProvider = r.reference("assignedProvider"_L1);
    c.preferredLanguage = r.string("preferredLanguage"_L1);
    c.waitlistOffersOptOut = r.boolean("waitlistOffersOptOut"_L1);
    finishMeta(c.meta, r);
    if (mode == DecodeMode::Validate) {
        requireNonBlank(r, json, "firstName"_L1, c.firstName);
        requireNonBlank(r, json, "lastName"_L1, c.lastName);
        if (c.preferredLanguage && *c.preferredLanguage != "en"_L1 &&
            *c.preferredLanguage != "es"_L1)
            r.fail(ErrorCode::UnknownValue, "preferredLanguage"_L1,
                   QCoreApplication::translate("Validation", "must be en or es"));
    }
    if (!errors.isEmpty())
        return std::unexpected(errors);
    return c;
}

QJsonObject Client::toJson(const EncodeOptions& options) const {
    QJsonObject out{{"firstName"_L1, firstName}, {"lastName"_L1, lastName}};
    insertIf(out, "email"_L1, email);
    insertIf(out, "phone"_L1, phone);
    insertIf(out, "dateOfBirth"_L1, dateOfBirth);
    insertIf(out, "status"_L1, status);
    insertIf(out, "assignedProvider"_L1, assignedProvider, options);
    insertIf(out, "preferredLanguage"_L1, preferredLanguage);
    if (waitlistOffersOptOut)
        out.insert("waitlistOffersOptOut"_L1, *waitlistOffersOptOut);
    writeMeta(out, meta, options);
    return out;
}

} // namespace mss::domain
