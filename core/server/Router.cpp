#include "server/Router.h"

namespace mss::server {

using namespace Qt::StringLiterals;

void Router::add(Method method, const QString& pattern, std::optional<Permission> permission,
                 Handler handler, Writes writes) {
    m_routes.append({method, pattern, permission, std::move(handler),
                     pattern.split(u'/', Qt::SkipEmptyParts), writes});
}

Router::Match Router::match(Method method, const QString& path) const {
    const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    Match best;
    int bestLiterals = -1;
    for (const Route& route : m_routes) {
        if (route.segments.size() != parts.size())
            continue;
        QHash<QString, QString> params;
        int literals = 0;
        bool fits = true;
        for (qsizetype i = 0; i < parts.size() && fits; ++i) {
            const QString& s = route.segments.at(i);
            if (s.startsWith(u':')) {
                params.insert(s.mid(1), parts.at(i));
            } else if (s == parts.at(i)) {
                ++literals;
            } else {
                fits = false;
            }
        }
        if (!fits)
            continue;
        if (route.method != method) {
            if (!best.allowed.contains(route.method))
                best.allowed.append(route.method);
            continue;
        }
        // "/staff/:id/appointments" and a literal route of the same length:
        // the one with more literal segments wins.
        if (literals > bestLiterals) {
            bestLiterals = literals;
            best.route = &route;
            best.params = std::move(params);
        }
    }
    return best;
}

Router apiRouter() {
    Router router;
    addAuthRoutes(router);
    addAppointmentRoutes(router);
    addAvailabilityRoutes(router);
    addDirectoryRoutes(router);
    addPracticeRoutes(router);
    addSeriesRoutes(router);
    addReminderRoutes(router);
    addFhirRoutes(router);
    addCalendarFeedRoutes(router);
    addWaitlistRoutes(router);
    addWaitlistOfferRoutes(router);
    return router;
}

} // namespace mss::server
