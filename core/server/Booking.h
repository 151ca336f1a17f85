#pragma once

#include "domain/Appointment.h"
#include "scheduling/AvailabilityIndex.h"
#include "scheduling/Conflicts.h"
#include "server/RequestContext.h"

#include <QJsonArray>

#include <expected>
#include <unordered_map>

namespace mss::server {

// The booking rules the server enforces, inside the caller's write
// transaction (so the check and the write cannot be separated by another
// booking):
//  - a conflict (DESIGN.md's rule, scheduling::findConflicts over the
//    bounded index query) is a 409 SCHEDULING_CONFLICT, unless `allowOverlap`
//    from a role allowed to override, which is audited;
//  - time held for a waitlist offer (an Offered entry whose hold has not
//    ended) is a 409 SLOT_HELD naming the entry, unless the appointment is
//    the entry's client's; allowOverlap does not override it;
//  - outside the provider's availability is a warning, or a 409
//    OUTSIDE_AVAILABILITY in strict mode.
// Returns the warnings to put in the envelope.
std::expected<QJsonArray, ApiResponse>
checkBooking(RequestContext& ctx, const domain::Appointment& appointment, bool allowOverlap);

// The same check for the many appointments of one request (a series books
// up to 1,000 occurrences): each provider's availability is read, decoded
// and indexed once, on first use, instead of once per appointment. Lives
// no longer than the request's transaction, in which availability does not
// change.
class BookingChecks {
public:
    BookingChecks(RequestContext& ctx, bool allowOverlap);

    std::expected<QJsonArray, ApiResponse> check(const domain::Appointment& appointment);

private:
    // A slot held for a waitlist offer.
    struct Hold {
        domain::ObjectId entry;
        domain::ObjectId client;
        scheduling::TimeRange time;
    };
    std::expected<const QList<Hold>*, ApiResponse> holdsOf(const domain::ObjectId& provider);
    std::optional<ApiResponse> checkHolds(const domain::Appointment& appointment);
    std::expected<const scheduling::AvailabilityIndex*, ApiResponse>
    availabilityOf(const domain::ObjectId& provider);

    RequestContext& m_ctx;
    bool m_allowOverlap = false;
    std::unordered_map<domain::ObjectId, scheduling::AvailabilityIndex> m_availability;
    // Each provider's held slots, read once a request like availability.
    std::unordered_map<domain::ObjectId, QList<Hold>> m_holds;
};

// The 409 SCHEDULING_CONFLICT naming `conflicts` (ids in "conflicts", with
// reason and times in "conflictDetails").
ApiResponse schedulingConflict(const QList<scheduling::Conflict>& conflicts);

// A request whose appointment PostgreSQL refused (RequestContext::
// refusedOverlap: another server's booking committed between the check and
// the write, or a row the check never saw): `refusal` with the appointments
// it overlaps named as the check names them, read in a fresh transaction
// once the request's own has rolled back. Unchanged otherwise.
ApiResponse nameRefusedOverlap(RequestContext& ctx, ApiResponse refusal);

// Reads and removes `allowOverlap` from a request body: a 400 when it is not
// a boolean, a 403 when it is true and the role may not override.
std::expected<bool, ApiResponse> takeAllowOverlap(RequestContext& ctx, QJsonObject& body);

// 400 unless the appointment's client and provider exist.
std::optional<ApiResponse> checkReferences(RequestContext& ctx, const QString& client,
                                           const QString& provider);

} // namespace mss::server
