#include "server/ApiResponse.h"

#include "server/ApiRequest.h"

#include <QJsonDocument>

namespace mss::server {

using namespace Qt::StringLiterals;

QString methodName(Method method) {
    switch (method) {
    case Method::Get:
        return u"GET"_s;
    case Method::Post:
        return u"POST"_s;
    case Method::Put:
        return u"PUT"_s;
    case Method::Delete:
        return u"DELETE"_s;
    case Method::Patch:
        return u"PATCH"_s;
    case Method::Options:
        return u"OPTIONS"_s;
    case Method::Other:
        break;
    }
    return u"OTHER"_s;
}

ApiResponse ApiResponse::ok(const QJsonValue& data, int status) {
    ApiResponse r;
    r.status = status;
    r.body = QJsonObject{{"success"_L1, true}, {"data"_L1, data}};
    return r;
}

ApiResponse ApiResponse::error(int status, const QString& message, const QString& code) {
    ApiResponse r;
    r.status = status;
    r.body = QJsonObject{{"success"_L1, false}, {"error"_L1, message}};
    if (!code.isEmpty())
        r.body.insert("code"_L1, code);
    return r;
}

ApiResponse ApiResponse::invalid(const Errors& errors) {
    QJsonArray list;
    for (const Error& e : errors) {
        list.append(QJsonObject{
            {"field"_L1, e.field}, {"code"_L1, errorCodeName(e.code)}, {"message"_L1, e.message}});
    }
    return error(400, describe(errors), u"VALIDATION_ERROR"_s).with(u"errors"_s, list);
}

QByteArray ApiResponse::serialized() const {
    if (status == 204)
        return {};
    if (!contentType.isEmpty())
        return page;
    QByteArray text = QJsonDocument(body).toJson(QJsonDocument::Compact);
    if (rawData.isEmpty())
        return text;
    text.chop(1); // the closing brace
    text += ",\"data\":";
    text += rawData;
    text += '}';
    return text;
}

ApiResponse ApiResponse::fromSerialized(int status, const QByteArray& text) {
    ApiResponse r;
    r.status = status;
    r.body = QJsonDocument::fromJson(text).object();
    return r;
}

ApiResponse ApiResponse::noContent() {
    ApiResponse r;
    r.status = 204;
    return r;
}

ApiResponse ApiResponse::diskFull() {
    return error(507, u"The server's disk is full; nothing was saved"_s, u"DISK_FULL"_s);
}

ApiResponse ApiResponse::readOnly() {
    return error(
        503, u"The server cannot write its database (the file is read-only); nothing was saved"_s,
        u"READ_ONLY"_s);
}

ApiResponse ApiResponse::databaseUnavailable() {
    return error(503,
                 u"The server cannot reach its database; nothing was saved. Try again shortly"_s,
                 u"DATABASE_UNAVAILABLE"_s)
        .withHeader("Retry-After", "5");
}

ApiResponse ApiResponse::internal() {
    return error(500, u"Server error"_s, u"SERVER_ERROR"_s);
}

} // namespace mss::server
