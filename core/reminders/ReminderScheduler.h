#pragma once

#include "base/Clock.h"
#include "reminders/ConfirmationToken.h"
#include "reminders/ReminderSettings.h"
#include "reminders/SmsSender.h"
#include "reminders/SmtpSender.h"
#include "storage/Database.h"
#include "storage/RecordStore.h"

#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <expected>
#include <functional>

namespace mss::reminders {

// How the scheduler changes an appointment: through the server's own write
// path, so the version, the change feed and the audit log follow as for any
// write. Called inside the scheduler's write transaction.
class AppointmentWriter {
public:
    virtual ~AppointmentWriter() = default;
    virtual std::expected<void, QString> update(const QString& appointmentId,
                                                const std::function<void(QJsonObject&)>& change,
                                                const QString& action) = 0;
};

enum class ReminderState : int { Pending = 0, Claimed = 1, Sent = 2, Failed = 3, Skipped = 4 };

// Sends each appointment's reminders once, on time (docs/reminders.md).
//
// What makes it hard: a send cannot be inside a database transaction, so a
// crash can fall between the two. Each reminder is claimed (committed)
// before it is sent and marked sent (committed, with the appointment's
// fields) after; a claim older than claimTimeoutMs is a crash's and is
// retried. The appointments to look at come from the change feed (a cursor
// in `settings`), so a change made by another server process on the same
// file is seen as well.
class ReminderScheduler : public QObject {
    Q_OBJECT

public:
    static constexpr qint64 claimTimeoutMs = 5 * 60 * 1000;
    static constexpr int batch = 200;

    ReminderScheduler(storage::Database& db, storage::RecordStore& records, const Clock& clock,
                      Sealer sealer, ConfirmationKey key, AppointmentWriter& writer,
                      QObject* parent = nullptr);

    // Runs every `intervalMs` and soon after poke().
    void start(int intervalMs);
    void poke();

    ReminderSettings settings();
    std::expected<void, QString> saveSettings(const ReminderSettings& settings);
    const ConfirmationKey& key() const { return m_key; }

    struct Drained {
        int sent = 0;
        int failed = 0;
        int skipped = 0;
    };
    // Follows the change feed, then sends what is due. Returns what it did.
    std::expected<Drained, QString> runOnce();

    // Backoff after the n-th failed attempt: 1, 5, 15, then 60 minutes.
    static qint64 backoffMs(int attempts);

    SmtpSender& smtp() { return m_smtp; }
    SmsSender& sms() { return m_sms; }

private:
    std::expected<void, QString> followChanges();
    std::expected<void, QString> recompute(const QString& appointmentId, qint64 nowMs);
    enum class Outcome { Sent, Failed, Skipped, Busy };
    Outcome sendOne(const QString& appointmentId, const QString& channel);

    storage::Database& m_db;
    storage::RecordStore& m_records;
    const Clock& m_clock;
    Sealer m_sealer;
    ConfirmationKey m_key;
    AppointmentWriter& m_writer;
    SmtpSender m_smtp;
    SmsSender m_sms;
    QTimer m_timer;
    QTimer m_soon;
};

} // namespace mss::reminders
