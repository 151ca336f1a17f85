#pragma once

#include "domain/Enums.h"

#include <QColor>
#include <QCoreApplication>
#include <QString>

namespace mss::ui {

// What the practice calls each kind of appointment and how it looks. The
// usual durations and the colours live here and nowhere else, so the
// booking dialog, the calendars and the legend always agree.
class AppointmentTypes {
    Q_DECLARE_TR_FUNCTIONS(mss::ui::AppointmentTypes)

public:
    // The length a session of this type is booked for unless someone says
    // otherwise: Initial Assessment 60, Individual 50, Group 90, Couples 60,
    // Family 60, Medication Management 30, Consultation 30, Other 50.
    static int usualDurationMinutes(domain::AppointmentType type);

    // The colour of the type on every calendar (a saturated accent; cards
    // are filled with a light tint of it).
    static QColor colour(domain::AppointmentType type);

    // Translated names for people (the wire names are English and fixed).
    static QString name(domain::AppointmentType type);
    static QString name(domain::AppointmentStatus status);
    static QString name(domain::Location location);
    static QString name(domain::ConfirmationStatus status);

    static constexpr int typeCount = 8;
    static constexpr int locationCount = 5;
};

} // namespace mss::ui
