"""Session lengths are measured in real time, not wall-clock time, across a DST change."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.domain.model import Event, PackContent, Session, SessionKind
from fieldvisit.packs.checks import check_content

AMS = ZoneInfo("Europe/Amsterdam")


def content(start: dt.datetime, end: dt.datetime) -> PackContent:
    event = Event(
        id="night",
        title="Night shift briefing",
        timezone="Europe/Amsterdam",
        start_date=dt.date(2017, 10, 28),
        end_date=dt.date(2017, 10, 29),
    )
    return PackContent(
        event=event, sessions=(Session("s", "Briefing", SessionKind.TALK, start, end),)
    )


def test_session_across_the_autumn_clock_change_is_accepted() -> None:
    # 02:30 CEST, then the clocks go back: 02:15 CET is 45 minutes later, not earlier.
    start = dt.datetime(2017, 10, 29, 2, 30, tzinfo=AMS, fold=0)
    end = dt.datetime(2017, 10, 29, 2, 15, tzinfo=AMS, fold=1)
    check_content(content(start, end), source="night.fvpack")


def test_session_that_really_ends_before_it_starts_is_refused() -> None:
    start = dt.datetime(2017, 10, 29, 2, 15, tzinfo=AMS, fold=1)
    end = dt.datetime(2017, 10, 29, 2, 30, tzinfo=AMS, fold=0)
    with pytest.raises(InvalidInputError, match=r"night\.fvpack.*ends before it starts"):
        check_content(content(start, end), source="night.fvpack")
