"""PostgreSQL writes new senders' first returns 16 at a time, one statement per batch
(storage/collation/first_return.py); everything else takes the way with the rules.

Whatever mix of files a run meets, its outcomes (in file order) and the store it leaves
must be exactly what the one-return-at-a-time way makes (SQLite's, the reference).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from returns_support import FEEDBACK_V1, craft, note, write
from sqlalchemy import delete, func, select
from test_collation_concurrency import end_state

from fieldvisit.returns.format import installation_id_for, raw_public
from fieldvisit.services import collate
from fieldvisit.services.collate import CollateSummary, Collator
from fieldvisit.storage.collation.engine import CollationStore
from fieldvisit.storage.collation.models import ReceivedRow, RecordRow, SenderRow
from fieldvisit.storage.collation.writer import Writes


@pytest.fixture
def organiser() -> X25519PrivateKey:
    return X25519PrivateKey.generate()


def outcomes(summary: CollateSummary) -> list[tuple[object, ...]]:
    return [
        (o.path.name, o.status, o.reason, o.added, o.skipped, o.superseded, o.conflicts)
        for o in summary.outcomes
    ]


def mixed_files(folder: Path, organiser: X25519PrivateKey) -> list[Path]:
    """40 files: first returns of 25 delegates, each delegate's later returns soon after
    its first (often while that first one still waits in a batch), a newer revision, a
    same-revision conflict, a copy of a file, a junk file and a forged return between."""
    rng = random.Random(1414)
    delegates = [Ed25519PrivateKey.generate() for _ in range(25)]
    files: list[Path] = []
    sent: dict[int, int] = {}
    for index in range(36):
        who = index if index < 25 else rng.randrange(25)
        take = sent[who] = sent.get(who, 0) + 1
        records = [note(f"d{who}-n{n}", f"Note {n} of {who}", 1) for n in range(3)]
        if take > 1:  # a newer revision, and a conflicting copy of a first revision
            records += [note(f"d{who}-n0", f"Note 0 of {who}, again", 2),
                        note(f"d{who}-n1", f"Note 1 of {who}, elsewhere", 1)]  # fmt: skip
        sealed = craft(organiser, delegates[who], records, name=f"Delegate {who}",
                       questionnaires=[FEEDBACK_V1])  # fmt: skip
        files.append(write(folder, sealed, f"r{index:02d}-{take}.fvreturn"))
        if index == 7:
            files.append(write(folder, b"FVRETURN junk", "junk.fvreturn"))
        if index == 12:
            files.append(files[3])  # the same file again in the run
        if index in (5, 30):  # a second return of a delegate right after its first
            again = [note(f"d{who}-n2", f"Note 2 of {who}, edited", 2)]
            sealed = craft(organiser, delegates[who], again, name=f"Delegate {who}",
                           questionnaires=[FEEDBACK_V1])  # fmt: skip
            files.append(write(folder, sealed, f"r{index:02d}-again.fvreturn"))
    # Signed by a new key but naming delegate 3's installation: forged.
    three = installation_id_for(raw_public(delegates[3].public_key()))
    forged = craft(organiser, Ed25519PrivateKey.generate(), [note("d3-n0", "Not me", 5)],
                   installation_id=three)  # fmt: skip
    files.insert(20, write(folder, forged, "forged.fvreturn"))
    return files


@pytest.mark.parametrize("workers", [0, 2])
def test_batched_first_returns_keep_every_outcome_and_the_store_as_one_at_a_time(
    pg_server: object, organiser: X25519PrivateKey, tmp_path: Path, workers: int
) -> None:
    from pg_support import PostgresServer

    assert isinstance(pg_server, PostgresServer)
    folder = tmp_path / "returns"
    folder.mkdir()
    files = mixed_files(folder, organiser)
    reference = CollationStore.open(tmp_path / "reference.sqlite")
    try:
        expected = outcomes(Collator(reference, organiser).collate(files))
        expected_state = end_state(reference)
    finally:
        reference.close()
    assert {"accepted", "already", "rejected"} <= {o[1] for o in expected}
    assert any(o[5] for o in expected) and any(o[6] for o in expected)  # supersede, conflict

    store = CollationStore.open(pg_server.url(pg_server.create_database()))
    try:
        batches: list[int] = []
        real = Writes.first_returns

        def counted(self: Writes, news: list[object], *args: object) -> dict[int, int]:
            batches.append(len(news))
            return real(self, news, *args)  # type: ignore[arg-type]

        with pytest.MonkeyPatch.context() as patched:
            patched.setattr(Writes, "first_returns", counted)
            summary = Collator(store, organiser).collate(files, workers=workers)
        assert outcomes(summary) == expected
        assert end_state(store) == expected_state
        # First returns did go in batches, several returns per statement.
        assert max(batches) == collate.FIRST_RETURNS_AT_ONCE and sum(batches) >= 24
        # A run again changes nothing.
        again = Collator(store, organiser).collate(files, workers=workers)
        assert {o.status for o in again.outcomes} <= {"already", "rejected"}
        assert end_state(store) == expected_state
    finally:
        store.close()


def test_a_batch_that_meets_a_stored_record_writes_nothing_and_its_returns_take_the_rules(
    pg_server: object, organiser: X25519PrivateKey, tmp_path: Path
) -> None:
    """A batch's files and records are plain inserts (their senders are new in the same
    statement). A store whose records outlived their sender row (mended by hand, say)
    makes the batch fail on the records' unique key: nothing of the batch is kept, and
    each of its returns is written the rules' way, once."""
    from pg_support import PostgresServer

    assert isinstance(pg_server, PostgresServer)
    folder = tmp_path / "returns"
    folder.mkdir()
    me = Ed25519PrivateKey.generate()
    first = write(folder, craft(organiser, me, [note("n1", "One")]), "first.fvreturn")
    others = [
        write(folder, craft(organiser, Ed25519PrivateKey.generate(), [note("x", f"Other {n}")]),
              f"other-{n}.fvreturn")
        for n in range(3)
    ]  # fmt: skip
    later = write(folder, craft(organiser, me, [note("n1", "One"), note("n2", "Two")]),
                  "later.fvreturn")  # fmt: skip
    store = CollationStore.open(pg_server.url(pg_server.create_database()))
    try:
        assert Collator(store, organiser).collate([first]).count("accepted") == 1
        with store.unit(write=True) as s:
            s.execute(delete(SenderRow))
        failed: list[str] = []
        real = Writes.first_returns

        def seen(self: Writes, *args: object) -> dict[int, int]:
            try:
                return real(self, *args)  # type: ignore[arg-type]
            except Exception as exc:
                failed.append(str(getattr(exc, "sqlstate", exc)))
                raise

        with pytest.MonkeyPatch.context() as patched:
            patched.setattr(Writes, "first_returns", seen)
            summary = Collator(store, organiser).collate([*others, later])
        assert failed == ["23505"]  # the one batch (4 returns) failed on the records' key
        assert [o.status for o in summary.outcomes] == ["accepted"] * 4
        with store.unit() as s:
            assert s.scalar(select(func.count()).select_from(ReceivedRow)) == 5
            keys = s.execute(select(RecordRow.record_id, RecordRow.installation_id)).all()
            assert s.scalar(select(func.count()).select_from(SenderRow)) == 4
        assert len(keys) == len(set(keys)) == 5  # n1 once, n2, and the three others' x
    finally:
        store.close()


def test_a_known_senders_later_return_renames_and_touches_it_in_its_one_lock(
    collation_db: str, organiser: X25519PrivateKey, tmp_path: Path
) -> None:
    """A known sender's return locks its row (on PostgreSQL by the same statement that
    updates it): a new name replaces the old, an empty one keeps it, last_seen moves on,
    first_seen and the pinned key stay."""
    folder = tmp_path / "returns"
    folder.mkdir()
    me = Ed25519PrivateKey.generate()
    sent = [
        write(folder, craft(organiser, me, [note("n1", "One", revision)], name=name),
              f"{revision}.fvreturn")
        for revision, name in ((1, "Ann"), (2, "Ann de Vries"), (3, ""))
    ]  # fmt: skip
    store = CollationStore.open(collation_db)
    try:
        seen = []
        for path in sent:
            assert Collator(store, organiser).collate([path]).count("accepted") == 1
            with store.unit() as s:
                sender = s.scalars(select(SenderRow)).one()
                seen.append((sender.delegate_name, sender.public_key, sender.first_seen,
                             sender.last_seen))  # fmt: skip
        assert [name for name, *_ in seen] == ["Ann", "Ann de Vries", "Ann de Vries"]
        assert len({key for _, key, _, _ in seen}) == 1
        assert len({first for _, _, first, _ in seen}) == 1
        assert seen[0][3] < seen[1][3] < seen[2][3]
        with store.unit() as s:
            current = s.execute(select(RecordRow.revision).where(RecordRow.current)).all()
        assert current == [(3,)]
    finally:
        store.close()
