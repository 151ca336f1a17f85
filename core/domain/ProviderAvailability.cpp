#include "domain/ProviderAvailability.h"

#include "base/WallClock.h"

#include <QCoreApplication>
#include <QTimeZone>

namespace mss::domain {

using namespace Qt::StringLiterals;

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("Validation", text);
}

} // namespace

Checked<ProviderAvailability> ProviderAvailability::fromJson(const QJsonObject& json,
                                                             DecodeMode mode,
                                                             const QTimeZone& practiceZone) {
    Errors errors;
    JsonReader r(json, errors);
    using P = JsonReader::Presence;
    ProviderAvailability a;
    a.meta = readMeta(r);
    a.provider = r.reference("provider"_L1, P::Required).value_or(Reference{});
    a.isRecurring = r.boolean("isRecurring"_L1).value_or(true);
    a.dayOfWeek =
        r.enumeration<DayOfWeek>("dayOfWeek"_L1, a.isRecurring ? P::Required : P::Optional)
            .value_or(DayOfWeek::Monday);
    const auto start = r.timeOfDay("startTime"_L1, P::Required);
    const auto end = r.timeOfDay("endTime"_L1, P::Required);
    a.isAvailable = r.boolean("isAvailable"_L1).value_or(true);
    a.location =
        r.enumeration<AvailabilityLocation>("location"_L1).value_or(AvailabilityLocation::Office);
    a.notes = r.string("notes"_L1);
    a.effectiveDate = r.date("effectiveDate"_L1);
    a.endDate = r.date("endDate"_L1);
    finishMeta(a.meta, r);
    if (start)
        a.startTime = *start;
    if (end)
        a.endTime = *end;
    if (mode == DecodeMode::Validate && start && end)
        appendUnnamed(errors, validate(a, practiceZone));
    if (!errors.isEmpty())
        return std::unexpected(errors);
    return a;
}

QJsonObject ProviderAvailability::toJson(const EncodeOptions& options) const {
    QJsonObject out;
    out.insert("provider"_L1, encodeReference(provider, options));
    out.insert("dayOfWeek"_L1, toWire(dayOfWeek));
    out.insert("startTime"_L1, startTime.toString());
    out.insert("endTime"_L1, endTime.toString());
    out.insert("isAvailable"_L1, isAvailable);
    out.insert("location"_L1, toWire(location));
    insertIf(out, "notes"_L1, notes);
    insertIf(out, "effectiveDate"_L1, effectiveDate);
    insertIf(out, "endDate"_L1, endDate);
    out.insert("isRecurring"_L1, isRecurring);
    writeMeta(out, meta, options);
    return out;
}

Errors validate(const ProviderAvailability& a, const QTimeZone& practiceZone) {
    Errors errors;
    requirePracticeZone(errors, practiceZone);
    if (a.provider.id.isNull())
        errors.append({ErrorCode::Required, u"provider"_s, tr("is required")});
    if (a.endTime <= a.startTime)
        errors.append({ErrorCode::EndNotAfterStart, u"endTime"_s, tr("must be after startTime")});
    if (!a.isRecurring && !a.effectiveDate)
        errors.append({ErrorCode::Required, u"effectiveDate"_s,
                       tr("is required for a one-off exception (isRecurring false)")});
    if (a.effectiveDate && a.endDate &&
        calendarDate(*a.endDate, practiceZone) < calendarDate(*a.effectiveDate, practiceZone))
        errors.append(
            {ErrorCode::EndNotAfterStart, u"endDate"_s, tr("must not be before effectiveDate")});
    return errors;
}

} // namespace mss::domain
