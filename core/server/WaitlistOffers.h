#pragma once

#include "reminders/ConfirmationToken.h"
#include "reminders/ReminderSettings.h"
#include "reminders/SmsSender.h"
#include "reminders/SmtpSender.h"
#include "server/Practice.h"
#include "server/RequestContext.h"

#include <QJsonObject>

#include <atomic>
#include <expected>
#include <optional>

namespace mss::server {

// The waitlist's automatic offer (docs/waitlist.md, "The offer").
//
// What makes it hard: the offer crosses three threads of control that can
// each stop at any moment. A write that frees time records the freed slot
// in its own transaction (noteFreedTime); the reminder thread picks the
// best waiting entry, holds the slot for it and sends the offer with the
// reminders' exactly-once claims (claimed and committed before the send,
// recorded after; a claim older than the reminders' timeout is a crash's
// and is sent again, with the same Message-ID); and the client answers on
// a public page whose booking runs the ordinary checks in the request's
// transaction, so two answers for one slot can never both book it.

// Persisted in waitlist_offers.state: append, never renumber.
enum class OfferState : int {
    ToSend = 0,
    Claimed = 1,
    Sent = 2,
    Accepted = 3,
    Declined = 4,
    Expired = 5,
    Withdrawn = 6,
    Failed = 7,
    Skipped = 8, // no channel reaches the client, or they opted out
};

// Persisted in freed_slots.state.
enum class SlotState : int { Open = 0, Offering = 1, Done = 2 };

// Records the time an appointment write frees: all of it when the
// appointment stops holding time (cancelled, no-show, rescheduled) or is
// deleted (`after` null), the part it leaves when it moves, shrinks or
// changes provider. Parts shorter than the shortest waitlist length, or
// already past, are not recorded. Inside the caller's write transaction.
std::optional<ApiResponse> noteFreedTime(RequestContext& ctx, const QJsonObject& before,
                                         const QJsonObject* after);

// Records the time new availability (a block marked available, weekly or
// one-off) opens in the next `availabilityHorizonDays` days, each day's
// part a freed slot; what is booked or not available of it is left out
// when it is offered. Inside the caller's write transaction.
inline constexpr int availabilityHorizonDays = 14;
std::optional<ApiResponse> noteNewAvailability(RequestContext& ctx, const QJsonObject& doc);

// Offers freed slots and sends the offers; runs on the reminder thread,
// over that thread's own Practice.
class WaitlistOfferSender {
public:
    WaitlistOfferSender(Practice& practice, reminders::ConfirmationKey key);

    void setStopFlag(const std::atomic<bool>* stop);

    struct Done {
        int settled = 0; // offers made, expired, withdrawn; slots closed
        int sent = 0;
        int failed = 0;
    };
    // Expires, withdraws and passes on offers, offers open slots, and sends
    // what is to be sent, until nothing is left to do now.
    Result<Done> runOnce();

private:
    bool stopping() const { return m_stop && m_stop->load(); }
    // One commit: expiries, withdrawals, closed slots and new offers.
    // Whether any offer is out or any freed slot open: read without the
    // write lock, which a pass with nothing to do then never takes (it
    // follows every booking). What commits just after is the next pass's.
    Result<bool> hasWork();
    Result<int> settle(const reminders::ReminderSettings& s, qint64 now);
    Result<int> offerSlot(const QString& slotId, const QString& provider, qint64 start, qint64 end,
                          const reminders::ReminderSettings& s, qint64 now);
    struct Prepared {
        QString offerId;
        QStringList channels;
        reminders::Email email;
        QString smsTo;
        QString smsBody;
    };
    Result<QList<Prepared>> claim(const reminders::ReminderSettings& s, qint64 now);
    Result<void> record(const Prepared& p, const std::optional<QString>& error, bool released);

    Practice& m_practice;
    reminders::ConfirmationKey m_key;
    reminders::SmtpSender m_smtp;
    reminders::SmsSender m_sms;
    const std::atomic<bool>* m_stop = nullptr;
};

} // namespace mss::server
