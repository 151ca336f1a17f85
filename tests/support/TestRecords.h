#pragma once

// Short ways to make records in tests: ids from small numbers, times from
// wire strings, availability from "HH:MM".
#include "base/WallClock.h"
#include "domain/Appointment.h"
#include "domain/ProviderAvailability.h"

#include <QString>

namespace mss::test {

inline domain::ObjectId id(int n) {
    return *domain::ObjectId::fromString(QStringLiteral("%1").arg(n, 24, 10, QLatin1Char('0')));
}

inline QDateTime utc(const char* wire) {
    return fromWireTime(QString::fromLatin1(wire));
}

inline domain::Appointment
appointment(int appointmentId, int provider, int client, const char* start, int minutes,
            domain::AppointmentStatus status = domain::AppointmentStatus::Scheduled,
            domain::AppointmentType type = domain::AppointmentType::IndividualTherapy) {
    domain::Appointment a;
    a.meta.id = id(appointmentId);
    a.provider.id = id(provider);
    a.client.id = id(client);
    a.startTime = utc(start);
    a.endTime = a.startTime.addSecs(qint64(minutes) * 60);
    a.duration = minutes;
    a.status = status;
    a.appointmentType = type;
    return a;
}

inline domain::ProviderAvailability
weekly(int provider, domain::DayOfWeek day, const char* from, const char* to,
       domain::AvailabilityLocation location = domain::AvailabilityLocation::Both) {
    domain::ProviderAvailability a;
    a.provider.id = id(provider);
    a.dayOfWeek = day;
    a.startTime = *domain::TimeOfDay::fromString(QString::fromLatin1(from));
    a.endTime = *domain::TimeOfDay::fromString(QString::fromLatin1(to));
    a.location = location;
    return a;
}

inline domain::ProviderAvailability oneOff(int provider, QDate first, QDate last, const char* from,
                                           const char* to, bool available) {
    domain::ProviderAvailability a = weekly(provider, domain::DayOfWeek::Monday, from, to);
    a.isRecurring = false;
    a.isAvailable = available;
    a.effectiveDate = calendarDateInstant(first);
    a.endDate = calendarDateInstant(last);
    return a;
}

} // namespace mss::test
