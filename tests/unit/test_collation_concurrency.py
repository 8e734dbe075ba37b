"""Several organisers collating into one store at once, and a connection dropped midway.

Four `fieldvisit collate` processes get overlapping, shuffled sets of 200 returns (repeats,
newer revisions, same-revision conflicts, a few bad files) and run together against one
store; the end state must be exactly what one collator makes of all 200: no duplicate
record, every conflict flagged once, every file recorded once by its hash. On PostgreSQL
(row locks, ON CONFLICT) and on SQLite (WAL, busy timeout, one writer at a time).
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from returns_support import FEEDBACK_V1, answer, craft, note, write
from sqlalchemy import func, select

from fieldvisit.domain.errors import StorageError
from fieldvisit.packs.keys import generate_keys
from fieldvisit.services.collate import CollateSummary, Collator
from fieldvisit.services.collate_open import parallel_available
from fieldvisit.storage.collation.engine import CollationStore
from fieldvisit.storage.collation.models import (
    ConflictRow,
    QuestionnaireDefRow,
    ReceivedRow,
    RecordRow,
    RejectedRow,
    SenderRow,
)
from fieldvisit.storage.collation.writer import Writes

RETURNS = 200
COLLATORS = 4


def make_corpus(folder: Path, organiser: X25519PrivateKey, count: int = RETURNS) -> list[Path]:
    """`count` return files from 40 delegates: each sends several returns over time, with
    repeats, newer revisions and same-revision conflicts; 1 in 25 files is junk, and the
    first 8 delegates are on an earlier release (format 2 files, uncompressed)."""
    rng = random.Random(14)
    delegates = [Ed25519PrivateKey.generate() for _ in range(40)]
    paths: list[Path] = []
    for index in range(count):
        if index % 25 == 24:
            paths.append(
                write(folder, b"FVRETURN junk " + bytes([index]), f"junk-{index}.fvreturn")
            )
            continue
        who = index % len(delegates)
        records = []
        for n in range(rng.randint(3, 8)):
            revision = rng.randint(1, 3)
            # Few distinct bodies per (id, revision): the same content often comes again
            # (skip), sometimes another (a conflict).
            body = f"Note {n} of delegate {who}, revision {revision}, take {rng.randint(1, 2)}"
            records.append(note(f"d{who}-n{n}", body, revision))
        if rng.random() < 0.3:
            records.append(answer(f"d{who}-a", f"Lesson {rng.randint(1, 2)}", 1))
        sealed = craft(
            organiser, delegates[who], records, name=f"Delegate {who}",
            questionnaires=[FEEDBACK_V1], version=2 if who < 8 else 3,
        )  # fmt: skip
        paths.append(write(folder, sealed, f"r{index:03d}.fvreturn"))
    return paths


def end_state(store: CollationStore) -> dict[str, list[Any]]:
    """Everything the rules decide, without what depends on arrival order (row ids, counts
    per file, times)."""
    with store.unit() as s:
        records = s.execute(
            select(
                RecordRow.installation_id, RecordRow.kind, RecordRow.record_id,
                RecordRow.revision, RecordRow.sha256, RecordRow.current, RecordRow.conflict,
            )
        ).all()  # fmt: skip
        conflicts = s.execute(
            select(ConflictRow.installation_id, ConflictRow.kind, ConflictRow.record_id,
                   ConflictRow.revision)
        ).all()  # fmt: skip
        received = s.scalars(select(ReceivedRow.file_sha256)).all()
        rejected = s.scalars(select(RejectedRow.file_sha256)).all()
        senders = s.execute(select(SenderRow.installation_id, SenderRow.public_key)).all()
        questionnaires = s.execute(
            select(QuestionnaireDefRow.event_id, QuestionnaireDefRow.uid,
                   QuestionnaireDefRow.version)
        ).all()  # fmt: skip
    return {
        "records": sorted(tuple(r) for r in records),
        "conflicts": sorted(tuple(c) for c in conflicts),
        "received": sorted(received),
        "rejected": sorted(rejected),
        "senders": sorted(tuple(x) for x in senders),
        "questionnaires": sorted(tuple(q) for q in questionnaires),
    }


def reference(
    tmp_path: Path, organiser: X25519PrivateKey, files: list[Path]
) -> dict[str, list[Any]]:
    store = CollationStore.open(tmp_path / "reference.sqlite")
    try:
        Collator(store, organiser).collate(files)
        return end_state(store)
    finally:
        store.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, list[Path]]]:
    folder = tmp_path_factory.mktemp("corpus")
    keys = generate_keys(folder / "organiser.key", None)
    yield folder / "organiser.key", make_corpus(folder, keys.returns)


def test_four_collators_at_once_make_what_one_makes(
    collation_db: str, corpus: tuple[Path, list[Path]], tmp_path: Path
) -> None:
    from fieldvisit.packs.keys import load_keys

    key, files = corpus
    organiser = load_keys(key, None).returns
    expected = reference(tmp_path, organiser, files)
    assert len(expected["records"]) == len(set(expected["records"]))
    assert expected["conflicts"] and len(expected["rejected"]) == RETURNS // 25
    CollationStore.open(collation_db).close()  # created once, as an organiser would
    rng = random.Random(4)
    shares = []
    for n in range(COLLATORS):
        # Overlapping shares covering every file: each collator gets about two thirds,
        # in its own order, and the n-th quarter for sure.
        share = [f for i, f in enumerate(files) if i % COLLATORS == n or rng.random() < 0.6]
        rng.shuffle(share)
        shares.append(share)
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "fieldvisit",
                "collate",
                *map(str, share),
                "--key",
                str(key),
                "--db",
                collation_db,
                "--organiser",
                f"Organiser {n}",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            text=True,
        )
        for n, share in enumerate(shares)
    ]
    results = [p.communicate(timeout=600) for p in processes]
    for process, (_out, err) in zip(processes, results, strict=True):
        # 1: this collator rejected junk; 0: another one had recorded the junk first.
        assert process.returncode in (0, 1), err
        assert "Traceback" not in err
    store = CollationStore.open(collation_db)
    try:
        got = end_state(store)
        with store.unit() as s:
            duplicates = s.execute(
                select(func.count())
                .select_from(RecordRow)
                .group_by(RecordRow.installation_id, RecordRow.kind, RecordRow.record_id,
                          RecordRow.sha256)
                .having(func.count() > 1)
            ).all()  # fmt: skip
    finally:
        store.close()
    assert duplicates == []
    assert got == expected


@pytest.mark.parametrize(
    ("method", "drop_at"), [("first_returns", 2), ("write_return", 10)],
    ids=["first-returns-at-once", "mid-return"],
)  # fmt: skip
def test_a_dropped_connection_leaves_each_return_in_or_out_and_a_rerun_completes_it(
    pg_server: object, corpus: tuple[Path, list[Path]], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, method: str, drop_at: int,
) -> None:  # fmt: skip
    """Most of the corpus's first 40 files are first returns, written 16 at a time by one
    statement; the rest take the way with the rules. The connection drops before the
    second such statement (a batch of first returns) or before the 10th return with the
    rules writes its file and records (after its sender row was locked and read)."""
    from pg_support import PostgresServer

    from fieldvisit.packs.keys import load_keys

    assert isinstance(pg_server, PostgresServer)
    key, files = corpus
    files = files[:60]
    organiser = load_keys(key, None).returns
    expected = reference(tmp_path, organiser, files)
    url = pg_server.url(pg_server.create_database()) + "?application_name=fv-drop-test"
    store = CollationStore.open(url)
    calls = {"n": 0}
    original = getattr(Writes, method)

    def write_then_drop(self: Writes, *args: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == drop_at:
            with pg_server.admin() as admin:
                admin.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE application_name = 'fv-drop-test'"
                )
        return original(self, *args)

    with monkeypatch.context() as patched:
        patched.setattr(Writes, method, write_then_drop)
        try:
            with pytest.raises(StorageError, match="collate the same files again"):
                Collator(store, organiser).collate(files)
        finally:
            store.close()
    assert calls["n"] == drop_at

    store = CollationStore.open(url)
    try:
        with store.unit() as s:
            received = s.execute(select(ReceivedRow.pk, ReceivedRow.added)).all()
            per_return = dict(
                s.execute(
                    select(RecordRow.received_pk, func.count()).group_by(RecordRow.received_pk)
                ).all()
            )
        assert 0 < len(received) < len(files) - 2
        # Fully in: every recorded return has every record it added.
        assert all(per_return.get(pk, 0) == added for pk, added in received)
        again = Collator(store, organiser).collate(files)
        assert again.count("accepted") + again.count("already") + again.count("rejected") == 60
        assert end_state(store) == expected
    finally:
        store.close()


def outcomes(summary: CollateSummary) -> list[tuple[object, ...]]:
    return [
        (o.path, o.status, o.reason, o.detail, o.added, o.skipped, o.superseded, o.conflicts)
        for o in summary.outcomes
    ]


def test_worker_processes_open_the_files_and_the_run_is_the_same(
    collation_db: str, corpus: tuple[Path, list[Path]], tmp_path: Path
) -> None:
    """`fieldvisit collate` opens the files in forked worker processes while it writes:
    each file's outcome, in order, and the store are what one process alone makes."""
    from fieldvisit.packs.keys import load_keys

    key, files = corpus
    organiser = load_keys(key, None).returns
    # A file given twice in the run, and one that cannot be read.
    files = [*files, files[3], tmp_path / "gone.fvreturn"]
    alone = CollationStore.open(tmp_path / "alone.sqlite")
    try:
        expected = outcomes(Collator(alone, organiser).collate(files))
        expected_state = end_state(alone)
    finally:
        alone.close()
    assert parallel_available()
    store = CollationStore.open(collation_db)
    try:
        assert outcomes(Collator(store, organiser).collate(files, workers=2)) == expected
        assert end_state(store) == expected_state
        again = Collator(store, organiser).collate(files, workers=2)
        assert [o.status for o in again.outcomes] == ["already"] * RETURNS + [
            "already", "rejected",
        ]  # fmt: skip
        # Stopped early: the workers stop too, and what was written stays whole.
        done: list[int] = []
        fresh = CollationStore.open(tmp_path / "stopped.sqlite")
        try:
            stopped = Collator(fresh, organiser).collate(
                files, workers=2, progress=lambda n, _total, _name: done.append(n),
                cancelled=lambda: len(done) >= 50,
            )  # fmt: skip
            assert stopped.cancelled and len(stopped.outcomes) == 50
            assert outcomes(stopped) == expected[:50]
        finally:
            fresh.close()
    finally:
        store.close()


def test_the_workers_run_below_the_writers_priority(
    corpus: tuple[Path, list[Path]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The writer is the one step that cannot be shared out: the workers opening the files
    run at a lower priority (niceness + 10), so on a machine with as many workers as
    processors the writer is never left waiting for a processor."""
    from fieldvisit.packs.keys import load_keys
    from fieldvisit.services import collate_open

    key, files = corpus
    organiser = load_keys(key, None).returns
    real_open = collate_open.open_file
    seen = tmp_path / "niceness"

    def noting_the_niceness(opener: Any, path: Path, known: Any) -> Any:
        with seen.open("a") as out:  # each worker appends a line per file it opens
            out.write(f"{os.getpid()} {os.getpriority(os.PRIO_PROCESS, 0)}\n")
        return real_open(opener, path, known)

    monkeypatch.setattr(collate_open, "open_file", noting_the_niceness)
    mine = os.getpriority(os.PRIO_PROCESS, 0)
    store = CollationStore.open(tmp_path / "nice.sqlite")
    try:
        summary = Collator(store, organiser).collate(files, workers=2)
    finally:
        store.close()
    assert summary.count("accepted") + summary.count("rejected") == len(files)
    lines = [line.split() for line in seen.read_text().splitlines()]
    assert len(lines) == len(files)
    assert len({pid for pid, _nice in lines}) == 2 and str(os.getpid()) not in dict(lines)
    assert {int(nice) for _pid, nice in lines} == {min(mine + 10, 19)}
    assert os.getpriority(os.PRIO_PROCESS, 0) == mine  # the writer's own is unchanged


def test_a_worker_that_dies_stops_the_run_and_what_was_written_stays_whole(
    corpus: tuple[Path, list[Path]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker process killed midway (the system ran out of memory, say) ends the run
    with one line instead of leaving it waiting; the returns written before are kept,
    each whole, and running again completes the collation."""
    from fieldvisit.packs.keys import load_keys
    from fieldvisit.services import collate_open

    key, files = corpus
    organiser = load_keys(key, None).returns
    real_open = collate_open.open_file
    doomed = files[100]

    def dies_at_the_doomed_file(opener: Any, path: Path, known: Any) -> Any:
        if path == doomed:
            os._exit(9)  # as a killed worker: no exception, no goodbye
        return real_open(opener, path, known)

    monkeypatch.setattr(collate_open, "open_file", dies_at_the_doomed_file)
    store = CollationStore.open(tmp_path / "broken.sqlite")
    try:
        with pytest.raises(StorageError, match="a worker process opening the files ended") as e:
            Collator(store, organiser).collate(files, workers=2)
        assert isinstance(e.value.__cause__, BrokenProcessPool)
        with store.unit() as s:
            received = s.scalar(select(func.count()).select_from(ReceivedRow)) or 0
            rejected = s.scalar(select(func.count()).select_from(RejectedRow)) or 0
        # The files before the dead worker's chunk, each whole (rows only with their file).
        assert 0 < received + rejected <= 100
        monkeypatch.setattr(collate_open, "open_file", real_open)
        Collator(store, organiser).collate(files, workers=2)
        assert end_state(store) == reference(tmp_path, organiser, files)
    finally:
        store.close()
