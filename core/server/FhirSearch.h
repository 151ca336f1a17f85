#pragma once

#include "server/ApiResponse.h"
#include "server/RequestContext.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <expected>
#include <optional>
#include <utility>

namespace mss::server::fhir {

// Reading FHIR search parameters (docs/fhir.md, "Appointment"): each
// refusal is a 400 OperationOutcome naming the parameter at fault.

// "http://host/fhir/R4" as the client reached it (https over TLS; the
// request's Host header, or localhost when it has none that is a host).
QString baseUrl(const RequestContext& ctx);

// A 400 OperationOutcome on search parameter `name`.
ApiResponse invalidParam(const QString& name, const QString& message);

// The search parameters of a request, checked against those a resource
// takes; _count, _page and _format are read here for all.
struct Search {
    QList<std::pair<QString, QString>> params; // decoded, in order
    int count = 25;
    int page = 1;
    QString selfQuery; // the parameters again, without _count and _page

    QStringList values(const QString& name) const {
        QStringList out;
        for (const auto& [k, v] : params)
            if (k == name)
                out << v;
        return out;
    }
};
std::expected<Search, ApiResponse> readSearch(const RequestContext& ctx, const QStringList& known);

// The bounds on a start time that a list of FHIR date values sets:
// [lower, upper). A value is the range its precision covers (a day, a
// minute, ...); a date without a time is a day on `zone`'s clocks.
struct Window {
    std::optional<QDateTime> lower;
    std::optional<QDateTime> upper;
    void atLeast(const QDateTime& t) {
        if (!lower || t > *lower)
            lower = t;
    }
    void before(const QDateTime& t) {
        if (!upper || t < *upper)
            upper = t;
    }
};
std::expected<Window, ApiResponse> readWindow(const QString& name, const QStringList& values,
                                              const QTimeZone& zone);

// "Patient/<id>", a full URL ending so, or (when `bareId`) an id alone,
// read as the first of `types`; the type found goes to `typeFound`.
std::expected<QString, ApiResponse> readReference(const QString& name, const QString& text,
                                                  const QStringList& types, bool bareId,
                                                  QString* typeFound = nullptr);
// A comma list of references to `type` (or bare ids).
std::expected<QStringList, ApiResponse> readReferences(const QString& name, const QString& text,
                                                       const QString& type);
std::optional<bool> readBool(const QString& text);

} // namespace mss::server::fhir
