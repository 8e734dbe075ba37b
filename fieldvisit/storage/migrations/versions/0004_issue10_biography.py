"""people gain a biography (as the schedule gives it, shown on the person's page)

Revision ID: 0004_issue10_biography
Revises: 0003_issue9
Create Date: 2026-12-05 17:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_issue10_biography"
down_revision = "0003_issue9"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("people") as batch:
        batch.add_column(sa.Column("biography", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("people") as batch:
        batch.drop_column("biography")
