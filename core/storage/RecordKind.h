#pragma once

#include <QJsonObject>
#include <QString>
#include <QVariant>

#include <optional>

namespace mss::storage {

// The kinds of record the server stores, each in its own table.
enum class RecordKind : int {
    Appointment = 0,
    RecurringAppointment = 1,
    ProviderAvailability = 2,
    Client = 3,
    Staff = 4,
    AuditEntry = 5, // read-only through the record API; written by AuditLog
    WaitlistEntry = 6,
};

// "appointment", "recurringAppointment", ...: the change feed's `type`.
QString wireType(RecordKind kind);
QString tableName(RecordKind kind);

// A column that a wire field is stored in, so that filters and sorts on it
// use an index. Times are stored as milliseconds since the epoch.
struct FieldColumn {
    QString column;
    bool isTime = false;
};
std::optional<FieldColumn> columnOf(RecordKind kind, const QString& field);

// The indexed columns of a document, by column name (besides id, version,
// updated_ms and doc, which every record table has).
QVariantMap indexedColumns(RecordKind kind, const QJsonObject& doc);

} // namespace mss::storage
