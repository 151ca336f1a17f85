#pragma once

#include "domain/Enums.h"

#include <QList>
#include <QString>

namespace mss::domain {

// What a route or a field needs. The matrix of roles x permissions lives in
// one table (Roles.cpp) and is written out in docs/roles.md; a test checks
// that the two agree and walks every route x role over HTTP.
enum class Permission : int {
    SignedIn = 0,          // any active staff member: me, logout
    ReadSchedule = 1,      // appointments, availability, series, open slots
    WriteAppointments = 2, // create, update, cancel, complete; series
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
    SyncChanges = 14,     // the change feed: carries schedule and client records
    ManageReminders = 15, // reminder settings, test sends, failed reminders
};

inline constexpr int permissionCount = 16;

bool allows(StaffRole role, Permission permission);
// "ReadSchedule", as docs/roles.md names it.
QString permissionName(Permission permission);
QList<Permission> allPermissions();
QList<StaffRole> allRoles();

} // namespace mss::domain
