"""The collation store's write columns, in the order the writer binds them."""

from __future__ import annotations

from sqlalchemy import Table

from fieldvisit.storage.collation.models import CollationBase

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


def table_of(model: type[CollationBase]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table
