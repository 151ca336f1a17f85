#pragma once

#include "domain/Appointment.h"
#include "domain/Enums.h"
#include "domain/ObjectId.h"
#include "domain/Roles.h"
#include "ui/CalendarActions.h"

#include <QCoreApplication>
#include <QString>

namespace mss::desktop {

// Whose appointments a role sees in full on this desk is decided with the
// server in one place (domain::detailsScope, domain::showsClientDetails):
// a clinician or an intern sees the client, type, notes and meeting link of
// their own appointments only; another provider's show as "Busy" and cannot
// be opened, moved or changed (the server sends them as busy blocks anyway).
// Supervisors, practice administrators, the front desk and billing see all.
using domain::DetailsScope;

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
    bool mayAddClients = false; // "+ New client" in the booking dialog
    bool maySeeSchedule = false;
    bool mayManageReminders = false; // the reminder settings dialog
    bool opensOnOwnSchedule = false; // clinicians start on their own column
    DetailsScope details = DetailsScope::None;

    // `grants`: what the practice allows beyond the table (the embedded
    // server's widerGrants setting; none from the MentalSpace server).
    static RolePermissions of(domain::StaffRole role, const domain::RoleGrants& grants = {});

    // Whether `me` may see the client, type, notes and link of `appointment`
    // and open it; when not, the calendars show it as "Busy".
    bool showsDetails(const domain::Appointment& appointment, const domain::ObjectId& me) const;

    // The role as the practice says it, in the user's language.
    static QString roleName(domain::StaffRole role);

    Q_DECLARE_TR_FUNCTIONS(RolePermissions)
};

} // namespace mss::desktop
