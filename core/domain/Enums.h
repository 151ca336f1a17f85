#pragma once

#include <QString>
#include <QStringList>

#include <array>
#include <optional>
#include <string_view>

namespace mss::domain {

// Every enumeration of the wire contract (spec/API.md). Numeric values are
// persisted in caches and databases: append, never renumber. On the wire
// each travels as the exact English name below.

enum class AppointmentType : int {
    InitialAssessment = 0,
    IndividualTherapy = 1,
    GroupTherapy = 2,
    CouplesTherapy = 3,
    FamilyTherapy = 4,
    MedicationManagement = 5,
    Consultation = 6,
    Other = 7,
};

enum class Location : int { Office = 0, Virtual = 1, Phone = 2, HomeVisit = 3, Other = 4 };

enum class AppointmentStatus : int {
    Scheduled = 0,
    Confirmed = 1,
    Completed = 2,
    Cancelled = 3,
    NoShow = 4,
    Rescheduled = 5,
};

enum class ConfirmationStatus : int { NotSent = 0, Sent = 1, Confirmed = 2, Declined = 3 };

enum class AvailabilityLocation : int { Office = 0, Virtual = 1, Both = 2, Other = 3 };

enum class RecurrencePattern : int { Weekly = 0, Biweekly = 1, Monthly = 2, Custom = 3 };

enum class SeriesStatus : int { Active = 0, Completed = 1, Cancelled = 2 };

enum class StaffRole : int {
    PracticeAdmin = 0,
    Clinician = 1,
    Supervisor = 2,
    Intern = 3,
    Billing = 4,
    Receptionist = 5,
    Support = 6,
    SystemAdmin = 7,
};

// Numbered as Qt numbers them (QDate::dayOfWeek()): Monday is 1.
enum class DayOfWeek : int {
    Monday = 1,
    Tuesday = 2,
    Wednesday = 3,
    Thursday = 4,
    Friday = 5,
    Saturday = 6,
    Sunday = 7,
};

template <typename E>
struct EnumNames;

#define MSS_ENUM_NAMES(E, FIRST, ...)                                                              \
    template <>                                                                                    \
    struct EnumNames<E> {                                                                          \
        static constexpr int first = FIRST;                                                        \
        static constexpr auto names = std::to_array<std::u16string_view>({__VA_ARGS__});           \
    };

MSS_ENUM_NAMES(AppointmentType, 0, u"Initial Assessment", u"Individual Therapy", u"Group Therapy",
               u"Couples Therapy", u"Family Therapy", u"Medication Management", u"Consultation",
               u"Other")
MSS_ENUM_NAMES(Location, 0, u"Office", u"Virtual", u"Phone", u"Home Visit", u"Other")
MSS_ENUM_NAMES(AppointmentStatus, 0, u"Scheduled", u"Confirmed", u"Completed", u"Cancelled",
               u"No-Show", u"Rescheduled")
MSS_ENUM_NAMES(ConfirmationStatus, 0, u"Not Sent", u"Sent", u"Confirmed", u"Declined")
MSS_ENUM_NAMES(AvailabilityLocation, 0, u"Office", u"Virtual", u"Both", u"Other")
MSS_ENUM_NAMES(RecurrencePattern, 0, u"Weekly", u"Biweekly", u"Monthly", u"Custom")
MSS_ENUM_NAMES(SeriesStatus, 0, u"Active", u"Completed", u"Cancelled")
MSS_ENUM_NAMES(StaffRole, 0, u"PRACTICE_ADMIN", u"CLINICIAN", u"SUPERVISOR", u"INTERN", u"BILLING",
               u"RECEPTIONIST", u"SUPPORT", u"SYSTEM_ADMIN")
MSS_ENUM_NAMES(DayOfWeek, 1, u"Monday", u"Tuesday", u"Wednesday", u"Thursday", u"Friday",
               u"Saturday", u"Sunday")

#undef MSS_ENUM_NAMES

// The wire name of a value: toWire(Location::HomeVisit) == "Home Visit".
template <typename E>
QString toWire(E value) {
    const std::u16string_view name =
        EnumNames<E>::names[size_t(static_cast<int>(value) - EnumNames<E>::first)];
    return QString::fromUtf16(name.data(), qsizetype(name.size()));
}

// The value with exactly this wire name (case matters, as on the server).
template <typename E>
std::optional<E> fromWire(QStringView text) {
    const auto& names = EnumNames<E>::names;
    for (size_t i = 0; i < names.size(); ++i) {
        if (QStringView(names[i].data(), qsizetype(names[i].size())) == text)
            return static_cast<E>(int(i) + EnumNames<E>::first);
    }
    return std::nullopt;
}

// Every wire name of E, in order: for error messages and pickers.
template <typename E>
QStringList wireNames() {
    QStringList out;
    for (const auto& n : EnumNames<E>::names)
        out << QString::fromUtf16(n.data(), qsizetype(n.size()));
    return out;
}

// Cancelled, No-Show and Rescheduled appointments no longer hold their time.
constexpr bool holdsTime(AppointmentStatus status) {
    return status != AppointmentStatus::Cancelled && status != AppointmentStatus::NoShow &&
           status != AppointmentStatus::Rescheduled;
}

} // namespace mss::domain
