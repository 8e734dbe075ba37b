"""Opening the organiser's collation database: its own engine, schema and units of work."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, select, text
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from fieldvisit.collation.models import SCHEMA_VERSION, CollationBase, SchemaVersionRow
from fieldvisit.domain.errors import StorageError


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    # A rollback journal, not WAL: a collation run mostly appends pages (the payloads), which
    # a rollback journal writes once while WAL writes them twice (log, then checkpoint).
    # One writer at a time is all this store ever has.
    cursor.execute("PRAGMA journal_mode=DELETE")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    # 64 MB of page cache: a run inserts tens of thousands of index entries.
    cursor.execute("PRAGMA cache_size=-65536")
    cursor.close()


def _upgrade(session: Session, version: int) -> None:
    """Bring an older collation store up to SCHEMA_VERSION, in the opening transaction.

    The changes so far are to indexes only, so no data is touched; `create_all` has already
    made any table that is new.
    """
    if version < 2:
        session.execute(text("DROP INDEX IF EXISTS ix_records_installation_id"))
        session.execute(
            text("CREATE INDEX IF NOT EXISTS ix_records_received_pk ON records (received_pk)")
        )
    session.add(SchemaVersionRow(version=SCHEMA_VERSION))


@dataclass(slots=True)
class CollationStore:
    """The collation database. Use it from one thread at a time (the GUI gives it its own)."""

    path: Path
    engine: Engine

    @classmethod
    def open(cls, path: Path) -> CollationStore:
        if not path.parent.is_dir():
            raise StorageError("the folder does not exist", path=path.parent)
        engine = create_engine(f"sqlite:///{path}")
        event.listen(engine, "connect", _on_connect)
        try:
            CollationBase.metadata.create_all(engine)
            with Session(engine) as session, session.begin():
                found = session.scalars(select(SchemaVersionRow.version)).all()
                if not found:
                    session.add(SchemaVersionRow(version=SCHEMA_VERSION))
                elif max(found) > SCHEMA_VERSION:
                    raise StorageError(
                        "this collation store was written by a newer fieldvisit", path=path
                    )
                elif max(found) < SCHEMA_VERSION:
                    _upgrade(session, max(found))
        except DatabaseError as exc:
            engine.dispose()
            raise StorageError(f"not a collation store ({exc.orig})", path=path) from exc
        except StorageError:
            engine.dispose()
            raise
        return cls(path=path, engine=engine)

    @contextmanager
    def unit(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()
