// Freed time for the waitlist's offer (WaitlistOffers.h): what an
// appointment write gives up, and what new availability opens, recorded in
// the write's own transaction for the reminder thread to offer.
#include "base/CalendarDate.h"
#include "domain/Appointment.h"
#include "domain/ProviderAvailability.h"
#include "domain/WaitlistEntry.h"
#include "scheduling/TimeRange.h"
#include "server/RecordRoutes.h"
#include "server/WaitlistOffers.h"

#include <QSqlQuery>

namespace mss::server {

using namespace Qt::StringLiterals;
using scheduling::TimeRange;
using storage::Database;

namespace {

std::optional<ApiResponse> insertFreedSlot(Practice& p, const QString& provider, qint64 start,
                                           qint64 end, qint64 nowMs) {
    QSqlQuery& q = p.db().prepare(u"INSERT INTO freed_slots(id, provider, start_ms, end_ms, state, "
                                  "created_ms) VALUES(?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(domain::ObjectId::generate(p.clock()).toString());
    q.addBindValue(provider);
    q.addBindValue(start);
    q.addBindValue(end);
    q.addBindValue(int(SlotState::Open));
    q.addBindValue(nowMs);
    if (auto r = Database::run(q); !r)
        return storageFailure(r.error());
    return std::nullopt;
}

} // namespace

std::optional<ApiResponse> noteNewAvailability(RequestContext& ctx, const QJsonObject& doc) {
    if (ctx.isPlainApi())
        return std::nullopt;
    Practice& p = ctx.practice();
    const QTimeZone zone = p.timeZone();
    const auto block =
        domain::ProviderAvailability::fromJson(doc, domain::DecodeMode::TypesOnly, zone);
    if (!block || !block->isAvailable)
        return std::nullopt;
    const QDateTime now = p.clock().now();
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const QDate today = now.toTimeZone(zone).date();
    const std::optional<QDate> from = block->effectiveDate
                                          ? std::optional(calendarDate(*block->effectiveDate, zone))
                                          : std::nullopt;
    std::optional<QDate> to =
        block->endDate ? std::optional(calendarDate(*block->endDate, zone)) : std::nullopt;
    if (!block->isRecurring && !to)
        to = from;
    for (int i = 0; i <= availabilityHorizonDays; ++i) {
        const QDate day = today.addDays(i);
        if ((from && day < *from) || (to && day > *to))
            continue;
        if (block->isRecurring && day.dayOfWeek() != int(block->dayOfWeek))
            continue;
        const QDateTime start(day, QTime(block->startTime.hour(), block->startTime.minute()), zone);
        const QDateTime end =
            block->endTime.minutes() >= 24 * 60
                ? QDateTime(day.addDays(1), QTime(0, 0), zone)
                : QDateTime(day, QTime(block->endTime.hour(), block->endTime.minute()), zone);
        const qint64 s = std::max(start.toMSecsSinceEpoch(), nowMs);
        const qint64 e = end.toMSecsSinceEpoch();
        if (e - s < qint64(domain::minWaitlistMinutes) * 60'000)
            continue;
        if (auto failed = insertFreedSlot(p, block->provider.id.toString(), s, e, nowMs))
            return failed;
    }
    return std::nullopt;
}

std::optional<ApiResponse> noteFreedTime(RequestContext& ctx, const QJsonObject& before,
                                         const QJsonObject* after) {
    if (ctx.isPlainApi())
        return std::nullopt;
    const auto was = domain::Appointment::fromJson(before, domain::DecodeMode::TypesOnly);
    if (!was || !was->holdsTime())
        return std::nullopt;
    QList<TimeRange> freed{TimeRange::of(was->startTime, was->endTime)};
    if (after) {
        const auto now = domain::Appointment::fromJson(*after, domain::DecodeMode::TypesOnly);
        if (now && now->holdsTime() && now->provider.id == was->provider.id)
            freed = scheduling::subtract(freed, {TimeRange::of(now->startTime, now->endTime)});
    }
    Practice& p = ctx.practice();
    const qint64 nowMs = p.clock().now().toMSecsSinceEpoch();
    for (const TimeRange& part : std::as_const(freed)) {
        if (part.end - part.start < qint64(domain::minWaitlistMinutes) * 60'000 ||
            part.end <= nowMs)
            continue;
        if (auto failed =
                insertFreedSlot(p, was->provider.id.toString(), part.start, part.end, nowMs))
            return failed;
    }
    return std::nullopt;
}

} // namespace mss::server
