#include "recurrence/OccurrenceAppointment.h"

namespace mss::recurrence {

domain::Appointment occurrenceAppointment(const domain::RecurringAppointment& series,
                                          const Occurrence& occurrence,
                                          const domain::ObjectId& id) {
    domain::Appointment a;
    a.meta.id = id;
    a.client.id = series.client.id;
    a.provider.id = series.provider.id;
    a.startTime = occurrence.start;
    a.endTime = occurrence.end;
    a.duration = int(occurrence.start.secsTo(occurrence.end) / 60);
    a.appointmentType = series.appointmentType;
    a.location = series.location;
    a.virtualMeetingLink = series.virtualMeetingLink;
    a.recurringAppointment = series.id();
    return a;
}

} // namespace mss::recurrence
