#pragma once

#include "base/Clock.h"
#include "reminders/AppointmentWriter.h"
#include "reminders/ConfirmationToken.h"
#include "reminders/ReminderSettings.h"
#include "reminders/SmsSender.h"
#include "reminders/SmtpSender.h"
#include "storage/Database.h"
#include "storage/RecordStore.h"

#include <QObject>
#include <QTimer>

#include <atomic>
#include <expected>
#include <functional>

namespace mss::reminders {

enum class ReminderState : int { Pending = 0, Claimed = 1, Sent = 2, Failed = 3, Skipped = 4 };

// The stored settings, read on the caller's connection.
ReminderSettings loadReminderSettings(storage::RecordStore& records, const Sealer& sealer);
// Stores them, on the caller's connection; the error says why not.
Result<void> saveReminderSettings(storage::RecordStore& records, const ReminderSettings& settings,
                                  const Sealer& sealer);

// Sends each appointment's reminders once, on time (docs/reminders.md).
// Works on one thread with one connection: the server runs it on its own
// thread (ReminderScheduler), the benchmark drives it directly.
//
// What makes it hard: a send cannot be inside a database transaction, so a
// crash can fall between the two. Each reminder is claimed (committed)
// before it is sent and marked sent (committed, with the appointment's
// fields) after; a claim older than claimTimeoutMs is a crash's and is
// retried. The appointments to look at come from the change feed (a cursor
// in `settings`), so a change made by another connection or another server
// process on the same file is seen as well.
class ReminderSender : public QObject {
    Q_OBJECT

public:
    static constexpr qint64 claimTimeoutMs = 5 * 60 * 1000;
    static constexpr int batch = 200;
    // Claims are committed for up to recordEvery reminders at once. Each
    // outcome is committed after its send; every recordEvery sends or
    // recordEveryMs that commit waits for the disk (several ms; a message
    // takes about one), the others only survive the process.
    static constexpr int recordEvery = 50;
    static constexpr qint64 recordEveryMs = 1000;

    ReminderSender(storage::Database& db, storage::RecordStore& records, const Clock& clock,
                   Sealer sealer, ConfirmationKey key, AppointmentWriter& writer,
                   QObject* parent = nullptr);

    // Runs every `intervalMs` and soon after poke().
    void start(int intervalMs);
    void poke();
    // A send in flight gives up when `*stop` becomes true (the server stops).
    void setStopFlag(const std::atomic<bool>* stop);
    // Runs after each run of the reminders, on this thread.
    void setAfterRun(std::function<void()> afterRun) { m_afterRun = std::move(afterRun); }

    struct Drained {
        int sent = 0;
        int failed = 0;
        int skipped = 0;
    };
    // Follows the change feed, then sends what is due. Returns what it did.
    Result<Drained> runOnce();

    // Backoff after the n-th failed attempt: 1, 5, 15, then 60 minutes.
    static qint64 backoffMs(int attempts);

private:
    bool stopping() const { return m_stopFlag && m_stopFlag->load(); }
    Result<void> followChanges();
    // The reminders an appointment wants now (channel, due time); none for
    // one deleted, cancelled, completed or past.
    using Wanted = QList<std::pair<QString, qint64>>;
    Result<Wanted> wantedFor(const QString& appointmentId, qint64 nowMs);
    // Makes the pending reminder rows of one appointment match `want`.
    Result<void> apply(const QString& appointmentId, const Wanted& want);
    // A claimed reminder, rendered and ready for its transport.
    struct Prepared {
        QString id;
        QString channel;
        int attempts = 0; // counting this one
        Email email;
        QString smsTo;
        QString smsBody;
    };
    struct Sent {
        Prepared message;
        Result<void> result;
        bool released = false; // not handed to the transport: the server stops
    };
    enum class Claim { Send, Skipped, Failed, NotDue, Error };
    // Inside the caller's write transaction.
    Claim claimOne(const QString& appointmentId, const QString& channel,
                   const ReminderSettings& settings, qint64 nowMs, Prepared& out);
    // Claims the group in one commit, sends, records the outcomes.
    void sendGroup(const QList<std::pair<QString, QString>>& group,
                   const ReminderSettings& settings, Drained& done, int& progressed);
    // One commit: each reminder's row, and for a sent one the appointment.
    bool record(const QList<Sent>& outcomes, storage::WriteTransaction::Durability durability);

    storage::Database& m_db;
    bool m_caughtUp = false; // the change feed walked once since the start
    storage::RecordStore& m_records;
    const Clock& m_clock;
    Sealer m_sealer;
    ConfirmationKey m_key;
    AppointmentWriter& m_writer;
    SmtpSender m_smtp;
    SmsSender m_sms;
    const std::atomic<bool>* m_stopFlag = nullptr;
    QTimer m_timer;
    QTimer m_soon;
    std::function<void()> m_afterRun;
};

} // namespace mss::reminders
