#pragma once

#include "base/Error.h"
#include "domain/Appointment.h"
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
    // the error says which entry cannot be granted, its field the entry's
    // path inside the value ("WriteAvailability[0]").
    static Result<RoleGrants> fromJson(const QJsonValue& value);
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

// Minimum necessary (HIPAA): whose appointments a role sees in full. The
// schedule itself is shared (everyone who reads it sees every
// appointment's time, provider and status, so nobody double-books); what a
// client came for is not. A CLINICIAN or an INTERN sees the client, type,
// notes and meeting link of their own appointments and series only
// (provider == the member); everyone else's reach them as busy blocks.
// Supervisors, practice administrators, the front desk and billing see
// all; roles without ReadSchedule or ReadClients see none. The server
// applies this to every answer and the desk to what it shows: this is the
// one place it is decided (docs/roles.md, "Minimum necessary").
enum class DetailsScope : int {
    None = 0,    // no client details anywhere
    OwnOnly = 1, // only on the member's own appointments
    All = 2,
};

DetailsScope detailsScope(StaffRole role);
// Whether the member `me` (a staff id) sees the client details of an
// appointment or series whose provider is `provider`.
bool showsClientDetails(DetailsScope scope, const QString& me, const QString& provider);
// The same for an appointment record (the desk's calendars, day sheet and
// search); `me` null when nobody is signed in.
bool showsClientDetails(DetailsScope scope, const ObjectId& me, const Appointment& appointment);
// Whether the role's own appointments are what it mostly works with, so its
// calendars open on the member's own schedule (the roles that see their own
// only).
bool worksOnOwnSchedule(StaffRole role);

// What a busy block keeps of a schedule record: `_id`, `version`,
// `provider`, the times and `status` (and a series' pattern), nothing that
// names the client or says why they come.
enum class ScheduleRecord : int { Appointment = 0, Series = 1 };
bool isBusyBlockField(ScheduleRecord record, const QString& field);
QJsonObject busyBlock(ScheduleRecord record, const QJsonObject& doc);

} // namespace mss::domain
