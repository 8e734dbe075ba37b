"""The collation store's own SQLAlchemy models, separate from the delegate store's metadata.

Records are keyed by (installation, kind, record id, content hash): a record's history is
every row with the same installation, kind and id; `current` marks the latest revision and
`conflict` marks rows that share a revision but differ in content. A record row points at
its place in the payload kept on the received row, so contents are stored once.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from fieldvisit.storage.models import NAMING_CONVENTION, utcnow

# 2: records are indexed by their return (received_pk), not by installation id.
SCHEMA_VERSION = 2


class CollationBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dict[str, object]: JSON,
        list[object]: JSON,
    }


class SchemaVersionRow(CollationBase):
    __tablename__ = "schema_version"

    version: Mapped[int] = mapped_column(Integer, primary_key=True)


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
    # The signed payload exactly as received: record contents are read from here, and the
    # signature can be checked again later with `signature` and the sender's key.
    payload: Mapped[bytes] = mapped_column(LargeBinary)
    signature: Mapped[bytes] = mapped_column(LargeBinary)


class RejectedRow(CollationBase):
    __tablename__ = "rejected"

    pk: Mapped[int] = mapped_column(primary_key=True)
    file_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    filename: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(String(32))
    detail: Mapped[str] = mapped_column(Text)
    rejected_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class RecordRow(CollationBase):
    __tablename__ = "records"
    # One narrow integer index: the collator reads a sender's records through the returns
    # it sent (received_pk, which only grows, so inserts append to the index). It is the
    # only writer and keeps (installation, kind, record id, sha256) unique itself; a wide
    # UNIQUE index cost a fifth of a collation run in bulk inserts, and an index on the
    # installation id text about a tenth.

    pk: Mapped[int] = mapped_column(primary_key=True)
    installation_id: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(16))
    record_id: Mapped[str] = mapped_column(String(200))
    revision: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    received_pk: Mapped[int] = mapped_column(Integer, index=True)
    position: Mapped[int] = mapped_column(Integer)  # index in its section of the payload
    current: Mapped[bool] = mapped_column(Boolean, default=True)
    conflict: Mapped[bool] = mapped_column(Boolean, default=False)


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
