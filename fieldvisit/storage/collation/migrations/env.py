"""Alembic environment for the collation store: runs on the connection handed in by
fieldvisit.storage.collation.engine (inside its locked transaction)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from fieldvisit.storage.collation.models import CollationBase

config = context.config
connection = config.attributes.get("connection")
if not isinstance(connection, Connection):  # pragma: no cover - only alembic's own CLI
    raise RuntimeError(
        "collation migrations run through fieldvisit.storage.collation.engine.CollationStore"
    )

context.configure(
    connection=connection,
    target_metadata=CollationBase.metadata,
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
