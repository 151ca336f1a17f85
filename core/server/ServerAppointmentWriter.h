#pragma once

#include "reminders/ReminderScheduler.h"
#include "server/Practice.h"

namespace mss::server {

// The reminder scheduler's and the confirmation links' way of changing an
// appointment: the write path of the routes (stamp, version + 1, sealed
// secrets, change feed) with the audit entry written at once, by no staff
// member. Runs inside the caller's write transaction.
class ServerAppointmentWriter final : public reminders::AppointmentWriter {
public:
    explicit ServerAppointmentWriter(Practice& practice)
        : m_practice(practice) {}

    Result<void> update(const QString& appointmentId,
                        const std::function<void(QJsonObject&)>& change,
                        const QString& action) override;

private:
    Practice& m_practice;
};

// The same write path for a record of any kind (a waitlist entry the offer
// changes): stamped, versioned, in the change feed, audited at once as
// `action` by no staff member. Inside the caller's write transaction.
Result<void> updateAsServer(Practice& practice, storage::RecordKind kind, const QString& id,
                            const std::function<void(QJsonObject&)>& change, const QString& action);

// The reminder sending thread's own Practice (connection, records, write
// path and SecretBox) over the data directory and `database` (absent: the
// SQLite file in it). Called on that thread.
Result<std::unique_ptr<reminders::SenderContext>>
openReminderSenderContext(const QString& dataDir, const Clock& clock,
                          const std::optional<storage::DatabaseUrl>& database = std::nullopt);

} // namespace mss::server
