// The waitlist (an extension of this project; docs/server.md, "Waitlist"):
// entries like appointments, role-checked, audited and in the change feed.
// The server alone sets `offer` (when it offers a freed slot); the desk
// books from the waitlist with two ordinary writes, the appointment and
// then the entry's `status: "Booked"` with `bookedAppointment`.
#include "domain/WaitlistEntry.h"
#include "server/MinimumNecessary.h"
#include "server/RecordRoutes.h"
#include "server/Router.h"

namespace mss::server {

using namespace Qt::StringLiterals;
using domain::WaitlistEntry;
using domain::WaitlistStatus;
using storage::Condition;
using storage::RecordKind;
using storage::StoredRecord;

namespace {

constexpr auto kind = RecordKind::WaitlistEntry;

const QString offerByServer = u"is set by the server when it offers a slot"_s;

ApiResponse notFound(const QString& id) {
    return ApiResponse::error(404, u"No waitlist entry with id %1"_s.arg(id), u"NOT_FOUND"_s);
}

// An entry the member may not see (another provider's, for a role that
// sees its own clients only) is as good as absent.
std::expected<StoredRecord, ApiResponse> visible(RequestContext& ctx,
                                                 std::expected<StoredRecord, ApiResponse> found) {
    if (found && !showsDetails(ctx, found->doc))
        return std::unexpected(notFound(found->doc.value("_id"_L1).toString()));
    return found;
}

// 400 unless the entry's client, provider (when it names one) and booked
// appointment (when it has one) exist.
std::optional<ApiResponse> checkEntryReferences(RequestContext& ctx, const WaitlistEntry& e) {
    Errors errors;
    const auto check = [&](RecordKind k, const QString& id, const QString& field,
                           const QString& message) -> std::optional<ApiResponse> {
        const auto exists = ctx.records().exists(k, id);
        if (!exists)
            return storageFailure(exists.error());
        if (!*exists)
            errors.append({ErrorCode::InvalidId, field, message});
        return std::nullopt;
    };
    if (auto failed = check(RecordKind::Client, e.client.id.toString(), u"client"_s,
                            u"no client has this id"_s))
        return failed;
    if (e.provider) {
        if (auto failed = check(RecordKind::Staff, e.provider->id.toString(), u"provider"_s,
                                u"no staff member has this id"_s))
            return failed;
    }
    if (e.bookedAppointment) {
        if (auto failed = check(RecordKind::Appointment, e.bookedAppointment->toString(),
                                u"bookedAppointment"_s, u"no appointment has this id"_s))
            return failed;
    }
    if (!errors.isEmpty())
        return ApiResponse::invalid(errors);
    return std::nullopt;
}

std::expected<WaitlistEntry, ApiResponse> readEntry(RequestContext& ctx, const QJsonObject& doc) {
    auto entry =
        WaitlistEntry::fromJson(doc, domain::DecodeMode::Validate, ctx.practice().timeZone());
    if (!entry)
        return std::unexpected(ApiResponse::invalid(entry.error()));
    if (auto bad = checkEntryReferences(ctx, *entry))
        return std::unexpected(*bad);
    return *entry;
}

QJsonObject stored(const WaitlistEntry& e) {
    return e.toJson({domain::ReferenceForm::IdsOnly});
}

ApiResponse create(RequestContext& ctx) {
    auto body = ctx.bodyObject();
    if (!body)
        return body.error();
    dropServerFields(*body);
    Errors errors;
    const QJsonValue offer = body->value("offer"_L1);
    if (!offer.isUndefined() && !offer.isNull())
        errors.append({ErrorCode::OutOfRange, u"offer"_s, offerByServer});
    if (body->value("status"_L1).toString() == toWire(WaitlistStatus::Offered))
        errors.append({ErrorCode::OutOfRange, u"status"_s, u"Offered "_s + offerByServer});
    if (!errors.isEmpty())
        return ApiResponse::invalid(errors);
    if (auto bad = checkUnusedId(ctx, kind, *body))
        return *bad;
    const auto entry = readEntry(ctx, *body);
    if (!entry)
        return entry.error();
    const auto saved =
        saveRecord(ctx, kind, stored(*entry), nullptr, actionName(kind, u"create"_s));
    if (!saved)
        return saved.error();
    return ApiResponse::ok(*saved, 201);
}

// Stores `doc` over `current` (the offer withdrawn unless still Offered).
ApiResponse save(RequestContext& ctx, const StoredRecord& current, QJsonObject doc,
                 const QString& verb) {
    if (doc.value("status"_L1).toString() != toWire(WaitlistStatus::Offered))
        doc.insert("offer"_L1, QJsonValue::Null);
    const auto entry = readEntry(ctx, doc);
    if (!entry)
        return entry.error();
    const auto saved = saveRecord(ctx, kind, stored(*entry), &current, actionName(kind, verb));
    if (!saved)
        return saved.error();
    return ApiResponse::ok(*saved).withHeader(
        "ETag", '"' + QByteArray::number(qint64(saved->value("version"_L1).toDouble())) + '"');
}

ApiResponse update(RequestContext& ctx) {
    auto change = loadChange(ctx, kind);
    if (change && !showsDetails(ctx, change->current.doc))
        return notFound(change->current.id);
    if (!change)
        return change.error();
    auto& [current, body] = *change;
    dropServerFields(body);
    const QString id = current.doc.value("_id"_L1).toString();
    if (body.contains("_id"_L1) && body.value("_id"_L1).toString().toLower() != id)
        return ApiResponse::invalid({{ErrorCode::InvalidId, u"_id"_s, u"cannot be changed"_s}});
    // A desk sends back the whole entry it has: the offer as it was is no
    // change, another one is.
    const QJsonValue currentOffer = current.doc.value("offer"_L1);
    if (body.contains("offer"_L1)) {
        const QJsonValue given = body.take("offer"_L1);
        const bool same = given == currentOffer || (given.isNull() && currentOffer.isUndefined());
        if (!same)
            return ApiResponse::invalid({{ErrorCode::OutOfRange, u"offer"_s, offerByServer}});
    }
    const QString offered = toWire(WaitlistStatus::Offered);
    if (body.value("status"_L1).toString() == offered &&
        current.doc.value("status"_L1).toString() != offered)
        return ApiResponse::invalid(
            {{ErrorCode::OutOfRange, u"status"_s, u"Offered "_s + offerByServer}});
    return save(ctx, current, merged(current.doc, body), u"update"_s);
}

// DELETE keeps the record: the entry is Removed, its offer withdrawn.
ApiResponse remove(RequestContext& ctx) {
    auto current = visible(ctx, loadForChange(ctx, kind));
    if (!current)
        return current.error();
    QJsonObject doc = current->doc;
    doc.insert("status"_L1, toWire(WaitlistStatus::Removed));
    return save(ctx, *current, doc, u"remove"_s);
}

// The desk releases a held slot: the entry waits again.
ApiResponse release(RequestContext& ctx) {
    auto current = visible(ctx, loadForChange(ctx, kind));
    if (!current)
        return current.error();
    if (current->doc.value("status"_L1).toString() != toWire(WaitlistStatus::Offered))
        return ApiResponse::error(409, u"The entry holds no offer to release"_s,
                                  u"INVALID_STATUS"_s);
    QJsonObject doc = current->doc;
    doc.insert("status"_L1, toWire(WaitlistStatus::Waiting));
    return save(ctx, *current, doc, u"release"_s);
}

ApiResponse getOne(RequestContext& ctx) {
    if (auto record = visible(ctx, loadRecord(ctx, kind)); !record)
        return record.error();
    return getRecord(ctx, kind); // audited as read, `populate` applied
}

} // namespace

void addWaitlistRoutes(Router& router) {
    using P = Permission;
    const QString base = u"/api/v1/waitlist"_s;
    router.add(
        Method::Get, base, P::ReadSchedule, [](RequestContext& c) { return listRecords(c, kind); },
        Writes::Nothing);
    router.add(
        Method::Get, u"/api/v1/clients/:clientId/waitlist"_s, P::ReadSchedule,
        [](RequestContext& c) { return listByReference(c, kind, u"clientId"_s, u"client"_s); },
        Writes::Nothing);
    router.add(Method::Get, base + u"/:id"_s, P::ReadSchedule, getOne, Writes::Nothing);
    router.add(Method::Post, base, P::WriteAppointments, create);
    router.add(Method::Put, base + u"/:id"_s, P::WriteAppointments, update);
    router.add(Method::Delete, base + u"/:id"_s, P::WriteAppointments, remove);
    router.add(Method::Post, base + u"/:id/release"_s, P::WriteAppointments, release);
}

} // namespace mss::server
