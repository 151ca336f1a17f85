#include "domain/WaitlistEntry.h"

#include "base/CalendarDate.h"
#include "base/WallClock.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace mss::domain {

using namespace Qt::StringLiterals;

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("Validation", text);
}

// The most preferred windows one entry may have: three a day, every day.
constexpr qsizetype maxPreferredWindows = 21;

QList<PreferredWindow> readWindows(JsonReader& r, Errors& errors) {
    QList<PreferredWindow> out;
    const auto array = r.array("preferredWindows"_L1);
    if (!array)
        return out;
    const QString path = r.pathOf("preferredWindows"_L1);
    if (array->size() > maxPreferredWindows) {
        errors.append(
            {ErrorCode::TooLong, path, tr("may hold at most %1 windows").arg(maxPreferredWindows)});
        return out;
    }
    for (qsizetype i = 0; i < array->size(); ++i) {
        const QString itemPath = u"%1[%2]"_s.arg(path).arg(i);
        const QJsonValue item = array->at(i);
        if (!item.isObject()) {
            errors.append({ErrorCode::WrongType, itemPath,
                           tr("must be an object with dayOfWeek, startTime and endTime")});
            continue;
        }
        const QJsonObject json = item.toObject();
        JsonReader w(json, errors, itemPath);
        PreferredWindow window;
        window.dayOfWeek = w.enumeration<DayOfWeek>("dayOfWeek"_L1, JsonReader::Required)
                               .value_or(DayOfWeek::Monday);
        const auto start = w.timeOfDay("startTime"_L1, JsonReader::Required);
        const auto end = w.timeOfDay("endTime"_L1, JsonReader::Required);
        window.unknown = w.unknownFields();
        if (start)
            window.startTime = *start;
        if (end)
            window.endTime = *end;
        if (start && end && *end <= *start)
            w.fail(ErrorCode::EndNotAfterStart, "endTime"_L1, tr("must be after startTime"));
        out.append(window);
    }
    return out;
}

std::optional<WaitlistOffer> readOffer(JsonReader& r, Errors& errors) {
    const auto json = r.object("offer"_L1);
    if (!json)
        return std::nullopt;
    using P = JsonReader::Presence;
    JsonReader o(*json, errors, r.pathOf("offer"_L1));
    WaitlistOffer offer;
    offer.startTime = o.time("startTime"_L1, P::Required).value_or(QDateTime{});
    offer.endTime = o.time("endTime"_L1, P::Required).value_or(QDateTime{});
    offer.provider = o.id("provider"_L1, P::Required).value_or(ObjectId{});
    offer.heldUntil = o.time("heldUntil"_L1, P::Required).value_or(QDateTime{});
    offer.sentAt = o.time("sentAt"_L1);
    if (const auto channels = o.array("channels"_L1)) {
        for (const QJsonValue& c : *channels) {
            const QString name = c.toString();
            if (name != "email"_L1 && name != "sms"_L1) {
                o.fail(ErrorCode::UnknownValue, "channels"_L1, tr("may hold only email and sms"));
                break;
            }
            if (!offer.channels.contains(name))
                offer.channels.append(name);
        }
    }
    offer.unknown = o.unknownFields();
    if (offer.startTime.isValid() && offer.endTime.isValid() && offer.endTime <= offer.startTime)
        o.fail(ErrorCode::EndNotAfterStart, "endTime"_L1, tr("must be after startTime"));
    return offer;
}

// A date-only value (UTC midnight) goes back as it came, "2026-03-09".
QJsonValue writeDate(const std::optional<QDateTime>& date) {
    if (!date)
        return QJsonValue::Null;
    const QDateTime utc = date->toUTC();
    if (utc.time() == QTime(0, 0))
        return utc.date().toString(Qt::ISODate);
    return toWireTime(*date);
}

} // namespace

bool WaitlistEntry::holdsSlotAt(const QDateTime& now) const {
    return status == WaitlistStatus::Offered && offer && offer->heldUntil > now;
}

Checked<WaitlistEntry> WaitlistEntry::fromJson(const QJsonObject& json, DecodeMode mode,
                                               const QTimeZone& practiceZone) {
    Errors errors;
    JsonReader r(json, errors);
    using P = JsonReader::Presence;
    WaitlistEntry e;
    e.meta = readMeta(r);
    e.client = r.reference("client"_L1, P::Required).value_or(Reference{});
    e.provider = r.reference("provider"_L1);
    e.appointmentType = r.enumeration<AppointmentType>("appointmentType"_L1, P::Required)
                            .value_or(AppointmentType::IndividualTherapy);
    e.duration = int(
        r.integer("duration"_L1, minWaitlistMinutes, maxWaitlistMinutes, P::Required).value_or(0));
    e.location = r.enumeration<Location>("location"_L1).value_or(Location::Office);
    e.preferredWindows = readWindows(r, errors);
    e.earliestDate = r.date("earliestDate"_L1);
    e.latestDate = r.date("latestDate"_L1);
    e.priority = r.enumeration<WaitlistPriority>("priority"_L1).value_or(WaitlistPriority::Normal);
    e.notes = r.string("notes"_L1);
    e.expiresAt = r.time("expiresAt"_L1);
    e.status = r.enumeration<WaitlistStatus>("status"_L1).value_or(WaitlistStatus::Waiting);
    e.offer = readOffer(r, errors);
    e.bookedAppointment = r.id("bookedAppointment"_L1);
    finishMeta(e.meta, r);
    if (mode == DecodeMode::Validate)
        appendUnnamed(errors, validate(e, practiceZone));
    if (!errors.isEmpty())
        return std::unexpected(errors);
    return e;
}

QJsonObject WaitlistEntry::toJson(const EncodeOptions& options) const {
    QJsonObject out;
    out.insert("client"_L1, encodeReference(client, options));
    out.insert("provider"_L1,
               provider ? encodeReference(*provider, options) : QJsonValue(QJsonValue::Null));
    out.insert("appointmentType"_L1, toWire(appointmentType));
    out.insert("duration"_L1, duration);
    out.insert("location"_L1, toWire(location));
    QJsonArray windows;
    for (const PreferredWindow& w : preferredWindows) {
        QJsonObject item{{"dayOfWeek"_L1, toWire(w.dayOfWeek)},
                         {"startTime"_L1, w.startTime.toString()},
                         {"endTime"_L1, w.endTime.toString()}};
        mergeUnknown(item, w.unknown);
        windows.append(item);
    }
    out.insert("preferredWindows"_L1, windows);
    out.insert("earliestDate"_L1, writeDate(earliestDate));
    out.insert("latestDate"_L1, writeDate(latestDate));
    out.insert("priority"_L1, toWire(priority));
    insertIf(out, "notes"_L1, notes);
    out.insert("expiresAt"_L1, expiresAt ? QJsonValue(toWireTime(*expiresAt)) : QJsonValue());
    out.insert("status"_L1, toWire(status));
    if (offer) {
        QJsonObject o{{"startTime"_L1, toWireTime(offer->startTime)},
                      {"endTime"_L1, toWireTime(offer->endTime)},
                      {"provider"_L1, offer->provider.toString()},
                      {"heldUntil"_L1, toWireTime(offer->heldUntil)},
                      {"channels"_L1, QJsonArray::fromStringList(offer->channels)}};
        o.insert("sentAt"_L1,
                 offer->sentAt ? QJsonValue(toWireTime(*offer->sentAt)) : QJsonValue());
        mergeUnknown(o, offer->unknown);
        out.insert("offer"_L1, o);
    } else {
        out.insert("offer"_L1, QJsonValue::Null);
    }
    insertIf(out, "bookedAppointment"_L1, bookedAppointment);
    writeMeta(out, meta, options);
    return out;
}

Errors validate(const WaitlistEntry& e, const QTimeZone& practiceZone) {
    Errors errors;
    if (e.client.id.isNull())
        errors.append({ErrorCode::Required, u"client"_s, tr("is required")});
    if (e.duration < minWaitlistMinutes || e.duration > maxWaitlistMinutes)
        errors.append(
            {ErrorCode::OutOfRange, u"duration"_s,
             tr("must be from %1 to %2").arg(minWaitlistMinutes).arg(maxWaitlistMinutes)});
    for (qsizetype i = 0; i < e.preferredWindows.size(); ++i) {
        if (e.preferredWindows[i].endTime <= e.preferredWindows[i].startTime)
            errors.append({ErrorCode::EndNotAfterStart, u"preferredWindows[%1].endTime"_s.arg(i),
                           tr("must be after startTime")});
    }
    if (e.earliestDate && e.latestDate) {
        requirePracticeZone(errors, practiceZone);
        if (practiceZone.isValid() &&
            calendarDate(*e.latestDate, practiceZone) < calendarDate(*e.earliestDate, practiceZone))
            errors.append({ErrorCode::EndNotAfterStart, u"latestDate"_s,
                           tr("must not be before earliestDate")});
    }
    if (e.status == WaitlistStatus::Offered && !e.offer)
        errors.append({ErrorCode::Required, u"offer"_s, tr("is required while status is Offered")});
    if (e.status == WaitlistStatus::Booked && !e.bookedAppointment)
        errors.append(
            {ErrorCode::Required, u"bookedAppointment"_s, tr("is required when status is Booked")});
    return errors;
}

} // namespace mss::domain
