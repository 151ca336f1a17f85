#pragma once

#include "server/RequestContext.h"
#include "storage/RecordKind.h"
#include "storage/RecordStore.h"

#include <QJsonObject>
#include <QSet>

#include <expected>
#include <optional>

namespace mss::server {

// Minimum necessary at the server: what of a schedule or client record the
// signed-in member receives. The rule is the domain's (domain::detailsScope,
// domain::showsClientDetails), the same function the desk shows by; here it
// is applied to every answer that carries appointments, series or clients:
// one record, lists (whatever the filter, sort or select), populate, write
// answers, 412 bodies and the change feed. docs/roles.md, "Minimum
// necessary".
//
// What makes it easy to get wrong: redacting the documents is not enough.
// A filter or a sort on a field a busy block leaves out (client, notes,
// appointmentType) would still tell, by which records come back or in what
// order, what the busy block hides; so such a list is narrowed to the
// member's own records first.

// Whether the member sees the client details of this appointment, series
// or waitlist document (its provider is theirs, or their role sees all). A
// waitlist entry goes only to members who see its details, whole.
bool showsDetails(const RequestContext& ctx, const QJsonObject& doc);

// The document as the member may receive it: a busy block when it is
// another provider's appointment or series and the role sees its own only;
// any other record as it is.
QJsonObject forMember(const RequestContext& ctx, storage::RecordKind kind, QJsonObject doc);

// Whether answers of this kind must be looked at record by record for this
// member (the stored JSON cannot go out as it is).
bool redactsEachRecord(const RequestContext& ctx, storage::RecordKind kind);

// Narrows a list for the member: a filter or sort on a field a busy block
// leaves out applies to their own appointments or series only; clients are
// those on their caseload; waitlist entries are the member's own. Conditions
// are appended to `query`.
std::expected<void, ApiResponse> narrowForMember(RequestContext& ctx, storage::RecordKind kind,
                                                 storage::ListQuery& query);

// The clients the member may read: nullopt when the role reads them all,
// else their caseload (storage::RecordStore::caseloadOf).
std::expected<std::optional<QSet<QString>>, ApiResponse> readableClients(RequestContext& ctx);

} // namespace mss::server
