#pragma once

#include "domain/Appointment.h"
#include "domain/ProviderAvailability.h"
#include "scheduling/Availability.h"

#include <QDate>
#include <QTimeZone>

#include <array>
#include <optional>
#include <span>
#include <vector>

namespace mss::scheduling {

// One provider's availability records prepared once for many checks: a
// recurring series checks up to 1,000 occurrences against the same records,
// and resolving them afresh for each (every record's dates converted in the
// zone, every block's wall-clock times converted twice) made such a series
// cost occurrences x records zone conversions.
//
// Here each record's effective and end dates become calendar dates once,
// weekly blocks are grouped by weekday, and a day's wall-clock times become
// instants through one UTC offset when no offset change is near that day
// (base/WallClock.h's conversion otherwise, so DST days follow the same
// policy). The answers are those of resolveAvailability and
// isWithinAvailability over the same records, which stay the definition
// (tests/unit/tst_availabilityindex holds the two equal).
class AvailabilityIndex {
public:
    AvailabilityIndex() = default;
    AvailabilityIndex(std::span<const domain::ProviderAvailability> records, const QTimeZone& zone);

    // resolveAvailability(records, first, last, zone, location).
    ResolvedAvailability resolve(QDate first, QDate last,
                                 std::optional<domain::Location> location = std::nullopt) const;

    // isWithinAvailability(appointment, records, zone).
    bool isWithinAvailability(const domain::Appointment& appointment) const;

private:
    // A record reduced to what a day needs; days as Julian day numbers.
    struct Block {
        int startMinute = 0;
        int endMinute = 0;
        qint64 firstDay = 0;
        qint64 lastDay = 0;
        bool isAvailable = true;
        domain::AvailabilityLocation location = domain::AvailabilityLocation::Office;
    };

    void addBlocksOfDay(QDate day, std::optional<domain::Location> location, QList<TimeRange>& open,
                        QList<TimeRange>& blocked) const;

    QTimeZone m_zone;
    std::array<std::vector<Block>, 7> m_weekly; // Monday first
    std::vector<Block> m_oneOff;
};

} // namespace mss::scheduling
