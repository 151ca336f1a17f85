#!/usr/bin/env python3
"""Expands an iCalendar feed (standard input) with Python's icalendar parser
and dateutil's RRULE engine, independently of libical and of the server, and
prints every instance as one line: "<UTC start> <UTC end> <STATUS>", sorted.

Rules are expanded on wall-clock times in the event's TZID zone and each
instance is then placed in that zone (zoneinfo), as RFC 5545 section 3.3.10
asks; overriding instances (RECURRENCE-ID) replace the ones they name."""
import datetime
import sys
import zoneinfo

from dateutil import rrule
from icalendar import Calendar


def wall_and_zone(prop):
    """The wall-clock time (naive) and zone of a DTSTART-like property."""
    value = prop.dt
    tzid = prop.params.get("TZID")
    if tzid:
        zone = zoneinfo.ZoneInfo(str(tzid))
        return value.replace(tzinfo=None), zone
    if value.tzinfo is not None:
        return value.astimezone(datetime.timezone.utc).replace(tzinfo=None), datetime.timezone.utc
    raise SystemExit("floating time in feed: %s" % value)


def utc(wall, zone):
    return wall.replace(tzinfo=zone).astimezone(datetime.timezone.utc)


def fmt(instant):
    return instant.strftime("%Y-%m-%dT%H:%M:%SZ")


def main():
    calendar = Calendar.from_ical(sys.stdin.buffer.read())
    masters, overrides = {}, []
    for event in calendar.walk("VEVENT"):
        if "RECURRENCE-ID" in event:
            overrides.append(event)
        else:
            masters.setdefault(str(event["UID"]), []).append(event)
    instances = {}  # (uid, original UTC start) -> (start, end, status)
    for uid, events in masters.items():
        if len(events) != 1:
            raise SystemExit("UID %s used by %d events" % (uid, len(events)))
        event = events[0]
        start_wall, zone = wall_and_zone(event["DTSTART"])
        end_wall, _ = wall_and_zone(event["DTEND"])
        length = end_wall - start_wall
        status = str(event.get("STATUS", "CONFIRMED"))
        if "RRULE" in event:
            parts, until = [], None
            for part in event["RRULE"].to_ical().decode().split(";"):
                if part.startswith("UNTIL="):
                    until = datetime.datetime.strptime(part[6:], "%Y%m%dT%H%M%SZ").replace(
                        tzinfo=datetime.timezone.utc)
                else:
                    parts.append(part)
            if until is None:
                raise SystemExit("RRULE of %s without UNTIL" % uid)
            excluded = set()
            exdates = event.get("EXDATE", [])
            if not isinstance(exdates, list):
                exdates = [exdates]
            for ex in exdates:
                for d in ex.dts:
                    excluded.add(d.dt.replace(tzinfo=None))
            # UNTIL is an instant; the rule runs on wall-clock times.
            for n, wall in enumerate(rrule.rrulestr(";".join(parts), dtstart=start_wall)):
                instant = utc(wall, zone)
                if instant > until or n > 5000:
                    break
                if wall not in excluded:
                    instances[(uid, instant)] = (instant, utc(wall + length, zone), status)
        else:
            instant = utc(start_wall, zone)
            instances[(uid, instant)] = (instant, utc(end_wall, zone), status)
    for event in overrides:
        uid = str(event["UID"])
        original_wall, zone = wall_and_zone(event["RECURRENCE-ID"])
        original = utc(original_wall, zone)
        if (uid, original) not in instances:
            raise SystemExit("RECURRENCE-ID %s of %s names no instance" % (fmt(original), uid))
        start_wall, zone = wall_and_zone(event["DTSTART"])
        end_wall, end_zone = wall_and_zone(event["DTEND"])
        instances[(uid, original)] = (utc(start_wall, zone), utc(end_wall, end_zone),
                                      str(event.get("STATUS", "CONFIRMED")))
    for start, end, status in sorted(instances.values()):
        print(fmt(start), fmt(end), status)


if __name__ == "__main__":
    main()
