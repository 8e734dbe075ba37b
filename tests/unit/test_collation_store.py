"""Opening collation stores: new (0600), hand-versioned v1/v2 (upgraded after a backup),
newer (refused, untouched), not a store at all; URLs and what is shown of them."""

from __future__ import annotations

import hashlib
import sqlite3
import stat
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from returns_support import craft, note, write
from sqlalchemy import select

from fieldvisit.domain.errors import StorageError
from fieldvisit.services.collate import Collator
from fieldvisit.services.organiser import public_location
from fieldvisit.storage.collation.engine import (
    LEGACY_REVISION,
    CollationStore,
    alembic_config,
    parse_target,
)
from fieldvisit.storage.collation.models import ConflictRow, RecordRow, RunRow

LEGACY_COPY = {
    "senders": "installation_id, public_key, delegate_name, first_seen, last_seen",
    "received": "pk, file_sha256, filename, installation_id, delegate_name, event_id, pack_id, "
    "pack_version, created, collated_at, added, skipped, superseded, conflicts, payload, "
    "signature",
    "rejected": "pk, file_sha256, filename, reason, detail, rejected_at",
    "records": "pk, installation_id, kind, record_id, revision, sha256, received_pk, position, "
    "current, conflict",
    "questionnaires": "pk, event_id, uid, version, title, questions",
}


def legacy_store(path: Path, source: Path, version: int) -> None:
    """A store as the hand-versioned code left it (schema_version 1 or 2, no Alembic),
    holding the rows of the store at `source`."""
    from alembic import command
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), LEGACY_REVISION)
        connection.exec_driver_sql("DROP TABLE alembic_version")
    engine.dispose()
    with sqlite3.connect(path) as db:
        db.execute("ATTACH DATABASE ? AS src", (str(source),))
        for table, columns in LEGACY_COPY.items():
            db.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM src.{table}")
        # The bug of issue 14: two collators at once doubled a record.
        db.execute(
            f"INSERT INTO records ({LEGACY_COPY['records'].replace('pk, ', '', 1)}) "
            f"SELECT {LEGACY_COPY['records'].replace('pk, ', '', 1)} FROM records LIMIT 1"
        )
        if version == 1:
            db.execute("DROP INDEX ix_records_received_pk")
            db.execute("CREATE INDEX ix_records_installation_id ON records (installation_id)")
            db.execute("UPDATE schema_version SET version = 1")
        db.commit()
        db.execute("DETACH DATABASE src")
    db.close()
    path.chmod(0o644)  # as the old code made it


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_new_sqlite_store_is_created_0600(tmp_path: Path) -> None:
    path = tmp_path / "collation.sqlite"
    CollationStore.open(path).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    CollationStore.open(str(path)).close()  # a string path is a file too, reopened at head


def test_a_new_store_has_16_kib_pages_an_older_one_keeps_its_own_both_checkpoint_at_4_mib(
    tmp_path: Path,
) -> None:
    organiser = X25519PrivateKey.generate()
    me = Ed25519PrivateKey.generate()
    returns = [write(tmp_path, craft(organiser, me, [note(f"n{i}", "Seen.")]), f"r{i}.fvreturn")
               for i in range(2)]  # fmt: skip
    new, old = tmp_path / "new.sqlite", tmp_path / "old.sqlite"
    with sqlite3.connect(old) as db:  # a store made with 4 KiB pages (before this session)
        db.execute("PRAGMA page_size=4096")
        db.execute("PRAGMA journal_mode=WAL")
    db.close()
    for path in (new, old):
        for file in returns:
            store = CollationStore.open(path)
            try:
                summary = Collator(store, organiser).collate([file])
                assert [o.status for o in summary.outcomes] == ["accepted"]
            finally:
                store.close()
    sizes = {}
    for path in (new, old):
        with sqlite3.connect(path) as db:
            sizes[path.name] = db.execute("PRAGMA page_size").fetchone()[0]
            assert db.execute("SELECT count(*) FROM records").fetchone()[0] == 2
        db.close()
    assert sizes == {"new.sqlite": 16384, "old.sqlite": 4096}
    # Either way the write-ahead log is checkpointed every 4 MiB.
    for path, pages in ((new, 256), (old, 1024)):
        store = CollationStore.open(path)
        try:
            with store.engine.connect() as connection:
                said = connection.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar()
            assert said == pages
        finally:
            store.close()


@pytest.mark.parametrize("version", [1, 2])
def test_a_hand_versioned_store_is_upgraded_after_a_backup(tmp_path: Path, version: int) -> None:
    organiser = X25519PrivateKey.generate()
    me = Ed25519PrivateKey.generate()
    folder = tmp_path / "returns"
    folder.mkdir()
    source = tmp_path / "source.sqlite"
    first = write(folder, craft(organiser, me, [note("n1", "First."), note("n2", "Other.")]))
    store = CollationStore.open(source)
    Collator(store, organiser).collate([first])
    store.close()
    path = tmp_path / "old.sqlite"
    legacy_store(path, source, version)
    before = digest(path)

    store = CollationStore.open(path)
    try:
        assert store.backup is not None and store.backup.name.startswith(f"old.v{version}-backup")
        assert digest(store.backup) != "" and stat.S_IMODE(store.backup.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        with sqlite3.connect(store.backup) as copy:
            assert copy.execute("SELECT max(version) FROM schema_version").fetchone() == (version,)
        copy.close()
        newer = note("n1", "First, revised.", revision=2)
        summary = Collator(store, organiser).collate([write(folder, craft(organiser, me, [newer]))])
        assert summary.outcomes[0].superseded == 1  # the old records are found
        with store.unit() as s:
            found = s.execute(
                select(RecordRow.record_id, RecordRow.revision, RecordRow.current).order_by(
                    RecordRow.record_id, RecordRow.revision
                )
            ).all()
        # The doubled row is folded into one; history and the current revision stay.
        assert [tuple(r) for r in found] == [("n1", 1, False), ("n1", 2, True), ("n2", 1, True)]
    finally:
        store.close()
    assert before != digest(path)
    with sqlite3.connect(path) as db:
        tables = {n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    db.close()
    assert "schema_version" not in tables and {"runs", "conflicts", "alembic_version"} <= tables


def test_a_newer_schema_is_refused_and_left_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    CollationStore.open(path).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE alembic_version SET version_num = 'c9999'")
    db.close()
    before = digest(path)
    with pytest.raises(StorageError, match="newer schema") as caught:
        CollationStore.open(path)
    assert str(path) in caught.value.message and "\n" not in caught.value.message
    assert digest(path) == before
    assert list(tmp_path.glob("*backup*")) == []


def test_a_newer_hand_versioned_store_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    with sqlite3.connect(path) as db:
        for table in ("received", "records", "senders"):
            db.execute(f"CREATE TABLE {table} (x)")
        db.execute("CREATE TABLE schema_version (version INTEGER)")
        db.execute("INSERT INTO schema_version VALUES (7)")
    db.close()
    with pytest.raises(StorageError, match="newer schema"):
        CollationStore.open(path)


def test_the_delegate_store_or_junk_is_not_a_collation_store(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE notes (x)")
    db.close()
    with pytest.raises(StorageError, match="not a collation store"):
        CollationStore.open(other)
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StorageError, match="not a collation store"):
        CollationStore.open(junk)
    with pytest.raises(StorageError, match="folder does not exist"):
        CollationStore.open(tmp_path / "missing" / "c.sqlite")


def test_urls_and_what_is_shown_of_them() -> None:
    assert parse_target("/tmp/x.sqlite").get_backend_name() == "sqlite"
    url = parse_target("postgresql://ann:secret@db.example.org:5433/team?sslmode=verify-full")
    assert url.drivername == "postgresql+psycopg"
    assert url.query["sslmode"] == "verify-full"  # TLS options pass through
    shown = public_location("postgresql+psycopg://ann:secret@db.example.org/team?sslmode=require")
    assert shown == "postgresql+psycopg://ann@db.example.org/team?sslmode=require"
    with pytest.raises(StorageError, match="file path"):
        parse_target("mysql://x@y/z")


def test_a_run_records_its_organiser_and_host(tmp_path: Path) -> None:
    from fieldvisit.services.collate import Organiser

    organiser = X25519PrivateKey.generate()
    folder = tmp_path / "returns"
    folder.mkdir()
    sent = write(folder, craft(organiser, Ed25519PrivateKey.generate(), [note("n1", "x")]))
    store = CollationStore.open(tmp_path / "c.sqlite")
    try:
        Collator(store, organiser, Organiser("Ann de Vries", "laptop-7")).collate([sent])
        with store.unit() as s:
            run = s.scalars(select(RunRow)).one()
            assert (run.organiser, run.host, run.files, run.accepted) == (
                "Ann de Vries", "laptop-7", 1, 1,
            )  # fmt: skip
            assert run.finished_at is not None and run.finished_at >= run.started_at
            assert s.scalars(select(ConflictRow)).all() == []
    finally:
        store.close()


def test_c0003_says_payloads_are_compressed_and_a_downgrade_restores_them(
    tmp_path: Path,
) -> None:
    """Head (c0003) marks the compressed payloads, so an older fieldvisit refuses the store;
    going back to c0002 gives every payload its exact signed bytes again."""
    from alembic import command

    from fieldvisit.returns.format import open_sealed, raw_public
    from fieldvisit.storage.collation.engine import alembic_config
    from fieldvisit.storage.collation.models import ReceivedRow

    organiser = X25519PrivateKey.generate()
    sealed = craft(organiser, Ed25519PrivateKey.generate(), [note("n1", "Kept " * 50)])
    signed = open_sealed(sealed, organiser, public_raw=raw_public(organiser.public_key())).payload
    store = CollationStore.open(tmp_path / "c.sqlite")
    try:
        Collator(store, organiser).collate([write(tmp_path, sealed)])
        with store.unit() as s:
            assert s.scalar(select(ReceivedRow.payload)) != signed  # kept compressed
        with store.engine.begin() as connection:
            assert (
                connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
                == "c0003"
            )
            command.downgrade(alembic_config(connection), "c0002")
        with store.unit() as s:
            assert s.scalar(select(ReceivedRow.payload)) == signed
    finally:
        store.close()


def test_the_returns_before_the_runs_last_tenth_are_committed_then(tmp_path: Path) -> None:
    """SQLite batches returns in transactions of half a second; before the run's last
    tenth the batch is committed, so the commit at the end (which nothing overlaps) is
    small. Another reader sees those returns while the run goes on."""
    organiser = X25519PrivateKey.generate()
    files = [
        write(tmp_path, craft(organiser, Ed25519PrivateKey.generate(), [note("n", "Seen.")]),
              f"r{i:02d}.fvreturn")
        for i in range(40)
    ]  # fmt: skip
    path = tmp_path / "collation.sqlite"
    store = CollationStore.open(path)
    seen_by_reader: dict[int, int] = {}

    def look(done: int, _total: int, _name: str) -> None:
        with sqlite3.connect(path) as reader:
            seen_by_reader[done] = reader.execute("SELECT count(*) FROM received").fetchone()[0]
        reader.close()

    try:
        summary = Collator(store, organiser).collate(files, progress=look)
    finally:
        store.close()
    assert summary.count("accepted") == 40
    # 36 = 40 - 40 // 10: committed before the 37th file's outcome is reported.
    assert all(seen_by_reader[done] >= 36 for done in range(37, 41))
    with sqlite3.connect(path) as reader:
        assert reader.execute("SELECT count(*) FROM received").fetchone()[0] == 40
    reader.close()
