#include "server/Booking.h"

#include "base/WallClock.h"
#include "domain/WaitlistEntry.h"
#include "scheduling/Conflicts.h"
#include "server/RecordRoutes.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcHttp)

namespace mss::server {

using namespace Qt::StringLiterals;
using storage::RecordKind;

std::expected<bool, ApiResponse> takeAllowOverlap(RequestContext& ctx, QJsonObject& body) {
    const QJsonValue value = body.take("allowOverlap"_L1);
    if (value.isUndefined() || value.isNull())
        return false;
    if (!value.isBool())
        return std::unexpected(ApiResponse::invalid(
            {{ErrorCode::WrongType, u"allowOverlap"_s, u"must be true or false"_s}}));
    if (value.toBool() && !ctx.can(Permission::OverrideConflicts))
        return std::unexpected(ApiResponse::error(
            403, u"Your role may not book over existing appointments (allowOverlap)"_s,
            conflictCodeName(ConflictCode::Forbidden)));
    return value.toBool();
}

std::optional<ApiResponse> checkReferences(RequestContext& ctx, const QString& client,
                                           const QString& provider) {
    Errors errors;
    const auto found =
        ctx.records().exist({{RecordKind::Client, client}, {RecordKind::Staff, provider}});
    if (!found)
        return storageFailure(found.error());
    if (!found->at(0))
        errors.append({ErrorCode::InvalidId, u"client"_s, u"no client has this id"_s});
    if (!found->at(1))
        errors.append({ErrorCode::InvalidId, u"provider"_s, u"no staff member has this id"_s});
    if (!errors.isEmpty())
        return ApiResponse::invalid(errors);
    return std::nullopt;
}

std::expected<QJsonArray, ApiResponse>
checkBooking(RequestContext& ctx, const domain::Appointment& appointment, bool allowOverlap) {
    return BookingChecks(ctx, allowOverlap).check(appointment);
}

BookingChecks::BookingChecks(RequestContext& ctx, bool allowOverlap)
    : m_ctx(ctx)
    , m_allowOverlap(allowOverlap) {}

std::expected<const scheduling::AvailabilityIndex*, ApiResponse>
BookingChecks::availabilityOf(const domain::ObjectId& provider) {
    if (const auto it = m_availability.find(provider); it != m_availability.end())
        return &it->second;
    const auto records = m_ctx.records().byColumn(RecordKind::ProviderAvailability, u"provider"_s,
                                                  provider.toString());
    if (!records)
        return std::unexpected(storageFailure(records.error()));
    QList<domain::ProviderAvailability> availability;
    for (const auto& r : *records) {
        if (auto a = domain::ProviderAvailability::fromJson(r.doc, domain::DecodeMode::TypesOnly))
            availability.append(*a);
    }
    return &m_availability
                .emplace(provider,
                         scheduling::AvailabilityIndex(availability, m_ctx.practice().timeZone()))
                .first->second;
}

std::expected<const QList<BookingChecks::Hold>*, ApiResponse>
BookingChecks::holdsOf(const domain::ObjectId& provider) {
    if (const auto it = m_holds.find(provider); it != m_holds.end())
        return &it->second;
    // Offered entries are few (one per freed slot at most, for hours): the
    // provider's are read whole, once a request.
    storage::ListQuery query;
    query.conditions = {
        {u"status"_s, storage::Condition::Op::Eq, {toWire(domain::WaitlistStatus::Offered)}},
        {u"offer.provider"_s, storage::Condition::Op::Eq, {provider.toString()}}};
    query.limit = 500;
    query.countTotal = false;
    const auto page = m_ctx.records().list(RecordKind::WaitlistEntry, query);
    if (!page)
        return std::unexpected(storageFailure(page.error()));
    const QDateTime now = m_ctx.practice().clock().now();
    QList<Hold> holds;
    for (const storage::StoredRecord& r : page->records) {
        const auto entry = domain::WaitlistEntry::fromJson(r.doc, domain::DecodeMode::TypesOnly);
        if (entry && entry->holdsSlotAt(now))
            holds.append(
                {entry->id(), entry->client.id,
                 scheduling::TimeRange::of(entry->offer->startTime, entry->offer->endTime)});
    }
    return &m_holds.emplace(provider, std::move(holds)).first->second;
}

std::optional<ApiResponse> BookingChecks::checkHolds(const domain::Appointment& appointment) {
    const auto holds = holdsOf(appointment.provider.id);
    if (!holds)
        return holds.error();
    const auto wanted = scheduling::TimeRange::of(appointment.startTime, appointment.endTime);
    QJsonArray held;
    for (const Hold& h : **holds) {
        if (h.client != appointment.client.id && h.time.overlaps(wanted))
            held.append(h.entry.toString());
    }
    if (held.isEmpty())
        return std::nullopt;
    return ApiResponse::error(409,
                              u"The time is held for a client on the waitlist who has been "
                              "offered it; release the hold to book it"_s,
                              conflictCodeName(ConflictCode::SlotHeld))
        .with(u"conflicts"_s, held);
}

ApiResponse schedulingConflict(const QList<scheduling::Conflict>& conflicts) {
    QJsonArray ids;
    QJsonArray details;
    for (const scheduling::Conflict& c : conflicts) {
        ids.append(c.with.toString());
        details.append(QJsonObject{
            {"_id"_L1, c.with.toString()},
            {"reason"_L1,
             c.reason == scheduling::ConflictReason::SameProvider ? u"provider"_s : u"client"_s},
            {"startTime"_L1, toWireTime(c.time.startTime())},
            {"endTime"_L1, toWireTime(c.time.endTime())}});
    }
    const QString message =
        conflicts.isEmpty()
            ? u"The time overlaps another appointment of the same provider or client"_s
            : u"The time overlaps %n appointment(s) of the same provider or client"_s.replace(
                  u"%n"_s, QString::number(conflicts.size()));
    return ApiResponse::error(409, message, conflictCodeName(ConflictCode::SchedulingConflict))
        .with(u"conflicts"_s, ids)
        .with(u"conflictDetails"_s, details);
}

ApiResponse nameRefusedOverlap(RequestContext& ctx, ApiResponse refusal) {
    if (!ctx.refusedOverlap() || refusal.body.value("code"_L1).toString() !=
                                     conflictCodeName(ConflictCode::SchedulingConflict))
        return refusal;
    const auto appointment =
        domain::Appointment::fromJson(*ctx.refusedOverlap(), domain::DecodeMode::TypesOnly);
    if (!appointment)
        return refusal;
    storage::ReadTransaction read(ctx.practice().db());
    if (!read.isActive())
        return refusal;
    const auto candidates = ctx.records().conflictCandidates(
        appointment->provider.id.toString(), appointment->client.id.toString(),
        appointment->startTime, appointment->endTime);
    if (!candidates)
        return refusal;
    qCInfo(lcHttp) << "the database refused an appointment over another's time";
    return schedulingConflict(scheduling::findConflicts(*appointment, *candidates));
}

std::expected<QJsonArray, ApiResponse>
BookingChecks::check(const domain::Appointment& appointment) {
    QJsonArray warnings;
    if (!appointment.holdsTime())
        return warnings;
    // The plain contract checks nothing, so the database may not refuse
    // what it stores either.
    if (m_ctx.isPlainApi()) {
        m_ctx.noteTimeChecked(appointment.id().toString(), false);
        return warnings;
    }

    const auto candidates = m_ctx.records().conflictCandidates(
        appointment.provider.id.toString(), appointment.client.id.toString(), appointment.startTime,
        appointment.endTime);
    if (!candidates)
        return std::unexpected(storageFailure(candidates.error()));
    const QList<scheduling::Conflict> conflicts =
        scheduling::findConflicts(appointment, *candidates);
    m_ctx.noteTimeChecked(appointment.id().toString(), conflicts.isEmpty());
    if (!conflicts.isEmpty()) {
        if (!m_allowOverlap)
            return std::unexpected(schedulingConflict(conflicts));
        QJsonArray ids;
        QStringList idList;
        for (const scheduling::Conflict& c : conflicts) {
            ids.append(c.with.toString());
            idList << c.with.toString();
        }
        m_ctx.audit(u"appointment.overlapOverride"_s, u"appointment"_s, appointment.id().toString(),
                    idList.join(u','));
        warnings.append(QJsonObject{{"code"_L1, u"OVERLAP_ALLOWED"_s},
                                    {"message"_L1, u"Booked over existing appointments"_s},
                                    {"conflicts"_L1, ids}});
    }
    if (auto held = checkHolds(appointment))
        return std::unexpected(*held);

    const auto availability = availabilityOf(appointment.provider.id);
    if (!availability)
        return std::unexpected(availability.error());
    if (!(*availability)->isWithinAvailability(appointment)) {
        const QString message = u"The time is outside the provider's availability"_s;
        if (m_ctx.practice().strictAvailability())
            return std::unexpected(ApiResponse::error(409, message, u"OUTSIDE_AVAILABILITY"_s));
        warnings.append(
            QJsonObject{{"code"_L1, u"OUTSIDE_AVAILABILITY"_s}, {"message"_L1, message}});
    }
    return warnings;
}

} // namespace mss::server
