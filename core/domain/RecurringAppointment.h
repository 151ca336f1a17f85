#pragma once

#include "base/CalendarDate.h"
#include "base/Error.h"
#include "domain/Enums.h"
#include "domain/Record.h"
#include "domain/TimeOfDay.h"

#include <QList>

namespace mss::domain {

// One occurrence of a series that was skipped or moved.
struct SeriesException {
    QDateTime date; // the occurrence's calendar date (see base/CalendarDate.h)
    std::optional<QString> reason;
    bool isRescheduled = false;
    std::optional<QDateTime> rescheduledTo; // the new start, when rescheduled
    QJsonObject unknown;                    // e.g. the subdocument's own _id

    friend bool operator==(const SeriesException&, const SeriesException&) = default;
};

// A recurring appointment: the pattern from which occurrences are generated.
// Weekly and Biweekly repeat on dayOfWeek; Monthly on dayOfMonth, or on the
// weekOfMonth-th dayOfWeek when useWeekOfMonth; Custom follows the RFC 5545
// rule in recurrenceRule (an extension of this project). startTime is a
// wall-clock time in the practice's time zone.
struct RecurringAppointment {
    RecordMeta meta;
    Reference client;
    Reference provider;
    AppointmentType appointmentType = AppointmentType::IndividualTherapy;
    int duration = 50; // minutes
    Location location = Location::Office;
    std::optional<QString> virtualMeetingLink;
    RecurrencePattern recurrencePattern = RecurrencePattern::Weekly;
    std::optional<DayOfWeek> dayOfWeek;
    std::optional<int> dayOfMonth;  // 1-31
    std::optional<int> weekOfMonth; // 1-5; 5 is the last such weekday
    bool useWeekOfMonth = false;
    std::optional<QString> recurrenceRule; // RRULE text, for Custom
    TimeOfDay startTime;
    QDateTime startDate; // a calendar date
    std::optional<QDateTime> endDate;
    std::optional<int> numberOfOccurrences;
    SeriesStatus status = SeriesStatus::Active;
    std::optional<QString> notes;
    QList<SeriesException> exceptions;
    QList<ObjectId> generatedAppointments;

    const ObjectId& id() const { return meta.id; }

    // Validate checks the order of the dates as calendar dates in the
    // practice's zone, which it then needs (an invalid zone is an error).
    static Checked<RecurringAppointment> fromJson(const QJsonObject& json, DecodeMode mode,
                                                  const QTimeZone& practiceZone = {});
    QJsonObject toJson(const EncodeOptions& options = {}) const;

    friend bool operator==(const RecurringAppointment&, const RecurringAppointment&) = default;
};

// The pattern's required fields (dayOfWeek for Weekly/Biweekly, dayOfMonth
// or weekOfMonth + dayOfWeek for Monthly, recurrenceRule for Custom), an end
// (endDate or numberOfOccurrences), sane ranges, rescheduled exceptions with
// a new time, endDate not before startDate as calendar dates in the
// practice's zone.
Errors validate(const RecurringAppointment& series, const QTimeZone& practiceZone);

} // namespace mss::domain
