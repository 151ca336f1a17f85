#pragma once

#include "domain/Appointment.h"
#include "domain/RecurringAppointment.h"
#include "recurrence/SeriesExpansion.h"

namespace mss::recurrence {

// The appointment one occurrence of `series` is booked as, the same on the
// server (which books it) and on the desk (which shows it until the
// server's arrives): the series' client, provider, type, location and
// meeting link, at the occurrence's time, naming the series. `id` is the
// new appointment's; the record's other metadata is the caller's.
domain::Appointment occurrenceAppointment(const domain::RecurringAppointment& series,
                                          const Occurrence& occurrence, const domain::ObjectId& id);

} // namespace mss::recurrence
