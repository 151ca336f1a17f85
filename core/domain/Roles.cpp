#include "domain/Roles.h"

#include <QJsonArray>

#include <algorithm>
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

// THE role table. Change it together with docs/roles.md. Never looser than
// the MentalSpace server on a route the two share: it lets only
// PRACTICE_ADMIN and CLINICIAN write availability, and only those two and
// INTERN complete an appointment (a practice may widen those: RoleGrants).
constexpr std::array<Grant, permissionCount> table{{
    {Permission::SignedIn, Everyone},
    {Permission::ReadSchedule, CareTeam},
    {Permission::WriteAppointments, Admin | Clinician | Supervisor | Intern | Reception},
    {Permission::DeleteAppointments, Admin},
    {Permission::OverrideConflicts, Admin | Supervisor},
    {Permission::WriteAvailability, Admin | Clinician},
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
    {Permission::CompleteAppointments, Admin | Clinician | Intern},
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
    case Permission::CompleteAppointments:
        return u"CompleteAppointments"_s;
    }
    return {};
}

std::optional<Permission> permissionNamed(const QString& name) {
    for (const Grant& g : table) {
        if (permissionName(g.permission) == name)
            return g.permission;
    }
    return std::nullopt;
}

bool allows(StaffRole role, Permission permission, const RoleGrants& grants) {
    return allows(role, permission) || grants.grants(role, permission);
}

bool RoleGrants::isWidenable(Permission permission) {
    return permission == Permission::WriteAvailability ||
           permission == Permission::CompleteAppointments;
}

Result<RoleGrants> RoleGrants::fromJson(const QJsonValue& value) {
    RoleGrants out;
    if (value.isUndefined() || value.isNull())
        return out;
    const auto refuse = [](ErrorCode code, const QString& field, const QString& why) {
        return std::unexpected(Error{code, field, why});
    };
    if (!value.isObject())
        return refuse(ErrorCode::WrongType, {},
                      u"must be an object such as {\"WriteAvailability\": [\"RECEPTIONIST\"]}"_s);
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const auto permission = permissionNamed(it.key());
        if (!permission || !isWidenable(*permission))
            return refuse(ErrorCode::UnknownValue, it.key(),
                          u"%1 cannot be widened; only WriteAvailability and "
                          "CompleteAppointments"_s.arg(it.key()));
        if (!it.value().isArray())
            return refuse(ErrorCode::WrongType, it.key(),
                          u"%1 must be a list of roles"_s.arg(it.key()));
        const QJsonArray roles = it.value().toArray();
        for (qsizetype i = 0; i < roles.size(); ++i) {
            const QString name = roles.at(i).toString();
            const QString field = u"%1[%2]"_s.arg(it.key()).arg(i);
            const auto role = fromWire<StaffRole>(name);
            if (!role)
                return refuse(ErrorCode::UnknownValue, field, u"%1 is not a role"_s.arg(name));
            // Only the roles that write the schedule may be given more of it.
            if (!allows(*role, Permission::WriteAppointments))
                return refuse(ErrorCode::UnknownValue, field,
                              u"%1 cannot be given %2: the role does not write the schedule"_s.arg(
                                  name, it.key()));
            out.m_roles[static_cast<size_t>(*permission)] |= bit(*role);
        }
    }
    return out;
}

QJsonObject RoleGrants::toJson() const {
    QJsonObject out;
    for (Permission p : {Permission::WriteAvailability, Permission::CompleteAppointments}) {
        QJsonArray roles;
        for (StaffRole role : allRoles()) {
            if (grants(role, p) && !allows(role, p))
                roles.append(toWire(role));
        }
        out.insert(permissionName(p), roles);
    }
    return out;
}

bool RoleGrants::grants(StaffRole role, Permission permission) const {
    const auto i = static_cast<size_t>(permission);
    return i < m_roles.size() && (m_roles[i] & bit(role)) != 0;
}

bool RoleGrants::isEmpty() const {
    return std::ranges::all_of(m_roles, [](unsigned r) { return r == 0; });
}

QList<Permission> allPermissions() {
    QList<Permission> out;
    for (const Grant& g : table)
        out.append(g.permission);
    return out;
}

DetailsScope detailsScope(StaffRole role) {
    if (!allows(role, Permission::ReadSchedule) || !allows(role, Permission::ReadClients))
        return DetailsScope::None;
    if (role == StaffRole::Clinician || role == StaffRole::Intern)
        return DetailsScope::OwnOnly;
    return DetailsScope::All;
}

bool showsClientDetails(DetailsScope scope, const QString& me, const QString& provider) {
    switch (scope) {
    case DetailsScope::All:
        return true;
    case DetailsScope::OwnOnly:
        return !me.isEmpty() && provider.compare(me, Qt::CaseInsensitive) == 0;
    case DetailsScope::None:
        return false;
    }
    return false;
}

bool showsClientDetails(DetailsScope scope, const ObjectId& me, const Appointment& appointment) {
    return showsClientDetails(scope, me.isNull() ? QString() : me.toString(),
                              appointment.provider.id.toString());
}

bool worksOnOwnSchedule(StaffRole role) {
    return detailsScope(role) == DetailsScope::OwnOnly;
}

namespace {

// Kept by a busy block. Everything else (client, appointmentType, notes,
// meeting link and password, cancellation reason and fee, confirmation,
// reminders, series links, exceptions and their reasons) is left out.
constexpr std::array busyAppointmentFields{
    "_id"_L1,      "version"_L1, "provider"_L1,  "startTime"_L1, "endTime"_L1,
    "duration"_L1, "status"_L1,  "createdAt"_L1, "updatedAt"_L1,
};
constexpr std::array busySeriesFields{
    "_id"_L1,
    "version"_L1,
    "provider"_L1,
    "duration"_L1,
    "recurrencePattern"_L1,
    "dayOfWeek"_L1,
    "dayOfMonth"_L1,
    "weekOfMonth"_L1,
    "useWeekOfMonth"_L1,
    "startTime"_L1,
    "startDate"_L1,
    "endDate"_L1,
    "numberOfOccurrences"_L1,
    "status"_L1,
    "createdAt"_L1,
    "updatedAt"_L1,
};

} // namespace

bool isBusyBlockField(ScheduleRecord record, const QString& field) {
    const auto has = [&](const auto& fields) {
        return std::ranges::any_of(fields, [&](QLatin1StringView f) { return f == field; });
    };
    return record == ScheduleRecord::Appointment ? has(busyAppointmentFields)
                                                 : has(busySeriesFields);
}

QJsonObject busyBlock(ScheduleRecord record, const QJsonObject& doc) {
    QJsonObject out;
    const auto keep = [&](const auto& fields) {
        for (QLatin1StringView f : fields) {
            const auto it = doc.constFind(f);
            if (it != doc.constEnd())
                out.insert(f, *it);
        }
    };
    if (record == ScheduleRecord::Appointment)
        keep(busyAppointmentFields);
    else
        keep(busySeriesFields);
    return out;
}

QList<StaffRole> allRoles() {
    QList<StaffRole> out;
    for (int r = 0; r <= static_cast<int>(StaffRole::SystemAdmin); ++r)
        out.append(StaffRole(r));
    return out;
}

} // namespace mss::domain
