#include "reminders/MessageTemplates.h"

#include <QLocale>
#include <QRegularExpression>

namespace mss::reminders {

using namespace Qt::StringLiterals;

namespace {

struct Template {
    QString emailSubject;
    QString emailText;
    QString emailHtml;
    QString sms;
};

Template english() {
    return {
        u"Reminder: your appointment on {date} at {time}"_s,
        u"Hello {clientFirstName},\n\n"
        "This is a reminder of your appointment with {providerName} on {date} at {time} "
        "({location}).\n\n"
        "Confirm: {confirmLink}\n"
        "Cannot come? Let us know: {declineLink}\n\n"
        "{practiceName}\n"_s,
        u"<p>Hello {clientFirstName},</p>"
        "<p>This is a reminder of your appointment with {providerName} on <b>{date}</b> at "
        "<b>{time}</b> ({location}).</p>"
        "<p><a href=\"{confirmLink}\">Confirm</a> &middot; "
        "<a href=\"{declineLink}\">I cannot come</a></p>"
        "<p>{practiceName}</p>"_s,
        u"{practiceName}: appointment {date} {time}. Reply C to confirm, N to cancel. "
        "{confirmLink}"_s,
    };
}

Template spanish() {
    return {
        u"Recordatorio: su cita el {date} a las {time}"_s,
        u"Hola {clientFirstName}:\n\n"
        "Le recordamos su cita con {providerName} el {date} a las {time} ({location}).\n\n"
        "Confirmar: {confirmLink}\n"
        "¿No puede venir? Avísenos: {declineLink}\n\n"
        "{practiceName}\n"_s,
        u"<p>Hola {clientFirstName}:</p>"
        "<p>Le recordamos su cita con {providerName} el <b>{date}</b> a las <b>{time}</b> "
        "({location}).</p>"
        "<p><a href=\"{confirmLink}\">Confirmar</a> &middot; "
        "<a href=\"{declineLink}\">No puedo ir</a></p>"
        "<p>{practiceName}</p>"_s,
        u"{practiceName}: cita {date} {time}. Responda C para confirmar, N para cancelar. "
        "{confirmLink}"_s,
    };
}

Template englishOffer() {
    return {
        u"A time has opened up: {date} at {time}"_s,
        u"Hello {clientFirstName},\n\n"
        "A time you were waiting for has opened up: {date} at {time} with {providerName} "
        "({location}).\n\n"
        "We are holding it for you until {heldUntil}. To take it or let it go: {offerLink}\n\n"
        "{practiceName}\n"_s,
        u"<p>Hello {clientFirstName},</p>"
        "<p>A time you were waiting for has opened up: <b>{date}</b> at <b>{time}</b> with "
        "{providerName} ({location}).</p>"
        "<p>We are holding it for you until {heldUntil}.</p>"
        "<p><a href=\"{offerLink}\">Take it or let it go</a></p>"
        "<p>{practiceName}</p>"_s,
        u"{practiceName}: a time opened up {date} {time}, held for you until {heldUntil}. "
        "{offerLink}"_s,
    };
}

Template spanishOffer() {
    return {
        u"Se ha liberado una hora: el {date} a las {time}"_s,
        u"Hola {clientFirstName}:\n\n"
        "Se ha liberado una hora que esperaba: el {date} a las {time} con {providerName} "
        "({location}).\n\n"
        "Se la reservamos hasta las {heldUntil}. Para aceptarla o rechazarla: {offerLink}\n\n"
        "{practiceName}\n"_s,
        u"<p>Hola {clientFirstName}:</p>"
        "<p>Se ha liberado una hora que esperaba: el <b>{date}</b> a las <b>{time}</b> con "
        "{providerName} ({location}).</p>"
        "<p>Se la reservamos hasta las {heldUntil}.</p>"
        "<p><a href=\"{offerLink}\">Aceptarla o rechazarla</a></p>"
        "<p>{practiceName}</p>"_s,
        u"{practiceName}: se liberó una hora el {date} {time}, reservada hasta las {heldUntil}. "
        "{offerLink}"_s,
    };
}

void overlay(Template& t, const QJsonObject& o) {
    const auto take = [&](QLatin1StringView key, QString& into) {
        if (o.value(key).isString())
            into = o.value(key).toString();
    };
    take("emailSubject"_L1, t.emailSubject);
    take("emailText"_L1, t.emailText);
    take("emailHtml"_L1, t.emailHtml);
    take("sms"_L1, t.sms);
}

QString fill(QString text, const QList<std::pair<QString, QString>>& values, bool html) {
    for (const auto& [name, value] : values)
        text.replace(u'{' + name + u'}', html ? value.toHtmlEscaped() : value);
    return text;
}

} // namespace

RenderedMessage renderMessage(const MessageFields& f, const QJsonObject& overrides) {
    const bool es = f.language == "es"_L1;
    Template t = es ? spanish() : english();
    const QJsonObject lang = overrides.value(es ? "es"_L1 : "en"_L1).toObject();
    overlay(t, lang.value("default"_L1).toObject());
    if (!f.appointmentType.isEmpty())
        overlay(t, lang.value(f.appointmentType).toObject());

    const QLocale locale(es ? QLocale::Spanish : QLocale::English,
                         es ? QLocale::Spain : QLocale::UnitedStates);
    const QDateTime local = f.start.toTimeZone(f.zone);
    const QString date =
        locale.toString(local.date(), es ? u"dddd d 'de' MMMM"_s : u"dddd, MMMM d"_s);
    const QString time = locale.toString(local.time(), es ? u"HH:mm"_s : u"h:mm AP"_s);
    const QList<std::pair<QString, QString>> values{
        {u"clientFirstName"_s, f.clientFirstName},
        {u"date"_s, date},
        {u"time"_s, time},
        {u"providerName"_s, f.providerName},
        {u"location"_s, f.location},
        {u"confirmLink"_s, f.confirmLink},
        {u"declineLink"_s, f.declineLink},
        {u"practiceName"_s, f.practiceName},
    };
    // The SMS is filled from the non-clinical values only, whatever its template says.
    return {fill(t.emailSubject, values, false), fill(t.emailText, values, false),
            fill(t.emailHtml, values, true), fill(t.sms, values, false).simplified()};
}

RenderedMessage renderWaitlistOffer(const MessageFields& f, const QJsonObject& overrides) {
    const bool es = f.language == "es"_L1;
    Template t = es ? spanishOffer() : englishOffer();
    overlay(
        t, overrides.value(es ? "es"_L1 : "en"_L1).toObject().value("waitlistOffer"_L1).toObject());
    const QLocale locale(es ? QLocale::Spanish : QLocale::English,
                         es ? QLocale::Spain : QLocale::UnitedStates);
    const QString timeFormat = es ? u"HH:mm"_s : u"h:mm AP"_s;
    const QDateTime local = f.start.toTimeZone(f.zone);
    const QDateTime held = f.heldUntil.toTimeZone(f.zone);
    const QString date =
        locale.toString(local.date(), es ? u"dddd d 'de' MMMM"_s : u"dddd, MMMM d"_s);
    // The hold ends the day of the offer or the slot's: its time, and its
    // day when it is not the slot's.
    QString heldUntil = locale.toString(held.time(), timeFormat);
    if (held.date() != local.date())
        heldUntil += u' ' + locale.toString(held.date(), es ? u"d 'de' MMMM"_s : u"MMMM d"_s);
    const QList<std::pair<QString, QString>> values{
        {u"clientFirstName"_s, f.clientFirstName},
        {u"date"_s, date},
        {u"time"_s, locale.toString(local.time(), timeFormat)},
        {u"providerName"_s, f.providerName},
        {u"location"_s, f.location},
        {u"offerLink"_s, f.offerLink},
        {u"heldUntil"_s, heldUntil},
        {u"practiceName"_s, f.practiceName},
    };
    return {fill(t.emailSubject, values, false), fill(t.emailText, values, false),
            fill(t.emailHtml, values, true), fill(t.sms, values, false).simplified()};
}

const QStringList& offerPlaceholders() {
    static const QStringList names{u"clientFirstName"_s, u"date"_s,        u"time"_s,
                                   u"providerName"_s,    u"location"_s,    u"offerLink"_s,
                                   u"heldUntil"_s,       u"practiceName"_s};
    return names;
}

const QStringList& templatePlaceholders() {
    static const QStringList names{u"clientFirstName"_s, u"date"_s,        u"time"_s,
                                   u"providerName"_s,    u"location"_s,    u"confirmLink"_s,
                                   u"declineLink"_s,     u"practiceName"_s};
    return names;
}

QStringList unknownPlaceholders(const QString& text) {
    return unknownPlaceholders(text, templatePlaceholders());
}

QStringList unknownPlaceholders(const QString& text, const QStringList& known) {
    static const QRegularExpression braces(u"\\{([^{}]*)\\}"_s);
    QStringList out;
    for (const auto& m : braces.globalMatch(text)) {
        const QString name = m.captured(1);
        if (!known.contains(name) && !out.contains(name))
            out << name;
    }
    return out;
}

} // namespace mss::reminders
