"""sessions.links and documents.url: a session's links, and attachments listed by address

Revision ID: 0003_issue11_links
Revises: 0002
Create Date: 2026-12-05 16:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_issue11_links"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Rows installed before have no links until their pack is installed again.
    with op.batch_alter_table("sessions") as batch:
        batch.add_column(sa.Column("links", sa.JSON(), nullable=True))
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("url", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("url")
    with op.batch_alter_table("sessions") as batch:
        batch.drop_column("links")
