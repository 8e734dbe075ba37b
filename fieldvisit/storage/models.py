"""SQLAlchemy 2 typed models of the local store.

Two halves that never point at each other with foreign keys:
- organiser content (events, sessions, people, stops, documents, questionnaires, changes),
  replaced wholesale when a newer pack is imported;
- the delegate's own data (notes, answers, agenda picks, ratings, seen marks), which
  refers to organiser content by (event_id, stable id) only, so a pack update never
  touches it. Times are UTC instants stored as naive UTC; the event's IANA zone is kept
  on the event row.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# Python annotation -> column type, for both stores' declarative bases.
TYPE_ANNOTATION_MAP: dict[Any, Any] = {
    dt.datetime: DateTime(),
    dict[str, object]: JSON,
    list[str]: JSON,
    list[object]: JSON,
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = TYPE_ANNOTATION_MAP


def utcnow() -> dt.datetime:
    """Now as a naive UTC instant, the way every time column stores it."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


# --- organiser content ------------------------------------------------------------------


class EventRow(Base):
    __tablename__ = "events"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    timezone: Mapped[str] = mapped_column(String(64))
    start_date: Mapped[dt.date]
    end_date: Mapped[dt.date]
    # The Event dataclass as JSON (organisers, venues, languages, notices...).
    data: Mapped[dict[str, object]] = mapped_column(JSON)
    map_data: Mapped[dict[str, object] | None] = mapped_column(JSON)
    pack_id: Mapped[str] = mapped_column(String(200))
    pack_version: Mapped[int] = mapped_column(Integer)
    pack_file: Mapped[str] = mapped_column(Text)  # file name under paths.packs
    signed: Mapped[bool] = mapped_column(Boolean)
    key_fingerprint: Mapped[str | None] = mapped_column(String(128))
    return_key: Mapped[str | None] = mapped_column(Text)  # organiser X25519 key, base64
    # HMAC key from the signed pack; returns prove with it that they come from the pack.
    return_proof_key: Mapped[str | None] = mapped_column(Text)
    installed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    sessions: Mapped[list[SessionRow]] = relationship(
        back_populates="event", cascade="all, delete-orphan", passive_deletes=True
    )


class SessionRow(Base):
    __tablename__ = "sessions"
    __table_args__ = (UniqueConstraint("event_id", "uid"),)

    pk: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    uid: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(32))
    start_utc: Mapped[dt.datetime] = mapped_column(index=True)
    end_utc: Mapped[dt.datetime]
    room: Mapped[str] = mapped_column(Text, default="")
    venue_id: Mapped[str | None] = mapped_column(String(200))
    online_url: Mapped[str] = mapped_column(Text, default="")
    track: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    speaker_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    document_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    signup_group: Mapped[str] = mapped_column(String(200), default="")
    language: Mapped[str] = mapped_column(String(32), default="")
    illustrative: Mapped[bool] = mapped_column(Boolean, default=False)
    # [{"title", "url", "kind"}, ...]: kept as the pack gave them, opened only on a click.
    links: Mapped[list[str] | None] = mapped_column(JSON, default=list)

    event: Mapped[EventRow] = relationship(back_populates="sessions")


class PersonRow(Base):
    __tablename__ = "people"
    __table_args__ = (UniqueConstraint("event_id", "uid"),)

    pk: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    uid: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(32))
    organisation: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(Text, default="")
    email: Mapped[str] = mapped_column(Text, default="")
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    listed: Mapped[bool] = mapped_column(Boolean, default=False)
    biography: Mapped[str] = mapped_column(Text, default="", server_default="")


class ItineraryRow(Base):
    __tablename__ = "itineraries"
    __table_args__ = (UniqueConstraint("event_id", "uid"),)

    pk: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    uid: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(Text)
    session_id: Mapped[str | None] = mapped_column(String(200))
    route: Mapped[list[str]] = mapped_column(JSON, default=list)  # [[lat, lon], ...]


class StopRow(Base):
    __tablename__ = "stops"
    __table_args__ = (UniqueConstraint("event_id", "uid"),)

    pk: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    itinerary_uid: Mapped[str] = mapped_column(String(200))
    uid: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    start_utc: Mapped[dt.datetime | None]
    end_utc: Mapped[dt.datetime | None]
    address: Mapped[str] = mapped_column(Text, default="")
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    host_id: Mapped[str | None] = mapped_column(String(200))
    briefing: Mapped[str] = mapped_column(Text, default="")
    etiquette: Mapped[str] = mapped_column(Text, default="")
    safety: Mapped[str] = mapped_column(Text, default="")
    directions_to_next: Mapped[str] = mapped_column(Text, default="")


class DocumentRow(Base):
    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("event_id", "uid"),)

    pk: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    uid: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(Text)
    filename: Mapped[str] = mapped_column(Text)
    media_type: Mapped[str] = mapped_column(String(200))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    session_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    # shared | confidential_not_shared (no file: sha256 "" and size 0) | attendees_only
    sharing: Mapped[str] = mapped_column(String(32), default="shared")
    illustrative: Mapped[bool] = mapped_column(Boolean, default=False)
    # An attachment listed by its address (no file, sha256 "" and size 0); "" for a file.
    url: Mapped[str] = mapped_column(Text, default="")


class QuestionnaireRow(Base):
    """Every version ever installed is kept, so answers to an older version stay readable."""

    __tablename__ = "questionnaires"
    __table_args__ = (UniqueConstraint("event_id", "uid", "version"),)

    pk: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    uid: Mapped[str] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    phase: Mapped[str] = mapped_column(String(16))
    session_id: Mapped[str | None] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    questions: Mapped[list[str]] = mapped_column(JSON)  # list of question objects
    current: Mapped[bool] = mapped_column(Boolean, default=True)


class ChangeRow(Base):
    """One item of the change list a pack update produced, shown until seen."""

    __tablename__ = "changes"

    pk: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    pack_version: Mapped[int] = mapped_column(Integer)
    target_kind: Mapped[str] = mapped_column(String(16))  # session | stop
    target_uid: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(Text)
    change: Mapped[str] = mapped_column(String(16))  # new | changed | cancelled
    fields: Mapped[list[str]] = mapped_column(JSON, default=list)  # [{field, old, new}]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    seen: Mapped[bool] = mapped_column(Boolean, default=False)


class TrustPinRow(Base):
    """The organiser key first seen for an event (trust on first use) and later accepted keys."""

    __tablename__ = "trust_pins"

    event_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    public_key: Mapped[str] = mapped_column(Text)  # Ed25519, base64
    fingerprint: Mapped[str] = mapped_column(String(128))
    first_seen: Mapped[dt.datetime] = mapped_column(default=utcnow)
    history: Mapped[list[str]] = mapped_column(JSON, default=list)  # earlier fingerprints


# --- the delegate's own data ------------------------------------------------------------


class NoteRow(Base):
    __tablename__ = "notes"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # uuid4
    event_id: Mapped[str] = mapped_column(String(200), index=True)
    target_kind: Mapped[str] = mapped_column(String(16), default="")  # session|stop|person|""
    target_uid: Mapped[str] = mapped_column(String(200), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    private: Mapped[bool] = mapped_column(Boolean, default=False)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)

    revisions: Mapped[list[NoteRevisionRow]] = relationship(
        back_populates="note", cascade="all, delete-orphan", passive_deletes=True
    )


class NoteRevisionRow(Base):
    __tablename__ = "note_revisions"
    __table_args__ = (UniqueConstraint("note_id", "revision"),)

    pk: Mapped[int] = mapped_column(primary_key=True)
    note_id: Mapped[str] = mapped_column(ForeignKey("notes.id", ondelete="CASCADE"), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    body: Mapped[str] = mapped_column(Text)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    saved_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    note: Mapped[NoteRow] = relationship(back_populates="revisions")


class AnswerRow(Base):
    __tablename__ = "answers"
    __table_args__ = (
        UniqueConstraint("event_id", "questionnaire_uid", "version", "session_uid", "question_uid"),
    )

    pk: Mapped[int] = mapped_column(primary_key=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)  # uuid4, stable across returns
    event_id: Mapped[str] = mapped_column(String(200), index=True)
    questionnaire_uid: Mapped[str] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(Integer)
    session_uid: Mapped[str] = mapped_column(String(200), default="")
    question_uid: Mapped[str] = mapped_column(String(200))
    value: Mapped[dict[str, object]] = mapped_column(JSON)  # {"value": ...}
    revision: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class AgendaPickRow(Base):
    __tablename__ = "agenda_picks"
    __table_args__ = (UniqueConstraint("event_id", "session_uid"),)

    pk: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[str] = mapped_column(String(200), index=True)
    session_uid: Mapped[str] = mapped_column(String(200))
    picked_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class RatingRow(Base):
    __tablename__ = "ratings"
    __table_args__ = (UniqueConstraint("event_id", "session_uid"),)

    pk: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[str] = mapped_column(String(200), index=True)
    session_uid: Mapped[str] = mapped_column(String(200))
    stars: Mapped[int] = mapped_column(Integer)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class SeenRow(Base):
    """What the delegate has seen: a stop visited, a document opened, a change read."""

    __tablename__ = "seen"
    __table_args__ = (UniqueConstraint("event_id", "target_kind", "target_uid"),)

    pk: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[str] = mapped_column(String(200), index=True)
    target_kind: Mapped[str] = mapped_column(String(16))
    target_uid: Mapped[str] = mapped_column(String(200))
    seen_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class InstallationRow(Base):
    """This installation's identity: the key that signs its return files."""

    __tablename__ = "installation"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    delegate_name: Mapped[str] = mapped_column(Text, default="")
    signing_key: Mapped[bytes] = mapped_column(LargeBinary)  # Ed25519 raw private bytes
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class SentReturnRow(Base):
    """A return file this installation wrote, and what it held."""

    __tablename__ = "sent_returns"

    pk: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[str] = mapped_column(String(200), index=True)
    filename: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    items: Mapped[list[str]] = mapped_column(JSON, default=list)  # record ids and revisions
