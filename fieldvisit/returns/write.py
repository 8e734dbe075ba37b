"""Writing a return file: compose, sign, seal, write atomically, and remember what went.

The plaintext payload exists only in memory: the only bytes that reach the disk are the
sealed ones, through a temporary file in the target folder that is fsynced and renamed.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldvisit.domain.errors import InvalidInputError, StorageError, TrustError
from fieldvisit.interop.atomic import write_atomic
from fieldvisit.interop.common import slugify
from fieldvisit.returns.compose import ReturnDraft, ReturnItem, choose, compose_draft
from fieldvisit.returns.format import SUFFIX, b64, fingerprint_text, seal
from fieldvisit.returns.identity import get_identity, set_delegate_name
from fieldvisit.returns.payload import Record, ReturnPayload
from fieldvisit.storage.models import NoteRow, SentReturnRow


@dataclass(frozen=True, slots=True)
class WrittenReturn:
    path: Path
    records: tuple[Record, ...]
    left_out_confidential: tuple[ReturnItem, ...]
    size: int


def return_filename(event_id: str, who: str, created: dt.datetime) -> str:
    """`<event-id>_<delegate-or-installation>_<YYYYmmddTHHMMSSZ>.fvreturn`."""
    stamp = created.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    return f"{slugify(event_id, 40) or 'event'}_{slugify(who, 40) or 'delegate'}_{stamp}{SUFFIX}"


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


def write_return(
    session: Session,
    event_id: str,
    output: Path,
    *,
    excluded: Collection[str] = (),
    confirmed: Collection[str] = (),
    delegate_name: str | None = None,
    now: dt.datetime | None = None,
) -> WrittenReturn:
    """Write one return for `event_id` to `output` (a file, or a folder to name it in).

    Runs inside the caller's unit of work, so the SentReturnRow is only kept when the file
    was written.
    """
    return write_draft(
        session,
        compose_draft(session, event_id),
        output,
        excluded=excluded,
        confirmed=confirmed,
        delegate_name=delegate_name,
        now=now,
    )


def _still_shared(session: Session, draft: ReturnDraft) -> ReturnDraft:
    """The draft without notes made private or deleted since it was listed."""
    ids = [i.record.id for i in draft.items if i.record.kind == "note"]
    if not ids:
        return draft
    query = select(NoteRow.id).where(
        NoteRow.id.in_(ids), NoteRow.private.is_(False), NoteRow.deleted.is_(False)
    )
    shared = set(session.scalars(query))
    keep = tuple(i for i in draft.items if i.record.kind != "note" or i.record.id in shared)
    return dataclasses.replace(draft, items=keep)


def write_draft(
    session: Session,
    draft: ReturnDraft,
    output: Path,
    *,
    excluded: Collection[str] = (),
    confirmed: Collection[str] = (),
    delegate_name: str | None = None,
    now: dt.datetime | None = None,
) -> WrittenReturn:
    """Write exactly the items of `draft` the delegate saw and kept (the dialog's path).

    Items that appeared after the draft was listed are not sent; a note made private or
    deleted meanwhile is dropped, whatever the draft says.
    """
    draft = _still_shared(session, draft)
    recipient = recipient_key(draft)
    identity = get_identity(session)
    if delegate_name is not None and delegate_name.strip() != identity.delegate_name:
        set_delegate_name(session, delegate_name)
    name = identity.delegate_name if delegate_name is None else delegate_name.strip()
    selection = choose(draft, excluded=excluded, confirmed=confirmed)
    if not selection.records:
        raise InvalidInputError("nothing is selected to send")
    created = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    payload = ReturnPayload(
        event_id=draft.event_id,
        pack_id=draft.pack_id,
        pack_version=draft.pack_version,
        installation_id=identity.installation_id,
        installation_key=b64(identity.public_raw),
        recipient=fingerprint_text(recipient.public_bytes_raw()),
        delegate_name=name,
        created=created,
        records=selection.records,
        questionnaires=selection.questionnaires,
    )
    sealed = seal(payload.to_bytes(), identity.signing_key, recipient, proof_key(draft))
    target = output
    if output.is_dir():
        who = name or identity.installation_id[:8]
        target = output / return_filename(draft.event_id, who, created)
    if not target.parent.is_dir():
        raise StorageError("the folder does not exist", path=target.parent)
    write_atomic(target, sealed)
    session.add(
        SentReturnRow(
            event_id=draft.event_id,
            filename=target.name,
            items=[f"{r.kind}:{r.id}@{r.revision}" for r in selection.records],
        )
    )
    return WrittenReturn(target, selection.records, selection.left_out_confidential, len(sealed))
