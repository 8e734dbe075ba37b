"""Dates in the interface language (QLocale), so a Dutch window says "wo 15 feb", not "Wed".

Times stay 24-hour HH:mm everywhere: conference programmes are printed that way in both
languages.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date_text(day: dt.date | dt.datetime, pattern: str) -> str:
    """The date of `day` in the interface language's words, as `pattern` says."""
    moment = day.date() if isinstance(day, dt.datetime) else day
    return QLocale().toString(_qdate(moment), pattern)


def day_short(day: dt.date | dt.datetime) -> str:
    """ "Wed 15 Feb" / "wo 15 feb"."""
    return _date_text(day, "ddd d MMM")


def day_long(day: dt.date | dt.datetime) -> str:
    """ "Wednesday 15 February" / "woensdag 15 februari"."""
    return _date_text(day, "dddd d MMMM")


def day_month(day: dt.date | dt.datetime) -> str:
    """ "16 February" / "16 februari"."""
    return _date_text(day, "d MMMM")


def date_long(day: dt.date | dt.datetime) -> str:
    """ "15 February 2017" / "15 februari 2017"."""
    return _date_text(day, "d MMMM yyyy")


def day_time(moment: dt.datetime) -> str:
    """ "Wed 15 Feb 10:45"."""
    return f"{day_short(moment)} {moment:%H:%M}"


def full_time(moment: dt.datetime) -> str:
    """ "Wednesday 15 February 2017, 10:45"."""
    return f"{day_long(moment)} {moment.year}, {moment:%H:%M}"
