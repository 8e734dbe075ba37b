"""Opening the SQLite store: pragmas, migrations to head (after a backup copy), sessions."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DatabaseError

from fieldvisit.domain.errors import StorageError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    # FULL: a committed note survives a power cut too, not only a killed process.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(database: Path) -> Engine:
    engine = create_engine(f"sqlite:///{database}", future=True)
    event.listen(engine, "connect", _on_connect)
    return engine


def alembic_config(engine: Engine | None = None) -> Config:
    """An Alembic config built in code: a frozen app has no alembic.ini beside it."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if engine is not None:
        config.attributes["engine"] = engine
    return config


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def open_store(database: Path, backups: Path) -> Engine:
    """Open (creating if needed) the store and bring its schema to head.

    An existing database that is behind head is copied into `backups` first, so a failed
    migration can never cost the delegate their notes.
    """
    database.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(database)
    try:
        current = current_revision(engine)
        head = head_revision()
        if current == head:
            return engine
        script = ScriptDirectory.from_config(alembic_config())
        if current is not None and not _known(script, current):
            raise StorageError(
                "this store was written by a newer version of fieldvisit; please update the app",
                path=database,
            )
        if current is not None:
            backups.mkdir(parents=True, exist_ok=True)
            stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
            _backup(database, backups / f"{database.stem}-{current}-{stamp}.sqlite")
        command.upgrade(alembic_config(engine), "head")
    except DatabaseError as exc:
        engine.dispose()
        raise StorageError(f"cannot open the store ({exc.orig})", path=database) from exc
    except sqlite3.DatabaseError as exc:
        engine.dispose()
        raise StorageError(f"cannot open the store ({exc})", path=database) from exc
    return engine


def _known(script: ScriptDirectory, revision: str) -> bool:
    try:
        return script.get_revision(revision) is not None
    except CommandError:
        return False


def _backup(database: Path, target: Path) -> None:
    """A consistent copy through SQLite's backup API (the WAL is folded in)."""
    source = sqlite3.connect(database)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    if not target.exists():  # pragma: no cover - backup() raises instead
        shutil.copy2(database, target)
