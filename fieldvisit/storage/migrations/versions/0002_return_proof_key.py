"""events.return_proof_key: the key returns prove the event pack with

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21 07:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable: events installed before stay without one until their pack is installed again.
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("return_proof_key", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("return_proof_key")
