#pragma once

#include "reminders/MessageTemplates.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace mss::reminders {

// The appointment as an invitation for the client's own calendar (RFC 5546
// iTIP over iCalendar): METHOD:REQUEST with a reminder, METHOD:CANCEL with
// the same UID once it is cancelled, so the calendar program that took the
// first removes it.
struct Invitation {
    enum class Method { Request, Cancel };
    Method method = Method::Request;
    QString appointmentId; // the UID's part; one UID per appointment
    qint64 sequence = 0;   // the appointment's version: a later one replaces an earlier
    QDateTime start;       // UTC
    QDateTime end;         // UTC
    QDateTime stamp;       // when it is sent
    QString summary;
    QString description;
    QString location; // the meeting link of a virtual appointment, the client's own
    QString organizerEmail;
    QString organizerName;
    QString attendeeEmail;
    QString attendeeName;

    // The iCalendar text (CRLF lines, folded).
    QByteArray text() const;
};

// The invitation that goes with a reminder or a cancellation: the summary
// and description in the client's language ("es" or "en").
Invitation invitationFor(const MessageFields& fields, Invitation::Method method);

// The message telling a client their appointment is cancelled, in their
// language; it carries the METHOD:CANCEL invitation.
RenderedMessage renderCancellation(const MessageFields& fields);

} // namespace mss::reminders
