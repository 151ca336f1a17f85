// Reminder routes: settings and test sends for admins, failed reminders,
// and the public confirmation links and SMS webhook (no token: the link's
// signature or the webhook's shared secret is the authority).
#include "base/WallClock.h"
#include "domain/Enums.h"
#include "reminders/MessageTemplates.h"
#include "reminders/ReminderScheduler.h"
#include "server/RecordRoutes.h"
#include "server/Router.h"
#include "server/ServerAppointmentWriter.h"

#include <QRegularExpression>
#include <QSqlQuery>

#include <sodium.h>

namespace mss::server {

using namespace Qt::StringLiterals;
using reminders::ConfirmAction;
using reminders::ReminderScheduler;
using storage::RecordKind;

namespace {

ApiResponse notServing() {
    return ApiResponse::error(503, u"Reminders run only in a serving server"_s, u"BUSY"_s);
}

ApiResponse htmlPage(int status, const QString& title, const QString& text) {
    ApiResponse r;
    r.status = status;
    r.contentType = "text/html; charset=utf-8";
    r.page = (u"<!doctype html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
              "content=\"width=device-width\"><title>%1</title></head><body><h1>%1</h1><p>%2</p>"
              "</body></html>\n"_s.arg(title.toHtmlEscaped(), text.toHtmlEscaped()))
                 .toUtf8();
    return r;
}

ApiResponse getReminderSettings(RequestContext& ctx) {
    auto* scheduler = ctx.practice().reminders();
    if (!scheduler)
        return notServing();
    return ApiResponse::ok(scheduler->settings().toWire());
}

ApiResponse putReminderSettings(RequestContext& ctx) {
    auto* scheduler = ctx.practice().reminders();
    if (!scheduler)
        return notServing();
    const auto body = ctx.bodyObject();
    if (!body)
        return body.error();
    reminders::ReminderSettings s = scheduler->settings();
    if (auto r = s.apply(*body); !r)
        return ApiResponse::invalid(r.error());
    if (auto r = scheduler->saveSettings(s); !r)
        return storageFailure(storage::failure(describe(r.error())));
    // The keys changed, never their values.
    ctx.audit(u"settings.reminders.update"_s, u"settings"_s, {},
              QStringList(body->keys()).join(u','));
    return ApiResponse::ok(s.toWire());
}

// What a test send says: the practice's saved templates for `language` and
// `appointmentType`, filled for a made-up appointment, so the admin sees
// what clients get. Its links point at this server but carry no token, so
// they only ever answer "not valid".
reminders::RenderedMessage sampleMessage(RequestContext& ctx, const reminders::ReminderSettings& s,
                                         const QString& language, const QString& appointmentType) {
    const QTimeZone zone = ctx.practice().timeZone();
    // The next weekday at 10:00 where the practice is.
    QDate day = ctx.practice().clock().now().toTimeZone(zone).date().addDays(1);
    while (day.dayOfWeek() > 5)
        day = day.addDays(1);

    // A clinician of the directory, as a real reminder would name one.
    QString provider;
    storage::ListQuery clinicians;
    clinicians.conditions = {{u"role"_s, storage::Condition::Op::Eq, {u"CLINICIAN"_s}}};
    clinicians.sortField = u"lastName"_s;
    clinicians.limit = 20;
    if (const auto staff = ctx.records().list(RecordKind::Staff, clinicians)) {
        for (const auto& r : staff->records) {
            if (!r.doc.value("isActive"_L1).toBool(true))
                continue;
            provider = QString(r.doc.value("firstName"_L1).toString() + u' ' +
                               r.doc.value("lastName"_L1).toString())
                           .trimmed();
            if (!provider.isEmpty())
                break;
        }
    }

    const QString base =
        s.publicBaseUrl.endsWith(u'/') ? s.publicBaseUrl.chopped(1) : s.publicBaseUrl;
    reminders::MessageFields f;
    f.clientFirstName = u"Alex"_s;
    f.start = QDateTime(day, QTime(10, 0), zone);
    f.zone = zone;
    f.providerName = provider.isEmpty() ? u"Your clinician"_s : provider;
    f.location = domain::toWire(domain::Location::Office);
    f.confirmLink = base + u"/api/v1/public/confirm/TEST-LINK-this-is-a-test-message"_s;
    f.declineLink = base + u"/api/v1/public/decline/TEST-LINK-this-is-a-test-message"_s;
    f.practiceName = s.practiceName;
    f.language = language;
    f.appointmentType = appointmentType;
    return reminders::renderMessage(f, s.templates);
}

ApiResponse testSend(RequestContext& ctx) {
    auto* scheduler = ctx.practice().reminders();
    if (!scheduler)
        return notServing();
    const auto body = ctx.bodyObject();
    if (!body)
        return body.error();
    const QString channel = body->value("channel"_L1).toString();
    const QString to = body->value("to"_L1).toString().trimmed();
    Errors errors;
    const auto field = [&](QLatin1StringView name) {
        const QJsonValue v = body->value(name);
        if (v.isUndefined() || v.isNull() || (v.isString() && v.toString().trimmed().isEmpty()))
            errors.append({ErrorCode::Required, name, u"is required"_s});
        else if (!v.isString())
            errors.append({ErrorCode::WrongType, name, u"must be a string"_s});
        else
            return true;
        return false;
    };
    // An optional string: absent or null is "not given".
    const auto optional = [&](QLatin1StringView name) -> std::optional<QString> {
        const QJsonValue v = body->value(name);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (!v.isString()) {
            errors.append({ErrorCode::WrongType, name, u"must be a string"_s});
            return std::nullopt;
        }
        return v.toString();
    };
    if (field("channel"_L1) && channel != "email"_L1 && channel != "sms"_L1)
        errors.append({ErrorCode::UnknownValue, u"channel"_s, u"must be email or sms"_s});
    if (field("to"_L1)) {
        static const QRegularExpression phone(u"^\\+[1-9][0-9]{6,14}$"_s);
        if (channel == "email"_L1 && !reminders::isEmailAddress(to))
            errors.append({ErrorCode::UnknownValue, u"to"_s,
                           u"must be an email address, such as someone@example.org"_s});
        else if (channel == "sms"_L1 && !phone.match(to).hasMatch())
            errors.append({ErrorCode::UnknownValue, u"to"_s,
                           u"must be a phone number in international form, such as "
                           "+15551234567"_s});
    }
    QString language = u"en"_s;
    if (const auto given = optional("language"_L1)) {
        if (*given != "en"_L1 && *given != "es"_L1)
            errors.append({ErrorCode::UnknownValue, u"language"_s, u"must be en or es"_s});
        else
            language = *given;
    }
    QString appointmentType; // empty: the language's default template
    if (const auto given = optional("appointmentType"_L1)) {
        if (domain::fromWire<domain::AppointmentType>(*given))
            appointmentType = *given;
        else if (*given != "default"_L1)
            errors.append({ErrorCode::UnknownValue, u"appointmentType"_s,
                           u"must be default or an appointment type: "_s +
                               domain::wireNames<domain::AppointmentType>().join(u", "_s)});
    }
    static const QStringList known{u"channel"_s, u"to"_s, u"language"_s, u"appointmentType"_s};
    for (const QString& key : body->keys()) {
        if (!known.contains(key))
            errors.append({ErrorCode::UnknownValue, key, u"is not a field of a test send"_s});
    }
    if (!errors.isEmpty())
        return ApiResponse::invalid(errors);
    const auto s = scheduler->settings();
    const reminders::RenderedMessage m = sampleMessage(ctx, s, language, appointmentType);
    char random[8];
    randombytes_buf(random, sizeof random);
    const QString fromDomain = s.smtpFrom.section(u'@', 1);
    const auto sent =
        channel == "email"_L1
            ? scheduler->smtp().send(
                  s, {to,
                      m.subject,
                      m.text,
                      m.html,
                      u"<test.%1@%2>"_s.arg(QString::fromLatin1(QByteArray(random, 8).toHex()),
                                            fromDomain.isEmpty() ? u"localhost"_s : fromDomain),
                      {},
                      {}})
            : scheduler->sms().send(s, to, m.sms,
                                    QString::fromLatin1(QByteArray(random, 8).toHex()));
    ctx.audit(u"settings.reminders.test"_s, u"settings"_s, {}, channel);
    if (!sent)
        return ApiResponse::error(502, describe(sent.error()), u"SEND_FAILED"_s);
    return ApiResponse::ok(QJsonObject{
        {"sent"_L1, true},
        {"channel"_L1, channel},
        {"language"_L1, language},
        {"appointmentType"_L1, appointmentType.isEmpty() ? u"default"_s : appointmentType}});
}

ApiResponse listReminders(RequestContext& ctx) {
    static const QStringList states{u"pending"_s, u"claimed"_s, u"sent"_s, u"failed"_s,
                                    u"skipped"_s};
    const QString state = ctx.request().query.queryItemValue(u"state"_s);
    const qsizetype wantedState = state.isEmpty() ? -1 : states.indexOf(state);
    if (!state.isEmpty() && wantedState < 0)
        return ApiResponse::error(400, u"state must be one of: "_s + states.join(u", "_s),
                                  u"INVALID_QUERY"_s);
    QSqlQuery& q = ctx.practice().db().prepare(
        u"SELECT appointment, channel, due_ms, state, attempts, next_attempt_ms, last_error, "
        "claimed_ms, sent_ms FROM reminders WHERE ? < 0 OR state = ? "
        "ORDER BY due_ms LIMIT 500"_s);
    q.addBindValue(wantedState);
    q.addBindValue(wantedState);
    if (auto r = storage::Database::run(q); !r)
        return storageFailure(r.error());
    const auto time = [](const QVariant& v) {
        return v.isNull() ? QJsonValue()
                          : QJsonValue(toWireTime(
                                QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC)));
    };
    QJsonArray out;
    while (q.next()) {
        out.append(
            QJsonObject{{"appointment"_L1, q.value(0).toString()},
                        {"channel"_L1, q.value(1).toString()},
                        {"dueAt"_L1, time(q.value(2))},
                        {"state"_L1, states.value(q.value(3).toInt())},
                        {"attempts"_L1, q.value(4).toInt()},
                        {"nextAttemptAt"_L1, time(q.value(5))},
                        {"lastError"_L1,
                         q.value(6).isNull() ? QJsonValue() : QJsonValue(q.value(6).toString())},
                        {"claimedAt"_L1, time(q.value(7))},
                        {"sentAt"_L1, time(q.value(8))}});
    }
    q.finish();
    return ApiResponse::ok(out).with(u"count"_s, out.size());
}

// Sets the client's answer once; a second answer changes nothing. Returns
// the page's title and text. Runs inside a write transaction.
std::expected<std::pair<QString, QString>, ApiResponse>
answer(RequestContext& ctx, const QString& appointmentId, ConfirmAction action) {
    const auto record = ctx.records().get(RecordKind::Appointment, appointmentId);
    if (!record)
        return std::unexpected(storageFailure(record.error()));
    if (!*record)
        return std::pair{u"Not found"_s, u"This appointment no longer exists."_s};
    const QJsonObject& doc = (*record)->doc;
    const QString status = doc.value("status"_L1).toString();
    if (status != "Scheduled"_L1 && status != "Confirmed"_L1)
        return std::pair{u"Appointment %1"_s.arg(status.toLower()),
                         u"Please call the practice if you have questions."_s};
    const QString given = doc.value("confirmationStatus"_L1).toString();
    const bool answered = !doc.value("confirmationResponseAt"_L1).toString().isEmpty();
    if (!answered) {
        ServerAppointmentWriter writer(ctx.practice());
        const QString now = toWireTime(ctx.practice().clock().now());
        const QString next = action == ConfirmAction::Confirm ? u"Confirmed"_s : u"Declined"_s;
        if (auto r = writer.update(
                appointmentId,
                [&](QJsonObject& d) {
                    d.insert("confirmationStatus"_L1, next);
                    d.insert("confirmationResponseAt"_L1, now);
                },
                action == ConfirmAction::Confirm ? u"appointment.confirm"_s
                                                 : u"appointment.decline"_s);
            !r)
            return std::unexpected(ApiResponse::internal());
        return std::pair{next == "Confirmed"_L1 ? u"Thank you"_s : u"Thank you for telling us"_s,
                         next == "Confirmed"_L1 ? u"Your appointment is confirmed."_s
                                                : u"We have noted that you cannot come."_s};
    }
    return std::pair{u"Already answered"_s, given == "Declined"_L1
                                                ? u"We have noted that you cannot come."_s
                                                : u"Your appointment is confirmed."_s};
}

ApiResponse confirmLink(RequestContext& ctx, ConfirmAction action) {
    auto* scheduler = ctx.practice().reminders();
    if (!scheduler)
        return htmlPage(503, u"Unavailable"_s, u"Please try again later."_s);
    const auto claim = scheduler->key().verify(ctx.param(u"token"_s), ctx.practice().clock().now());
    if (!claim) {
        return claim.error() == reminders::ConfirmationKey::Refusal::Expired
                   ? htmlPage(410, u"Link expired"_s,
                              u"This link has expired. Please call the practice."_s)
                   : htmlPage(400, u"Link not valid"_s,
                              u"This link is not valid. Please call the practice."_s);
    }
    if (action != claim->action)
        return htmlPage(400, u"Link not valid"_s,
                        u"This link is not valid. Please call the practice."_s);
    // A GET that writes: its own transaction, audit entry inside it.
    storage::WriteTransaction tx(ctx.practice().db());
    if (!tx.isActive())
        return htmlPage(503, u"Busy"_s, u"Please try again in a moment."_s);
    const auto page = answer(ctx, claim->appointmentId, action);
    if (!page)
        return htmlPage(500, u"Error"_s, u"Please try again later."_s);
    if (!tx.commit())
        return htmlPage(500, u"Error"_s, u"Please try again later."_s);
    scheduler->poke();
    return htmlPage(200, page->first, page->second);
}

ApiResponse smsInbound(RequestContext& ctx) {
    auto* scheduler = ctx.practice().reminders();
    if (!scheduler)
        return notServing();
    const QByteArray secret =
        ctx.request().query.queryItemValue(u"secret"_s, QUrl::FullyDecoded).toUtf8();
    const QByteArray expected = scheduler->settings().smsInboundSecret.toUtf8();
    if (expected.isEmpty() || secret.size() != expected.size() ||
        sodium_memcmp(secret.constData(), expected.constData(), size_t(secret.size())) != 0)
        // Answered like an unknown route: the open routes never say 401/403.
        return ApiResponse::error(404, u"Route not found: %1"_s.arg(ctx.request().path),
                                  u"NOT_FOUND"_s);
    const QUrlQuery form(QString::fromUtf8(ctx.request().body).replace(u'+', u' '));
    const QString from = form.queryItemValue(u"From"_s, QUrl::FullyDecoded).trimmed();
    const QString reply = form.queryItemValue(u"Body"_s, QUrl::FullyDecoded).trimmed().toUpper();
    const auto twiml = [](int status) {
        ApiResponse r;
        r.status = status;
        r.contentType = "text/xml; charset=utf-8";
        r.page = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>\n";
        return r;
    };
    std::optional<ConfirmAction> action;
    if (reply == "C"_L1 || reply == "Y"_L1 || reply == "YES"_L1 || reply == "SI"_L1)
        action = ConfirmAction::Confirm;
    else if (reply == "N"_L1 || reply == "NO"_L1)
        action = ConfirmAction::Decline;
    if (!action || from.isEmpty())
        return twiml(200); // not an answer: nothing to do
    // Read directly: a list filter would take "+1555..." for a number.
    QStringList clientIds;
    {
        QSqlQuery& q = ctx.practice().db().prepare(
            u"SELECT id FROM clients WHERE json_extract(doc, '$.phone') = ? LIMIT 5"_s);
        q.addBindValue(from);
        if (auto r = storage::Database::run(q); !r)
            return storageFailure(r.error());
        while (q.next())
            clientIds << q.value(0).toString();
        q.finish();
    }
    const QString now = toWireTime(ctx.practice().clock().now());
    for (const QString& clientId : std::as_const(clientIds)) {
        storage::ListQuery next;
        next.conditions = {{u"client"_s, storage::Condition::Op::Eq, {clientId}},
                           {u"confirmationStatus"_s, storage::Condition::Op::Eq, {u"Sent"_s}},
                           {u"startTime"_s, storage::Condition::Op::Gt, {now}}};
        next.sortField = u"startTime"_s;
        next.limit = 1;
        const auto appointments = ctx.records().list(RecordKind::Appointment, next);
        if (!appointments)
            return storageFailure(appointments.error());
        if (!appointments->records.isEmpty()) {
            if (auto r = answer(ctx, appointments->records.front().id, *action); !r)
                return r.error();
            ctx.clearAudit(); // written with the change already
            scheduler->poke();
            break;
        }
    }
    return twiml(200);
}

} // namespace

void addReminderRoutes(Router& router) {
    using P = Permission;
    router.add(Method::Get, u"/api/v1/settings/reminders"_s, P::ManageReminders,
               getReminderSettings);
    router.add(Method::Put, u"/api/v1/settings/reminders"_s, P::ManageReminders,
               putReminderSettings);
    router.add(Method::Post, u"/api/v1/settings/reminders/test"_s, P::ManageReminders, testSend,
               Writes::AuditOnly);
    router.add(Method::Get, u"/api/v1/reminders"_s, P::ManageReminders, listReminders);
    router.add(Method::Get, u"/api/v1/public/confirm/:token"_s, std::nullopt,
               [](RequestContext& c) { return confirmLink(c, ConfirmAction::Confirm); });
    router.add(Method::Get, u"/api/v1/public/decline/:token"_s, std::nullopt,
               [](RequestContext& c) { return confirmLink(c, ConfirmAction::Decline); });
    router.add(Method::Post, u"/api/v1/public/sms/inbound"_s, std::nullopt, smsInbound);
}

} // namespace mss::server
