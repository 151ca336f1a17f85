#pragma once

#include <QByteArray>

#include <cstdint>
#include <optional>
#include <vector>

namespace mss::recurrence {

// A zone's UTC offsets as its TZif file (RFC 8536) gives them: the file's
// explicit transitions, then, after the last of them, the POSIX TZ string of
// the file's footer, applied year after year.
//
// What makes it hard: the explicit entries of a zone file end (at 2037 in
// "fat" files, much earlier in "slim" ones) and everything later lives only
// in the footer rule, e.g. "EST5EDT,M3.2.0,M11.1.0". POSIX writes offsets
// west-positive; the rule's dates come in three forms (Mm.w.d, Jn, n) and
// its times may be negative or past 24:00 (America/Santiago changes at
// "24:00", Greenland at "-1:00"); the start of DST is read on standard-time
// clocks and its end on daylight-time clocks; and south of the equator DST
// starts late in one year and ends early in the next.
class ZoneRules {
public:
    struct Change {
        std::int64_t atUtcMs;  // the first instant of the new offset
        std::int64_t offsetMs; // local minus UTC
    };

    // The rules of IANA zone `id`, read from the system's zone files
    // ($TZDIR, /usr/share/zoneinfo, ...). Nullopt when there is no such file
    // or it cannot be read (a caller falls back to QTimeZone).
    static std::optional<ZoneRules> load(const QByteArray& id);
    // The rules in TZif data (version 2 or later; a version 1 file has no
    // footer and is refused).
    static std::optional<ZoneRules> fromTzif(const QByteArray& data);

    std::int64_t offsetMsAt(std::int64_t utcMs) const;
    // The changes with fromUtcMs < atUtcMs < toUtcMs, in order, each to an
    // offset different from the one before it.
    std::vector<Change> changes(std::int64_t fromUtcMs, std::int64_t toUtcMs) const;

private:
    // The POSIX TZ string of the footer: a standard offset, and optionally
    // a daylight offset with the yearly dates and times it starts and ends.
    struct PosixRule {
        struct When {
            enum Kind { MonthWeekDay, Julian1, Julian0 } kind = MonthWeekDay;
            int month = 0, week = 0, weekday = 0; // Mm.w.d: weekday 0 is Sunday
            int day = 0;                          // Jn (1-365) or n (0-365)
            std::int64_t timeMs = 2 * 3'600'000;  // local, may be <0 or >24h
        };
        std::int64_t standardMs = 0; // UTC offsets, east-positive
        std::optional<std::int64_t> daylightMs;
        When start, end;
    };
    static std::optional<PosixRule> parsePosix(const QByteArray& text);
    // The rule's changes in one calendar year (two when it has DST).
    void ruleChangesOfYear(int year, std::vector<Change>& out) const;

    std::vector<Change> m_explicit; // ascending; repeats of an offset dropped
    std::int64_t m_initialOffsetMs = 0;
    std::optional<PosixRule> m_rule; // none: the last explicit offset holds
};

} // namespace mss::recurrence
