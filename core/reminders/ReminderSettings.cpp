#include "reminders/ReminderSettings.h"

#include <QJsonDocument>
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
            else
                *field = it.value().toString().trimmed();
        } else if (key == "smtpPort"_L1) {
            const double port = it.value().toDouble(-1);
            if (!it.value().isDouble() || port < 1 || port > 65535 || port != int(port))
                errors.append({ErrorCode::OutOfRange, key, u"must be a port from 1 to 65535"_s});
            else
                next.smtpPort = int(port);
        } else if (key == "smtpTls"_L1) {
            const QString v = it.value().toString();
            if (v == "starttls"_L1)
                next.smtpTls = SmtpTls::Try;
            else if (v == "required"_L1)
                next.smtpTls = SmtpTls::Required;
            else
                errors.append({ErrorCode::UnknownValue, key, u"must be starttls or required"_s});
        } else if (key == "templates"_L1) {
            if (!it.value().isObject())
                errors.append({ErrorCode::WrongType, key, u"must be an object"_s});
            else
                next.templates = it.value().toObject();
        } else {
            errors.append({ErrorCode::UnknownValue, key, u"is not a reminder setting"_s});
        }
    }
    for (const QString& url : {next.smsUrl, next.publicBaseUrl}) {
        if (!url.isEmpty() && !QUrl(url, QUrl::StrictMode).isValid())
            errors.append({ErrorCode::UnknownValue,
                           url == next.smsUrl ? u"smsUrl"_s : u"publicBaseUrl"_s,
                           u"must be an absolute URL"_s});
    }
    if (!next.smtpFrom.isEmpty() && !next.smtpFrom.contains(u'@'))
        errors.append({ErrorCode::UnknownValue, u"smtpFrom"_s, u"must be an email address"_s});
    if (!errors.isEmpty())
        return std::unexpected(errors);
    *this = next;
    return {};
}

} // namespace mss::reminders
