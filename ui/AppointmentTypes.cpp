#include "ui/AppointmentTypes.h"

namespace mss::ui {

using domain::AppointmentStatus;
using domain::AppointmentType;
using domain::ConfirmationStatus;
using domain::Location;

int AppointmentTypes::usualDurationMinutes(AppointmentType type) {
    switch (type) {
    case AppointmentType::InitialAssessment:
        return 60;
    case AppointmentType::IndividualTherapy:
        return 50;
    case AppointmentType::GroupTherapy:
        return 90;
    case AppointmentType::CouplesTherapy:
        return 60;
    case AppointmentType::FamilyTherapy:
        return 60;
    case AppointmentType::MedicationManagement:
        return 30;
    case AppointmentType::Consultation:
        return 30;
    case AppointmentType::Other:
        return 50;
    }
    return 50;
}

QColor AppointmentTypes::colour(AppointmentType type) {
    // Distinguishable for the common forms of colour blindness (from the
    // Okabe-Ito and Tableau palettes); the status is never told by colour
    // alone (see AppointmentCard).
    switch (type) {
    case AppointmentType::InitialAssessment:
        return QColor(0x7b, 0x4f, 0xc9);
    case AppointmentType::IndividualTherapy:
        return QColor(0x1f, 0x77, 0xb4);
    case AppointmentType::GroupTherapy:
        return QColor(0x2c, 0xa0, 0x5a);
    case AppointmentType::CouplesTherapy:
        return QColor(0xd6, 0x4f, 0x8c);
    case AppointmentType::FamilyTherapy:
        return QColor(0xe0, 0x8a, 0x12);
    case AppointmentType::MedicationManagement:
        return QColor(0x17, 0x9c, 0xa8);
    case AppointmentType::Consultation:
        return QColor(0x8c, 0x6d, 0x3f);
    case AppointmentType::Other:
        return QColor(0x6b, 0x72, 0x80);
    }
    return QColor(0x6b, 0x72, 0x80);
}

QString AppointmentTypes::name(AppointmentType type) {
    switch (type) {
    case AppointmentType::InitialAssessment:
        return tr("Initial Assessment");
    case AppointmentType::IndividualTherapy:
        return tr("Individual Therapy");
    case AppointmentType::GroupTherapy:
        return tr("Group Therapy");
    case AppointmentType::CouplesTherapy:
        return tr("Couples Therapy");
    case AppointmentType::FamilyTherapy:
        return tr("Family Therapy");
    case AppointmentType::MedicationManagement:
        return tr("Medication Management");
    case AppointmentType::Consultation:
        return tr("Consultation");
    case AppointmentType::Other:
        return tr("Other");
    }
    return {};
}

QString AppointmentTypes::name(AppointmentStatus status) {
    switch (status) {
    case AppointmentStatus::Scheduled:
        return tr("Scheduled");
    case AppointmentStatus::Confirmed:
        return tr("Confirmed");
    case AppointmentStatus::Completed:
        return tr("Completed");
    case AppointmentStatus::Cancelled:
        return tr("Cancelled");
    case AppointmentStatus::NoShow:
        return tr("No-show");
    case AppointmentStatus::Rescheduled:
        return tr("Rescheduled");
    }
    return {};
}

QString AppointmentTypes::name(Location location) {
    switch (location) {
    case Location::Office:
        return tr("Office");
    case Location::Virtual:
        return tr("Virtual");
    case Location::Phone:
        return tr("Phone");
    case Location::HomeVisit:
        return tr("Home visit");
    case Location::Other:
        return tr("Other");
    }
    return {};
}

QString AppointmentTypes::name(ConfirmationStatus status) {
    switch (status) {
    case ConfirmationStatus::NotSent:
        return tr("Not sent");
    case ConfirmationStatus::Sent:
        return tr("Reminder sent");
    case ConfirmationStatus::Confirmed:
        return tr("Confirmed by client");
    case ConfirmationStatus::Declined:
        return tr("Declined by client");
    }
    return {};
}

} // namespace mss::ui
