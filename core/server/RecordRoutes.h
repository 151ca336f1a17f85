#pragma once

#include "server/RequestContext.h"
#include "server/Router.h"
#include "storage/RecordKind.h"
#include "storage/RecordStore.h"

#include <expected>
#include <optional>

namespace mss::server {

// What the routes of every kind of record share: reading list parameters,
// rendering a stored record for the role asking, loading by id, If-Match,
// and writing a record with its version, stamps and sealed secrets.

// The list parameters of the contract: equality and bracket filters
// (gt, gte, lt, lte, in, ne), select, sort (up to four fields, "-" for
// descending), page (1..1000000) and limit (1..500, default 25). `populate`
// is read when rendering (listRecords, getRecord).
std::expected<storage::ListQuery, ApiResponse> parseListQuery(storage::RecordKind kind,
                                                              const QUrlQuery& query);

// The wire document for the signed-in member: version set, secrets only for
// roles allowed to see them, and another provider's appointment or series
// as a busy block for roles that see their own only (MinimumNecessary.h).
QJsonObject render(RequestContext& ctx, storage::RecordKind kind,
                   const storage::StoredRecord& record);

// Whether records of this kind are client data, whose reads are audited.
bool isClientData(storage::RecordKind kind);

// A list answer with count and pagination; `fixed` conditions come from the
// path (/staff/:providerId/appointments).
ApiResponse listRecords(RequestContext& ctx, storage::RecordKind kind,
                        const QList<storage::Condition>& fixed = {});

// The list of the records whose `field` is the id in the path parameter
// `param` (/api/v1/clients/:clientId/waitlist): 400 for a malformed id.
ApiResponse listByReference(RequestContext& ctx, storage::RecordKind kind, const QString& param,
                            const QString& field);

// The record named by the path parameter `param`: 400 for a malformed id,
// 404 when there is none (and for a client the member may not read).
std::expected<storage::StoredRecord, ApiResponse>
loadRecord(RequestContext& ctx, storage::RecordKind kind,
           const QString& param = QStringLiteral("id"));
// A 400 unless `param` is a well-formed id.
std::optional<ApiResponse> checkIdParam(RequestContext& ctx, const QString& param);
// 409 DUPLICATE_ID when a create carries an `_id` (a client-made one) that
// a record of `kind` already has; nothing when it carries none.
std::optional<ApiResponse> checkUnusedId(RequestContext& ctx, storage::RecordKind kind,
                                         const QJsonObject& body);

// GET of one record, with its ETag; `populate` as for lists.
ApiResponse getRecord(RequestContext& ctx, storage::RecordKind kind);

// The reads every scheduling resource has: GET `base`, GET `base`/:id, and
// GET /api/v1/clients/:clientId/`resource` and /api/v1/staff/:providerId/`resource`
// (the records whose client or provider is that id).
void addScheduleReads(Router& router, storage::RecordKind kind, const QString& resource);

// 412 with the current record when If-Match names another version.
std::optional<ApiResponse> checkIfMatch(RequestContext& ctx, storage::RecordKind kind,
                                        const storage::StoredRecord& current);
// The record a PUT or DELETE changes (`:id`): 400/404 as loadRecord, and
// 412 with the current record when If-Match names another version.
std::expected<storage::StoredRecord, ApiResponse> loadForChange(RequestContext& ctx,
                                                                storage::RecordKind kind);

// What a PUT works on: the record it changes (loadForChange) and the JSON
// object of its body.
struct Change {
    storage::StoredRecord current;
    QJsonObject body;
};
std::expected<Change, ApiResponse> loadChange(RequestContext& ctx, storage::RecordKind kind);

// Stamps, seals and stores `doc` (a new record when `previous` is null) and
// returns the stored record, rendered. Audits `action` on it.
std::expected<QJsonObject, ApiResponse> saveRecord(RequestContext& ctx, storage::RecordKind kind,
                                                   QJsonObject doc,
                                                   const storage::StoredRecord* previous,
                                                   const QString& action);

// DELETE of one record (`:id`, with If-Match as loadForChange): removed with
// a tombstone for the change feed, and audited.
ApiResponse removeRecord(RequestContext& ctx, storage::RecordKind kind);

// Fields a request may not set: the server's own.
void dropServerFields(QJsonObject& body);

// `doc` with the members of `changes` put over it (a PUT changes only the
// fields it sends, as the MentalSpace server does).
QJsonObject merged(QJsonObject doc, const QJsonObject& changes);

QString actionName(storage::RecordKind kind, const QString& verb);

// The answer for a storage failure (logged, never shown): 507 for a full
// disk, 503 for a database that cannot be written or reached, else 500.
ApiResponse storageFailure(const Error& error);
// Whether the database's failure is one storageFailure() names (a full
// disk, a read-only file, a database server out of reach), not just a 500.
bool isStorageTrouble(const Error& error);

} // namespace mss::server
