"""Which reminders are due, by the event's clock, whatever the laptop's zone."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from fieldvisit.paths import resolve
from fieldvisit.services import agenda
from fieldvisit.services.importing import ensure_sample
from fieldvisit.services.reminders import ReminderChoice, due_now, next_due, reminders_for
from fieldvisit.services.store import Store

AMS = ZoneInfo("Europe/Amsterdam")


@pytest.fixture(params=["UTC", "America/New_York", "Asia/Almaty"])
def laptop_zone(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = Store.open(resolve(data_dir))
    ensure_sample(opened)
    yield opened
    opened.close()


def event_id(store: Store) -> str:
    from fieldvisit.services.programme import event_choices

    return event_choices(store)[0].id


def test_due_by_the_event_clock(store: Store, laptop_zone: str) -> None:
    eid = event_id(store)
    agenda.pick(store, eid, "d1-wg-risk")
    found = reminders_for(store, eid, ReminderChoice(minutes=10))
    assert [(r.kind, r.uid) for r in found] == [("session", "d1-wg-risk")]
    (risk,) = found
    assert risk.due == dt.datetime(2017, 2, 15, 10, 20, tzinfo=AMS)
    shown: set[str] = set()
    assert due_now(found, dt.datetime(2017, 2, 15, 10, 19, tzinfo=AMS), shown) == []
    assert due_now(found, dt.datetime(2017, 2, 15, 9, 20, tzinfo=dt.UTC), shown) == [risk]
    assert due_now(found, dt.datetime(2017, 2, 15, 10, 30, tzinfo=AMS), shown) == []  # started
    shown.add(risk.key)
    assert due_now(found, dt.datetime(2017, 2, 15, 10, 25, tzinfo=AMS), shown) == []
    assert next_due(found, dt.datetime(2017, 2, 15, 8, 0, tzinfo=AMS)) == risk.due


def test_stops_only_when_asked_and_nothing_when_off(store: Store) -> None:
    eid = event_id(store)
    agenda.pick(store, eid, "d1-wg-risk")
    with_stops = reminders_for(store, eid, ReminderChoice(stops=True, minutes=5))
    stops = [r for r in with_stops if r.kind == "stop"]
    assert stops and all(r.start - r.due == dt.timedelta(minutes=5) for r in stops)
    assert reminders_for(store, eid, ReminderChoice(sessions=False, stops=False)) == []
    assert [r.kind for r in reminders_for(store, eid, ReminderChoice())] == ["session"]
