"""Rules a pack's content must keep beyond its schema: unique ids, references, sane times."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Sequence
from zoneinfo import ZoneInfo

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.domain.model import PackContent, QuestionKind, Sharing

# Sessions may start the evening before or end the morning after the event's dates.
DATE_SLACK = dt.timedelta(days=1)
MAX_SESSION_LENGTH = dt.timedelta(days=14)


def _unique(ids: Iterable[tuple[str, str]], what: str, source: str) -> set[str]:
    seen: set[str] = set()
    for value, where in ids:
        if value in seen:
            raise InvalidInputError(f"duplicate {what} id {value!r}", path=source, field=where)
        seen.add(value)
    return seen


def _unique_ids(ids: Sequence[str], what: str, source: str, where: str) -> set[str]:
    """The ids as a set, or an error naming the first repeated one as `where.format(index)`
    (written only then: a FOSDEM-sized pack has thousands of ids)."""
    seen = set(ids)
    if len(seen) != len(ids):
        _unique(((value, where.format(i)) for i, value in enumerate(ids)), what, source)
    return seen


def check_content(content: PackContent, *, source: str) -> None:
    """Raise InvalidInputError naming `source` and the JSON path of the first broken rule."""
    event = content.event

    def fail(problem: str, where: str) -> InvalidInputError:
        return InvalidInputError(problem, path=source, field=where)

    try:
        zone = ZoneInfo(event.timezone)
    except (KeyError, ValueError):
        raise fail(f"unknown time zone {event.timezone!r}", "$.event.timezone") from None
    if event.end_date < event.start_date:
        raise fail("the event ends before it starts", "$.event.end_date")

    sessions = _unique_ids([s.id for s in content.sessions], "session", source, "$.sessions[{}].id")
    people = _unique_ids([p.id for p in content.people], "person", source, "$.people[{}].id")
    documents = _unique(
        ((d.id, f"$.documents[{i}].id") for i, d in enumerate(content.documents)),
        "document",
        source,
    )
    _unique(
        (
            (d.filename, f"$.documents[{i}].filename")
            for i, d in enumerate(content.documents)
            if d.filename
        ),
        "document file",
        source,
    )
    for i, d in enumerate(content.documents):
        if d.sharing is Sharing.NOT_SHARED:
            # A confidential, not shared presentation is listed by title (and session)
            # only: no file travels with it, and no address either.
            if d.filename or d.url:
                raise fail(
                    "a document that is confidential, not shared carries no file",
                    f"$.documents[{i}].filename",
                )
            continue
        # A document is a file in the pack or an address listed by its URL: one of the two.
        if bool(d.filename) == bool(d.url):
            problem = "has both a file and a URL" if d.filename else "has neither a file nor a URL"
            raise fail(f"document {d.id!r} {problem}", f"$.documents[{i}].filename")
    venues = _unique(
        ((v.id, f"$.event.venues[{i}].id") for i, v in enumerate(event.venues)), "venue", source
    )
    _unique(
        ((it.id, f"$.itineraries[{i}].id") for i, it in enumerate(content.itineraries)),
        "itinerary",
        source,
    )
    _unique(
        (
            (st.id, f"$.itineraries[{i}].stops[{j}].id")
            for i, it in enumerate(content.itineraries)
            for j, st in enumerate(it.stops)
        ),
        "stop",
        source,
    )
    _unique(
        (
            (f"{q.id} version {q.version}", f"$.questionnaires[{i}].id")
            for i, q in enumerate(content.questionnaires)
        ),
        "questionnaire",
        source,
    )

    def ref(value: str | None, known: set[str], what: str, where: str) -> None:
        if value is not None and value not in known:
            raise fail(f"refers to an unknown {what} {value!r}", where)

    ref(event.emergency_contact_id, people, "person", "$.event.emergency_contact_id")
    first_day = event.start_date - DATE_SLACK
    last_day = event.end_date + DATE_SLACK
    for i, s in enumerate(content.sessions):
        # The JSON path is written only for an error (a FOSDEM-sized pack: ~1,000 sessions).
        if (
            not people.issuperset(s.speaker_ids)
            or not documents.issuperset(s.document_ids)
            or (s.venue_id is not None and s.venue_id not in venues)
        ):
            where = f"$.sessions[{i}]"
            for j, speaker in enumerate(s.speaker_ids):
                ref(speaker, people, "person", f"{where}.speaker_ids[{j}]")
            for j, doc in enumerate(s.document_ids):
                ref(doc, documents, "document", f"{where}.document_ids[{j}]")
            ref(s.venue_id, venues, "venue", f"{where}.venue_id")
        # In UTC: aware datetimes sharing a tzinfo compare and subtract as wall-clock
        # times, which is an hour off across a DST change.
        length = s.end.astimezone(dt.UTC) - s.start.astimezone(dt.UTC)
        if length <= dt.timedelta(0):
            raise fail(f"session {s.id!r} ends before it starts", f"$.sessions[{i}].end")
        if length > MAX_SESSION_LENGTH:
            raise fail(f"session {s.id!r} lasts more than 14 days", f"$.sessions[{i}].end")
        if not first_day <= s.start.astimezone(zone).date() <= last_day:
            raise fail(
                f"session {s.id!r} starts outside the event's dates "
                f"({event.start_date} to {event.end_date})",
                f"$.sessions[{i}].start",
            )
        if s.end.astimezone(zone).date() > last_day:
            raise fail(f"session {s.id!r} ends after the event's last day", f"$.sessions[{i}].end")
    for i, it in enumerate(content.itineraries):
        where = f"$.itineraries[{i}]"
        ref(it.session_id, sessions, "session", f"{where}.session_id")
        for j, st in enumerate(it.stops):
            at = f"{where}.stops[{j}]"
            ref(st.host_id, people, "person", f"{at}.host_id")
            if st.planned_start and st.planned_end and st.planned_end < st.planned_start:
                raise fail(f"stop {st.id!r} ends before it starts", f"{at}.planned_end")
            if (st.lat is None) != (st.lon is None):
                raise fail("a stop needs both latitude and longitude, or neither", f"{at}.lat")
    for i, d in enumerate(content.documents):
        for j, session_id in enumerate(d.session_ids):
            ref(session_id, sessions, "session", f"$.documents[{i}].session_ids[{j}]")
    for i, q in enumerate(content.questionnaires):
        where = f"$.questionnaires[{i}]"
        ref(q.session_id, sessions, "session", f"{where}.session_id")
        _unique(
            ((qu.id, f"{where}.questions[{j}].id") for j, qu in enumerate(q.questions)),
            "question",
            source,
        )
        for j, qu in enumerate(q.questions):
            at = f"{where}.questions[{j}]"
            if qu.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE) and not qu.options:
                raise fail("a choice question needs options", f"{at}.options")
            if qu.kind is QuestionKind.SCALE and qu.scale_max <= qu.scale_min:
                raise fail("scale_max must be above scale_min", f"{at}.scale_max")


def check_files(content: PackContent, members: Collection[str], *, source: str) -> None:
    """Every document file and the map `content` names is among the pack's `members`."""
    for i, doc in enumerate(content.documents):
        if doc.filename and f"documents/{doc.filename}" not in members:
            raise InvalidInputError(
                f"document file documents/{doc.filename} is not in the pack",
                path=source,
                field=f"$.documents[{i}].filename",
            )
    if content.map is not None and f"map/{content.map.filename}" not in members:
        raise InvalidInputError(
            f"map file map/{content.map.filename} is not in the pack",
            path=source,
            field="$.map.filename",
        )
