"""Collating return files into the organisers' store: checks, rules, one return per commit.

Rules (issue 4), held by the database since issue 14 (see storage/collation/writer.py):
the same record id with the same content hash is skipped; a newer revision supersedes the
older, which stays as history; the same revision with different content is kept twice,
both flagged, and the conflict recorded once. Re-running on the same files changes
nothing, and so does a second collator given the same files at the same time. A file that
fails any check is recorded with its reason and the others go on. A return must prove it
was made from the organisers' signed event pack (see docs/returns-format.md).

Each return is written in its own transaction: a collation stopped at any point (a
cancel, a dropped connection, a killed process) leaves every return fully in or not in,
and running it again completes it.
"""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import os
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import chain, groupby, repeat
from operator import itemgetter
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from fieldvisit.domain.collation import clean_text
from fieldvisit.domain.errors import StorageError
from fieldvisit.packs.keys import return_proof_key
from fieldvisit.returns.format import (
    NOT_FROM_PACK,
    Opened,
    RejectReason,
    ReturnRejectedError,
    b64,
    check_proof,
    fingerprint_text,
    installation_id_for,
    open_sealed,
    raw_public,
)
from fieldvisit.returns.payload import ReturnPayload, parse_payload
from fieldvisit.storage.collation.engine import CollationStore
from fieldvisit.storage.collation.models import (
    ID_LENGTH,
    INSTALLATION_LENGTH,
    KIND_LENGTH,
    MAX_INT,
)
from fieldvisit.storage.collation.writer import (
    CollationInterruptedError,
    CollationRetryError,
    CollationWriter,
    NewReceived,
    Writes,
)
from fieldvisit.storage.models import utcnow

Progress = Callable[[int, int, str], None]  # done, total, file name
Cancelled = Callable[[], bool]
# Far above any real return (50 notes make 40 KB); a bigger file is not read into memory.
MAX_RETURN_BYTES = 64 * 2**20
# A return says when it was made; before this, or more than a year ahead, it is not real.
EARLIEST_CREATED = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
# A return whose transaction PostgreSQL chose as a deadlock's victim is tried again
# (collators take a sender's row first, so this is a safety net, not a path).
_ATTEMPTS = 5


@dataclass(slots=True)
class FileOutcome:
    path: Path
    status: str  # "accepted", "rejected", "already"
    reason: str = ""
    detail: str = ""
    added: int = 0
    skipped: int = 0
    superseded: int = 0
    conflicts: int = 0


@dataclass(slots=True)
class CollateSummary:
    outcomes: list[FileOutcome] = field(default_factory=list)
    cancelled: bool = False
    run_pk: int | None = None

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)


@dataclass(slots=True)
class _Entry:
    pk: int | None
    revision: int
    sha256: str
    current: bool
    conflict: bool
    dirty: bool = False


class _AlreadyError(Exception):
    """Another collator recorded this file first (raised to roll the unit back)."""


@dataclass(frozen=True, slots=True)
class Organiser:
    """Who runs a collation, as the store's runs record it."""

    name: str
    host: str

    @classmethod
    def here(cls, name: str | None = None) -> Organiser:
        if not name:
            try:
                name = getpass.getuser()
            except (KeyError, OSError):  # no user name in a bare container
                name = ""
        return cls(clean_text(name or "")[:200], clean_text(socket.gethostname())[:200])


def verify_payload(opened_signer: bytes, payload: ReturnPayload, own_fingerprint: str) -> None:
    """The bindings a valid signature alone does not prove; a failure is a forgery."""
    if payload.installation_key != b64(opened_signer):
        raise ReturnRejectedError(
            RejectReason.FORGED, "signed by a key other than the one it names"
        )
    if payload.installation_id != installation_id_for(opened_signer):
        raise ReturnRejectedError(
            RejectReason.FORGED,
            f"claims installation {payload.installation_id}, which its signing key is not",
        )
    if payload.recipient != own_fingerprint:
        raise ReturnRejectedError(
            RejectReason.FORGED, "the signed payload was made for another organiser key"
        )


def _storable_text(value: str, what: str, limit: int | None = None) -> None:
    if "\x00" in value:
        raise ReturnRejectedError(RejectReason.MALFORMED, f"{what} holds a NUL character")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ReturnRejectedError(
            RejectReason.MALFORMED, f"{what} is not valid text (a lone surrogate)"
        ) from None
    if limit is not None and len(value) > limit:
        raise ReturnRejectedError(
            RejectReason.MALFORMED, f"{what} is longer than {limit} characters"
        )


def _storable_int(value: int, what: str) -> None:
    if not 0 <= value <= MAX_INT:
        raise ReturnRejectedError(RejectReason.MALFORMED, f"{what} {value} is out of range")


def _manifest_fits(manifest: Sequence[tuple[str, str, int, str]]) -> bool:
    """The whole manifest at once, by C loops (50,000 records must not cost a tenth of a
    run); check_storable names the culprit when this says no."""
    kinds, record_ids, revisions, hashes = zip(*manifest, strict=True)
    text = "\x01".join(chain(kinds, record_ids, hashes))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return (
        "\x00" not in text
        and max(map(len, kinds)) <= KIND_LENGTH
        and max(map(len, record_ids)) <= ID_LENGTH
        and max(map(len, hashes)) <= 64
        and 0 <= min(revisions)
        and max(revisions) <= MAX_INT
    )


def check_storable(payload: ReturnPayload, now: dt.datetime) -> None:
    """What a signed, proven return must still satisfy before the store takes it.

    Someone holding the pack can make a return that passes every proof; its fields must
    still be things the store and the report can hold. Each failure names the field.
    """
    created = payload.created
    if not EARLIEST_CREATED <= created <= now + dt.timedelta(days=366):
        raise ReturnRejectedError(
            RejectReason.MALFORMED, f"its creation date {created.date()} is not plausible"
        )
    _storable_text(payload.delegate_name, "the delegate name", 1000)
    _storable_text(payload.event_id, "the event id", ID_LENGTH)
    _storable_text(payload.pack_id, "the pack id", ID_LENGTH)
    _storable_text(payload.installation_id, "the installation id", INSTALLATION_LENGTH)
    _storable_int(payload.pack_version, "the pack version")
    if payload.manifest and not _manifest_fits(payload.manifest):
        for kind, record_id, revision, sha in payload.manifest:  # which one, and why
            _storable_text(kind, "a record kind", KIND_LENGTH)
            _storable_text(record_id, f"the id of a {kind}", ID_LENGTH)
            _storable_int(revision, f"the revision of {kind} {record_id}")
            _storable_text(sha, f"the hash of {kind} {record_id}", 64)
    for q in payload.questionnaires:
        _storable_text(q.uid, "a questionnaire id", ID_LENGTH)
        _storable_int(q.version, f"the version of questionnaire {q.uid}")
        _storable_text(q.title, f"the title of questionnaire {q.uid}")
        for x in q.questions:
            _storable_text(x.id, f"a question id in {q.uid}")
            _storable_text(x.kind, f"a question kind in {q.uid}")
            _storable_text(x.text, f"a question text in {q.uid}")
            for option in x.options:
                _storable_text(option, f"an option of question {x.id} in {q.uid}")


class Collator:
    """Reads return files into one collation store with one organiser private key."""

    def __init__(
        self,
        store: CollationStore,
        private_key: X25519PrivateKey,
        organiser: Organiser | None = None,
    ) -> None:
        self.store = store
        self.writer = CollationWriter(store)
        self.private_key = private_key
        self.public_raw = raw_public(private_key.public_key())
        self.fingerprint = fingerprint_text(self.public_raw)
        self.organiser = organiser or Organiser.here()
        self._proof_keys: dict[str, bytes] = {}

    def proof_key(self, event_id: str) -> bytes:
        """The event's return proof key, derived once per event from the private key."""
        key = self._proof_keys.get(event_id)
        if key is None:
            key = self._proof_keys[event_id] = return_proof_key(self.private_key, event_id)
        return key

    def collate(
        self,
        files: Sequence[Path],
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> CollateSummary:
        summary = CollateSummary()
        seen, known_qs = self.writer.known()
        run_pk = summary.run_pk = self.writer.start_run(
            self.organiser.name, self.organiser.host, len(files)
        )
        try:
            with self.writer:
                for index, path in enumerate(files):
                    if cancelled is not None and cancelled():
                        summary.cancelled = True
                        break
                    outcome = self._one(path, seen, known_qs, run_pk)
                    summary.outcomes.append(outcome)
                    if progress is not None:
                        progress(index + 1, len(files), path.name)
        except CollationInterruptedError as exc:
            raise StorageError(
                f"the collation stopped: {exc.problem}; every return is either fully in or "
                "not in: collate the same files again to complete it",
                path=self.store.where,
            ) from exc
        self.writer.finish_run(
            run_pk, summary.count("accepted"), summary.count("rejected"), summary.count("already")
        )
        return summary

    def _read(self, path: Path) -> tuple[str, bytes | None] | FileOutcome:
        """The file's SHA-256 and bytes (None when too large to read whole)."""
        try:
            with path.open("rb") as handle:
                if os.fstat(handle.fileno()).st_size > MAX_RETURN_BYTES:
                    # Hashed in chunks, never held in memory.
                    return hashlib.file_digest(handle, "sha256").hexdigest(), None
                data = handle.read()
        except OSError as exc:
            # Not recorded: there are no bytes to recognise the file by next time.
            return FileOutcome(path, "rejected", RejectReason.UNREADABLE, str(exc.strerror))
        return hashlib.sha256(data).hexdigest(), data

    def _open(self, data: bytes | None, now: dt.datetime) -> tuple[Opened, ReturnPayload]:
        if data is None:
            raise ReturnRejectedError(
                RejectReason.TOO_LARGE, f"larger than {MAX_RETURN_BYTES // 2**20} MiB"
            )
        opened = open_sealed(data, self.private_key, public_raw=self.public_raw)
        if opened.proof is None:
            # Made without the pack's proof key: whoever knows only the public key can
            # seal such a file, so it is never accepted (docs/returns-format.md).
            raise ReturnRejectedError(
                RejectReason.FORGED,
                f"{NOT_FROM_PACK} (no pack proof: made from an unsigned or older pack, "
                "or with only the public key)",
            )
        # The signed manifest's hashes are trusted (see docs/returns-format.md).
        payload = parse_payload(opened.payload, check_hashes=False, build_records=False)
        verify_payload(opened.signer, payload, self.fingerprint)
        check_proof(self.proof_key(payload.event_id), opened)
        check_storable(payload, now)
        return opened, payload

    def _one(
        self,
        path: Path,
        seen: set[str],
        known_qs: set[tuple[str, str, int]],
        run_pk: int,
    ) -> FileOutcome:
        read = self._read(path)
        if isinstance(read, FileOutcome):
            return read
        digest, data = read
        if digest in seen:
            return FileOutcome(path, "already")
        seen.add(digest)
        name = clean_text(path.name)
        now_aware = dt.datetime.now(dt.UTC)
        try:
            opened, payload = self._open(data, now_aware)
        except ReturnRejectedError as exc:
            detail = clean_text(exc.detail)
            with self.writer.one_return() as writes:
                fresh = writes.reject(
                    digest, name, exc.reason.value, detail, writes.time(utcnow()), run_pk
                )
            if not fresh:
                return FileOutcome(path, "already")
            return FileOutcome(path, "rejected", exc.reason, detail)
        for attempt in range(_ATTEMPTS):
            try:
                with self.writer.one_return() as writes:
                    outcome = self._accept(
                        writes, path, name, digest, opened, payload, known_qs, run_pk
                    )
                break
            except _AlreadyError:
                return FileOutcome(path, "already")
            except CollationRetryError:
                if attempt == _ATTEMPTS - 1:
                    raise
        else:  # pragma: no cover - the loop breaks or raises
            raise AssertionError
        if outcome.status == "rejected":
            return self._reject_pinned(outcome, digest, name, run_pk)
        return outcome

    def _reject_pinned(
        self, outcome: FileOutcome, digest: str, name: str, run_pk: int
    ) -> FileOutcome:
        with self.writer.one_return() as writes:
            fresh = writes.reject(
                digest, name, outcome.reason, outcome.detail, writes.time(utcnow()), run_pk
            )
        return outcome if fresh else FileOutcome(outcome.path, "already")

    def _accept(
        self,
        writes: Writes,
        path: Path,
        name: str,
        digest: str,
        opened: Opened,
        payload: ReturnPayload,
        known_qs: set[tuple[str, str, int]],
        run_pk: int,
    ) -> FileOutcome:
        now = writes.time(utcnow())
        installation = payload.installation_id
        manifest = payload.manifest
        pinned = writes.lock_sender(
            installation, payload.installation_key, payload.delegate_name, now
        )
        if pinned is not None:
            if pinned != payload.installation_key:
                return FileOutcome(
                    path, "rejected", RejectReason.FORGED,
                    f"installation {installation} is known with a different key",
                )  # fmt: skip
            writes.touch_sender(installation, payload.delegate_name, now)
        self._add_questionnaires(writes, payload, known_qs)
        outcome = FileOutcome(path, "accepted")
        if pinned is None and len(set(map(_KIND_AND_ID, manifest))) == len(manifest):
            # The common case, a first return: a sender new in this transaction has no
            # records yet, so every record is new and no rule applies.
            outcome.added = len(manifest)
            received_pk = self._received(writes, name, digest, opened, payload, outcome, run_pk,
                                         now)  # fmt: skip
            if manifest:
                kinds, record_ids, revisions, hashes = zip(*manifest, strict=True)
                # The manifest lists each kind's records together, in their payload order
                # (parse_payload checks that), so a record's position within its kind
                # counts up from 0 in each run of one kind.
                counting = chain.from_iterable(
                    map(range, (len(list(run)) for _kind, run in groupby(kinds)))
                )
                writes.insert_records(
                    zip(
                        repeat(installation), kinds, record_ids, revisions, hashes,
                        repeat(received_pk), counting, repeat(True), repeat(False),
                    )
                )  # fmt: skip
            return outcome
        # The sender's row is locked: every record it has is committed and visible now.
        state: dict[tuple[str, str], list[_Entry]] = {}
        for r in writes.records_of(installation):
            state.setdefault((r.kind, r.record_id), []).append(
                _Entry(r.pk, r.revision, r.sha256, r.current, r.conflict)
            )
        new_entries: list[tuple[_Entry, str, str, int]] = []
        conflicts: list[tuple[str, str, str, int]] = []
        positions: dict[str, int] = {}
        for kind, record_id, revision, sha in manifest:
            position = positions.get(kind, 0)
            positions[kind] = position + 1
            entries = state.setdefault((kind, record_id), [])
            if any(e.sha256 == sha for e in entries):
                outcome.skipped += 1  # rule 1: same id, same content
                continue
            top = max((e.revision for e in entries), default=None)
            entry = _Entry(None, revision, sha, True, False)
            if top is not None and revision > top:  # rule 2: the newer one supersedes
                for old in entries:
                    if old.current:
                        old.current, old.dirty = False, True
                outcome.superseded += 1
            elif top is not None and revision < top:
                entry.current = False  # an older revision arriving late: history only
            same = [e for e in entries if e.revision == revision]
            if same:  # rule 3: same revision, other content: keep both, flag both
                entry.conflict = True
                for other in same:
                    if not other.conflict:
                        other.conflict, other.dirty = True, True
                outcome.conflicts += 1
                conflicts.append((installation, kind, record_id, revision))
            entries.append(entry)
            new_entries.append((entry, kind, record_id, position))
        outcome.added = len(new_entries)
        received_pk = self._received(writes, name, digest, opened, payload, outcome, run_pk, now)
        writes.insert_records(
            (installation, kind, record_id, e.revision, e.sha256, received_pk, position,
             e.current, e.conflict)
            for e, kind, record_id, position in new_entries
        )  # fmt: skip
        writes.set_flags(
            [
                (e.current, e.conflict, e.pk)
                for entries in state.values()
                for e in entries
                if e.dirty and e.pk is not None
            ]
        )
        writes.flag_conflicts(conflicts, now)
        return outcome

    @staticmethod
    def _add_questionnaires(
        writes: Writes, payload: ReturnPayload, known_qs: set[tuple[str, str, int]]
    ) -> None:
        for q in payload.questionnaires:
            key = (payload.event_id, q.uid, q.version)
            if key not in known_qs:
                known_qs.add(key)
                questions: list[object] = [
                    {"id": x.id, "kind": x.kind, "text": x.text, "options": list(x.options)}
                    for x in q.questions
                ]
                writes.add_questionnaire(payload.event_id, q.uid, q.version, q.title, questions)

    @staticmethod
    def _new_received(
        name: str, digest: str, opened: Opened, payload: ReturnPayload, outcome: FileOutcome
    ) -> NewReceived:
        return NewReceived(
            digest, name, payload.installation_id, payload.delegate_name, payload.event_id,
            payload.pack_id, payload.pack_version,
            payload.created.astimezone(dt.UTC).replace(tzinfo=None), outcome.added,
            outcome.skipped, outcome.superseded, outcome.conflicts, opened.payload,
            opened.signature,
        )  # fmt: skip

    @staticmethod
    def _received(
        writes: Writes,
        name: str,
        digest: str,
        opened: Opened,
        payload: ReturnPayload,
        outcome: FileOutcome,
        run_pk: int,
        now: object,
    ) -> int:
        new = Collator._new_received(name, digest, opened, payload, outcome)
        received_pk = writes.claim_received(new, run_pk, now)
        if received_pk is None:
            raise _AlreadyError  # rolls back this return's unit: someone else has it
        return received_pk


_KIND_AND_ID = itemgetter(0, 1)  # of a manifest entry (kind, id, revision, sha256)


def collate_files(
    db: str | Path,
    files: Sequence[Path],
    private_key: X25519PrivateKey,
    *,
    password: str | None = None,
    organiser: Organiser | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> CollateSummary:
    """Open (creating) the collation store `db` (a path or a URL) and collate `files`."""
    store = CollationStore.open(db, password=password)
    try:
        collator = Collator(store, private_key, organiser)
        return collator.collate(files, progress=progress, cancelled=cancelled)
    finally:
        store.close()
