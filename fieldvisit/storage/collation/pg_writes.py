"""PostgreSQL: a return's writes with the rules, each one statement over JSON rows.

A known sender's return writes its new records, the changed flags of records it has
(superseded, or in conflict) and its conflicts. One statement each, whatever the count:
a return superseding 20 records is one UPDATE, not 20 (executemany still sends one per
row, and psycopg builds each one's parameters in Python). The rows travel as one JSON
array (json.dumps is C; the server unpacks it with jsonb_array_elements).
"""

from __future__ import annotations

from fieldvisit.storage.collation.columns import (
    CONFLICT_COLUMNS,
    RECORD_COLUMNS,
    RECORD_KEY,
    table_of,
)
from fieldvisit.storage.collation.models import ConflictRow, RecordRow

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
