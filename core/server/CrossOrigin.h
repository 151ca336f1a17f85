#pragma once

#include "base/Error.h"
#include "server/ApiRequest.h"
#include "server/ApiResponse.h"

#include <QList>
#include <QStringList>

namespace mss::server {

class Router;

// Which web pages on other origins may call the API from a browser (CORS).
// An origin is "scheme://host[:port]" as a browser sends it in `Origin`;
// "*" allows every origin. Empty (the default) allows none: a browser then
// refuses every cross-origin answer, while desks and scripts, which send no
// `Origin`, are not affected. The practice's setting and the serve
// command's --allow-origin add up.
class AllowedOrigins {
public:
    // Each entry is an origin, "*", or a comma-separated list of them. The
    // error (InvalidConfiguration) names the entry that is not an origin;
    // its field is the caller's to set, as only the caller knows whether
    // the entries came from --allow-origin or the practice's setting.
    static Result<AllowedOrigins> parse(const QStringList& entries);

    bool isEmpty() const { return !m_any && m_origins.isEmpty(); }
    bool allowsAny() const { return m_any; }
    bool allows(const QByteArray& origin) const;
    // The entries, normalized ("*" first when present).
    QStringList entries() const;
    AllowedOrigins united(const AllowedOrigins& other) const;

private:
    bool m_any = false;
    QStringList m_origins;
};

// The CORS rules of every answer, in one place above the transport:
//  - a preflight (OPTIONS) on a path some route takes: 204 with the path's
//    methods, the request headers a page may send (Authorization,
//    Content-Type, If-Match, Idempotency-Key, X-Device-Token) and how long
//    a browser may keep the answer; on a path no route takes: 404;
//  - every answer, errors and 401s included, carries
//    Access-Control-Allow-Origin for an allowed origin (the origin itself,
//    or "*" when every origin is allowed), the headers a page may read,
//    and Vary: Origin;
//  - an origin that is not allowed gets no CORS header at all, so the
//    browser keeps the answer from the page.
// Never Access-Control-Allow-Credentials: the API authenticates with a
// bearer token that the page sends itself, never with cookies, so a page
// has no reason to send credentials and is refused when it does.
namespace cors {

inline constexpr int maxAgeSeconds = 600;

// The answer to an OPTIONS request.
ApiResponse preflight(const ApiRequest& request, const Router& router,
                      const AllowedOrigins& origins);
// Adds the CORS headers that `request`'s origin is owed to `response`.
void decorate(ApiResponse& response, const ApiRequest& request, const AllowedOrigins& origins);

} // namespace cors

} // namespace mss::server
