"""Full-text search over the programme and the delegate's notes (SQLite FTS5).

User text is never FTS5 syntax: every word becomes a quoted phrase (the last one a prefix),
so `"`, `*`, `AND`, `NEAR(` or a stray `-` can neither break the query nor change it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import text

from fieldvisit.services.fts import HIT_CLOSE, HIT_OPEN, fts_query, hits_to_html
from fieldvisit.services.store import Store
from fieldvisit.storage.rows import from_utc, zone_of


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One result: `snippet_html` is escaped rich text with matches in <b>."""

    kind: str  # "session" | "note"
    uid: str
    title: str
    snippet_html: str
    rank: float  # place in its list (sessions, then notes), best first
    target_kind: str = ""  # for notes: what the note hangs on
    target_uid: str = ""
    start: dt.datetime | None = None  # sessions: aware, in the event's zone
    room: str = ""


_SESSIONS_SQL = text(
    "SELECT s.uid, s.title, s.start_utc, s.room, "
    "highlight(sessions_fts, 0, :o, :c), "
    "snippet(sessions_fts, 1, :o, :c, '…', 12) "
    "FROM sessions_fts JOIN sessions s ON s.pk = sessions_fts.rowid "
    "WHERE sessions_fts MATCH :q AND s.event_id = :e "
    "ORDER BY bm25(sessions_fts, 10.0, 1.0, 2.0, 2.0) LIMIT :n"
)

_NOTES_SQL = (
    "SELECT n.id, n.target_kind, n.target_uid, n.body, "
    "snippet(notes_fts, 0, :o, :c, '…', 14) "
    "FROM notes_fts JOIN notes n ON n.rowid = notes_fts.rowid "
    "WHERE notes_fts MATCH :q AND n.event_id = :e AND n.deleted = 0 "
)
_NOTES_RANKED = text(_NOTES_SQL + "ORDER BY notes_fts.rank LIMIT :n")
# Ranking costs a few microseconds per matching note; for a query that matches thousands
# of notes (a two-letter prefix) the newest notes first are as useful and stay fast.
_NOTES_NEWEST = text(_NOTES_SQL + "ORDER BY notes_fts.rowid DESC LIMIT :n")
_NOTES_BROAD = text(
    "SELECT count(*) FROM (SELECT rowid FROM notes_fts WHERE notes_fts MATCH :q LIMIT :cap)"
)
RANK_AT_MOST = 2000


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


def _note_title(body: str) -> str:
    for line in body.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:80]
    return ""


def search(store: Store, event_id: str, query: str, limit: int = 50) -> list[SearchHit]:
    """Sessions and notes of one event matching `query`, best first, sessions before notes."""
    match = fts_query(query)
    if not match or limit <= 0:
        return []
    params = {"q": match, "e": event_id, "n": limit, "o": HIT_OPEN, "c": HIT_CLOSE}
    hits: list[SearchHit] = []
    with store.unit() as s:
        zone = zone_of(s.scalar(text("SELECT timezone FROM events WHERE id = :e"), params) or "")
        for rank, (uid, title, start, room, title_hl, snip) in enumerate(
            s.execute(_SESSIONS_SQL, params)
        ):
            body = hits_to_html(snip) if HIT_OPEN in snip else ""
            hits.append(
                SearchHit(
                    "session",
                    uid,
                    title,
                    hits_to_html(title_hl) + (" — " + body if body else ""),
                    float(rank),
                    start=_instant(start, zone),
                    room=room or "",
                )
            )
        broad = (s.scalar(_NOTES_BROAD, {"q": match, "cap": RANK_AT_MOST + 1}) or 0) > RANK_AT_MOST
        notes_sql = _NOTES_NEWEST if broad else _NOTES_RANKED
        for rank, (nid, tkind, tuid, body, snip) in enumerate(s.execute(notes_sql, params)):
            hits.append(
                SearchHit(
                    "note", nid, _note_title(body), hits_to_html(snip), float(rank), tkind, tuid
                )
            )
    return hits[:limit] if len(hits) > limit else hits
