#pragma once

#include "domain/Appointment.h"
#include "domain/Enums.h"
#include "ui/CalendarActions.h"

namespace mss::desktop {

// What the signed-in staff member's role lets them do, as the desk shows
// it. The server enforces the same matrix (docs/roles.md); the desk only
// leaves out what would be refused, so nobody is offered an action that
// fails later.
struct RolePermissions {
    domain::StaffRole role = domain::StaffRole::Receptionist;
    ui::CalendarActions calendarActions;
    bool mayBook = false;
    bool mayOverrideConflicts = false; // "book anyway" over a collision
    bool mayEditAvailability = false;
    bool maySeeSchedule = false;
    bool opensOnOwnSchedule = false; // clinicians start on their own column

    static RolePermissions of(domain::StaffRole role);
};

} // namespace mss::desktop
