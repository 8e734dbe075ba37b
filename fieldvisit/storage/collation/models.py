"""The collation store's SQLAlchemy models, separate from the delegate store's metadata.

Records are keyed by (installation, kind, record id, content hash), a unique constraint:
a record's history is every row with the same installation, kind and id; `current` marks
the latest revision. Two contents for one revision are a conflict: both rows carry
`conflict`, and the `conflicts` table holds that (installation, kind, id, revision) once.
A record row points at its place in the payload kept on the received row, so contents are
stored once. Every accepted or rejected file names the collation run (organiser, host,
time) that saw it first.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from fieldvisit.storage.models import NAMING_CONVENTION, TYPE_ANNOTATION_MAP, utcnow

# Column limits the collator checks before writing (PostgreSQL enforces VARCHAR lengths).
ID_LENGTH = 200
INSTALLATION_LENGTH = 36
KIND_LENGTH = 16
# Revisions and versions are INTEGER columns (32 bits on PostgreSQL).
MAX_INT = 2**31 - 1


class CollationBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = TYPE_ANNOTATION_MAP


class RunRow(CollationBase):
    """One collation run: who ran it, on which computer, when, and what it did."""

    __tablename__ = "runs"

    pk: Mapped[int] = mapped_column(primary_key=True)
    organiser: Mapped[str] = mapped_column(Text, default="")
    host: Mapped[str] = mapped_column(Text, default="")
    started_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[dt.datetime | None]
    files: Mapped[int] = mapped_column(Integer, default=0)
    accepted: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    already: Mapped[int] = mapped_column(Integer, default=0)


class SenderRow(CollationBase):
    """An installation seen in a return, with the key pinned on first sight."""

    __tablename__ = "senders"

    installation_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    public_key: Mapped[str] = mapped_column(Text)  # Ed25519, base64
    delegate_name: Mapped[str] = mapped_column(Text, default="")
    first_seen: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_seen: Mapped[dt.datetime] = mapped_column(default=utcnow)


class ReceivedRow(CollationBase):
    """A return file that was accepted, and what collating it did."""

    __tablename__ = "received"

    pk: Mapped[int] = mapped_column(primary_key=True)
    file_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    filename: Mapped[str] = mapped_column(Text)
    installation_id: Mapped[str] = mapped_column(String(36), index=True)
    delegate_name: Mapped[str] = mapped_column(Text, default="")
    event_id: Mapped[str] = mapped_column(String(200))
    pack_id: Mapped[str] = mapped_column(String(200))
    pack_version: Mapped[int] = mapped_column(Integer)
    created: Mapped[dt.datetime]
    collated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    added: Mapped[int] = mapped_column(Integer, default=0)
    skipped: Mapped[int] = mapped_column(Integer, default=0)
    superseded: Mapped[int] = mapped_column(Integer, default=0)
    conflicts: Mapped[int] = mapped_column(Integer, default=0)
    # The signed payload as received, zlib-compressed since session 2 (payloads.py gives
    # the exact bytes back): record contents are read from here, and the signature can be
    # checked again later with `signature` and the sender's key.
    payload: Mapped[bytes] = mapped_column(LargeBinary)
    signature: Mapped[bytes] = mapped_column(LargeBinary)
    # None for returns collated before runs were recorded (a store upgraded from v1/v2).
    run_pk: Mapped[int | None] = mapped_column(ForeignKey("runs.pk"))


class RejectedRow(CollationBase):
    __tablename__ = "rejected"

    pk: Mapped[int] = mapped_column(primary_key=True)
    file_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    filename: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(String(32))
    detail: Mapped[str] = mapped_column(Text)
    rejected_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    run_pk: Mapped[int | None] = mapped_column(ForeignKey("runs.pk"))


class RecordRow(CollationBase):
    __tablename__ = "records"
    # Rule 1 held by the database: one row per (installation, kind, record id, content).
    # Its index also finds a sender's records (installation id leads).
    __table_args__ = (
        UniqueConstraint("installation_id", "kind", "record_id", "sha256", name="uq_records_key"),
    )

    pk: Mapped[int] = mapped_column(primary_key=True)
    installation_id: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(16))
    record_id: Mapped[str] = mapped_column(String(200))
    revision: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    received_pk: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer)  # index in its section of the payload
    current: Mapped[bool] = mapped_column(Boolean, default=True)
    conflict: Mapped[bool] = mapped_column(Boolean, default=False)


class ConflictRow(CollationBase):
    """Rule 3 held by the database: each (installation, kind, record, revision) with two
    or more contents is flagged once, whichever collator found it."""

    __tablename__ = "conflicts"

    installation_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    revision: Mapped[int] = mapped_column(Integer, primary_key=True)
    flagged_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class QuestionnaireDefRow(CollationBase):
    """A questionnaire version as a return carried it, so old answers stay readable."""

    __tablename__ = "questionnaires"
    __table_args__ = (UniqueConstraint("event_id", "uid", "version"),)

    pk: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[str] = mapped_column(String(200))
    uid: Mapped[str] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    questions: Mapped[list[object]] = mapped_column(JSON)
