#pragma once

#include "ui/AppointmentSearchField.h"

namespace mss::ui {
class CalendarModel;
}

namespace mss::desktop {

class DeskSession;

// The toolbar's search by client name, on the cache (so offline too): what
// the signed-in member may see of it (minimum necessary: a clinician finds
// their own clients' appointments only), named as the calendar names them.
// Upcoming appointments come first, soonest first, then past ones, latest
// first: a desk looks for the next visit more often than for the last.
QList<ui::AppointmentSearchHit>
findByClientName(DeskSession& session, const ui::CalendarModel& model, const QString& typed);

} // namespace mss::desktop
