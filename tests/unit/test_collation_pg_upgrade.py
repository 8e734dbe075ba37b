"""A shared (PostgreSQL) collation store at an older schema is upgraded only after a
pg_dump the organiser can restore, or on their word that a backup exists; otherwise one
line says to back it up first, and nothing changes. Against a real server."""

from __future__ import annotations

import stat
import subprocess
from pathlib import Path

import pytest
from pg_support import USER, PostgresServer

from fieldvisit.cli import main
from fieldvisit.domain.errors import StorageError
from fieldvisit.storage.collation.engine import (
    CollationStore,
    alembic_config,
    make_engine,
    parse_target,
)
from fieldvisit.storage.collation.pg_backup import SharedUpgrade, find_pg_dump


def older_store(server: PostgresServer) -> str:
    """A fresh database at the first collation revision (c0001), with one sender in it."""
    from alembic import command
    from sqlalchemy import text

    url = server.url(server.create_database("old"))
    engine = make_engine(parse_target(url))
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "c0001")
            connection.execute(
                text(
                    "INSERT INTO senders (installation_id, public_key, delegate_name, "
                    "first_seen, last_seen) VALUES ('inst-1', 'key', 'Ann', now(), now())"
                )
            )
    finally:
        engine.dispose()
    return url


def revision(url: str) -> str:
    from sqlalchemy import text

    engine = make_engine(parse_target(url))
    try:
        with engine.connect() as connection:
            return str(connection.execute(text("SELECT version_num FROM alembic_version")).scalar())
    finally:
        engine.dispose()


@pytest.fixture
def no_pg_dump(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A machine without the PostgreSQL client programs."""
    empty = tmp_path / "empty-path"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))


def test_a_pg_dump_is_taken_before_the_upgrade(pg_server: PostgresServer, tmp_path: Path) -> None:
    if find_pg_dump() is None:
        pytest.skip("pg_dump is not installed here (Debian: postgresql-client)")
    url = older_store(pg_server)
    store = CollationStore.open(url, upgrade=SharedUpgrade(tmp_path / "backups"))
    try:
        backup = store.backup
    finally:
        store.close()
    assert revision(url) != "c0001"
    assert backup is not None and backup.parent == tmp_path / "backups"
    assert backup.name.startswith(f"{parse_target(url).database}.c0001-backup-")
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert backup.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
    listing = subprocess.run(
        ["pg_restore", "--list", str(backup)], capture_output=True, text=True, check=True
    ).stdout
    assert "TABLE public senders" in listing and "TABLE DATA public senders" in listing
    assert pg_server.password not in listing


def test_without_pg_dump_the_upgrade_is_refused_in_one_line_and_nothing_changes(
    pg_server: PostgresServer, tmp_path: Path, no_pg_dump: None, data_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    url = older_store(pg_server)
    with pytest.raises(StorageError) as refused:
        CollationStore.open(url, upgrade=SharedUpgrade(tmp_path / "backups"))
    message = str(refused.value)
    assert "\n" not in message
    assert "older schema (c0001)" in message and "pg_dump" in message
    assert "--i-have-a-backup" in message and pg_server.password not in message
    assert revision(url) == "c0001"
    assert not (tmp_path / "backups").exists()
    # The command line says the same in one line and exits 2.
    assert main(["report", "--db", url, "-o", str(tmp_path / "report")]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "--i-have-a-backup" in err
    assert f"{USER}@127.0.0.1:{pg_server.port}" in err and pg_server.password not in err
    assert revision(url) == "c0001"


def test_an_organiser_with_a_backup_says_so_and_the_store_is_upgraded(
    pg_server: PostgresServer, tmp_path: Path, no_pg_dump: None
) -> None:
    url = older_store(pg_server)
    store = CollationStore.open(url, upgrade=SharedUpgrade(tmp_path / "b", backed_up=True))
    try:
        assert store.backup is None
    finally:
        store.close()
    assert revision(url) != "c0001"
