"""Sending a return: read what may go from the store, and write it sealed for the organisers.

Private notes are never even listed. A note on a confidential session (or on a stop of a
confidential visit) is listed but only goes once the delegate confirms that very note.
Each function opens its own unit of work; the file format itself is `fieldvisit.returns`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Collection
from pathlib import Path
from typing import cast

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

from fieldvisit.domain.errors import InvalidInputError, StorageError
from fieldvisit.interop.atomic import write_atomic
from fieldvisit.returns.draft import (
    Identity,
    ReturnDraft,
    ReturnItem,
    WrittenReturn,
    choose,
    proof_key,
    recipient_key,
    return_filename,
)
from fieldvisit.returns.format import (
    SUFFIX,
    b64,
    fingerprint_text,
    installation_id_for,
    raw_public,
    seal,
)
from fieldvisit.returns.payload import QuestionDef, QuestionnaireDef, Record, ReturnPayload, iso
from fieldvisit.services.protection import check_not_withheld
from fieldvisit.services.store import Store
from fieldvisit.storage.repo import agenda, answers, events, installation, notes
from fieldvisit.storage.repo.changes import gone_titles
from fieldvisit.storage.repo.targets import StoredQuestionnaire, questionnaires, targets
from fieldvisit.storage.unit import Unit


def _utc(moment: dt.datetime | None) -> str:
    if moment is None:
        return ""
    return iso(moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment)


def _excerpt(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _latest_event_id(session: Unit) -> str:
    """The event to use when none is named: the only one, else the latest installed."""
    found = events.latest_event_id(session)
    if found is None:
        raise InvalidInputError("no event is installed; import an event pack first")
    return found


def _compose(session: Unit, event_id: str) -> ReturnDraft:
    """Everything of `event_id` that could go to the organisers (never private notes)."""
    event = events.return_address(session, event_id)
    if event is None:
        raise InvalidInputError(f"no installed event has the id {event_id!r}", field="event")
    found = targets(session, event_id)
    gone = gone_titles(session, event_id)

    def target(kind: str, uid: str) -> tuple[str, str, bool]:
        """Title, start and whether the target is confidential."""
        known = found.get((kind, uid))
        if known is not None:
            return known.title, _utc(known.start), known.confidential
        if kind:
            # Removed by a pack update: named as the Notes section names it. Whether it was
            # confidential is no longer known, so the delegate confirms the note.
            return gone.get((kind, uid), uid), "", True
        return "", "", False

    def session_title(uid: str) -> str:
        known = found.get(("session", uid))
        return known.title if known else ""

    items: list[ReturnItem] = []
    for note in notes.notes_by_creation(session, event_id, include_private=False):
        if not note.body.strip():
            continue
        title, start, confidential = target(note.target_kind, note.target_uid)
        fields: dict[str, object] = {
            "target_kind": note.target_kind,
            "target_uid": note.target_uid,
            "target_title": title,
            "target_start": start,
            "tags": list(note.tags),
            "body": note.body,
            "created": _utc(note.created_at),
            "updated": _utc(note.updated_at),
            "confidential_confirmed": False,
        }
        record = Record("note", note.id, note.revision, fields)
        label = f"{title or 'General'}: {_excerpt(note.body)}"
        items.append(ReturnItem(f"note:{note.id}", record, label, confidential))

    definitions = questionnaires(session, event_id)
    for answer in answers.answers_of(session, event_id):
        value = answer.value
        if value in (None, "", []):
            continue
        q_row = definitions.get((answer.questionnaire_uid, answer.version))
        question = _question_text(q_row, answer.question_uid)
        fields = {
            "questionnaire_uid": answer.questionnaire_uid,
            "questionnaire_version": answer.version,
            "session_uid": answer.session_uid,
            "session_title": session_title(answer.session_uid),
            "question_uid": answer.question_uid,
            "value": value,
            "updated": _utc(answer.updated_at),
        }
        label = f"{q_row.title if q_row else answer.questionnaire_uid}: {question}: {value}"
        record = Record("answer", answer.id, answer.revision, fields)
        items.append(ReturnItem(f"answer:{answer.id}", record, _excerpt(label, 90)))

    for uid in agenda.picks_in_order(session, event_id):
        picked = found.get(("session", uid))
        fields = {
            "session_uid": uid,
            "session_title": picked.title if picked else "",
            "session_start": _utc(picked.start) if picked else "",
        }
        record = Record("pick", f"pick:{uid}", 1, fields)
        items.append(ReturnItem(f"pick:{uid}", record, picked.title if picked else "?"))

    for rating in agenda.rating_records(session, event_id):
        rated = found.get(("session", rating.session_uid))
        fields = {
            "session_uid": rating.session_uid,
            "session_title": rated.title if rated else "",
            "stars": rating.stars,
            "updated": _utc(rating.updated_at),
        }
        record = Record("rating", f"rating:{rating.session_uid}", rating.revision, fields)
        label = f"{rated.title if rated else '?'}: {'★' * rating.stars}"
        items.append(ReturnItem(f"rating:{rating.session_uid}", record, label))

    used = {
        (
            str(i.record.fields["questionnaire_uid"]),
            int(str(i.record.fields["questionnaire_version"])),
        )
        for i in items
        if i.record.kind == "answer"
    }
    chosen = tuple(_definition(definitions[key]) for key in sorted(used) if key in definitions)
    return ReturnDraft(
        event_id=event.id,
        event_title=event.title,
        pack_id=event.pack_id,
        pack_version=event.pack_version,
        return_key=event.return_key,
        items=tuple(items),
        questionnaires=chosen,
        return_proof_key=event.return_proof_key,
    )


def _question_text(row: StoredQuestionnaire | None, uid: str) -> str:
    for question in row.questions if row else ():
        if question.get("id") == uid:
            return str(question.get("text", uid))
    return uid


def _definition(row: StoredQuestionnaire) -> QuestionnaireDef:
    questions = tuple(
        QuestionDef(
            id=str(q.get("id", "")),
            kind=str(q.get("kind", "")),
            text=str(q.get("text", "")),
            options=tuple(str(o) for o in cast(list[object], q.get("options") or [])),
        )
        for q in row.questions
    )
    return QuestionnaireDef(row.uid, row.version, row.title, questions)


def _identity(session: Unit) -> Identity:
    """The installation's identity, creating the key the first time it is needed."""
    stored = installation.identity(session)
    if stored is None:
        key = Ed25519PrivateKey.generate()
        raw = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        installation.create_identity(
            session, installation_id_for(raw_public(key.public_key())), raw
        )
        stored = (raw, "")
    key = Ed25519PrivateKey.from_private_bytes(stored[0])
    # The id in returns is always derived from the key, whatever the row was created with.
    return Identity(
        installation_id=installation_id_for(raw_public(key.public_key())),
        signing_key=key,
        delegate_name=stored[1],
    )


def _set_delegate_name(session: Unit, name: str) -> None:
    """Remember the name the delegate gave, as the default for the next return."""
    _identity(session)
    installation.set_delegate_name(session, name.strip())


def _still_shared(session: Unit, draft: ReturnDraft) -> ReturnDraft:
    """The draft without notes made private or deleted since it was listed."""
    ids = [i.record.id for i in draft.items if i.record.kind == "note"]
    if not ids:
        return draft
    shared = notes.shared_ids(session, ids)
    keep = tuple(i for i in draft.items if i.record.kind != "note" or i.record.id in shared)
    return dataclasses.replace(draft, items=keep)


# --- the use cases: each opens its own unit of work -----------------------------------------


def latest_event_id(store: Store) -> str:
    """The event to use when none is named: the only one, else the latest installed."""
    with store.unit() as session:
        return _latest_event_id(session)


def compose_draft(store: Store, event_id: str) -> ReturnDraft:
    """Everything of `event_id` that could go to the organisers (never private notes)."""
    check_not_withheld(store, event_id)
    with store.unit() as session:
        return _compose(session, event_id)


def get_identity(store: Store) -> Identity:
    """This installation's signing identity, made on first use."""
    with store.unit() as session:
        return _identity(session)


def write_return(
    store: Store,
    what: str | ReturnDraft,
    output: Path,
    *,
    excluded: Collection[str] = (),
    confirmed: Collection[str] = (),
    delegate_name: str | None = None,
    now: dt.datetime | None = None,
) -> WrittenReturn:
    """Write one return to `output` (a file, or a folder to name it in), in one unit of work,
    so the sent-return record is only kept when the file was written.

    `what` is an event id (everything that may go, composed now: the CLI) or the draft the
    delegate saw (the dialog): then exactly its items go, nothing added since, and a note
    made private or deleted meanwhile is dropped whatever the draft says.
    """
    check_not_withheld(store, what if isinstance(what, str) else what.event_id)
    with store.unit() as session:
        draft = _compose(session, what) if isinstance(what, str) else what
        draft = _still_shared(session, draft)
        recipient = recipient_key(draft)
        identity = _identity(session)
        if delegate_name is not None and delegate_name.strip() != identity.delegate_name:
            _set_delegate_name(session, delegate_name)
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
            target = output / return_filename(draft.event_id, created)
        elif output.suffix.lower() != SUFFIX:
            # A collation of a folder takes its *.fvreturn files: one named otherwise would
            # be passed over there.
            target = output.with_name(output.name + SUFFIX)
        if not target.parent.is_dir():
            raise StorageError("the folder does not exist", path=target.parent)
        write_atomic(target, sealed)
        sent = [f"{r.kind}:{r.id}@{r.revision}" for r in selection.records]
        answers.record_sent(session, draft.event_id, target.name, sent)
        return WrittenReturn(
            target, selection.records, selection.left_out_confidential, len(sealed)
        )
