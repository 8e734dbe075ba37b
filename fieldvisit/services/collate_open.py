"""Opening one return file for a collation: read and hash it, decrypt, verify, parse, check.

Everything here is done before the store is touched, and a failure is a ReturnRejectedError
naming the reason: the collator records it and goes on with the next file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import multiprocessing
import os
import pickle
import signal
import struct
import sys
import threading
import traceback
from collections.abc import Iterator, Sequence
from collections.abc import Set as AbstractSet
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager, suppress
from dataclasses import dataclass, fields
from itertools import chain
from operator import attrgetter
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

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
from fieldvisit.storage.collation.models import (
    ID_LENGTH,
    INSTALLATION_LENGTH,
    KIND_LENGTH,
    MAX_INT,
)
from fieldvisit.storage.collation.payloads import pack_payload

# Far above any real return (50 notes make 4 KB, 40 KB in format 2); a bigger file is not
# read into memory.
MAX_RETURN_BYTES = 64 * 2**20
# A return says when it was made; before this, or more than a year ahead, it is not real.
EARLIEST_CREATED = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


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


class ReturnOpener:
    """Opens return files with one organiser private key."""

    def __init__(self, private_key: X25519PrivateKey) -> None:
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

    def read(self, path: Path) -> tuple[str, bytes | None]:
        """The file's SHA-256 and bytes (None when too large to read whole); OSError when
        it cannot be read."""
        with path.open("rb") as handle:
            if os.fstat(handle.fileno()).st_size > MAX_RETURN_BYTES:
                # Hashed in chunks, never held in memory.
                return hashlib.file_digest(handle, "sha256").hexdigest(), None
            data = handle.read()
        return hashlib.sha256(data).hexdigest(), data

    def open(self, data: bytes | None, now: dt.datetime) -> tuple[Opened, ReturnPayload]:
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


@dataclass(frozen=True, slots=True)
class OpenedFile:
    """One file as the collator gets it: its hash and what it holds, or why not.

    `digest` is None for a file that could not be read (`detail` says why); `known` marks
    a hash the store had before the run began (the file was not opened); `reason` is set
    for a file that failed a check. An accepted file carries its parsed `payload`, and the
    signed payload as the store keeps it (`stored`, see storage/collation/payloads.py)
    with its `signature`.
    """

    path: Path
    digest: str | None
    payload: ReturnPayload | None = None
    stored: bytes = b""
    signature: bytes = b""
    reason: RejectReason | None = None
    detail: str = ""
    known: bool = False


def open_file(opener: ReturnOpener, path: Path, known: AbstractSet[str]) -> OpenedFile:
    try:
        digest, data = opener.read(path)
    except OSError as exc:
        return OpenedFile(path, None, detail=str(exc.strerror))
    if digest in known:
        return OpenedFile(path, digest, known=True)
    try:
        opened, payload = opener.open(data, dt.datetime.now(dt.UTC))
    except ReturnRejectedError as exc:
        return OpenedFile(path, digest, reason=exc.reason, detail=exc.detail)
    # A file of format version 3 carries its payload compressed, as the store keeps it.
    stored = opened.signed if opened.compressed else pack_payload(opened.payload)
    return OpenedFile(path, digest, payload, stored, opened.signature)


# Below this many files the worker processes cost more than they save.
PARALLEL_FROM = 32
# Files per message from a worker: small enough that the writer starts at once, large
# enough that a message costs little.
_CHUNK = 8
# Bytes a worker's pipe holds (Linux): several messages, so a worker goes on opening while
# the writer is busy, without a long run ever holding many payloads in memory.
_PIPE_BYTES = 2**20
_LENGTH = struct.Struct(">Q")
# Workers run at a lower priority than the writer: the writer is the one step that cannot
# be shared out, and with as many workers as processors it would otherwise get only its
# share of a processor while the workers run ahead (the desktop stays responsive too).
_WORKER_NICENESS = 10
_PAYLOAD_VALUES = attrgetter(*(f.name for f in fields(ReturnPayload)))
# What a worker sends for one file: OpenedFile's fields without the path (the writer
# has the list), the payload as a tuple: plain values pickle several times faster
# than the dataclasses and the Path do.
_Sent = tuple[str | None, tuple[Any, ...] | None, bytes, bytes, str | None, str, bool]


def _send(item: OpenedFile) -> _Sent:
    payload = None if item.payload is None else _PAYLOAD_VALUES(item.payload)
    reason = None if item.reason is None else item.reason.value
    return item.digest, payload, item.stored, item.signature, reason, item.detail, item.known


def _received(path: Path, sent: _Sent) -> OpenedFile:
    digest, payload, stored, signature, reason, detail, known = sent
    return OpenedFile(
        path, digest, None if payload is None else ReturnPayload(*payload), stored, signature,
        None if reason is None else RejectReason(reason), detail, known,
    )  # fmt: skip


def parallel_available() -> bool:
    """Worker processes are forked (Linux): they start at once with nothing to import, and
    the key is handed over in memory. Only a process without other threads forks: the
    command line, not the window (Qt's threads would be copied in an unknown state)."""
    return (
        sys.platform.startswith("linux")
        and "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
        and not multiprocessing.current_process().daemon
    )


def default_workers() -> int:
    """Worker processes for a command-line collation: one per processor, up to 4."""
    return min(os.cpu_count() or 1, 4) if parallel_available() else 0


def _work(
    opener: ReturnOpener, files: Sequence[Path], known: AbstractSet[str], first: int,
    step: int, out: BinaryIO,
) -> None:  # fmt: skip
    """A worker: opens chunks first, first + step, ... and writes each to its pipe."""
    for start in range(first * _CHUNK, len(files), step * _CHUNK):
        sent = [_send(open_file(opener, path, known)) for path in files[start : start + _CHUNK]]
        data = pickle.dumps(sent, pickle.HIGHEST_PROTOCOL)
        out.write(_LENGTH.pack(len(data)) + data)
        out.flush()


def _fork_worker(
    opener: ReturnOpener, files: Sequence[Path], known: AbstractSet[str], first: int,
    step: int, others: Sequence[int],
) -> tuple[int, int]:  # fmt: skip
    """Fork worker `first` of `step`: its process id and the read end of its pipe."""
    import fcntl  # Linux only, as is forking (parallel_available)

    read, write = os.pipe()
    with suppress(OSError):  # a larger pipe where the system allows it
        fcntl.fcntl(write, fcntl.F_SETPIPE_SZ, _PIPE_BYTES)
    pid = os.fork()
    if pid == 0:  # the worker: it never returns into the caller's code
        status = 1
        try:
            # Ctrl+C reaches the whole process group: the writer stops the workers itself.
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            with suppress(OSError):
                os.nice(_WORKER_NICENESS)
            os.close(read)
            for fd in others:  # the other workers' pipes are the writer's alone
                os.close(fd)
            with open(write, "wb") as out:
                _work(opener, files, known, first, step, out)
            status = 0
        except BrokenPipeError:
            status = 0  # the writer stopped reading: the run ended early
        except BaseException:
            traceback.print_exc()
        finally:
            os._exit(status)
    os.close(write)
    return pid, read


def _arriving(files: Sequence[Path], pipes: Sequence[BinaryIO]) -> Iterator[OpenedFile]:
    """The workers' results in file order: worker w opens chunks w, w + workers, ... so
    the writer reads chunk k from pipe k % workers. No thread runs in the writer's
    process: it unpickles each chunk when it gets to it."""
    for index, start in enumerate(range(0, len(files), _CHUNK)):
        pipe = pipes[index % len(pipes)]
        head = pipe.read(_LENGTH.size)
        data = pipe.read(_LENGTH.unpack(head)[0]) if len(head) == _LENGTH.size else b""
        if not data:
            raise BrokenProcessPool("a worker process opening the files ended unexpectedly")
        for path, sent in zip(files[start : start + _CHUNK], pickle.loads(data), strict=True):
            yield _received(path, sent)


@contextmanager
def opened_files(
    opener: ReturnOpener, files: Sequence[Path], known: AbstractSet[str], workers: int = 0
) -> Iterator[Iterator[OpenedFile]]:
    """The files opened in order: here, or, with `workers` > 0 and enough files, by that
    many processes forked on entering the block, which open the files while the caller
    writes the ones before (decrypting, verifying and parsing take as long as writing
    the store). Leaving the block stops the workers; a worker that dies raises
    BrokenProcessPool rather than leaving the run waiting."""
    if workers <= 0 or len(files) < PARALLEL_FROM or not parallel_available():
        yield (open_file(opener, path, known) for path in files)
        return
    started: list[tuple[int, BinaryIO]] = []
    try:
        for first in range(workers):
            pid, read = _fork_worker(
                opener, files, known, first, workers, [r.fileno() for _p, r in started]
            )
            started.append((pid, open(read, "rb")))
        yield _arriving(files, [pipe for _pid, pipe in started])
    finally:
        for pid, pipe in started:  # done or stopped early: no worker outlives the run
            pipe.close()
            with suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
