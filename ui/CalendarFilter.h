#pragma once

#include "domain/Appointment.h"

#include <optional>

namespace mss::ui {

// What the calendars leave out, the same in every view: cancelled (and
// rescheduled) appointments unless asked for, and, when a location is
// chosen, the appointments elsewhere.
struct CalendarFilter {
    bool showCancelled = false;
    std::optional<domain::Location> location; // nullopt: every location

    // Cancelled and rescheduled appointments hold no time: they step aside.
    static bool isReleased(const domain::Appointment& a) {
        return a.status == domain::AppointmentStatus::Cancelled ||
               a.status == domain::AppointmentStatus::Rescheduled;
    }
    bool shows(const domain::Appointment& a) const {
        if (!showCancelled && isReleased(a))
            return false;
        return !location || a.location == *location;
    }
    friend bool operator==(const CalendarFilter&, const CalendarFilter&) = default;
};

} // namespace mss::ui
