#pragma once

// The golden table of calendar dates on the wire (docs/time.md, "Calendar
// dates"): for practices on both sides of UTC, the forms in which a client
// sends Thursday 6 May 2027, each of which must be read as that date. The
// instants are written by hand from the zones' offsets in May 2027; the
// tests check them against QTimeZone too.
#include <QDate>
#include <QString>

#include <vector>

namespace mss::test {

struct GoldenDate {
    const char* zone;
    const char* form; // what the row is: "date-only", "UTC midnight", ...
    const char* wire; // the field's value as sent
};

inline const QDate goldenDate(2027, 5, 6);

inline const std::vector<GoldenDate>& goldenDates() {
    static const std::vector<GoldenDate> rows = {
        // UTC-10: local midnight is 10:00Z; late evening is the next UTC day.
        {"Pacific/Honolulu", "date-only", "2027-05-06"},
        {"Pacific/Honolulu", "UTC midnight", "2027-05-06T00:00:00.000Z"},
        {"Pacific/Honolulu", "local midnight", "2027-05-06T10:00:00.000Z"},
        {"Pacific/Honolulu", "local 11:30", "2027-05-06T21:30:00.000Z"},
        {"Pacific/Honolulu", "local 23:30", "2027-05-07T09:30:00.000Z"},
        {"Pacific/Honolulu", "local 11:30 with offset", "2027-05-06T11:30:00-10:00"},
        // UTC-4 (EDT): the Thursday 11:30 is 15:30Z.
        {"America/New_York", "date-only", "2027-05-06"},
        {"America/New_York", "UTC midnight", "2027-05-06T00:00:00.000Z"},
        {"America/New_York", "local midnight", "2027-05-06T04:00:00.000Z"},
        {"America/New_York", "local 11:30", "2027-05-06T15:30:00.000Z"},
        {"America/New_York", "local 23:30", "2027-05-07T03:30:00.000Z"},
        {"America/New_York", "local 11:30 with offset", "2027-05-06T11:30:00-04:00"},
        // UTC+1 (BST): local midnight is the previous UTC day.
        {"Europe/London", "date-only", "2027-05-06"},
        {"Europe/London", "UTC midnight", "2027-05-06T00:00:00.000Z"},
        {"Europe/London", "local midnight", "2027-05-05T23:00:00.000Z"},
        {"Europe/London", "local 11:30", "2027-05-06T10:30:00.000Z"},
        {"Europe/London", "local 23:30", "2027-05-06T22:30:00.000Z"},
        {"Europe/London", "local 11:30 with offset", "2027-05-06T11:30:00+01:00"},
        // UTC+5:30.
        {"Asia/Kolkata", "date-only", "2027-05-06"},
        {"Asia/Kolkata", "UTC midnight", "2027-05-06T00:00:00.000Z"},
        {"Asia/Kolkata", "local midnight", "2027-05-05T18:30:00.000Z"},
        {"Asia/Kolkata", "local 11:30", "2027-05-06T06:00:00.000Z"},
        {"Asia/Kolkata", "local 23:30", "2027-05-06T18:00:00.000Z"},
        {"Asia/Kolkata", "local 11:30 with offset", "2027-05-06T11:30:00+05:30"},
        // UTC+12 (NZST): local mornings are the previous UTC day.
        {"Pacific/Auckland", "date-only", "2027-05-06"},
        {"Pacific/Auckland", "UTC midnight", "2027-05-06T00:00:00.000Z"},
        {"Pacific/Auckland", "local midnight", "2027-05-05T12:00:00.000Z"},
        {"Pacific/Auckland", "local 11:30", "2027-05-05T23:30:00.000Z"},
        {"Pacific/Auckland", "local 23:30", "2027-05-06T11:30:00.000Z"},
        {"Pacific/Auckland", "local 11:30 with offset", "2027-05-06T11:30:00+12:00"},
    };
    return rows;
}

inline QString goldenRowName(const GoldenDate& row) {
    return QString::fromLatin1(row.zone) + QStringLiteral(", ") + QString::fromLatin1(row.form);
}

} // namespace mss::test
