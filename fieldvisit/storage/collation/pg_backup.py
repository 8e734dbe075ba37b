"""A pg_dump of a shared (PostgreSQL) collation store, taken before Alembic upgrades it.

A SQLite store is copied aside by the backup API (engine.backup_sqlite). A shared store
belongs to a team: its schema is changed only after a dump the organiser can restore
(`pg_restore`), or after the organiser said a backup exists (`--i-have-a-backup`). The
password goes to pg_dump through its environment, never on its command line.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import URL

from fieldvisit.domain.errors import StorageError

# Long enough for a large store on a slow link; a dump that takes longer fails, and the
# store is left as it was.
DUMP_TIMEOUT_SECONDS = 3600


@dataclass(frozen=True, slots=True)
class SharedUpgrade:
    """How a shared store at an older schema may be upgraded: after a pg_dump into
    `folder` (when pg_dump is installed), or because the organiser has a backup."""

    folder: Path | None = None
    backed_up: bool = False


def find_pg_dump() -> str | None:
    return shutil.which("pg_dump")


def libpq_uri(url: URL) -> str:
    """The URL as libpq reads it (postgresql://…, its query options kept), no password."""
    bare = URL.create("postgresql", url.username, None, url.host, url.port, url.database, url.query)
    return bare.render_as_string(hide_password=False)


def dump(url: URL, password: str | None, folder: Path, label: str, pg_dump: str) -> Path:
    """pg_dump the database (custom format, for pg_restore) into `folder`, created 0600."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    name = re.sub(r"[^A-Za-z0-9_.-]", "_", url.database or "collation")
    target = folder / f"{name}.{label}-backup-{stamp}.dump"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except OSError as exc:
        raise StorageError(
            f"cannot write the backup before the upgrade ({exc.strerror})", path=target
        ) from exc
    env = dict(os.environ)
    if password:
        env["PGPASSWORD"] = password
    try:
        done = subprocess.run(
            [pg_dump, "--format=custom", "--no-password", f"--file={target}",
             f"--dbname={libpq_uri(url)}"],
            env=env, capture_output=True, text=True, timeout=DUMP_TIMEOUT_SECONDS, check=False,
        )  # fmt: skip
        problem = None if done.returncode == 0 else (done.stderr.strip() or "failed")
    except (OSError, subprocess.TimeoutExpired) as exc:
        problem = str(exc)
    if problem is not None:
        target.unlink(missing_ok=True)
        first = problem.splitlines()[0] if problem else ""
        raise StorageError(
            f"the store was not upgraded: pg_dump could not back it up first ({first})",
            path=str(target),
        )
    return target
