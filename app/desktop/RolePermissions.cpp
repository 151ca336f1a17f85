#include "RolePermissions.h"

#include "domain/Roles.h"

namespace mss::desktop {

using domain::Permission;
using domain::StaffRole;

RolePermissions RolePermissions::of(StaffRole role) {
    // The same table the server enforces (domain/Roles.h, docs/roles.md).
    RolePermissions p;
    p.role = role;
    p.maySeeSchedule = domain::allows(role, Permission::ReadSchedule);
    p.mayBook = p.maySeeSchedule && domain::allows(role, Permission::WriteAppointments);
    p.mayOverrideConflicts = domain::allows(role, Permission::OverrideConflicts);
    p.mayEditAvailability = domain::allows(role, Permission::WriteAvailability);
    p.opensOnOwnSchedule = role == StaffRole::Clinician || role == StaffRole::Intern;
    // WriteAppointments covers every change to an appointment; without it
    // the calendars are read-only.
    p.calendarActions = p.mayBook ? ui::allCalendarActions : ui::CalendarActions();
    return p;
}

} // namespace mss::desktop
