#include "RolePermissions.h"

namespace mss::desktop {

using domain::StaffRole;
using ui::CalendarAction;

RolePermissions RolePermissions::of(StaffRole role) {
    RolePermissions p;
    p.role = role;
    p.maySeeSchedule = role != StaffRole::Support && role != StaffRole::SystemAdmin;
    p.mayBook = p.maySeeSchedule && role != StaffRole::Billing;
    p.mayOverrideConflicts = role == StaffRole::PracticeAdmin || role == StaffRole::Supervisor;
    p.mayEditAvailability = role == StaffRole::PracticeAdmin || role == StaffRole::Clinician ||
                            role == StaffRole::Supervisor || role == StaffRole::Receptionist;
    p.opensOnOwnSchedule = role == StaffRole::Clinician || role == StaffRole::Intern;
    // WriteAppointments covers every change to an appointment; without it
    // the calendars are read-only.
    p.calendarActions = p.mayBook ? ui::allCalendarActions : ui::CalendarActions();
    return p;
}

} // namespace mss::desktop
