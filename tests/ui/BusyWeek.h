#pragma once

// A busy practice's week, shared by the GUI tests (that every appointment is
// shown) and bench_calendar (how long painting it takes): 30 providers with
// 40 appointments each from Monday 2026-03-09 (America/New_York), eight a
// weekday with overlaps every few slots, plus a lunch closure on Wednesday.
#include "TestRecords.h"
#include "ui/CalendarModel.h"

#include <QTimeZone>

namespace mss::test {

struct BusyWeek {
    static constexpr int providerCount = 30;
    static constexpr int perProvider = 40;

    static QTimeZone zone() { return QTimeZone("America/New_York"); }
    static QDate monday() { return {2026, 3, 9}; }

    static void fill(ui::CalendarModel& model) {
        using namespace domain;
        const QTimeZone tz = zone();
        model.setTimeZone(tz);
        QList<Staff> providers;
        QList<Client> clients;
        QList<Appointment> appointments;
        const AppointmentType types[] = {
            AppointmentType::IndividualTherapy, AppointmentType::FamilyTherapy,
            AppointmentType::MedicationManagement, AppointmentType::GroupTherapy};
        for (int p = 0; p < providerCount; ++p) {
            Staff s;
            s.meta.id = id(1 + p);
            s.firstName = QStringLiteral("Provider");
            s.lastName = QString::number(p + 1);
            providers << s;
            QList<ProviderAvailability> records;
            for (int d = 1; d <= 5; ++d)
                records << weekly(1 + p, static_cast<DayOfWeek>(d), "08:00", "18:00");
            records << oneOff(1 + p, monday().addDays(2), monday().addDays(2), "12:00", "13:00",
                              false);
            model.setAvailability(id(1 + p), records);
            for (int i = 0; i < perProvider; ++i) {
                const int n = 1000 + p * perProvider + i;
                Appointment a;
                a.meta.id = id(n);
                a.provider.id = id(1 + p);
                a.client.id = id(100000 + n);
                a.appointmentType = types[i % 4];
                a.status = static_cast<AppointmentStatus>(i % 5);
                a.duration = i % 7 == 3 ? 90 : 50;
                const int slot = i % 8;
                a.startTime =
                    wallClockToUtc(monday().addDays(i / 8), QTime(8 + slot, (i % 3) * 15), tz);
                a.endTime = a.startTime.addSecs(qint64(a.duration) * 60);
                appointments << a;
                Client c;
                c.meta.id = a.client.id;
                c.firstName = QStringLiteral("Client");
                c.lastName = QString::number(n);
                clients << c;
            }
        }
        model.setProviders(providers);
        model.setClients(clients);
        model.setAppointments(appointments);
    }

    // Years of history for the same 30 providers: 100,000 appointments of
    // 50 minutes from 2018-01-01, as the cache hands them over at start.
    static QList<domain::Appointment> history() {
        QList<domain::Appointment> out;
        out.reserve(100'000);
        const QDateTime first = wallClockToUtc(QDate(2018, 1, 1), QTime(8, 0), zone());
        for (int i = 0; i < 100'000; ++i) {
            domain::Appointment a;
            a.meta.id = id(500'000 + i);
            a.provider.id = id(1 + i % providerCount);
            a.client.id = id(100'000 + i % 3000);
            a.startTime = first.addSecs(qint64(i / providerCount) * 3 * 3600);
            a.endTime = a.startTime.addSecs(50 * 60);
            a.duration = 50;
            out << a;
        }
        return out;
    }
};

} // namespace mss::test
