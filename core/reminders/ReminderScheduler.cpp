#include "reminders/ReminderScheduler.h"

#include "base/ThreadHandoff.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcReminders)

namespace mss::reminders {

using namespace Qt::StringLiterals;
using storage::Database;

// A poke on its way to the sending thread: an event of ours rather than a
// queued signal, so that it can be handed over explicitly. Qt orders the
// posting and the receiving thread through its own futex-based mutex, which
// ThreadSanitizer does not see; without the hand-over, Qt freeing a
// delivered call on the sending thread read as a race with its allocation
// on the thread that wrote (base/ThreadHandoff.h).
class ReminderScheduler::PokeReceiver final : public QObject {
public:
    struct Poke final : QEvent {
        Poke()
            : QEvent(type()) {}
        static QEvent::Type type() {
            static const auto registered = QEvent::Type(QEvent::registerEventType());
            return registered;
        }
    };

    // Set and cleared on the sending thread, around its event loop.
    ReminderSender* sender = nullptr;

protected:
    void customEvent(QEvent* event) override {
        takeOver(event); // before anything of it is read, its type included
        if (event->type() != Poke::type())
            return;
        if (sender)
            sender->poke();
    }
};

namespace {

// The sending thread: opens its own connection, runs the sender until the
// scheduler stops it, and closes the connection on the same thread.
class SenderThread final : public QThread {
public:
    SenderThread(QObject& pokes, ReminderSender*& pokedSender, const Clock& clock,
                 ConfirmationKey key, SenderFactory open, int intervalMs,
                 const std::atomic<bool>& stop)
        : m_pokes(pokes)
        , m_pokedSender(pokedSender)
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
                << "reminders do not run: cannot open the database:" << describe(context.error());
            handOver(this);
            return;
        }
        {
            ReminderSender sender((*context)->db(), (*context)->records(), m_clock,
                                  (*context)->sealer(), m_key, (*context)->writer());
            sender.setStopFlag(&m_stop);
            sender.setAfterRun([&] { (*context)->runWaitlistOffers(m_key, &m_stop); });
            m_pokedSender = &sender;
            sender.start(m_intervalMs);
            exec();
            m_pokedSender = nullptr;
        }
        context->reset();
        handOver(this);
    }

private:
    QObject& m_pokes; // lives on this thread while it runs
    ReminderSender*& m_pokedSender;
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
    m_pokes = std::make_unique<PokeReceiver>();
    m_thread = std::make_unique<SenderThread>(*m_pokes, m_pokes->sender, m_clock, m_key,
                                              m_openSender, intervalMs, m_stop);
    m_thread->setObjectName(u"reminders"_s);
    m_pokes->moveToThread(m_thread.get());
    m_thread->start();
}

void ReminderScheduler::stop() {
    if (!m_thread)
        return;
    m_stop = true; // a send in flight gives up at once
    m_thread->quit();
    m_thread->wait();
    takeOver(m_thread.get());
    // Pokes not delivered are deleted here, on the thread that made them.
    m_pokes.reset();
    m_thread.reset();
}

void ReminderScheduler::poke() {
    if (!m_pokes)
        return;
    auto* event = new PokeReceiver::Poke;
    handOver(event);
    QCoreApplication::postEvent(m_pokes.get(), event);
}

ReminderSettings ReminderScheduler::settings() {
    return loadReminderSettings(m_records, m_sealer);
}

Result<void> ReminderScheduler::saveSettings(const ReminderSettings& s) {
    return saveReminderSettings(m_records, s, m_sealer);
}

} // namespace mss::reminders
