#pragma once

#include "domain/Roles.h"
#include "server/ApiRequest.h"
#include "server/ApiResponse.h"
#include "server/Practice.h"

#include <QHash>
#include <QJsonObject>

#include <expected>
#include <functional>
#include <optional>

namespace mss::server {

// The role table is the domain's (domain/Roles.h); routes name its permissions.
using domain::allows;
using domain::Permission;
using domain::permissionName;

// What a route handler gets: the request, the practice, who is signed in,
// and a place to leave audit entries. The dispatcher writes those entries
// in the request's own transaction (writes) or right after (reads).
class RequestContext {
public:
    RequestContext(const ApiRequest& request, Practice& practice);

    const ApiRequest& request() const { return m_request; }
    Practice& practice() { return m_practice; }
    storage::RecordStore& records() { return m_practice.records(); }

    const QString& staffId() const { return m_staffId; }
    std::optional<domain::StaffRole> role() const { return m_role; }
    void signIn(const QString& staffId, domain::StaffRole role);
    // The role table with the practice's wider grants.
    bool can(Permission permission) const;

    // The server answers the plain contract (ApiServer::setPlainApi): no
    // conflict or availability checks, as the MentalSpace EHR server.
    void setPlainApi(bool plain) { m_plainApi = plain; }
    bool isPlainApi() const { return m_plainApi; }

    QString param(const QString& name) const { return m_request.params.value(name); }
    // The body as a JSON object, or the 400 to answer.
    std::expected<QJsonObject, ApiResponse> bodyObject() const;

    // Records that this request touched a record (or, with an empty id, a
    // list: give the ids disclosed as the detail).
    void audit(const QString& action, const QString& resourceType, const QString& resourceId,
               const QString& detail = {});
    const QList<storage::AuditEntry>& auditEntries() const { return m_audit; }
    void clearAudit() { m_audit.clear(); }

    // What the booking check found for an appointment this request stores:
    // its time free (true), or booked over others / not checked on the
    // plain contract (false). saveRecord passes it to RecordStore::put;
    // nullopt for an appointment whose write was not checked.
    void noteTimeChecked(const QString& appointmentId, bool free) {
        m_timeChecked.insert(appointmentId, free);
    }
    std::optional<bool> timeCheckedFree(const QString& appointmentId) const {
        const auto it = m_timeChecked.constFind(appointmentId);
        return it == m_timeChecked.cend() ? std::nullopt : std::optional<bool>(*it);
    }
    // The appointment whose write the database refused for overlapping
    // another's time (a SchedulingConflict): the dispatcher names what it
    // overlaps once the transaction has rolled back (Booking.h).
    void setRefusedOverlap(const QJsonObject& appointment) { m_refusedOverlap = appointment; }
    const std::optional<QJsonObject>& refusedOverlap() const { return m_refusedOverlap; }
    // A write that stands though the request is refused (a failed sign-in's
    // count): the dispatcher rolls the request's transaction back, then
    // runs `write` in a transaction of its own. When that fails, the
    // request is answered with the storage failure instead.
    void writeWhenRefused(std::function<Result<void>()> write) { m_whenRefused = std::move(write); }
    const std::function<Result<void>()>& whenRefused() const { return m_whenRefused; }

private:
    const ApiRequest& m_request;
    Practice& m_practice;
    QString m_staffId;
    std::optional<domain::StaffRole> m_role;
    QList<storage::AuditEntry> m_audit;
    std::function<Result<void>()> m_whenRefused;
    bool m_plainApi = false;
    QHash<QString, bool> m_timeChecked;
    std::optional<QJsonObject> m_refusedOverlap;
};

} // namespace mss::server
