"""Alembic environment: runs on the engine handed in by fieldvisit.storage.engine."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

from fieldvisit.storage.models import Base

config = context.config
engine = config.attributes.get("engine")
if not isinstance(engine, Engine):  # pragma: no cover - only alembic's own CLI lands here
    raise RuntimeError("fieldvisit migrations run through fieldvisit.storage.engine.open_store")

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
