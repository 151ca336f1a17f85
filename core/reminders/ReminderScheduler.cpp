#include "reminders/ReminderScheduler.h"

#include "base/ThreadHandoff.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcReminders)

namespace mss::reminders {

using namespace Qt::StringLiterals;
using storage::Database;

namespace {

// The sending thread: opens its own connection, runs the sender until the
// scheduler stops it, and closes the connection on the same thread.
class SenderThread final : public QThread {
public:
    SenderThread(ReminderScheduler& owner, const Clock& clock, ConfirmationKey key,
                 SenderFactory open, int intervalMs, const std::atomic<bool>& stop)
        : m_owner(owner)
        , m_clock(clock)
        , m_key(std::move(key))
        , m_open(std::move(open))
        , m_intervalMs(intervalMs)
        , m_stop(stop) {}

protected:
    void run() override {
        auto context = m_open();
        if (!context) {
            qCWarning(lcReminders)
                << "reminders do not run: cannot open the database:" << context.error();
            handOver(this);
            return;
        }
        {
            ReminderSender sender((*context)->db(), (*context)->records(), m_clock,
                                  (*context)->sealer(), m_key, (*context)->writer());
            sender.setStopFlag(&m_stop);
            sender.setAfterRun([&] { (*context)->runWaitlistOffers(m_key, &m_stop); });
            connect(&m_owner, &ReminderScheduler::poked, &sender, &ReminderSender::poke,
                    Qt::QueuedConnection);
            sender.start(m_intervalMs);
            exec();
        }
        context->reset();
        handOver(this);
    }

private:
    ReminderScheduler& m_owner;
    const Clock& m_clock;
    ConfirmationKey m_key;
    SenderFactory m_open;
    int m_intervalMs;
    const std::atomic<bool>& m_stop;
};

} // namespace

ReminderScheduler::ReminderScheduler(storage::RecordStore& records, const Clock& clock,
                                     Sealer sealer, ConfirmationKey key, SenderFactory openSender,
                                     QObject* parent)
    : QObject(parent)
    , m_records(records)
    , m_clock(clock)
    , m_sealer(std::move(sealer))
    , m_key(std::move(key))
    , m_openSender(std::move(openSender)) {
    m_smtp.setStopFlag(&m_stop);
    m_sms.setStopFlag(&m_stop);
}

ReminderScheduler::~ReminderScheduler() {
    stop();
}

void ReminderScheduler::start(int intervalMs) {
    if (m_thread)
        return;
    m_stop = false;
    m_thread =
        std::make_unique<SenderThread>(*this, m_clock, m_key, m_openSender, intervalMs, m_stop);
    m_thread->setObjectName(u"reminders"_s);
    m_thread->start();
}

void ReminderScheduler::stop() {
    if (!m_thread)
        return;
    m_stop = true; // a send in flight gives up at once
    m_thread->quit();
    m_thread->wait();
    takeOver(m_thread.get());
    m_thread.reset();
}

void ReminderScheduler::poke() {
    emit poked();
}

ReminderSettings ReminderScheduler::settings() {
    return loadReminderSettings(m_records, m_sealer);
}

std::expected<void, QString> ReminderScheduler::saveSettings(const ReminderSettings& s) {
    return saveReminderSettings(m_records, s, m_sealer);
}

} // namespace mss::reminders
