#pragma once

// A small practice in America/New_York for the GUI tests and screenshots:
// four providers, a dozen clients, a week of appointments around Tuesday
// 10 March 2026 (the week clocks went forward) with every status, type and
// an overlap, weekly availability, a blocked lunch meeting and a day off.
#include "base/WallClock.h"
#include "domain/Staff.h"
#include "TestRecords.h"
#include "ui/CalendarModel.h"

#include <QList>

namespace mss::test::demo {

using namespace mss::domain;

inline const QTimeZone& zone() {
    static const QTimeZone z("America/New_York");
    return z;
}

inline QDate today() {
    return {2026, 3, 10}; // a Tuesday
}

// 14:20 local on today().
inline QDateTime now() {
    return wallClockToUtc(today(), QTime(14, 20), zone());
}

inline QDateTime at(QDate day, int hour, int minute = 0) {
    return wallClockToUtc(day, QTime(hour, minute), zone());
}

inline Staff provider(int n, const char* first, const char* last) {
    Staff s;
    s.meta.id = id(n);
    s.firstName = QString::fromUtf8(first);
    s.lastName = QString::fromUtf8(last);
    s.email = QStringLiteral("provider%1@example.org").arg(n);
    s.role = StaffRole::Clinician;
    return s;
}

inline QList<Staff> providers() {
    return {provider(1, "Maya", "Chen"), provider(2, "James", "Okafor"),
            provider(3, "Sarah", "Lindqvist"), provider(4, "Priya", "Raman")};
}

inline QList<Client> clients() {
    const char* names[][2] = {
        {"Ada", "Lovelace"},    {"Grace", "Hopper"},      {"Alan", "Turing"},
        {"Edsger", "Dijkstra"}, {"Barbara", "Liskov"},    {"Donald", "Knuth"},
        {"Frances", "Allen"},   {"Ken", "Thompson"},      {"Radia", "Perlman"},
        {"Tim", "Berners-Lee"}, {"Margaret", "Hamilton"}, {"Alan", "Turing"}};
    QList<Client> out;
    int n = 101;
    for (const auto& [first, last] : names) {
        Client c;
        c.meta.id = id(n);
        c.firstName = QString::fromUtf8(first);
        c.lastName = QString::fromUtf8(last);
        c.email = QStringLiteral("client%1@example.org").arg(n);
        out << c;
        ++n;
    }
    return out;
}

inline Appointment visit(int n, int providerId, int clientId, QDate day, int hour, int minute,
                         AppointmentType type,
                         AppointmentStatus status = AppointmentStatus::Scheduled, int minutes = 0) {
    Appointment a;
    a.meta.id = id(n);
    a.provider.id = id(providerId);
    a.client.id = id(clientId);
    a.appointmentType = type;
    a.duration = minutes > 0 ? minutes : 50;
    if (minutes == 0) {
        switch (type) {
        case AppointmentType::InitialAssessment:
        case AppointmentType::CouplesTherapy:
        case AppointmentType::FamilyTherapy:
            a.duration = 60;
            break;
        case AppointmentType::GroupTherapy:
            a.duration = 90;
            break;
        case AppointmentType::MedicationManagement:
        case AppointmentType::Consultation:
            a.duration = 30;
            break;
        default:
            break;
        }
    }
    a.startTime = at(day, hour, minute);
    a.endTime = a.startTime.addSecs(qint64(a.duration) * 60);
    a.status = status;
    if (status == AppointmentStatus::Confirmed)
        a.confirmationStatus = ConfirmationStatus::Confirmed;
    return a;
}

inline QList<Appointment> appointments() {
    using T = AppointmentType;
    using S = AppointmentStatus;
    const QDate d = today();
    QList<Appointment> out{
        visit(1, 1, 101, d, 9, 0, T::InitialAssessment, S::Confirmed),
        visit(2, 1, 102, d, 10, 0, T::IndividualTherapy, S::Completed),
        visit(3, 1, 103, d, 11, 0, T::IndividualTherapy, S::Cancelled),
        visit(4, 1, 104, d, 11, 0, T::CouplesTherapy, S::Scheduled),
        visit(5, 1, 105, d, 13, 30, T::MedicationManagement, S::NoShow),
        visit(6, 1, 106, d, 15, 0, T::IndividualTherapy, S::Scheduled),
        visit(7, 2, 107, d, 12, 0, T::FamilyTherapy, S::Confirmed),
        visit(8, 2, 108, d, 14, 0, T::GroupTherapy, S::Scheduled),
        visit(9, 2, 109, d, 16, 0, T::Consultation, S::Scheduled),
        visit(10, 3, 110, d, 9, 30, T::IndividualTherapy, S::Confirmed),
        visit(11, 3, 111, d, 10, 30, T::IndividualTherapy, S::Scheduled),
        visit(12, 3, 112, d, 14, 0, T::Other, S::Scheduled),
        visit(13, 4, 101, d, 16, 30, T::MedicationManagement, S::Confirmed),
    };
    out[10].location = Location::Virtual;
    out[10].confirmationStatus = ConfirmationStatus::Sent;
    // The rest of Maya Chen's week.
    const int days[] = {-1, 1, 2, 3};
    int n = 20;
    for (const int offset : days) {
        const QDate day = d.addDays(offset);
        const int c = 101 + (n % 12);
        out << visit(n, 1, c, day, 9, 0, T::IndividualTherapy, S::Confirmed)
            << visit(n + 1, 1, 101 + (c + 1) % 12, day, 10, 0, T::IndividualTherapy)
            << visit(n + 2, 1, 101 + (c + 2) % 12, day, 13, 0, T::FamilyTherapy)
            << visit(n + 3, 1, 101 + (c + 3) % 12, day, 15, 30, T::Consultation);
        n += 4;
    }
    out << visit(n, 1, 104, d.addDays(1), 10, 30, T::MedicationManagement, S::Scheduled);
    return out;
}

inline QList<ProviderAvailability> availability(int providerId) {
    QList<ProviderAvailability> out;
    const DayOfWeek weekdays[] = {DayOfWeek::Monday, DayOfWeek::Tuesday, DayOfWeek::Wednesday,
                                  DayOfWeek::Thursday, DayOfWeek::Friday};
    for (const DayOfWeek day : weekdays) {
        if (providerId == 2 && (day == DayOfWeek::Tuesday || day == DayOfWeek::Thursday))
            out << weekly(providerId, day, "11:00", "19:00");
        else
            out << weekly(providerId, day, "08:30", "17:00");
    }
    if (providerId == 1)
        out << oneOff(1, today(), today(), "12:00", "13:00", false); // team meeting
    if (providerId == 4)
        out << oneOff(4, today().addDays(3), today().addDays(3), "00:00", "24:00", false);
    return out;
}

inline void fill(ui::CalendarModel& model) {
    model.setTimeZone(zone());
    model.setProviders(providers());
    model.setClients(clients());
    for (int p = 1; p <= 4; ++p)
        model.setAvailability(id(p), availability(p));
    model.setAppointments(appointments());
}

} // namespace mss::test::demo
