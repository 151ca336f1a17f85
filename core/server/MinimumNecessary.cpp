#include "server/MinimumNecessary.h"

#include "server/RecordRoutes.h"

namespace mss::server {

using namespace Qt::StringLiterals;
using domain::DetailsScope;
using domain::ScheduleRecord;
using storage::Condition;
using storage::RecordKind;

namespace {

DetailsScope scopeOf(const RequestContext& ctx) {
    return ctx.role() ? domain::detailsScope(*ctx.role()) : DetailsScope::None;
}

std::optional<ScheduleRecord> scheduleRecordOf(RecordKind kind) {
    if (kind == RecordKind::Appointment)
        return ScheduleRecord::Appointment;
    if (kind == RecordKind::RecurringAppointment)
        return ScheduleRecord::Series;
    return std::nullopt;
}

// A reference as its id, whether the document holds an id or an object.
QString idOf(const QJsonValue& v) {
    return v.isObject() ? v.toObject().value("_id"_L1).toString() : v.toString();
}

} // namespace

bool showsDetails(const RequestContext& ctx, const QJsonObject& doc) {
    return domain::showsClientDetails(scopeOf(ctx), ctx.staffId(), idOf(doc.value("provider"_L1)));
}

QJsonObject forMember(const RequestContext& ctx, RecordKind kind, QJsonObject doc) {
    const auto record = scheduleRecordOf(kind);
    if (!record || showsDetails(ctx, doc))
        return doc;
    return domain::busyBlock(*record, doc);
}

bool redactsEachRecord(const RequestContext& ctx, RecordKind kind) {
    return scopeOf(ctx) != DetailsScope::All &&
           (scheduleRecordOf(kind) || kind == RecordKind::Client);
}

std::expected<std::optional<QSet<QString>>, ApiResponse> readableClients(RequestContext& ctx) {
    if (scopeOf(ctx) == DetailsScope::All)
        return std::optional<QSet<QString>>();
    if (scopeOf(ctx) == DetailsScope::None)
        return std::optional<QSet<QString>>(QSet<QString>());
    auto caseload = ctx.records().caseloadOf(ctx.staffId());
    if (!caseload)
        return std::unexpected(storageFailure(caseload.error()));
    return std::optional<QSet<QString>>(std::move(*caseload));
}

std::expected<void, ApiResponse> narrowForMember(RequestContext& ctx, RecordKind kind,
                                                 storage::ListQuery& query) {
    if (scopeOf(ctx) == DetailsScope::All)
        return {};
    if (kind == RecordKind::Client) {
        auto readable = readableClients(ctx);
        if (!readable)
            return std::unexpected(readable.error());
        QStringList ids((*readable)->begin(), (*readable)->end());
        if (ids.isEmpty())
            ids << QString(); // no id is empty: nothing matches
        query.conditions.append(Condition{u"_id"_s, Condition::Op::In, ids});
        return {};
    }
    if (kind == RecordKind::WaitlistEntry) {
        // Only the member's own entries (provider = the member); none for a
        // role that sees no client details.
        const QString me = scopeOf(ctx) == DetailsScope::OwnOnly ? ctx.staffId() : QString();
        if (me.isEmpty())
            query.conditions.append(Condition{u"_id"_s, Condition::Op::In, {QString()}});
        else
            query.conditions.append(Condition{u"provider"_s, Condition::Op::Eq, {me}});
        return {};
    }
    const auto record = scheduleRecordOf(kind);
    if (!record)
        return {};
    bool hidden = false;
    for (const Condition& c : std::as_const(query.conditions))
        hidden = hidden || !domain::isBusyBlockField(*record, c.field);
    if (!query.sortField.isEmpty())
        hidden = hidden || !domain::isBusyBlockField(*record, query.sortField);
    for (const auto& key : std::as_const(query.thenBy))
        hidden = hidden || !domain::isBusyBlockField(*record, key.field);
    if (hidden) {
        const QString me = scopeOf(ctx) == DetailsScope::OwnOnly ? ctx.staffId() : QString();
        query.conditions.append(Condition{u"provider"_s, Condition::Op::Eq, {me}});
    }
    return {};
}

} // namespace mss::server
