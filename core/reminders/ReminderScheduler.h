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
#include <QThread>
#include <QTimer>

#include <atomic>
#include <expected>
#include <functional>
#include <memory>

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

// What the sending thread works with: its own SQLite connection (a
// connection stays on the thread that opened it), the records and the write
// path over that connection, and the sealer that opens the credentials.
class SenderContext {
public:
    virtual ~SenderContext() = default;
    virtual storage::Database& db() = 0;
    virtual storage::RecordStore& records() = 0;
    virtual AppointmentWriter& writer() = 0;
    virtual Sealer sealer() = 0;
};
// Opens a SenderContext; called on the sending thread.
using SenderFactory = std::function<std::expected<std::unique_ptr<SenderContext>, QString>()>;

enum class ReminderState : int { Pending = 0, Claimed = 1, Sent = 2, Failed = 3, Skipped = 4 };

// The stored settings, read on the caller's connection.
ReminderSettings loadReminderSettings(storage::RecordStore& records, const Sealer& sealer);

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

    struct Drained {
        int sent = 0;
        int failed = 0;
        int skipped = 0;
    };
    // Follows the change feed, then sends what is due. Returns what it did.
    std::expected<Drained, QString> runOnce();

    // Backoff after the n-th failed attempt: 1, 5, 15, then 60 minutes.
    static qint64 backoffMs(int attempts);

private:
    bool stopping() const { return m_stopFlag && m_stopFlag->load(); }
    std::expected<void, QString> followChanges();
    // The reminders an appointment wants now (channel, due time); none for
    // one deleted, cancelled, completed or past.
    using Wanted = QList<std::pair<QString, qint64>>;
    std::expected<Wanted, QString> wantedFor(const QString& appointmentId, qint64 nowMs);
    // Makes the pending reminder rows of one appointment match `want`.
    std::expected<void, QString> apply(const QString& appointmentId, const Wanted& want);
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
        std::expected<void, QString> result;
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
};

// The server's reminders: a ReminderSender on a thread of its own, so a slow
// SMTP server or SMS gateway never holds up a request. Lives on the thread
// that serves requests; settings() and saveSettings() use that thread's
// connection, the sender thread opens its own through the factory.
class ReminderScheduler : public QObject {
    Q_OBJECT

public:
    static constexpr qint64 claimTimeoutMs = ReminderSender::claimTimeoutMs;

    ReminderScheduler(storage::RecordStore& records, const Clock& clock, Sealer sealer,
                      ConfirmationKey key, SenderFactory openSender, QObject* parent = nullptr);
    ~ReminderScheduler() override;

    // Starts the sending thread: it runs every `intervalMs` and soon after
    // poke().
    void start(int intervalMs);
    // Stops the thread; a send in flight is abandoned and recorded as a
    // failure (retried after the backoff, with the same Message-ID).
    void stop();
    // From any thread: a write committed, look at the change feed soon.
    void poke();

    ReminderSettings settings();
    std::expected<void, QString> saveSettings(const ReminderSettings& settings);
    const ConfirmationKey& key() const { return m_key; }

    // For an admin's test message, on the caller's thread (never the
    // sending thread's transports).
    SmtpSender& smtp() { return m_smtp; }
    SmsSender& sms() { return m_sms; }

signals:
    void poked();

private:
    storage::RecordStore& m_records;
    const Clock& m_clock;
    Sealer m_sealer;
    ConfirmationKey m_key;
    SenderFactory m_openSender;
    std::atomic<bool> m_stop{false}; // before the senders that read it
    SmtpSender m_smtp;
    SmsSender m_sms;
    std::unique_ptr<QThread> m_thread;
};

} // namespace mss::reminders
