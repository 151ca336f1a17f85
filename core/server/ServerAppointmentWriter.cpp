#include "server/ServerAppointmentWriter.h"

#include "server/RecordRoutes.h"

namespace mss::server {

std::expected<void, QString>
ServerAppointmentWriter::update(const QString& appointmentId,
                                const std::function<void(QJsonObject&)>& change,
                                const QString& action) {
    const auto kind = storage::RecordKind::Appointment;
    const auto current = m_practice.records().get(kind, appointmentId);
    if (!current)
        return std::unexpected(current.error().message);
    if (!*current)
        return std::unexpected(QStringLiteral("no appointment %1").arg(appointmentId));
    QJsonObject doc = (*current)->doc;
    m_practice.unsealSecrets(doc, (*current)->secret);
    change(doc);
    const ApiRequest request;
    RequestContext ctx(request, m_practice);
    if (auto saved = saveRecord(ctx, kind, doc, &**current, action); !saved)
        return std::unexpected(QStringLiteral("cannot store the appointment"));
    for (auto entry : ctx.auditEntries()) {
        entry.outcome = 200;
        if (auto r = m_practice.auditLog().append(entry); !r)
            return std::unexpected(r.error().message);
    }
    return {};
}

} // namespace mss::server
