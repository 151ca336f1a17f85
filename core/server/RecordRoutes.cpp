#include "server/RecordRoutes.h"

#include "domain/ObjectId.h"
#include "server/Booking.h"
#include "server/MinimumNecessary.h"
#include "server/WaitlistOffers.h"

#include <QJsonDocument>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcHttp)

namespace mss::server {

using namespace Qt::StringLiterals;
using storage::Condition;
using storage::RecordKind;
using storage::StoredRecord;

namespace {

constexpr int maxPage = 1'000'000;
constexpr int maxLimit = 500;
constexpr int maxSortKeys = 4;

std::optional<int> boundedInt(const QString& text, int min, int max) {
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    if (!ok || v < min || v > max)
        return std::nullopt;
    return int(v);
}

ApiResponse badQuery(const QString& message) {
    return ApiResponse::error(400, message, u"INVALID_QUERY"_s);
}

} // namespace

std::expected<storage::ListQuery, ApiResponse> parseListQuery(RecordKind kind,
                                                              const QUrlQuery& query) {
    storage::ListQuery out;
    for (const auto& [rawKey, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (rawKey == "page"_L1) {
            const auto page = boundedInt(value, 1, maxPage);
            if (!page)
                return std::unexpected(
                    badQuery(u"page must be a whole number from 1 to %1"_s.arg(maxPage)));
            out.page = *page;
        } else if (rawKey == "limit"_L1) {
            const auto limit = boundedInt(value, 1, maxLimit);
            if (!limit)
                return std::unexpected(
                    badQuery(u"limit must be a whole number from 1 to %1"_s.arg(maxLimit)));
            out.limit = *limit;
        } else if (rawKey == "sort"_L1) {
            // "provider,-startTime": keys in order, "-" for descending.
            const QStringList keys = value.split(u',');
            if (keys.size() > maxSortKeys)
                return std::unexpected(badQuery(u"sort: at most %1 fields"_s.arg(maxSortKeys)));
            for (qsizetype i = 0; i < keys.size(); ++i) {
                QString field = keys[i].trimmed();
                const bool descending = field.startsWith(u'-');
                if (descending || field.startsWith(u'+'))
                    field.remove(0, 1);
                if (auto problem = storage::RecordStore::checkSortField(kind, field))
                    return std::unexpected(badQuery(u"sort: "_s + *problem));
                if (i == 0) {
                    out.sortField = field;
                    out.descending = descending;
                } else {
                    out.thenBy.append({field, descending});
                }
            }
        } else if (rawKey == "select"_L1 || rawKey == "populate"_L1) {
            continue; // applied when rendering (selectFields, Populate)
        } else {
            Condition c;
            QString key = rawKey;
            const qsizetype bracket = key.indexOf(u'[');
            if (bracket >= 0) {
                if (!key.endsWith(u']'))
                    return std::unexpected(badQuery(u"\"%1\" is not a filter"_s.arg(rawKey)));
                const QString op = key.mid(bracket + 1, key.size() - bracket - 2);
                key.truncate(bracket);
                if (op == "gt"_L1)
                    c.op = Condition::Op::Gt;
                else if (op == "gte"_L1)
                    c.op = Condition::Op::Gte;
                else if (op == "lt"_L1)
                    c.op = Condition::Op::Lt;
                else if (op == "lte"_L1)
                    c.op = Condition::Op::Lte;
                else if (op == "in"_L1)
                    c.op = Condition::Op::In;
                else if (op == "ne"_L1)
                    c.op = Condition::Op::Ne;
                else
                    return std::unexpected(badQuery(
                        u"\"%1\" is not a filter operator (use gt, gte, lt, lte, in, ne)"_s.arg(
                            op)));
            }
            c.field = key;
            c.values = c.op == Condition::Op::In ? value.split(u',') : QStringList{value};
            if (auto problem = storage::RecordStore::checkCondition(kind, c))
                return std::unexpected(badQuery(*problem));
            out.conditions.append(c);
        }
    }
    return out;
}

namespace {

QJsonObject selectFields(const QJsonObject& doc, const QUrlQuery& query) {
    const QString select = query.queryItemValue(u"select"_s, QUrl::FullyDecoded);
    if (select.isEmpty())
        return doc;
    QJsonObject out{{"_id"_L1, doc.value("_id"_L1)}};
    for (const QString& f : select.split(u',', Qt::SkipEmptyParts)) {
        const QString field = f.trimmed();
        if (doc.contains(field))
            out.insert(field, doc.value(field));
    }
    return out;
}

// `populate=client,provider`: references sent as {_id, firstName,
// lastName} instead of ids, which the contract allows. The names of a page
// are read once per distinct id; client names disclosed are audited.
class Populate {
public:
    static std::expected<Populate, ApiResponse> parse(RequestContext& ctx, RecordKind kind) {
        Populate out;
        const QString text = ctx.request().query.queryItemValue(u"populate"_s, QUrl::FullyDecoded);
        for (const QString& f : text.split(u',', Qt::SkipEmptyParts)) {
            const QString field = f.trimmed();
            const bool hasClient = kind == RecordKind::Appointment ||
                                   kind == RecordKind::RecurringAppointment ||
                                   kind == RecordKind::WaitlistEntry;
            const bool hasProvider = hasClient || kind == RecordKind::ProviderAvailability;
            if (field == "client"_L1 && hasClient) {
                if (!ctx.can(Permission::ReadClients))
                    return std::unexpected(ApiResponse::error(
                        403, u"Your role may not read clients (populate=client)"_s,
                        conflictCodeName(ConflictCode::Forbidden)));
                out.m_fields.append({field, RecordKind::Client});
            } else if (field == "provider"_L1 && hasProvider) {
                out.m_fields.append({field, RecordKind::Staff});
            } else {
                return std::unexpected(
                    badQuery(u"populate: %1 is not a reference of this resource"_s.arg(field)));
            }
        }
        return out;
    }

    bool isEmpty() const { return m_fields.isEmpty(); }

    std::optional<ApiResponse> apply(RequestContext& ctx, QJsonObject& doc) {
        for (const auto& [field, kind] : std::as_const(m_fields)) {
            const QString id = doc.value(field).toString();
            if (id.isEmpty())
                continue;
            auto& cache = kind == RecordKind::Client ? m_clients : m_staff;
            auto it = cache.find(id);
            if (it == cache.end()) {
                const auto record = ctx.records().get(kind, id);
                if (!record)
                    return storageFailure(record.error());
                QJsonObject named{{"_id"_L1, id}};
                if (*record) {
                    named.insert("firstName"_L1, (*record)->doc.value("firstName"_L1));
                    named.insert("lastName"_L1, (*record)->doc.value("lastName"_L1));
                }
                it = cache.insert(id, named);
            }
            doc.insert(field, *it);
        }
        return std::nullopt;
    }

    // Audits the clients whose names went out.
    void audit(RequestContext& ctx) const {
        if (!m_clients.isEmpty())
            ctx.audit(u"client.list"_s, u"client"_s, {}, m_clients.keys().join(u','));
    }

private:
    QList<std::pair<QString, RecordKind>> m_fields;
    QHash<QString, QJsonObject> m_clients, m_staff;
};

} // namespace

QJsonObject render(RequestContext& ctx, RecordKind kind, const StoredRecord& record) {
    QJsonObject doc = record.doc;
    if (record.version > 0)
        doc.insert("version"_L1, double(record.version));
    const bool schedule =
        kind == RecordKind::Appointment || kind == RecordKind::RecurringAppointment;
    if (schedule && !showsDetails(ctx, doc))
        return forMember(ctx, kind, doc); // a busy block: no secret to unseal
    if (!record.secret.isEmpty() && ctx.can(Permission::SeeMeetingSecrets))
        ctx.practice().unsealSecrets(doc, record.secret);
    return doc;
}

bool isClientData(RecordKind kind) {
    return kind == RecordKind::Appointment || kind == RecordKind::RecurringAppointment ||
           kind == RecordKind::Client || kind == RecordKind::WaitlistEntry;
}

QString actionName(RecordKind kind, const QString& verb) {
    return storage::wireType(kind) + u'.' + verb;
}

ApiResponse storageFailure(const Error& error) {
    qCWarning(lcHttp) << "storage failure:" << error.message;
    switch (error.code) {
    case ErrorCode::DiskFull:
        return ApiResponse::diskFull();
    case ErrorCode::DatabaseUnavailable:
        return ApiResponse::databaseUnavailable();
    case ErrorCode::ReadOnlyStorage:
        return ApiResponse::readOnly();
    default:
        return ApiResponse::internal();
    }
}

bool isStorageTrouble(const Error& error) {
    return error.code == ErrorCode::DiskFull || error.code == ErrorCode::ReadOnlyStorage ||
           error.code == ErrorCode::DatabaseUnavailable;
}

ApiResponse listRecords(RequestContext& ctx, RecordKind kind, const QList<Condition>& fixed) {
    auto query = parseListQuery(kind, ctx.request().query);
    if (!query)
        return query.error();
    query->conditions.append(fixed);
    if (auto narrowed = narrowForMember(ctx, kind, *query); !narrowed)
        return narrowed.error();
    // Documents go out as stored unless this answer changes them (select,
    // or secrets to unseal): parsing and re-writing every document was
    // most of a list's cost.
    query->parseDocuments = false;
    const auto page = ctx.records().list(kind, *query);
    if (!page)
        return storageFailure(page.error());
    auto populate = Populate::parse(ctx, kind);
    if (!populate)
        return populate.error();
    const bool select = ctx.request().query.hasQueryItem(u"select"_s);
    const bool secrets = ctx.can(Permission::SeeMeetingSecrets);
    QByteArray data = "[";
    QStringList ids;
    for (const StoredRecord& stored : page->records) {
        if (data.size() > 1)
            data += ',';
        if (select || !populate->isEmpty() || (secrets && !stored.secret.isEmpty()) ||
            redactsEachRecord(ctx, kind)) {
            StoredRecord r = stored;
            r.doc = QJsonDocument::fromJson(r.raw).object();
            QJsonObject doc = render(ctx, kind, r);
            if (auto failed = populate->apply(ctx, doc))
                return *failed;
            data += QJsonDocument(selectFields(doc, ctx.request().query))
                        .toJson(QJsonDocument::Compact);
        } else {
            data += stored.raw;
        }
        ids << stored.id;
    }
    data += ']';
    ApiResponse response = ApiResponse::ok(QJsonValue::Null);
    response.body.remove("data"_L1);
    response.rawData = data;
    response.with(u"count"_s, page->records.size());
    QJsonObject pagination;
    const auto link = [&](int p) {
        return QJsonObject{{"page"_L1, p}, {"limit"_L1, query->limit}};
    };
    if (qint64(query->page) * query->limit < page->total)
        pagination.insert("next"_L1, link(query->page + 1));
    if (query->page > 1)
        pagination.insert("prev"_L1, link(query->page - 1));
    response.with(u"pagination"_s, pagination);
    response.with(u"total"_s, double(page->total));
    if (isClientData(kind))
        ctx.audit(actionName(kind, u"list"_s), storage::wireType(kind), {}, ids.join(u','));
    populate->audit(ctx);
    return response;
}

std::optional<ApiResponse> checkIdParam(RequestContext& ctx, const QString& param) {
    const QString id = ctx.param(param);
    if (!domain::ObjectId::fromString(id) || id.size() != 24)
        return ApiResponse::error(400, u"\"%1\" is not a valid id"_s.arg(id.left(40)),
                                  u"INVALID_ID"_s);
    return std::nullopt;
}

std::expected<StoredRecord, ApiResponse> loadForChange(RequestContext& ctx, RecordKind kind) {
    auto current = loadRecord(ctx, kind);
    if (!current)
        return current;
    if (auto stale = checkIfMatch(ctx, kind, *current))
        return std::unexpected(*stale);
    return current;
}

std::optional<ApiResponse> checkUnusedId(RequestContext& ctx, RecordKind kind,
                                         const QJsonObject& body) {
    const QString id = body.value("_id"_L1).toString().toLower();
    if (id.isEmpty())
        return std::nullopt;
    const auto taken = ctx.records().exists(kind, id);
    if (!taken)
        return storageFailure(taken.error());
    if (*taken)
        return ApiResponse::error(
            409, u"A %1 with id %2 already exists"_s.arg(storage::wireType(kind), id),
            u"DUPLICATE_ID"_s);
    return std::nullopt;
}

std::expected<StoredRecord, ApiResponse> loadRecord(RequestContext& ctx, RecordKind kind,
                                                    const QString& param) {
    if (auto bad = checkIdParam(ctx, param))
        return std::unexpected(*bad);
    const QString id = ctx.param(param).toLower();
    const auto found = ctx.records().get(kind, id);
    if (!found)
        return std::unexpected(storageFailure(found.error()));
    const auto notFound = [&] {
        return std::unexpected(ApiResponse::error(
            404, u"No %1 with id %2"_s.arg(storage::wireType(kind), id), u"NOT_FOUND"_s));
    };
    if (!*found)
        return notFound();
    if (kind == RecordKind::Client) {
        // Off the member's caseload is as good as absent: a 403 would say
        // that the client exists.
        const auto readable = readableClients(ctx);
        if (!readable)
            return std::unexpected(readable.error());
        if (*readable && !(*readable)->contains(id))
            return notFound();
    }
    return **found;
}

ApiResponse listByReference(RequestContext& ctx, RecordKind kind, const QString& param,
                            const QString& field) {
    if (auto bad = checkIdParam(ctx, param))
        return *bad;
    return listRecords(ctx, kind,
                       {Condition{field, Condition::Op::Eq, {ctx.param(param).toLower()}}});
}

void addScheduleReads(Router& router, RecordKind kind, const QString& resource) {
    const QString base = u"/api/v1/"_s + resource;
    router.add(
        Method::Get, base, Permission::ReadSchedule,
        [kind](RequestContext& c) { return listRecords(c, kind); }, Writes::Nothing);
    router.add(
        Method::Get, u"/api/v1/clients/:clientId/"_s + resource, Permission::ReadSchedule,
        [kind](RequestContext& c) { return listByReference(c, kind, u"clientId"_s, u"client"_s); },
        Writes::Nothing);
    router.add(
        Method::Get, u"/api/v1/staff/:providerId/"_s + resource, Permission::ReadSchedule,
        [kind](RequestContext& c) {
            return listByReference(c, kind, u"providerId"_s, u"provider"_s);
        },
        Writes::Nothing);
    router.add(
        Method::Get, base + u"/:id"_s, Permission::ReadSchedule,
        [kind](RequestContext& c) { return getRecord(c, kind); }, Writes::Nothing);
}

std::expected<Change, ApiResponse> loadChange(RequestContext& ctx, RecordKind kind) {
    auto current = loadForChange(ctx, kind);
    if (!current)
        return std::unexpected(current.error());
    auto body = ctx.bodyObject();
    if (!body)
        return std::unexpected(body.error());
    return Change{std::move(*current), std::move(*body)};
}

ApiResponse removeRecord(RequestContext& ctx, RecordKind kind) {
    const auto current = loadForChange(ctx, kind);
    if (!current)
        return current.error();
    const QString id = current->doc.value("_id"_L1).toString();
    if (kind == RecordKind::Appointment) {
        if (auto failed = noteFreedTime(ctx, current->doc, nullptr))
            return *failed;
    }
    if (auto r = ctx.records().remove(kind, id, current->version + 1); !r)
        return storageFailure(r.error());
    ctx.audit(actionName(kind, u"delete"_s), storage::wireType(kind), id);
    return ApiResponse::ok(QJsonObject{});
}

ApiResponse getRecord(RequestContext& ctx, RecordKind kind) {
    auto record = loadRecord(ctx, kind);
    if (!record)
        return record.error();
    auto populate = Populate::parse(ctx, kind);
    if (!populate)
        return populate.error();
    QJsonObject doc = render(ctx, kind, *record);
    if (auto failed = populate->apply(ctx, doc))
        return *failed;
    if (isClientData(kind))
        ctx.audit(actionName(kind, u"read"_s), storage::wireType(kind),
                  record->doc.value("_id"_L1).toString());
    populate->audit(ctx);
    return ApiResponse::ok(doc).withHeader("ETag", '"' + QByteArray::number(record->version) + '"');
}

std::optional<ApiResponse> checkIfMatch(RequestContext& ctx, RecordKind kind,
                                        const StoredRecord& current) {
    QByteArray expected = ctx.request().header("if-match").trimmed();
    if (expected.isEmpty() || expected == "*")
        return std::nullopt;
    if (expected.startsWith("W/"))
        expected = expected.mid(2);
    if (expected.startsWith('"') && expected.endsWith('"') && expected.size() >= 2)
        expected = expected.mid(1, expected.size() - 2);
    if (expected == QByteArray::number(current.version))
        return std::nullopt;
    return ApiResponse::error(412,
                              u"The record has changed since version %1; it is now at version %2"_s
                                  .arg(QString::fromLatin1(expected.left(20)))
                                  .arg(current.version),
                              conflictCodeName(ConflictCode::VersionMismatch))
        .with(u"data"_s, render(ctx, kind, current))
        .withHeader("ETag", '"' + QByteArray::number(current.version) + '"');
}

void dropServerFields(QJsonObject& body) {
    for (auto field :
         {"createdAt"_L1, "createdBy"_L1, "updatedAt"_L1, "updatedBy"_L1, "version"_L1, "__v"_L1})
        body.remove(field);
}

QJsonObject merged(QJsonObject doc, const QJsonObject& changes) {
    for (auto it = changes.begin(); it != changes.end(); ++it)
        doc.insert(it.key(), it.value());
    return doc;
}

std::expected<QJsonObject, ApiResponse> saveRecord(RequestContext& ctx, RecordKind kind,
                                                   QJsonObject doc, const StoredRecord* previous,
                                                   const QString& action) {
    ctx.practice().stamp(doc, ctx.staffId(), previous ? previous->version : 0,
                         previous ? previous->doc : QJsonObject{});
    const QByteArray secret = ctx.practice().sealSecrets(doc);
    const QString id = doc.value("_id"_L1).toString();
    const std::optional<bool> checkedFree =
        kind == RecordKind::Appointment ? ctx.timeCheckedFree(id) : std::nullopt;
    if (auto r = ctx.records().put(kind, doc, secret, checkedFree); !r) {
        if (r.error().code != ErrorCode::SchedulingConflict)
            return std::unexpected(storageFailure(r.error()));
        // Another writer's appointment, which the check could not see yet:
        // the dispatcher names it after the rollback (nameRefusedOverlap).
        ctx.setRefusedOverlap(doc);
        return std::unexpected(schedulingConflict({}));
    }
    // Time an appointment gives up goes to the waitlist (WaitlistOffers.h).
    if (kind == RecordKind::Appointment && previous) {
        if (auto failed = noteFreedTime(ctx, previous->doc, &doc))
            return std::unexpected(*failed);
    }
    if (kind == RecordKind::ProviderAvailability && !previous) {
        if (auto failed = noteNewAvailability(ctx, doc))
            return std::unexpected(*failed);
    }
    ctx.audit(action, storage::wireType(kind), id);
    StoredRecord stored;
    stored.doc = doc;
    stored.version = qint64(doc.value("version"_L1).toDouble());
    stored.secret = secret;
    return render(ctx, kind, stored);
}

} // namespace mss::server
