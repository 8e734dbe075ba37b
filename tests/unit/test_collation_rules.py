"""Collation: dedup, supersede, conflict, old questionnaire versions, re-runs, rejections,
parametrised over SQLite and PostgreSQL."""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from returns_support import FEEDBACK_V1, FEEDBACK_V2, answer, craft, note, seal_inner, write
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from fieldvisit.returns.format import (
    HEADER,
    INNER,
    INNER_MAGIC,
    INNER_VERSION,
    MAGIC,
    PROOF_HMAC_SHA256,
    raw_public,
)
from fieldvisit.services.collate import CollateSummary, Collator
from fieldvisit.storage.collation.engine import CollationStore
from fieldvisit.storage.collation.models import (
    ConflictRow,
    ReceivedRow,
    RecordRow,
    RejectedRow,
    SenderRow,
)
from fieldvisit.storage.collation.views import _payloads, record_data


@pytest.fixture
def organiser() -> X25519PrivateKey:
    return X25519PrivateKey.generate()


@pytest.fixture
def store(collation_db: str) -> Iterator[CollationStore]:
    """The same rules on SQLite and on PostgreSQL (a real server: tests/pg_support.py)."""
    opened = CollationStore.open(collation_db)
    yield opened
    opened.close()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "returns"
    path.mkdir()
    return path


def run(store: CollationStore, organiser: X25519PrivateKey, *files: Path) -> CollateSummary:
    return Collator(store, organiser).collate(list(files))


def body(session: Session, row: RecordRow) -> str:
    return str(record_data(_payloads(session, {row.received_pk}), row).get("body"))


def rows(store: CollationStore) -> list[tuple[str, int, bool, bool, str]]:
    with store.unit() as s:
        found = s.scalars(
            select(RecordRow).order_by(RecordRow.record_id, RecordRow.revision, RecordRow.pk)
        ).all()
        return [(r.record_id, r.revision, r.current, r.conflict, body(s, r)) for r in found]


def test_same_record_same_hash_is_skipped(
    store: CollationStore, organiser: X25519PrivateKey, folder: Path
) -> None:
    me = Ed25519PrivateKey.generate()
    first = write(folder, craft(organiser, me, [note("n1", "Families matter.")]))
    # A second, later return repeats the unchanged note beside a new one.
    second = write(
        folder,
        craft(organiser, me, [note("n1", "Families matter."), note("n2", "Mentors too.")]),
    )
    summary = run(store, organiser, first, second)
    assert [o.status for o in summary.outcomes] == ["accepted", "accepted"]
    assert (summary.outcomes[1].added, summary.outcomes[1].skipped) == (1, 1)
    assert rows(store) == [
        ("n1", 1, True, False, "Families matter."),
        ("n2", 1, True, False, "Mentors too."),
    ]


def test_newer_revision_supersedes_and_keeps_history(
    store: CollationStore, organiser: X25519PrivateKey, folder: Path
) -> None:
    me = Ed25519PrivateKey.generate()
    old = write(folder, craft(organiser, me, [note("n1", "Draft thought.", 1)]))
    new = write(folder, craft(organiser, me, [note("n1", "Final thought.", 2)]))
    summary = run(store, organiser, new, old)  # order of arrival must not matter
    assert summary.count("accepted") == 2
    assert rows(store) == [
        ("n1", 1, False, False, "Draft thought."),
        ("n1", 2, True, False, "Final thought."),
    ]


def test_same_revision_different_content_is_a_conflict(
    store: CollationStore, organiser: X25519PrivateKey, folder: Path
) -> None:
    me = Ed25519PrivateKey.generate()
    a = write(folder, craft(organiser, me, [note("n1", "Version on the laptop.", 3)]))
    b = write(folder, craft(organiser, me, [note("n1", "Version on the tablet.", 3)]))
    c = write(folder, craft(organiser, me, [note("n1", "Version on the phone.", 3)]))
    summary = run(store, organiser, a, b)
    assert summary.outcomes[1].conflicts == 1
    assert rows(store) == [
        ("n1", 3, True, True, "Version on the laptop."),
        ("n1", 3, True, True, "Version on the tablet."),
    ]
    run(store, organiser, c)  # a third content for the same revision: still one conflict
    with store.unit() as s:
        flagged = s.execute(
            select(ConflictRow.kind, ConflictRow.record_id, ConflictRow.revision)
        ).all()
    assert [tuple(f) for f in flagged] == [("note", "n1", 3)]


def test_same_id_from_two_installations_are_two_records(
    store: CollationStore, organiser: X25519PrivateKey, folder: Path
) -> None:
    a = write(folder, craft(organiser, Ed25519PrivateKey.generate(), [note("n1", "A's note")]))
    b = write(folder, craft(organiser, Ed25519PrivateKey.generate(), [note("n1", "B's note")]))
    run(store, organiser, a, b)
    assert [r[3] for r in rows(store)] == [False, False]
    with store.unit() as s:
        assert s.scalar(select(func.count()).select_from(SenderRow)) == 2


def test_answers_to_an_older_questionnaire_version_stay_readable(
    store: CollationStore, organiser: X25519PrivateKey, folder: Path
) -> None:
    early = write(
        folder,
        craft(organiser, Ed25519PrivateKey.generate(), [answer("a1", "Talk to mothers.", 1)],
              questionnaires=[FEEDBACK_V1]),
    )  # fmt: skip
    late = write(
        folder,
        craft(organiser, Ed25519PrivateKey.generate(), [answer("a2", "Mentoring.", 2)],
              questionnaires=[FEEDBACK_V2]),
    )  # fmt: skip
    run(store, organiser, early, late)
    from fieldvisit.storage.collation.views import load_overview

    with store.unit() as s:
        overview = load_overview(s)
    texts = {(a.questionnaire_version, a.question_text, a.value) for a in overview.answers}
    assert texts == {
        (1, "What will you take home?", "Talk to mothers."),
        (2, "Which lesson will you apply first?", "Mentoring."),
    }


def test_a_first_return_of_several_kinds_points_each_record_at_its_own_content(
    store: CollationStore, organiser: X25519PrivateKey, folder: Path
) -> None:
    # Kinds interleaved as a delegate made them; the payload groups them by kind.
    made = [note("n1", "One."), answer("a1", "Yes.", 1), note("n2", "Two."), note("n3", "3.")]
    sent = write(
        folder,
        craft(organiser, Ed25519PrivateKey.generate(), made, questionnaires=[FEEDBACK_V1]),
    )
    assert [o.status for o in run(store, organiser, sent).outcomes] == ["accepted"]
    with store.unit() as s:
        found = s.scalars(select(RecordRow).order_by(RecordRow.kind, RecordRow.record_id)).all()
        payloads = _payloads(s, {r.received_pk for r in found})
        contents = [
            (r.kind, r.record_id, r.position, record_data(payloads, r).get("body"),
             record_data(payloads, r).get("value"))
            for r in found
        ]  # fmt: skip
    assert contents == [
        ("answer", "a1", 0, None, "Yes."),
        ("note", "n1", 0, "One.", None),
        ("note", "n2", 1, "Two.", None),
        ("note", "n3", 2, "3.", None),
    ]


def test_rerunning_on_the_same_files_changes_nothing(
    store: CollationStore, organiser: X25519PrivateKey, folder: Path
) -> None:
    me = Ed25519PrivateKey.generate()
    good = write(folder, craft(organiser, me, [note("n1", "One."), note("n2", "Two.")]))
    bad = write(folder, b"FVRETURN" + b"\x00" * 10)
    run(store, organiser, good, bad)

    def snapshot() -> tuple[object, ...]:
        with store.unit() as s:
            return (
                rows(store),
                s.scalar(select(func.count()).select_from(ReceivedRow)),
                s.scalar(select(func.count()).select_from(RejectedRow)),
                s.scalar(select(func.count()).select_from(SenderRow)),
            )

    before = snapshot()
    again = run(store, organiser, good, bad)
    assert [o.status for o in again.outcomes] == ["already", "already"]
    assert snapshot() == before


def test_each_bad_file_is_rejected_with_its_own_reason_and_collation_goes_on(
    store: CollationStore, organiser: X25519PrivateKey, folder: Path
) -> None:
    alice = Ed25519PrivateKey.generate()
    mallory = Ed25519PrivateKey.generate()
    alice_file = craft(organiser, alice, [note("n1", "Alice's real note.")])
    tampered = bytearray(alice_file)
    tampered[HEADER.size + 60] ^= 0x01
    other_organiser = X25519PrivateKey.generate()
    # Mallory signs with her own key but claims Alice's installation id.
    from fieldvisit.returns.format import installation_id_for

    alice_id = installation_id_for(raw_public(alice.public_key()))
    claimed = craft(organiser, mallory, [note("n1", "Forged words.")], installation_id=alice_id)
    # Made with only the public key: a valid-looking payload with a signature nobody made.
    payload = b'{"format":"fvreturn"}'
    unsigned = seal_inner(
        organiser,
        INNER.pack(
            INNER_MAGIC,
            INNER_VERSION,
            raw_public(alice.public_key()),
            b"\x00" * 64,
            PROOF_HMAC_SHA256,
            b"\x00" * 32,
        )
        + payload,
    )
    no_signature = seal_inner(organiser, payload)
    files = {
        "good": write(folder, alice_file, "good.fvreturn"),
        "tampered": write(folder, bytes(tampered), "tampered.fvreturn"),
        "truncated": write(folder, alice_file[:-100], "truncated.fvreturn"),
        "wrong_key": write(
            folder, craft(other_organiser, alice, [note("n9", "x")]), "wrong.fvreturn"
        ),
        "claimed": write(folder, claimed, "claimed.fvreturn"),
        "unsigned": write(folder, unsigned, "unsigned.fvreturn"),
        "no_signature": write(folder, no_signature, "nosig.fvreturn"),
        "junk": write(folder, b"PK\x03\x04 not a return", "junk.fvreturn"),
        "future": write(folder, struct.pack(">8sB", MAGIC, 9) + alice_file[9:], "future.fvreturn"),
    }
    summary = run(store, organiser, *files.values())
    reasons = {o.path.name: (o.status, o.reason) for o in summary.outcomes}
    assert reasons == {
        "good.fvreturn": ("accepted", ""),
        "tampered.fvreturn": ("rejected", "tampered"),
        "truncated.fvreturn": ("rejected", "truncated"),
        "wrong.fvreturn": ("rejected", "wrong_key"),
        "claimed.fvreturn": ("rejected", "forged"),
        "unsigned.fvreturn": ("rejected", "forged"),
        "nosig.fvreturn": ("rejected", "forged"),
        "junk.fvreturn": ("rejected", "not_a_return"),
        "future.fvreturn": ("rejected", "unsupported"),
    }
    assert rows(store) == [("n1", 1, True, False, "Alice's real note.")]
    with store.unit() as s:
        assert s.scalar(select(func.count()).select_from(RejectedRow)) == 8


def test_a_pinned_installation_with_another_key_is_forged(
    store: CollationStore, organiser: X25519PrivateKey, folder: Path
) -> None:
    alice = Ed25519PrivateKey.generate()
    first = write(folder, craft(organiser, alice, [note("n1", "Real.")]))
    run(store, organiser, first)
    with store.unit() as s:
        sender = s.scalars(select(SenderRow)).one()
        sender.public_key = "somebody-else"  # as if the pin were another key
    second = write(folder, craft(organiser, alice, [note("n2", "Later.")]))
    summary = run(store, organiser, second)
    assert (summary.outcomes[0].status, summary.outcomes[0].reason) == ("rejected", "forged")


def test_two_versions_of_a_record_inside_one_first_return(
    store: CollationStore, organiser: X25519PrivateKey, folder: Path
) -> None:
    me = Ed25519PrivateKey.generate()
    both = write(
        folder,
        craft(organiser, me, [note("n1", "Draft.", 1), note("n1", "Final.", 2), note("n2", "x")]),
    )
    summary = run(store, organiser, both)
    assert (summary.outcomes[0].added, summary.outcomes[0].superseded) == (3, 1)
    assert rows(store) == [
        ("n1", 1, False, False, "Draft."),
        ("n1", 2, True, False, "Final."),
        ("n2", 1, True, False, "x"),
    ]


def test_a_signed_but_broken_payload_is_malformed(
    store: CollationStore, organiser: X25519PrivateKey, folder: Path
) -> None:
    from fieldvisit.returns.format import seal

    broken = seal(b'{"format": "fvreturn", "format_version": 1}', Ed25519PrivateKey.generate(),
                  organiser.public_key(), bytes(32))  # fmt: skip
    summary = run(store, organiser, write(folder, broken))
    assert (summary.outcomes[0].status, summary.outcomes[0].reason) == ("rejected", "malformed")


def test_empty_and_oversized_files_are_rejected_without_reading_them_whole(
    store: CollationStore,
    organiser: X25519PrivateKey,
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import fieldvisit.services.collate_open as collate_module

    monkeypatch.setattr(collate_module, "MAX_RETURN_BYTES", 1000)
    empty = write(folder, b"", "empty.fvreturn")
    big = write(folder, b"FVRETURN" + b"\x00" * 5000, "big.fvreturn")
    summary = run(store, organiser, empty, big)
    assert [(o.path.name, o.reason) for o in summary.outcomes] == [
        ("empty.fvreturn", "not_a_return"),
        ("big.fvreturn", "too_large"),
    ]


@pytest.mark.parametrize("version", [3, 2])
def test_the_kept_payload_gives_back_the_exact_signed_bytes(
    store: CollationStore, organiser: X25519PrivateKey, folder: Path, version: int
) -> None:
    """The store keeps each payload compressed and the kept signature still verifies under
    the sender's pinned key: a format 3 file's signed bytes are kept as they came (they are
    compressed already), a format 2 file's JSON is compressed by the collator and given back
    byte for byte. A payload kept uncompressed (by a store collated before) reads the same."""
    import base64

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    from fieldvisit.returns.format import open_sealed
    from fieldvisit.storage.collation.payloads import unpack_payload

    me = Ed25519PrivateKey.generate()
    lesson = "mentors meet returnees before release."
    notes = [note(f"n{i}", f"Lesson {i}: {lesson}") for i in range(20)]
    sealed = craft(organiser, me, notes, version=version)
    opened = open_sealed(sealed, organiser, public_raw=raw_public(organiser.public_key()))
    assert run(store, organiser, write(folder, sealed)).count("accepted") == 1
    with store.unit() as s:
        kept, signature = s.execute(select(ReceivedRow.payload, ReceivedRow.signature)).one()
        key = s.scalar(select(SenderRow.public_key))
    assert len(kept) < len(opened.payload) / 2
    assert unpack_payload(kept) == opened.payload
    pinned = Ed25519PublicKey.from_public_bytes(base64.b64decode(str(key)))
    pinned.verify(signature, kept if version == 3 else unpack_payload(kept))
    assert (kept == opened.signed) is (version == 3)
    assert unpack_payload(opened.payload) == opened.payload
    with store.unit() as s:
        s.execute(update(ReceivedRow).values(payload=opened.payload))  # as an older store kept it
    assert [r[4] for r in rows(store)][:2] == [f"Lesson 0: {lesson}", f"Lesson 1: {lesson}"]


def test_a_format_2_return_and_its_format_3_copy_are_the_same_records(
    store: CollationStore, organiser: X25519PrivateKey, folder: Path
) -> None:
    """A delegate on an earlier release sends format 2, then sends again after updating:
    the records are recognised by their content hashes whatever the file's format, so the
    second file adds nothing and a newer revision in format 3 supersedes as usual."""
    me = Ed25519PrivateKey.generate()
    first = [note("n1", "Seen at the mosque visit."), answer("a1", "Family support first.")]
    old = write(folder, craft(organiser, me, first, version=2, questionnaires=[FEEDBACK_V1]))
    same = write(folder, craft(organiser, me, first, questionnaires=[FEEDBACK_V1]))
    newer = [note("n1", "Seen at the mosque visit, again.", 2)]
    later = write(folder, craft(organiser, me, newer))
    summary = run(store, organiser, old, same, later)
    assert [(o.status, o.added, o.skipped, o.superseded) for o in summary.outcomes] == [
        ("accepted", 2, 0, 0),
        ("accepted", 0, 2, 0),
        ("accepted", 1, 0, 1),
    ]
    assert rows(store) == [
        ("a1", 1, True, False, "None"),  # an answer has no body
        ("n1", 1, False, False, "Seen at the mosque visit."),
        ("n1", 2, True, False, "Seen at the mosque visit, again."),
    ]


def test_a_single_first_return_is_committed_for_every_reader(
    collation_db: str, organiser: X25519PrivateKey, folder: Path
) -> None:
    """A run of one new sender's return (on PostgreSQL written by one statement of its
    own) is in the store for another connection once the run ends: accepted means kept."""
    store = CollationStore.open(collation_db)
    try:
        sealed = craft(organiser, Ed25519PrivateKey.generate(), [note("n1", "Kept.")])
        assert run(store, organiser, write(folder, sealed)).count("accepted") == 1
    finally:
        store.close()
    other = CollationStore.open(collation_db)
    try:
        assert [r[4] for r in rows(other)] == ["Kept."]
        with other.unit() as s:
            assert s.scalar(select(func.count()).select_from(SenderRow)) == 1
    finally:
        other.close()
