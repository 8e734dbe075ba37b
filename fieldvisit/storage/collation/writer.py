"""The collation store's writes, held to its rules by the database.

Every write is an INSERT ... ON CONFLICT of the dialect (SQLite or PostgreSQL) against a
unique constraint, so two or more collators at once can neither double a record, a
return file, a rejection, a questionnaire version nor a conflict flag. A return's rows
are written in one transaction that first locks its sender's row: collators of the same
installation's returns take turns (and see each other's committed records), collators of
different installations run side by side.

The statements are built from the models with SQLAlchemy's dialect inserts, compiled
once, and run on the driver's cursor of the unit's connection: SQLAlchemy's per-row
parameter handling cost more than decrypting the return did.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import (
    ARRAY,
    ClauseElement,
    Table,
    bindparam,
    cast,
    func,
    literal_column,
    select,
    text,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

from fieldvisit.storage.collation.engine import CollationStore
from fieldvisit.storage.collation.models import (
    CollationBase,
    ConflictRow,
    QuestionnaireDefRow,
    ReceivedRow,
    RecordRow,
    RejectedRow,
    RunRow,
    SenderRow,
)
from fieldvisit.storage.models import utcnow

RECORD_COLUMNS = (
    "installation_id", "kind", "record_id", "revision", "sha256", "received_pk", "position",
    "current", "conflict",
)  # fmt: skip
RECORD_KEY = ("installation_id", "kind", "record_id", "sha256")
RECEIVED_COLUMNS = (
    "file_sha256", "filename", "installation_id", "delegate_name", "event_id", "pack_id",
    "pack_version", "created", "collated_at", "added", "skipped", "superseded", "conflicts",
    "payload", "signature", "run_pk",
)  # fmt: skip
SENDER_COLUMNS = ("installation_id", "public_key", "delegate_name", "first_seen", "last_seen")
REJECTED_COLUMNS = ("file_sha256", "filename", "reason", "detail", "rejected_at", "run_pk")
CONFLICT_COLUMNS = ("installation_id", "kind", "record_id", "revision", "flagged_at")


class _Cursor(Protocol):
    def execute(self, sql: str, params: Any = ...) -> Any: ...
    def executemany(self, sql: str, params: Any) -> Any: ...
    def fetchone(self) -> Any: ...
    def fetchall(self) -> list[Any]: ...
    def close(self) -> Any: ...


@dataclass(frozen=True, slots=True)
class ExistingRecord:
    pk: int
    kind: str
    record_id: str
    revision: int
    sha256: str
    current: bool
    conflict: bool


@dataclass(frozen=True, slots=True)
class NewReceived:
    file_sha256: str
    filename: str
    installation_id: str
    delegate_name: str
    event_id: str
    pack_id: str
    pack_version: int
    created: dt.datetime  # naive UTC
    added: int
    skipped: int
    superseded: int
    conflicts: int
    payload: bytes
    signature: bytes


def _table(model: type[CollationBase]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


def _insert(dialect_name: str, model: type[CollationBase]) -> Any:
    module: Any = postgresql if dialect_name == "postgresql" else sqlite
    return module.insert(_table(model))


class Statements:
    """The hot statements of one dialect, compiled once with named parameters."""

    def __init__(self, dialect_name: str) -> None:
        self.dialect_name = dialect_name
        self.postgres = dialect_name == "postgresql"
        dialect: Dialect = (
            postgresql.psycopg.dialect() if self.postgres else sqlite.dialect(paramstyle="named")
        )

        def sql(statement: ClauseElement, keys: Sequence[str] | None = None) -> str:
            compiled = statement.compile(
                dialect=dialect, column_keys=list(keys) if keys is not None else None
            )
            return str(compiled)

        senders, records = _table(SenderRow), _table(RecordRow)
        self.new_sender = sql(
            _insert(dialect_name, SenderRow)
            .on_conflict_do_nothing(index_elements=["installation_id"])
            .returning(senders.c.installation_id),
            SENDER_COLUMNS,
        )
        lock = select(senders.c.public_key).where(
            senders.c.installation_id == bindparam("installation_id")
        )
        # SQLite has one writer at a time already (BEGIN IMMEDIATE); PostgreSQL locks the row.
        self.lock_sender = sql(lock.with_for_update() if self.postgres else lock)
        self.touch_sender = sql(
            update(senders)
            .where(senders.c.installation_id == bindparam("key_installation_id"))
            .values(
                last_seen=bindparam("last_seen"),
                delegate_name=func.coalesce(
                    func.nullif(bindparam("delegate_name"), literal_column("''")),
                    senders.c.delegate_name,
                ),
            )
        )
        self.claim_received = sql(
            _insert(dialect_name, ReceivedRow)
            .on_conflict_do_nothing(index_elements=["file_sha256"])
            .returning(_table(ReceivedRow).c.pk),
            RECEIVED_COLUMNS,
        )
        self.reject = sql(
            _insert(dialect_name, RejectedRow)
            .on_conflict_do_nothing(index_elements=["file_sha256"])
            .returning(_table(RejectedRow).c.pk),
            REJECTED_COLUMNS,
        )
        if self.postgres:
            # One statement for a return's records: arrays zipped by unnest.
            self.insert_records = sql(
                postgresql.insert(records)
                .from_select(
                    list(RECORD_COLUMNS),
                    select(
                        *(
                            func.unnest(cast(bindparam(c), ARRAY(records.c[c].type)))
                            for c in RECORD_COLUMNS
                        )
                    ),
                )
                .on_conflict_do_nothing(index_elements=list(RECORD_KEY))
            )
        else:
            self.insert_records = sql(
                sqlite.insert(records).on_conflict_do_nothing(index_elements=list(RECORD_KEY)),
                RECORD_COLUMNS,
            )
        self.records_of = sql(
            select(
                records.c.pk, records.c.kind, records.c.record_id, records.c.revision,
                records.c.sha256, records.c.current, records.c.conflict,
            ).where(records.c.installation_id == bindparam("installation_id"))
        )  # fmt: skip
        self.set_flags = sql(
            update(records)
            .where(records.c.pk == bindparam("key_pk"))
            .values(current=bindparam("current"), conflict=bindparam("conflict"))
        )
        self.flag_conflict = sql(
            _insert(dialect_name, ConflictRow).on_conflict_do_nothing(
                index_elements=["installation_id", "kind", "record_id", "revision"]
            ),
            CONFLICT_COLUMNS,
        )


class Writes:
    """The writes of one unit of work (one transaction), on its driver connection."""

    def __init__(self, session: Session, statements: Statements) -> None:
        self.session = session
        self.s = statements
        raw: Any = session.connection().connection.driver_connection
        self._cursor: _Cursor = raw.cursor()
        self._stamp = _pg_time if statements.postgres else _sqlite_time

    def close(self) -> None:
        self._cursor.close()

    def time(self, moment: dt.datetime) -> object:
        return self._stamp(moment)

    def reject(
        self, digest: str, filename: str, reason: str, detail: str, now: object, run_pk: int | None
    ) -> bool:
        """Record a rejected file; False when someone recorded it first."""
        params = dict(zip(REJECTED_COLUMNS, (digest, filename, reason, detail, now, run_pk),
                          strict=True))  # fmt: skip
        self._cursor.execute(self.s.reject, params)
        return self._cursor.fetchone() is not None

    def lock_sender(self, installation_id: str, key: str, name: str, now: object) -> str | None:
        """Insert or lock the sender's row for this transaction.

        Returns None for a sender new in this transaction, else its pinned key (not yet
        updated: call `touch_sender` once the key is accepted).
        """
        self._cursor.execute(
            self.s.new_sender,
            dict(zip(SENDER_COLUMNS, (installation_id, key, name, now, now), strict=True)),
        )
        if self._cursor.fetchone() is not None:
            return None
        self._cursor.execute(self.s.lock_sender, {"installation_id": installation_id})
        row = self._cursor.fetchone()
        return str(row[0])

    def touch_sender(self, installation_id: str, name: str, now: object) -> None:
        self._cursor.execute(
            self.s.touch_sender,
            {"key_installation_id": installation_id, "last_seen": now, "delegate_name": name},
        )

    def records_of(self, installation_id: str) -> list[ExistingRecord]:
        self._cursor.execute(self.s.records_of, {"installation_id": installation_id})
        return [
            ExistingRecord(int(pk), kind, rid, int(rev), sha, bool(cur), bool(con))
            for pk, kind, rid, rev, sha, cur, con in self._cursor.fetchall()
        ]

    def claim_received(self, new: NewReceived, run_pk: int | None, now: object) -> int | None:
        """Record an accepted file by its hash; None when it is recorded already."""
        values = (
            new.file_sha256, new.filename, new.installation_id, new.delegate_name, new.event_id,
            new.pack_id, new.pack_version, self._stamp(new.created), now, new.added, new.skipped,
            new.superseded, new.conflicts, new.payload, new.signature, run_pk,
        )  # fmt: skip
        self._cursor.execute(
            self.s.claim_received, dict(zip(RECEIVED_COLUMNS, values, strict=True))
        )
        row = self._cursor.fetchone()
        return None if row is None else int(row[0])

    def insert_records(self, rows: Iterable[tuple[object, ...]]) -> None:
        """Rows in RECORD_COLUMNS order; one already there (same key) is left alone."""
        if self.s.postgres:
            columns = list(zip(*rows, strict=True))
            if columns:
                self._cursor.execute(
                    self.s.insert_records,
                    {name: list(values) for name, values in zip(RECORD_COLUMNS, columns,
                                                                 strict=True)},
                )  # fmt: skip
            return
        self._cursor.executemany(
            self.s.insert_records, [dict(zip(RECORD_COLUMNS, row, strict=True)) for row in rows]
        )

    def set_flags(self, updates: Sequence[tuple[bool, bool, int]]) -> None:
        """(current, conflict, pk) for existing rows whose flags changed."""
        if updates:
            self._cursor.executemany(
                self.s.set_flags,
                [{"current": cur, "conflict": con, "key_pk": pk} for cur, con, pk in updates],
            )

    def flag_conflicts(self, keys: Iterable[tuple[str, str, str, int]], now: object) -> None:
        params = [
            dict(zip(CONFLICT_COLUMNS, (*key, now), strict=True)) for key in sorted(set(keys))
        ]
        if params:
            self._cursor.executemany(self.s.flag_conflict, params)

    def add_questionnaire(
        self, event_id: str, uid: str, version: int, title: str, questions: list[object]
    ) -> None:
        """A questionnaire version, once per store (rare: through the ORM's JSON handling)."""
        self.session.execute(
            _insert(self.s.dialect_name, QuestionnaireDefRow)
            .values(event_id=event_id, uid=uid, version=version, title=title, questions=questions)
            .on_conflict_do_nothing(index_elements=["event_id", "uid", "version"])
        )


def _sqlite_time(moment: dt.datetime) -> str:
    """A naive UTC time in the text form SQLAlchemy's SQLite DateTime reads back
    ("%Y-%m-%d %H:%M:%S.%f"; isoformat writes it several times faster than strftime)."""
    return moment.isoformat(" ", "microseconds")


def _pg_time(moment: dt.datetime) -> dt.datetime:
    return moment


class CollationWriter:
    """The store's write side for a collator: runs, and units of work for one return each."""

    def __init__(self, store: CollationStore) -> None:
        self.store = store
        self.statements = Statements(store.dialect)

    def start_run(self, organiser: str, host: str, files: int) -> int:
        with self.store.unit(write=True) as session:
            run = RunRow(organiser=organiser, host=host, files=files, started_at=utcnow())
            session.add(run)
            session.flush()
            return run.pk

    def finish_run(self, run_pk: int, accepted: int, rejected: int, already: int) -> None:
        with self.store.unit(write=True) as session:
            session.execute(
                update(RunRow)
                .where(RunRow.pk == run_pk)
                .values(finished_at=utcnow(), accepted=accepted, rejected=rejected, already=already)
            )

    def known(self) -> tuple[set[str], set[tuple[str, str, int]]]:
        """File hashes already recorded, and questionnaire versions already kept."""
        with self.store.unit() as session:
            seen = set(session.scalars(select(ReceivedRow.file_sha256)))
            seen.update(session.scalars(select(RejectedRow.file_sha256)))
            questionnaires = {
                (e, u, int(v))
                for e, u, v in session.execute(
                    select(
                        QuestionnaireDefRow.event_id,
                        QuestionnaireDefRow.uid,
                        QuestionnaireDefRow.version,
                    )
                )
            }
        return seen, questionnaires

    def ping(self) -> None:
        with self.store.unit() as session:
            session.execute(text("SELECT 1"))
