#pragma once

#include "domain/Appointment.h"
#include "domain/RecurringAppointment.h"

#include <QDate>
#include <QDateTime>
#include <QTimeZone>

namespace mss::recurrence {

// What an edit of one occurrence's appointment means for its series, for
// every client that offers "this and following" or "all occurrences"
// (docs/recurrence.md, "Editing from an occurrence").
//
// What makes it easy to get wrong: an occurrence is named by its original
// date (the date the pattern gives), not by the date it now starts on, so a
// moved occurrence must be found by where it is now; and a series holds only
// some of an appointment's fields, so a change of notes or reminders is not
// a change of the series.

// The original date of the occurrence of `series` that starts at `start`
// (UTC), moved ones included. When none starts then (the series changed
// since the appointment was made), the local date of `start` in `zone`.
QDate originalDateOf(const domain::RecurringAppointment& series, const QTimeZone& zone,
                     const QDateTime& start);

// Whether an edit of an occurrence's appointment touches what the series
// holds: the times, provider, client, type, location or meeting link. Notes
// and reminder choices belong to the one session.
bool changesTheSeries(const domain::Appointment& before, const domain::Appointment& after);

// The series as it becomes when `occurrence` is edited into `changed` and
// the edit is for the series: it takes the changed start time, length,
// provider, client, type, location and link, and the weekday (weekly) or
// day of the month (monthly by day) of the new date; its pattern and its end
// stay (a custom RFC 5545 rule keeps the days it names). What
// editThisAndFollowing and editAllOccurrences are given as `edited`.
domain::RecurringAppointment seriesFollowing(const domain::RecurringAppointment& series,
                                             const domain::Appointment& occurrence,
                                             const domain::Appointment& changed,
                                             const QTimeZone& zone);

} // namespace mss::recurrence
