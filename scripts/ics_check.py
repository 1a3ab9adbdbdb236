#!/usr/bin/env python3
"""Checks a calendar file (.ics) the widget made, with an independent parser (icalendar).

    python3 scripts/ics_check.py FILE.ics

Prints what a calendar application would read, as JSON on stdout:

    {"events": [{"summary": ..., "start": "YYYY-MM-DD", "end": "YYYY-MM-DD" (exclusive, as in
      the file; null without DTEND), "all_day": true, "description": ... ("" without one)}, ...],
     "name": X-WR-CALNAME (null without one)}

Exits 2 with a message on stderr when the file does not parse at all, and 1 (after printing the
JSON) when it parses but breaks a rule the widget's files keep: RFC 5545 line form (CRLF line
ends, at most 75 octets a line, UTF-8), a property the parser could not read, a VEVENT without
UID, DTSTAMP or DTSTART, or a DTSTART/DTEND with a time (every entry must be all-day).
Needs the Python package icalendar (scripts/setup.sh installs it).
"""

import datetime
import json
import re
import sys

try:
    from icalendar import Calendar
except ImportError:
    sys.exit("ics_check: the Python package icalendar is missing (run scripts/setup.sh)")


def unescape(text):
    """A TEXT value as written (X-WR-CALNAME is read raw by icalendar)."""
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)


def line_form(data):
    """RFC 5545 section 3.1: CRLF line ends and lines of at most 75 octets."""
    problems = []
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        problems.append(f"not UTF-8: {e}")
    if data and not data.endswith(b"\r\n"):
        problems.append("the last line does not end with CRLF")
    for number, line in enumerate(data.split(b"\r\n"), 1):
        if b"\n" in line or b"\r" in line:
            problems.append(f"line {number}: a bare LF or CR")
        if len(line) > 75:
            problems.append(f"line {number}: {len(line)} octets (at most 75)")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"line {number}: folded inside a UTF-8 character")
    return problems


def written(value):
    """A date as YYYY-MM-DD (a date-time in ISO form, anything unreadable as read; None as is)."""
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def main(argv):
    if len(argv) != 2:
        sys.exit("usage: ics_check.py FILE.ics")
    path = argv[1]
    try:
        with open(path, "rb") as f:
            data = f.read()
        cal = Calendar.from_ical(data)
    except Exception as e:  # noqa: BLE001 - any failure to read or parse is the answer
        print(f"ics_check: {path} does not parse: {e}", file=sys.stderr)
        return 2
    if cal.name != "VCALENDAR":
        print(f"ics_check: {path} holds a {cal.name}, not a VCALENDAR", file=sys.stderr)
        return 2

    problems = line_form(data)
    for component in cal.walk():
        for prop, message in component.errors:
            problems.append(f"{component.name} {prop}: {message}")

    events = []
    for n, ev in enumerate(cal.walk("VEVENT"), 1):
        for prop in ("UID", "DTSTAMP", "DTSTART"):
            if prop not in ev:
                problems.append(f"event {n}: no {prop}")
        dates = {}
        for prop in ("DTSTART", "DTEND"):
            value = ev.decoded(prop) if prop in ev else None
            if isinstance(value, datetime.datetime):
                problems.append(f"event {n}: {prop} has a time ({value.isoformat()}), not all-day")
            elif value is not None and not isinstance(value, datetime.date):
                problems.append(f"event {n}: {prop} is not a date ({value!r})")
            dates[prop] = value
        start, end = dates["DTSTART"], dates["DTEND"]
        events.append(
            {
                "summary": str(ev.get("SUMMARY", "")),
                "start": written(start),
                "end": written(end),
                "all_day": type(start) is datetime.date,
                "description": str(ev.get("DESCRIPTION", "")),
            }
        )

    name = cal.get("X-WR-CALNAME")
    name = unescape(str(name)) if name is not None else None
    print(json.dumps({"events": events, "name": name}))
    if problems:
        for p in problems:
            print(f"ics_check: {path}: {p}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
