"""Opening the SQLite store: pragmas, migrations to head (after a backup copy), sessions."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DatabaseError

from fieldvisit.domain.errors import StorageError
from fieldvisit.domain.private import create_private_file, make_private
from fieldvisit.storage.keyfile import sql_key
from fieldvisit.storage.revisions import MIGRATIONS, scanned_head

# Alembic (with Mako and Pygments behind it) costs a large part of a start-up, and a store
# at head never needs it: it is imported only when the schema has to move.
if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    # Deleted content is overwritten with zeros, whatever the platform's SQLite defaults to:
    # "erase for real" must not leave an erased note's words in free pages.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    # FULL: a committed note survives a power cut too, not only a killed process.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(database: Path, key: bytearray | None = None) -> Engine:
    """An engine on the store; with `key` (the raw 256-bit data key) through SQLCipher.

    The store file is created 0600 first, so SQLite gives its WAL and shared-memory files
    the same mode. An encrypted engine keys every new connection before anything else
    runs on it (`do_connect`), and fails to open once the key has been wiped.
    """
    create_private_file(database)
    if key is None:
        engine = create_engine(f"sqlite:///{database}", future=True)
    else:
        from sqlcipher3 import dbapi2 as sqlcipher  # type: ignore[import-untyped]

        engine = create_engine(f"sqlite:///{database}", future=True, module=sqlcipher)

        def keyed_connect(_dialect: Any, _record: Any, cargs: Any, cparams: Any) -> Any:
            connection = sqlcipher.connect(*cargs, **cparams)
            connection.execute(f"PRAGMA key = {sql_key(key)}")
            # SQLCipher decrypts (and checks the HMAC of) every page it reads from disk: a
            # larger page cache (64 MiB at most, used as needed) reads each page once.
            connection.execute("PRAGMA cache_size = -65536")
            return connection

        event.listen(engine, "do_connect", keyed_connect)
    event.listen(engine, "connect", _on_connect)
    return engine


def cipher_version(engine: Engine) -> str:
    """SQLCipher's version on the store's connections ("None" on plain SQLite)."""
    with engine.connect() as connection:
        return str(connection.exec_driver_sql("PRAGMA cipher_version").scalar())


def config_at(migrations: Path, **attributes: object) -> Config:
    """An Alembic config built in code (a frozen app has no alembic.ini beside it) for the
    migrations in `migrations`, handing env.py the `attributes` that are not None."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations))
    config.attributes.update({k: v for k, v in attributes.items() if v is not None})
    return config


def alembic_config(engine: Engine | None = None) -> Config:
    """The delegate store's Alembic config (env.py migrates `engine`)."""
    return config_at(MIGRATIONS, engine=engine)


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def _stored_revision(engine: Engine) -> tuple[bool, str | None]:
    """(True, revision) from the store's alembic_version table read with plain SQL, or
    (False, None) when it does not hold exactly one row (a new store, or one for Alembic
    to judge). The connection goes back to the pool for the first unit of work."""
    with engine.connect() as connection:
        has_table = connection.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).first()
        if has_table is None:
            return False, None
        rows = connection.exec_driver_sql("SELECT version_num FROM alembic_version").all()
    if len(rows) != 1:
        return False, None
    return True, str(rows[0][0])


def open_store(database: Path, backups: Path, key: bytearray | None = None) -> Engine:
    """Open (creating if needed) the store and bring its schema to head.

    An existing database that is behind head is copied into `backups` first, so a failed
    migration can never cost the delegate their notes. With `key` the store is SQLCipher's
    and so is the backup.
    """
    database.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(database, key)
    try:
        stored, revision = _stored_revision(engine)
        if stored and revision is not None and revision == scanned_head():
            return engine
        _upgrade(engine, database, backups, key)
    except DatabaseError as exc:
        engine.dispose()
        raise StorageError(f"cannot open the store ({exc.orig})", path=database) from exc
    except sqlite3.DatabaseError as exc:
        engine.dispose()
        raise StorageError(f"cannot open the store ({exc})", path=database) from exc
    except Exception as exc:
        engine.dispose()
        if type(exc).__name__ == "DatabaseError":  # sqlcipher3's own DB-API error class
            raise StorageError(f"cannot open the store ({exc})", path=database) from exc
        raise
    except StorageError:
        engine.dispose()
        raise
    return engine


def _upgrade(engine: Engine, database: Path, backups: Path, key: bytearray | None) -> None:
    """Alembic's own view of the store: refuse a newer schema, else back up and upgrade."""
    from alembic import command
    from alembic.script import ScriptDirectory

    current = current_revision(engine)
    script = ScriptDirectory.from_config(alembic_config())
    if current == script.get_current_head():
        return
    if current is not None and not known_revision(script, current):
        raise StorageError(
            "this store was written by a newer version of fieldvisit; please update the app",
            path=database,
        )
    if current is not None:
        backups.mkdir(parents=True, exist_ok=True, mode=0o700)
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        target = backups / f"{database.stem}-{current}-{stamp}.sqlite"
        if key is None:
            copy_sqlite(database, target)
        else:
            from fieldvisit.storage.cipher import copy_encrypted

            copy_encrypted(database, bytes(key), target)
    command.upgrade(alembic_config(engine), "head")


def known_revision(script: ScriptDirectory, revision: str) -> bool:
    """Whether this app's migrations know `revision` (else the store is from a newer app)."""
    from alembic.util.exc import CommandError

    try:
        return script.get_revision(revision) is not None
    except CommandError:
        return False


def copy_sqlite(database: Path, target: Path) -> None:
    """A consistent copy through SQLite's backup API (the WAL is folded in), created 0600."""
    source = sqlite3.connect(database)
    create_private_file(target)
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
    make_private(target)
