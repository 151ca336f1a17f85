#include "domain/RecurringAppointment.h"

#include "base/WallClock.h"
#include "domain/Limits.h"
#include "domain/ProviderAvailability.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <limits>

namespace mss::domain {

using namespace Qt::StringLiterals;

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("Validation", text);
}

QString exceptionPath(qsizetype index) {
    return u"exceptions[%1]"_s.arg(index);
}

QList<SeriesException> readExceptions(JsonReader& r, Errors& errors) {
    QList<SeriesException> out;
    const auto array = r.array("exceptions"_L1);
    if (!array)
        return out;
    for (qsizetype i = 0; i < array->size(); ++i) {
        const QJsonValue item = array->at(i);
        if (!item.isObject()) {
            errors.append({ErrorCode::WrongType, exceptionPath(i), tr("must be an object")});
            continue;
        }
        const QJsonObject obj = item.toObject();
        JsonReader er(obj, errors, exceptionPath(i));
        SeriesException e;
        e.date = er.date("date"_L1, JsonReader::Required).value_or(QDateTime{});
        e.reason = er.string("reason"_L1);
        e.isRescheduled = er.boolean("isRescheduled"_L1).value_or(false);
        e.rescheduledTo = er.time("rescheduledTo"_L1);
        e.unknown = er.unknownFields();
        out.append(e);
    }
    return out;
}

QList<ObjectId> readIds(JsonReader& r, Errors& errors, QLatin1StringView key) {
    QList<ObjectId> out;
    const auto array = r.array(key);
    if (!array)
        return out;
    for (qsizetype i = 0; i < array->size(); ++i) {
        // Populated occurrences are objects with an _id.
        const QJsonValue item = array->at(i);
        const QJsonValue idValue = item.isObject() ? item.toObject().value("_id"_L1) : item;
        if (auto id = ObjectId::fromString(idValue.toString()); id && idValue.isString())
            out.append(*id);
        else
            errors.append({ErrorCode::InvalidId, u"%1[%2]"_s.arg(key).arg(i),
                           tr("is not a 24-hex-digit id")});
    }
    return out;
}

} // namespace

Checked<RecurringAppointment> RecurringAppointment::fromJson(const QJsonObject& json,
                                                             DecodeMode mode,
                                                             const QTimeZone& practiceZone) {
    Errors errors;
    JsonReader r(json, errors);
    using P = JsonReader::Presence;
    RecurringAppointment s;
    s.meta = readMeta(r);
    // A busy block (another provider's appointment, as a server sends it to
    // a role that sees its own only: domain::busyBlock) has no client and no
    // type; read from a server, it is still a record to show.
    const P details = mode == DecodeMode::Validate ? P::Required : P::Optional;
    s.client = r.reference("client"_L1, details).value_or(Reference{});
    s.provider = r.reference("provider"_L1, P::Required).value_or(Reference{});
    s.appointmentType = r.enumeration<AppointmentType>("appointmentType"_L1, details)
                            .value_or(AppointmentType::IndividualTherapy);
    s.duration = int(r.integer("duration"_L1, 1, maxAppointmentMinutes, P::Required).value_or(50));
    s.location = r.enumeration<Location>("location"_L1).value_or(Location::Office);
    s.virtualMeetingLink = r.string("virtualMeetingLink"_L1);
    s.recurrencePattern = r.enumeration<RecurrencePattern>("recurrencePattern"_L1, P::Required)
                              .value_or(RecurrencePattern::Weekly);
    s.dayOfWeek = r.enumeration<DayOfWeek>("dayOfWeek"_L1);
    // Ranges of these are rules, checked by validate().
    constexpr qint64 anyInt = std::numeric_limits<int>::max();
    if (auto d = r.integer("dayOfMonth"_L1, -anyInt, anyInt))
        s.dayOfMonth = int(*d);
    if (auto w = r.integer("weekOfMonth"_L1, -anyInt, anyInt))
        s.weekOfMonth = int(*w);
    s.useWeekOfMonth = r.boolean("useWeekOfMonth"_L1).value_or(false);
    s.recurrenceRule = r.string("recurrenceRule"_L1);
    s.startTime = r.timeOfDay("startTime"_L1, P::Required).value_or(TimeOfDay{});
    s.startDate = r.date("startDate"_L1, P::Required).value_or(QDateTime{});
    s.endDate = r.date("endDate"_L1);
    if (auto n = r.integer("numberOfOccurrences"_L1, -anyInt, anyInt))
        s.numberOfOccurrences = int(*n);
    s.status = r.enumeration<SeriesStatus>("status"_L1).value_or(SeriesStatus::Active);
    s.notes = r.string("notes"_L1);
    s.exceptions = readExceptions(r, errors);
    s.generatedAppointments = readIds(r, errors, "generatedAppointments"_L1);
    finishMeta(s.meta, r);
    if (mode == DecodeMode::Validate)
        appendUnnamed(errors, validate(s, practiceZone));
    if (!errors.isEmpty())
        return std::unexpected(errors);
    return s;
}

QJsonObject RecurringAppointment::toJson(const EncodeOptions& options) const {
    QJsonObject out;
    out.insert("client"_L1, encodeReference(client, options));
    out.insert("provider"_L1, encodeReference(provider, options));
    out.insert("appointmentType"_L1, toWire(appointmentType));
    out.insert("duration"_L1, duration);
    out.insert("location"_L1, toWire(location));
    insertIf(out, "virtualMeetingLink"_L1, virtualMeetingLink);
    out.insert("recurrencePattern"_L1, toWire(recurrencePattern));
    if (dayOfWeek)
        out.insert("dayOfWeek"_L1, toWire(*dayOfWeek));
    if (dayOfMonth)
        out.insert("dayOfMonth"_L1, *dayOfMonth);
    if (weekOfMonth)
        out.insert("weekOfMonth"_L1, *weekOfMonth);
    out.insert("useWeekOfMonth"_L1, useWeekOfMonth);
    insertIf(out, "recurrenceRule"_L1, recurrenceRule);
    out.insert("startTime"_L1, startTime.toString());
    out.insert("startDate"_L1, toWireTime(startDate));
    insertIf(out, "endDate"_L1, endDate);
    if (numberOfOccurrences)
        out.insert("numberOfOccurrences"_L1, *numberOfOccurrences);
    out.insert("status"_L1, toWire(status));
    insertIf(out, "notes"_L1, notes);
    QJsonArray exceptionArray;
    for (const SeriesException& e : exceptions) {
        QJsonObject obj{{"date"_L1, toWireTime(e.date)}, {"isRescheduled"_L1, e.isRescheduled}};
        insertIf(obj, "reason"_L1, e.reason);
        insertIf(obj, "rescheduledTo"_L1, e.rescheduledTo);
        mergeUnknown(obj, e.unknown);
        exceptionArray.append(obj);
    }
    out.insert("exceptions"_L1, exceptionArray);
    QJsonArray ids;
    for (const ObjectId& id : generatedAppointments)
        ids.append(id.toString());
    out.insert("generatedAppointments"_L1, ids);
    writeMeta(out, meta, options);
    return out;
}

Errors validate(const RecurringAppointment& s, const QTimeZone& practiceZone) {
    Errors errors;
    requirePracticeZone(errors, practiceZone);
    auto need = [&](bool present, const QString& field, const QString& why) {
        if (!present)
            errors.append({ErrorCode::Required, field, why});
    };
    need(!s.client.id.isNull(), u"client"_s, tr("is required"));
    need(!s.provider.id.isNull(), u"provider"_s, tr("is required"));
    need(s.startDate.isValid(), u"startDate"_s, tr("is required"));
    switch (s.recurrencePattern) {
    case RecurrencePattern::Weekly:
    case RecurrencePattern::Biweekly:
        need(s.dayOfWeek.has_value(), u"dayOfWeek"_s,
             tr("is required for a Weekly or Biweekly series"));
        break;
    case RecurrencePattern::Monthly:
        if (s.useWeekOfMonth) {
            need(s.weekOfMonth.has_value(), u"weekOfMonth"_s,
                 tr("is required for a Monthly series with useWeekOfMonth"));
            need(s.dayOfWeek.has_value(), u"dayOfWeek"_s,
                 tr("is required for a Monthly series with useWeekOfMonth"));
        } else {
            need(s.dayOfMonth.has_value(), u"dayOfMonth"_s, tr("is required for a Monthly series"));
        }
        break;
    case RecurrencePattern::Custom:
        need(s.recurrenceRule.has_value() && !s.recurrenceRule->isEmpty(), u"recurrenceRule"_s,
             tr("is required for a Custom series"));
        break;
    }
    if (s.dayOfMonth && (*s.dayOfMonth < 1 || *s.dayOfMonth > 31))
        errors.append({ErrorCode::OutOfRange, u"dayOfMonth"_s, tr("must be from 1 to 31")});
    if (s.weekOfMonth && (*s.weekOfMonth < 1 || *s.weekOfMonth > 5))
        errors.append({ErrorCode::OutOfRange, u"weekOfMonth"_s, tr("must be from 1 to 5")});
    if (s.duration < 1 || s.duration > maxAppointmentMinutes)
        errors.append({ErrorCode::OutOfRange, u"duration"_s,
                       tr("must be from 1 to %1 minutes").arg(maxAppointmentMinutes)});
    if (s.numberOfOccurrences &&
        (*s.numberOfOccurrences < 1 || *s.numberOfOccurrences > maxSeriesOccurrences))
        errors.append({ErrorCode::OutOfRange, u"numberOfOccurrences"_s,
                       tr("must be from 1 to %1").arg(maxSeriesOccurrences)});
    if (!s.endDate && !s.numberOfOccurrences)
        errors.append({ErrorCode::MissingSeriesEnd, u"endDate"_s,
                       tr("a series needs an endDate or a numberOfOccurrences")});
    if (s.endDate && s.startDate.isValid() &&
        calendarDate(*s.endDate, practiceZone) < calendarDate(s.startDate, practiceZone))
        errors.append(
            {ErrorCode::EndNotAfterStart, u"endDate"_s, tr("must not be before startDate")});
    for (qsizetype i = 0; i < s.exceptions.size(); ++i) {
        const SeriesException& e = s.exceptions[i];
        if (e.isRescheduled && !e.rescheduledTo)
            errors.append({ErrorCode::Required, exceptionPath(i) + u".rescheduledTo"_s,
                           tr("is required when isRescheduled is true")});
    }
    return errors;
}

} // namespace mss::domain
