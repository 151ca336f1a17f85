#pragma once

#include "domain/Appointment.h"
#include "domain/ProviderAvailability.h"
#include "recurrence/ZoneTable.h"
#include "scheduling/Availability.h"

#include <QDate>
#include <QTimeZone>

#include <array>
#include <memory>
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
// weekly blocks are grouped by weekday, and wall-clock times become instants
// through the zone's table of offset changes (recurrence::ZoneTable, which
// series expansion uses: base/WallClock's DST policy, a binary search a
// conversion, where wallClockToUtc makes four QTimeZone readings of
// microseconds each, tens of microseconds past 2037). The answers are those
// of resolveAvailability and isWithinAvailability over the same records,
// which stay the definition (tests/unit/tst_availabilityindex holds the two
// equal, DST days included).
//
// The table is this thread's (ZoneTable::forZone): use an index on the
// thread that made it, as a request does.
class AvailabilityIndex {
public:
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

    // base/WallClock's localDate, through the table.
    QDate localDate(const QDateTime& instant) const;
    void addBlocksOfDay(QDate day, std::optional<domain::Location> location, QList<TimeRange>& open,
                        QList<TimeRange>& blocked) const;

    std::shared_ptr<recurrence::ZoneTable> m_table; // this thread's table of the zone
    std::array<std::vector<Block>, 7> m_weekly;     // Monday first
    std::vector<Block> m_oneOff;
};

} // namespace mss::scheduling
