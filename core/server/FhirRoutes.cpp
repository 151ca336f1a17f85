// FHIR R4 read and search of the practice's schedule (docs/fhir.md):
// /fhir/R4/metadata, Appointment, Schedule, Slot, Practitioner, Patient.
// The same tokens, role table, minimum necessary and audit as /api/v1;
// every record passes through render() (RecordRoutes.h) before it becomes
// a FHIR resource, so a busy block stays a busy block here too. Search
// parameters are read by FhirSearch.h; every refusal is an OperationOutcome.
#include "base/WallClock.h"
#include "domain/Limits.h"
#include "scheduling/OpenSlots.h"
#include "server/FhirResources.h"
#include "server/FhirSearch.h"
#include "server/MinimumNecessary.h"
#include "server/RecordRoutes.h"
#include "server/Router.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <vector>

namespace mss::server {

using namespace Qt::StringLiterals;
using storage::Condition;
using storage::RecordKind;
using storage::StoredRecord;

using fhir::baseUrl;
using fhir::invalidParam;
using fhir::readBool;
using fhir::readReference;
using fhir::readReferences;
using fhir::readSearch;
using fhir::readWindow;
using fhir::Search;

namespace {

constexpr qint64 maxSlotWindowDays = 62;
constexpr int defaultSlotMinutes = 50;
constexpr qsizetype maxSlots = 10'000;

ApiResponse notFound(const QString& type, const QString& id) {
    return fhir::outcome(404, u"not-found"_s, u"No %1 with id %2"_s.arg(type, id.left(64)));
}

ApiResponse bundleAnswer(RequestContext& ctx, const QString& type, const Search& search,
                         qint64 total, const QJsonArray& resources) {
    fhir::Page page{type, search.selfQuery, search.page, search.count, total};
    return fhir::answer(fhir::searchBundle(baseUrl(ctx), page, resources));
}

ApiResponse metadata(RequestContext& ctx) {
    return fhir::answer(fhir::capabilityStatement(
        baseUrl(ctx), QCoreApplication::applicationVersion(), ctx.practice().clock().now()));
}

// --- Appointment -------------------------------------------------------

QJsonObject appointmentFor(RequestContext& ctx, const StoredRecord& stored) {
    const QJsonObject doc = render(ctx, RecordKind::Appointment, stored);
    return fhir::appointment(doc, showsDetails(ctx, doc));
}

ApiResponse readAppointment(RequestContext& ctx) {
    const auto record = loadRecord(ctx, RecordKind::Appointment);
    if (!record) {
        if (record.error().status == 400 || record.error().status == 404)
            return notFound(u"Appointment"_s, ctx.param(u"id"_s));
        return record.error();
    }
    ctx.audit(actionName(RecordKind::Appointment, u"read"_s), u"appointment"_s, record->id);
    return fhir::answer(appointmentFor(ctx, *record))
        .withHeader("ETag", "W/\"" + QByteArray::number(record->version) + '"');
}

ApiResponse searchAppointments(RequestContext& ctx) {
    const auto search = readSearch(
        ctx, {u"_id"_s, u"date"_s, u"actor"_s, u"patient"_s, u"practitioner"_s, u"status"_s});
    if (!search)
        return search.error();
    storage::ListQuery query;
    query.sortField = u"startTime"_s;
    query.limit = search->count;
    query.page = search->page;
    const auto window = readWindow(u"date"_s, search->values(u"date"_s), ctx.practice().timeZone());
    if (!window)
        return window.error();
    if (window->lower)
        query.conditions.append(
            Condition{u"startTime"_s, Condition::Op::Gte, {toWireTime(*window->lower)}});
    if (window->upper)
        query.conditions.append(
            Condition{u"startTime"_s, Condition::Op::Lt, {toWireTime(*window->upper)}});
    for (const auto& [name, value] : search->params) {
        if (name == "_id"_L1) {
            QStringList ids;
            for (const QString& id : value.split(u','))
                ids << (QRegularExpression(u"^[0-9a-fA-F]{24}$"_s).match(id).hasMatch()
                            ? id.toLower()
                            : QString::fromLatin1(""));
            query.conditions.append(Condition{u"_id"_s, Condition::Op::In, ids});
        } else if (name == "patient"_L1 || name == "practitioner"_L1) {
            const bool patient = name == "patient"_L1;
            const auto ids =
                readReferences(name, value, patient ? u"Patient"_s : u"Practitioner"_s);
            if (!ids)
                return ids.error();
            query.conditions.append(
                Condition{patient ? u"client"_s : u"provider"_s, Condition::Op::In, *ids});
        } else if (name == "actor"_L1) {
            QString type;
            const auto id =
                readReference(name, value, {u"Patient"_s, u"Practitioner"_s}, false, &type);
            if (!id)
                return id.error();
            query.conditions.append(Condition{
                type == "Patient"_L1 ? u"client"_s : u"provider"_s, Condition::Op::Eq, {*id}});
        } else if (name == "status"_L1) {
            QStringList ours;
            for (const QString& code : value.split(u',')) {
                const auto statuses = fhir::statusesOf(code);
                if (!statuses)
                    return invalidParam(
                        name,
                        u"\"%1\" is not an Appointment status of FHIR R4"_s.arg(code.left(40)));
                for (auto s : *statuses)
                    ours << domain::toWire(s);
            }
            if (ours.isEmpty())
                ours << QString::fromLatin1(""); // a FHIR status none of ours has
            query.conditions.append(Condition{u"status"_s, Condition::Op::In, ours});
        }
    }
    if (auto narrowed = narrowForMember(ctx, RecordKind::Appointment, query); !narrowed)
        return narrowed.error();
    const auto page = ctx.records().list(RecordKind::Appointment, query);
    if (!page)
        return storageFailure(page.error());
    QJsonArray resources;
    QStringList ids;
    for (const StoredRecord& stored : page->records) {
        resources.append(appointmentFor(ctx, stored));
        ids << stored.id;
    }
    ctx.audit(actionName(RecordKind::Appointment, u"list"_s), u"appointment"_s, {}, ids.join(u','));
    return bundleAnswer(ctx, u"Appointment"_s, *search, page->total, resources);
}

// --- Practitioner, Schedule -------------------------------------------

std::expected<QList<QJsonObject>, ApiResponse> allStaff(RequestContext& ctx) {
    storage::ListQuery query;
    query.limit = std::numeric_limits<int>::max();
    const auto page = ctx.records().list(RecordKind::Staff, query);
    if (!page)
        return std::unexpected(storageFailure(page.error()));
    QList<QJsonObject> out;
    for (const StoredRecord& r : page->records) {
        QJsonObject doc = r.doc;
        doc.insert("version"_L1, double(r.version));
        out.append(doc);
    }
    return out;
}

bool isProvider(const QJsonObject& staff) {
    const auto role = domain::fromWire<domain::StaffRole>(staff.value("role"_L1).toString());
    return role && fhir::isProviderRole(*role);
}

bool nameMatches(const QJsonObject& person, const QString& part) {
    const QString first = person.value("firstName"_L1).toString();
    const QString last = person.value("lastName"_L1).toString();
    return first.contains(part, Qt::CaseInsensitive) || last.contains(part, Qt::CaseInsensitive) ||
           QString(first + u' ' + last).contains(part, Qt::CaseInsensitive);
}

// Filters and pages `docs` in memory (a practice has tens of staff and a
// few thousand clients).
struct Filtered {
    qint64 total = 0;
    QList<QJsonObject> page;
};

Filtered pageOf(const QList<QJsonObject>& docs, const Search& search,
                const std::function<bool(const QJsonObject&)>& keep) {
    Filtered out;
    const qint64 first = qint64(search.page - 1) * search.count;
    for (const QJsonObject& d : docs) {
        if (!keep(d))
            continue;
        if (out.total >= first && out.page.size() < search.count)
            out.page.append(d);
        ++out.total;
    }
    return out;
}

std::expected<std::function<bool(const QJsonObject&)>, ApiResponse>
staffFilter(const Search& search, bool schedule) {
    std::optional<QSet<QString>> ids;
    std::optional<bool> active;
    QStringList names;
    for (const auto& [name, value] : search.params) {
        if (name == "_id"_L1) {
            QSet<QString> set;
            for (const QString& id : value.split(u','))
                set.insert(id.toLower());
            ids = ids ? ids->intersect(set) : set;
        } else if (name == "active"_L1) {
            active = readBool(value);
            if (!active)
                return std::unexpected(invalidParam(name, u"must be true or false"_s));
        } else if (name == "name"_L1) {
            names << value;
        } else if (name == "actor"_L1) {
            const auto actors = readReferences(name, value, u"Practitioner"_s);
            if (!actors)
                return std::unexpected(actors.error());
            const QSet<QString> set(actors->begin(), actors->end());
            ids = ids ? ids->intersect(set) : set;
        }
    }
    return [=](const QJsonObject& staff) {
        if (schedule && !isProvider(staff))
            return false;
        if (ids && !ids->contains(staff.value("_id"_L1).toString()))
            return false;
        if (active && staff.value("isActive"_L1).toBool(true) != *active)
            return false;
        for (const QString& n : names)
            if (!nameMatches(staff, n))
                return false;
        return true;
    };
}

ApiResponse searchStaff(RequestContext& ctx, bool schedule) {
    const auto search = readSearch(ctx, schedule ? QStringList{u"_id"_s, u"actor"_s, u"active"_s}
                                                 : QStringList{u"_id"_s, u"name"_s, u"active"_s});
    if (!search)
        return search.error();
    const auto keep = staffFilter(*search, schedule);
    if (!keep)
        return keep.error();
    const auto staff = allStaff(ctx);
    if (!staff)
        return staff.error();
    const Filtered found = pageOf(*staff, *search, *keep);
    QJsonArray resources;
    for (const QJsonObject& s : found.page)
        resources.append(schedule ? fhir::schedule(s) : fhir::practitioner(s));
    return bundleAnswer(ctx, schedule ? u"Schedule"_s : u"Practitioner"_s, *search, found.total,
                        resources);
}

std::expected<QJsonObject, ApiResponse> staffNamed(RequestContext& ctx, const QString& type,
                                                   const QString& id, bool provider) {
    static const QRegularExpression hex(u"^[0-9a-fA-F]{24}$"_s);
    if (!hex.match(id).hasMatch())
        return std::unexpected(notFound(type, id));
    const auto found = ctx.records().get(RecordKind::Staff, id.toLower());
    if (!found)
        return std::unexpected(storageFailure(found.error()));
    if (!*found || (provider && !isProvider((*found)->doc)))
        return std::unexpected(notFound(type, id));
    QJsonObject doc = (*found)->doc;
    doc.insert("version"_L1, double((*found)->version));
    return doc;
}

ApiResponse readStaff(RequestContext& ctx, bool schedule) {
    const QString type = schedule ? u"Schedule"_s : u"Practitioner"_s;
    const auto staff = staffNamed(ctx, type, ctx.param(u"id"_s), schedule);
    if (!staff)
        return staff.error();
    return fhir::answer(schedule ? fhir::schedule(*staff) : fhir::practitioner(*staff))
        .withHeader("ETag", "W/\"" +
                                QByteArray::number(qint64(staff->value("version"_L1).toDouble())) +
                                '"');
}

// --- Patient -------------------------------------------------------------

ApiResponse readPatient(RequestContext& ctx) {
    const auto record = loadRecord(ctx, RecordKind::Client);
    if (!record) {
        if (record.error().status == 400 || record.error().status == 404)
            return notFound(u"Patient"_s, ctx.param(u"id"_s));
        return record.error();
    }
    ctx.audit(actionName(RecordKind::Client, u"read"_s), u"client"_s, record->id);
    QJsonObject doc = record->doc;
    doc.insert("version"_L1, double(record->version));
    return fhir::answer(fhir::patient(doc))
        .withHeader("ETag", "W/\"" + QByteArray::number(record->version) + '"');
}

ApiResponse searchPatients(RequestContext& ctx) {
    const auto search = readSearch(ctx, {u"_id"_s, u"name"_s});
    if (!search)
        return search.error();
    storage::ListQuery query;
    query.limit = std::numeric_limits<int>::max();
    if (auto narrowed = narrowForMember(ctx, RecordKind::Client, query); !narrowed)
        return narrowed.error();
    const auto all = ctx.records().list(RecordKind::Client, query);
    if (!all)
        return storageFailure(all.error());
    QList<QJsonObject> docs;
    for (const StoredRecord& r : all->records) {
        QJsonObject doc = r.doc;
        doc.insert("version"_L1, double(r.version));
        docs.append(doc);
    }
    std::optional<QSet<QString>> ids;
    QStringList names;
    for (const auto& [name, value] : search->params) {
        if (name == "_id"_L1) {
            QSet<QString> set;
            for (const QString& id : value.split(u','))
                set.insert(id.toLower());
            ids = ids ? ids->intersect(set) : set;
        } else {
            names << value;
        }
    }
    const Filtered found = pageOf(docs, *search, [&](const QJsonObject& c) {
        if (ids && !ids->contains(c.value("_id"_L1).toString()))
            return false;
        return std::all_of(names.begin(), names.end(),
                           [&](const QString& n) { return nameMatches(c, n); });
    });
    QJsonArray resources;
    QStringList disclosed;
    for (const QJsonObject& c : found.page) {
        resources.append(fhir::patient(c));
        disclosed << c.value("_id"_L1).toString();
    }
    ctx.audit(actionName(RecordKind::Client, u"list"_s), u"client"_s, {}, disclosed.join(u','));
    return bundleAnswer(ctx, u"Patient"_s, *search, found.total, resources);
}

// --- Slot ------------------------------------------------------------------

// The free slots of `providers` starting in [from, to), `minutes` long, on
// the practice's 15-minute grid, inside availability, outside bookings and
// not in the past: what /api/v1/staff/:id/open-slots answers.
std::expected<QList<scheduling::OpenSlot>, ApiResponse>
freeSlots(RequestContext& ctx, const QStringList& providers, const QDateTime& from,
          const QDateTime& to, int minutes) {
    const QDateTime until = to.addSecs(qint64(minutes) * 60);
    std::vector<QList<domain::ProviderAvailability>> availability(size_t(providers.size()));
    std::vector<QList<domain::Appointment>> appointments(size_t(providers.size()));
    QList<scheduling::ProviderSchedule> schedules;
    for (qsizetype i = 0; i < providers.size(); ++i) {
        const auto rows =
            ctx.records().byColumn(RecordKind::ProviderAvailability, u"provider"_s, providers[i]);
        if (!rows)
            return std::unexpected(storageFailure(rows.error()));
        for (const auto& r : *rows)
            if (auto a =
                    domain::ProviderAvailability::fromJson(r.doc, domain::DecodeMode::TypesOnly))
                availability[size_t(i)].append(*a);
        const auto booked = ctx.records().appointmentsBetween(providers[i], false, from, until);
        if (!booked)
            return std::unexpected(storageFailure(booked.error()));
        for (const auto& r : *booked)
            if (auto a = domain::Appointment::fromJson(r.doc, domain::DecodeMode::TypesOnly))
                appointments[size_t(i)].append(*a);
        schedules.append({*domain::ObjectId::fromString(providers[i]), availability[size_t(i)],
                          appointments[size_t(i)]});
    }
    scheduling::OpenSlotQuery query;
    query.from = from;
    query.to = until;
    query.durationMinutes = minutes;
    query.zone = ctx.practice().timeZone();
    query.notBefore = ctx.practice().clock().now();
    QList<scheduling::OpenSlot> out;
    for (const auto& s : scheduling::openSlots(query, schedules, maxSlots))
        if (s.time.startTime() < to)
            out.append(s);
    return out;
}

ApiResponse searchSlots(RequestContext& ctx) {
    const auto search = readSearch(ctx, {u"schedule"_s, u"start"_s, u"status"_s, u"duration"_s});
    if (!search)
        return search.error();
    const QTimeZone zone = ctx.practice().timeZone();
    const auto window = readWindow(u"start"_s, search->values(u"start"_s), zone);
    if (!window)
        return window.error();
    int minutes = defaultSlotMinutes;
    std::optional<QStringList> wanted;
    bool free = true;
    for (const auto& [name, value] : search->params) {
        if (name == "duration"_L1) {
            bool ok = false;
            minutes = value.toInt(&ok);
            if (!ok || minutes < 5 || minutes > domain::maxAppointmentMinutes)
                return invalidParam(
                    name, u"must be from 5 to %1 minutes"_s.arg(domain::maxAppointmentMinutes));
        } else if (name == "schedule"_L1) {
            const auto ids = readReferences(name, value, u"Schedule"_s);
            if (!ids)
                return ids.error();
            if (!wanted) {
                wanted = *ids;
            } else { // schedule given twice: what both name
                QStringList both;
                for (const QString& id : std::as_const(*wanted))
                    if (ids->contains(id))
                        both << id;
                wanted = both;
            }
        } else if (name == "status"_L1) {
            static const QStringList codes{u"free"_s, u"busy"_s, u"busy-unavailable"_s,
                                           u"busy-tentative"_s, u"entered-in-error"_s};
            bool any = false;
            for (const QString& code : value.split(u',')) {
                if (!codes.contains(code))
                    return invalidParam(
                        name, u"\"%1\" is not a Slot status of FHIR R4"_s.arg(code.left(40)));
                any = any || code == "free"_L1;
            }
            free = free && any;
        }
    }
    const QDateTime now = ctx.practice().clock().now();
    const QDateTime from = window->lower.value_or(now);
    const QDateTime to = window->upper.value_or(from.addDays(7));
    if (to <= from)
        return fhir::answer(fhir::searchBundle(
            baseUrl(ctx), {u"Slot"_s, search->selfQuery, search->page, search->count, 0}, {}));
    if (from.daysTo(to) > maxSlotWindowDays)
        return invalidParam(
            u"start"_s, u"the window searched must be at most %1 days"_s.arg(maxSlotWindowDays));
    const auto staff = allStaff(ctx);
    if (!staff)
        return staff.error();
    QStringList providers;
    for (const QJsonObject& s : *staff) {
        const QString id = s.value("_id"_L1).toString();
        if (isProvider(s) && s.value("isActive"_L1).toBool(true) &&
            (!wanted || wanted->contains(id)))
            providers << id;
    }
    QList<scheduling::OpenSlot> open;
    if (free && !providers.isEmpty()) {
        auto found = freeSlots(ctx, providers, from, to, minutes);
        if (!found)
            return found.error();
        open = std::move(*found);
    }
    QJsonArray resources;
    const qint64 first = qint64(search->page - 1) * search->count;
    for (qint64 i = first; i < open.size() && i < first + search->count; ++i)
        resources.append(
            fhir::slot(open[i].provider.toString(), open[i].time.startTime(), minutes));
    return bundleAnswer(ctx, u"Slot"_s, *search, open.size(), resources);
}

ApiResponse readSlot(RequestContext& ctx) {
    const QString id = ctx.param(u"id"_s);
    const auto key = fhir::parseSlotId(id);
    if (!key || key->minutes < 5 || key->minutes > domain::maxAppointmentMinutes)
        return notFound(u"Slot"_s, id);
    const auto staff = staffNamed(ctx, u"Slot"_s, key->provider, true);
    if (!staff)
        return staff.error();
    // Still free? Read again, as a search would find it now.
    const auto found =
        freeSlots(ctx, {key->provider}, key->start, key->start.addSecs(1), key->minutes);
    if (!found)
        return found.error();
    for (const auto& s : *found)
        if (s.time.startTime() == key->start)
            return fhir::answer(fhir::slot(key->provider, key->start, key->minutes));
    return notFound(u"Slot"_s, id);
}

} // namespace

void addFhirRoutes(Router& router) {
    using P = Permission;
    const QString base = u"/fhir/R4/"_s;
    // Every FHIR route reads only (its audit entries join the readers'
    // batch): answered on a reader thread, beside other requests.
    const Writes reads = Writes::Nothing;
    // The CapabilityStatement says what the server can do, nothing of the
    // practice: open, as FHIR clients ask it before they sign in.
    router.add(Method::Get, base + u"metadata"_s, std::nullopt, metadata, reads);
    router.add(Method::Get, base + u"Appointment"_s, P::ReadSchedule, searchAppointments, reads);
    router.add(Method::Get, base + u"Appointment/:id"_s, P::ReadSchedule, readAppointment, reads);
    router.add(
        Method::Get, base + u"Schedule"_s, P::ReadSchedule,
        [](RequestContext& c) { return searchStaff(c, true); }, reads);
    router.add(
        Method::Get, base + u"Schedule/:id"_s, P::ReadSchedule,
        [](RequestContext& c) { return readStaff(c, true); }, reads);
    router.add(Method::Get, base + u"Slot"_s, P::ReadSchedule, searchSlots, reads);
    router.add(Method::Get, base + u"Slot/:id"_s, P::ReadSchedule, readSlot, reads);
    router.add(
        Method::Get, base + u"Practitioner"_s, P::ReadStaff,
        [](RequestContext& c) { return searchStaff(c, false); }, reads);
    router.add(
        Method::Get, base + u"Practitioner/:id"_s, P::ReadStaff,
        [](RequestContext& c) { return readStaff(c, false); }, reads);
    router.add(Method::Get, base + u"Patient"_s, P::ReadClients, searchPatients, reads);
    router.add(Method::Get, base + u"Patient/:id"_s, P::ReadClients, readPatient, reads);
}

} // namespace mss::server
