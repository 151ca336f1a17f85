#pragma once

#include <QFlags>

namespace mss::ui {

// What the signed-in user may do on the calendars. Actions a role may not
// take are absent from the views (no menu entry, no drag, no shortcut),
// not merely refused afterwards.
enum class CalendarAction : int {
    Book = 0x01,
    Move = 0x02,
    Resize = 0x04,
    Edit = 0x08,
    Cancel = 0x10,
    Complete = 0x20,
    NoShow = 0x40,
    Confirm = 0x80,
};
Q_DECLARE_FLAGS(CalendarActions, CalendarAction)
Q_DECLARE_OPERATORS_FOR_FLAGS(CalendarActions)

inline constexpr CalendarActions allCalendarActions = CalendarActions(0xff);

} // namespace mss::ui
