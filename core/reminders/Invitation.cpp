#include "reminders/Invitation.h"

#include "recurrence/ICalendarWriter.h"

#include <QJsonObject>

namespace mss::reminders {

using namespace Qt::StringLiterals;
using recurrence::ICalendarWriter;

namespace {

const QString uidSuffix = u"@mentalspace.scheduler"_s;

// A CN parameter value: quoted, without the characters a quoted value
// cannot hold (RFC 5545 3.2: no DQUOTE; controls are dropped).
QString parameterText(const QString& value) {
    QString out;
    for (const QChar c : value) {
        if (c != u'"' && c.unicode() >= 0x20 && c.unicode() != 0x7F)
            out += c;
    }
    return u'"' + out + u'"';
}

} // namespace

QByteArray Invitation::text() const {
    const bool cancel = method == Method::Cancel;
    ICalendarWriter out;
    out.begin("VCALENDAR");
    out.property("VERSION", u"2.0"_s);
    out.property("PRODID", u"-//MentalSpace//Scheduler//EN"_s);
    out.property("CALSCALE", u"GREGORIAN"_s);
    out.property("METHOD", cancel ? u"CANCEL"_s : u"REQUEST"_s);
    out.begin("VEVENT");
    out.property("UID", appointmentId + uidSuffix);
    out.property("SEQUENCE", QString::number(sequence));
    out.utc("DTSTAMP", stamp);
    out.utc("DTSTART", start);
    out.utc("DTEND", end);
    out.property("STATUS", cancel ? u"CANCELLED"_s : u"CONFIRMED"_s);
    out.text("SUMMARY", summary);
    if (!description.isEmpty())
        out.text("DESCRIPTION", description);
    if (!location.isEmpty())
        out.text("LOCATION", location);
    out.property(QByteArray("ORGANIZER;CN=" + parameterText(organizerName).toUtf8()),
                 u"mailto:"_s + organizerEmail);
    out.property(QByteArray("ATTENDEE;CN=" + parameterText(attendeeName).toUtf8() +
                            ";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE"),
                 u"mailto:"_s + attendeeEmail);
    out.end("VEVENT");
    out.end("VCALENDAR");
    return out.text();
}

Invitation invitationFor(const MessageFields& f, Invitation::Method method) {
    const bool es = f.language == "es"_L1;
    Invitation i;
    i.method = method;
    i.start = f.start.toUTC();
    const QString with = f.providerName.isEmpty() ? f.practiceName : f.providerName;
    i.summary = es ? u"Cita con %1"_s.arg(with) : u"Appointment with %1"_s.arg(with);
    if (!f.practiceName.isEmpty() && with != f.practiceName)
        i.summary += u" (%1)"_s.arg(f.practiceName);
    i.organizerName = f.practiceName;
    return i;
}

RenderedMessage renderCancellation(const MessageFields& f) {
    // The reminder's own placeholders and date format, with these words.
    const auto words = [](const QString& subject, const QString& text) {
        return QJsonObject{{"default"_L1, QJsonObject{{"emailSubject"_L1, subject},
                                                      {"emailText"_L1, text},
                                                      {"emailHtml"_L1, QString()},
                                                      {"sms"_L1, QString()}}}};
    };
    const QJsonObject cancellation{
        {"en"_L1, words(u"Appointment cancelled: {date} at {time}"_s,
                        u"Hello {clientFirstName},\n\nYour appointment with {providerName} on "
                        "{date} at {time} is cancelled.\n\n{practiceName}\n"_s)},
        {"es"_L1, words(u"Cita cancelada: {date} a las {time}"_s,
                        u"Hola {clientFirstName}:\n\nSu cita con {providerName} el {date} a las "
                        "{time} está cancelada.\n\n{practiceName}\n"_s)}};
    MessageFields plain = f;
    plain.appointmentType.clear(); // the practice's reminder overrides do not apply
    RenderedMessage m = renderMessage(plain, cancellation);
    m.html =
        u"<p>"_s + m.text.trimmed().toHtmlEscaped().replace(u"\n\n"_s, u"</p><p>"_s) + u"</p>"_s;
    m.sms.clear();
    return m;
}

} // namespace mss::reminders
