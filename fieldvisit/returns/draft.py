"""What a return can hold and the delegate's choice of it: pure, no database.

Private notes are never even listed. A note on a confidential session (or on a stop of a
confidential visit) is listed but only goes once the delegate confirms that very note.
`fieldvisit.services.returns` reads the store into a `ReturnDraft`; this module decides,
from the draft alone, what goes, where the file is named and which keys seal it.
"""

from __future__ import annotations

import base64
import datetime as dt
import secrets
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from fieldvisit.domain.errors import TrustError
from fieldvisit.interop.common import slugify
from fieldvisit.returns.format import SUFFIX, raw_public
from fieldvisit.returns.payload import QuestionnaireDef, Record

SECTION_TITLES = {"note": "Notes", "answer": "Answers", "pick": "Agenda picks", "rating": "Ratings"}


@dataclass(frozen=True, slots=True)
class ReturnItem:
    """One line of the "what will go" list. `key` is unique within a draft."""

    key: str
    record: Record
    label: str
    confidential: bool = False  # needs the delegate's explicit confirmation


@dataclass(frozen=True, slots=True)
class ReturnDraft:
    event_id: str
    event_title: str
    pack_id: str
    pack_version: int
    return_key: str | None  # organiser X25519 key, base64
    items: tuple[ReturnItem, ...]
    questionnaires: tuple[QuestionnaireDef, ...]
    return_proof_key: str | None = None  # from a signed pack, base64


@dataclass(frozen=True, slots=True)
class Selection:
    """The records that will go, and the confidential notes left out for want of a yes."""

    records: tuple[Record, ...]
    questionnaires: tuple[QuestionnaireDef, ...]
    left_out_confidential: tuple[ReturnItem, ...]


@dataclass(frozen=True, slots=True)
class WrittenReturn:
    path: Path
    records: tuple[Record, ...]
    left_out_confidential: tuple[ReturnItem, ...]
    size: int


@dataclass(frozen=True, slots=True)
class Identity:
    """The key that signs this installation's returns, and the id derived from it."""

    installation_id: str
    signing_key: Ed25519PrivateKey
    delegate_name: str

    @property
    def public_raw(self) -> bytes:
        return raw_public(self.signing_key.public_key())


def choose(
    draft: ReturnDraft,
    *,
    excluded: Collection[str] = (),
    confirmed: Collection[str] = (),
) -> Selection:
    """The records to send: every item not excluded, confidential ones only when confirmed."""
    excluded_set, confirmed_set = set(excluded), set(confirmed)
    records: list[Record] = []
    left_out: list[ReturnItem] = []
    for item in draft.items:
        if item.key in excluded_set:
            continue
        record = item.record
        if item.confidential:
            if item.key not in confirmed_set:
                left_out.append(item)
                continue
            record = Record(
                record.kind,
                record.id,
                record.revision,
                {**record.fields, "confidential_confirmed": True},
            )
        records.append(record)
    used = {
        (r.fields["questionnaire_uid"], r.fields["questionnaire_version"])
        for r in records
        if r.kind == "answer"
    }
    questionnaires = tuple(q for q in draft.questionnaires if (q.uid, q.version) in used)
    return Selection(tuple(records), questionnaires, tuple(left_out))


def return_filename(event_id: str, created: dt.datetime, short_id: str | None = None) -> str:
    """`<event-id>_<short random id>_<YYYYmmddTHHMMSSZ>.fvreturn`.

    Nothing in the name says who sent it (the delegate's name travels only inside the
    encrypted payload): the short id is 8 random hex digits, new for every file, so two
    returns written in the same second do not collide and neither names the laptop."""
    stamp = created.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    short = short_id if short_id is not None else secrets.token_hex(4)
    return f"{slugify(event_id, 40) or 'event'}_{slugify(short, 16) or 'x'}_{stamp}{SUFFIX}"


def recipient_key(draft: ReturnDraft) -> X25519PublicKey:
    """The organisers' return key from the installed pack, or a clear error."""
    if not draft.return_key:
        raise TrustError(
            "this event's pack carries no return key, so returns cannot be encrypted for the "
            "organisers; ask them for a pack made with a return key",
            field="return_key",
        )
    try:
        return X25519PublicKey.from_public_bytes(base64.b64decode(draft.return_key, validate=True))
    except ValueError as exc:
        raise TrustError("the pack's return key is not a valid X25519 key") from exc


def proof_key(draft: ReturnDraft) -> bytes | None:
    """The event's return proof key, or None when the pack carried none (unsigned or older)."""
    if not draft.return_proof_key:
        return None
    try:
        key = base64.b64decode(draft.return_proof_key, validate=True)
    except ValueError as exc:
        raise TrustError("the pack's return proof key is not valid base64") from exc
    if len(key) != 32:
        raise TrustError("the pack's return proof key is not 32 bytes")
    return key
