#include "server/RequestContext.h"

#include "domain/BoundedText.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace mss::server {

using namespace Qt::StringLiterals;

RequestContext::RequestContext(const ApiRequest& request, Practice& practice)
    : m_request(request)
    , m_practice(practice) {}

void RequestContext::signIn(const QString& staffId, domain::StaffRole role) {
    m_staffId = staffId;
    m_role = role;
}

bool RequestContext::can(Permission permission) const {
    return m_role && allows(*m_role, permission, m_practice.roleGrants());
}

std::expected<QJsonObject, ApiResponse> RequestContext::bodyObject() const {
    if (m_request.body.trimmed().isEmpty())
        return QJsonObject{};
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(m_request.body, &error);
    if (error.error != QJsonParseError::NoError) {
        return std::unexpected(ApiResponse::error(
            400,
            u"The body is not valid JSON (%1 at offset %2)"_s.arg(error.errorString())
                .arg(error.offset),
            u"MALFORMED_JSON"_s));
    }
    if (!doc.isObject())
        return std::unexpected(
            ApiResponse::error(400, u"The body must be a JSON object"_s, u"MALFORMED_JSON"_s));
    // What QJsonDocument lets through: a key twice (it keeps one), lone
    // surrogates; then every string against the domain's limits, unknown
    // fields included (a record keeps those).
    if (auto problem = domain::checkJsonText(m_request.body))
        return std::unexpected(ApiResponse::invalid({*problem}));
    Errors errors;
    domain::checkTexts(doc.object(), {}, errors);
    if (!errors.isEmpty())
        return std::unexpected(ApiResponse::invalid(errors));
    return doc.object();
}

void RequestContext::audit(const QString& action, const QString& resourceType,
                           const QString& resourceId, const QString& detail) {
    storage::AuditEntry e;
    e.actor = m_staffId;
    e.action = action;
    e.resourceType = resourceType;
    e.resourceId = resourceId;
    e.address = m_request.remote.toString();
    e.outcome = 0; // filled in by the dispatcher with the status answered
    e.detail = detail;
    m_audit.append(e);
}

} // namespace mss::server
