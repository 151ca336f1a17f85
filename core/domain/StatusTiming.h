#pragma once

#include "domain/Appointment.h"

#include <QDateTime>

namespace mss::domain {

// When a change of status makes sense in time, as a front desk works: an
// appointment is confirmed before it starts (a confirmation afterwards
// says nothing), and completed or marked a no-show once it has started (a
// session that has not begun has neither happened nor been missed).
enum class StatusChange { Confirm, Complete, NoShow };

bool isTimely(StatusChange change, const Appointment& appointment, const QDateTime& now);

} // namespace mss::domain
