#pragma once

#include "server/ApiRequest.h"
#include "server/ApiResponse.h"
#include "domain/Roles.h"

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

struct Route {
    Method method = Method::Get;
    QString pattern;                      // "/api/v1/appointments/:id/cancel"
    std::optional<Permission> permission; // nullopt: open to anyone (login, health)
    Handler handler;
    QStringList segments;
};

// Matches a path to a route. A path that some route knows, asked with a
// method none of them takes, is a 405 (with Allow), not a 404.
class Router {
public:
    void add(Method method, const QString& pattern, std::optional<Permission> permission,
             Handler handler);

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
void addAppointmentRoutes(Router& router);
void addAvailabilityRoutes(Router& router);
void addDirectoryRoutes(Router& router);
void addPracticeRoutes(Router& router);
void addSeriesRoutes(Router& router);
void addReminderRoutes(Router& router);

} // namespace mss::server
