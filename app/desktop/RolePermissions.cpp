#include "RolePermissions.h"

#include "domain/Roles.h"

namespace mss::desktop {

using domain::Permission;
using domain::StaffRole;

RolePermissions RolePermissions::of(StaffRole role, const domain::RoleGrants& grants) {
    // The same table the server enforces (domain/Roles.h, docs/roles.md).
    const auto allows = [&](Permission permission) {
        return domain::allows(role, permission, grants);
    };
    RolePermissions p;
    p.role = role;
    p.maySeeSchedule = allows(Permission::ReadSchedule);
    p.mayBook = p.maySeeSchedule && allows(Permission::WriteAppointments);
    p.mayOverrideConflicts = allows(Permission::OverrideConflicts);
    p.mayEditAvailability = allows(Permission::WriteAvailability);
    p.mayAddClients = allows(Permission::WriteClients);
    p.mayManageReminders = allows(Permission::ManageReminders);
    p.opensOnOwnSchedule = domain::worksOnOwnSchedule(role);
    // WriteAppointments covers every change to an appointment but one;
    // without it the calendars are read-only. Completing is its own
    // permission (the MentalSpace server lets only clinicians, interns and
    // administrators do it).
    p.calendarActions = p.mayBook ? ui::allCalendarActions : ui::CalendarActions();
    if (!allows(Permission::CompleteAppointments))
        p.calendarActions &= ~ui::CalendarActions(ui::CalendarAction::Complete);
    // The same rule the server applies to what it sends (domain/Roles.h).
    p.details = domain::detailsScope(role);
    return p;
}

bool RolePermissions::showsDetails(const domain::Appointment& appointment,
                                   const domain::ObjectId& me) const {
    return domain::showsClientDetails(details, me, appointment);
}

QString RolePermissions::roleName(StaffRole role) {
    switch (role) {
    case StaffRole::PracticeAdmin:
        return tr("practice administrator");
    case StaffRole::Clinician:
        return tr("clinician");
    case StaffRole::Supervisor:
        return tr("supervisor");
    case StaffRole::Intern:
        return tr("intern");
    case StaffRole::Billing:
        return tr("billing");
    case StaffRole::Receptionist:
        return tr("front desk");
    case StaffRole::Support:
        return tr("support");
    case StaffRole::SystemAdmin:
        return tr("system administrator");
    }
    return {};
}

} // namespace mss::desktop
