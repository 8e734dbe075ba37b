"""Full-text queries (SQLite FTS5) over the programme's sessions and the delegate's notes.

The FTS5 `match` comes from `services.fts.fts_query` (user text is never FTS5 syntax);
`marks` are the strings put around each hit in highlights and snippets.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import text

from fieldvisit.storage.rows import from_utc, zone_of
from fieldvisit.storage.unit import Unit

_SESSIONS_SQL = text(
    "SELECT s.uid, s.title, s.start_utc, s.room, s.description, s.track, "
    "highlight(sessions_fts, 0, :o, :c), "
    "snippet(sessions_fts, 1, :o, :c, '…', 12) "
    "FROM sessions_fts JOIN sessions s ON s.pk = sessions_fts.rowid "
    "WHERE sessions_fts MATCH :q AND s.event_id = :e "
    "ORDER BY bm25(sessions_fts, 10.0, 1.0, 2.0, 2.0) LIMIT :n"
)

_NOTES_SQL = (
    "SELECT n.id, n.target_kind, n.target_uid, n.body, n.tags, "
    "snippet(notes_fts, 0, :o, :c, '…', 14) "
    "FROM notes_fts JOIN notes n ON n.rowid = notes_fts.rowid "
    "WHERE notes_fts MATCH :q AND n.event_id = :e AND n.deleted = 0 "
)
_NOTES_RANKED = text(_NOTES_SQL + "ORDER BY notes_fts.rank LIMIT :n")
_NOTES_NEWEST = text(_NOTES_SQL + "ORDER BY notes_fts.rowid DESC LIMIT :n")
_NOTES_BROAD = text(
    "SELECT count(*) FROM (SELECT rowid FROM notes_fts WHERE notes_fts MATCH :q LIMIT :cap)"
)


@dataclass(frozen=True, slots=True)
class SessionMatch:
    uid: str
    title: str
    start: dt.datetime | None  # aware, in the event's zone
    room: str
    description: str
    track: str
    title_html: str  # the title with hits between the marks
    snippet: str  # a snippet of the description, hits between the marks


@dataclass(frozen=True, slots=True)
class NoteMatch:
    id: str
    target_kind: str
    target_uid: str
    body: str
    tags: str  # the stored JSON text of the tag list
    snippet: str


def _instant(value: object, zone: ZoneInfo) -> dt.datetime | None:
    """A stored naive-UTC time (raw SQL gives text) as an aware time in the event's zone."""
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, str) and value:
        try:
            moment = dt.datetime.fromisoformat(value)
        except ValueError:
            return None
    else:
        return None
    return from_utc(moment, zone)


def _params(event_id: str, match: str, limit: int, marks: tuple[str, str]) -> dict[str, object]:
    return {"q": match, "e": event_id, "n": limit, "o": marks[0], "c": marks[1]}


def session_matches(
    unit: Unit, event_id: str, match: str, *, limit: int, marks: tuple[str, str]
) -> list[SessionMatch]:
    """The event's sessions matching `match`, best first (bm25, the title weighing most)."""
    params = _params(event_id, match, limit, marks)
    zone = zone_of(unit.scalar(text("SELECT timezone FROM events WHERE id = :e"), params) or "")
    return [
        SessionMatch(
            uid, title, _instant(start, zone), room or "", description or "", track or "", hl, snip
        )
        for uid, title, start, room, description, track, hl, snip in unit.execute(
            _SESSIONS_SQL, params
        )
    ]


def note_matches(
    unit: Unit,
    event_id: str,
    match: str,
    *,
    limit: int,
    marks: tuple[str, str],
    rank_at_most: int,
) -> list[NoteMatch]:
    """The event's live notes matching `match`: best first, or newest first when more than
    `rank_at_most` notes match (ranking would cost too much)."""
    cap = {"q": match, "cap": rank_at_most + 1}
    broad = (unit.scalar(_NOTES_BROAD, cap) or 0) > rank_at_most
    query = _NOTES_NEWEST if broad else _NOTES_RANKED
    rows = unit.execute(query, _params(event_id, match, limit, marks))
    return [
        NoteMatch(n, kind, uid, body, tags or "", hit) for n, kind, uid, body, tags, hit in rows
    ]
