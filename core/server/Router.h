#pragma once

#include "domain/Roles.h"
#include "server/ApiRequest.h"
#include "server/ApiResponse.h"

#include <QList>
#include <QStringList>

#include <functional>
#include <optional>

namespace mss::server {

// The role table is the domain's (domain/Roles.h); routes name its permissions.
using domain::allows;
using domain::Permission;
using domain::permissionName;

class RequestContext;

using Handler = std::function<ApiResponse(RequestContext&)>;

// Where a route's handler runs. Every POST, PUT and DELETE runs inside one
// write transaction (with the idempotency check and its audit entries)
// unless it writes nothing but its audit entry: a test send talks to a mail
// server for up to 20 s and must not hold the database's write lock
// meanwhile. A GET runs outside any write transaction; one that writes
// nothing at all (Nothing) may be answered on a reader thread, through a
// read-only connection, beside other requests (ApiServer). A GET left at
// Records runs on the writer's thread: it writes (logout ends a session, a
// confirmation link answers its appointment), empties the audit batch (the
// audit-log listing) or asks the reminder scheduler, which lives there.
enum class Writes : int { Records = 0, AuditOnly = 1, Nothing = 2 };

struct Route {
    Method method = Method::Get;
    QString pattern;                      // "/api/v1/appointments/:id/cancel"
    std::optional<Permission> permission; // nullopt: open to anyone (login, health)
    Handler handler;
    QStringList segments;
    Writes writes = Writes::Records;
};

// Matches a path to a route. A path that some route knows, asked with a
// method none of them takes, is a 405 (with Allow), not a 404.
class Router {
public:
    void add(Method method, const QString& pattern, std::optional<Permission> permission,
             Handler handler, Writes writes = Writes::Records);

    struct Match {
        const Route* route = nullptr;
        QHash<QString, QString> params;
        QList<Method> allowed; // when the path is known but not the method
    };
    Match match(Method method, const QString& path) const;
    const QList<Route>& routes() const { return m_routes; }

private:
    QList<Route> m_routes;
};

// Every route of /api/v1 (the *Routes.cpp files).
Router apiRouter();

void addAuthRoutes(Router& router);
// What a sign-in (POST /api/v1/auth/login) would check its password against
// (the staff member's hash, or a decoy's for an unknown email), once its
// body, its account and the throttle let it get that far; nothing when the
// route answers without checking one (a bad body, 429, a storage failure).
struct PasswordToVerify {
    QString hash;
    QByteArray password;
};
std::optional<PasswordToVerify> passwordToVerify(RequestContext& ctx);
void addAppointmentRoutes(Router& router);
void addAvailabilityRoutes(Router& router);
void addDirectoryRoutes(Router& router);
void addPracticeRoutes(Router& router);
void addSeriesRoutes(Router& router);
void addReminderRoutes(Router& router);
// FHIR R4 read and search under /fhir/R4 (FhirRoutes.cpp, docs/fhir.md).
void addFhirRoutes(Router& router);
void addCalendarFeedRoutes(Router& router);
void addWaitlistRoutes(Router& router);
// The public page of a waitlist offer (WaitlistOffers.h).
void addWaitlistOfferRoutes(Router& router);

} // namespace mss::server
