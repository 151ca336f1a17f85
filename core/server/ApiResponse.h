#pragma once

#include "base/Error.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

namespace mss::server {

// An answer in the envelopes of spec/API.md:
//   {"success": true, "data": ...}                 (plus count/pagination for lists)
//   {"success": false, "error": "...", "code": "...", ...extensions}
struct ApiResponse {
    int status = 200;
    QJsonObject body;
    QList<QPair<QByteArray, QByteArray>> headers;
    // When set, the JSON text of "data", sent as it is (records as stored).
    QByteArray rawData;
    // When set, the body is `page` as it is, of this type (the small HTML
    // pages of the public confirmation links), instead of JSON.
    QByteArray contentType;
    QByteArray page;

    // The body as sent: compact JSON (nothing for a 204).
    QByteArray serialized() const;
    // The answer a serialized body stands for (idempotent replays).
    static ApiResponse fromSerialized(int status, const QByteArray& body);

    static ApiResponse ok(const QJsonValue& data, int status = 200);
    static ApiResponse error(int status, const QString& message, const QString& code = {});
    // 400 with every validation problem: `error` joins them, `errors` lists
    // each with its field and code.
    static ApiResponse invalid(const Errors& errors);
    static ApiResponse internal();            // 500, details only in the server's log
    static ApiResponse diskFull();            // 507: nothing of the request was saved
    static ApiResponse readOnly();            // 503: the database file cannot be written
    static ApiResponse databaseUnavailable(); // 503: the database server is out of reach
    static ApiResponse noContent();           // 204: no body, no Content-Type

    ApiResponse& with(const QString& key, const QJsonValue& value) {
        body.insert(key, value);
        return *this;
    }
    ApiResponse& withHeader(const QByteArray& name, const QByteArray& value) {
        headers.append({name, value});
        return *this;
    }
    bool isSuccess() const { return status >= 200 && status < 300; }
};

} // namespace mss::server
