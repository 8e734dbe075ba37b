"""The pure change-list rules: what a delegate is told when a pack is updated."""

from __future__ import annotations

import dataclasses
from zoneinfo import ZoneInfo

from import_factory import at, hague, replace_session

from fieldvisit.domain.changes import ChangeCounts, ChangeKind, FieldChange, diff_content
from fieldvisit.domain.model import Session, SessionKind


def test_first_install_has_no_change_list() -> None:
    assert diff_content(None, hague()) == []


def test_identical_content_has_no_changes() -> None:
    assert diff_content(hague(), hague()) == []


def test_moved_session_reports_old_and_new_local_times() -> None:
    new = replace_session(hague(), "wg1", start=at(15, 11), end=at(15, 12, 30), room="Room 2")
    [change] = diff_content(hague(), new)
    assert change.change is ChangeKind.CHANGED
    assert (change.target_kind, change.target_uid) == ("session", "wg1")
    assert change.fields == (
        FieldChange("start", "2017-02-15 10:30", "2017-02-15 11:00"),
        FieldChange("end", "2017-02-15 12:00", "2017-02-15 12:30"),
        FieldChange("room", "Room 1", "Room 2"),
    )


def test_same_instant_in_another_zone_is_not_a_change() -> None:
    utc = ZoneInfo("UTC")
    old = hague()
    moved = replace_session(old, "open", start=at(15, 9).astimezone(utc))
    assert diff_content(old, moved) == []


def test_speakers_are_named_not_listed_by_id() -> None:
    new = replace_session(hague(), "wg1", speaker_ids=("anna", "ben"))
    [change] = diff_content(hague(), new)
    assert change.fields == (
        FieldChange("speaker_ids", "Anna Example", "Anna Example, Ben Example"),
    )


def test_new_and_cancelled_sessions_in_time_order() -> None:
    old = hague()
    extra = Session("late", "Closing", SessionKind.PLENARY, at(16, 14), at(16, 15))
    early = Session("early", "Coffee", SessionKind.BREAK, at(15, 8), at(15, 9))
    sessions = (early, *(s for s in old.sessions if s.id != "wg1"), extra)
    changes = diff_content(old, dataclasses.replace(old, sessions=sessions))
    assert [(c.target_uid, c.change) for c in changes] == [
        ("early", ChangeKind.NEW),
        ("wg1", ChangeKind.CANCELLED),
        ("late", ChangeKind.NEW),
    ]
    assert changes[1].title == "Working group: families"
    assert ChangeCounts.of(changes) == ChangeCounts(new=2, changed=0, cancelled=1)


def _with_stops(order: tuple[str, ...], **edits: dict[str, object]) -> object:
    old = hague()
    [walk] = old.itineraries
    by_id = {s.id: s for s in walk.stops}
    stops = tuple(dataclasses.replace(by_id[uid], **edits.get(uid, {})) for uid in order)  # type: ignore[arg-type]
    return dataclasses.replace(old, itineraries=(dataclasses.replace(walk, stops=stops),))


def test_stop_changes_cancellation_and_order() -> None:
    old = hague()
    new = _with_stops(("s2", "s1"), s1={"planned_start": at(16, 9, 30), "host_id": None})
    changes = diff_content(old, new)  # type: ignore[arg-type]
    summary = {(c.target_uid, c.change): c.fields for c in changes}
    assert summary[("s1", ChangeKind.CHANGED)] == (
        FieldChange("planned_start", "2017-02-16 09:00", "2017-02-16 09:30"),
        FieldChange("host_id", "Ben Example", ""),
        FieldChange("order", "1", "2"),
    )
    assert summary[("s2", ChangeKind.CHANGED)] == (FieldChange("order", "2", "1"),)
    assert ("s3", ChangeKind.CANCELLED) in summary
    assert all(c.target_kind == "stop" for c in changes)


def test_an_inserted_stop_does_not_move_the_others() -> None:
    old = hague()
    [walk] = old.itineraries
    added = dataclasses.replace(walk.stops[0], id="s0", title="Station")
    new = dataclasses.replace(
        old, itineraries=(dataclasses.replace(walk, stops=(added, *walk.stops)),)
    )
    changes = diff_content(old, new)
    assert [(c.target_uid, c.change) for c in changes] == [("s0", ChangeKind.NEW)]
