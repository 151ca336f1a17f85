#pragma once

// What the benchmarks' seed programs share: a practice written straight to
// storage (the API would take an hour for a million appointments), with
// staff, clients, weekday hours and 50-minute sessions. Each returns false
// or an empty value when storage refuses, and the program exits with 2.
#include "base/WallClock.h"
#include "domain/Appointment.h"
#include "server/Practice.h"

#include <QFile>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace mss::bench {

using namespace Qt::StringLiterals;

// The password the seed gives its logins, from standard input.
inline QByteArray passwordFromStdin() {
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    return in.readAll().trimmed();
}

// A staff member; `password` empty for one who never signs in.
inline std::optional<domain::Staff> addStaff(server::Practice& practice, const QString& first,
                                             const QString& last, const QString& email,
                                             domain::StaffRole role,
                                             const QByteArray& password = {}) {
    domain::Staff s;
    s.firstName = first;
    s.lastName = last;
    s.email = email;
    s.role = role;
    if (!practice.addStaff(s, password))
        return std::nullopt;
    return s;
}

// `count` clients named "Client <n>"; their ids.
inline QStringList addClients(server::Practice& practice, const domain::Staff& by, int count) {
    QStringList ids;
    for (int i = 0; i < count; ++i) {
        QJsonObject doc{{"firstName"_L1, u"Client"_s}, {"lastName"_L1, QString::number(i)}};
        practice.stamp(doc, by.id().toString(), 0);
        if (!practice.records().put(storage::RecordKind::Client, doc))
            return {};
        ids << doc.value("_id"_L1).toString();
    }
    return ids;
}

// Monday to Friday, 08:00 to 19:00, at every location.
inline bool addWeekdayHours(server::Practice& practice, const domain::Staff& by,
                            const domain::ObjectId& provider) {
    for (const char* day : {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}) {
        QJsonObject doc{{"provider"_L1, provider.toString()},
                        {"dayOfWeek"_L1, QString::fromLatin1(day)},
                        {"startTime"_L1, u"08:00"_s},
                        {"endTime"_L1, u"19:00"_s},
                        {"isAvailable"_L1, true},
                        {"isRecurring"_L1, true},
                        {"location"_L1, u"Both"_s}};
        practice.stamp(doc, by.id().toString(), 0);
        if (!practice.records().put(storage::RecordKind::ProviderAvailability, doc))
            return false;
    }
    return true;
}

// The eight session hours of a seeded weekday.
inline constexpr int sessionHours[] = {9, 10, 11, 12, 14, 15, 16, 17};

// A 50-minute session stored as the server stores one.
inline bool addSession(server::Practice& practice, const domain::Staff& by, domain::Appointment a) {
    a.endTime = a.startTime.addSecs(50 * 60);
    a.duration = 50;
    QJsonObject doc = a.toJson({domain::ReferenceForm::IdsOnly});
    practice.stamp(doc, by.id().toString(), 0);
    return practice.records().put(storage::RecordKind::Appointment, doc).has_value();
}

} // namespace mss::bench
