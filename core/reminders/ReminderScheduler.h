#pragma once

#include "base/Clock.h"
#include "reminders/ConfirmationToken.h"
#include "reminders/ReminderSender.h"
#include "reminders/ReminderSettings.h"
#include "reminders/SenderContext.h"
#include "reminders/SmsSender.h"
#include "reminders/SmtpSender.h"
#include "storage/RecordStore.h"

#include <QObject>
#include <QThread>

#include <atomic>
#include <expected>
#include <memory>

namespace mss::reminders {

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
    // On the scheduler's thread: a write committed, look at the change feed
    // soon. Nothing while stopped.
    void poke();

    ReminderSettings settings();
    Result<void> saveSettings(const ReminderSettings& settings);
    const ConfirmationKey& key() const { return m_key; }

    // For an admin's test message, on the caller's thread (never the
    // sending thread's transports).
    SmtpSender& smtp() { return m_smtp; }
    SmsSender& sms() { return m_sms; }

private:
    class PokeReceiver;

    storage::RecordStore& m_records;
    const Clock& m_clock;
    Sealer m_sealer;
    ConfirmationKey m_key;
    SenderFactory m_openSender;
    std::atomic<bool> m_stop{false}; // before the senders that read it
    SmtpSender m_smtp;
    SmsSender m_sms;
    std::unique_ptr<PokeReceiver> m_pokes; // on the sending thread while it runs
    std::unique_ptr<QThread> m_thread;
};

} // namespace mss::reminders
