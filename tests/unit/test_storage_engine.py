"""The store opens, migrates to head once, keeps a backup, and refuses a newer schema."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from fieldvisit.domain.errors import StorageError
from fieldvisit.storage.engine import copy_sqlite, current_revision, head_revision, open_store


def test_new_store_is_at_head_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    engine = open_store(tmp_path / "s.sqlite", tmp_path / "backups")
    assert current_revision(engine) == head_revision()
    with engine.connect() as c:
        assert c.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert c.execute(text("PRAGMA foreign_keys")).scalar() == 1
        tables = set(c.execute(text("SELECT name FROM sqlite_master")).scalars())
    assert {"events", "sessions", "notes", "notes_fts", "sessions_fts"} <= tables
    assert not (tmp_path / "backups").exists()  # nothing to back up for a new store


def test_backup_copy_keeps_the_notes(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite"
    open_store(db, tmp_path / "backups").dispose()
    con = sqlite3.connect(db)
    con.execute(
        "INSERT INTO notes(id, event_id, target_kind, target_uid, body, tags, private,"
        " revision, created_at, updated_at, deleted) VALUES ('n1', 'e', '', '',"
        " 'kept', '[]', 0, 1, '2017-02-15', '2017-02-15', 0)"
    )
    con.commit()
    con.close()
    copy_sqlite(db, tmp_path / "copy.sqlite")
    copy = sqlite3.connect(tmp_path / "copy.sqlite")
    assert copy.execute("SELECT body FROM notes").fetchall() == [("kept",)]
    copy.close()


def test_newer_schema_is_refused_and_left_alone(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite"
    open_store(db, tmp_path / "backups").dispose()
    con = sqlite3.connect(db)
    con.execute("UPDATE alembic_version SET version_num = 'ffff'")
    con.commit()
    con.close()
    before = db.read_bytes()
    with pytest.raises(StorageError, match=r"s\.sqlite.*newer version"):
        open_store(db, tmp_path / "backups")
    assert db.read_bytes() == before


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite"
    db.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StorageError, match=r"s\.sqlite: cannot open the store"):
        open_store(db, tmp_path / "backups")
