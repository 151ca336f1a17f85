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

namespace {

class PracticeSenderContext final : public reminders::SenderContext {
public:
    explicit PracticeSenderContext(std::unique_ptr<Practice> practice)
        : m_practice(std::move(practice))
        , m_writer(*m_practice) {}

    storage::Database& db() override { return m_practice->db(); }
    storage::RecordStore& records() override { return m_practice->records(); }
    reminders::AppointmentWriter& writer() override { return m_writer; }
    reminders::Sealer sealer() override {
        const SecretBox& secrets = m_practice->secrets();
        return {[&secrets](const QByteArray& v) { return secrets.seal(v); },
                [&secrets](const QByteArray& v) { return secrets.open(v); }};
    }

private:
    std::unique_ptr<Practice> m_practice;
    ServerAppointmentWriter m_writer;
};

} // namespace

std::expected<std::unique_ptr<reminders::SenderContext>, QString>
openReminderSenderContext(const QString& dataDir, const Clock& clock,
                          const std::optional<storage::DatabaseUrl>& database) {
    auto practice = Practice::open(dataDir, clock, database);
    if (!practice)
        return std::unexpected(practice.error());
    return std::make_unique<PracticeSenderContext>(std::move(*practice));
}

} // namespace mss::server
