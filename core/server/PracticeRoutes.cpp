// Practice-wide routes: health, settings, the change feed, the audit-log
// listing and open slots.
#include "base/WallClock.h"
#include "domain/Limits.h"
#include "scheduling/OpenSlots.h"
#include "server/CalendarFeed.h"
#include "server/MinimumNecessary.h"
#include "server/RecordRoutes.h"
#include "server/Router.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcHttp)

namespace mss::server {

using namespace Qt::StringLiterals;
using storage::RecordKind;

namespace {

constexpr int maxChangesPerPage = 5000;
// A page also stops once it passes this many bytes (with at least one
// change in it), so 5,000 records of long notes never make one answer of
// tens of megabytes; the cursor names the last change sent, so the next
// page starts right after it.
constexpr qsizetype maxChangesPageBytes = 4 * 1024 * 1024;
constexpr qint64 maxSlotWindowDays = 62;

// A load balancer's check: 200 while the database answers, else 503 with
// the cause, so that it sends the requests to another server meanwhile.
ApiResponse health(RequestContext& ctx) {
    const auto reached = ctx.practice().db().exec(u"SELECT 1"_s);
    const bool dbOk = reached.has_value();
    ApiResponse r = ApiResponse::ok(
        QJsonObject{{"status"_L1, dbOk ? u"ok"_s : u"degraded"_s},
                    {"version"_L1, QCoreApplication::applicationVersion()},
                    {"time"_L1, toWireTime(ctx.practice().clock().now())},
                    {"features"_L1, QJsonArray{u"versions"_s, u"idempotency"_s, u"changes"_s,
                                               u"conflicts"_s, u"openSlots"_s, u"auditLog"_s}}});
    if (!dbOk) {
        r.status = 503;
        r.body.insert("success"_L1, false);
        r.body.insert("code"_L1, reached.error().code == ErrorCode::DatabaseUnavailable
                                     ? u"DATABASE_UNAVAILABLE"_s
                                     : u"DATABASE_ERROR"_s);
        // The details (hosts, paths) go to the log, not to anyone asking.
        qCWarning(lcHttp) << "health check:" << reached.error().message;
        r.body.insert("error"_L1, reached.error().code == ErrorCode::DatabaseUnavailable
                                      ? u"The server cannot reach its database"_s
                                      : u"The server's database refuses a query"_s);
        r.withHeader("Retry-After", "5");
    }
    return r;
}

QJsonObject settingsJson(Practice& practice) {
    return {{"timeZone"_L1, QString::fromUtf8(practice.timeZone().id())},
            {"strictAvailability"_L1, practice.strictAvailability()},
            {"allowedOrigins"_L1, QJsonArray::fromStringList(practice.allowedOrigins().entries())},
            {"widerGrants"_L1, practice.roleGrants().toJson()},
            {"calendarFeeds"_L1, FeedSettings::of(practice).toJson()}};
}

ApiResponse getSettings(RequestContext& ctx) {
    return ApiResponse::ok(settingsJson(ctx.practice()));
}

ApiResponse putSettings(RequestContext& ctx) {
    const auto body = ctx.bodyObject();
    if (!body)
        return body.error();
    Errors errors;
    std::optional<QTimeZone> zone;
    std::optional<bool> strict;
    std::optional<AllowedOrigins> origins;
    std::optional<domain::RoleGrants> grants;
    std::optional<FeedSettings> feeds;
    for (auto it = body->begin(); it != body->end(); ++it) {
        if (it.key() == "timeZone"_L1) {
            const QTimeZone z(it.value().toString().toUtf8());
            if (!it.value().isString() || !z.isValid())
                errors.append({ErrorCode::InvalidTimeZone, u"timeZone"_s,
                               u"must be an IANA time zone such as America/New_York"_s});
            else
                zone = z;
        } else if (it.key() == "strictAvailability"_L1) {
            if (!it.value().isBool())
                errors.append(
                    {ErrorCode::WrongType, u"strictAvailability"_s, u"must be true or false"_s});
            else
                strict = it.value().toBool();
        } else if (it.key() == "allowedOrigins"_L1) {
            // One origin per string (no comma lists here), or "*".
            bool strings = it.value().isArray();
            QStringList entries;
            for (const QJsonValue& v : it.value().toArray()) {
                strings = strings && v.isString() && !v.toString().contains(u',');
                entries << v.toString();
            }
            const auto parsed = AllowedOrigins::parse(entries);
            if (!strings)
                errors.append(
                    {ErrorCode::WrongType, u"allowedOrigins"_s,
                     u"must be a list of origins, such as [\"https://app.example.org\"]"_s});
            else if (!parsed) // the answer's code stays the one clients know
                errors.append(
                    {ErrorCode::UnknownValue, u"allowedOrigins"_s, parsed.error().message});
            else
                origins = *parsed;
        } else if (it.key() == "widerGrants"_L1) {
            auto parsed = domain::RoleGrants::fromJson(it.value());
            if (!parsed || it.value().isNull())
                errors.append({ErrorCode::UnknownValue, u"widerGrants"_s,
                               parsed ? u"must be an object"_s : parsed.error().message});
            else
                grants = *parsed;
        } else if (it.key() == "calendarFeeds"_L1) {
            auto parsed = FeedSettings::fromJson(it.value(), FeedSettings::of(ctx.practice()));
            if (!parsed)
                errors.append(parsed.error());
            else
                feeds = *parsed;
        } else {
            errors.append({ErrorCode::UnknownValue, it.key(), u"is not a setting"_s});
        }
    }
    if (!errors.isEmpty())
        return ApiResponse::invalid(errors);
    if (zone) {
        if (auto r = ctx.practice().setTimeZone(*zone); !r)
            return storageFailure(r.error());
    }
    if (strict) {
        if (auto r = ctx.practice().setStrictAvailability(*strict); !r)
            return storageFailure(r.error());
    }
    if (origins) {
        if (auto r = ctx.practice().setAllowedOrigins(*origins); !r)
            return storageFailure(r.error());
    }
    if (grants) {
        if (auto r = ctx.practice().setRoleGrants(*grants); !r)
            return storageFailure(r.error());
    }
    if (feeds) {
        if (auto r = feeds->save(ctx.practice()); !r)
            return storageFailure(r.error());
    }
    ctx.audit(u"settings.update"_s, u"settings"_s, {}, QStringList(body->keys()).join(u','));
    return ApiResponse::ok(settingsJson(ctx.practice()));
}

ApiResponse changes(RequestContext& ctx) {
    const QUrlQuery& q = ctx.request().query;
    bool ok = true;
    const QString sinceText = q.queryItemValue(u"since"_s);
    const qint64 since = sinceText.isEmpty() ? 0 : sinceText.toLongLong(&ok);
    if (!ok || since < 0)
        return ApiResponse::error(400, u"since must be a cursor from an earlier answer"_s,
                                  u"INVALID_QUERY"_s);
    const QString limitText = q.queryItemValue(u"limit"_s);
    const qint64 limit = limitText.isEmpty() ? 100 : limitText.toLongLong(&ok);
    if (!ok || limit < 1 || limit > maxChangesPerPage)
        return ApiResponse::error(
            400, u"limit must be a whole number from 1 to %1"_s.arg(maxChangesPerPage),
            u"INVALID_QUERY"_s);
    // One more than asked tells whether there is more. Documents go out as
    // stored, unless a meeting secret must be unsealed for this role: a
    // desk's first sync is this answer repeated over every record.
    const auto rows = ctx.records().changesWithRecords(since, int(limit) + 1);
    if (!rows)
        return storageFailure(rows.error());
    bool hasMore = rows->size() > limit;
    const bool secrets = ctx.can(Permission::SeeMeetingSecrets);
    // Minimum necessary: for a member who sees their own appointments only,
    // others' go out as busy blocks and clients off their caseload not at
    // all; a client that comes onto it with an appointment comes along with
    // that appointment (its earlier changes were left out).
    const bool perMember = redactsEachRecord(ctx, RecordKind::Appointment);
    std::optional<QSet<QString>> readable;
    if (perMember) {
        auto clients = readableClients(ctx);
        if (!clients)
            return clients.error();
        readable = std::move(*clients);
    }
    QSet<QString> clientsSent;
    QByteArray data = "{\"changes\":[";
    bool first = true;
    QStringList disclosed;
    qint64 cursor = since;
    const auto entry = [&](RecordKind kind, const QString& id, qint64 version, bool deleted) {
        // Types and ids are plain ASCII (names and 24 hex digits).
        data += first ? "{\"type\":\"" : ",{\"type\":\"";
        first = false;
        data += storage::wireType(kind).toLatin1();
        data += deleted ? "\",\"op\":\"delete\",\"_id\":\"" : "\",\"op\":\"upsert\",\"_id\":\"";
        data += id.toLatin1();
        data += "\",\"version\":";
        data += QByteArray::number(version);
    };
    for (qsizetype i = 0; i < std::min<qsizetype>(rows->size(), limit); ++i) {
        if (data.size() >= maxChangesPageBytes) {
            hasMore = true;
            break;
        }
        const storage::RecordStore::ChangedRecord& r = rows->at(i);
        const storage::Change& c = r.change;
        cursor = c.seq;
        if (c.kind == RecordKind::AuditEntry)
            continue;
        if (!c.deleted && !r.present)
            continue; // deleted since; its tombstone comes later in the feed
        if (readable && c.kind == RecordKind::Client && !c.deleted) {
            if (!readable->contains(c.id) || clientsSent.contains(c.id))
                continue; // off the member's caseload, or already sent along
            clientsSent.insert(c.id);
        }
        if (perMember && c.kind == RecordKind::WaitlistEntry && !c.deleted &&
            !showsDetails(ctx, QJsonDocument::fromJson(r.raw).object()))
            continue; // another provider's entry: not for this member
        entry(c.kind, c.id, c.version, c.deleted);
        QString clientAlong;
        if (!c.deleted) {
            data += ",\"doc\":";
            const bool schedule =
                c.kind == RecordKind::Appointment || c.kind == RecordKind::RecurringAppointment;
            if ((secrets && !r.secret.isEmpty()) || (perMember && schedule)) {
                storage::StoredRecord stored;
                stored.doc = QJsonDocument::fromJson(r.raw).object();
                stored.secret = r.secret;
                const QJsonObject doc = render(ctx, c.kind, stored);
                data += QJsonDocument(doc).toJson(QJsonDocument::Compact);
                if (perMember && schedule)
                    clientAlong = doc.value("client"_L1).toString();
            } else {
                data += r.raw;
            }
            if (isClientData(c.kind))
                disclosed << c.id;
        }
        data += '}';
        if (!clientAlong.isEmpty() && !clientsSent.contains(clientAlong)) {
            clientsSent.insert(clientAlong);
            const auto client = ctx.records().get(RecordKind::Client, clientAlong);
            if (!client)
                return storageFailure(client.error());
            if (*client) {
                entry(RecordKind::Client, clientAlong, (*client)->version, false);
                data += ",\"doc\":";
                data += QJsonDocument(render(ctx, RecordKind::Client, **client))
                            .toJson(QJsonDocument::Compact);
                data += '}';
                disclosed << clientAlong;
            }
        }
    }
    data += "],\"cursor\":\"";
    data += QByteArray::number(cursor);
    data += hasMore ? "\",\"hasMore\":true}" : "\",\"hasMore\":false}";
    if (!disclosed.isEmpty())
        ctx.audit(u"sync.changes"_s, u"changes"_s, {}, disclosed.join(u','));
    ApiResponse response = ApiResponse::ok(QJsonValue::Null);
    response.body.remove("data"_L1);
    response.rawData = data;
    return response;
}

ApiResponse openSlotsOf(RequestContext& ctx) {
    if (auto bad = checkIdParam(ctx, u"providerId"_s))
        return *bad;
    const QString provider = ctx.param(u"providerId"_s).toLower();
    const QUrlQuery& q = ctx.request().query;
    Errors errors;
    const QDateTime from = fromWireTime(q.queryItemValue(u"from"_s, QUrl::FullyDecoded));
    const QDateTime to = fromWireTime(q.queryItemValue(u"to"_s, QUrl::FullyDecoded));
    if (!from.isValid())
        errors.append({ErrorCode::InvalidTime, u"from"_s, u"must be an ISO 8601 instant"_s});
    if (!to.isValid())
        errors.append({ErrorCode::InvalidTime, u"to"_s, u"must be an ISO 8601 instant"_s});
    if (from.isValid() && to.isValid() && (to <= from || from.daysTo(to) > maxSlotWindowDays))
        errors.append({ErrorCode::OutOfRange, u"to"_s,
                       u"must be after from, at most %1 days later"_s.arg(maxSlotWindowDays)});
    int duration = 50;
    if (const QString d = q.queryItemValue(u"duration"_s); !d.isEmpty()) {
        bool ok = false;
        duration = d.toInt(&ok);
        if (!ok || duration < 5 || duration > domain::maxAppointmentMinutes)
            errors.append({ErrorCode::OutOfRange, u"duration"_s,
                           u"must be from 5 to %1 minutes"_s.arg(domain::maxAppointmentMinutes)});
    }
    std::optional<domain::Location> location;
    if (const QString l = q.queryItemValue(u"location"_s, QUrl::FullyDecoded); !l.isEmpty()) {
        location = domain::fromWire<domain::Location>(l);
        if (!location)
            errors.append(
                {ErrorCode::UnknownValue, u"location"_s,
                 u"must be one of: "_s + domain::wireNames<domain::Location>().join(u", "_s)});
    }
    if (!errors.isEmpty())
        return ApiResponse::invalid(errors);

    const auto availabilityRows =
        ctx.records().byColumn(RecordKind::ProviderAvailability, u"provider"_s, provider);
    const auto appointmentRows = ctx.records().appointmentsBetween(provider, false, from, to);
    if (!availabilityRows)
        return storageFailure(availabilityRows.error());
    if (!appointmentRows)
        return storageFailure(appointmentRows.error());
    QList<domain::ProviderAvailability> availability;
    for (const auto& r : *availabilityRows) {
        if (auto a = domain::ProviderAvailability::fromJson(r.doc, domain::DecodeMode::TypesOnly))
            availability.append(*a);
    }
    QList<domain::Appointment> appointments;
    for (const auto& r : *appointmentRows) {
        if (auto a = domain::Appointment::fromJson(r.doc, domain::DecodeMode::TypesOnly))
            appointments.append(*a);
    }
    scheduling::OpenSlotQuery query;
    query.from = from;
    query.to = to;
    query.durationMinutes = duration;
    query.location = location;
    query.zone = ctx.practice().timeZone();
    query.notBefore = ctx.practice().clock().now();
    const QList<scheduling::ProviderSchedule> schedules{
        {*domain::ObjectId::fromString(provider), availability, appointments}};
    QJsonArray found;
    for (const scheduling::OpenSlot& s : scheduling::openSlots(query, schedules, 2000)) {
        found.append(QJsonObject{{"startTime"_L1, toWireTime(s.time.startTime())},
                                 {"endTime"_L1, toWireTime(s.time.endTime())}});
    }
    return ApiResponse::ok(found).with(u"count"_s, found.size());
}

} // namespace

void addPracticeRoutes(Router& router) {
    using P = Permission;
    router.add(Method::Get, u"/api/v1/health"_s, std::nullopt, health, Writes::Nothing);
    router.add(Method::Get, u"/api/v1/settings"_s, P::ReadSettings, getSettings, Writes::Nothing);
    router.add(Method::Put, u"/api/v1/settings"_s, P::WriteSettings, putSettings);
    router.add(Method::Get, u"/api/v1/sync/changes"_s, P::SyncChanges, changes, Writes::Nothing);
    router.add(Method::Get, u"/api/v1/audit-logs"_s, P::ReadAuditLog,
               [](RequestContext& c) { return listRecords(c, RecordKind::AuditEntry); });
    router.add(Method::Get, u"/api/v1/staff/:providerId/open-slots"_s, P::ReadSchedule, openSlotsOf,
               Writes::Nothing);
}

} // namespace mss::server
