"""The collation store's hot statements, per dialect, compiled once.

Built from the models with SQLAlchemy's dialect inserts and compiled to the driver's
parameter style, so the writer (writer.py) runs them on the driver's cursor; PostgreSQL's
batch and JSON statements are written out in first_return.py and pg_writes.py.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    JSON,
    ClauseElement,
    Text,
    bindparam,
    cast,
    func,
    literal_column,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Dialect

from fieldvisit.storage.collation.columns import (
    CONFLICT_COLUMNS,
    RECEIVED_COLUMNS,
    RECORD_COLUMNS,
    RECORD_KEY,
    REJECTED_COLUMNS,
    SENDER_COLUMNS,
    table_of,
)
from fieldvisit.storage.collation.first_return import first_returns_sql
from fieldvisit.storage.collation.models import (
    CollationBase,
    ConflictRow,
    QuestionnaireDefRow,
    ReceivedRow,
    RecordRow,
    RejectedRow,
    SenderRow,
)
from fieldvisit.storage.collation.pg_writes import (
    flag_conflicts_sql,
    insert_records_sql,
    set_flags_sql,
    write_return_sql,
)


def _insert(dialect_name: str, model: type[CollationBase]) -> Any:
    module: Any = postgresql if dialect_name == "postgresql" else sqlite
    return module.insert(table_of(model))


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

        senders, records = table_of(SenderRow), table_of(RecordRow)
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
        touch = (
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
        self.touch_sender = sql(touch)
        # PostgreSQL: a known sender with this key, locked and touched in one statement.
        self.touch_known_sender = sql(
            touch.where(senders.c.public_key == bindparam("key_public_key")).returning(
                senders.c.public_key
            )
        )
        self.claim_received = sql(
            _insert(dialect_name, ReceivedRow)
            .on_conflict_do_nothing(index_elements=["file_sha256"])
            .returning(table_of(ReceivedRow).c.pk),
            RECEIVED_COLUMNS,
        )
        self.reject = sql(
            _insert(dialect_name, RejectedRow)
            .on_conflict_do_nothing(index_elements=["file_sha256"])
            .returning(table_of(RejectedRow).c.pk),
            REJECTED_COLUMNS,
        )
        if self.postgres:
            # One statement for a return's records, its flags, its conflicts (pg_writes.py).
            self.insert_records = insert_records_sql()
        else:
            # Positional (?) parameters: a return's rows go in as the tuples they are.
            compiled = (
                sqlite.insert(records)
                .on_conflict_do_nothing(index_elements=list(RECORD_KEY))
                .compile(dialect=sqlite.dialect(), column_keys=list(RECORD_COLUMNS))
            )
            assert tuple(compiled.positiontup or ()) == RECORD_COLUMNS
            self.insert_records = str(compiled)
            row = "(" + ", ".join("?" * len(RECORD_COLUMNS)) + ")"
            head, conflict = self.insert_records.split(" VALUES " + row)
            self._sqlite_rows = (head + " VALUES ", row, conflict)
        self._row_statements: dict[int, str] = {}
        self.first_returns = first_returns_sql() if self.postgres else ""
        self.write_return = write_return_sql() if self.postgres else ""
        self.records_of = sql(
            select(
                records.c.pk, records.c.kind, records.c.record_id, records.c.revision,
                records.c.sha256, records.c.current, records.c.conflict,
            ).where(records.c.installation_id == bindparam("installation_id"))
        )  # fmt: skip
        self.set_flags = (
            set_flags_sql()
            if self.postgres
            else sql(
                update(records)
                .where(records.c.pk == bindparam("key_pk"))
                .values(current=bindparam("current"), conflict=bindparam("conflict"))
            )
        )
        self.add_questionnaire = sql(
            _insert(dialect_name, QuestionnaireDefRow)
            .values(
                event_id=bindparam("event_id"),
                uid=bindparam("uid"),
                version=bindparam("version"),
                title=bindparam("title"),
                # JSON text: cast for PostgreSQL's JSON column; SQLite keeps the text as it
                # is (a CAST AS JSON there would mean NUMERIC affinity).
                questions=cast(bindparam("questions", type_=Text), JSON)
                if self.postgres
                else bindparam("questions", type_=Text),
            )
            .on_conflict_do_nothing(index_elements=["event_id", "uid", "version"])
        )
        self.flag_conflict = (
            flag_conflicts_sql()
            if self.postgres
            else sql(
                _insert(dialect_name, ConflictRow).on_conflict_do_nothing(
                    index_elements=["installation_id", "kind", "record_id", "revision"]
                ),
                CONFLICT_COLUMNS,
            )
        )

    def insert_rows(self, count: int) -> str:
        """SQLite: the records insert for `count` rows in one statement (one VALUES list:
        a return's rows cost a quarter less than the same rows one by one)."""
        statement = self._row_statements.get(count)
        if statement is None:
            head, row, conflict = self._sqlite_rows
            statement = self._row_statements[count] = head + ", ".join([row] * count) + conflict
        return statement


@functools.cache
def statements_for(dialect_name: str) -> Statements:
    """A dialect's statements, compiled once per process (each run of a collator asks)."""
    return Statements(dialect_name)
