"""Full-text search over the programme and the delegate's notes (SQLite FTS5).

User text is never FTS5 syntax: every word becomes a quoted phrase (the last one a prefix),
so `"`, `*`, `AND`, `NEAR(` or a stray `-` can neither break the query nor change it.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass

from fieldvisit.domain.matching import Matcher, fold
from fieldvisit.domain.notes import note_title
from fieldvisit.services.contacts import visible
from fieldvisit.services.fts import HIT_CLOSE, HIT_OPEN, fts_query, hits_to_html
from fieldvisit.services.protection import withheld
from fieldvisit.services.store import Store
from fieldvisit.storage import repository
from fieldvisit.storage.repo.search import note_matches, session_matches
from fieldvisit.storage.unit import Unit

# Ranking costs a few microseconds per matching note; for a query that matches thousands
# of notes (a two-letter prefix) the newest notes first are as useful and stay fast.
RANK_AT_MOST = 2000
KINDS = ("session", "stop", "person", "document", "note")


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One result: `snippet_html` is escaped rich text with matches in <b>."""

    kind: str  # one of KINDS: "session" | "stop" | "person" | "document" | "note"
    uid: str
    title: str
    snippet_html: str
    rank: float  # place in its list (sessions, then notes), best first
    target_kind: str = ""  # for notes: what the note hangs on
    target_uid: str = ""
    start: dt.datetime | None = None  # sessions: aware, in the event's zone
    room: str = ""


def _highlight(text: str, matcher: Matcher, width: int = 160) -> str:
    """Escaped rich text of `text` (cut to about `width` characters around the first match)
    with the matching words in <b>."""
    found = matcher.matching_words(text)
    pieces = re.split(r"(\w+)", text)
    first = next((i for i, p in enumerate(pieces) if fold(p) in found), 0)
    start = sum(len(p) for p in pieces[:first])
    lead = "…" if start > width // 2 else ""
    if lead:
        cut = start - width // 3
        text = text[cut:]
        pieces = re.split(r"(\w+)", text)
        pieces[0] = pieces[0][1:] if pieces and pieces[0] else pieces[0]
    out: list[str] = []
    length = 0
    for piece in pieces:
        if length > width:
            out.append("…")
            break
        length += len(piece)
        escaped = html.escape(piece, quote=False)
        out.append(f"<b>{escaped}</b>" if piece and fold(piece) in found else escaped)
    return lead + "".join(out)


def _others(s: Unit, event_id: str, matcher: Matcher) -> list[SearchHit]:
    """Stops, people and contacts, documents: few enough per event to match in Python."""
    hits: list[SearchHit] = []
    for itinerary in repository.load_itineraries(s, event_id):
        for stop in itinerary.stops:
            fields = (stop.title, stop.address, stop.briefing, stop.etiquette, stop.safety)
            if matcher.matches(*fields):
                where = next((f for f in fields[1:] if matcher.matches(f)), "")
                snippet = _highlight(stop.title, matcher)
                if where:
                    snippet += " — " + _highlight(where, matcher)
                hits.append(
                    SearchHit(
                        "stop",
                        stop.id,
                        stop.title,
                        snippet,
                        float(len(hits)),
                        start=stop.planned_start,
                    )
                )
    for person in repository.load_people(s, event_id):
        person = visible(person)
        details = (person.organisation, person.email, person.phone)
        if matcher.matches(person.name, *details, str(person.role)):
            detail = " · ".join(f for f in details if f)
            snippet = _highlight(person.name, matcher)
            if detail:
                snippet += " — " + _highlight(detail, matcher)
            hits.append(SearchHit("person", person.id, person.name, snippet, float(len(hits))))
    for document in repository.load_documents(s, event_id):
        if matcher.matches(document.title, document.filename):
            snippet = _highlight(document.title, matcher) + " — " + html.escape(document.filename)
            hits.append(
                SearchHit("document", document.id, document.title, snippet, float(len(hits)))
            )
    return hits


def search(store: Store, event_id: str, query: str, limit: int = 50) -> list[SearchHit]:
    """Everything of one event matching `query` by the one matching rule
    (fieldvisit.domain.matching): sessions, stops, people and contacts, documents, notes;
    best first within each kind."""
    match = fts_query(query)
    if not match or limit <= 0:
        return []
    matcher = Matcher(query)
    # FTS5 fetches by stem prefix; the matcher keeps what the rule accepts.
    fetch = limit * 4
    marks = (HIT_OPEN, HIT_CLOSE)
    hits: list[SearchHit] = []
    # An organiser's require_app_lock: no note of the event is found until a passcode is set.
    notes_withheld = withheld(store, event_id)
    with store.unit() as s:
        for found in session_matches(s, event_id, match, limit=fetch, marks=marks):
            if not matcher.matches(found.title, found.description, found.room, found.track):
                continue
            body = hits_to_html(found.snippet) if HIT_OPEN in found.snippet else ""
            hits.append(
                SearchHit(
                    "session",
                    found.uid,
                    found.title,
                    hits_to_html(found.title_html) + (" — " + body if body else ""),
                    float(len(hits)),
                    start=found.start,
                    room=found.room,
                )
            )
            if len(hits) >= limit:
                break
        hits.extend(_others(s, event_id, matcher))
        if notes_withheld:
            return hits[:limit]
        rank = 0
        for note in note_matches(
            s, event_id, match, limit=fetch, marks=marks, rank_at_most=RANK_AT_MOST
        ):
            if not matcher.matches(note.body, note.tags):
                continue
            title = note_title(note.body)[:80]
            snippet = hits_to_html(note.snippet)
            kind, uid = note.target_kind, note.target_uid
            hits.append(SearchHit("note", note.id, title, snippet, float(rank), kind, uid))
            rank += 1
    return hits[:limit] if len(hits) > limit else hits
