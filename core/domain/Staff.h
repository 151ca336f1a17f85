#pragma once

#include "base/Error.h"
#include "domain/Enums.h"
#include "domain/Record.h"

namespace mss::domain {

// A member of the practice's staff: providers are staff with a clinical role.
struct Staff {
    RecordMeta meta;
    QString firstName;
    QString lastName;
    QString email;
    std::optional<QString> phone;
    StaffRole role = StaffRole::Clinician;
    bool isActive = true;

    const ObjectId& id() const { return meta.id; }
    QString displayName() const { return firstName + QLatin1Char(' ') + lastName; }

    static Checked<Staff> fromJson(const QJsonObject& json, DecodeMode mode = DecodeMode::Validate);
    QJsonObject toJson(const EncodeOptions& options = {}) const;

    friend bool operator==(const Staff&, const Staff&) = default;
};

// A client of the practice: a person being seen.
struct Client {
    RecordMeta meta;
    QString firstName;
    QString lastName;
    std::optional<QString> email;
    std::optional<QString> phone;
    // A calendar date (base/CalendarDate.h), kept as the client sent it:
    // "1985-07-14" or an instant; answered unchanged.
    std::optional<QString> dateOfBirth;
    std::optional<QString> status; // the EHR's own client states, kept as written
    std::optional<Reference> assignedProvider;
    // Extensions of this project: the language of the messages the client
    // gets ("en" or "es"), and a client who asked not to be offered freed
    // times from the waitlist (docs/waitlist.md, "The offer").
    std::optional<QString> preferredLanguage;
    std::optional<bool> waitlistOffersOptOut;

    const ObjectId& id() const { return meta.id; }
    QString displayName() const { return firstName + QLatin1Char(' ') + lastName; }

    static Checked<Client> fromJson(const QJsonObject& json,
                                    DecodeMode mode = DecodeMode::Validate);
    QJsonObject toJson(const EncodeOptions& options = {}) const;

    friend bool operator==(const Client&, const Client&) = default;
};

} // namespace mss::domain
