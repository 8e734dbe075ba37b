"""The collation store as it was before Alembic (hand-versioned schema_version 2).

A store made by the hand-versioned code is stamped at this revision (after its v1 index
change, if it was at version 1) and upgraded from here; a new store is created through it.

Revision ID: c0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0001"
down_revision: str | None = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "schema_version",
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("version", name="pk_schema_version"),
    )
    op.create_table(
        "senders",
        sa.Column("installation_id", sa.String(36), nullable=False),
        sa.Column("public_key", sa.Text(), nullable=False),
        sa.Column("delegate_name", sa.Text(), nullable=False),
        sa.Column("first_seen", sa.DateTime(), nullable=False),
        sa.Column("last_seen", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("installation_id", name="pk_senders"),
    )
    op.create_table(
        "received",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("file_sha256", sa.String(64), nullable=False),
        sa.Column("filename", sa.Text(), nullable=False),
        sa.Column("installation_id", sa.String(36), nullable=False),
        sa.Column("delegate_name", sa.Text(), nullable=False),
        sa.Column("event_id", sa.String(200), nullable=False),
        sa.Column("pack_id", sa.String(200), nullable=False),
        sa.Column("pack_version", sa.Integer(), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.Column("collated_at", sa.DateTime(), nullable=False),
        sa.Column("added", sa.Integer(), nullable=False),
        sa.Column("skipped", sa.Integer(), nullable=False),
        sa.Column("superseded", sa.Integer(), nullable=False),
        sa.Column("conflicts", sa.Integer(), nullable=False),
        sa.Column("payload", sa.LargeBinary(), nullable=False),
        sa.Column("signature", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("pk", name="pk_received"),
        sa.UniqueConstraint("file_sha256", name="uq_received_file_sha256"),
    )
    op.create_index("ix_received_installation_id", "received", ["installation_id"])
    op.create_table(
        "records",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("installation_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("record_id", sa.String(200), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("received_pk", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("current", sa.Boolean(), nullable=False),
        sa.Column("conflict", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("pk", name="pk_records"),
    )
    op.create_index("ix_records_received_pk", "records", ["received_pk"])
    op.create_table(
        "rejected",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("file_sha256", sa.String(64), nullable=False),
        sa.Column("filename", sa.Text(), nullable=False),
        sa.Column("reason", sa.String(32), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("rejected_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("pk", name="pk_rejected"),
        sa.UniqueConstraint("file_sha256", name="uq_rejected_file_sha256"),
    )
    op.create_table(
        "questionnaires",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.String(200), nullable=False),
        sa.Column("uid", sa.String(200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("questions", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("pk", name="pk_questionnaires"),
        sa.UniqueConstraint("event_id", "uid", "version", name="uq_questionnaires_event_id"),
    )
    op.execute("INSERT INTO schema_version (version) VALUES (2)")


def downgrade() -> None:
    for table in ("questionnaires", "rejected", "records", "received", "senders"):
        op.drop_table(table)
    op.drop_table("schema_version")
