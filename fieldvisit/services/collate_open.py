"""Opening one return file for a collation: read and hash it, decrypt, verify, parse, check.

Everything here is done before the store is touched, and a failure is a ReturnRejectedError
naming the reason: the collator records it and goes on with the next file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Sequence
from itertools import chain
from pathlib import Path

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

# Far above any real return (50 notes make 40 KB); a bigger file is not read into memory.
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
