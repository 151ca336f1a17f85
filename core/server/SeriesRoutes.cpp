// Recurring series. The occurrences come from the recurrence engine
// (recurrence/SeriesExpansion.h, SeriesOperations.h) in the practice's time
// zone; each becomes an Appointment record that passes the same booking
// check as a single one, all inside the request's one write transaction:
// a series with one conflicting occurrence books nothing.
#include "base/WallClock.h"
#include "domain/Limits.h"
#include "domain/ProviderAvailability.h"
#include "recurrence/OccurrenceAppointment.h"
#include "recurrence/SeriesExpansion.h"
#include "recurrence/SeriesOperations.h"
#include "server/Booking.h"
#include "server/RecordRoutes.h"
#include "server/Router.h"

namespace mss::server {

using namespace Qt::StringLiterals;
using domain::Appointment;
using domain::RecurringAppointment;
using storage::Condition;
using storage::RecordKind;
using storage::StoredRecord;

namespace {

constexpr auto kind = RecordKind::RecurringAppointment;

QJsonObject idsOnly(const RecurringAppointment& s) {
    return s.toJson({domain::ReferenceForm::IdsOnly});
}

// The stored series with its sealed link, whatever the role.
std::optional<RecurringAppointment> seriesOf(RequestContext& ctx, const StoredRecord& record) {
    QJsonObject doc = record.doc;
    ctx.practice().unsealSecrets(doc, record.secret);
    auto s = RecurringAppointment::fromJson(doc, domain::DecodeMode::TypesOnly);
    return s ? std::optional(*s) : std::nullopt;
}

struct Generated {
    QJsonArray ids;
    QStringList outside; // occurrence starts outside availability
};

// Books each occurrence as an appointment of the series. Stops at the first
// refusal, which the caller answers (the transaction rolls everything back).
// `check` is the request's one BookingChecks, so the provider's availability
// is resolved once for all occurrences.
std::expected<Generated, ApiResponse> book(RequestContext& ctx, const RecurringAppointment& series,
                                           const QList<recurrence::Occurrence>& occurrences,
                                           BookingChecks& check) {
    Generated out;
    for (const recurrence::Occurrence& o : occurrences) {
        const Appointment a = recurrence::occurrenceAppointment(
            series, o, domain::ObjectId::generate(ctx.practice().clock()));
        auto warnings = check.check(a);
        if (!warnings) {
            ApiResponse refusal = warnings.error();
            refusal.with(u"occurrence"_s, toWireTime(o.start));
            return std::unexpected(refusal);
        }
        for (const QJsonValue& w : *warnings) {
            if (w["code"_L1].toString() == "OUTSIDE_AVAILABILITY"_L1)
                out.outside << toWireTime(o.start);
        }
        const auto saved =
            saveRecord(ctx, RecordKind::Appointment, a.toJson({domain::ReferenceForm::IdsOnly}),
                       nullptr, u"appointment.create"_s);
        if (!saved)
            return std::unexpected(saved.error());
        out.ids.append(a.id().toString());
    }
    return out;
}

QJsonArray warningsOf(const Generated& g) {
    if (g.outside.isEmpty())
        return {};
    return {QJsonObject{
        {"code"_L1, u"OUTSIDE_AVAILABILITY"_s},
        {"message"_L1,
         u"%1 occurrence(s) are outside the provider's availability"_s.arg(g.outside.size())},
        {"occurrences"_L1, QJsonArray::fromStringList(g.outside)}}};
}

QJsonArray appended(QJsonArray a, const QJsonArray& b) {
    for (const QJsonValue& v : b)
        a.append(v);
    return a;
}

ApiResponse create(RequestContext& ctx) {
    auto body = ctx.bodyObject();
    if (!body)
        return body.error();
    const auto allowOverlap = takeAllowOverlap(ctx, *body);
    if (!allowOverlap)
        return allowOverlap.error();
    dropServerFields(*body);
    body->remove("generatedAppointments"_L1);
    auto series = RecurringAppointment::fromJson(*body, domain::DecodeMode::Validate,
                                                 ctx.practice().timeZone());
    if (!series)
        return ApiResponse::invalid(series.error());
    if (auto bad = checkUnusedId(ctx, kind, *body))
        return *bad;
    if (series->meta.id.isNull())
        series->meta.id = domain::ObjectId::generate(ctx.practice().clock());
    if (auto bad =
            checkReferences(ctx, series->client.id.toString(), series->provider.id.toString()))
        return *bad;
    const auto occurrences = recurrence::allOccurrences(*series, ctx.practice().timeZone());
    if (!occurrences)
        return ApiResponse::invalid(occurrences.error());
    BookingChecks check(ctx, *allowOverlap);
    const auto generated = book(ctx, *series, *occurrences, check);
    if (!generated)
        return generated.error();
    QJsonObject doc = idsOnly(*series);
    doc.insert("generatedAppointments"_L1, generated->ids);
    const auto saved = saveRecord(ctx, kind, doc, nullptr, actionName(kind, u"create"_s));
    if (!saved)
        return saved.error();
    ApiResponse response = ApiResponse::ok(*saved, 201);
    response.with(u"generatedCount"_s, generated->ids.size());
    if (const QJsonArray w = warningsOf(*generated); !w.isEmpty())
        response.with(u"warnings"_s, w);
    return response;
}

// The series' appointments that still hold time and start at or after `from`.
std::expected<QList<StoredRecord>, ApiResponse>
futureOccurrences(RequestContext& ctx, const QString& seriesId, const QDateTime& from) {
    const auto rows = ctx.records().byColumn(RecordKind::Appointment, u"series"_s, seriesId);
    if (!rows)
        return std::unexpected(storageFailure(rows.error()));
    QList<StoredRecord> out;
    for (const StoredRecord& r : *rows) {
        const auto a = Appointment::fromJson(r.doc, domain::DecodeMode::TypesOnly);
        if (a && a->holdsTime() && a->startTime >= from)
            out.append(r);
    }
    return out;
}

// Cancels an occurrence's appointment record (keeps it, as history).
std::optional<ApiResponse> cancelAppointment(RequestContext& ctx, const StoredRecord& record,
                                             const QString& reason) {
    QJsonObject doc = record.doc;
    ctx.practice().unsealSecrets(doc, record.secret);
    doc.insert("status"_L1, toWire(domain::AppointmentStatus::Cancelled));
    doc.insert("cancellationReason"_L1, reason);
    const auto saved =
        saveRecord(ctx, RecordKind::Appointment, doc, &record, u"appointment.cancel"_s);
    if (!saved)
        return saved.error();
    return std::nullopt;
}

ApiResponse cancel(RequestContext& ctx) {
    const auto current = loadForChange(ctx, kind);
    if (!current)
        return current.error();
    const auto body = ctx.bodyObject();
    if (!body)
        return body.error();
    const QJsonValue reason = body->value("reason"_L1);
    if (!reason.isString() || reason.toString().trimmed().isEmpty())
        return ApiResponse::invalid({{ErrorCode::Required, u"reason"_s, u"is required"_s}});
    const auto series = seriesOf(ctx, *current);
    if (!series)
        return ApiResponse::internal();
    const QDateTime now = ctx.practice().clock().now();
    const auto result =
        recurrence::cancelRemaining(*series, ctx.practice().timeZone(), now, reason.toString());
    if (!result)
        return ApiResponse::invalid(result.error());
    const auto future = futureOccurrences(ctx, series->id().toString(), now);
    if (!future)
        return future.error();
    for (const StoredRecord& r : *future) {
        if (auto bad = cancelAppointment(ctx, r, reason.toString()))
            return *bad;
    }
    QJsonObject doc = idsOnly(result->series);
    doc.insert("status"_L1, toWire(domain::SeriesStatus::Cancelled));
    const auto saved = saveRecord(ctx, kind, doc, &*current, actionName(kind, u"cancel"_s));
    if (!saved)
        return saved.error();
    return ApiResponse::ok(*saved).with(u"cancelledAppointments"_s, future->size());
}

// Fields whose change reaches the occurrences.
bool changesOccurrences(const QJsonObject& changes) {
    for (auto f : {"client"_L1, "provider"_L1, "appointmentType"_L1, "duration"_L1, "location"_L1,
                   "virtualMeetingLink"_L1, "recurrencePattern"_L1, "dayOfWeek"_L1, "dayOfMonth"_L1,
                   "weekOfMonth"_L1, "useWeekOfMonth"_L1, "recurrenceRule"_L1, "startTime"_L1,
                   "startDate"_L1, "endDate"_L1, "numberOfOccurrences"_L1})
        if (changes.contains(f))
            return true;
    return false;
}

// What an "edit all from now on" stores: the series record and the future
// occurrences its pattern gives (empty when the edit ends the series
// before its next occurrence).
struct EditedSeries {
    RecurringAppointment record;
    QList<recurrence::Occurrence> future;
    QJsonArray detached; // dates of exceptions the edited pattern no longer gives
};

std::expected<EditedSeries, ApiResponse> editFromNow(RequestContext& ctx,
                                                     const RecurringAppointment& series,
                                                     RecurringAppointment edited,
                                                     const QJsonObject& changes) {
    const QTimeZone zone = ctx.practice().timeZone();
    const QDateTime now = ctx.practice().clock().now();
    const auto edit = recurrence::editAllOccurrences(series, zone, now, edited);
    // A count that ends before the first occurrence to come ends the series
    // with its past (numberOfOccurrences counts the whole series).
    const bool countEndsBefore =
        !edit && edit.error().size() == 1 && edit.error().front().field == "numberOfOccurrences"_L1;
    if (!edit && !countEndsBefore)
        return std::unexpected(ApiResponse::invalid(edit.error()));
    const auto unchanged =
        countEndsBefore ? recurrence::editAllOccurrences(series, zone, now, series) : edit;
    if (!unchanged)
        return std::unexpected(ApiResponse::invalid(unchanged.error()));
    const std::optional<RecurringAppointment>& past = unchanged->split.before;

    EditedSeries out;
    if (!countEndsBefore) {
        RecurringAppointment after = edit->split.after;
        after.meta = series.meta;
        after.generatedAppointments = series.generatedAppointments;
        after.status = edited.status;
        // With nothing in the past the whole series is the client's to move.
        if (!past && changes.contains("startDate"_L1))
            after.startDate = edited.startDate;
        const bool endsBeforeStart = after.endDate && calendarDate(*after.endDate, zone) <
                                                          calendarDate(after.startDate, zone);
        if (!endsBeforeStart) {
            const auto occurrences = recurrence::allOccurrences(after, zone);
            if (!occurrences)
                return std::unexpected(ApiResponse::invalid(occurrences.error()));
            out.future = *occurrences;
        }
        if (!out.future.isEmpty()) {
            out.record = after;
            for (const domain::SeriesException& e : edit->detached)
                out.detached.append(calendarDate(e.date, zone).toString(Qt::ISODate));
            return out;
        }
    }
    // The edit leaves no occurrence from now on: the series ends with the
    // occurrences it already had, and every future exception is detached.
    if (!past)
        return std::unexpected(ApiResponse::invalid(
            {{ErrorCode::OutOfRange,
              changes.contains("numberOfOccurrences"_L1) ? u"numberOfOccurrences"_s : u"endDate"_s,
              u"leaves the series without occurrences; cancel it instead"_s}}));
    out.future.clear();
    out.record = *past;
    out.record.meta = series.meta;
    out.record.notes = edited.notes;
    for (const domain::SeriesException& e : series.exceptions) {
        if (calendarDate(e.date, zone) > calendarDate(*past->endDate, zone))
            out.detached.append(calendarDate(e.date, zone).toString(Qt::ISODate));
    }
    return out;
}

// "Edit all from now on": occurrences starting before now and their
// appointments stay as they were. From the first occurrence at or after
// now the series follows the edit (recurrence::editAllOccurrences):
// an occurrence whose date the edited pattern still gives keeps its
// appointment (id, status, confirmation, notes) with the series' new time,
// type, duration, location, provider and client; one it no longer gives
// is deleted (a tombstone in the change feed); new dates are booked.
// Occurrences changed on their own (skipped, moved by an exception or by
// a PUT of their appointment) stay as they are. Every new or moved time is
// checked in this request's transaction.
ApiResponse update(RequestContext& ctx) {
    const auto current = loadForChange(ctx, kind);
    if (!current)
        return current.error();
    auto body = ctx.bodyObject();
    if (!body)
        return body.error();
    const auto allowOverlap = takeAllowOverlap(ctx, *body);
    if (!allowOverlap)
        return allowOverlap.error();
    dropServerFields(*body);
    body->remove("_id"_L1);
    body->remove("generatedAppointments"_L1);
    // Exceptions change through POST .../exceptions only, one by one.
    body->remove("exceptions"_L1);
    QJsonObject full = current->doc;
    ctx.practice().unsealSecrets(full, current->secret);
    auto edited = RecurringAppointment::fromJson(merged(full, *body), domain::DecodeMode::Validate,
                                                 ctx.practice().timeZone());
    if (!edited)
        return ApiResponse::invalid(edited.error());
    if (auto bad =
            checkReferences(ctx, edited->client.id.toString(), edited->provider.id.toString()))
        return *bad;
    if (!changesOccurrences(*body)) {
        const auto saved =
            saveRecord(ctx, kind, idsOnly(*edited), &*current, actionName(kind, u"update"_s));
        if (!saved)
            return saved.error();
        return ApiResponse::ok(*saved).with(u"generatedCount"_s, 0);
    }
    const auto series = seriesOf(ctx, *current);
    if (!series)
        return ApiResponse::internal();
    if (series->status != domain::SeriesStatus::Active ||
        edited->status != domain::SeriesStatus::Active)
        return ApiResponse::error(409, u"Only an active series can be rescheduled"_s,
                                  u"INVALID_STATUS"_s);
    const auto result = editFromNow(ctx, *series, *edited, *body);
    if (!result)
        return result.error();
    const RecurringAppointment& record = result->record;

    // The future appointments that hold their occurrence at the pattern's
    // time, by the occurrence's original date; the rest stay as they are.
    const QTimeZone zone = ctx.practice().timeZone();
    const QDateTime now = ctx.practice().clock().now();
    const auto before = recurrence::allOccurrences(*series, zone);
    if (!before)
        return ApiResponse::invalid(before.error());
    QHash<qint64, QDate> patternDateAt; // start (ms) -> original date
    for (const recurrence::Occurrence& o : *before) {
        if (!o.rescheduled)
            patternDateAt.insert(o.start.toMSecsSinceEpoch(), o.originalDate);
    }
    const auto rows =
        ctx.records().byColumn(RecordKind::Appointment, u"series"_s, series->id().toString());
    if (!rows)
        return storageFailure(rows.error());
    QMap<QDate, StoredRecord> held;
    for (const StoredRecord& r : *rows) {
        const auto a = Appointment::fromJson(r.doc, domain::DecodeMode::TypesOnly);
        if (!a || !a->holdsTime() || a->startTime < now)
            continue;
        const auto at = patternDateAt.constFind(a->startTime.toMSecsSinceEpoch());
        if (at != patternDateAt.cend() && a->endTime == a->startTime.addSecs(series->duration * 60))
            held.insert(*at, r);
    }

    QList<recurrence::Occurrence> toBook;
    QList<std::pair<StoredRecord, recurrence::Occurrence>> toMove;
    for (const recurrence::Occurrence& o : result->future) {
        if (o.rescheduled)
            continue; // a moved occurrence keeps its own appointment
        if (const auto it = held.find(o.originalDate); it != held.end()) {
            toMove.append({*it, o});
            held.erase(it);
        } else {
            toBook.append(o);
        }
    }

    QJsonArray generatedIds = current->doc.value("generatedAppointments"_L1).toArray();
    QJsonArray removed;
    for (const StoredRecord& r : std::as_const(held)) {
        if (auto rr = ctx.records().remove(RecordKind::Appointment, r.id, r.version + 1); !rr)
            return storageFailure(rr.error());
        ctx.audit(u"appointment.delete"_s, u"appointment"_s, r.id, u"series changed"_s);
        removed.append(r.id);
        for (qsizetype i = generatedIds.size() - 1; i >= 0; --i) {
            if (generatedIds.at(i).toString() == r.id)
                generatedIds.removeAt(i);
        }
    }
    Generated generated;
    int updated = 0;
    BookingChecks check(ctx, *allowOverlap);
    for (const auto& [r, o] : toMove) {
        QJsonObject doc = r.doc;
        ctx.practice().unsealSecrets(doc, r.secret);
        auto a = Appointment::fromJson(doc, domain::DecodeMode::TypesOnly);
        if (!a)
            return ApiResponse::internal();
        const Appointment old = *a;
        a->startTime = o.start;
        a->endTime = o.end;
        a->duration = record.duration;
        a->appointmentType = record.appointmentType;
        a->location = record.location;
        a->client.id = record.client.id;
        a->provider.id = record.provider.id;
        if (body->contains("virtualMeetingLink"_L1))
            a->virtualMeetingLink = record.virtualMeetingLink;
        if (*a == old)
            continue;
        ++updated;
        auto warnings = check.check(*a);
        if (!warnings) {
            ApiResponse refusal = warnings.error();
            refusal.with(u"occurrence"_s, toWireTime(o.start));
            return refusal;
        }
        for (const QJsonValue& w : *warnings) {
            if (w["code"_L1].toString() == "OUTSIDE_AVAILABILITY"_L1)
                generated.outside << toWireTime(o.start);
        }
        const auto saved =
            saveRecord(ctx, RecordKind::Appointment, a->toJson({domain::ReferenceForm::IdsOnly}),
                       &r, u"appointment.update"_s);
        if (!saved)
            return saved.error();
    }
    auto booked = book(ctx, record, toBook, check);
    if (!booked)
        return booked.error();
    generated.ids = booked->ids;
    generated.outside += booked->outside;

    QJsonObject doc = idsOnly(record);
    doc.insert("generatedAppointments"_L1, appended(generatedIds, generated.ids));
    const auto saved = saveRecord(ctx, kind, doc, &*current, actionName(kind, u"update"_s));
    if (!saved)
        return saved.error();
    ApiResponse response = ApiResponse::ok(*saved);
    response.with(u"generatedCount"_s, generated.ids.size());
    response.with(u"updatedCount"_s, updated);
    response.with(u"removedAppointments"_s, removed);
    if (!result->detached.isEmpty())
        response.with(u"detached"_s, result->detached);
    if (const QJsonArray w = warningsOf(generated); !w.isEmpty())
        response.with(u"warnings"_s, w);
    return response;
}

// An exception's date: a calendar date "2030-03-11" or an instant, read
// as every date field is (base/CalendarDate.h).
std::optional<QDate> dateOf(const QJsonValue& value, const QTimeZone& zone) {
    if (const QDateTime t = fromWireDate(value.toString()); t.isValid())
        return calendarDate(t, zone);
    return std::nullopt;
}

ApiResponse addException(RequestContext& ctx) {
    const auto current = loadForChange(ctx, kind);
    if (!current)
        return current.error();
    auto body = ctx.bodyObject();
    if (!body)
        return body.error();
    Errors errors;
    const auto date = dateOf(body->value("date"_L1), ctx.practice().timeZone());
    if (!date)
        errors.append({ErrorCode::InvalidTime, u"date"_s,
                       u"is required: the occurrence's date, such as 2030-03-11"_s});
    const QJsonValue rescheduledValue = body->value("isRescheduled"_L1);
    if (!rescheduledValue.isUndefined() && !rescheduledValue.isNull() && !rescheduledValue.isBool())
        errors.append({ErrorCode::WrongType, u"isRescheduled"_s, u"must be true or false"_s});
    const bool rescheduled = rescheduledValue.toBool(false);
    const QDateTime to = fromWireTime(body->value("rescheduledTo"_L1).toString());
    if (rescheduled && !to.isValid())
        errors.append({ErrorCode::InvalidTime, u"rescheduledTo"_s,
                       u"is required when isRescheduled, as an ISO 8601 instant"_s});
    const QJsonValue reasonValue = body->value("reason"_L1);
    if (!reasonValue.isUndefined() && !reasonValue.isNull() && !reasonValue.isString())
        errors.append({ErrorCode::WrongType, u"reason"_s, u"must be a string"_s});
    if (!errors.isEmpty())
        return ApiResponse::invalid(errors);
    const std::optional<QString> reason =
        reasonValue.isString() ? std::optional(reasonValue.toString()) : std::nullopt;

    const auto series = seriesOf(ctx, *current);
    if (!series)
        return ApiResponse::internal();
    const QTimeZone zone = ctx.practice().timeZone();
    // Where the occurrence is now (it may have been moved before).
    const auto before = recurrence::allOccurrences(*series, zone);
    if (!before)
        return ApiResponse::invalid(before.error());
    std::optional<recurrence::Occurrence> occurrence;
    for (const auto& o : *before) {
        if (o.originalDate == *date)
            occurrence = o;
    }
    // A skip on a date the pattern does not give is an EXDATE that matches
    // nothing (RFC 5545): recorded, and it cancels nothing. A move needs an
    // occurrence to move.
    Checked<domain::RecurringAppointment> changed;
    if (rescheduled) {
        changed = recurrence::rescheduleOccurrence(*series, zone, *date, to, reason);
    } else {
        auto excluded = recurrence::excludeDate(*series, zone, *date, reason);
        if (!excluded)
            return ApiResponse::invalid(excluded.error());
        if (!excluded->skipped)
            occurrence.reset();
        changed = std::move(excluded->series);
    }
    if (!changed)
        return ApiResponse::invalid(changed.error());

    QJsonArray generatedIds = current->doc.value("generatedAppointments"_L1).toArray();
    QString cancelledId;
    if (occurrence) {
        const auto rows =
            ctx.records().byColumn(RecordKind::Appointment, u"series"_s, series->id().toString());
        if (!rows)
            return storageFailure(rows.error());
        for (const StoredRecord& r : *rows) {
            const auto a = Appointment::fromJson(r.doc, domain::DecodeMode::TypesOnly);
            if (a && a->holdsTime() && a->startTime == occurrence->start) {
                if (auto bad = cancelAppointment(ctx, r, reason.value_or(u"Exception"_s)))
                    return *bad;
                cancelledId = a->id().toString();
                break;
            }
        }
    }
    ApiResponse response;
    Generated generated;
    if (rescheduled) {
        const int minutes = series->duration;
        recurrence::Occurrence moved{*date, to, to.addSecs(qint64(minutes) * 60), true};
        BookingChecks check(ctx, false);
        auto booked = book(ctx, *changed, {moved}, check);
        if (!booked)
            return booked.error();
        generated = *booked;
    }
    QJsonObject doc = idsOnly(*changed);
    doc.insert("generatedAppointments"_L1, appended(generatedIds, generated.ids));
    const auto saved = saveRecord(ctx, kind, doc, &*current, actionName(kind, u"addException"_s));
    if (!saved)
        return saved.error();
    response = ApiResponse::ok(*saved);
    // Always a list, so that a date that matched nothing says so: [].
    response.with(u"cancelledAppointments"_s,
                  cancelledId.isEmpty() ? QJsonArray() : QJsonArray{cancelledId});
    if (!cancelledId.isEmpty())
        response.with(u"cancelledAppointment"_s, cancelledId);
    if (!generated.ids.isEmpty())
        response.with(u"rescheduledAppointment"_s, generated.ids.first());
    if (const QJsonArray w = warningsOf(generated); !w.isEmpty())
        response.with(u"warnings"_s, w);
    return response;
}

} // namespace

void addSeriesRoutes(Router& router) {
    using P = Permission;
    const QString base = u"/api/v1/recurring-appointments"_s;
    addScheduleReads(router, kind, u"recurring-appointments"_s);
    router.add(Method::Post, base, P::WriteAppointments, create);
    router.add(Method::Put, base + u"/:id"_s, P::WriteAppointments, update);
    router.add(Method::Put, base + u"/:id/cancel"_s, P::WriteAppointments, cancel);
    router.add(Method::Post, base + u"/:id/exceptions"_s, P::WriteAppointments, addException);
}

} // namespace mss::server
