#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <optional>

namespace mss::server {

enum class Method { Get, Post, Put, Delete, Patch, Options, Other };

// An HTTP request as the routes see it: independent of the HTTP library, so
// that routes can be driven without sockets.
struct ApiRequest {
    Method method = Method::Get;
    QString path; // decoded, without the query
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
    // The transport stopped reading a body past ApiServer::maxBodyBytes
    // (from its Content-Length, or as it streamed): answered 413.
    bool bodyTooLarge = false;
    // The transport found the request line, or the request line and headers
    // together, past its limit (HttpLimits::maxHeaderBytes, `headLimit`
    // bytes): answered 414 or 431 before any route or authentication, with
    // the CORS headers its origin is owed.
    enum class Head { Fits, UrlTooLong, HeadersTooLarge };
    Head head = Head::Fits;
    qsizetype headLimit = 0;
    QHostAddress remote;
    bool secure = false;            // came over TLS (links in answers say https)
    QHash<QString, QString> params; // ":id" segments of the matched route
    // Set by ApiServer::handleLater, never from the wire: the sign-in's
    // password already checked against `hash` on a worker thread.
    struct VerifiedPassword {
        QString hash;
        bool matches = false;
    };
    std::optional<VerifiedPassword> verifiedPassword;

    QByteArray header(const QByteArray& lowerCaseName) const {
        return headers.value(lowerCaseName);
    }
};

QString methodName(Method method);

} // namespace mss::server
