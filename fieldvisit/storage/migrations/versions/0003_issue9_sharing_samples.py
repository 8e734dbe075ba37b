"""document sharing status, illustrative marks, and samples moved to their own ids

Revision ID: 0003_issue9
Revises: 0003_issue11_links
Create Date: 2026-12-05 16:40:00

Documents gain `sharing` (shared | confidential_not_shared | attendees_only) and sessions
and documents an `illustrative` mark. Then the data move: before this revision the bundled
samples took the real conferences' ids (`hague-rftf-2017`, `ran-central-asia-2021`) and
pinned the public demo key to them, so the organisers' real pack for the same conference
was refused. An event under such an id that was signed by the demo key is moved to the
sample's own id (`sample-...`) with everything the delegate stored for it: notes, answers,
agenda picks, ratings, seen marks, sent returns, the change list and the key pin.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_issue9"
down_revision = "0003_issue11_links"
branch_labels = None
depends_on = None

# Frozen here on purpose: a migration must not depend on code that changes later.
DEMO_FINGERPRINT = "4E31722E 64235F90 590F8C61 D58FA407 9C30D1D5"
DEMO_PUBLIC_KEY = "0HIp9ERqW+UzoAVqEiEXMT9bp1Mwri76ePi/CtKhv0I="
MOVES = {
    "hague-rftf-2017": "sample-hague-rftf-2017",
    "ran-central-asia-2021": "sample-ran-central-asia-2021",
}


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(
            sa.Column("sharing", sa.String(32), nullable=False, server_default="shared")
        )
        batch.add_column(
            sa.Column("illustrative", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("sessions") as batch:
        batch.add_column(
            sa.Column("illustrative", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    bind = op.get_bind()
    for old, new in MOVES.items():
        move_sample(bind, old, new)


def _tables_with_event_id(bind: sa.Connection) -> list[str]:
    names = [
        str(r[0])
        for r in bind.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
        )
    ]
    found = []
    for name in names:
        if name in ("events", "alembic_version") or name.startswith("sqlite_"):
            continue
        columns = {str(r[1]) for r in bind.exec_driver_sql(f'PRAGMA table_info("{name}")')}
        if "event_id" in columns:
            found.append(name)
    return found


def move_sample(bind: sa.Connection, old: str, new: str) -> bool:
    """Move the demo-signed event `old` to `new`; False when there is nothing to move."""
    row = bind.execute(
        sa.text("SELECT key_fingerprint FROM events WHERE id = :old"), {"old": old}
    ).first()
    pin = bind.execute(
        sa.text("SELECT public_key FROM trust_pins WHERE event_id = :old"), {"old": old}
    ).first()
    signed_by_demo = (row is not None and row[0] == DEMO_FINGERPRINT) or (
        pin is not None and pin[0] == DEMO_PUBLIC_KEY
    )
    if not signed_by_demo:
        return False  # the real organisers' event, or nothing installed under that id
    taken = bind.execute(
        sa.text("SELECT 1 FROM events WHERE id = :new UNION SELECT 1 FROM trust_pins "
                "WHERE event_id = :new"),
        {"new": new},
    ).first()
    if taken is not None:
        return False
    if row is not None:
        # Foreign keys stay on: the new event row first, then its children, then the old row.
        columns = [str(r[1]) for r in bind.exec_driver_sql('PRAGMA table_info("events")')]
        rest = ", ".join(f'"{c}"' for c in columns if c != "id")
        bind.execute(
            sa.text(f'INSERT INTO events ("id", {rest}) SELECT :new, {rest} FROM events '
                    "WHERE id = :old"),
            {"old": old, "new": new},
        )
    for table in _tables_with_event_id(bind):
        bind.execute(
            sa.text(f'UPDATE "{table}" SET event_id = :new WHERE event_id = :old'),
            {"old": old, "new": new},
        )
    if row is not None:
        bind.execute(sa.text("DELETE FROM events WHERE id = :old"), {"old": old})
    return True


def downgrade() -> None:
    with op.batch_alter_table("sessions") as batch:
        batch.drop_column("illustrative")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("illustrative")
        batch.drop_column("sharing")
