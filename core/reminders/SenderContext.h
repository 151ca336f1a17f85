#pragma once

#include "reminders/AppointmentWriter.h"
#include "reminders/ConfirmationToken.h"
#include "reminders/ReminderSettings.h"
#include "storage/Database.h"
#include "storage/RecordStore.h"

#include <QString>

#include <atomic>
#include <expected>
#include <functional>
#include <memory>

namespace mss::reminders {

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
    // After each run of the reminders: the waitlist's automatic offers
    // (docs/waitlist.md, "The offer"), on the same thread and connection.
    virtual void runWaitlistOffers(const ConfirmationKey& /*key*/,
                                   const std::atomic<bool>* /*stop*/) {}
};
// Opens a SenderContext; called on the sending thread.
using SenderFactory = std::function<Result<std::unique_ptr<SenderContext>>()>;

} // namespace mss::reminders
