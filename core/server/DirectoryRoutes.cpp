// The minimal client and staff directory a lone office needs (spec/API.md,
// "Authentication and staff"). Passwords travel only in requests and are
// stored as Argon2id hashes, never in the staff document.
#include "server/Passwords.h"
#include "server/RecordRoutes.h"
#include "server/Router.h"

namespace mss::server {

using namespace Qt::StringLiterals;
using domain::Client;
using domain::Staff;
using storage::RecordKind;

namespace {

ApiResponse createClient(RequestContext& ctx) {
    auto body = ctx.bodyObject();
    if (!body)
        return body.error();
    dropServerFields(*body);
    const auto client = Client::fromJson(*body);
    if (!client)
        return ApiResponse::invalid(client.error());
    if (auto bad = checkUnusedId(ctx, RecordKind::Client, *body))
        return *bad;
    const auto saved =
        saveRecord(ctx, RecordKind::Client, client->toJson({domain::ReferenceForm::IdsOnly}),
                   nullptr, u"client.create"_s);
    if (!saved)
        return saved.error();
    return ApiResponse::ok(*saved, 201);
}

ApiResponse updateClient(RequestContext& ctx) {
    auto change = loadChange(ctx, RecordKind::Client);
    if (!change)
        return change.error();
    auto& [current, body] = *change;
    dropServerFields(body);
    body.remove("_id"_L1);
    const auto client = Client::fromJson(merged(current.doc, body));
    if (!client)
        return ApiResponse::invalid(client.error());
    const auto saved =
        saveRecord(ctx, RecordKind::Client, client->toJson({domain::ReferenceForm::IdsOnly}),
                   &current, u"client.update"_s);
    if (!saved)
        return saved.error();
    return ApiResponse::ok(*saved);
}

// Takes the optional "password" out of a staff body: a 400 when present and
// not acceptable.
std::expected<QByteArray, ApiResponse> takePassword(QJsonObject& body) {
    const QJsonValue value = body.take("password"_L1);
    if (value.isUndefined() || value.isNull())
        return QByteArray();
    const QByteArray password = value.toString().toUtf8();
    if (!value.isString() || !isAcceptablePassword(password))
        return std::unexpected(ApiResponse::invalid(
            {{ErrorCode::OutOfRange, u"password"_s, u"must be 10 to 1024 characters"_s}}));
    return password;
}

ApiResponse emailTaken() {
    return ApiResponse::error(409, u"A staff member with this email already exists"_s,
                              u"DUPLICATE_EMAIL"_s);
}

ApiResponse createStaff(RequestContext& ctx) {
    auto body = ctx.bodyObject();
    if (!body)
        return body.error();
    dropServerFields(*body);
    const auto password = takePassword(*body);
    if (!password)
        return password.error();
    auto staff = Staff::fromJson(*body);
    if (!staff)
        return ApiResponse::invalid(staff.error());
    if (auto bad = checkUnusedId(ctx, RecordKind::Staff, *body))
        return *bad;
    const auto existing = ctx.practice().credentialsOf(staff->email);
    if (!existing)
        return storageFailure(existing.error());
    if (*existing)
        return emailTaken();
    const auto saved =
        saveRecord(ctx, RecordKind::Staff, staff->toJson({domain::ReferenceForm::IdsOnly}), nullptr,
                   u"staff.create"_s);
    if (!saved)
        return saved.error();
    if (!password->isEmpty()) {
        if (auto r = ctx.practice().setPassword(saved->value("_id"_L1).toString(), *password); !r)
            return storageFailure(r.error());
    }
    return ApiResponse::ok(*saved, 201);
}

ApiResponse updateStaff(RequestContext& ctx) {
    auto change = loadChange(ctx, RecordKind::Staff);
    if (!change)
        return change.error();
    auto& [current, body] = *change;
    dropServerFields(body);
    body.remove("_id"_L1);
    const auto password = takePassword(body);
    if (!password)
        return password.error();
    const auto staff = Staff::fromJson(merged(current.doc, body));
    if (!staff)
        return ApiResponse::invalid(staff.error());
    const QString id = current.doc.value("_id"_L1).toString();
    const auto owner = ctx.practice().credentialsOf(staff->email);
    if (!owner)
        return storageFailure(owner.error());
    if (*owner && (*owner)->staffId != id)
        return emailTaken();
    const auto saved =
        saveRecord(ctx, RecordKind::Staff, staff->toJson({domain::ReferenceForm::IdsOnly}),
                   &current, u"staff.update"_s);
    if (!saved)
        return saved.error();
    if (!password->isEmpty()) {
        if (auto r = ctx.practice().setPassword(id, *password); !r)
            return storageFailure(r.error());
    }
    // A deactivated member, a changed role or a new password: every open
    // session ends, so the change takes effect at once.
    if (!password->isEmpty() || !staff->isActive ||
        current.doc.value("role"_L1) != saved->value("role"_L1)) {
        if (auto r = ctx.practice().sessions().endAllOf(id); !r)
            return storageFailure(r.error());
    }
    return ApiResponse::ok(*saved);
}

} // namespace

void addDirectoryRoutes(Router& router) {
    using P = Permission;
    router.add(
        Method::Get, u"/api/v1/clients"_s, P::ReadClients,
        [](RequestContext& c) { return listRecords(c, RecordKind::Client); }, Writes::Nothing);
    router.add(Method::Post, u"/api/v1/clients"_s, P::WriteClients, createClient);
    router.add(
        Method::Get, u"/api/v1/clients/:id"_s, P::ReadClients,
        [](RequestContext& c) { return getRecord(c, RecordKind::Client); }, Writes::Nothing);
    router.add(Method::Put, u"/api/v1/clients/:id"_s, P::WriteClients, updateClient);
    router.add(
        Method::Get, u"/api/v1/staff"_s, P::ReadStaff,
        [](RequestContext& c) { return listRecords(c, RecordKind::Staff); }, Writes::Nothing);
    router.add(Method::Post, u"/api/v1/staff"_s, P::WriteStaff, createStaff);
    router.add(
        Method::Get, u"/api/v1/staff/:id"_s, P::ReadStaff,
        [](RequestContext& c) { return getRecord(c, RecordKind::Staff); }, Writes::Nothing);
    router.add(Method::Put, u"/api/v1/staff/:id"_s, P::WriteStaff, updateStaff);
}

} // namespace mss::server
