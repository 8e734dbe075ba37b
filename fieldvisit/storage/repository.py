"""Organiser content between domain dataclasses and rows: replace it all, read it back.

Writes go through bulk `insert()` executemany, reads through plain column selects (no ORM
objects are built), because a FOSDEM-sized pack has about a thousand sessions and people.
Times are stored as naive UTC instants and come back aware, in the event's zone.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import JSON, delete, func, insert, select, text, update
from sqlalchemy.orm import Session as OrmSession

from fieldvisit.domain.model import (
    Document,
    Event,
    Itinerary,
    MapLayer,
    PackContent,
    Person,
    Phase,
    Questionnaire,
    Session,
    Stop,
)
from fieldvisit.domain.plain import (
    event_data,
    map_data,
    person_fields,
    question_data,
    session_fields,
)
from fieldvisit.storage.models import (
    DocumentRow,
    EventRow,
    ItineraryRow,
    PersonRow,
    QuestionnaireRow,
    SessionRow,
    StopRow,
    utcnow,
)
from fieldvisit.storage.rows import (
    event_from_row,
    map_from_data,
    opt_to_utc,
    person_from_row,
    question_from_data,
    session_from_row,
    sharing_of,
    stop_from_row,
    strings,
    to_utc,
)


def _session_values(event_id: str, s: Session) -> dict[str, object]:
    return {
        "event_id": event_id,
        "uid": s.id,
        **session_fields(s),
        "start_utc": to_utc(s.start),
        "end_utc": to_utc(s.end),
    }


def _person_values(event_id: str, p: Person) -> dict[str, object]:
    return {"event_id": event_id, "uid": p.id, **person_fields(p)}


def _stop_values(event_id: str, itinerary_uid: str, position: int, s: Stop) -> dict[str, object]:
    return {
        "event_id": event_id,
        "itinerary_uid": itinerary_uid,
        "uid": s.id,
        "position": position,
        "title": s.title,
        "start_utc": opt_to_utc(s.planned_start),
        "end_utc": opt_to_utc(s.planned_end),
        "address": s.address,
        "lat": s.lat,
        "lon": s.lon,
        "host_id": s.host_id,
        "briefing": s.briefing,
        "etiquette": s.etiquette,
        "safety": s.safety,
        "directions_to_next": s.directions_to_next,
    }


def _document_values(event_id: str, d: Document, file: tuple[str, int]) -> dict[str, object]:
    sha256, size = file
    return {
        "event_id": event_id,
        "uid": d.id,
        "title": d.title,
        "filename": d.filename,
        "media_type": d.media_type,
        "sha256": sha256,
        "size": size,
        "confidential": d.confidential,
        "session_ids": list(d.session_ids),
        "sharing": d.sharing.value,
        "illustrative": d.illustrative,
        "url": d.url,
    }


def _questionnaire_values(event_id: str, q: Questionnaire) -> dict[str, object]:
    return {
        "event_id": event_id,
        "uid": q.id,
        "version": q.version,
        "title": q.title,
        "phase": q.phase.value,
        "session_id": q.session_id,
        "description": q.description,
        "questions": [question_data(item) for item in q.questions],
        "current": True,
    }


def _json_dumps() -> Callable[[object], str] | None:
    """`json.dumps` with its defaults, without building the C encoder again for each value
    as json.dumps does (a FOSDEM-sized pack has thousands of JSON cells); None where the
    C encoder is missing."""
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return None
    encode = make(
        None,
        json.JSONEncoder().default,
        json.encoder.encode_basestring_ascii,
        None,
        ": ",
        ", ",
        False,
        False,
        True,
    )
    return lambda value: "".join(encode(value, 0))


_DUMPS = _json_dumps()
_SAMPLE = [{"a": 'é \n"', "b": [1, 2.5, None, True, False]}, {}]


def _processor(column_type: Any, dialect: Any) -> Any:
    """The column type's bind processor. For a JSON column an empty list (most speakers'
    languages, most sessions' documents) is serialized once, and lists and objects by the
    C encoder directly, once it gives exactly what the processor gives."""
    process = column_type.dialect_impl(dialect).bind_processor(dialect)
    if process is None or not isinstance(column_type, JSON):
        return process
    empty = process([])
    fast = _DUMPS if _DUMPS is not None and _DUMPS(_SAMPLE) == process(_SAMPLE) else process

    def bind(value: object) -> object:
        if value == []:
            return empty
        return fast(value) if type(value) is list or type(value) is dict else process(value)

    return bind


def _bulk(session: OrmSession, model: Any, rows: Sequence[dict[str, object]]) -> None:
    """Insert rows with one DBAPI executemany.

    Each value goes through its column type's own bind processor (JSON, DateTime), so what
    is stored is exactly what `insert()` would store, without SQLAlchemy's per-row
    parameter building, which cost about as much as SQLite itself for a FOSDEM-sized pack.
    """
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    table = model.__table__
    names = list(rows[0])
    row_values = itemgetter(*names) if len(names) > 1 else lambda row: (row[names[0]],)
    # Only the columns whose type has a processor are touched one by one.
    plan = [
        (index, fn)
        for index, fn in enumerate(_processor(table.c[name].type, dialect) for name in names)
        if fn is not None
    ]
    values: list[tuple[object, ...]] = []
    for row in rows:
        value = list(row_values(row))
        for index, fn in plan:
            value[index] = fn(value[index])
        values.append(tuple(value))
    quoted = ", ".join(dialect.identifier_preparer.quote(name) for name in names)
    marks = ", ".join("?" for _ in names)
    connection.exec_driver_sql(f"INSERT INTO {table.name} ({quoted}) VALUES ({marks})", values)


_FTS_COLUMNS = "title, description, room, track"


def unindex_sessions(session: OrmSession, event_id: str) -> None:
    """Take an event's sessions out of the programme search index (before deleting them).

    sessions_fts is an external-content FTS5 table without triggers: its 'delete' command
    needs the exact old values, which are still in the sessions table at this point.
    """
    session.execute(
        text(
            f"INSERT INTO sessions_fts(sessions_fts, rowid, {_FTS_COLUMNS}) "
            f"SELECT 'delete', pk, {_FTS_COLUMNS} FROM sessions WHERE event_id = :e"
        ),
        {"e": event_id},
    )


def index_sessions(session: OrmSession, event_id: str) -> None:
    """Add an event's (freshly inserted) sessions to the programme search index."""
    session.execute(
        text(
            f"INSERT INTO sessions_fts(rowid, {_FTS_COLUMNS}) "
            f"SELECT pk, {_FTS_COLUMNS} FROM sessions WHERE event_id = :e"
        ),
        {"e": event_id},
    )


@dataclass(frozen=True, slots=True)
class PackOrigin:
    """What the store keeps of the pack an event was installed from (not the pack itself)."""

    pack_id: str
    pack_version: int
    pack_file: str
    signed: bool
    key_fingerprint: str | None
    return_key: str | None
    return_proof_key: str | None
    # document id -> (sha256, size) of its file in the pack
    document_files: Mapping[str, tuple[str, int]] = field(default_factory=dict)


def replace_content(session: OrmSession, content: PackContent, origin: PackOrigin) -> None:
    """Write the event row and replace all its organiser rows with `content`.

    Questionnaire versions the pack no longer carries stay, marked not current, so answers
    given to them stay readable; a version the pack carries again is replaced. Delegate
    rows and the change list are not touched. Every document with a file needs it in
    `origin.document_files` (KeyError otherwise).
    """
    event = content.event
    event_id = event.id
    values: dict[str, object] = {
        "title": event.title,
        "timezone": event.timezone,
        "start_date": event.start_date,
        "end_date": event.end_date,
        "data": event_data(event),
        "map_data": map_data(content.map),
        "pack_id": origin.pack_id,
        "pack_version": origin.pack_version,
        "pack_file": origin.pack_file,
        "signed": origin.signed,
        "key_fingerprint": origin.key_fingerprint,
        "return_key": origin.return_key,
        "return_proof_key": origin.return_proof_key,
        "updated_at": utcnow(),
    }
    exists = session.execute(select(EventRow.id).where(EventRow.id == event_id)).first()
    if exists:
        session.execute(update(EventRow).where(EventRow.id == event_id).values(values))
    else:
        session.execute(insert(EventRow).values(id=event_id, installed_at=utcnow(), **values))

    unindex_sessions(session, event_id)
    for model in (SessionRow, PersonRow, ItineraryRow, StopRow, DocumentRow):
        session.execute(delete(model).where(model.event_id == event_id))
    _bulk(session, SessionRow, [_session_values(event_id, s) for s in content.sessions])
    index_sessions(session, event_id)
    _bulk(session, PersonRow, [_person_values(event_id, p) for p in content.people])
    _bulk(
        session,
        ItineraryRow,
        [
            {
                "event_id": event_id,
                "uid": i.id,
                "title": i.title,
                "session_id": i.session_id,
                "route": [[lat, lon] for lat, lon in i.route],
            }
            for i in content.itineraries
        ],
    )
    _bulk(
        session,
        StopRow,
        [
            _stop_values(event_id, i.id, position, stop)
            for i in content.itineraries
            for position, stop in enumerate(i.stops)
        ],
    )
    files = origin.document_files
    _bulk(
        session,
        DocumentRow,
        [
            _document_values(event_id, d, files[d.id] if d.filename else ("", 0))
            for d in content.documents
        ],
    )

    session.execute(
        update(QuestionnaireRow).where(QuestionnaireRow.event_id == event_id).values(current=False)
    )
    for q in content.questionnaires:
        session.execute(
            delete(QuestionnaireRow).where(
                QuestionnaireRow.event_id == event_id,
                QuestionnaireRow.uid == q.id,
                QuestionnaireRow.version == q.version,
            )
        )
    _bulk(
        session,
        QuestionnaireRow,
        [_questionnaire_values(event_id, q) for q in content.questionnaires],
    )


# --- rows -> domain -------------------------------------------------------------------------


def _zone(session: OrmSession, event_id: str) -> ZoneInfo:
    name = session.execute(select(EventRow.timezone).where(EventRow.id == event_id)).scalar()
    if name is None:
        raise KeyError(event_id)
    return ZoneInfo(name)


def load_event(session: OrmSession, event_id: str) -> Event:
    """The installed event; KeyError when it is not installed."""
    row = session.execute(select(EventRow.__table__).where(EventRow.id == event_id)).first()
    if row is None:
        raise KeyError(event_id)
    return event_from_row(row)


def load_map(session: OrmSession, event_id: str) -> MapLayer | None:
    return map_from_data(
        session.execute(select(EventRow.map_data).where(EventRow.id == event_id)).scalar()
    )


def load_sessions(session: OrmSession, event_id: str, *, pack_order: bool = False) -> list[Session]:
    """The event's sessions in time order (or in the pack's own order), aware in its zone."""
    zone = _zone(session, event_id)
    t = SessionRow.__table__.c
    query = select(SessionRow.__table__).where(t.event_id == event_id)
    query = query.order_by(t.pk) if pack_order else query.order_by(t.start_utc, t.end_utc, t.pk)
    return [session_from_row(r, zone) for r in session.execute(query)]


def load_people(session: OrmSession, event_id: str) -> list[Person]:
    """The event's people in the pack's order."""
    t = PersonRow.__table__.c
    query = select(PersonRow.__table__).where(t.event_id == event_id).order_by(t.pk)
    return [person_from_row(r) for r in session.execute(query)]


def load_itineraries(session: OrmSession, event_id: str) -> list[Itinerary]:
    """The event's itineraries with their stops in route order."""
    zone = _zone(session, event_id)
    st = StopRow.__table__.c
    stops: dict[str, list[Stop]] = {}
    query = select(StopRow.__table__).where(st.event_id == event_id).order_by(st.position)
    for r in session.execute(query):
        stops.setdefault(r.itinerary_uid, []).append(stop_from_row(r, zone))
    it = ItineraryRow.__table__.c
    query = select(ItineraryRow.__table__).where(it.event_id == event_id).order_by(it.pk)
    return [
        Itinerary(
            id=r.uid,
            title=r.title,
            stops=tuple(stops.get(r.uid, ())),
            session_id=r.session_id,
            route=tuple((float(p[0]), float(p[1])) for p in r.route or ()),
        )
        for r in session.execute(query)
    ]


def load_documents(session: OrmSession, event_id: str) -> list[Document]:
    t = DocumentRow.__table__.c
    query = select(DocumentRow.__table__).where(t.event_id == event_id).order_by(t.pk)
    return [
        Document(
            id=r.uid,
            title=r.title,
            filename=r.filename,
            media_type=r.media_type,
            confidential=bool(r.confidential),
            session_ids=strings(r.session_ids),
            sharing=sharing_of(r.sharing),
            illustrative=bool(r.illustrative),
            url=r.url or "",
        )
        for r in session.execute(query)
    ]


def load_document_hashes(session: OrmSession, event_id: str) -> dict[str, tuple[str, int]]:
    """Document id -> (sha256, size) of the file in the installed pack."""
    query = select(DocumentRow.uid, DocumentRow.sha256, DocumentRow.size).where(
        DocumentRow.event_id == event_id
    )
    return {uid: (sha, size) for uid, sha, size in session.execute(query)}


def load_questionnaires(
    session: OrmSession, event_id: str, *, current_only: bool = True
) -> list[Questionnaire]:
    """The current questionnaires in the pack's order; with current_only=False, every
    version ever installed (oldest rows first)."""
    t = QuestionnaireRow.__table__.c
    query = select(QuestionnaireRow.__table__).where(t.event_id == event_id)
    if current_only:
        query = query.where(t.current.is_(True))
    return [
        Questionnaire(
            id=r.uid,
            version=r.version,
            title=r.title,
            phase=Phase(r.phase),
            questions=tuple(question_from_data(q) for q in r.questions or ()),
            session_id=r.session_id,
            description=r.description,
        )
        for r in session.execute(query.order_by(t.pk))
    ]


def load_content(session: OrmSession, event_id: str) -> PackContent:
    """Everything installed for an event, in the pack's order: equal to what was imported."""
    event_row = session.execute(select(EventRow.__table__).where(EventRow.id == event_id)).first()
    if event_row is None:
        raise KeyError(event_id)
    return PackContent(
        event=event_from_row(event_row),
        sessions=tuple(load_sessions(session, event_id, pack_order=True)),
        people=tuple(load_people(session, event_id)),
        itineraries=tuple(load_itineraries(session, event_id)),
        documents=tuple(load_documents(session, event_id)),
        questionnaires=tuple(load_questionnaires(session, event_id)),
        map=map_from_data(event_row.map_data),
    )


def count_rows(session: OrmSession, model: Any, event_id: str) -> int:
    column = model.__table__.c.event_id
    query = select(func.count()).select_from(model.__table__).where(column == event_id)
    return int(session.execute(query).scalar_one())
