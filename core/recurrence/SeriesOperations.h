#pragma once

#include "base/Error.h"
#include "domain/RecurringAppointment.h"

#include <QDate>
#include <QDateTime>
#include <QTimeZone>

#include <optional>

namespace mss::recurrence {

// What a person does to a series, as pure functions over series records:
// the server applies them and stores the results; the app previews them.
// None reads a clock; "now" is passed in. Each names the occurrence by its
// original date (the practice-local date the pattern gives), which is also
// what an exception's date names. Errors name the argument or field at
// fault: "date" for a date that is not an occurrence of the series.
// docs/recurrence.md describes each with an example.

// Skips one occurrence: adds an exception (isRescheduled false). Replaces an
// earlier exception for the same date, so skipping a moved occurrence
// cancels it.
Checked<domain::RecurringAppointment> skipOccurrence(const domain::RecurringAppointment& series,
                                                     const QTimeZone& zone, QDate originalDate,
                                                     const std::optional<QString>& reason = {});

// An EXDATE as RFC 5545 treats it: on a date the pattern gives, it skips
// that occurrence (as skipOccurrence); on any other date it is recorded on
// the series and changes no occurrence. `skipped` tells which.
struct DateExcluded {
    domain::RecurringAppointment series;
    bool skipped = false;
};
Checked<DateExcluded> excludeDate(const domain::RecurringAppointment& series, const QTimeZone& zone,
                                  QDate date, const std::optional<QString>& reason = {});

// Moves one occurrence to `newStart` (a UTC instant): adds an exception with
// isRescheduled and rescheduledTo, replacing an earlier one for that date.
// This is also "edit this occurrence only" for its time; its other fields
// (notes, status) live on the occurrence's own Appointment record.
Checked<domain::RecurringAppointment>
rescheduleOccurrence(const domain::RecurringAppointment& series, const QTimeZone& zone,
                     QDate originalDate, const QDateTime& newStart,
                     const std::optional<QString>& reason = {});

// A series cut in two at one occurrence.
struct SeriesSplit {
    // The occurrences before the cut: the original record, ending on the
    // last one before it; absent when the cut is at the first occurrence.
    std::optional<domain::RecurringAppointment> before;
    // The cut occurrence and all after it, starting on the cut's date: a
    // new record (null id, no generated appointments), or the original
    // record itself when the cut is at its first occurrence.
    domain::RecurringAppointment after;
};

// "Edit this and following": splits the series at the occurrence on
// `originalDate`, then gives `after` the pattern and appointment fields of
// `edited` (type, duration, location, link, pattern, days, rule, startTime,
// notes, provider, client). History is untouched: `before` keeps the
// original's id, exceptions before the cut and generated appointments.
// numberOfOccurrences counts the whole series, so `after` gets the count
// left (edited.numberOfOccurrences minus the occurrences before the cut).
// Without changes (edited == series) the two halves together have exactly
// the occurrences of the original.
Checked<SeriesSplit> editThisAndFollowing(const domain::RecurringAppointment& series,
                                          const QTimeZone& zone, QDate originalDate,
                                          const domain::RecurringAppointment& edited);

// The result of editing every occurrence from now on.
struct SeriesEdit {
    SeriesSplit split;
    // Future exceptions whose date the edited pattern no longer gives: the
    // individually changed occurrences that must stay as they are. A
    // caller keeps their appointments as one-off records.
    QList<domain::SeriesException> detached;
};

// "Edit all": future occurrences follow the edit, past ones stay. The
// series is split at its first occurrence starting at or after `now`
// (nothing before it: `before` is absent and `after` keeps the id); future
// occurrences that were individually skipped or moved keep their exception.
// Error OutOfRange on "date" when no occurrence is left to edit.
Checked<SeriesEdit> editAllOccurrences(const domain::RecurringAppointment& series,
                                       const QTimeZone& zone, const QDateTime& now,
                                       const domain::RecurringAppointment& edited);

struct SeriesCancellation {
    domain::RecurringAppointment series; // status Cancelled, ending before `now`
    int cancelledOccurrences = 0;        // how many occurrences will no longer happen
};

// Cancels the rest of a series: every occurrence starting at or after `now`
// is gone, earlier ones stay. The series ends on its last occurrence before
// `now`; when none is before `now`, every occurrence becomes a skipped
// exception with `reason` (a series must keep a valid end).
Checked<SeriesCancellation> cancelRemaining(const domain::RecurringAppointment& series,
                                            const QTimeZone& zone, const QDateTime& now,
                                            const QString& reason);

} // namespace mss::recurrence
