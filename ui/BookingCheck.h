#pragma once

#include "domain/Appointment.h"
#include "scheduling/Conflicts.h"

#include <QList>
#include <QString>

#include <functional>

namespace mss::ui {

// What the booking rules say about a proposed appointment: the
// appointments it collides with, and whether it lies outside its
// provider's availability (a warning, or a refusal in strict mode). The
// action layer's check() answers exactly this.
struct BookingCheck {
    QList<scheduling::Conflict> conflicts;
    bool outsideAvailability = false;
};
using BookingChecker = std::function<BookingCheck(const domain::Appointment&)>;
using ConflictDescriber = std::function<QString(const scheduling::Conflict&)>;

} // namespace mss::ui
