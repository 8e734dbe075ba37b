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
import json
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain, repeat
from typing import Any, Protocol

from sqlalchemy import (
    select,
    update,
)
from sqlalchemy.exc import DBAPIError

from fieldvisit.domain.errors import StorageError
from fieldvisit.storage.collation.columns import (
    CONFLICT_COLUMNS,
    RECEIVED_COLUMNS,
    REJECTED_COLUMNS,
    SENDER_COLUMNS,
)
from fieldvisit.storage.collation.engine import CollationStore
from fieldvisit.storage.collation.first_return import BATCH_BYTES, BATCH_FIELDS
from fieldvisit.storage.collation.models import (
    QuestionnaireDefRow,
    ReceivedRow,
    RejectedRow,
    RunRow,
    SenderRow,
)
from fieldvisit.storage.collation.statements import Statements, statements_for
from fieldvisit.storage.models import utcnow


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
    payload: bytes  # as the store keeps it (storage/collation/payloads.py)
    signature: bytes


class Writes:
    """The writes of one return, on the collator's driver connection."""

    def __init__(self, cursor: _Cursor, statements: Statements) -> None:
        self.s = statements
        self._cursor = cursor
        self._stamp = _pg_time if statements.postgres else _sqlite_time
        self._touched: str | None = None  # the sender lock_sender touched already

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
        updated: call `touch_sender` once the key is accepted). PostgreSQL: a known sender
        with this key is locked and touched at once (one round trip instead of three).
        """
        if self.s.postgres:
            self._cursor.execute(
                self.s.touch_known_sender,
                {"key_installation_id": installation_id, "key_public_key": key,
                 "last_seen": now, "delegate_name": name},
            )  # fmt: skip
            if self._cursor.fetchone() is not None:
                self._touched = installation_id
                return key
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
        if self._touched == installation_id:
            return
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
        values = self._received_values(new, run_pk, now)
        self._cursor.execute(
            self.s.claim_received, dict(zip(RECEIVED_COLUMNS, values, strict=True))
        )
        row = self._cursor.fetchone()
        return None if row is None else int(row[0])

    def write_return(
        self, new: NewReceived, run_pk: int | None, now: object,
        rows: Sequence[tuple[str, str, int, str, int, bool, bool]],
        flags: Sequence[tuple[bool, bool, int]], conflicts: Iterable[tuple[str, str, str, int]],
    ) -> int | None:  # fmt: skip
        """A return after the rules: its received file (None when it is recorded already,
        and then nothing is written), its new records (`rows`: kind, record id, revision,
        sha256, position, current, conflict), the changed flags of records it has
        (current, conflict, pk) and its conflicts. PostgreSQL: one statement."""
        if not self.s.postgres:
            received_pk = self.claim_received(new, run_pk, now)
            if received_pk is not None:
                installation = new.installation_id
                self.insert_records(
                    (installation, kind, rid, rev, sha, received_pk, pos, cur, con)
                    for kind, rid, rev, sha, pos, cur, con in rows
                )
                self.set_flags(flags)
                self.flag_conflicts(conflicts, now)
            return received_pk
        params = dict(zip(RECEIVED_COLUMNS, self._received_values(new, run_pk, now), strict=True))
        params.update(new_records=_json(rows), new_flags=_json(flags),
                      new_conflicts=_json(sorted(set(conflicts))), now=now)  # fmt: skip
        self._cursor.execute(self.s.write_return, params)
        row = self._cursor.fetchone()
        return None if row is None else int(row[0])

    def first_returns(
        self, news: Sequence[NewReceived], keys: Sequence[str], run_pk: int | None,
        now: object, manifests: Sequence[Sequence[tuple[str, str, int, str]]],
        positions: Sequence[Sequence[int]],
    ) -> dict[int, int]:  # fmt: skip
        """PostgreSQL: new senders' first returns at once (see first_return.py): the
        received row's pk of each return written, by its index in `news`."""
        params: dict[str, object] = {"now": now, "run_pk": run_pk}
        params["returns"] = json.dumps(
            [
                (new.installation_id, key, new.delegate_name, new.file_sha256, new.filename,
                 new.event_id, new.pack_id, new.pack_version, new.created.isoformat(),
                 new.added)
                for new, key in zip(news, keys, strict=True)
            ],
            ensure_ascii=False, separators=(",", ":"),
        )  # fmt: skip
        assert BATCH_FIELDS[-1][0] == "added" and BATCH_BYTES == ("payload", "signature")
        params["payload"] = [new.payload for new in news]
        params["signature"] = [new.signature for new in news]
        params["records"] = json.dumps(
            list(chain.from_iterable(
                zip(repeat(n, len(places)), *zip(*manifest, strict=True), places, strict=True)
                for n, (manifest, places) in enumerate(zip(manifests, positions, strict=True))
            )),
            separators=(",", ":"),
        )  # fmt: skip
        self._cursor.execute(self.s.first_returns, params)
        return {int(n): int(pk) for n, pk in self._cursor.fetchall()}

    def _received_values(
        self, new: NewReceived, run_pk: int | None, now: object
    ) -> tuple[object, ...]:
        return (
            new.file_sha256, new.filename, new.installation_id, new.delegate_name, new.event_id,
            new.pack_id, new.pack_version, self._stamp(new.created), now, new.added, new.skipped,
            new.superseded, new.conflicts, new.payload, new.signature, run_pk,
        )  # fmt: skip

    def insert_records(self, rows: Iterable[tuple[object, ...]]) -> None:
        """Rows in RECORD_COLUMNS order; one already there (same key) is left alone."""
        if self.s.postgres:
            rows = list(rows)
            if rows:
                self._cursor.execute(self.s.insert_records, {"rows": _json(rows)})
            return
        rows = list(rows)
        for start in range(0, len(rows), _ROWS_PER_INSERT):
            part = rows[start : start + _ROWS_PER_INSERT]
            self._cursor.execute(self.s.insert_rows(len(part)), list(chain.from_iterable(part)))

    def set_flags(self, updates: Sequence[tuple[bool, bool, int]]) -> None:
        """(current, conflict, pk) for existing rows whose flags changed."""
        if updates and self.s.postgres:
            self._cursor.execute(self.s.set_flags, {"rows": _json(updates)})
        elif updates:
            self._cursor.executemany(
                self.s.set_flags,
                [{"current": cur, "conflict": con, "key_pk": pk} for cur, con, pk in updates],
            )

    def flag_conflicts(self, keys: Iterable[tuple[str, str, str, int]], now: object) -> None:
        if self.s.postgres:
            unique = sorted(set(keys))
            if unique:
                self._cursor.execute(self.s.flag_conflict, {"rows": _json(unique), "now": now})
            return
        params = [
            dict(zip(CONFLICT_COLUMNS, (*key, now), strict=True)) for key in sorted(set(keys))
        ]
        if params:
            self._cursor.executemany(self.s.flag_conflict, params)

    def add_questionnaire(
        self, event_id: str, uid: str, version: int, title: str, questions: list[object]
    ) -> None:
        """A questionnaire version, once per store."""
        self._cursor.execute(
            self.s.add_questionnaire,
            {"event_id": event_id, "uid": uid, "version": version, "title": title,
             "questions": json.dumps(questions)},
        )  # fmt: skip


def _json(rows: Sequence[Sequence[object]]) -> str:
    """Rows as one JSON array of arrays (PostgreSQL's statements unpack it)."""
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))


def _sqlite_time(moment: dt.datetime) -> str:
    """A naive UTC time in the text form SQLAlchemy's SQLite DateTime reads back
    ("%Y-%m-%d %H:%M:%S.%f"; isoformat writes it several times faster than strftime)."""
    return moment.isoformat(" ", "microseconds")


def _pg_time(moment: dt.datetime) -> dt.datetime:
    return moment


# SQLite: records per INSERT statement (9 parameters each, far below SQLite's limit).
_ROWS_PER_INSERT = 100


class CollationInterruptedError(StorageError):
    """The database went away or failed in the middle of a collation run."""


class CollationRetryError(Exception):
    """PostgreSQL chose this return's transaction as a deadlock victim: collate it again."""


# deadlock_detected, serialization_failure
_RETRY_STATES = ("40P01", "40001")
# A first-returns batch inserts its files and records without ON CONFLICT (their senders
# are new in the same statement, so nobody else can hold them); should a store hold one
# anyway, the batch writes nothing and its returns take the rules' way.
_UNIQUE_VIOLATION = "23505"


# SQLite: the returns of this many seconds share one transaction (each inside a savepoint,
# so a return is still all in or all out). Each commit writes the WAL; batching keeps a
# run near the raw decrypt-and-parse time. Other collators wait at most this long (plus
# one return) for the write lock.
SQLITE_BATCH_SECONDS = 0.5


class CollationWriter:
    """The store's write side for one collator: runs, and one unit per return.

    It holds one driver connection for the run. On PostgreSQL each return is its own
    transaction (its sender's row stays locked only that long, and two collators can
    never wait on each other in a cycle). On SQLite, where one writer at a time holds the
    whole database anyway, returns are batched in one transaction of about half a second,
    each return inside its own savepoint.
    """

    def __init__(self, store: CollationStore) -> None:
        self.store = store
        self.statements = statements_for(store.dialect)
        self.sqlite = store.is_sqlite
        self._raw: Any = None
        self._cursor: _Cursor | None = None
        self._batch_started: float | None = None

    def __enter__(self) -> CollationWriter:
        try:
            self._raw = self.store.engine.raw_connection()
        except DBAPIError as exc:
            raise self._interrupted(exc) from exc
        self._cursor = self._raw.cursor()
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        try:
            if error is None:
                self._commit_batch()
            elif isinstance(error, Exception) and not isinstance(
                error, (CollationInterruptedError, DBAPIError, sqlite3.Error)
            ):
                # The run stopped for a reason outside the store (a worker process died):
                # the batch holds whole returns only (each one's savepoint was released or
                # rolled back), so they are kept.
                self._quietly(self._commit_batch)
            elif self._batch_started is not None:
                self._quietly(self._raw.rollback)
        finally:
            self._batch_started = None
            if self._cursor is not None:
                self._quietly(self._cursor.close)
            if self._raw is not None:
                self._quietly(self._raw.close)
            self._raw = self._cursor = None

    @staticmethod
    def _quietly(action: Any) -> None:
        try:
            action()
        except Exception:
            pass

    def _interrupted(self, exc: BaseException) -> CollationInterruptedError:
        cause = getattr(exc, "orig", None) or exc
        lines = [line.strip() for line in str(cause).splitlines() if line.strip()]
        return CollationInterruptedError(
            f"the database connection failed ({lines[0] if lines else type(cause).__name__})",
            path=self.store.where,
        )

    def commit_batch(self) -> None:
        """SQLite: commit the returns written so far now (each is whole), not at the end
        of the batch's half second. PostgreSQL commits each return already."""
        try:
            self._commit_batch()
        except (DBAPIError, sqlite3.Error) as exc:
            raise self._interrupted(exc) from exc

    def _commit_batch(self) -> None:
        if self._batch_started is not None:
            self._batch_started = None
            self._raw.commit() if not self.sqlite else self._exec("COMMIT")

    def _exec(self, sql: str) -> None:
        assert self._cursor is not None
        self._cursor.execute(sql)

    @contextmanager
    def one_return(self) -> Iterator[Writes]:
        """The writes of one return: all of them are kept, or none (on any exception)."""
        assert self._cursor is not None, "use the writer as a context manager"
        try:
            if self.sqlite:
                if self._batch_started is None:
                    self._exec("BEGIN IMMEDIATE")
                    self._batch_started = time.monotonic()
                self._exec("SAVEPOINT one_return")
                try:
                    yield Writes(self._cursor, self.statements)
                except BaseException:
                    self._exec("ROLLBACK TO one_return")
                    self._exec("RELEASE one_return")
                    raise
                self._exec("RELEASE one_return")
                if time.monotonic() - self._batch_started >= SQLITE_BATCH_SECONDS:
                    self._commit_batch()
            else:
                self._batch_started = time.monotonic()
                try:
                    yield Writes(self._cursor, self.statements)
                except BaseException:
                    self._batch_started = None
                    self._raw.rollback()
                    raise
                self._batch_started = None
                self._raw.commit()
        except (DBAPIError, sqlite3.Error) as exc:
            raise self._interrupted(exc) from exc
        except Exception as exc:
            if _is_driver_error(exc):
                if getattr(exc, "sqlstate", None) in _RETRY_STATES:
                    self._quietly(self._raw.rollback)
                    raise CollationRetryError from exc
                raise self._interrupted(exc) from exc
            raise

    @property
    def writes_first_returns_at_once(self) -> bool:
        return not self.sqlite

    def first_returns(
        self,
        news: Sequence[NewReceived],
        keys: Sequence[str],
        run_pk: int | None,
        manifests: Sequence[Sequence[tuple[str, str, int, str]]],
        positions: Sequence[Sequence[int]],
    ) -> dict[int, int]:
        """PostgreSQL: new senders' first returns in one statement and transaction (one
        round trip and one commit for the batch); the received pk of each return written,
        by its index in `news`. A return not written (a known sender, a recorded file, a
        deadlock) takes the rules' way (the caller's)."""
        assert self._cursor is not None and not self.sqlite
        writes = Writes(self._cursor, self.statements)
        # The driver's own connection: the pool's proxy would keep the attribute to itself.
        driver = self._raw.driver_connection
        try:
            driver.autocommit = True
            try:
                return writes.first_returns(
                    news, keys, run_pk, writes.time(utcnow()), manifests, positions
                )
            finally:
                self._quietly(lambda: setattr(driver, "autocommit", False))
        except DBAPIError as exc:
            raise self._interrupted(exc) from exc
        except Exception as exc:
            if _is_driver_error(exc):
                if getattr(exc, "sqlstate", None) in (*_RETRY_STATES, _UNIQUE_VIOLATION):
                    return {}
                raise self._interrupted(exc) from exc
            raise

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

    def known_senders(self) -> set[str]:
        """The installation ids the store has senders for."""
        with self.store.unit() as session:
            return set(session.scalars(select(SenderRow.installation_id)))

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


def _is_driver_error(exc: BaseException) -> bool:
    """A PostgreSQL driver error (psycopg is imported only when a server is used)."""
    return type(exc).__module__.split(".")[0] == "psycopg"
