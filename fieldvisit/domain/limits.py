"""The ranges every file this app reads must keep: packs, returns and imported schedules.

Outside them Python's own limits turn into tracebacks (int-string conversion, date
arithmetic overflowing in a zone conversion, lone surrogates failing to encode to UTF-8 in
SQLite), so readers refuse such values with a line naming the file and field.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

MIN_YEAR = 1970
MAX_YEAR = 2100
YEAR_RANGE = f"{MIN_YEAR}-{MAX_YEAR}"

# Integers fit in 64 bits (SQLite's INTEGER); 19 digits is always enough for that.
MAX_INT = 2**63 - 1
MIN_INT = -(2**63)
_MAX_INT_DIGITS = 19

_SURROGATE = re.compile("[\ud800-\udfff]")
# A JSON escape that may decode to a surrogate (a pair is fine; a lone one is not).
SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def year_in_range(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


def date_in_range(value: dt.date) -> bool:
    """True when `value` (a date, or a datetime on its own clock) lies in 1970-2100."""
    return MIN_YEAR <= value.year <= MAX_YEAR


def int_in_range(value: int) -> bool:
    return MIN_INT <= value <= MAX_INT


def has_surrogate(text: str) -> bool:
    """True when `text` holds a lone surrogate (it cannot be written as UTF-8)."""
    return not text.isascii() and _SURROGATE.search(text) is not None


class OutOfRangeInt:
    """Stands for a JSON integer too long for 64 bits, so the reader can say where it was."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return f"<integer of {len(self.text.lstrip('-'))} digits>"


def json_int_hook(flag: list[bool]) -> Callable[[str], int | OutOfRangeInt]:
    """A json `parse_int` that never converts past 64 bits; sets flag[0] when it refused one.

    Python refuses to convert more than 4300 digits (ValueError deep in json); this stops
    at 19 digits, cheaply, and leaves a marker that `find_odd_value` locates.
    """

    def parse_int(text: str) -> int | OutOfRangeInt:
        if len(text) < _MAX_INT_DIGITS:
            return int(text)
        if len(text.lstrip("-")) <= _MAX_INT_DIGITS:
            value = int(text)
            if int_in_range(value):
                return value
        flag[0] = True
        return OutOfRangeInt(text)

    return parse_int


def find_odd_value(data: object, where: str = "$") -> tuple[str, str] | None:
    """(JSON path, problem) of the first lone surrogate or out-of-range integer in `data`."""
    if isinstance(data, str):
        if has_surrogate(data):
            return where, "contains a lone surrogate (not valid Unicode text)"
    elif isinstance(data, OutOfRangeInt):
        return where, f"integer too large ({len(data.text)} digits; at most 64 bits)"
    elif isinstance(data, int) and not isinstance(data, bool):
        if not int_in_range(data):
            return where, "integer too large (at most 64 bits)"
    elif isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str) and has_surrogate(key):
                return where, "a key contains a lone surrogate (not valid Unicode text)"
            found = find_odd_value(value, f"{where}.{key}")
            if found is not None:
                return found
    elif isinstance(data, list):
        for index, item in enumerate(data):
            found = find_odd_value(item, f"{where}[{index}]")
            if found is not None:
                return found
    return None
