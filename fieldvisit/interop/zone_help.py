"""Help when a schedule names no time zone: the IANA zones that fit every UTC offset in it.

A schedule's times may carry offsets (+01:00) without naming a zone; the offsets cannot
say which zone, but they rule most out. Every zone zoneinfo knows is tried against every
offset at its own date (so summer and winter time both have to fit), and the ones left
are listed, the most used first.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from zoneinfo import ZoneInfo, available_timezones

from fieldvisit.domain.limits import date_in_range

Sample = tuple[dt.datetime, dt.timedelta]  # a UTC instant and the offset the file gave it

# Zones most schedules come from, most likely first; the rest follow alphabetically.
PREFERRED = (
    "Europe/Berlin", "Europe/Amsterdam", "Europe/Paris", "Europe/Brussels", "Europe/London",
    "Europe/Madrid", "Europe/Rome", "Europe/Vienna", "Europe/Zurich", "Europe/Stockholm",
    "Europe/Copenhagen", "Europe/Oslo", "Europe/Prague", "Europe/Warsaw", "Europe/Budapest",
    "Europe/Dublin", "Europe/Lisbon", "Europe/Helsinki", "Europe/Athens", "Europe/Bucharest",
    "Europe/Kyiv", "Europe/Istanbul", "Europe/Moscow",
    "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
    "America/Phoenix", "America/Toronto", "America/Vancouver", "America/Mexico_City",
    "America/Sao_Paulo", "America/Argentina/Buenos_Aires", "America/Bogota", "America/Lima",
    "America/Santiago", "America/Halifax", "America/St_Johns", "America/Anchorage",
    "Asia/Tokyo", "Asia/Seoul", "Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei",
    "Asia/Singapore", "Asia/Kolkata", "Asia/Dubai", "Asia/Jakarta", "Asia/Bangkok",
    "Asia/Manila", "Asia/Karachi", "Asia/Dhaka", "Asia/Tashkent", "Asia/Almaty",
    "Asia/Bishkek", "Asia/Tehran", "Asia/Jerusalem", "Asia/Riyadh",
    "Africa/Cairo", "Africa/Johannesburg", "Africa/Lagos", "Africa/Nairobi",
    "Africa/Casablanca", "Australia/Sydney", "Australia/Melbourne", "Australia/Brisbane",
    "Australia/Adelaide", "Australia/Perth", "Pacific/Auckland", "Pacific/Honolulu",
    "Atlantic/Reykjavik", "UTC",
)  # fmt: skip
_AREAS = (
    "Africa/", "America/", "Antarctica/", "Asia/", "Atlantic/", "Australia/", "Europe/",
    "Indian/", "Pacific/",
)  # fmt: skip
SHOWN = 8


@functools.cache
def _candidates() -> tuple[ZoneInfo, ...]:
    """Geographic zones (and UTC), without the legacy aliases (US/Eastern, EST5EDT...)."""
    names = {n for n in available_timezones() if n.startswith(_AREAS) or n == "UTC"}
    rank = {name: i for i, name in enumerate(PREFERRED)}
    ordered = sorted(names, key=lambda n: (rank.get(n, len(rank)), n))
    return tuple(ZoneInfo(n) for n in ordered)


def sample(moment: dt.datetime) -> Sample | None:
    """The (UTC instant, offset) of an aware time; None for a naive one, and for one outside
    1970-2100 (year 9999 overflows in the conversion; the reader refuses it anyway)."""
    offset = moment.utcoffset()
    if offset is None or not date_in_range(moment):
        return None
    return moment.astimezone(dt.UTC).replace(tzinfo=None), offset


def matching_zones(samples: Iterable[Sample]) -> list[str]:
    """The zones whose offset at every sampled instant is the offset the file gave."""
    # One instant per hour and offset is enough: zones change offset on the hour.
    distinct = sorted({(t.replace(minute=0, second=0, microsecond=0), o) for t, o in samples})
    utc = [(t.replace(tzinfo=dt.UTC), o) for t, o in distinct]
    return [z.key for z in _candidates() if all(z.utcoffset(t) == o for t, o in utc)]


def _offset_text(offset: dt.timedelta) -> str:
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _months(instants: list[dt.datetime]) -> str:
    first, last = min(instants), max(instants)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first:%B %Y}"
    if first.year == last.year:
        return f"{first:%B}-{last:%B %Y}"
    return f"{first:%B %Y}-{last:%B %Y}"


def describe(samples: list[Sample]) -> str:
    """ "+01:00 in December 2020", or "+02:00 in March-October 2026 and +01:00 in ..." """
    by_offset: dict[dt.timedelta, list[dt.datetime]] = {}
    for moment, offset in samples:
        by_offset.setdefault(offset, []).append(moment + offset)
    parts = [
        f"{_offset_text(o)} in {_months(m)}"
        for o, m in sorted(by_offset.items(), key=lambda item: min(item[1]))
    ]
    return " and ".join(parts)


def no_zone_help(samples: list[Sample], *, naive: int = 0, what: str = "times") -> str:
    """The sentence that follows "the schedule names no time zone": what its times say."""
    if not samples:
        return (
            f"its {what} carry no UTC offset either, so only you know the zone: pass "
            "--timezone with an IANA name (like Europe/Brussels)"
        )
    zones = matching_zones(samples)
    said = describe(samples)
    if naive:
        said += f" ({naive} without an offset)"
    if not zones:
        return f"{what} carry {said}, which no IANA zone has at those dates (pass --timezone)"
    shown = ", ".join(zones[:SHOWN])
    more = f" ... ({len(zones) - SHOWN} more)" if len(zones) > SHOWN else ""
    return f"{what} carry {said}: {shown}{more} (pass --timezone)"


_OFFSET = re.compile(r"^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$", re.IGNORECASE)


def parse_offset(text: str) -> dt.timedelta | None:
    """ "+02:00", "+0200", "UTC+2", "GMT-05:30" as an offset; None for anything else."""
    found = _OFFSET.match(text.strip())
    if not found:
        return None
    sign, hours, minutes = found.groups()
    if int(hours) > 14 or int(minutes or 0) >= 60:
        return None
    value = dt.timedelta(hours=int(hours), minutes=int(minutes or 0))
    return -value if sign == "-" else value


def offset_given_help(text: str, offset: dt.timedelta, days: Iterable[dt.date]) -> str:
    """For a zone given as an offset: which zones have that offset on the event's days."""
    samples = [
        (dt.datetime.combine(day, dt.time(12)) - offset, offset) for day in sorted(set(days))
    ]
    zones = matching_zones(samples)
    found = ", ".join(zones[:SHOWN]) + (
        f" ... ({len(zones) - SHOWN} more)" if len(zones) > SHOWN else ""
    )
    return (
        f"{text.strip()!r} is a UTC offset, not a time zone (summer time would be lost); "
        f"zones at {describe(samples)}: {found or 'none'}: give an IANA name"
    )


def all_utc_help(count: int) -> str:
    """For a calendar whose every time is UTC ("...Z"): right instants, no local zone."""
    return (
        f"all {count} times are given in UTC (ending in Z), so they fix the moments but "
        "not the local clock: pass --timezone with the venue's IANA zone (like Europe/Brussels)"
    )
