#pragma once

namespace mss::domain {

// The longest appointment a practice can book, in minutes. Twelve hours
// covers every session type including intensive outpatient days; anything
// longer is a data-entry error. It also bounds the conflict query: only
// appointments starting after (newStart - this) can overlap a new one
// (docs/scheduling.md).
inline constexpr int maxAppointmentMinutes = 12 * 60;

// The most occurrences one series may have: nineteen years of weekly
// sessions, or close to three years of daily ones. Longer is a mistake, and
// the bound keeps one request's work bounded.
inline constexpr int maxSeriesOccurrences = 1000;

} // namespace mss::domain
