#include "server/ServerAppointmentWriter.h"

#include "server/RecordRoutes.h"
#include "server/WaitlistOffers.h"

namespace mss::server {

Result<void> ServerAppointmentWriter::update(const QString& appointmentId,
                                             const std::function<void(QJsonObject&)>& change,
                                             const QString& action) {
    return updateAsServer(m_practice, storage::RecordKind::Appointment, appointmentId, change,
                          action);
}

Result<void> updateAsServer(Practice& practice, storage::RecordKind kind, const QString& id,
                            const std::function<void(QJsonObject&)>& change,
                            const QString& action) {
    const auto current = practice.records().get(kind, id);
    if (!current)
        return std::unexpected(Error{ErrorCode::StorageFailure, {}, current.error().message});
    if (!*current)
        return std::unexpected(Error{
            ErrorCode::NotFound, {}, QStringLiteral("no %1 %2").arg(storage::wireType(kind), id)});
    QJsonObject doc = (*current)->doc;
    practice.unsealSecrets(doc, (*current)->secret);
    change(doc);
    const ApiRequest request;
    RequestContext ctx(request, practice);
    if (auto saved = saveRecord(ctx, kind, doc, &**current, action); !saved) {
        const Error refused{saved.error().status == 409 ? ErrorCode::SchedulingConflict
                                                        : ErrorCode::StorageFailure,
                            {},
                            saved.error().body.value(QLatin1String("error")).toString()};
        return std::unexpected(Error{
            refused.code, {}, QStringLiteral("cannot store the %1").arg(storage::wireType(kind))}
                                   .causedBy(refused));
    }
    for (auto entry : ctx.auditEntries()) {
        entry.outcome = 200;
        if (auto r = practice.auditLog().append(entry); !r)
            return std::unexpected(Error{ErrorCode::StorageFailure, {}, r.error().message});
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

    void runWaitlistOffers(const reminders::ConfirmationKey& key,
                           const std::atomic<bool>* stop) override {
        if (!m_offers) {
            m_offers = std::make_unique<WaitlistOfferSender>(*m_practice, key);
            m_offers->setStopFlag(stop);
        }
        if (auto r = m_offers->runOnce(); !r)
            qWarning("waitlist offers: %s", qPrintable(describe(r.error())));
    }

private:
    std::unique_ptr<Practice> m_practice;
    ServerAppointmentWriter m_writer;
    std::unique_ptr<WaitlistOfferSender> m_offers;
};

} // namespace

Result<std::unique_ptr<reminders::SenderContext>>
openReminderSenderContext(const QString& dataDir, const Clock& clock,
                          const std::optional<storage::DatabaseUrl>& database) {
    auto practice = Practice::open(dataDir, clock, database);
    if (!practice)
        return std::unexpected(practice.error());
    return std::make_unique<PracticeSenderContext>(std::move(*practice));
}

} // namespace mss::server
