#include "sync/LocalSchedule.h"

#include "sync/LocalWaitlist.h"

#include "base/WallClock.h"
#include "domain/Limits.h"
#include "recurrence/OccurrenceAppointment.h"
#include "recurrence/SeriesExpansion.h"
#include "recurrence/SeriesOperations.h"
#include "scheduling/Availability.h"
#include "sync/CacheFailure.h"

#include <QCoreApplication>
#include <QUuid>

namespace mss::sync {

using namespace Qt::StringLiterals;
using domain::Appointment;
using domain::AppointmentStatus;
using domain::ObjectId;
using storage::RecordKind;

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("LocalSchedule", text);
}

QByteArray newIdempotencyKey() {
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

const domain::EncodeOptions request{.references = domain::ReferenceForm::IdsOnly};

} // namespace

LocalSchedule::LocalSchedule(LocalCache& cache, const Clock& clock, QTimeZone zone)
    : m_cache(cache)
    , m_clock(clock)
    , m_zone(std::move(zone)) {}

Checked<void> LocalSchedule::permitted(domain::Permission permission, bool allowOverlap) const {
    using domain::Permission;
    if (!m_role)
        return {};
    const auto refuse = [&](const QString& what) -> Checked<void> {
        const QString role = domain::toWire(*m_role).toLower().replace(u'_', u' ');
        return std::unexpected(Errors{
            {ErrorCode::OutOfRange, u"role"_s, tr("Your role (%1) may not %2.").arg(role, what)}});
    };
    if (!domain::allows(*m_role, permission, m_grants)) {
        switch (permission) {
        case Permission::DeleteAppointments:
            return refuse(tr("delete appointments"));
        case Permission::WriteAvailability:
            return refuse(tr("change a provider's hours"));
        case Permission::CompleteAppointments:
            return refuse(tr("mark appointments completed"));
        default:
            return refuse(tr("book or change appointments"));
        }
    }
    if (allowOverlap && !domain::allows(*m_role, Permission::OverrideConflicts))
        return refuse(tr("book over another appointment"));
    return {};
}

BookingCheck LocalSchedule::check(const Appointment& a) {
    BookingCheck out;
    auto candidates = m_cache.records().conflictCandidates(
        a.provider.id.toString(), a.client.id.toString(), a.startTime, a.endTime);
    if (candidates)
        out.conflicts = scheduling::findConflicts(a, *candidates);
    if (auto availability = m_cache.availabilityOf(a.provider.id.toString()))
        out.outsideAvailability = !scheduling::isWithinAvailability(a, *availability, m_zone);
    return out;
}

Checked<void> LocalSchedule::admit(const Appointment& a, bool allowOverlap) {
    if (Errors errors = domain::validate(a); !errors.isEmpty())
        return std::unexpected(errors);
    // A slot held for a waitlist client is theirs until the hold runs out
    // or the desk releases it, whoever asks to override (SLOT_HELD).
    if (a.holdsTime()) {
        auto held = LocalWaitlist::holds(m_cache, a.startTime, a.endTime, m_clock.now());
        if (!held)
            return std::unexpected(held.error());
        Errors errors;
        for (const WaitlistHold& h : *held) {
            if (h.provider != a.provider.id.toString() || h.client == a.client.id.toString())
                continue;
            errors.append({ErrorCode::SchedulingConflict, u"waitlist:"_s + h.entry,
                           tr("the time is held for a waitlist client until %1 (release the hold "
                              "to book it)")
                               .arg(h.heldUntil.toTimeZone(m_zone).toString(u"HH:mm"_s))});
        }
        if (!errors.isEmpty())
            return std::unexpected(errors);
    }
    if (allowOverlap)
        return {};
    const BookingCheck found = check(a);
    if (found.conflicts.isEmpty())
        return {};
    return std::unexpected(conflictErrors(found.conflicts));
}

Errors LocalSchedule::conflictErrors(const QList<scheduling::Conflict>& conflicts) {
    Errors errors;
    for (const scheduling::Conflict& c : conflicts) {
        const QString who = c.reason == scheduling::ConflictReason::SameProvider
                                ? tr("the provider is booked")
                                : tr("the client is booked");
        errors.append(
            {ErrorCode::SchedulingConflict, c.with.toString(),
             tr("%1 from %2 to %3")
                 .arg(who, c.time.startTime().toTimeZone(m_zone).toString(u"ddd d MMM HH:mm"_s),
                      c.time.endTime().toTimeZone(m_zone).toString(u"HH:mm"_s))});
    }
    return errors;
}

Checked<void> LocalSchedule::write(RecordKind kind, const QString& id,
                                   const std::optional<QJsonObject>& doc, qint64 baseVersion,
                                   OutboxEntry entry, const QList<QJsonObject>& alongside) {
    storage::WriteTransaction tx(m_cache.db());
    if (!tx.isActive())
        return std::unexpected(cacheFailure(tx.beginError()));
    for (const QJsonObject& other : alongside) {
        if (auto r = m_cache.put(RecordKind::Appointment, other); !r)
            return std::unexpected(cacheFailure(r.error()));
    }
    const auto changed =
        doc ? m_cache.put(kind, *doc) : m_cache.records().remove(kind, id, baseVersion);
    if (!changed)
        return std::unexpected(cacheFailure(changed.error()));
    entry.kind = kind;
    entry.recordId = id;
    entry.idempotencyKey = newIdempotencyKey();
    entry.baseVersion = baseVersion;
    if (auto r = m_cache.outbox().append(entry); !r)
        return std::unexpected(cacheFailure(r.error()));
    if (auto r = tx.commit(); !r)
        return std::unexpected(cacheFailure(r.error()));
    return {};
}

Checked<Appointment> LocalSchedule::save(Appointment a, const QString& method, const QString& path,
                                         const QJsonObject& body, const QString& summary) {
    const qint64 baseVersion = a.meta.version.value_or(0);
    a.meta.updatedAt = m_clock.now();
    a.meta.version = baseVersion; // the server's version until it confirms
    OutboxEntry entry;
    entry.method = method;
    entry.path = path;
    entry.body = body;
    entry.summary = summary;
    if (auto r = write(RecordKind::Appointment, a.id().toString(), a.toJson(), baseVersion, entry);
        !r)
        return std::unexpected(r.error());
    return a;
}

Checked<Appointment> LocalSchedule::book(Appointment a, bool allowOverlap) {
    if (auto ok = permitted(domain::Permission::WriteAppointments, allowOverlap); !ok)
        return std::unexpected(ok.error());
    if (a.id().isNull())
        a.meta.id = ObjectId::generate(m_clock);
    if (a.duration == 0 && a.startTime.isValid() && a.endTime.isValid())
        a.duration = int(a.startTime.secsTo(a.endTime) / 60);
    if (auto ok = admit(a, allowOverlap); !ok)
        return std::unexpected(ok.error());
    a.meta.createdAt = m_clock.now();
    QJsonObject body = a.toJson(request);
    if (allowOverlap)
        body.insert("allowOverlap"_L1, true);
    return save(a, u"POST"_s, u"/appointments"_s, body, tr("Book"));
}

Checked<Appointment> LocalSchedule::load(const ObjectId& id) {
    auto found = m_cache.appointment(id.toString());
    if (!found)
        return std::unexpected(cacheFailure(found.error()));
    if (!*found)
        return std::unexpected(Errors{{ErrorCode::NotFound, u"_id"_s, tr("no such appointment")}});
    return **found;
}

Checked<Appointment> LocalSchedule::putWhole(Appointment a, const QString& summary) {
    return save(a, u"PUT"_s, u"/appointments/"_s + a.id().toString(), a.toJson(request), summary);
}

Checked<Appointment> LocalSchedule::change(const Appointment& edited, bool allowOverlap) {
    if (auto ok = permitted(domain::Permission::WriteAppointments, allowOverlap); !ok)
        return std::unexpected(ok.error());
    auto current = load(edited.id());
    if (!current)
        return current;
    Appointment a = edited;
    a.meta.version = current->meta.version; // based on what the cache holds
    if (auto ok = admit(a, allowOverlap); !ok)
        return std::unexpected(ok.error());
    QJsonObject body = a.toJson(request);
    if (allowOverlap)
        body.insert("allowOverlap"_L1, true);
    const bool moved = a.startTime != current->startTime || a.endTime != current->endTime;
    return save(a, u"PUT"_s, u"/appointments/"_s + a.id().toString(), body,
                moved ? tr("Move") : tr("Edit"));
}

Checked<Appointment> LocalSchedule::cancel(const ObjectId& id, const QString& reason, double fee) {
    if (auto ok = permitted(domain::Permission::WriteAppointments); !ok)
        return std::unexpected(ok.error());
    if (reason.trimmed().isEmpty())
        return std::unexpected(
            Errors{{ErrorCode::Required, u"cancellationReason"_s, tr("a reason is required")}});
    if (fee < 0)
        return std::unexpected(
            Errors{{ErrorCode::OutOfRange, u"cancellationFee"_s, tr("must not be negative")}});
    auto a = load(id);
    if (!a)
        return a;
    a->status = AppointmentStatus::Cancelled;
    a->cancellationReason = reason.trimmed();
    a->cancellationFee = fee;
    return save(*a, u"PUT"_s, u"/appointments/%1/cancel"_s.arg(id.toString()),
                {{"cancellationReason"_L1, reason.trimmed()}, {"cancellationFee"_L1, fee}},
                tr("Cancel"));
}

Checked<Appointment> LocalSchedule::complete(const ObjectId& id, const QString& notes) {
    if (auto ok = permitted(domain::Permission::CompleteAppointments); !ok)
        return std::unexpected(ok.error());
    auto a = load(id);
    if (!a)
        return a;
    a->status = AppointmentStatus::Completed;
    QJsonObject body;
    if (!notes.isEmpty()) {
        a->notes = notes;
        body.insert("notes"_L1, notes);
    }
    return save(*a, u"PUT"_s, u"/appointments/%1/complete"_s.arg(id.toString()), body,
                tr("Complete"));
}

Checked<Appointment> LocalSchedule::markNoShow(const ObjectId& id) {
    return setStatus(id, AppointmentStatus::NoShow, tr("No-show"));
}

Checked<Appointment> LocalSchedule::confirm(const ObjectId& id) {
    return setStatus(id, AppointmentStatus::Confirmed, tr("Confirm"));
}

Checked<Appointment> LocalSchedule::setStatus(const ObjectId& id, AppointmentStatus status,
                                              const QString& summary) {
    if (auto ok = permitted(domain::Permission::WriteAppointments); !ok)
        return std::unexpected(ok.error());
    auto a = load(id);
    if (!a)
        return a;
    a->status = status;
    return putWhole(*a, summary);
}

Checked<void> LocalSchedule::remove(const ObjectId& id) {
    if (auto ok = permitted(domain::Permission::DeleteAppointments); !ok)
        return ok;
    auto a = load(id);
    if (!a)
        return std::unexpected(a.error());
    OutboxEntry entry;
    entry.method = u"DELETE"_s;
    entry.path = u"/appointments/"_s + id.toString();
    entry.summary = tr("Delete");
    return write(RecordKind::Appointment, id.toString(), std::nullopt, a->meta.version.value_or(0),
                 entry);
}

Checked<domain::RecurringAppointment> LocalSchedule::createSeries(domain::RecurringAppointment s) {
    if (auto ok = permitted(domain::Permission::WriteAppointments); !ok)
        return std::unexpected(ok.error());
    if (s.id().isNull())
        s.meta.id = ObjectId::generate(m_clock);
    if (Errors errors = domain::validate(s, m_zone); !errors.isEmpty())
        return std::unexpected(errors);
    s.meta.createdAt = m_clock.now();
    s.meta.updatedAt = m_clock.now();
    s.meta.version = 0;
    OutboxEntry entry;
    entry.method = u"POST"_s;
    entry.path = u"/recurring-appointments"_s;
    entry.body = s.toJson(request);
    entry.summary = tr("Create series");
    if (auto r = write(RecordKind::RecurringAppointment, s.id().toString(), s.toJson(), 0, entry);
        !r)
        return std::unexpected(r.error());
    return s;
}

Checked<domain::RecurringAppointment> LocalSchedule::loadSeries(const ObjectId& id) {
    auto stored = m_cache.get(RecordKind::RecurringAppointment, id.toString());
    if (!stored)
        return std::unexpected(cacheFailure(stored.error()));
    if (!*stored)
        return std::unexpected(Errors{{ErrorCode::NotFound, u"_id"_s, tr("no such series")}});
    return domain::RecurringAppointment::fromJson((*stored)->doc, domain::DecodeMode::TypesOnly);
}

QList<QJsonObject> LocalSchedule::cancelledOccurrences(const domain::RecurringAppointment& series,
                                                       const QDateTime& start, bool andLater,
                                                       const QString& reason) {
    // Occurrences are ordinary appointments that name their series.
    const QDateTime to = andLater ? start.addYears(10) : start.addSecs(60);
    const auto found = m_cache.appointments(start, to, {series.provider.id.toString()});
    QList<QJsonObject> out;
    for (Appointment a : found.value_or(QList<Appointment>{})) {
        const bool starts = andLater ? a.startTime >= start : a.startTime == start;
        if (a.recurringAppointment != series.id() || !starts || !a.holdsTime())
            continue;
        a.status = AppointmentStatus::Cancelled;
        a.cancellationReason = reason;
        out.append(a.toJson());
    }
    return out;
}

Checked<domain::RecurringAppointment>
LocalSchedule::addException(const domain::RecurringAppointment& before,
                            const domain::RecurringAppointment& after, QDate originalDate,
                            QJsonObject body) {
    QList<QJsonObject> alongside;
    if (const auto occurrences = recurrence::allOccurrences(before, m_zone)) {
        for (const recurrence::Occurrence& o : *occurrences) {
            if (o.originalDate == originalDate)
                alongside = cancelledOccurrences(before, o.start, false,
                                                 body.value("reason"_L1).toString(tr("Exception")));
        }
    }
    body.insert("date"_L1, originalDate.toString(Qt::ISODate));
    domain::RecurringAppointment saved = after;
    saved.meta.updatedAt = m_clock.now();
    OutboxEntry entry;
    entry.method = u"POST"_s;
    entry.path = u"/recurring-appointments/%1/exceptions"_s.arg(before.id().toString());
    entry.body = body;
    entry.summary = body.value("isRescheduled"_L1).toBool() ? tr("Move one occurrence")
                                                            : tr("Skip one occurrence");
    if (auto r = write(RecordKind::RecurringAppointment, saved.id().toString(), saved.toJson(),
                       before.meta.version.value_or(0), entry, alongside);
        !r)
        return std::unexpected(r.error());
    return saved;
}

Checked<domain::RecurringAppointment>
LocalSchedule::skipOccurrence(const ObjectId& id, QDate originalDate, const QString& reason) {
    if (auto ok = permitted(domain::Permission::WriteAppointments); !ok)
        return std::unexpected(ok.error());
    auto series = loadSeries(id);
    if (!series)
        return series;
    const std::optional<QString> why =
        reason.trimmed().isEmpty() ? std::nullopt : std::optional(reason.trimmed());
    auto changed = recurrence::skipOccurrence(*series, m_zone, originalDate, why);
    if (!changed)
        return changed;
    QJsonObject body;
    if (why)
        body.insert("reason"_L1, *why);
    return addException(*series, *changed, originalDate, body);
}

Checked<domain::RecurringAppointment>
LocalSchedule::rescheduleOccurrence(const ObjectId& id, QDate originalDate,
                                    const QDateTime& newStart) {
    if (auto ok = permitted(domain::Permission::WriteAppointments); !ok)
        return std::unexpected(ok.error());
    auto series = loadSeries(id);
    if (!series)
        return series;
    auto changed = recurrence::rescheduleOccurrence(*series, m_zone, originalDate, newStart);
    if (!changed)
        return changed;
    return addException(*series, *changed, originalDate,
                        {{"isRescheduled"_L1, true}, {"rescheduledTo"_L1, toWireTime(newStart)}});
}

QList<Appointment> LocalSchedule::occurrencesFrom(const domain::RecurringAppointment& series,
                                                  const QDateTime& from) {
    QList<Appointment> out;
    const auto all = m_cache.occurrencesOf(series.id().toString());
    for (const Appointment& a : all.value_or(QList<Appointment>{})) {
        if (a.startTime >= from)
            out.append(a);
    }
    return out;
}

Checked<QList<Appointment>> LocalSchedule::generate(const domain::RecurringAppointment& series,
                                                    const QDateTime& from) {
    const auto occurrences = recurrence::allOccurrences(series, m_zone);
    if (!occurrences)
        return std::unexpected(occurrences.error());
    if (occurrences->size() > domain::maxSeriesOccurrences)
        return std::unexpected(
            Errors{{ErrorCode::TooLong, u"numberOfOccurrences"_s,
                    tr("a series has at most %1 occurrences").arg(domain::maxSeriesOccurrences)}});
    const QDateTime now = m_clock.now();
    QList<Appointment> out;
    for (const recurrence::Occurrence& o : *occurrences) {
        if (from.isValid() && o.start < from)
            continue;
        // As the server books an occurrence (SeriesRoutes: book()).
        Appointment a = recurrence::occurrenceAppointment(series, o, ObjectId::generate(m_clock));
        a.meta.createdAt = now;
        a.meta.updatedAt = now;
        a.meta.version = 0;
        out.append(a);
    }
    return out;
}

Checked<void> LocalSchedule::writeSeriesEdit(const SeriesEditWrite& w, bool allowOverlap) {
    for (const domain::RecurringAppointment& s : w.series) {
        if (Errors errors = domain::validate(s, m_zone); !errors.isEmpty())
            return std::unexpected(errors);
    }
    storage::WriteTransaction tx(m_cache.db());
    if (!tx.isActive())
        return std::unexpected(cacheFailure(tx.beginError()));
    for (const Appointment& gone : w.withdrawn) {
        if (auto r = m_cache.records().remove(RecordKind::Appointment, gone.id().toString(),
                                              gone.meta.version.value_or(0));
            !r)
            return std::unexpected(cacheFailure(r.error()));
    }
    // Checked after the withdrawn occurrences are gone (inside this
    // transaction), so the series does not collide with its old self.
    Errors collisions;
    for (const Appointment& a : w.generated) {
        if (!allowOverlap && a.holdsTime())
            collisions.append(conflictErrors(check(a).conflicts));
        if (auto r = m_cache.put(RecordKind::Appointment, a.toJson()); !r)
            return std::unexpected(cacheFailure(r.error()));
    }
    if (!collisions.isEmpty())
        return std::unexpected(collisions); // the transaction rolls back
    for (const domain::RecurringAppointment& s : w.series) {
        if (auto r = m_cache.put(RecordKind::RecurringAppointment, s.toJson()); !r)
            return std::unexpected(cacheFailure(r.error()));
    }
    qint64 lastSeq = 0;
    for (OutboxEntry entry : w.entries) {
        entry.kind = RecordKind::RecurringAppointment;
        entry.idempotencyKey = newIdempotencyKey();
        if (allowOverlap)
            entry.body.insert("allowOverlap"_L1, true);
        auto seq = m_cache.outbox().append(entry);
        if (!seq)
            return std::unexpected(cacheFailure(seq.error()));
        lastSeq = *seq;
    }
    for (const Appointment& a : w.generated) {
        if (auto r = m_cache.addLocalGuess(a.id().toString(), lastSeq); !r)
            return std::unexpected(cacheFailure(r.error()));
    }
    if (auto r = tx.commit(); !r)
        return std::unexpected(cacheFailure(r.error()));
    return {};
}

Checked<domain::RecurringAppointment>
LocalSchedule::editThisAndFollowing(const ObjectId& id, QDate originalDate,
                                    const domain::RecurringAppointment& edited, bool allowOverlap) {
    if (auto ok = permitted(domain::Permission::WriteAppointments, allowOverlap); !ok)
        return std::unexpected(ok.error());
    auto series = loadSeries(id);
    if (!series)
        return series;
    auto split = recurrence::editThisAndFollowing(*series, m_zone, originalDate, edited);
    if (!split)
        return std::unexpected(split.error());
    const QDateTime now = m_clock.now();
    const QDateTime cut(originalDate, QTime(0, 0), m_zone);
    SeriesEditWrite w;
    domain::RecurringAppointment after = split->after;
    after.meta.updatedAt = now;
    if (!split->before) {
        // Cut at the first occurrence: the whole series changes, and the
        // server keeps what already happened.
        const QDateTime from = std::max(cut, now);
        auto generated = generate(after, from);
        if (!generated)
            return std::unexpected(generated.error());
        w.withdrawn = occurrencesFrom(*series, from);
        w.generated = *generated;
        w.series = {after};
        OutboxEntry put;
        put.recordId = id.toString();
        put.method = u"PUT"_s;
        put.path = u"/recurring-appointments/"_s + id.toString();
        put.body = after.toJson(request);
        put.baseVersion = series->meta.version.value_or(0);
        put.summary = tr("Change series");
        w.entries = {put};
    } else {
        domain::RecurringAppointment before = *split->before;
        // What any /api/v1 server understands: the old series ends the day
        // before the cut, and its occurrences beyond that are withdrawn.
        before.endDate = calendarDateInstant(originalDate.addDays(-1));
        before.meta.updatedAt = now;
        after.meta.id = ObjectId::generate(m_clock);
        after.meta.createdAt = now;
        after.meta.version = 0;
        after.status = domain::SeriesStatus::Active;
        auto generated = generate(after);
        if (!generated)
            return std::unexpected(generated.error());
        w.withdrawn = occurrencesFrom(*series, cut);
        w.generated = *generated;
        w.series = {before, after};
        OutboxEntry put;
        put.recordId = id.toString();
        put.method = u"PUT"_s;
        put.path = u"/recurring-appointments/"_s + id.toString();
        put.body = before.toJson(request);
        put.baseVersion = series->meta.version.value_or(0);
        put.summary = tr("End series");
        OutboxEntry post;
        post.recordId = after.id().toString();
        post.method = u"POST"_s;
        post.path = u"/recurring-appointments"_s;
        post.body = after.toJson(request);
        post.summary = tr("Change this and following");
        w.entries = {put, post};
    }
    if (auto r = writeSeriesEdit(w, allowOverlap); !r)
        return std::unexpected(r.error());
    return after;
}

Checked<domain::RecurringAppointment>
LocalSchedule::editAllOccurrences(const ObjectId& id, const domain::RecurringAppointment& edited,
                                  bool allowOverlap) {
    if (auto ok = permitted(domain::Permission::WriteAppointments, allowOverlap); !ok)
        return std::unexpected(ok.error());
    auto series = loadSeries(id);
    if (!series)
        return series;
    const QDateTime now = m_clock.now();
    auto result = recurrence::editAllOccurrences(*series, m_zone, now, edited);
    if (!result)
        return std::unexpected(result.error());
    // The series record keeps its id, start and history; the edit applies
    // from its first occurrence from now on.
    domain::RecurringAppointment saved = edited;
    saved.meta = series->meta;
    saved.meta.updatedAt = now;
    saved.generatedAppointments = series->generatedAppointments;
    saved.exceptions.removeIf(
        [&](const domain::SeriesException& e) { return result->detached.contains(e); });
    domain::RecurringAppointment future = result->split.after;
    future.meta.id = id;
    auto generated = generate(future, now);
    if (!generated)
        return std::unexpected(generated.error());
    SeriesEditWrite w;
    // Occurrences moved on their own to a date the new pattern does not
    // give stay as they are; skipped ones stay cancelled.
    for (const Appointment& a : occurrencesFrom(*series, now)) {
        const bool detached = std::ranges::any_of(result->detached, [&](const auto& e) {
            return e.isRescheduled && e.rescheduledTo == a.startTime;
        });
        if (a.holdsTime() && !detached)
            w.withdrawn.append(a);
    }
    w.generated = *generated;
    w.series = {saved};
    OutboxEntry put;
    put.recordId = id.toString();
    put.method = u"PUT"_s;
    put.path = u"/recurring-appointments/"_s + id.toString();
    put.body = saved.toJson(request);
    put.baseVersion = series->meta.version.value_or(0);
    put.summary = tr("Change series");
    w.entries = {put};
    if (auto r = writeSeriesEdit(w, allowOverlap); !r)
        return std::unexpected(r.error());
    return saved;
}

Checked<domain::RecurringAppointment> LocalSchedule::cancelSeries(const ObjectId& id,
                                                                  const QString& reason) {
    if (auto ok = permitted(domain::Permission::WriteAppointments); !ok)
        return std::unexpected(ok.error());
    if (reason.trimmed().isEmpty())
        return std::unexpected(
            Errors{{ErrorCode::Required, u"reason"_s, tr("a reason is required")}});
    auto series = loadSeries(id);
    if (!series)
        return series;
    const QDateTime now = m_clock.now();
    auto result = recurrence::cancelRemaining(*series, m_zone, now, reason.trimmed());
    if (!result)
        return std::unexpected(result.error());
    domain::RecurringAppointment saved = result->series;
    saved.status = domain::SeriesStatus::Cancelled;
    saved.meta.updatedAt = now;
    OutboxEntry entry;
    entry.method = u"PUT"_s;
    entry.path = u"/recurring-appointments/%1/cancel"_s.arg(id.toString());
    entry.body = {{"reason"_L1, reason.trimmed()}};
    entry.summary = tr("Cancel series");
    if (auto r = write(RecordKind::RecurringAppointment, id.toString(), saved.toJson(),
                       series->meta.version.value_or(0), entry,
                       cancelledOccurrences(*series, now, true, reason.trimmed()));
        !r)
        return std::unexpected(r.error());
    return saved;
}

} // namespace mss::sync
