#pragma once

#include "base/Error.h"
#include "reminders/ReminderSettings.h"

#include <QString>

#include <atomic>
#include <expected>

namespace mss::reminders {

// Sends a text through an HTTP gateway the way Twilio's Messages API takes
// it: a form POST of To, From and Body to the configured URL, with the
// account and token as Basic credentials. Any 2xx is accepted. Blocking,
// with a 20 s limit. `idempotencyKey` rides in an Idempotency-Key header for
// gateways that honour one.
class SmsSender {
public:
    Result<void> send(const ReminderSettings& settings, const QString& to, const QString& body,
                      const QString& idempotencyKey);

    // A send in flight gives up as soon as `*stop` is true (server stop).
    void setStopFlag(const std::atomic<bool>* stop) { m_stop = stop; }

private:
    const std::atomic<bool>* m_stop = nullptr;
};

} // namespace mss::reminders
