#include "recurrence/OccurrenceEdit.h"

#include "base/WallClock.h"
#include "recurrence/SeriesExpansion.h"

namespace mss::recurrence {

using domain::Appointment;
using domain::RecurringAppointment;

QDate originalDateOf(const RecurringAppointment& series, const QTimeZone& zone,
                     const QDateTime& start) {
    const auto all = allOccurrences(series, zone);
    if (all) {
        for (const Occurrence& o : *all) {
            if (o.start == start)
                return o.originalDate;
        }
    }
    return localDate(start, zone);
}

bool changesTheSeries(const Appointment& before, const Appointment& after) {
    return before.startTime != after.startTime || before.endTime != after.endTime ||
           before.provider.id != after.provider.id || before.client.id != after.client.id ||
           before.appointmentType != after.appointmentType || before.location != after.location ||
           before.virtualMeetingLink != after.virtualMeetingLink;
}

RecurringAppointment seriesFollowing(const RecurringAppointment& series,
                                     const Appointment& occurrence, const Appointment& changed,
                                     const QTimeZone& zone) {
    const QDate from = localDate(occurrence.startTime, zone);
    const QDate to = localDate(changed.startTime, zone);
    RecurringAppointment edited = series;
    edited.startTime = *domain::TimeOfDay::fromMinutes(localMinuteOfDay(changed.startTime, zone));
    edited.duration = int(changed.startTime.secsTo(changed.endTime) / 60);
    edited.provider.id = changed.provider.id;
    edited.client.id = changed.client.id;
    edited.appointmentType = changed.appointmentType;
    edited.location = changed.location;
    edited.virtualMeetingLink = changed.virtualMeetingLink;
    if (edited.dayOfWeek)
        edited.dayOfWeek = static_cast<domain::DayOfWeek>(to.dayOfWeek());
    if (edited.dayOfMonth && !edited.useWeekOfMonth && from != to)
        edited.dayOfMonth = to.day();
    return edited;
}

} // namespace mss::recurrence
