"""Programme, Today, agenda and search services against a store filled with rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sample_rows import HAGUE, add_change, add_fosdem, add_hague, add_note

from fieldvisit.domain.model import SessionKind
from fieldvisit.paths import resolve
from fieldvisit.services import agenda, fts, programme, search
from fieldvisit.services.store import Store
from fieldvisit.storage.rows import zone_of


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = Store.open(resolve(data_dir))
    add_hague(opened)
    yield opened
    opened.close()


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2017, 2, day, hour, minute, tzinfo=zone_of("Europe/Amsterdam"))


def test_programme_in_event_zone(store: Store) -> None:
    prog = programme.load_programme(store, HAGUE)
    assert prog is not None
    assert len(prog.sessions) == 9
    first = prog.sessions[0]
    assert first.id == "opening"
    assert first.start.isoformat() == "2017-02-15T09:00:00+01:00"
    assert prog.days == (dt.date(2017, 2, 15), dt.date(2017, 2, 16))
    assert "Main hall" in prog.rooms and "Room 2" in prog.rooms
    assert SessionKind.WORKING_GROUP in prog.kinds
    assert prog.speaker_names["mayor"] == "The Mayor of The Hague"
    assert programme.load_programme(store, "nope") is None


def test_event_choices(store: Store) -> None:
    choices = programme.event_choices(store)
    assert [c.id for c in choices] == [HAGUE]


def test_today_now_next_and_stop(store: Store) -> None:
    today = programme.load_today(store, HAGUE, at(15, 10))
    assert [s.id for s in today.now] == ["insp-1"]
    assert [s.id for s in today.next] == ["coffee-1"]
    visit_day = programme.load_today(store, HAGUE, at(16, 10, 5))
    assert visit_day.current_stop is None
    assert visit_day.next_stop is not None and visit_day.next_stop.id == "stop-1"
    during = programme.load_today(store, HAGUE, at(16, 9, 30))
    assert during.current_stop is not None and during.current_stop.id == "stop-0"


def test_today_before_and_after_event(store: Store) -> None:
    before = programme.load_today(store, HAGUE, at(14, 12))
    assert before.now == () and before.next[0].id == "opening"
    after = programme.load_today(store, HAGUE, at(17, 12))
    assert after.now == () and after.next == () and after.next_stop is None


def test_changes_until_seen(store: Store) -> None:
    add_change(
        store,
        HAGUE,
        "wg-b",
        "Working group B",
        "changed",
        [{"field": "room", "old": "Room 2", "new": "Room 3"}],
    )
    add_change(store, HAGUE, "panel-x", "Old panel", "cancelled")
    items = programme.unseen_changes(store, HAGUE)
    assert [(c.change, c.fields) for c in items] == [
        ("changed", (("room", "Room 2", "Room 3"),)),
        ("cancelled", ()),
    ]
    assert programme.mark_seen(store, HAGUE, [c.id for c in items]) == 2
    assert programme.unseen_changes(store, HAGUE) == []


def test_pick_with_overlap_warning(store: Store) -> None:
    outcome = agenda.pick(store, HAGUE, "wg-a")
    assert outcome.picked and outcome.overlaps == ()
    outcome = agenda.pick(store, HAGUE, "panel-1")
    assert outcome.picked and outcome.overlaps == ("wg-a",)
    assert agenda.picks(store, HAGUE) == {"wg-a", "panel-1"}
    prog = programme.load_programme(store, HAGUE)
    assert prog is not None
    chosen = [s for s in prog.sessions if s.id in agenda.picks(store, HAGUE)]
    assert [(a.id, b.id) for a, b in agenda.overlap_pairs(chosen)] == [("wg-a", "panel-1")]


def test_signup_group_one_per_slot(store: Store) -> None:
    assert agenda.pick(store, HAGUE, "wg-a").picked
    blocked = agenda.pick(store, HAGUE, "wg-b")
    assert not blocked.picked and blocked.blocked_by == ("wg-a",)
    assert agenda.picks(store, HAGUE) == {"wg-a"}
    swapped = agenda.pick(store, HAGUE, "wg-b", replace=True)
    assert swapped.picked and swapped.replaced == ("wg-a",)
    assert agenda.picks(store, HAGUE) == {"wg-b"}
    agenda.unpick(store, HAGUE, "wg-b")
    assert agenda.picks(store, HAGUE) == frozenset()


def test_pick_unknown_session(store: Store) -> None:
    with pytest.raises(KeyError):
        agenda.pick(store, HAGUE, "missing")


def test_ratings(store: Store) -> None:
    agenda.rate(store, HAGUE, "opening", 4)
    agenda.rate(store, HAGUE, "opening", 5)
    assert agenda.ratings(store, HAGUE) == {"opening": 5}
    agenda.rate(store, HAGUE, "opening", 0)
    assert agenda.ratings(store, HAGUE) == {}
    with pytest.raises(ValueError, match="stars"):
        agenda.rate(store, HAGUE, "opening", 6)
    with pytest.raises(KeyError):
        agenda.rate(store, HAGUE, "missing", 3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Every word a folded prefix, cut to its stem prefix (fieldvisit.domain.matching):
        # "returnees" fetches "returnee" too, and the matcher keeps what the rule accepts.
        ("returnees", '"returne"*'),
        ('fam "x AND NEAR(', '"fam"* "x"* "and"* "near"*'),
        ("***", ""),
        ("  ", ""),
        ("café-ç", '"cafe"* "c"*'),
    ],
)
def test_fts_query_escapes(text: str, expected: str) -> None:
    assert fts.fts_query(text) == expected


def test_search_sessions_and_notes_highlighted(store: Store) -> None:
    add_note(store, HAGUE, "n1", "Families <need> support after return", "wg-b")
    add_note(store, "other-event", "n2", "families elsewhere")
    hits = search.search(store, HAGUE, "famil", 20)
    kinds = [(h.kind, h.uid) for h in hits]
    assert ("session", "wg-b") in kinds and ("note", "n1") in kinds
    assert all(h.uid != "n2" for h in hits)
    session_hit = next(h for h in hits if h.uid == "wg-b")
    assert "<b>families</b>" in session_hit.snippet_html.lower()
    assert session_hit.start is not None
    assert session_hit.start.isoformat() == "2017-02-15T11:00:00+01:00"
    assert session_hit.room == "Room 2"
    note_hit = next(h for h in hits if h.uid == "n1")
    assert "&lt;need&gt;" in note_hit.snippet_html  # user text is escaped, never markup
    assert note_hit.target_uid == "wg-b"


def test_search_hostile_input_is_harmless(store: Store) -> None:
    for text in ['"', "NEAR(", "a OR", "*", "-x", "title:foo", "'; DROP TABLE notes; --"]:
        search.search(store, HAGUE, text, 10)
    assert search.search(store, HAGUE, "", 10) == []


def test_fosdem_programme(data_dir: Path, schedules: Path) -> None:
    opened = Store.open(resolve(data_dir))
    try:
        count = add_fosdem(opened, schedules / "fosdem2025_pentabarf.xml")
        prog = programme.load_programme(opened, "fosdem-2025")
        assert prog is not None
        assert count == len(prog.sessions) == 943
        assert len(prog.days) == 2
        assert len(prog.rooms) >= 25
        assert search.search(opened, "fosdem-2025", "rust", 5)
    finally:
        opened.close()


def test_broad_note_search_lists_newest_first(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search, "RANK_AT_MOST", 3)
    for n in range(6):
        add_note(store, HAGUE, f"note-{n}", f"families visit number {n}" + " families" * n)
    broad = search.search(store, HAGUE, "families", 5)  # one session, then four notes
    assert [h.uid for h in broad if h.kind == "note"] == ["note-5", "note-4", "note-3", "note-2"]
    monkeypatch.setattr(search, "RANK_AT_MOST", 100)
    ranked = [h.uid for h in search.search(store, HAGUE, "families", 50) if h.kind == "note"]
    assert sorted(ranked) == [f"note-{n}" for n in range(6)]


def test_today_and_visit_agree_on_a_stop_without_an_end(store: Store) -> None:
    from sqlalchemy import update

    from fieldvisit.services.visit import current_and_next, load_visit
    from fieldvisit.storage.models import StopRow

    with store.unit() as s:
        s.execute(update(StopRow).where(StopRow.uid == "stop-0").values(end_utc=None))
    # Between stop-0's old end and stop-1's start: an open-ended stop lasts until the next.
    moment = at(16, 10, 5)
    today = programme.load_today(store, HAGUE, moment)
    stops = [stop for it in load_visit(store, HAGUE).itineraries for stop in it.stops]
    current, upcoming = current_and_next(stops, moment)
    assert today.current_stop is not None and today.current_stop.id == current == "stop-0"
    assert today.next_stop is not None and today.next_stop.id == upcoming == "stop-1"
