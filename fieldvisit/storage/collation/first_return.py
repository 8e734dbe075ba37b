"""PostgreSQL: a new sender's first return written by one statement.

Most returns are a delegate's first: a sender the store does not know yet, whose records
are all new, so no rule applies. One statement inserts the sender, the received file and
every record, each only if the insert before it inserted, and runs as its own transaction:
one round trip to the server instead of five (begin, sender, file, records, commit). When
it writes nothing (the sender is known, or the file recorded), the return takes the way
with the rules (services/collate.py, `Collator._accept`).
"""

from __future__ import annotations

from sqlalchemy import ARRAY, Select, bindparam, cast, false, func, select, true
from sqlalchemy.dialects import postgresql

from fieldvisit.storage.collation.columns import (
    RECEIVED_COLUMNS,
    RECORD_COLUMNS,
    RECORD_KEY,
    SENDER_COLUMNS,
    table_of,
)
from fieldvisit.storage.collation.models import ReceivedRow, RecordRow, SenderRow

# The record arrays of `first_return`, in the order of their unnest.
FIRST_ARRAYS = ("kinds", "record_ids", "revisions", "hashes", "positions")


def first_return_statement() -> Select[tuple[int]]:
    """PostgreSQL: a new sender's first return in one statement (one round trip, its own
    transaction): the sender, the received file and every record, each insert only if the
    one before it inserted. NULL when the sender was known already or the file was
    recorded (then nothing was written, and the return takes the way with the rules)."""
    senders, received, records = table_of(SenderRow), table_of(ReceivedRow), table_of(RecordRow)
    sender = (
        postgresql.insert(senders)
        .values({c: bindparam(f"s_{c}", type_=senders.c[c].type) for c in SENDER_COLUMNS})
        .on_conflict_do_nothing(index_elements=["installation_id"])
        .returning(senders.c.installation_id)
        .cte("new_sender")
    )
    claimed = (
        postgresql.insert(received)
        .from_select(
            list(RECEIVED_COLUMNS),
            select(
                *(cast(bindparam(f"r_{c}"), received.c[c].type) for c in RECEIVED_COLUMNS)
            ).select_from(sender),
        )
        .on_conflict_do_nothing(index_elements=["file_sha256"])
        .returning(received.c.pk)
        .cte("new_received")
    )
    arrays = dict(zip(FIRST_ARRAYS, ("kind", "record_id", "revision", "sha256", "position"),
                      strict=True))  # fmt: skip
    unnest = {
        column: func.unnest(cast(bindparam(name), ARRAY(records.c[column].type)))
        for name, column in arrays.items()
    }
    values = {
        "installation_id": sender.c.installation_id, **unnest, "received_pk": claimed.c.pk,
        "current": true(), "conflict": false(),
    }  # fmt: skip
    added = (
        postgresql.insert(records)
        .from_select(
            list(RECORD_COLUMNS),
            select(*(values[c] for c in RECORD_COLUMNS)).select_from(sender).join(claimed, true()),
        )
        .on_conflict_do_nothing(index_elements=list(RECORD_KEY))
        .cte("new_records")
    )
    return select(claimed.c.pk).add_cte(added)
