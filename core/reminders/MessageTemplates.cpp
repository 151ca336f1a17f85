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

const QStringList& templatePlaceholders() {
    static const QStringList names{u"clientFirstName"_s, u"date"_s,        u"time"_s,
                                   u"providerName"_s,    u"location"_s,    u"confirmLink"_s,
                                   u"declineLink"_s,     u"practiceName"_s};
    return names;
}

QStringList unknownPlaceholders(const QString& text) {
    static const QRegularExpression braces(u"\\{([^{}]*)\\}"_s);
    QStringList out;
    for (const auto& m : braces.globalMatch(text)) {
        const QString name = m.captured(1);
        if (!templatePlaceholders().contains(name) && !out.contains(name))
            out << name;
    }
    return out;
}

} // namespace mss::reminders
