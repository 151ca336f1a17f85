#include "server/FhirResources.h"

#include "base/WallClock.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace mss::server::fhir {

using namespace Qt::StringLiterals;
using domain::AppointmentStatus;

namespace {

// Our appointment types as a code system of this server's own: FHIR's
// v2-0276 (routine, walk-in, ...) says nothing of the kind of session.
const QString typeSystem = u"urn:mentalspace:fhir:CodeSystem:appointment-type"_s;

QString idOf(const QJsonValue& v) {
    return v.isObject() ? v.toObject().value("_id"_L1).toString() : v.toString();
}

QJsonObject metaOf(const QJsonObject& doc) {
    QJsonObject meta;
    const qint64 version = qint64(doc.value("version"_L1).toDouble());
    if (version > 0)
        meta.insert("versionId"_L1, QString::number(version));
    const QDateTime updated = fromWireTime(doc.value("updatedAt"_L1).toString());
    if (updated.isValid())
        meta.insert("lastUpdated"_L1, toWireTime(updated));
    return meta;
}

QJsonArray humanName(const QJsonObject& person) {
    const QString first = person.value("firstName"_L1).toString();
    const QString last = person.value("lastName"_L1).toString();
    QJsonObject name{{"use"_L1, u"official"_s}};
    if (!last.isEmpty())
        name.insert("family"_L1, last);
    if (!first.isEmpty())
        name.insert("given"_L1, QJsonArray{first});
    const QString text = QStringList{first, last}.join(u' ').trimmed();
    if (!text.isEmpty())
        name.insert("text"_L1, text);
    return QJsonArray{name};
}

QString reference(const QString& type, const QString& id) {
    return type + u'/' + id;
}

QJsonObject issue(const QString& code, const QString& message, const QString& expression) {
    QJsonObject out{{"severity"_L1, u"error"_s}, {"code"_L1, code}, {"diagnostics"_L1, message}};
    if (!expression.isEmpty())
        out.insert("expression"_L1, QJsonArray{expression});
    return out;
}

QString issueCodeFor(int status) {
    switch (status) {
    case 400:
        return u"invalid"_s;
    case 401:
        return u"login"_s;
    case 403:
        return u"forbidden"_s;
    case 404:
        return u"not-found"_s;
    case 405:
        return u"not-supported"_s;
    case 409:
        return u"conflict"_s;
    case 412:
        return u"conflict"_s;
    case 413:
        return u"too-costly"_s;
    case 429:
        return u"throttled"_s;
    default:
        return status >= 500 ? u"exception"_s : u"processing"_s;
    }
}

} // namespace

QString appointmentStatus(AppointmentStatus status) {
    switch (status) {
    case AppointmentStatus::Scheduled:
    case AppointmentStatus::Confirmed:
        return u"booked"_s;
    case AppointmentStatus::Completed:
        return u"fulfilled"_s;
    case AppointmentStatus::Cancelled:
    case AppointmentStatus::Rescheduled:
        return u"cancelled"_s;
    case AppointmentStatus::NoShow:
        return u"noshow"_s;
    }
    return u"booked"_s;
}

std::optional<QList<AppointmentStatus>> statusesOf(const QString& fhirStatus) {
    static const QStringList unmapped{u"proposed"_s,   u"pending"_s,          u"arrived"_s,
                                      u"checked-in"_s, u"entered-in-error"_s, u"waitlist"_s};
    if (fhirStatus == "booked"_L1)
        return QList{AppointmentStatus::Scheduled, AppointmentStatus::Confirmed};
    if (fhirStatus == "fulfilled"_L1)
        return QList{AppointmentStatus::Completed};
    if (fhirStatus == "cancelled"_L1)
        return QList{AppointmentStatus::Cancelled, AppointmentStatus::Rescheduled};
    if (fhirStatus == "noshow"_L1)
        return QList{AppointmentStatus::NoShow};
    if (unmapped.contains(fhirStatus))
        return QList<AppointmentStatus>{};
    return std::nullopt;
}

QString patientParticipation(const QJsonObject& doc) {
    const auto status = domain::fromWire<AppointmentStatus>(doc.value("status"_L1).toString());
    const auto confirmation =
        domain::fromWire<domain::ConfirmationStatus>(doc.value("confirmationStatus"_L1).toString());
    if (confirmation == domain::ConfirmationStatus::Declined)
        return u"declined"_s;
    if (status == AppointmentStatus::Confirmed || status == AppointmentStatus::Completed ||
        confirmation == domain::ConfirmationStatus::Confirmed)
        return u"accepted"_s;
    return u"needs-action"_s;
}

QJsonObject appointment(const QJsonObject& doc, bool details) {
    const QString id = doc.value("_id"_L1).toString();
    const auto status = domain::fromWire<AppointmentStatus>(doc.value("status"_L1).toString())
                            .value_or(AppointmentStatus::Scheduled);
    QJsonObject out{{"resourceType"_L1, u"Appointment"_s}, {"id"_L1, id}};
    QJsonObject meta = metaOf(doc);
    if (!details) {
        // What a busy block leaves out is not there at all; the label says
        // so, for a reader that wonders why there is no patient.
        meta.insert(
            "security"_L1,
            QJsonArray{QJsonObject{
                {"system"_L1, u"http://terminology.hl7.org/CodeSystem/v3-ObservationValue"_s},
                {"code"_L1, u"REDACTED"_s},
                {"display"_L1, u"redacted"_s}}});
    }
    if (!meta.isEmpty())
        out.insert("meta"_L1, meta);
    out.insert("status"_L1, appointmentStatus(status));
    if (details) {
        const QString type = doc.value("appointmentType"_L1).toString();
        if (!type.isEmpty())
            out.insert("appointmentType"_L1,
                       QJsonObject{{"coding"_L1, QJsonArray{QJsonObject{{"system"_L1, typeSystem},
                                                                        {"code"_L1, type},
                                                                        {"display"_L1, type}}}},
                                   {"text"_L1, type}});
    }
    const QDateTime start = fromWireTime(doc.value("startTime"_L1).toString());
    const QDateTime end = fromWireTime(doc.value("endTime"_L1).toString());
    if (start.isValid())
        out.insert("start"_L1, toWireTime(start));
    if (end.isValid())
        out.insert("end"_L1, toWireTime(end));
    if (start.isValid() && end.isValid() && end > start)
        out.insert("minutesDuration"_L1, int(start.secsTo(end) / 60));
    const QDateTime created = fromWireTime(doc.value("createdAt"_L1).toString());
    if (details && created.isValid())
        out.insert("created"_L1, toWireTime(created));
    QJsonArray participants;
    const QString client = idOf(doc.value("client"_L1));
    if (details && !client.isEmpty())
        participants.append(QJsonObject{
            {"actor"_L1, QJsonObject{{"reference"_L1, reference(u"Patient"_s, client)}}},
            {"required"_L1, u"required"_s},
            {"status"_L1, patientParticipation(doc)}});
    const QString provider = idOf(doc.value("provider"_L1));
    if (!provider.isEmpty())
        participants.append(QJsonObject{
            {"actor"_L1, QJsonObject{{"reference"_L1, reference(u"Practitioner"_s, provider)}}},
            {"required"_L1, u"required"_s},
            {"status"_L1, u"accepted"_s}});
    out.insert("participant"_L1, participants);
    return out;
}

QJsonObject practitioner(const QJsonObject& staff) {
    QJsonObject out{{"resourceType"_L1, u"Practitioner"_s},
                    {"id"_L1, staff.value("_id"_L1).toString()}};
    if (const QJsonObject meta = metaOf(staff); !meta.isEmpty())
        out.insert("meta"_L1, meta);
    out.insert("active"_L1, staff.value("isActive"_L1).toBool(true));
    out.insert("name"_L1, humanName(staff));
    return out;
}

QJsonObject patient(const QJsonObject& client) {
    QJsonObject out{{"resourceType"_L1, u"Patient"_s},
                    {"id"_L1, client.value("_id"_L1).toString()}};
    if (const QJsonObject meta = metaOf(client); !meta.isEmpty())
        out.insert("meta"_L1, meta);
    out.insert("name"_L1, humanName(client));
    // Kept as the desk sent it; only a plain date is a FHIR birthDate.
    static const QRegularExpression plainDate(u"^\\d{4}-\\d{2}-\\d{2}$"_s);
    const QString birth = client.value("dateOfBirth"_L1).toString();
    if (plainDate.match(birth).hasMatch() && QDate::fromString(birth, Qt::ISODate).isValid())
        out.insert("birthDate"_L1, birth);
    return out;
}

QJsonObject schedule(const QJsonObject& staff) {
    const QString id = staff.value("_id"_L1).toString();
    const QString name =
        QStringList{staff.value("firstName"_L1).toString(), staff.value("lastName"_L1).toString()}
            .join(u' ')
            .trimmed();
    QJsonObject actor{{"reference"_L1, reference(u"Practitioner"_s, id)}};
    if (!name.isEmpty())
        actor.insert("display"_L1, name);
    QJsonObject out{{"resourceType"_L1, u"Schedule"_s}, {"id"_L1, id}};
    if (const QJsonObject meta = metaOf(staff); !meta.isEmpty())
        out.insert("meta"_L1, meta);
    out.insert("active"_L1, staff.value("isActive"_L1).toBool(true));
    out.insert("actor"_L1, QJsonArray{actor});
    return out;
}

QString slotId(const QString& provider, const QDateTime& start, int minutes) {
    return provider + u'-' + QString::number(start.toSecsSinceEpoch()) + u'-' +
           QString::number(minutes);
}

std::optional<SlotKey> parseSlotId(const QString& id) {
    static const QRegularExpression form(u"^([0-9a-f]{24})-(\\d{1,12})-(\\d{1,4})$"_s);
    const auto m = form.match(id);
    if (!m.hasMatch())
        return std::nullopt;
    SlotKey key;
    key.provider = m.captured(1);
    key.start = QDateTime::fromSecsSinceEpoch(m.captured(2).toLongLong(), QTimeZone::utc());
    key.minutes = m.captured(3).toInt();
    return key;
}

QJsonObject slot(const QString& provider, const QDateTime& start, int minutes) {
    return {{"resourceType"_L1, u"Slot"_s},
            {"id"_L1, slotId(provider, start, minutes)},
            {"schedule"_L1, QJsonObject{{"reference"_L1, reference(u"Schedule"_s, provider)}}},
            {"status"_L1, u"free"_s},
            {"start"_L1, toWireTime(start)},
            {"end"_L1, toWireTime(start.addSecs(qint64(minutes) * 60))}};
}

bool isProviderRole(domain::StaffRole role) {
    using R = domain::StaffRole;
    return role == R::PracticeAdmin || role == R::Clinician || role == R::Supervisor ||
           role == R::Intern;
}

QJsonObject capabilityStatement(const QString& base, const QString& version, const QDateTime& now) {
    const auto param = [](const QString& name, const QString& type, const QString& doc) {
        return QJsonObject{{"name"_L1, name}, {"type"_L1, type}, {"documentation"_L1, doc}};
    };
    const auto resource = [](const QString& type, const QJsonArray& params) {
        return QJsonObject{
            {"type"_L1, type},
            {"interaction"_L1, QJsonArray{QJsonObject{{"code"_L1, u"read"_s}},
                                          QJsonObject{{"code"_L1, u"search-type"_s}}}},
            {"versioning"_L1, u"versioned"_s},
            {"readHistory"_L1, false},
            {"searchParam"_L1, params}};
    };
    const QJsonObject count = param(u"_count"_s, u"number"_s, u"Entries a page, 1 to 500 (25)"_s);
    const QJsonObject id = param(u"_id"_s, u"token"_s, u"The resource's id"_s);
    const QJsonArray resources{
        resource(u"Appointment"_s,
                 {id, param(u"date"_s, u"date"_s, u"The start: eq, gt, ge, lt, le"_s),
                  param(u"actor"_s, u"reference"_s, u"Patient/<id> or Practitioner/<id>"_s),
                  param(u"patient"_s, u"reference"_s, u"The client"_s),
                  param(u"practitioner"_s, u"reference"_s, u"The provider"_s),
                  param(u"status"_s, u"token"_s, u"booked, fulfilled, cancelled, noshow, ..."_s),
                  count}),
        resource(u"Schedule"_s, {id, param(u"actor"_s, u"reference"_s, u"Practitioner/<id>"_s),
                                 param(u"active"_s, u"token"_s, u"true or false"_s), count}),
        resource(u"Slot"_s,
                 {param(u"schedule"_s, u"reference"_s, u"Schedule/<id> (a provider)"_s),
                  param(u"start"_s, u"date"_s,
                        u"Start: gt, ge, lt, le, eq; a week from now by default"_s),
                  param(u"status"_s, u"token"_s, u"free (only free slots exist here)"_s),
                  param(u"duration"_s, u"number"_s, u"Slot length in minutes, 5 to 720 (50)"_s),
                  count}),
        resource(u"Practitioner"_s,
                 {id, param(u"name"_s, u"string"_s, u"Part of the first or last name"_s),
                  param(u"active"_s, u"token"_s, u"true or false"_s), count}),
        resource(u"Patient"_s,
                 {id, param(u"name"_s, u"string"_s, u"Part of the first or last name"_s), count}),
    };
    return {
        {"resourceType"_L1, u"CapabilityStatement"_s},
        {"status"_L1, u"active"_s},
        {"date"_L1, toWireTime(now)},
        {"publisher"_L1, u"MentalSpace Scheduler"_s},
        {"kind"_L1, u"instance"_s},
        {"software"_L1, QJsonObject{{"name"_L1, u"mentalspace-server"_s}, {"version"_L1, version}}},
        {"implementation"_L1,
         QJsonObject{{"description"_L1, u"The practice's schedule, read-only"_s},
                     {"url"_L1, base}}},
        {"fhirVersion"_L1, QString::fromLatin1(fhirVersion)},
        {"format"_L1, QJsonArray{u"json"_s, u"application/fhir+json"_s}},
        {"rest"_L1,
         QJsonArray{QJsonObject{
             {"mode"_L1, u"server"_s},
             {"security"_L1,
              QJsonObject{{"cors"_L1, true},
                          {"description"_L1,
                           u"Authorization: Bearer <token> from POST /api/v1/auth/login; the "
                           "role table of /api/v1 applies (docs/roles.md)"_s}}},
             {"resource"_L1, resources}}}},
    };
}

QJsonObject searchBundle(const QString& base, const Page& page, const QJsonArray& resources) {
    const auto url = [&](int p) -> QString {
        QString query = page.selfQuery;
        if (!query.isEmpty())
            query += u'&';
        query += u"_count=%1"_s.arg(page.count);
        if (p > 1)
            query += u"&_page=%1"_s.arg(p);
        return base + u'/' + page.type + u'?' + query;
    };
    QJsonArray links{QJsonObject{{"relation"_L1, u"self"_s}, {"url"_L1, url(page.page)}}};
    if (qint64(page.page) * page.count < page.total)
        links.append(QJsonObject{{"relation"_L1, u"next"_s}, {"url"_L1, url(page.page + 1)}});
    if (page.page > 1)
        links.append(QJsonObject{{"relation"_L1, u"previous"_s}, {"url"_L1, url(page.page - 1)}});
    QJsonArray entries;
    for (const QJsonValue& r : resources) {
        const QJsonObject resource = r.toObject();
        entries.append(QJsonObject{
            {"fullUrl"_L1, QString(base + u'/' + resource.value("resourceType"_L1).toString() +
                                   u'/' + resource.value("id"_L1).toString())},
            {"resource"_L1, resource},
            {"search"_L1, QJsonObject{{"mode"_L1, u"match"_s}}}});
    }
    QJsonObject out{{"resourceType"_L1, u"Bundle"_s},
                    {"type"_L1, u"searchset"_s},
                    {"total"_L1, double(page.total)},
                    {"link"_L1, links}};
    if (!entries.isEmpty())
        out.insert("entry"_L1, entries);
    return out;
}

ApiResponse answer(const QJsonObject& resource, int status) {
    ApiResponse r;
    r.status = status;
    r.contentType = contentType;
    r.page = QJsonDocument(resource).toJson(QJsonDocument::Compact);
    return r;
}

ApiResponse outcome(int status, const QString& code, const QString& message,
                    const QString& expression) {
    return answer({{"resourceType"_L1, u"OperationOutcome"_s},
                   {"issue"_L1, QJsonArray{issue(code, message, expression)}}},
                  status);
}

ApiResponse asFhir(ApiResponse response) {
    if (!response.contentType.isEmpty() || response.status == 204)
        return response;
    const QString message = response.body.value("error"_L1).toString();
    ApiResponse out = outcome(
        response.status, issueCodeFor(response.status),
        message.isEmpty() ? u"The request failed (HTTP %1)"_s.arg(response.status) : message);
    out.headers = response.headers;
    return out;
}

bool isFhirPath(const QString& path) {
    return path == "/fhir/R4"_L1 || path.startsWith("/fhir/R4/"_L1);
}

} // namespace mss::server::fhir
