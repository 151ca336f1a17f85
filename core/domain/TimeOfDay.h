#pragma once

#include <QString>

#include <optional>

namespace mss::domain {

// A wall-clock time of day as the wire writes it: "HH:MM", 24-hour, in the
// practice's time zone. Minute precision; "24:00" is accepted as the end of
// the day so that a block can run until midnight.
class TimeOfDay {
public:
    constexpr TimeOfDay() = default;
    static constexpr std::optional<TimeOfDay> fromMinutes(int minutes) {
        if (minutes < 0 || minutes > 24 * 60)
            return std::nullopt;
        TimeOfDay t;
        t.m_minutes = minutes;
        return t;
    }
    // Exactly two digits, a colon, two digits; hours 00-23 (or 24:00),
    // minutes 00-59.
    static std::optional<TimeOfDay> fromString(QStringView text);

    constexpr int minutes() const { return m_minutes; }
    constexpr int hour() const { return m_minutes / 60; }
    constexpr int minute() const { return m_minutes % 60; }
    QString toString() const;

    friend constexpr bool operator==(TimeOfDay, TimeOfDay) = default;
    friend constexpr auto operator<=>(TimeOfDay, TimeOfDay) = default;

private:
    int m_minutes = 0;
};

} // namespace mss::domain
