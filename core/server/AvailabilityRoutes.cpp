// Provider availability: weekly blocks, blocked time and one-off exceptions.
#include "domain/ProviderAvailability.h"
#include "server/RecordRoutes.h"
#include "server/Router.h"

namespace mss::server {

using namespace Qt::StringLiterals;
using domain::ProviderAvailability;
using storage::Condition;
using storage::RecordKind;

namespace {

constexpr auto kind = RecordKind::ProviderAvailability;

ApiResponse create(RequestContext& ctx) {
    if (auto bad = checkIdParam(ctx, u"providerId"_s))
        return *bad;
    const QString provider = ctx.param(u"providerId"_s).toLower();
    auto body = ctx.bodyObject();
    if (!body)
        return body.error();
    dropServerFields(*body);
    const QJsonValue given = body->value("provider"_L1);
    if (given.isString() && given.toString().toLower() != provider)
        return ApiResponse::invalid(
            {{ErrorCode::InvalidId, u"provider"_s, u"differs from the provider of the path"_s}});
    body->insert("provider"_L1, provider);
    const auto availability = ProviderAvailability::fromJson(*body, domain::DecodeMode::Validate,
                                                             ctx.practice().timeZone());
    if (!availability)
        return ApiResponse::invalid(availability.error());
    const auto exists = ctx.records().exists(RecordKind::Staff, provider);
    if (!exists)
        return storageFailure(exists.error());
    if (!*exists)
        return ApiResponse::error(404, u"No staff member with id %1"_s.arg(provider),
                                  u"NOT_FOUND"_s);
    if (auto bad = checkUnusedId(ctx, kind, *body))
        return *bad;
    const auto saved = saveRecord(ctx, kind, availability->toJson({domain::ReferenceForm::IdsOnly}),
                                  nullptr, actionName(kind, u"create"_s));
    if (!saved)
        return saved.error();
    return ApiResponse::ok(*saved, 201);
}

ApiResponse update(RequestContext& ctx) {
    auto change = loadChange(ctx, kind);
    if (!change)
        return change.error();
    auto& [current, body] = *change;
    dropServerFields(body);
    body.remove("_id"_L1);
    if (body.contains("provider"_L1) &&
        body.value("provider"_L1) != current.doc.value("provider"_L1))
        return ApiResponse::invalid(
            {{ErrorCode::InvalidId, u"provider"_s, u"cannot be changed; create a new block"_s}});
    const auto availability = ProviderAvailability::fromJson(
        merged(current.doc, body), domain::DecodeMode::Validate, ctx.practice().timeZone());
    if (!availability)
        return ApiResponse::invalid(availability.error());
    const auto saved = saveRecord(ctx, kind, availability->toJson({domain::ReferenceForm::IdsOnly}),
                                  &current, actionName(kind, u"update"_s));
    if (!saved)
        return saved.error();
    return ApiResponse::ok(*saved);
}

} // namespace

void addAvailabilityRoutes(Router& router) {
    using P = Permission;
    const QString base = u"/api/v1/provider-availabilities"_s;
    router.add(
        Method::Get, base, P::ReadSchedule, [](RequestContext& c) { return listRecords(c, kind); },
        Writes::Nothing);
    router.add(
        Method::Get, u"/api/v1/staff/:providerId/availabilities"_s, P::ReadSchedule,
        [](RequestContext& c) { return listByReference(c, kind, u"providerId"_s, u"provider"_s); },
        Writes::Nothing);
    router.add(
        Method::Get, base + u"/:id"_s, P::ReadSchedule,
        [](RequestContext& c) { return getRecord(c, kind); }, Writes::Nothing);
    router.add(Method::Post, u"/api/v1/staff/:providerId/availabilities"_s, P::WriteAvailability,
               create);
    router.add(Method::Put, base + u"/:id"_s, P::WriteAvailability, update);
    router.add(Method::Delete, base + u"/:id"_s, P::WriteAvailability,
               [](RequestContext& c) { return removeRecord(c, kind); });
}

} // namespace mss::server
