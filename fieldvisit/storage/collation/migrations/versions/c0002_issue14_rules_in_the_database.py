"""The dedup rules held by the database, and who collated what.

- records: UNIQUE (installation, kind, record id, content hash), so "same id and hash:
  skip" holds with any number of collators (INSERT ... ON CONFLICT DO NOTHING). Rows a
  concurrent run of the old code may have doubled are folded into the first first.
- conflicts: one row per (installation, kind, record id, revision) with two contents.
- runs: each collation run's organiser, host and times; received and rejected rows name
  the run that saw them first.
- schema_version, the hand-written version table, goes: Alembic keeps the version now.
- PostgreSQL keeps the received payloads uncompressed (see below).

Revision ID: c0002
Revises: c0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0002"
down_revision: str | None = "c0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "runs",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("organiser", sa.Text(), nullable=False),
        sa.Column("host", sa.Text(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("files", sa.Integer(), nullable=False),
        sa.Column("accepted", sa.Integer(), nullable=False),
        sa.Column("rejected", sa.Integer(), nullable=False),
        sa.Column("already", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("pk", name="pk_runs"),
    )
    with op.batch_alter_table("received") as batch:
        batch.add_column(sa.Column("run_pk", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_received_run_pk_runs", "runs", ["run_pk"], ["pk"])
    with op.batch_alter_table("rejected") as batch:
        batch.add_column(sa.Column("run_pk", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_rejected_run_pk_runs", "runs", ["run_pk"], ["pk"])
    op.execute(
        "DELETE FROM records WHERE pk NOT IN (SELECT min(pk) FROM records "
        "GROUP BY installation_id, kind, record_id, sha256)"
    )
    op.drop_index("ix_records_received_pk", table_name="records")
    with op.batch_alter_table("records") as batch:
        batch.create_unique_constraint(
            "uq_records_key", ["installation_id", "kind", "record_id", "sha256"]
        )
    op.create_table(
        "conflicts",
        sa.Column("installation_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("record_id", sa.String(200), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("flagged_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint(
            "installation_id", "kind", "record_id", "revision", name="pk_conflicts"
        ),
    )
    op.execute(
        "INSERT INTO conflicts (installation_id, kind, record_id, revision, flagged_at) "
        "SELECT installation_id, kind, record_id, revision, CURRENT_TIMESTAMP FROM records "
        "WHERE conflict GROUP BY installation_id, kind, record_id, revision"
    )
    op.drop_table("schema_version")
    if op.get_bind().dialect.name == "postgresql":
        # The kept payloads are stored as they are: PostgreSQL's default compression of
        # large values (pglz) cost more than the rest of a collation together.
        op.execute("ALTER TABLE received ALTER COLUMN payload SET STORAGE EXTERNAL")


def downgrade() -> None:
    op.create_table(
        "schema_version",
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("version", name="pk_schema_version"),
    )
    op.execute("INSERT INTO schema_version (version) VALUES (2)")
    op.drop_table("conflicts")
    with op.batch_alter_table("records") as batch:
        batch.drop_constraint("uq_records_key", type_="unique")
    op.create_index("ix_records_received_pk", "records", ["received_pk"])
    with op.batch_alter_table("rejected") as batch:
        batch.drop_constraint("fk_rejected_run_pk_runs", type_="foreignkey")
        batch.drop_column("run_pk")
    with op.batch_alter_table("received") as batch:
        batch.drop_constraint("fk_received_run_pk_runs", type_="foreignkey")
        batch.drop_column("run_pk")
    op.drop_table("runs")
