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
import socket
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import chain, groupby, repeat
from operator import itemgetter
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from fieldvisit.domain.collation import clean_text
from fieldvisit.domain.errors import StorageError
from fieldvisit.returns.format import (
    RejectReason,
)
from fieldvisit.returns.payload import ReturnPayload
from fieldvisit.services.collate_open import OpenedFile, ReturnOpener, opened_files
from fieldvisit.storage.collation.engine import CollationStore
from fieldvisit.storage.collation.pg_backup import SharedUpgrade
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
        self.opener = ReturnOpener(private_key)
        self.organiser = organiser or Organiser.here()

    def collate(
        self,
        files: Sequence[Path],
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        workers: int = 0,
    ) -> CollateSummary:
        """Collate `files` in order; with `workers` > 0, that many processes open the files
        ahead of the writes (see collate_open.opened_files)."""
        summary = CollateSummary()
        seen, known_qs = self.writer.known()
        try:
            # The workers start opening files while the run is recorded.
            with opened_files(self.opener, files, frozenset(seen), workers) as arriving:
                run_pk = summary.run_pk = self.writer.start_run(
                    self.organiser.name, self.organiser.host, len(files)
                )
                with self.writer:
                    done = self._outcomes(arriving, seen, known_qs, run_pk, cancelled, summary)
                    stretch = len(files) - len(files) // LAST_STRETCH
                    for index, (item, outcome) in enumerate(done):
                        if index + 1 == stretch:
                            # The run's last commit and checkpoint overlap nothing (the
                            # workers are done): committing here keeps them small.
                            self.writer.commit_batch()
                        summary.outcomes.append(outcome)
                        if progress is not None:
                            progress(index + 1, len(files), item.path.name)
        except CollationInterruptedError as exc:
            raise StorageError(
                f"the collation stopped: {exc.problem}; every return is either fully in or "
                "not in: collate the same files again to complete it",
                path=self.store.where,
            ) from exc
        except BrokenProcessPool as exc:  # killed by the system (out of memory), say
            raise StorageError(
                "the collation stopped: a worker process opening the files ended "
                "unexpectedly; the returns written so far are kept, each whole: collate "
                "the same files again to complete it",
                path=self.store.where,
            ) from exc
        self.writer.finish_run(
            run_pk, summary.count("accepted"), summary.count("rejected"), summary.count("already")
        )
        return summary

    def _outcomes(
        self,
        arriving: Iterable[OpenedFile],
        seen: set[str],
        known_qs: set[tuple[str, str, int]],
        run_pk: int,
        cancelled: Cancelled | None,
        summary: CollateSummary,
    ) -> Iterator[tuple[OpenedFile, FileOutcome]]:
        """Each file's outcome, in file order. On PostgreSQL new senders' first returns
        wait in a batch written by one statement (_FirstReturns). The other files are
        written meanwhile (a return of a sender in the batch only after the batch: the
        rules see its first return), their outcomes held until the batch's come."""
        if not self.writer.writes_first_returns_at_once:
            for item in arriving:
                if cancelled is not None and cancelled():
                    summary.cancelled = True
                    return
                yield item, self._one(item, seen, known_qs, run_pk)
            return
        batch = _FirstReturns(self, run_pk, self.writer.known_senders())
        # Files since the batch's first, in order: an outcome, or None for one in the batch.
        queue: list[tuple[OpenedFile, FileOutcome | None]] = []

        def flush() -> Iterator[tuple[OpenedFile, FileOutcome]]:
            written = iter(batch.write(known_qs))
            for item, outcome in queue:
                yield (item, outcome) if outcome is not None else next(written)
            queue.clear()

        for item in arriving:
            if cancelled is not None and cancelled():
                summary.cancelled = True
                break
            if batch.take(item, seen, known_qs):
                queue.append((item, None))
                if len(batch.items) >= FIRST_RETURNS_AT_ONCE:
                    yield from flush()
                continue
            if item.payload is not None:
                installation = item.payload.installation_id
                if installation in batch.pending:
                    yield from flush()
                batch.senders.add(installation)  # in the store after this
            outcome = self._one(item, seen, known_qs, run_pk)
            if queue:
                queue.append((item, outcome))
            else:
                yield item, outcome
        yield from flush()

    def _one(
        self,
        item: OpenedFile,
        seen: set[str],
        known_qs: set[tuple[str, str, int]],
        run_pk: int,
    ) -> FileOutcome:
        path, digest = item.path, item.digest
        if digest is None:
            # Not recorded: there are no bytes to recognise the file by next time.
            return FileOutcome(path, "rejected", RejectReason.UNREADABLE, item.detail)
        if item.known or digest in seen:
            return FileOutcome(path, "already")
        seen.add(digest)
        name = clean_text(path.name)
        if item.reason is not None:
            rejected = FileOutcome(path, "rejected", item.reason.value, clean_text(item.detail))
            return self._record_rejected(rejected, digest, name, run_pk)
        payload = item.payload
        assert payload is not None
        return self._by_the_rules(item, name, payload, known_qs, run_pk)

    def _by_the_rules(
        self,
        item: OpenedFile,
        name: str,
        payload: ReturnPayload,
        known_qs: set[tuple[str, str, int]],
        run_pk: int,
    ) -> FileOutcome:
        """An opened, checked return written in its own transaction, the rules applied."""
        path, digest = item.path, item.digest
        assert digest is not None
        for attempt in range(_ATTEMPTS):
            try:
                with self.writer.one_return() as writes:
                    outcome = self._accept(writes, item, name, payload, known_qs, run_pk)
                break
            except _AlreadyError:
                return FileOutcome(path, "already")
            except CollationRetryError:
                if attempt == _ATTEMPTS - 1:
                    raise
        else:  # pragma: no cover - the loop breaks or raises
            raise AssertionError
        if outcome.status == "rejected":
            return self._record_rejected(outcome, digest, name, run_pk)
        return outcome

    def _record_rejected(
        self, outcome: FileOutcome, digest: str, name: str, run_pk: int
    ) -> FileOutcome:
        """Record a rejected file in its own transaction: `outcome`, or "already" when
        another collator recorded it first."""
        with self.writer.one_return() as writes:
            fresh = writes.reject(
                digest, name, outcome.reason, outcome.detail, writes.time(utcnow()), run_pk
            )
        return outcome if fresh else FileOutcome(outcome.path, "already")

    def _accept(
        self,
        writes: Writes,
        item: OpenedFile,
        name: str,
        payload: ReturnPayload,
        known_qs: set[tuple[str, str, int]],
        run_pk: int,
    ) -> FileOutcome:
        path = item.path
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
            received_pk = self._received(writes, name, item, payload, outcome, run_pk, now)
            if manifest:
                kinds, record_ids, revisions, hashes = zip(*manifest, strict=True)
                counting = _positions(kinds)
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
        written = writes.write_return(
            self._new_received(item, name, payload, outcome), run_pk, now,
            [(kind, record_id, e.revision, e.sha256, position, e.current, e.conflict)
             for e, kind, record_id, position in new_entries],
            [(e.current, e.conflict, e.pk) for entries in state.values() for e in entries
             if e.dirty and e.pk is not None],
            conflicts,
        )  # fmt: skip
        if written is None:
            raise _AlreadyError  # rolls back this return's unit: someone else has it
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
        item: OpenedFile, name: str, payload: ReturnPayload, outcome: FileOutcome
    ) -> NewReceived:
        assert item.digest is not None
        return NewReceived(
            item.digest, name, payload.installation_id, payload.delegate_name, payload.event_id,
            payload.pack_id, payload.pack_version,
            payload.created.astimezone(dt.UTC).replace(tzinfo=None), outcome.added,
            outcome.skipped, outcome.superseded, outcome.conflicts, item.stored, item.signature,
        )  # fmt: skip

    @staticmethod
    def _received(
        writes: Writes,
        name: str,
        item: OpenedFile,
        payload: ReturnPayload,
        outcome: FileOutcome,
        run_pk: int,
        now: object,
    ) -> int:
        new = Collator._new_received(item, name, payload, outcome)
        received_pk = writes.claim_received(new, run_pk, now)
        if received_pk is None:
            raise _AlreadyError  # rolls back this return's unit: someone else has it
        return received_pk


# SQLite: the returns written before the run's last 1/LAST_STRETCH are committed then.
LAST_STRETCH = 10
_KIND_AND_ID = itemgetter(0, 1)  # of a manifest entry (kind, id, revision, sha256)


def _positions(kinds: Iterable[str]) -> Iterator[int]:
    """Each record's position within its kind. The manifest lists each kind's records
    together, in their payload order (parse_payload checks that), so the positions count
    up from 0 in each run of one kind."""
    return chain.from_iterable(map(range, (len(list(run)) for _kind, run in groupby(kinds))))


# New senders' first returns written by one statement (PostgreSQL): one round trip and one
# commit for this many returns. Each return stays whole or out; a collator waits on another's
# batch for at most one statement (a few milliseconds).
FIRST_RETURNS_AT_ONCE = 16


@dataclass(slots=True)
class _FirstReturns:
    """A batch of new senders' first returns (storage/collation/first_return.py)."""

    collator: Collator
    run_pk: int
    # Installations the store has (at the start, or written since): their returns take
    # the rules' way at once.
    senders: set[str]
    items: list[tuple[OpenedFile, str, ReturnPayload]] = field(default_factory=list)
    pending: set[str] = field(default_factory=set)  # the installations of `items`

    def take(self, item: OpenedFile, seen: set[str], known_qs: set[tuple[str, str, int]]) -> bool:
        """Whether `item` joins the batch: an opened, checked return whose records are all
        distinct, whose questionnaires the store has, of a sender not in the batch yet."""
        payload, digest = item.payload, item.digest
        if (
            payload is None
            or digest is None
            or item.known
            or item.reason is not None
            or digest in seen
            or payload.installation_id in self.senders
            or not payload.manifest
            or len(set(map(_KIND_AND_ID, payload.manifest))) != len(payload.manifest)
            or any((payload.event_id, q.uid, q.version) not in known_qs
                   for q in payload.questionnaires)
        ):  # fmt: skip
            return False
        seen.add(digest)
        self.items.append((item, clean_text(item.path.name), payload))
        self.senders.add(payload.installation_id)
        self.pending.add(payload.installation_id)
        return True

    def write(
        self, known_qs: set[tuple[str, str, int]]
    ) -> Iterator[tuple[OpenedFile, FileOutcome]]:
        """Write the batch; a return it did not write (its sender is known, or it lost a
        race) takes the rules' way after it, in the batch's order."""
        items, self.items = self.items, []
        self.pending.clear()
        if not items:
            return
        outcomes = [
            FileOutcome(item.path, "accepted", added=len(payload.manifest))
            for item, _name, payload in items
        ]
        written = self.collator.writer.first_returns(
            [
                Collator._new_received(item, name, payload, outcome)
                for (item, name, payload), outcome in zip(items, outcomes, strict=True)
            ],
            [payload.installation_key for _item, _name, payload in items],
            self.run_pk,
            [payload.manifest for _item, _name, payload in items],
            [list(_positions(entry[0] for entry in payload.manifest))
             for _item, _name, payload in items],
        )  # fmt: skip
        for n, ((item, name, payload), outcome) in enumerate(zip(items, outcomes, strict=True)):
            if n not in written:  # its sender is known after all, or it lost a race
                outcome = self.collator._by_the_rules(item, name, payload, known_qs, self.run_pk)
            yield item, outcome


def collate_files(
    db: str | Path,
    files: Sequence[Path],
    private_key: X25519PrivateKey,
    *,
    password: str | None = None,
    organiser: Organiser | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    workers: int = 0,
    upgrade: SharedUpgrade | None = None,
) -> CollateSummary:
    """Open (creating) the collation store `db` (a path or a URL) and collate `files`."""
    store = CollationStore.open(db, password=password, upgrade=upgrade)
    try:
        collator = Collator(store, private_key, organiser)
        return collator.collate(files, progress=progress, cancelled=cancelled, workers=workers)
    finally:
        store.close()
