#pragma once

#include "domain/Enums.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <array>
#include <expected>
#include <optional>

namespace mss::domain {

// What a route or a field needs. The matrix of roles x permissions lives in
// one table (Roles.cpp) and is written out in docs/roles.md; a test checks
// that the two agree and walks every route x role over HTTP.
enum class Permission : int {
    SignedIn = 0,          // any active staff member: me, logout
    ReadSchedule = 1,      // appointments, availability, series, open slots
    WriteAppointments = 2, // create, update, cancel, no-show, confirm; series
    DeleteAppointments = 3,
    OverrideConflicts = 4, // allowOverlap: true
    WriteAvailability = 5, // create, update, delete availability
    ReadClients = 6,
    WriteClients = 7,
    ReadStaff = 8,
    WriteStaff = 9,
    SeeMeetingSecrets = 10, // virtualMeetingLink / virtualMeetingPassword in answers
    ReadAuditLog = 11,
    ReadSettings = 12,
    WriteSettings = 13,
    SyncChanges = 14,          // the change feed: carries schedule and client records
    ManageReminders = 15,      // reminder settings, test sends, failed reminders
    CompleteAppointments = 16, // mark an appointment Completed
};

inline constexpr int permissionCount = 17;

// Grants a practice adds to the table: its `widerGrants` setting. Only
// where the table is the MentalSpace server's floor (WriteAvailability,
// CompleteAppointments), and only to roles that already write the
// schedule (WriteAppointments); everything else stays as the table says.
// docs/roles.md, "Wider grants". None by default.
class RoleGrants {
public:
    static bool isWidenable(Permission permission);
    // {"WriteAvailability": ["RECEPTIONIST"], "CompleteAppointments": []};
    // the error says which entry cannot be granted.
    static std::expected<RoleGrants, QString> fromJson(const QJsonValue& value);
    QJsonObject toJson() const;

    bool grants(StaffRole role, Permission permission) const;
    bool isEmpty() const;

private:
    std::array<unsigned, permissionCount> m_roles{};
};

bool allows(StaffRole role, Permission permission);
// The table and the practice's wider grants.
bool allows(StaffRole role, Permission permission, const RoleGrants& grants);
// "ReadSchedule", as docs/roles.md names it.
QString permissionName(Permission permission);
std::optional<Permission> permissionNamed(const QString& name);
QList<Permission> allPermissions();
QList<StaffRole> allRoles();

} // namespace mss::domain
