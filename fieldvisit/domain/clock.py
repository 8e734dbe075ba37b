"""Two clocks: the event's zone and a second one (this computer's, or one the user names).

The laptop's zone comes from the system through tzlocal (the `TZ` variable first, then
/etc/localtime or the Windows registry); Python's own `datetime.now().astimezone()` only
gives an offset and an abbreviation, never the IANA name, which is why the second clock
once showed nothing. Event times are shown in the event's zone, and beside them in the
second zone when the two differ at that moment. Moments of the delegate's own (a note
saved, a revision, an answer) are shown in one display zone, named wherever it could be
taken for the other clock.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

LAPTOP = "laptop"  # the setting's value for "this computer's zone"

_cache: tuple[tuple[str | None, str], dt.tzinfo] | None = None


def laptop_zone() -> dt.tzinfo:
    """This computer's time zone: an IANA ZoneInfo when the system names one (TZ honoured),
    else a fixed offset read from the C library (never None)."""
    global _cache
    key = (os.environ.get("TZ"), time.tzname[0])
    if _cache is not None and _cache[0] == key:
        return _cache[1]
    zone: dt.tzinfo
    try:
        import tzlocal

        zone = tzlocal.get_localzone() if _cache is None else tzlocal.reload_localzone()
        name = getattr(zone, "key", None)
        if isinstance(name, str):
            zone = ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, LookupError, OSError):
        offset = dt.datetime.now().astimezone().utcoffset() or dt.timedelta(0)
        zone = dt.timezone(offset)
    _cache = (key, zone)
    return zone


def zone_name(zone: dt.tzinfo) -> str:
    """The IANA name of a zone ("Asia/Almaty"), or its offset ("UTC+05:00")."""
    key = getattr(zone, "key", None)
    if isinstance(key, str):
        return key
    offset = zone.utcoffset(None) or dt.timedelta(0)
    return dt.timezone(offset).tzname(None) or "UTC"


def zone_label(zone: dt.tzinfo) -> str:
    """A short name for a zone as people say it: "Almaty", "New York", "UTC"."""
    name = zone_name(zone)
    if name in ("UTC", "Etc/UTC", "Etc/Universal", "Universal", "Zulu", "Etc/Zulu"):
        return "UTC"
    return name.rsplit("/", 1)[-1].replace("_", " ")


def resolve_zone(choice: str) -> dt.tzinfo | None:
    """The second clock a setting names: "" (none), "laptop" or an IANA name."""
    if not choice:
        return None
    if choice == LAPTOP:
        return laptop_zone()
    try:
        return ZoneInfo(choice)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def zone_choices() -> list[str]:
    """Every IANA zone name the app knows, sorted (for the Settings choice)."""
    return sorted(z for z in available_timezones() if "/" in z and not z.startswith("Etc/"))


def same_offset(a: dt.tzinfo, b: dt.tzinfo, at: dt.datetime) -> bool:
    return at.astimezone(a).utcoffset() == at.astimezone(b).utcoffset()


@dataclass(frozen=True, slots=True)
class Clocks:
    """The event's zone, the chosen second clock (None: off), and the laptop's zone."""

    event: dt.tzinfo
    second: dt.tzinfo | None = None
    laptop: dt.tzinfo | None = None

    def second_at(self, at: dt.datetime) -> dt.tzinfo | None:
        """The second clock when it reads differently from the event's at `at`, else None."""
        if self.second is None or same_offset(self.second, self.event, at):
            return None
        return self.second

    @property
    def display(self) -> dt.tzinfo:
        """Where the delegate's own moments are shown: the second clock if chosen, else the
        event's."""
        return self.second if self.second is not None else self.event

    def hm(self, at: dt.datetime) -> str:
        return at.astimezone(self.event).strftime("%H:%M")

    def span(self, start: dt.datetime, end: dt.datetime) -> str:
        """ "09:00-09:30"; with the second clock "09:00-09:30 (15:00-15:30 Almaty)"."""
        dash = "\N{EN DASH}"
        text = f"{self.hm(start)}{dash}{self.hm(end)}"
        second = self.second_at(start)
        if second is None:
            return text
        a, b = start.astimezone(second), end.astimezone(second)
        return f"{text} ({a:%H:%M}{dash}{b:%H:%M} {zone_label(second)})"

    def moment(self, at: dt.datetime) -> str:
        """A moment of the delegate's own (saved, revised): "16:55", named "20:55 (Almaty)"
        wherever it could be taken for the other clock."""
        return at.astimezone(self.display).strftime("%H:%M") + self.name_suffix(at)

    def name_suffix(self, at: dt.datetime) -> str:
        """ " (Almaty)" after a moment shown in the display zone, where a reader could take
        it for another clock; else ""."""
        return f" ({zone_label(self.display)})" if self.needs_name(at) else ""

    def needs_name(self, at: dt.datetime) -> bool:
        """Whether a moment in the display zone could be confused with another clock on
        screen or on the wall: the event's, or this computer's."""
        zone = self.display
        others = [self.event, self.laptop or laptop_zone()]
        return any(not same_offset(zone, other, at) for other in others)
