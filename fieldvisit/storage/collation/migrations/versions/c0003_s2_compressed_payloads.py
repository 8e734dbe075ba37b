"""Kept payloads are zlib-compressed from this revision on (storage/collation/payloads.py).

No table changes. The revision exists so that an older fieldvisit, which reads a kept
payload as JSON and cannot read a compressed one, refuses a store written by this version
with its "newer schema" line instead of failing in the report. Payloads kept before stay
as they are (they read either way); a downgrade decompresses every payload again.

Revision ID: c0003
Revises: c0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from fieldvisit.storage.collation.payloads import unpack_payload

revision = "c0003"
down_revision: str | None = "c0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    bind = op.get_bind()
    received = sa.table("received", sa.column("pk", sa.Integer), sa.column("payload", sa.LargeBinary))
    for pk, stored in bind.execute(sa.select(received.c.pk, received.c.payload)).all():
        raw = unpack_payload(bytes(stored))
        if raw != bytes(stored):
            bind.execute(received.update().where(received.c.pk == pk).values(payload=raw))
