// The appointment routes of spec/scheduling-module.md with the extensions of
// spec/API.md. Every write runs inside the dispatcher's write transaction,
// so the booking check (Booking.cpp) and the write it allows are one step.
#include "server/Booking.h"
#include "server/RecordRoutes.h"
#include "server/Router.h"

namespace mss::server {

using namespace Qt::StringLiterals;
using domain::Appointment;
using domain::AppointmentStatus;
using storage::Condition;
using storage::RecordKind;
using storage::StoredRecord;

namespace {

constexpr auto kind = RecordKind::Appointment;

ApiResponse withWarnings(ApiResponse response, const QJsonArray& warnings) {
    if (!warnings.isEmpty())
        response.with(u"warnings"_s, warnings);
    return response;
}

QJsonObject normalized(const Appointment& a) {
    return a.toJson({domain::ReferenceForm::IdsOnly});
}

ApiResponse create(RequestContext& ctx) {
    auto body = ctx.bodyObject();
    if (!body)
        return body.error();
    const auto allowOverlap = takeAllowOverlap(ctx, *body);
    if (!allowOverlap)
        return allowOverlap.error();
    dropServerFields(*body);
    auto appointment = Appointment::fromJson(*body);
    if (!appointment)
        return ApiResponse::invalid(appointment.error());
    if (auto bad = checkUnusedId(ctx, kind, *body))
        return *bad;
    // Its id before the check, which notes what it found by id.
    if (appointment->meta.id.isNull())
        appointment->meta.id = domain::ObjectId::generate(ctx.practice().clock());
    if (auto bad = checkReferences(ctx, appointment->client.id.toString(),
                                   appointment->provider.id.toString()))
        return *bad;
    const auto warnings = checkBooking(ctx, *appointment, *allowOverlap);
    if (!warnings)
        return warnings.error();
    const auto saved =
        saveRecord(ctx, kind, normalized(*appointment), nullptr, actionName(kind, u"create"_s));
    if (!saved)
        return saved.error();
    return withWarnings(ApiResponse::ok(*saved, 201), *warnings);
}

// The stored document with its secrets, whatever the role: a change by a
// role that cannot see the link must not erase it.
QJsonObject fullDoc(RequestContext& ctx, const StoredRecord& record) {
    QJsonObject doc = record.doc;
    ctx.practice().unsealSecrets(doc, record.secret);
    return doc;
}

bool movesTime(const Appointment& before, const Appointment& after) {
    return before.startTime != after.startTime || before.endTime != after.endTime ||
           before.provider.id != after.provider.id || before.client.id != after.client.id ||
           before.status != after.status || before.appointmentType != after.appointmentType;
}

// Applies `changes` to the appointment and stores it when the rules allow.
ApiResponse update(RequestContext& ctx, const StoredRecord& current, QJsonObject changes,
                   bool allowOverlap, const QString& action) {
    dropServerFields(changes);
    const QString id = current.doc.value("_id"_L1).toString();
    if (changes.contains("_id"_L1) && changes.value("_id"_L1).toString().toLower() != id)
        return ApiResponse::invalid({{ErrorCode::InvalidId, u"_id"_s, u"cannot be changed"_s}});
    QJsonObject doc = merged(fullDoc(ctx, current), changes);
    // New times without a duration: the duration follows the times.
    if ((changes.contains("startTime"_L1) || changes.contains("endTime"_L1)) &&
        !changes.contains("duration"_L1))
        doc.remove("duration"_L1);
    const auto before = Appointment::fromJson(fullDoc(ctx, current), domain::DecodeMode::TypesOnly);
    const auto after = Appointment::fromJson(doc);
    if (!after)
        return ApiResponse::invalid(after.error());
    if (changes.contains("client"_L1) || changes.contains("provider"_L1)) {
        if (auto bad =
                checkReferences(ctx, after->client.id.toString(), after->provider.id.toString()))
            return *bad;
    }
    QJsonArray warnings;
    if (!before || movesTime(*before, *after)) {
        auto checked = checkBooking(ctx, *after, allowOverlap);
        if (!checked)
            return checked.error();
        warnings = *checked;
    }
    const auto saved = saveRecord(ctx, kind, normalized(*after), &current, action);
    if (!saved)
        return saved.error();
    return withWarnings(ApiResponse::ok(*saved), warnings)
        .withHeader("ETag",
                    '"' + QByteArray::number(qint64(saved->value("version"_L1).toDouble())) + '"');
}

ApiResponse put(RequestContext& ctx) {
    auto change = loadChange(ctx, kind);
    if (!change)
        return change.error();
    auto& [current, body] = *change;
    const auto allowOverlap = takeAllowOverlap(ctx, body);
    if (!allowOverlap)
        return allowOverlap.error();
    // Completing through a PUT of the record needs what the complete route
    // needs: the role table is the same whichever way a client asks.
    const QString completed = toWire(AppointmentStatus::Completed);
    if (body.value("status"_L1).toString() == completed &&
        current.doc.value("status"_L1).toString() != completed &&
        !ctx.can(Permission::CompleteAppointments)) {
        const QString permission = permissionName(Permission::CompleteAppointments);
        ctx.audit(u"access.denied"_s, u"/api/v1/appointments/:id"_s, {}, permission);
        return ApiResponse::error(403,
                                  u"The role %1 is not allowed to do this (%2)"_s.arg(
                                      domain::toWire(*ctx.role()), permission),
                                  conflictCodeName(ConflictCode::Forbidden));
    }
    return update(ctx, current, body, *allowOverlap, actionName(kind, u"update"_s));
}

ApiResponse cancel(RequestContext& ctx) {
    auto change = loadChange(ctx, kind);
    if (!change)
        return change.error();
    auto& [current, body] = *change;
    Errors errors;
    const QJsonValue reason = body.value("cancellationReason"_L1);
    if (!reason.isString() || reason.toString().trimmed().isEmpty())
        errors.append({ErrorCode::Required, u"cancellationReason"_s, u"is required"_s});
    const QJsonValue fee = body.value("cancellationFee"_L1);
    if (!fee.isUndefined() && !fee.isNull() && (!fee.isDouble() || fee.toDouble() < 0))
        errors.append(
            {ErrorCode::OutOfRange, u"cancellationFee"_s, u"must be a number, not negative"_s});
    if (!errors.isEmpty())
        return ApiResponse::invalid(errors);
    if (current.doc.value("status"_L1).toString() == toWire(AppointmentStatus::Completed))
        return ApiResponse::error(409, u"A completed appointment cannot be cancelled"_s,
                                  u"INVALID_STATUS"_s);
    QJsonObject changes{{"status"_L1, toWire(AppointmentStatus::Cancelled)},
                        {"cancellationReason"_L1, reason}};
    if (fee.isDouble())
        changes.insert("cancellationFee"_L1, fee);
    return update(ctx, current, changes, false, actionName(kind, u"cancel"_s));
}

ApiResponse complete(RequestContext& ctx) {
    auto change = loadChange(ctx, kind);
    if (!change)
        return change.error();
    auto& [current, body] = *change;
    const QJsonValue notes = body.value("notes"_L1);
    if (!notes.isUndefined() && !notes.isNull() && !notes.isString())
        return ApiResponse::invalid({{ErrorCode::WrongType, u"notes"_s, u"must be a string"_s}});
    const QString status = current.doc.value("status"_L1).toString();
    if (status == toWire(AppointmentStatus::Cancelled) ||
        status == toWire(AppointmentStatus::NoShow))
        return ApiResponse::error(409, u"A %1 appointment cannot be completed"_s.arg(status),
                                  u"INVALID_STATUS"_s);
    QJsonObject changes{{"status"_L1, toWire(AppointmentStatus::Completed)}};
    if (notes.isString())
        changes.insert("notes"_L1, notes);
    return update(ctx, current, changes, false, actionName(kind, u"complete"_s));
}

} // namespace

void addAppointmentRoutes(Router& router) {
    using P = Permission;
    const QString base = u"/api/v1/appointments"_s;
    addScheduleReads(router, kind, u"appointments"_s);
    router.add(Method::Post, base, P::WriteAppointments, create);
    router.add(Method::Put, base + u"/:id"_s, P::WriteAppointments, put);
    router.add(Method::Delete, base + u"/:id"_s, P::DeleteAppointments,
               [](RequestContext& c) { return removeRecord(c, kind); });
    router.add(Method::Put, base + u"/:id/cancel"_s, P::WriteAppointments, cancel);
    router.add(Method::Put, base + u"/:id/complete"_s, P::CompleteAppointments, complete);
}

} // namespace mss::server
