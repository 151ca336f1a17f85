#pragma once

#include "domain/Appointment.h"
#include "scheduling/Conflicts.h"

#include <QList>
#include <QString>

#include <functional>

namespace mss::ui {

// The booking rules' answer (scheduling::BookingCheck), as the dialogs ask
// for it.
using scheduling::BookingCheck;
using BookingChecker = std::function<BookingCheck(const domain::Appointment&)>;
using ConflictDescriber = std::function<QString(const scheduling::Conflict&)>;

} // namespace mss::ui
