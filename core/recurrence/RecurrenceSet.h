#pragma once

#include "recurrence/RecurrenceRule.h"

#include <QTimeZone>

namespace mss::recurrence {

// A series' recurrenceRule text: an RRULE with optional EXDATE and RDATE
// lines, as in an iCalendar VEVENT. Either the bare rule
//     FREQ=WEEKLY;BYDAY=TU
// or content lines separated by newlines:
//     RRULE:FREQ=WEEKLY;BYDAY=TU
//     EXDATE:20260310T190000Z,20260317
//     EXDATE;TZID=America/New_York:20260324T140000
//     RDATE;VALUE=DATE:20260326
// A DATE names a whole local day, a floating DATE-TIME a wall-clock time in
// the practice zone, a "Z" DATE-TIME an instant; a TZID time is converted to
// an instant when parsed. DTSTART is not accepted: the series' startDate and
// startTime are the start.
struct RecurrenceSet {
    RecurrenceRule rule;
    QList<RfcDateTime> exDates;
    QList<RfcDateTime> rDates;

    // Errors carry InvalidRule and name the part at fault in the field:
    // "BYDAY", "EXDATE", ...
    static Result<RecurrenceSet> parse(QStringView text);
    // The rule alone when there are no dates, else content lines.
    QString toString() const;

    friend bool operator==(const RecurrenceSet&, const RecurrenceSet&) = default;
};

} // namespace mss::recurrence
