"""PostgreSQL: new senders' first returns, several written by one statement.

Most returns are a delegate's first: a sender the store does not know yet, whose records
are all new, so no rule applies. One statement takes a batch of such returns (each of a
different installation): it inserts each sender, then each return's received file only
if its sender was inserted, then its records only if its file was. A return is thus
written whole or not at all, and the statement is one transaction: one round trip and one
commit (one WAL flush) for the batch instead of five round trips and a commit per return.
A return it did not write (its sender is known, or its file recorded) takes the way with
the rules (services/collate.py, `Collator._accept`).

Only the senders' insert has an ON CONFLICT: a sender new in this statement has no
received files or records anywhere yet (another collator's return of it waits for this
statement's commit on the sender's key, and then takes the rules' way), so its files and
records are plain inserts, without the speculative insertion ON CONFLICT costs per row
(a quarter of the records' insert time on the server). Should one collide anyway (a
store with records but no sender row), the unique constraint fails the statement, nothing
of the batch is written, and its returns take the rules' way.

The senders are inserted in installation order, so two collators' batches wait for each
other's new senders in one order and cannot deadlock. The returns' fields and their
records travel as JSON (json.dumps is C; psycopg's array dumpers are Python, element by
element, and cost more than the server's whole insert), the payloads and signatures as
binary arrays.
"""

from __future__ import annotations

from fieldvisit.storage.collation.columns import RECORD_COLUMNS, table_of
from fieldvisit.storage.collation.models import ReceivedRow, RecordRow, SenderRow

# A batch's per-return fields, one JSON array per return (with their SQL types), and its
# bytes, one binary array each (element n of each is return n).
BATCH_FIELDS = (
    ("installation_id", "varchar"), ("public_key", "text"), ("delegate_name", "text"),
    ("file_sha256", "varchar"), ("filename", "text"), ("event_id", "varchar"),
    ("pack_id", "varchar"), ("pack_version", "int4"), ("created", "timestamp"),
    ("added", "int4"),
)  # fmt: skip
BATCH_BYTES = ("payload", "signature")
# One element of the records JSON array: the return's index in the batch (0-based), then
# the record's key, revision and position in its section of the payload.
RECORD_FIELDS = ("n", "kind", "record_id", "revision", "sha256", "position")


def first_returns_sql() -> str:
    """The batch statement (psycopg named parameters; arrays in binary, %(...)b).

    Parameters: `returns` (JSON text: one array of BATCH_FIELDS per return), one binary
    array per BATCH_BYTES column, `records` (JSON text: one array of RECORD_FIELDS per
    record), `now` and `run_pk`. Rows: (n, received pk) of each return written, n from 0.
    """
    senders, received, records = (
        table_of(SenderRow).name, table_of(ReceivedRow).name, table_of(RecordRow).name
    )  # fmt: skip
    fields = ", ".join(
        f"(j.r->>{i})::{kind} AS {name}" for i, (name, kind) in enumerate(BATCH_FIELDS)
    )
    arrays = ", ".join(f"%({name})b::bytea[]" for name in BATCH_BYTES)
    record_values = {
        "installation_id": "f.installation_id",
        "kind": "e->>1",
        "record_id": "e->>2",
        "revision": "(e->>3)::int4",
        "sha256": "e->>4",
        "received_pk": "r.pk",
        "position": "(e->>5)::int4",
        "current": "true",
        "conflict": "false",
    }
    assert set(record_values) == set(RECORD_COLUMNS)
    return f"""
WITH batch AS (
    SELECT {fields}, {", ".join(f"b.{name}" for name in BATCH_BYTES)}, b.n
    FROM unnest({arrays}) WITH ORDINALITY AS b({", ".join(BATCH_BYTES)}, n)
    JOIN jsonb_array_elements(%(returns)s::jsonb) WITH ORDINALITY AS j(r, n) ON j.n = b.n
), firsts AS (
    -- One return per installation: a second one of the same sender takes the rules' way.
    SELECT DISTINCT ON (installation_id) * FROM batch ORDER BY installation_id, n
), new_senders AS (
    INSERT INTO {senders} (installation_id, public_key, delegate_name, first_seen, last_seen)
    SELECT installation_id, public_key, delegate_name, %(now)s, %(now)s
    FROM firsts ORDER BY installation_id
    ON CONFLICT (installation_id) DO NOTHING
    RETURNING installation_id
), new_received AS (
    INSERT INTO {received} (file_sha256, filename, installation_id, delegate_name, event_id,
        pack_id, pack_version, created, collated_at, added, skipped, superseded, conflicts,
        payload, signature, run_pk)
    SELECT f.file_sha256, f.filename, f.installation_id, f.delegate_name, f.event_id,
        f.pack_id, f.pack_version, f.created, %(now)s, f.added, 0, 0, 0,
        f.payload, f.signature, %(run_pk)s
    FROM firsts f JOIN new_senders s ON s.installation_id = f.installation_id
    ORDER BY f.n
    RETURNING pk, file_sha256
), new_records AS (
    INSERT INTO {records} ({", ".join(RECORD_COLUMNS)})
    SELECT {", ".join(record_values[c] for c in RECORD_COLUMNS)}
    FROM jsonb_array_elements(%(records)s::jsonb) e
    JOIN firsts f ON f.n = (e->>0)::int8 + 1
    JOIN new_received r ON r.file_sha256 = f.file_sha256
)
SELECT f.n - 1, r.pk FROM firsts f JOIN new_received r ON r.file_sha256 = f.file_sha256
"""
