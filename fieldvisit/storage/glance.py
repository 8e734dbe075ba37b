"""A first look at a plain store with Python's own sqlite3: no SQLAlchemy, read only.

The first screen (the event list and one event's programme) is read here while the storage
stack loads behind it: SQLAlchemy is most of a start-up. Only a plain store at head is read
this way (an encrypted one is unlocked first and opened as usual), nothing is written, and
anything unexpected gives None: the caller then waits for the full stack, as before.
The conversions are the ones every reader shares (`rows`); only the column decoding that
SQLAlchemy's types would do (dates, JSON, booleans) is done here.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import namedtuple
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldvisit.domain.changes import EventChoice
from fieldvisit.domain.model import Event, Session, Sharing
from fieldvisit.storage.revisions import scanned_head
from fieldvisit.storage.rows import (
    event_choice_from_row,
    event_from_row,
    session_from_row,
    sharing_of,
    zone_of,
)

_JSON = frozenset({"data", "speaker_ids", "document_ids", "links"})
_DATES = frozenset({"start_date", "end_date"})
_INSTANTS = frozenset({"start_utc", "end_utc"})


@dataclass(frozen=True, slots=True)
class Glance:
    """The installed events (soonest first) and, when it is installed, one event's programme
    rows and the delegate's picks and ratings of it."""

    events: tuple[EventChoice, ...]
    event: Event | None = None
    sessions: tuple[Session, ...] = ()
    names: dict[str, str] = field(default_factory=dict)
    documents: dict[str, str] = field(default_factory=dict)
    sharing: dict[str, Sharing] = field(default_factory=dict)
    addresses: dict[str, str] = field(default_factory=dict)
    picks: frozenset[str] = frozenset()
    ratings: dict[str, int] = field(default_factory=dict)


def _decode(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name in _JSON:
        return json.loads(value)
    if name in _DATES:
        return dt.date.fromisoformat(value)
    if name in _INSTANTS:
        return dt.datetime.fromisoformat(value)
    return value


def _rows(connection: sqlite3.Connection, sql: str, *params: object) -> list[Any]:
    """Rows with the columns as attributes (as the `rows` converters read them), decoded."""
    cursor = connection.execute(sql, params)
    names = [column[0] for column in cursor.description]
    row_type = namedtuple("row", names)  # type: ignore[misc]
    return [
        row_type(*(_decode(n, v) for n, v in zip(names, raw, strict=True)))
        for raw in cursor.fetchall()
    ]


_SESSIONS = (
    "SELECT uid, title, kind, start_utc, end_utc, room, venue_id, online_url, track, "
    "description, speaker_ids, document_ids, confidential, signup_group, language, "
    "illustrative, links FROM sessions WHERE event_id = ? ORDER BY start_utc, room, title"
)


def glance(database: Path, event_id: str = "") -> Glance | None:
    """The events and the programme of `event_id` (else of the first event) of the plain
    store at `database`; None when it is not a plain store at head, or cannot be read."""
    if not database.is_file():
        return None
    head = scanned_head()
    if head is None:
        return None
    try:
        connection = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        return _read(connection, head, event_id)
    except (sqlite3.Error, ValueError, TypeError, KeyError):
        return None  # not a store this reader understands: the full stack will say why
    finally:
        connection.close()


def _read(connection: sqlite3.Connection, head: str, event_id: str) -> Glance | None:
    versions = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    if versions != [(head,)]:
        return None  # a store to migrate (or a newer one): the full stack decides
    events = tuple(
        event_choice_from_row(r)
        for r in _rows(
            connection,
            "SELECT id, title, timezone, start_date, end_date, data FROM events "
            "ORDER BY start_date, title, id",  # as storage.repo.events lists them
        )
    )
    ids = [e.id for e in events]
    chosen = event_id if event_id in ids else (ids[0] if ids else "")
    if not chosen:
        return Glance(events)
    (row,) = _rows(
        connection,
        "SELECT id, title, timezone, start_date, end_date, data FROM events WHERE id = ?",
        chosen,
    )
    event = event_from_row(row)
    zone = zone_of(event.timezone)
    sessions = tuple(session_from_row(r, zone) for r in _rows(connection, _SESSIONS, chosen))
    names = dict(connection.execute("SELECT uid, name FROM people WHERE event_id = ?", (chosen,)))
    documents: dict[str, str] = {}
    sharing: dict[str, Sharing] = {}
    addresses: dict[str, str] = {}
    for uid, title, status, url in connection.execute(
        "SELECT uid, title, sharing, url FROM documents WHERE event_id = ?", (chosen,)
    ):
        documents[uid] = title
        sharing[uid] = sharing_of(status)
        if url:
            addresses[uid] = url
    picks = frozenset(
        uid
        for (uid,) in connection.execute(
            "SELECT session_uid FROM agenda_picks WHERE event_id = ?", (chosen,)
        )
    )
    ratings = dict(
        connection.execute("SELECT session_uid, stars FROM ratings WHERE event_id = ?", (chosen,))
    )
    return Glance(events, event, sessions, names, documents, sharing, addresses, picks, ratings)
