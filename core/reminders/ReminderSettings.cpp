#include "reminders/ReminderSettings.h"

#include "domain/Enums.h"
#include "reminders/MessageTemplates.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

namespace mss::reminders {

using namespace Qt::StringLiterals;

namespace {

const auto secretKeys = {"smtpPassword"_L1, "smsToken"_L1, "smsInboundSecret"_L1};

template <typename S>
auto stringField(S& s, QLatin1StringView key) -> decltype(&s.smtpHost) {
    if (key == "smtpHost"_L1)
        return &s.smtpHost;
    if (key == "smtpUser"_L1)
        return &s.smtpUser;
    if (key == "smtpPassword"_L1)
        return &s.smtpPassword;
    if (key == "smtpFrom"_L1)
        return &s.smtpFrom;
    if (key == "smsUrl"_L1)
        return &s.smsUrl;
    if (key == "smsAccount"_L1)
        return &s.smsAccount;
    if (key == "smsToken"_L1)
        return &s.smsToken;
    if (key == "smsFrom"_L1)
        return &s.smsFrom;
    if (key == "smsInboundSecret"_L1)
        return &s.smsInboundSecret;
    if (key == "practiceName"_L1)
        return &s.practiceName;
    if (key == "publicBaseUrl"_L1)
        return &s.publicBaseUrl;
    return nullptr;
}

const auto stringKeys = {"smtpHost"_L1,         "smtpUser"_L1,     "smtpPassword"_L1, "smtpFrom"_L1,
                         "smsUrl"_L1,           "smsAccount"_L1,   "smsToken"_L1,     "smsFrom"_L1,
                         "smsInboundSecret"_L1, "practiceName"_L1, "publicBaseUrl"_L1};

bool isSecret(QLatin1StringView key) {
    for (auto k : secretKeys)
        if (k == key)
            return true;
    return false;
}

bool hasControl(const QString& text) {
    return std::ranges::any_of(text, [](QChar c) { return c.unicode() < 0x20 || c == u'\x7f'; });
}

// A host name or an IPv4 address: it goes into "smtp://host:port".
bool isHost(const QString& host) {
    static const QRegularExpression name(
        u"^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$"_s);
    return host.size() <= 253 && name.match(host).hasMatch();
}

bool isWebUrl(const QString& text) {
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && (url.scheme() == "https"_L1 || url.scheme() == "http"_L1) &&
           !url.host().isEmpty();
}

constexpr int minOfferHoldMinutes = 10;
constexpr int maxOfferMinutes = 2 * 24 * 60;

const auto templateFields = {"emailSubject"_L1, "emailText"_L1, "emailHtml"_L1, "sms"_L1};
constexpr qsizetype maxTemplateChars = 20'000;

// {"en"|"es": {"default"|<appointment type>: {<field>: text}}}, each
// problem named by its path ("templates.es.default.sms").
void checkTemplates(const QJsonValue& value, Errors& errors) {
    if (!value.isObject()) {
        errors.append({ErrorCode::WrongType, u"templates"_s, u"must be an object"_s});
        return;
    }
    const QJsonObject languages = value.toObject();
    for (auto lang = languages.begin(); lang != languages.end(); ++lang) {
        const QString langPath = u"templates."_s + lang.key();
        if (lang.key() != "en"_L1 && lang.key() != "es"_L1) {
            errors.append({ErrorCode::UnknownValue, langPath, u"must be en or es"_s});
            continue;
        }
        if (!lang.value().isObject()) {
            errors.append({ErrorCode::WrongType, langPath, u"must be an object"_s});
            continue;
        }
        const QJsonObject types = lang.value().toObject();
        for (auto type = types.begin(); type != types.end(); ++type) {
            const QString typePath = langPath + u'.' + type.key();
            const bool offer = type.key() == "waitlistOffer"_L1;
            if (type.key() != "default"_L1 && !offer &&
                !domain::fromWire<domain::AppointmentType>(type.key())) {
                errors.append({ErrorCode::UnknownValue, typePath,
                               u"must be default, waitlistOffer or an appointment type: "_s +
                                   domain::wireNames<domain::AppointmentType>().join(u", "_s)});
                continue;
            }
            if (!type.value().isObject()) {
                errors.append({ErrorCode::WrongType, typePath, u"must be an object"_s});
                continue;
            }
            const QJsonObject fields = type.value().toObject();
            for (auto field = fields.begin(); field != fields.end(); ++field) {
                const QString path = typePath + u'.' + field.key();
                if (!std::ranges::any_of(templateFields,
                                         [&](auto f) { return f == field.key(); })) {
                    errors.append({ErrorCode::UnknownValue, path,
                                   u"must be one of emailSubject, emailText, emailHtml, sms"_s});
                    continue;
                }
                if (!field.value().isString()) {
                    errors.append({ErrorCode::WrongType, path, u"must be a string"_s});
                    continue;
                }
                const QString text = field.value().toString();
                if (text.size() > maxTemplateChars) {
                    errors.append({ErrorCode::TooLong, path,
                                   u"must be at most %1 characters"_s.arg(maxTemplateChars)});
                    continue;
                }
                const QStringList& known = offer ? offerPlaceholders() : templatePlaceholders();
                if (const QStringList unknown = unknownPlaceholders(text, known);
                    !unknown.isEmpty()) {
                    errors.append({ErrorCode::UnknownValue, path,
                                   u"has an unknown placeholder {%1}; known: {%2}"_s.arg(
                                       unknown.front(), known.join(u"}, {"_s))});
                }
            }
        }
    }
}

} // namespace

bool isEmailAddress(const QString& text) {
    // What a mail server takes in MAIL FROM / RCPT TO and a header takes
    // without quoting: local@domain, no spaces, brackets or separators.
    static const QRegularExpression address(
        u"^[^\\s@<>(),;:\"\\[\\]\\\\]+@[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$"_s);
    return address.match(text).hasMatch() && !hasControl(text) && !text.contains(u".."_s);
}

namespace {

QString tlsName(SmtpTls tls) {
    return tls == SmtpTls::Required ? u"required"_s : u"starttls"_s;
}

} // namespace

ReminderSettings ReminderSettings::fromStored(const QString& stored, const Sealer& sealer) {
    ReminderSettings s;
    const QJsonObject o = QJsonDocument::fromJson(stored.toUtf8()).object();
    for (auto key : stringKeys) {
        const QString value = o.value(key).toString();
        if (isSecret(key)) {
            // A value that does not open (another key, altered) reads as unset.
            const auto plain = sealer.open(QByteArray::fromBase64(value.toLatin1()));
            *stringField(s, key) =
                value.isEmpty() || !plain ? QString() : QString::fromUtf8(*plain);
        } else {
            *stringField(s, key) = value;
        }
    }
    s.smtpPort = o.value("smtpPort"_L1).toInt(587);
    s.smtpTls =
        o.value("smtpTls"_L1).toString() == "required"_L1 ? SmtpTls::Required : SmtpTls::Try;
    s.templates = o.value("templates"_L1).toObject();
    s.waitlistOfferHoldMinutes = o.value("waitlistOfferHoldMinutes"_L1).toInt(120);
    s.waitlistOfferCutoffMinutes = o.value("waitlistOfferCutoffMinutes"_L1).toInt(60);
    return s;
}

QString ReminderSettings::toStored(const Sealer& sealer) const {
    QJsonObject o;
    for (auto key : stringKeys) {
        const QString value = *stringField(*this, key);
        if (isSecret(key))
            o.insert(key, value.isEmpty()
                              ? QString()
                              : QString::fromLatin1(sealer.seal(value.toUtf8()).toBase64()));
        else
            o.insert(key, value);
    }
    o.insert("smtpPort"_L1, smtpPort);
    o.insert("smtpTls"_L1, tlsName(smtpTls));
    o.insert("templates"_L1, templates);
    o.insert("waitlistOfferHoldMinutes"_L1, waitlistOfferHoldMinutes);
    o.insert("waitlistOfferCutoffMinutes"_L1, waitlistOfferCutoffMinutes);
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject ReminderSettings::toWire() const {
    QJsonObject o;
    for (auto key : stringKeys) {
        const QString value = *stringField(*this, key);
        if (isSecret(key))
            o.insert(key, QJsonObject{{"set"_L1, !value.isEmpty()}});
        else
            o.insert(key, value);
    }
    o.insert("smtpPort"_L1, smtpPort);
    o.insert("smtpTls"_L1, tlsName(smtpTls));
    o.insert("templates"_L1, templates);
    o.insert("waitlistOfferHoldMinutes"_L1, waitlistOfferHoldMinutes);
    o.insert("waitlistOfferCutoffMinutes"_L1, waitlistOfferCutoffMinutes);
    return o;
}

std::expected<void, Errors> ReminderSettings::apply(const QJsonObject& changes) {
    Errors errors;
    ReminderSettings next = *this;
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        const QString key = it.key();
        const QByteArray latin = key.toLatin1();
        const QLatin1StringView name(latin);
        if (QString* field = stringField(next, name)) {
            if (!it.value().isString() && !it.value().isNull())
                errors.append({ErrorCode::WrongType, key, u"must be a string"_s});
            else if (hasControl(it.value().toString()))
                errors.append({ErrorCode::UnknownValue, key,
                               u"must be one line, without control characters"_s});
            else
                *field = it.value().toString().trimmed();
        } else if (key == "smtpPort"_L1) {
            const double port = it.value().toDouble(-1);
            if (!it.value().isDouble())
                errors.append({ErrorCode::WrongType, key, u"must be a number"_s});
            else if (port < 1 || port > 65535 || port != int(port))
                errors.append({ErrorCode::OutOfRange, key, u"must be a port from 1 to 65535"_s});
            else
                next.smtpPort = int(port);
        } else if (key == "smtpTls"_L1) {
            const QString v = it.value().toString();
            if (!it.value().isString())
                errors.append({ErrorCode::WrongType, key, u"must be a string"_s});
            else if (v == "starttls"_L1)
                next.smtpTls = SmtpTls::Try;
            else if (v == "required"_L1)
                next.smtpTls = SmtpTls::Required;
            else
                errors.append({ErrorCode::UnknownValue, key, u"must be starttls or required"_s});
        } else if (key == "waitlistOfferHoldMinutes"_L1 || key == "waitlistOfferCutoffMinutes"_L1) {
            // A hold of 10 minutes to 2 days; offers stop up to 2 days ahead.
            const bool hold = key == "waitlistOfferHoldMinutes"_L1;
            const int low = hold ? minOfferHoldMinutes : 0;
            const double minutes = it.value().toDouble(-1);
            if (!it.value().isDouble())
                errors.append({ErrorCode::WrongType, key, u"must be a number of minutes"_s});
            else if (minutes < low || minutes > maxOfferMinutes || minutes != int(minutes))
                errors.append({ErrorCode::OutOfRange, key,
                               u"must be a whole number of minutes from %1 to %2"_s.arg(low).arg(
                                   maxOfferMinutes)});
            else
                (hold ? next.waitlistOfferHoldMinutes : next.waitlistOfferCutoffMinutes) =
                    int(minutes);
        } else if (key == "templates"_L1) {
            const qsizetype before = errors.size();
            checkTemplates(it.value(), errors);
            if (errors.size() == before)
                next.templates = it.value().toObject();
        } else {
            errors.append({ErrorCode::UnknownValue, key, u"is not a reminder setting"_s});
        }
    }
    const auto named = [&](const QString& field) {
        return std::ranges::any_of(errors, [&](const Error& e) { return e.field == field; });
    };
    // Checked on the result, so that a PUT of other fields is not refused
    // for what it did not send; each only when it was sent.
    if (changes.contains("smtpHost"_L1) && !named(u"smtpHost"_s) && !next.smtpHost.isEmpty() &&
        !isHost(next.smtpHost))
        errors.append({ErrorCode::UnknownValue, u"smtpHost"_s,
                       u"must be a host name or an IPv4 address, such as smtp.example.org"_s});
    if (changes.contains("smtpFrom"_L1) && !named(u"smtpFrom"_s) && !next.smtpFrom.isEmpty() &&
        !isEmailAddress(next.smtpFrom))
        errors.append({ErrorCode::UnknownValue, u"smtpFrom"_s,
                       u"must be an email address, such as reminders@example.org"_s});
    for (const auto field : {"smsUrl"_L1, "publicBaseUrl"_L1}) {
        const QString url = *stringField(next, field);
        if (changes.contains(field) && !named(field) && !url.isEmpty() && !isWebUrl(url))
            errors.append(
                {ErrorCode::UnknownValue, field, u"must be an absolute http or https URL"_s});
    }
    if (!errors.isEmpty())
        return std::unexpected(errors);
    *this = next;
    return {};
}

} // namespace mss::reminders
