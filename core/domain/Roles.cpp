#include "domain/Roles.h"

#include <array>

namespace mss::domain {

using namespace Qt::StringLiterals;

namespace {

constexpr unsigned bit(StaffRole role) {
    return 1u << static_cast<int>(role);
}

constexpr unsigned Admin = bit(StaffRole::PracticeAdmin);
constexpr unsigned Clinician = bit(StaffRole::Clinician);
constexpr unsigned Supervisor = bit(StaffRole::Supervisor);
constexpr unsigned Intern = bit(StaffRole::Intern);
constexpr unsigned Billing = bit(StaffRole::Billing);
constexpr unsigned Reception = bit(StaffRole::Receptionist);
constexpr unsigned Support = bit(StaffRole::Support);
constexpr unsigned SysAdmin = bit(StaffRole::SystemAdmin);

constexpr unsigned Everyone =
    Admin | Clinician | Supervisor | Intern | Billing | Reception | Support | SysAdmin;
// Everyone whose work needs clients' schedules (minimum necessary: support
// staff and system administrators see none).
constexpr unsigned CareTeam = Admin | Clinician | Supervisor | Intern | Billing | Reception;

struct Grant {
    Permission permission;
    unsigned roles;
};

// THE role table. Change it together with docs/roles.md.
constexpr std::array<Grant, permissionCount> table{{
    {Permission::SignedIn, Everyone},
    {Permission::ReadSchedule, CareTeam},
    {Permission::WriteAppointments, Admin | Clinician | Supervisor | Intern | Reception},
    {Permission::DeleteAppointments, Admin},
    {Permission::OverrideConflicts, Admin | Supervisor},
    {Permission::WriteAvailability, Admin | Clinician | Supervisor | Reception},
    {Permission::ReadClients, CareTeam},
    {Permission::WriteClients, Admin | Clinician | Supervisor | Reception},
    {Permission::ReadStaff, Everyone},
    {Permission::WriteStaff, Admin | SysAdmin},
    {Permission::SeeMeetingSecrets, Admin | Clinician | Supervisor | Intern | Reception},
    {Permission::ReadAuditLog, Admin | SysAdmin},
    {Permission::ReadSettings, Everyone},
    {Permission::WriteSettings, Admin | SysAdmin},
    {Permission::SyncChanges, CareTeam},
    {Permission::ManageReminders, Admin},
}};

static_assert(
    [] {
        for (size_t i = 0; i < table.size(); ++i) {
            if (static_cast<size_t>(table[i].permission) != i)
                return false;
        }
        return true;
    }(),
    "the role table is in Permission order");

} // namespace

bool allows(StaffRole role, Permission permission) {
    const auto i = static_cast<size_t>(permission);
    return i < table.size() && (table[i].roles & bit(role)) != 0;
}

QString permissionName(Permission permission) {
    switch (permission) {
    case Permission::SignedIn:
        return u"SignedIn"_s;
    case Permission::ReadSchedule:
        return u"ReadSchedule"_s;
    case Permission::WriteAppointments:
        return u"WriteAppointments"_s;
    case Permission::DeleteAppointments:
        return u"DeleteAppointments"_s;
    case Permission::OverrideConflicts:
        return u"OverrideConflicts"_s;
    case Permission::WriteAvailability:
        return u"WriteAvailability"_s;
    case Permission::ReadClients:
        return u"ReadClients"_s;
    case Permission::WriteClients:
        return u"WriteClients"_s;
    case Permission::ReadStaff:
        return u"ReadStaff"_s;
    case Permission::WriteStaff:
        return u"WriteStaff"_s;
    case Permission::SeeMeetingSecrets:
        return u"SeeMeetingSecrets"_s;
    case Permission::ReadAuditLog:
        return u"ReadAuditLog"_s;
    case Permission::ReadSettings:
        return u"ReadSettings"_s;
    case Permission::WriteSettings:
        return u"WriteSettings"_s;
    case Permission::SyncChanges:
        return u"SyncChanges"_s;
    case Permission::ManageReminders:
        return u"ManageReminders"_s;
    }
    return {};
}

QList<Permission> allPermissions() {
    QList<Permission> out;
    for (const Grant& g : table)
        out.append(g.permission);
    return out;
}

QList<StaffRole> allRoles() {
    QList<StaffRole> out;
    for (int r = 0; r <= static_cast<int>(StaffRole::SystemAdmin); ++r)
        out.append(StaffRole(r));
    return out;
}

} // namespace mss::domain
