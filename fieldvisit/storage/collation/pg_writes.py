"""PostgreSQL: a return's writes with the rules, over JSON rows.

A known sender's return writes its received file, its new records, the changed flags of
records it has (superseded, or in conflict) and its conflicts: all in one statement
(write_return_sql), one round trip instead of four, and whatever the count (a return
superseding 20 records was 20 UPDATEs by executemany, each one's parameters built by
psycopg in Python). The rows travel as one JSON
array (json.dumps is C; the server unpacks it with jsonb_array_elements).
"""

from __future__ import annotations

from fieldvisit.storage.collation.columns import (
    CONFLICT_COLUMNS,
    RECEIVED_COLUMNS,
    RECORD_COLUMNS,
    RECORD_KEY,
    table_of,
)
from fieldvisit.storage.collation.models import ConflictRow, ReceivedRow, RecordRow

# SQL types of the records' columns, in RECORD_COLUMNS order.
_RECORD_TYPES = {"revision": "int4", "received_pk": "int4", "position": "int4",
                 "current": "boolean", "conflict": "boolean"}  # fmt: skip


def insert_records_sql() -> str:
    """Parameter `rows`: JSON, one array per record in RECORD_COLUMNS order. A record
    already there (same key) is left alone."""
    values = ", ".join(
        f"(e->>{i})::{_RECORD_TYPES[c]}" if c in _RECORD_TYPES else f"e->>{i}"
        for i, c in enumerate(RECORD_COLUMNS)
    )
    return (
        f"INSERT INTO {table_of(RecordRow).name} ({', '.join(RECORD_COLUMNS)}) "
        f"SELECT {values} FROM jsonb_array_elements(%(rows)s::jsonb) e "
        f"ON CONFLICT ({', '.join(RECORD_KEY)}) DO NOTHING"
    )


def set_flags_sql() -> str:
    """Parameter `rows`: JSON, one [current, conflict, pk] array per record."""
    return (
        f"UPDATE {table_of(RecordRow).name} AS r "
        "SET current = (u->>0)::boolean, conflict = (u->>1)::boolean "
        "FROM jsonb_array_elements(%(rows)s::jsonb) u WHERE r.pk = (u->>2)::int4"
    )


def flag_conflicts_sql() -> str:
    """Parameters `rows` (JSON, one [installation, kind, record id, revision] array per
    conflict) and `now`; inserted in key order, each once."""
    assert CONFLICT_COLUMNS[-1] == "flagged_at"
    return (
        f"INSERT INTO {table_of(ConflictRow).name} ({', '.join(CONFLICT_COLUMNS)}) "
        "SELECT e->>0, e->>1, e->>2, (e->>3)::int4, %(now)s "
        "FROM jsonb_array_elements(%(rows)s::jsonb) e ORDER BY 1, 2, 3, 4 "
        f"ON CONFLICT ({', '.join(CONFLICT_COLUMNS[:-1])}) DO NOTHING"
    )


def write_return_sql() -> str:
    """A known sender's return at once, after the rules were applied: its received file,
    its new records, the changed flags of records it has and its conflicts, each only if
    the file was not recorded yet. Parameters: the received row's RECEIVED_COLUMNS,
    `new_records` (JSON: [kind, record id, revision, sha256, position, current, conflict]
    per new record), `new_flags` and `new_conflicts` (JSON, as set_flags_sql and
    flag_conflicts_sql take them) and `now`. One row, the received pk, when the file was
    recorded by it."""
    received, records = table_of(ReceivedRow).name, table_of(RecordRow).name
    fields = [c for c in RECORD_COLUMNS if c not in ("installation_id", "received_pk")]
    values = {c: f"(e->>{i})::{_RECORD_TYPES[c]}" if c in _RECORD_TYPES else f"e->>{i}"
              for i, c in enumerate(fields)}  # fmt: skip
    values.update(installation_id="%(installation_id)s", received_pk="c.pk")
    return f"""
WITH claimed AS (
    INSERT INTO {received} ({", ".join(RECEIVED_COLUMNS)})
    VALUES ({", ".join(f"%({c})s" for c in RECEIVED_COLUMNS)})
    ON CONFLICT (file_sha256) DO NOTHING
    RETURNING pk
), new_records AS (
    INSERT INTO {records} ({", ".join(RECORD_COLUMNS)})
    SELECT {", ".join(values[c] for c in RECORD_COLUMNS)}
    FROM jsonb_array_elements(%(new_records)s::jsonb) e, claimed c
    ON CONFLICT ({", ".join(RECORD_KEY)}) DO NOTHING
), flags AS (
    UPDATE {records} AS r SET current = (u->>0)::boolean, conflict = (u->>1)::boolean
    FROM jsonb_array_elements(%(new_flags)s::jsonb) u, claimed c WHERE r.pk = (u->>2)::int4
), flagged AS (
    INSERT INTO {table_of(ConflictRow).name} ({", ".join(CONFLICT_COLUMNS)})
    SELECT e->>0, e->>1, e->>2, (e->>3)::int4, %(now)s
    FROM jsonb_array_elements(%(new_conflicts)s::jsonb) e, claimed c ORDER BY 1, 2, 3, 4
    ON CONFLICT ({", ".join(CONFLICT_COLUMNS[:-1])}) DO NOTHING
)
SELECT pk FROM claimed
"""
