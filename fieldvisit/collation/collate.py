"""Collating return files into the organisers' store, with the dedup and rejection rules.

Rules (issue 4): the same record id with the same content hash is skipped; a newer revision
supersedes the older, which stays as history; the same revision with different content is
kept twice and both are flagged as a conflict. Re-running on the same files changes nothing.
A file that fails any check is recorded with its reason and the others go on. A return must
prove it was made from the organisers' signed event pack (see docs/returns-format.md).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import chain, groupby, repeat
from operator import itemgetter
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldvisit.collation.models import (
    QuestionnaireDefRow,
    ReceivedRow,
    RejectedRow,
    SenderRow,
)
from fieldvisit.collation.store import CollationStore
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
from fieldvisit.storage.models import utcnow

Progress = Callable[[int, int, str], None]  # done, total, file name
Cancelled = Callable[[], bool]
# A transaction ends after this many seconds (or at the end, or on cancel): each commit
# costs an fsync, and an interrupted run is simply run again (collation is idempotent).
COMMIT_SECONDS = 5.0
# Far above any real return (50 notes make 40 KB); a bigger file is not read into memory.
MAX_RETURN_BYTES = 64 * 2**20


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


class Collator:
    """Reads return files into one collation store with one organiser private key."""

    def __init__(self, store: CollationStore, private_key: X25519PrivateKey) -> None:
        self.store = store
        self.private_key = private_key
        self.public_raw = raw_public(private_key.public_key())
        self.fingerprint = fingerprint_text(self.public_raw)
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
        with self.store.unit() as session:
            seen = set(session.scalars(select(ReceivedRow.file_sha256)))
            seen.update(session.scalars(select(RejectedRow.file_sha256)))
            senders = {s.installation_id: s.public_key for s in session.scalars(select(SenderRow))}
            known_qs = {
                (event_id, uid, version)
                for event_id, uid, version in session.execute(
                    select(
                        QuestionnaireDefRow.event_id,
                        QuestionnaireDefRow.uid,
                        QuestionnaireDefRow.version,
                    )
                )
            }
        index = 0
        while index < len(files) and not summary.cancelled:
            with self.store.unit() as session:
                # One connection lookup and one timestamp per transaction, not per file.
                db, now = _dbapi(session), _stamp(utcnow())
                started = time.monotonic()
                while index < len(files) and time.monotonic() - started < COMMIT_SECONDS:
                    if cancelled is not None and cancelled():
                        summary.cancelled = True
                        break
                    path = files[index]
                    outcome = self._one(session, db, now, path, seen, senders, known_qs)
                    summary.outcomes.append(outcome)
                    index += 1
                    if progress is not None:
                        progress(index, len(files), path.name)
        return summary

    def _one(
        self,
        session: Session,
        db: sqlite3.Connection,
        now: str,
        path: Path,
        seen: set[str],
        senders: dict[str, str],
        known_qs: set[tuple[str, str, int]],
    ) -> FileOutcome:
        try:
            with path.open("rb") as handle:
                too_large = os.fstat(handle.fileno()).st_size > MAX_RETURN_BYTES
                if too_large:  # hashed in chunks, never held in memory
                    digest = hashlib.file_digest(handle, "sha256").hexdigest()
                    data = b""
                else:
                    data = handle.read()
                    digest = hashlib.sha256(data).hexdigest()
        except OSError as exc:
            # Not recorded: there are no bytes to recognise the file by next time.
            return FileOutcome(path, "rejected", RejectReason.UNREADABLE, str(exc.strerror))
        if digest in seen:
            return FileOutcome(path, "already")
        seen.add(digest)
        try:
            if too_large:
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
            pinned = senders.get(payload.installation_id)
            if pinned is not None and pinned != payload.installation_key:
                raise ReturnRejectedError(
                    RejectReason.FORGED,
                    f"installation {payload.installation_id} is known with a different key",
                )
        except ReturnRejectedError as exc:
            db.execute(
                "INSERT INTO rejected (file_sha256, filename, reason, detail, rejected_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (digest, path.name, exc.reason.value, exc.detail, now),
            )
            return FileOutcome(path, "rejected", exc.reason, exc.detail)
        return self._accept(session, db, now, path, digest, opened, payload, senders, known_qs)

    def _accept(
        self,
        session: Session,
        db: sqlite3.Connection,
        now: str,
        path: Path,
        digest: str,
        opened: Opened,
        payload: ReturnPayload,
        senders: dict[str, str],
        known_qs: set[tuple[str, str, int]],
    ) -> FileOutcome:
        # The hot path talks to sqlite3 directly (same connection, same transaction): the
        # ORM's per-row bookkeeping cost more than decrypting the file did.
        installation = payload.installation_id
        known_sender = installation in senders
        if known_sender:
            db.execute(
                "UPDATE senders SET last_seen = ?, delegate_name = "
                "CASE WHEN ? = '' THEN delegate_name ELSE ? END WHERE installation_id = ?",
                (now, payload.delegate_name, payload.delegate_name, installation),
            )
        else:
            db.execute(
                "INSERT INTO senders (installation_id, public_key, delegate_name, first_seen, "
                "last_seen) VALUES (?, ?, ?, ?, ?)",
                (installation, payload.installation_key, payload.delegate_name, now, now),
            )
            senders[installation] = payload.installation_key
        for q in payload.questionnaires:
            key = (payload.event_id, q.uid, q.version)
            if key not in known_qs:
                known_qs.add(key)
                questions: list[object] = [
                    {"id": x.id, "kind": x.kind, "text": x.text, "options": list(x.options)}
                    for x in q.questions
                ]
                session.add(
                    QuestionnaireDefRow(
                        event_id=payload.event_id,
                        uid=q.uid,
                        version=q.version,
                        title=q.title,
                        questions=questions,
                    )
                )
        outcome = FileOutcome(path, "accepted")
        manifest = payload.manifest
        if not known_sender and len(set(map(_KIND_AND_ID, manifest))) == len(manifest):
            # The common case, a first return: every record is new, no rule applies.
            outcome.added = len(manifest)
            received_pk = self._received(db, path, digest, opened, payload, outcome, now)
            if manifest:
                kinds, record_ids, revisions, hashes = zip(*manifest, strict=True)
                # The manifest lists each kind's records together, in their payload order
                # (parse_payload checks that), so a record's position within its kind
                # counts up from 0 in each run of one kind.
                counting = chain.from_iterable(
                    map(range, (len(list(run)) for _kind, run in groupby(kinds)))
                )
                db.executemany(
                    _INSERT_RECORD,
                    zip(
                        repeat(installation), kinds, record_ids, revisions, hashes,
                        repeat(received_pk), counting, repeat(1), repeat(0),
                    ),
                )  # fmt: skip
            return outcome
        state: dict[tuple[str, str], list[_Entry]] = {}
        existing = db.execute(
            "SELECT pk, kind, record_id, revision, sha256, current, conflict FROM records "
            "WHERE received_pk IN (SELECT pk FROM received WHERE installation_id = ?)",
            (installation,),
        )
        for pk, kind, record_id, revision, sha, current, conflict in existing:
            state.setdefault((kind, record_id), []).append(
                _Entry(pk, revision, sha, bool(current), bool(conflict))
            )
        new_entries: list[tuple[_Entry, str, str, int]] = []
        positions: dict[str, int] = {}
        for kind, record_id, revision, sha in payload.manifest:
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
            entries.append(entry)
            new_entries.append((entry, kind, record_id, position))
        outcome.added = len(new_entries)
        received_pk = self._received(db, path, digest, opened, payload, outcome, now)
        if new_entries:
            db.executemany(
                _INSERT_RECORD,
                [
                    (installation, kind, record_id, e.revision, e.sha256, received_pk, position,
                     e.current, e.conflict)
                    for e, kind, record_id, position in new_entries
                ],
            )  # fmt: skip
        updates = [
            (e.current, e.conflict, e.pk)
            for entries in state.values()
            for e in entries
            if e.dirty and e.pk is not None
        ]
        if updates:
            db.executemany("UPDATE records SET current = ?, conflict = ? WHERE pk = ?", updates)
        return outcome

    @staticmethod
    def _received(
        db: sqlite3.Connection,
        path: Path,
        digest: str,
        opened: Opened,
        payload: ReturnPayload,
        outcome: FileOutcome,
        now: str,
    ) -> int:
        cursor = db.execute(
            "INSERT INTO received (file_sha256, filename, installation_id, delegate_name, "
            "event_id, pack_id, pack_version, created, collated_at, added, skipped, "
            "superseded, conflicts, payload, signature) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                digest, path.name, payload.installation_id, payload.delegate_name,
                payload.event_id, payload.pack_id, payload.pack_version,
                _stamp(payload.created.astimezone(dt.UTC).replace(tzinfo=None)), now,
                outcome.added, outcome.skipped, outcome.superseded, outcome.conflicts,
                opened.payload, opened.signature,
            ),
        )  # fmt: skip
        return int(cursor.lastrowid or 0)


_KIND_AND_ID = itemgetter(0, 1)  # of a manifest entry (kind, id, revision, sha256)
_INSERT_RECORD = (
    "INSERT INTO records (installation_id, kind, record_id, revision, sha256, received_pk, "
    "position, current, conflict) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _dbapi(session: Session) -> sqlite3.Connection:
    """The sqlite3 connection under the session's current transaction."""
    raw = session.connection().connection.driver_connection
    if not isinstance(raw, sqlite3.Connection):  # pragma: no cover - always sqlite3 here
        raise TypeError("the collation store is SQLite only")
    return raw


def _stamp(moment: dt.datetime) -> str:
    """A naive UTC time in the text form SQLAlchemy's SQLite DateTime reads back
    ("%Y-%m-%d %H:%M:%S.%f"; isoformat writes it several times faster than strftime)."""
    return moment.isoformat(" ", "microseconds")


def collate_files(
    db: Path,
    files: Sequence[Path],
    private_key: X25519PrivateKey,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> CollateSummary:
    """Open (creating) the collation store at `db` and collate `files` into it."""
    store = CollationStore.open(db)
    try:
        return Collator(store, private_key).collate(files, progress=progress, cancelled=cancelled)
    finally:
        store.close()
