"""A real PostgreSQL server for tests and benchmarks: initdb + pg_ctl in a temporary folder.

Uses the Debian `postgresql` package's binaries (/usr/lib/postgresql/<version>/bin). When
the process runs as root, the server runs as the `postgres` user (PostgreSQL refuses
root), via `runuser`. It listens on 127.0.0.1 on a free port, with password (SCRAM)
authentication for TCP, so the tests can also give a wrong password.
"""

from __future__ import annotations

import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

import psycopg

USER = "fvtest"


def find_bindir() -> Path | None:
    """The newest installed server's bin folder, or None (then the tests skip)."""
    override = os.environ.get("FIELDVISIT_PG_BINDIR")
    candidates = [Path(override)] if override else []
    root = Path("/usr/lib/postgresql")
    if root.is_dir():
        versions = sorted(
            (p for p in root.iterdir() if p.name.isdigit()), key=lambda p: int(p.name)
        )
        candidates += [v / "bin" for v in reversed(versions)]
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    return None


def missing_reason() -> str | None:
    """Why a server cannot be started here, or None when it can."""
    if find_bindir() is None:
        return "PostgreSQL server binaries not found (apt-get install postgresql)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no 'postgres' user to run the server"
        if shutil.which("runuser") is None:
            return "running as root without runuser to start the server as 'postgres'"
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PostgresServer:
    """One server in a temporary folder; `start()`, `url(db)`, `create_database()`, `stop()`."""

    def __init__(self, *, durable: bool = False) -> None:
        bindir = find_bindir()
        if bindir is None:
            raise RuntimeError("no PostgreSQL binaries")
        self.bindir = bindir
        self.durable = durable
        self.password = secrets.token_hex(12)
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="fieldvisit-pg-"))
        self.data = self.folder / "data"
        self.socket_dir = self.folder / "socket"
        self._as_postgres = os.geteuid() == 0
        self._counter = 0
        self.started = False

    def _run(self, args: Sequence[str]) -> None:
        command = [str(self.bindir / args[0]), *args[1:]]
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{args[0]} failed: {done.stdout}\n{done.stderr}")

    def start(self) -> PostgresServer:
        self.socket_dir.mkdir()
        password_file = self.folder / "pw"
        password_file.write_text(self.password + "\n", encoding="utf-8")
        if self._as_postgres:
            entry = pwd.getpwnam("postgres")
            for path in (self.folder, self.socket_dir, password_file):
                os.chown(path, entry.pw_uid, entry.pw_gid)
        self._run([
            "initdb", "-D", str(self.data), "-U", USER, "--pwfile", str(password_file),
            "--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8",
            "--locale=C", "--no-sync",
        ])  # fmt: skip
        options = [
            f"-p {self.port}",
            f"-k {self.socket_dir}",
            "-c listen_addresses=127.0.0.1",
            "-c max_connections=60",
        ]
        if not self.durable:  # tests: no fsync (the benchmark keeps the defaults)
            options += ["-c fsync=off", "-c full_page_writes=off"]
        self._run([
            "pg_ctl", "-D", str(self.data), "-l", str(self.folder / "server.log"), "-w",
            "-t", "60", "-o", " ".join(options), "start",
        ])  # fmt: skip
        self.started = True
        return self

    def stop(self) -> None:
        if self.started:
            try:
                self._run(["pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop"])
            finally:
                self.started = False
        shutil.rmtree(self.folder, ignore_errors=True)

    def cpu_seconds(self) -> float:
        """CPU seconds (user + system) the server's processes have used so far: the
        postmaster, its live children and those it has reaped (Linux /proc; 0.0 elsewhere).
        Backends that just ended may not be reaped yet: wait a moment before reading."""
        try:
            postmaster = int((self.data / "postmaster.pid").read_text().split()[0])
            total = sum(_ticks(_stat(Path(f"/proc/{postmaster}")), children=True))
        except (OSError, ValueError, IndexError):
            return 0.0
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit() and int(entry.name) != postmaster:
                try:  # read once: a backend may end between two reads
                    fields = _stat(entry)
                except (OSError, IndexError):
                    continue
                if int(fields[1]) == postmaster:
                    total += sum(_ticks(fields, children=False))
        return total / os.sysconf("SC_CLK_TCK")

    def url(self, database: str = "postgres", *, password: str | None = None) -> str:
        secret = self.password if password is None else password
        auth = f"{USER}:{secret}" if secret else USER
        return f"postgresql+psycopg://{auth}@127.0.0.1:{self.port}/{database}"

    def admin(self) -> psycopg.Connection[tuple[object, ...]]:
        return psycopg.connect(
            host="127.0.0.1",
            port=self.port,
            user=USER,
            password=self.password,
            dbname="postgres",
            autocommit=True,
        )

    def create_database(self, prefix: str = "t") -> str:
        self._counter += 1
        name = f"{prefix}_{os.getpid()}_{self._counter}"
        with self.admin() as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return name


def _stat(process: Path) -> list[str]:
    """A process's /proc stat fields after its command: state, ppid, ..."""
    return (process / "stat").read_text().rsplit(")", 1)[1].split()


def _ticks(fields: list[str], *, children: bool) -> list[int]:
    """utime and stime (and the reaped children's, with `children`) from _stat's fields, in
    ticks: utime is field 14 of stat, the 12th after the command."""
    return [int(x) for x in fields[11 : 15 if children else 13]]
