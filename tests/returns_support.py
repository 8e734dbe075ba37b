"""Helpers for the returns, collation and export tests: a delegate store and crafted returns."""

from __future__ import annotations

import base64
import datetime as dt
import os
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Literal

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sample_rows import HAGUE, add_hague
from sqlalchemy import update

from fieldvisit.packs.keys import return_proof_key
from fieldvisit.paths import resolve
from fieldvisit.returns.format import (
    FORMAT_VERSION,
    HEADER,
    INNER,
    INNER_MAGIC,
    MAGIC,
    PROOF_HMAC_SHA256,
    SUITE,
    b64,
    fingerprint_text,
    installation_id_for,
    key_fingerprint,
    make_proof,
    raw_public,
    seal,
)
from fieldvisit.returns.payload import QuestionDef, QuestionnaireDef, Record, ReturnPayload
from fieldvisit.services.store import Store
from fieldvisit.storage.models import (
    AgendaPickRow,
    AnswerRow,
    EventRow,
    NoteRow,
    QuestionnaireRow,
    RatingRow,
)

CREATED = dt.datetime(2017, 2, 16, 14, 0, tzinfo=dt.UTC)
FEEDBACK_QUESTIONS: list[dict[str, object]] = [
    {"id": "useful", "kind": "scale", "text": "How useful was this session?", "options": []},
    {"id": "lesson", "kind": "long_text", "text": "What will you take home?", "options": []},
]


def open_delegate_store(folder: Path, organiser: X25519PrivateKey) -> Store:
    """A store with the Hague event installed, its return key set to `organiser`'s key."""
    store = Store.open(resolve(folder))
    add_hague(store)
    with store.unit() as s:
        s.execute(
            update(EventRow)
            .where(EventRow.id == HAGUE)
            .values(
                return_key=b64(raw_public(organiser.public_key())),
                return_proof_key=b64(return_proof_key(organiser, HAGUE)),
            )
        )
        s.add(
            QuestionnaireRow(
                event_id=HAGUE,
                uid="feedback",
                version=1,
                title="Session feedback",
                phase="session",
                session_id=None,
                questions=FEEDBACK_QUESTIONS,
            )
        )
    return store


def add_delegate_data(store: Store) -> None:
    """Shared, private and confidential notes, answers, a pick and a rating."""
    with store.unit() as s:
        s.add_all(
            [
                NoteRow(
                    id="note-shared",
                    event_id=HAGUE,
                    target_kind="session",
                    target_uid="insp-1",
                    body="Case managers need a shared picture of each returnee.",
                    tags=["case-management"],
                ),
                NoteRow(
                    id="note-private",
                    event_id=HAGUE,
                    target_kind="session",
                    target_uid="opening",
                    body="PRIVATE: call my sister after the opening.",
                    private=True,
                ),
                NoteRow(
                    id="note-confidential",
                    event_id=HAGUE,
                    target_kind="session",
                    target_uid="wg-a",
                    body="Prison officers asked for a mentor network.",
                ),
                NoteRow(
                    id="note-stop",
                    event_id=HAGUE,
                    target_kind="stop",
                    target_uid="stop-0",
                    body="The community centre is run by volunteers.",
                ),
                AnswerRow(
                    id="answer-1",
                    event_id=HAGUE,
                    questionnaire_uid="feedback",
                    version=1,
                    session_uid="insp-1",
                    question_uid="lesson",
                    value={"value": "Start with the families."},
                ),
                AgendaPickRow(event_id=HAGUE, session_uid="wg-b"),
                RatingRow(event_id=HAGUE, session_uid="insp-1", stars=4),
            ]
        )


def note(note_id: str, body: str, revision: int = 1, target: str = "insp-1") -> Record:
    return Record(
        "note",
        note_id,
        revision,
        {
            "target_kind": "session",
            "target_uid": target,
            "target_title": "Inspiration session: learning from returnees",
            "target_start": "2017-02-15T08:45:00Z",
            "tags": [],
            "body": body,
            "created": "2017-02-15T09:00:00Z",
            "updated": "2017-02-15T09:00:00Z",
            "confidential_confirmed": False,
        },
    )


def answer(answer_id: str, value: object, version: int = 1, revision: int = 1) -> Record:
    return Record(
        "answer",
        answer_id,
        revision,
        {
            "questionnaire_uid": "feedback",
            "questionnaire_version": version,
            "session_uid": "insp-1",
            "session_title": "Inspiration session: learning from returnees",
            "question_uid": "lesson",
            "value": value,
            "updated": "2017-02-15T10:00:00Z",
        },
    )


FEEDBACK_V1 = QuestionnaireDef(
    "feedback",
    1,
    "Session feedback",
    (QuestionDef("lesson", "long_text", "What will you take home?"),),
)
FEEDBACK_V2 = QuestionnaireDef(
    "feedback",
    2,
    "Session feedback",
    (QuestionDef("lesson", "long_text", "Which lesson will you apply first?"),),
)


def craft(
    organiser: X25519PrivateKey,
    signer: Ed25519PrivateKey,
    records: Sequence[Record],
    *,
    name: str = "Delegate",
    installation_id: str | None = None,
    questionnaires: Sequence[QuestionnaireDef] = (),
    created: dt.datetime = CREATED,
    event_id: str = HAGUE,
    proof: Literal["valid", "none", "wrong"] = "valid",
    pack_version: int = 1,
    patch: Callable[[bytes], bytes] | None = None,
    version: int = FORMAT_VERSION,
) -> bytes:
    """A sealed return made outside the app, so a test can choose every field.

    `proof`: "valid" proves the pack as the app does; "none" is what someone with only the
    organiser's public key can make; "wrong" proves with a key that is not the event's.
    `patch` changes the payload bytes before they are signed (text JSON cannot carry,
    such as a lone surrogate written as an escape). `version` 2 makes a file as releases
    before the compressed format did.
    """
    signer_raw = raw_public(signer.public_key())
    payload = ReturnPayload(
        event_id=event_id,
        pack_id=f"{event_id}-pack",
        pack_version=pack_version,
        installation_id=installation_id or installation_id_for(signer_raw),
        installation_key=base64.b64encode(signer_raw).decode(),
        recipient=fingerprint_text(raw_public(organiser.public_key())),
        delegate_name=name,
        created=created,
        records=tuple(records),
        questionnaires=tuple(questionnaires),
    )
    keys = {"valid": return_proof_key(organiser, event_id), "none": None, "wrong": os.urandom(32)}
    data = payload.to_bytes()
    if patch is not None:
        data = patch(data)
    return seal(data, signer, organiser.public_key(), keys[proof], version=version)


def seal_signed(
    organiser: X25519PrivateKey,
    signer: Ed25519PrivateKey,
    signed: bytes,
    *,
    version: int = FORMAT_VERSION,
    inner_version: int | None = None,
    signature: bytes | None = None,
    event_id: str = HAGUE,
) -> bytes:
    """Seal `signed` exactly as given, with a valid signature and pack proof over it: what
    a pack holder's own software could make (a broken or oversized compressed payload).
    `inner_version`: the inner block's version when it is not the header's; `signature`:
    one made over other bytes."""
    proof = make_proof(return_proof_key(organiser, event_id), signed)
    inner = INNER.pack(
        INNER_MAGIC, version if inner_version is None else inner_version,
        raw_public(signer.public_key()), signature or signer.sign(signed),
        PROOF_HMAC_SHA256, proof,
    ) + signed  # fmt: skip
    return seal_inner(organiser, inner, version=version)


def seal_inner(
    organiser: X25519PrivateKey, inner: bytes, *, version: int = FORMAT_VERSION
) -> bytes:
    """Encrypt arbitrary inner bytes under a valid header, the way anyone holding the
    organiser's public key can."""
    header = HEADER.pack(
        MAGIC, version, 1, key_fingerprint(raw_public(organiser.public_key())), len(inner) + 48
    )
    return header + SUITE.encrypt(inner, organiser.public_key(), info=header)


def write(folder: Path, data: bytes, name: str | None = None) -> Path:
    path = folder / (name or f"{uuid.uuid4().hex}.fvreturn")
    path.write_bytes(data)
    return path
