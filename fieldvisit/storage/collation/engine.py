"""Opening a collation store: a SQLite file or a PostgreSQL URL, migrated to head by Alembic.

A file path (or `sqlite:///...`) is the embedded store, created 0600. A
`postgresql+psycopg://user@host/db?sslmode=...` URL is a shared server: its password comes
from the URL, from libpq's own sources (PGPASSWORD, PGPASSFILE or ~/.pgpass) or from the
caller (a prompt); it is never written anywhere by this module. Every failure to open is one
StorageError line, raised before anything in the store changed.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import URL, Connection, Engine, create_engine, event, inspect, make_url, text
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session

from fieldvisit.domain.errors import CredentialsError, StorageError
from fieldvisit.storage.collation.pg_backup import SharedUpgrade, dump, find_pg_dump
from fieldvisit.storage.engine import config_at, copy_sqlite, known_revision

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The hand-versioned schema before Alembic (schema_version 1 and 2) is revision c0001.
LEGACY_REVISION = "c0001"
LEGACY_VERSIONS = (1, 2)
# Any constant: concurrent openers of one PostgreSQL database migrate one at a time.
_MIGRATION_LOCK = 0x46560014
# Seconds a SQLite writer waits for another collator's transaction before giving up.
SQLITE_BUSY_SECONDS = 120.0
CONNECT_TIMEOUT = 10
SQLITE_PAGE_SIZE = 16384
SQLITE_WAL_CHECKPOINT = 4 * 2**20  # bytes


def parse_target(target: str | Path) -> URL:
    """A file path means SQLite; an SQLAlchemy URL (sqlite or postgresql) is taken as is."""
    if isinstance(target, Path) or "://" not in target:
        return URL.create("sqlite", database=str(Path(target).expanduser()))
    try:
        url = make_url(target)
    except ArgumentError as exc:
        raise StorageError("not a database URL or a file path", path=target) from exc
    backend = url.get_backend_name()
    if backend in ("postgresql", "postgres"):
        # psycopg (3) is the driver fieldvisit ships, whatever the URL named.
        return url.set(drivername="postgresql+psycopg")
    if backend == "sqlite" and url.database:
        return URL.create("sqlite", database=url.database)
    raise StorageError("use a file path (SQLite) or a postgresql+psycopg:// URL", path=display(url))


def display(url: URL) -> str:
    """The URL as the user may see it and the app may remember it: never the password."""
    if url.get_backend_name() == "sqlite":
        return str(url.database)
    # URL.set(password=None) keeps the password: build the URL again without it.
    bare = URL.create(
        url.drivername, url.username, None, url.host, url.port, url.database, url.query
    )
    return bare.render_as_string(hide_password=False)


def _sqlite_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # The driver's own transaction handling is off (isolation_level=None); `begin` below
    # says BEGIN itself, so a collator's write transaction can take the lock up front.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    # A new store's pages: a compressed payload fits one, and a collation writes a quarter
    # fewer pages (measured: the writes of 1,000 returns cost 15% less CPU than with 4 KiB
    # pages). A store made before keeps its page size: this does nothing once it has tables.
    cursor.execute(f"PRAGMA page_size={SQLITE_PAGE_SIZE}")
    # WAL: the report and the Organiser window read while others collate.
    cursor.execute("PRAGMA journal_mode=WAL")
    # NORMAL in WAL: a commit is durable at the next checkpoint; a power cut can lose the
    # last returns' commits (never half a return), and collating the files again restores them.
    cursor.execute("PRAGMA synchronous=NORMAL")
    # Checkpoint every 4 MiB of WAL, as SQLite's default does with 4 KiB pages: with 16 KiB
    # pages its 1,000 pages let 16 MiB pile up, which the last connection's close then
    # copies and syncs while the organiser waits (measured: 12-25 ms against 6-9 ms).
    page_size = cursor.execute("PRAGMA page_size").fetchone()[0]
    cursor.execute(f"PRAGMA wal_autocheckpoint={max(1, SQLITE_WAL_CHECKPOINT // page_size)}")
    cursor.execute(f"PRAGMA busy_timeout={int(SQLITE_BUSY_SECONDS * 1000)}")
    cursor.execute("PRAGMA cache_size=-65536")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    # IMMEDIATE for writers: a deferred transaction that reads first and then writes fails
    # at once ("database is locked") when another collator wrote in between; IMMEDIATE
    # waits for the lock (busy timeout) instead.
    write = connection.get_execution_options().get("fv_write", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _prepare_sqlite_file(path: Path) -> None:
    if not path.parent.is_dir():
        raise StorageError("the folder does not exist", path=path.parent)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        if path.is_dir():
            raise StorageError("is a folder, not a collation store", path=path) from None
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:  # decrypted notes: the owner's only (stores made before 0600)
            try:
                path.chmod(0o600)
            except OSError:
                pass
    except OSError as exc:
        raise StorageError(f"cannot create the store ({exc.strerror})", path=path) from exc
    else:
        os.close(fd)


def make_engine(url: URL, password: str | None = None) -> Engine:
    if url.get_backend_name() == "sqlite":
        engine = create_engine(
            url,
            connect_args={"timeout": SQLITE_BUSY_SECONDS, "isolation_level": None},
        )
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if password is not None:
        url = url.set(password=password)
    query = dict(url.query)
    connect_args: dict[str, Any] = {}
    if "connect_timeout" not in query:
        connect_args["connect_timeout"] = CONNECT_TIMEOUT
    engine = create_engine(url, connect_args=connect_args, pool_pre_ping=True)
    # The server's own durability settings apply (synchronous_commit is the organisers'
    # server's choice, never changed here): the collator commits a batch of returns at a
    # time instead (storage/collation/first_return.py).
    return engine


def _explain(exc: DBAPIError, url: URL, password_given: bool) -> StorageError:
    """One line for what went wrong when connecting to a PostgreSQL server."""
    where = display(url)
    message = str(exc.orig).strip()
    lowered = message.lower()
    if "password authentication failed" in lowered:
        return CredentialsError(
            f"the server refused the password for user {url.username or '(default)'}",
            path=where,
            wrong=True,
        )
    if "no password supplied" in lowered or "password is required" in lowered:
        return CredentialsError("the server asks for a password", path=where, wrong=False)
    if "does not exist" in lowered and "database" in lowered:
        return StorageError(f"the server has no database {url.database!r}", path=where)
    if "ssl" in lowered or "certificate" in lowered:
        return StorageError(f"the secure connection failed ({_first_line(message)})", path=where)
    if any(
        part in lowered
        for part in ("connection refused", "timeout", "timed out", "could not translate",
                     "name or service not known", "no route", "network is unreachable",
                     "could not connect", "connection to server")
    ):  # fmt: skip
        return StorageError(
            f"cannot reach the database server ({_first_line(message)})", path=where
        )
    return StorageError(f"cannot open the collation store ({_first_line(message)})", path=where)


def _first_line(message: str) -> str:
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    # libpq says "connection failed: connection to server at ... failed: <the reason>".
    last = lines[-1] if lines else message
    return last.rsplit("failed: ", 1)[-1] if "failed: " in last else last


def alembic_config(connection: Connection | None = None) -> Config:
    """The collation store's Alembic config (env.py migrates on `connection`)."""
    return config_at(MIGRATIONS, connection=connection)


@functools.cache
def _script() -> ScriptDirectory:
    """The migrations, read once per process (each open of a store asks for the head)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


@dataclass(frozen=True, slots=True)
class _State:
    """What an existing database holds, read before anything is changed."""

    tables: frozenset[str]
    revision: str | None  # the Alembic revision, if any
    legacy: int | None  # the hand-written schema_version, if any


def _state(connection: Connection) -> _State:
    tables = frozenset(inspect(connection).get_table_names())
    revision = legacy = None
    if "alembic_version" in tables:
        rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
        revision = str(rows[0][0]) if len(rows) == 1 else None
    if "schema_version" in tables:
        legacy = connection.execute(text("SELECT max(version) FROM schema_version")).scalar()
    return _State(tables, revision, int(legacy) if legacy is not None else None)


def _judge(state: _State, where: str) -> str:
    """'new', 'head', 'upgrade' or 'legacy'; raises for what must be left alone."""
    script = _script()
    head = script.get_current_head()
    collation_tables = {"received", "records", "senders"}
    if not state.tables:
        return "new"
    if state.revision is not None:
        if state.revision == head:
            return "head"
        if not known_revision(script, state.revision):
            if collation_tables <= state.tables:
                raise StorageError(
                    f"this collation store is at a newer schema ({state.revision}) than "
                    "this fieldvisit knows; update fieldvisit",
                    path=where,
                )
            raise StorageError("not a collation store (another database)", path=where)
        return "upgrade"
    if state.legacy is not None and collation_tables <= state.tables:
        if state.legacy not in LEGACY_VERSIONS:
            raise StorageError(
                f"this collation store is at a newer schema (version {state.legacy}) than "
                "this fieldvisit knows; update fieldvisit",
                path=where,
            )
        return "legacy"
    raise StorageError("not a collation store (it holds other tables)", path=where)


def backup_sqlite(path: Path, label: str) -> Path:
    """A consistent copy beside the store (through SQLite's backup API), created 0600."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.stem}.{label}-backup-{stamp}{path.suffix or '.sqlite'}")
    copy_sqlite(path, target)
    return target


def _migrate(connection: Connection, state: _State, decision: str) -> None:
    from alembic import command

    config = alembic_config(connection)
    if decision == "legacy":
        if state.legacy == 1:
            # Version 1 indexed records by installation id; version 2 by return.
            connection.execute(text("DROP INDEX IF EXISTS ix_records_installation_id"))
            connection.execute(
                text("CREATE INDEX IF NOT EXISTS ix_records_received_pk ON records (received_pk)")
            )
        command.stamp(config, LEGACY_REVISION)
    command.upgrade(config, "head")


def no_driver_message(exc: BaseException) -> str:
    """One line for a missing PostgreSQL driver. The desktop bundle carries psycopg's
    pure-Python layer, which needs the computer's own libpq and OpenSSL
    (packaging/fieldvisit.spec)."""
    said = str(exc)
    # psycopg's pure-Python layer also imports ssl, which loads the computer's OpenSSL 3.
    if any(word in said for word in ("libpq", "pq wrapper", "'ssl'", "libssl", "libcrypto")):
        return (
            "PostgreSQL needs the PostgreSQL client library (libpq) on this computer: "
            "install it (Debian/Ubuntu: libpq5; Fedora: libpq; macOS: brew install libpq; "
            "Windows: PostgreSQL's installer) and try again"
        )
    first = said.splitlines()[0] if said else type(exc).__name__
    return f"no driver for this database ({first})"


@dataclass(slots=True)
class CollationStore:
    """An open collation store. Use it from one thread at a time (the GUI gives it its own).

    `where` is how the user names it (a path, or the URL without its password).
    """

    url: URL
    engine: Engine
    where: str
    backup: Path | None = None

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    @classmethod
    def open(
        cls,
        target: str | Path,
        *,
        password: str | None = None,
        create: bool = True,
        upgrade: SharedUpgrade | None = None,
    ) -> CollationStore:
        """Open (creating if new) the store and bring its schema to head.

        A SQLite store at the hand-versioned schema (v1, v2) or an older revision is copied
        aside first. A shared (PostgreSQL) store at an older revision is upgraded only as
        `upgrade` allows: after a pg_dump into its folder, or when the organiser has a
        backup; otherwise a StorageError says to back it up first. A newer schema, a wrong
        password or an unreachable server raise a StorageError before anything changed.
        """
        url = parse_target(target)
        where = display(url)
        sqlite = url.get_backend_name() == "sqlite"
        if sqlite:
            _prepare_sqlite_file(Path(str(url.database)))
        try:
            engine = make_engine(url, password)
        except (NoSuchModuleError, ImportError) as exc:
            raise StorageError(no_driver_message(exc), path=where) from exc
        store = cls(url=url, engine=engine, where=where)
        try:
            store._bring_to_head(create, upgrade or SharedUpgrade(), password)
        except DBAPIError as exc:
            engine.dispose()
            if sqlite:
                raise StorageError(
                    f"not a collation store ({_first_line(str(exc.orig))})", path=where
                ) from exc
            raise _explain(exc, url, password is not None) from exc
        except sqlite3.DatabaseError as exc:
            engine.dispose()
            raise StorageError(f"not a collation store ({exc})", path=where) from exc
        except BaseException:
            engine.dispose()
            raise
        return store

    def _bring_to_head(self, create: bool, upgrade: SharedUpgrade, password: str | None) -> None:
        with self.engine.connect() as connection:
            state = _state(connection)
            connection.rollback()
        decision = _judge(state, self.where)
        if decision == "head":
            return
        if decision == "new" and not create:
            raise StorageError(
                "no collation store here yet (collate returns first)", path=self.where
            )
        label = f"v{state.legacy}" if decision == "legacy" else str(state.revision)
        if self.is_sqlite and decision in ("legacy", "upgrade"):
            self.backup = backup_sqlite(Path(str(self.url.database)), label)
        elif decision in ("legacy", "upgrade"):
            self.backup = self._before_shared_upgrade(upgrade, password, label)
        # One migrator at a time; the state is read again under the lock, since another
        # collator may have migrated meanwhile.
        with self.engine.execution_options(fv_write=True).begin() as connection:
            if not self.is_sqlite:
                connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _MIGRATION_LOCK})
            state = _state(connection)
            decision = _judge(state, self.where)
            if decision != "head":
                _migrate(connection, state, decision)

    def _before_shared_upgrade(
        self, upgrade: SharedUpgrade, password: str | None, label: str
    ) -> Path | None:
        """A pg_dump of the shared store before its schema changes, or a refusal."""
        if upgrade.backed_up:
            return None
        pg_dump = find_pg_dump()
        if pg_dump is None or upgrade.folder is None:
            raise StorageError(
                f"this shared store is at an older schema ({label}) and must be upgraded, "
                "but pg_dump was not found to back it up first: back it up (pg_dump -Fc) "
                "and run again with --i-have-a-backup",
                path=self.where,
            )
        return dump(self.url, password or self.url.password, upgrade.folder, label, pg_dump)

    @contextmanager
    def unit(self, *, write: bool = False) -> Iterator[Session]:
        """One transaction. `write=True` on SQLite takes the write lock at its start."""
        bind = self.engine.execution_options(fv_write=True) if write else self.engine
        with Session(bind, expire_on_commit=False) as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()
