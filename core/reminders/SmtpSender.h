#pragma once

#include "base/Error.h"
#include "reminders/ReminderSettings.h"

#include <QString>

#include <atomic>
#include <expected>

namespace mss::reminders {

struct Email {
    QString to;
    QString subject;
    QString text;
    QString html;
    // Stable per appointment and channel: a resend after a crash carries
    // the same id, so a duplicate is recognisable (docs/reminders.md).
    QString messageId;
    // An iCalendar invitation (reminders/Invitation.h) and its METHOD
    // ("REQUEST", "CANCEL"), or nothing. Sent as a text/calendar
    // alternative, which mail programs offer to add to the calendar, and as
    // an invite.ics attachment for those that do not.
    QByteArray invitation;
    QByteArray invitationMethod;
};

// Sends mail over SMTP with libcurl: STARTTLS when the server offers it (or
// always, when the setting says required), AUTH when a user is set, a
// multipart/alternative body (plain text and HTML, and the invitation
// when there is one, inside a multipart/mixed with it attached). Keeps its connection
// between messages. Blocking, with a 20 s limit per message.
class SmtpSender {
public:
    SmtpSender();
    ~SmtpSender();
    SmtpSender(const SmtpSender&) = delete;
    SmtpSender& operator=(const SmtpSender&) = delete;

    // The error names what failed, never the address or the content.
    Result<void> send(const ReminderSettings& settings, const Email& email);

    // The RFC 5322 message as sent (public for tests and the benchmark).
    static QByteArray compose(const ReminderSettings& settings, const Email& email);

    // A send in flight gives up as soon as `*stop` is true (server stop).
    void setStopFlag(const std::atomic<bool>* stop) { m_stop = stop; }

private:
    void* m_curl = nullptr;
    const std::atomic<bool>* m_stop = nullptr;
};

} // namespace mss::reminders
