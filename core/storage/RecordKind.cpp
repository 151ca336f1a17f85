#include "storage/RecordKind.h"

#include "base/WallClock.h"
#include "domain/Enums.h"
#include "domain/WaitlistEntry.h"

namespace mss::storage {

using namespace Qt::StringLiterals;

QString wireType(RecordKind kind) {
    switch (kind) {
    case RecordKind::Appointment:
        return u"appointment"_s;
    case RecordKind::RecurringAppointment:
        return u"recurringAppointment"_s;
    case RecordKind::ProviderAvailability:
        return u"providerAvailability"_s;
    case RecordKind::Client:
        return u"client"_s;
    case RecordKind::Staff:
        return u"staff"_s;
    case RecordKind::AuditEntry:
        return u"auditEntry"_s;
    case RecordKind::WaitlistEntry:
        return u"waitlist"_s;
    }
    return {};
}

QString tableName(RecordKind kind) {
    switch (kind) {
    case RecordKind::Appointment:
        return u"appointments"_s;
    case RecordKind::RecurringAppointment:
        return u"recurring_appointments"_s;
    case RecordKind::ProviderAvailability:
        return u"provider_availabilities"_s;
    case RecordKind::Client:
        return u"clients"_s;
    case RecordKind::Staff:
        return u"staff"_s;
    case RecordKind::AuditEntry:
        return u"audit_log"_s;
    case RecordKind::WaitlistEntry:
        return u"waitlist"_s;
    }
    return {};
}

std::optional<FieldColumn> columnOf(RecordKind kind, const QString& field) {
    if (field == "_id"_L1)
        return FieldColumn{u"id"_s};
    if (kind == RecordKind::AuditEntry) {
        if (field == "at"_L1)
            return FieldColumn{u"at_ms"_s, true};
        if (field == "actor"_L1 || field == "action"_L1)
            return FieldColumn{field};
        return std::nullopt;
    }
    if (field == "updatedAt"_L1)
        return FieldColumn{u"updated_ms"_s, true};
    if (field == "version"_L1)
        return FieldColumn{u"version"_s};
    switch (kind) {
    case RecordKind::Appointment:
        if (field == "provider"_L1 || field == "client"_L1)
            return FieldColumn{field};
        if (field == "startTime"_L1)
            return FieldColumn{u"start_ms"_s, true};
        if (field == "endTime"_L1)
            return FieldColumn{u"end_ms"_s, true};
        if (field == "recurringAppointment"_L1)
            return FieldColumn{u"series"_s};
        break;
    case RecordKind::RecurringAppointment:
        if (field == "provider"_L1 || field == "client"_L1)
            return FieldColumn{field};
        break;
    case RecordKind::ProviderAvailability:
        if (field == "provider"_L1)
            return FieldColumn{field};
        break;
    case RecordKind::Staff:
        if (field == "email"_L1)
            return FieldColumn{field};
        break;
    case RecordKind::WaitlistEntry:
        if (field == "provider"_L1 || field == "client"_L1 || field == "status"_L1)
            return FieldColumn{field};
        break;
    case RecordKind::Client:
    case RecordKind::AuditEntry:
        break;
    }
    return std::nullopt;
}

namespace {

qint64 msOf(const QJsonValue& v) {
    const QDateTime t = fromWireTime(v.toString());
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}

// A reference as its id, whether the document holds an id or an object;
// empty (not NULL) when it holds none, as a busy block's client.
QString idOf(const QJsonValue& v) {
    const QString id = v.isObject() ? v.toObject().value("_id"_L1).toString() : v.toString();
    return id.isNull() ? QString::fromLatin1("") : id;
}

} // namespace

QVariantMap indexedColumns(RecordKind kind, const QJsonObject& doc) {
    using namespace domain;
    QVariantMap c;
    switch (kind) {
    case RecordKind::Appointment: {
        c[u"provider"_s] = idOf(doc.value("provider"_L1));
        c[u"client"_s] = idOf(doc.value("client"_L1));
        c[u"start_ms"_s] = msOf(doc.value("startTime"_L1));
        c[u"end_ms"_s] = msOf(doc.value("endTime"_L1));
        c[u"status"_s] = int(fromWire<AppointmentStatus>(doc.value("status"_L1).toString())
                                 .value_or(AppointmentStatus::Scheduled));
        c[u"type"_s] = int(fromWire<AppointmentType>(doc.value("appointmentType"_L1).toString())
                               .value_or(AppointmentType::Other));
        const QString series = doc.value("recurringAppointment"_L1).toString();
        c[u"series"_s] = series.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : series;
        break;
    }
    case RecordKind::RecurringAppointment:
        c[u"provider"_s] = idOf(doc.value("provider"_L1));
        c[u"client"_s] = idOf(doc.value("client"_L1));
        break;
    case RecordKind::ProviderAvailability:
        c[u"provider"_s] = idOf(doc.value("provider"_L1));
        break;
    case RecordKind::Client:
        c[u"last_name"_s] = doc.value("lastName"_L1).toString();
        break;
    case RecordKind::Staff:
        c[u"email"_s] = doc.value("email"_L1).toString();
        c[u"role"_s] =
            int(fromWire<StaffRole>(doc.value("role"_L1).toString()).value_or(StaffRole::Support));
        c[u"is_active"_s] = doc.value("isActive"_L1).toBool(true) ? 1 : 0;
        break;
    case RecordKind::WaitlistEntry:
        c[u"provider"_s] = idOf(doc.value("provider"_L1)); // empty: any provider
        c[u"client"_s] = idOf(doc.value("client"_L1));
        c[u"status"_s] = toWire(fromWire<WaitlistStatus>(doc.value("status"_L1).toString())
                                    .value_or(WaitlistStatus::Waiting));
        break;
    case RecordKind::AuditEntry:
        break;
    }
    return c;
}

} // namespace mss::storage
