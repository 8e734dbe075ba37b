"""Cell values of an organiser's workbook as typed values, with errors naming the cell.

People type dates, times and yes/no in many ways and spreadsheet programs store them in
more: this module accepts the common ones and refuses the rest with a clear message.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from openpyxl.utils import get_column_letter

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.interop.common import MAX_LINE_CHARS, check_text, web_url

_TRUE = frozenset({"yes", "y", "true", "1", "x", "ja", "j", "oui", "ja/yes"})
_FALSE = frozenset({"no", "n", "false", "0", "nee", "non", "nein", ""})
_DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y/%m/%d")
_EXCEL_EPOCH = dt.date(1899, 12, 30)


def normalise_header(value: object) -> str:
    text = str(value or "").strip().rstrip("*").strip()
    return " ".join(text.casefold().split())


def normalise_choice(value: str) -> str:
    return "_".join(value.casefold().replace("-", " ").split())


@dataclass(slots=True)
class Cell:
    """One cell's raw value and where it is: "Sessions!C7"."""

    path: Path
    ref: str
    value: object

    def error(self, problem: str) -> InvalidInputError:
        return InvalidInputError(problem, path=self.path, field=self.ref)

    def text(self) -> str:
        value = self.value
        if value is None:
            return ""
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # a phone number or id typed into a number cell
        if isinstance(value, dt.datetime | dt.date | dt.time):
            value = value.isoformat()
        return check_text(str(value).strip(), self.path, self.ref)

    def line(self, limit: int = MAX_LINE_CHARS) -> str:
        """Text of one line's worth (titles, names, rooms)."""
        text = self.text()
        if len(text) > limit:
            raise self.error(f"{len(text):,} characters: at most {limit:,} here")
        return text

    def url(self) -> str:
        text = self.text()
        if text and not web_url(text):
            raise self.error(f"{text!r} is not a web address starting with https://")
        return text

    def items(self) -> tuple[str, ...]:
        """A ;-separated list (new lines count as separators too), without empty items."""
        raw = self.text().replace("\n", ";")
        found = tuple(dict.fromkeys(item.strip() for item in raw.split(";") if item.strip()))
        if len(found) > 200 or any(len(item) > MAX_LINE_CHARS for item in found):
            raise self.error("too many or too long items (at most 200 of 1,000 characters)")
        return found

    def date(self) -> dt.date | None:
        value = self.value
        if value is None or value == "":
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, int | float) and not isinstance(value, bool):
            if 1 <= value < 2_958_466:  # an unformatted date cell: Excel's day number
                return _EXCEL_EPOCH + dt.timedelta(days=int(value))
        text = self.text()
        for fmt in _DATE_FORMATS:
            try:
                return dt.datetime.strptime(text, fmt).date()
            except ValueError:
                continue
        raise self.error(f"{text!r} is not a date: use YYYY-MM-DD")

    def time(self) -> dt.time | None:
        value = self.value
        if value is None or value == "":
            return None
        if isinstance(value, dt.time):
            return value.replace(microsecond=0)
        if isinstance(value, dt.datetime):
            return value.time().replace(microsecond=0)
        if isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value < 1:
            seconds = round(value * 86400)  # an unformatted time cell: a fraction of a day
            return dt.time(seconds // 3600, seconds // 60 % 60, seconds % 60)
        text = self.text().replace(".", ":").replace("h", ":")
        parts = text.split(":")
        try:
            if len(parts) not in (2, 3) or not all(p.strip().isdigit() for p in parts):
                raise ValueError(text)
            numbers = [int(p) for p in parts] + [0]
            return dt.time(numbers[0], numbers[1], numbers[2])
        except (ValueError, TypeError) as exc:
            raise self.error(f"{self.text()!r} is not a time: use HH:MM (24 hours)") from exc

    def integer(self, default: int | None = None) -> int | None:
        value = self.value
        if value is None or value == "":
            return default
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        text = self.text()
        if text.lstrip("-").isdigit():
            return int(text)
        raise self.error(f"{text!r} is not a whole number")

    def number(self) -> float | None:
        value = self.value
        if value is None or value == "":
            return None
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        text = self.text().replace(",", ".")
        try:
            return float(text)
        except ValueError as exc:
            raise self.error(f"{text!r} is not a number") from exc

    def degrees(self, limit: float) -> float | None:
        found = self.number()
        if found is not None and not -limit <= found <= limit:
            raise self.error(f"{found} is out of range (-{limit:g} to {limit:g} degrees)")
        return found

    def flag(self) -> bool:
        word = self.text().casefold()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
        raise self.error(f"{self.text()!r}: answer yes or no")

    def choice(self, choices: tuple[str, ...]) -> str:
        wanted = normalise_choice(self.text())
        for option in choices:
            if wanted in (option, option.replace("_", "")):
                return option
        # "inspiration" for inspiration_session, "single" for single_choice
        matches = [c for c in choices if c.startswith(wanted)] if wanted else []
        if len(matches) == 1:
            return matches[0]
        raise self.error(f"{self.text()!r} is not one of: {', '.join(choices)}")


def cell_ref(sheet: str, column: int, row: int) -> str:
    return f"{sheet}!{get_column_letter(column)}{row}"
