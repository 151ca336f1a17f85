#include "server/CrossOrigin.h"

#include "server/Router.h"

#include <QUrl>

namespace mss::server {

using namespace Qt::StringLiterals;

namespace {

// "HTTPS://Example.org:443/" -> "https://example.org", as a browser writes
// an Origin; empty when `text` is not an http(s) origin.
QString normalizedOrigin(const QString& text) {
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != "http"_L1 && scheme != "https"_L1) || url.host().isEmpty() ||
        !url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment() ||
        (!url.path().isEmpty() && url.path() != "/"_L1))
        return {};
    const int defaultPort = scheme == "https"_L1 ? 443 : 80;
    QString host = url.host(QUrl::FullyEncoded).toLower(); // IDN as punycode, as sent
    if (host.contains(u':'))
        host = u'[' + host + u']'; // IPv6: "http://[::1]:8080"
    QString out = scheme + u"://"_s + host;
    if (url.port() != -1 && url.port() != defaultPort)
        out += u':' + QString::number(url.port());
    return out;
}

} // namespace

Result<AllowedOrigins> AllowedOrigins::parse(const QStringList& entries) {
    AllowedOrigins out;
    for (const QString& entry : entries) {
        for (const QString& part : entry.split(u',', Qt::SkipEmptyParts)) {
            const QString text = part.trimmed();
            if (text.isEmpty())
                continue;
            if (text == "*"_L1) {
                out.m_any = true;
                continue;
            }
            const QString origin = normalizedOrigin(text);
            if (origin.isEmpty())
                return std::unexpected(
                    Error{ErrorCode::InvalidConfiguration,
                          {},
                          u"\"%1\" is not an origin such as https://scheduler.example.org "
                          "(scheme, host and port only) or *"_s.arg(text)});
            if (!out.m_origins.contains(origin))
                out.m_origins.append(origin);
        }
    }
    return out;
}

bool AllowedOrigins::allows(const QByteArray& origin) const {
    if (origin.isEmpty() || origin == "null")
        return false; // sandboxed pages and files: never trusted by name
    if (m_any)
        return true;
    return m_origins.contains(QString::fromLatin1(origin).toLower());
}

QStringList AllowedOrigins::entries() const {
    QStringList out = m_origins;
    if (m_any)
        out.prepend(u"*"_s);
    return out;
}

AllowedOrigins AllowedOrigins::united(const AllowedOrigins& other) const {
    AllowedOrigins out = *this;
    out.m_any = m_any || other.m_any;
    for (const QString& o : other.m_origins) {
        if (!out.m_origins.contains(o))
            out.m_origins.append(o);
    }
    return out;
}

namespace cors {

namespace {

// What a page may send beyond the CORS-safelisted headers: the token, JSON
// bodies, and this project's extensions (spec/API.md).
constexpr QByteArrayView allowedRequestHeaders = "Authorization, Content-Type, If-Match, "
                                                 "Idempotency-Key, X-Device-Token";
// What a page may read beyond the CORS-safelisted headers.
constexpr QByteArrayView exposedHeaders = "ETag, Allow, Retry-After, Idempotent-Replayed";

bool hasHeader(const ApiResponse& r, QByteArrayView name) {
    return std::ranges::any_of(
        r.headers, [&](const auto& h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
}

} // namespace

ApiResponse preflight(const ApiRequest& request, const Router& router,
                      const AllowedOrigins& origins) {
    const Router::Match match = router.match(Method::Options, request.path);
    if (match.allowed.isEmpty())
        return ApiResponse::error(404, u"Route not found: %1"_s.arg(request.path), u"NOT_FOUND"_s);
    QStringList names;
    for (Method m : match.allowed)
        names << methodName(m);
    names << methodName(Method::Options);
    const QByteArray methods = names.join(u", "_s).toLatin1();
    ApiResponse r = ApiResponse::noContent();
    r.withHeader("Allow", methods);
    if (origins.allows(request.header("origin"))) {
        r.withHeader("Access-Control-Allow-Methods", methods);
        r.withHeader("Access-Control-Allow-Headers", allowedRequestHeaders.toByteArray());
        r.withHeader("Access-Control-Max-Age", QByteArray::number(maxAgeSeconds));
        // A page on the internet calling the office's server on its LAN
        // (Chromium's Private Network Access): allowed like any other call
        // from an allowed origin.
        if (request.header("access-control-request-private-network") == "true")
            r.withHeader("Access-Control-Allow-Private-Network", "true");
    }
    return r;
}

void decorate(ApiResponse& response, const ApiRequest& request, const AllowedOrigins& origins) {
    // The answer differs by Origin: caches must not hand one origin's
    // answer to another.
    if (!hasHeader(response, "Vary"))
        response.withHeader("Vary", "Origin");
    const QByteArray origin = request.header("origin");
    if (!origins.allows(origin))
        return;
    response.withHeader("Access-Control-Allow-Origin", origins.allowsAny() ? "*" : origin);
    response.withHeader("Access-Control-Expose-Headers", exposedHeaders.toByteArray());
}

} // namespace cors

} // namespace mss::server
