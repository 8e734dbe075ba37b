"""The plaintext payload of a return: its records, manifest and (de)serialisation to JSON.

A record is kind + id + revision + kind-specific fields. Its content hash is SHA-256 of
the canonical JSON of the whole record, so the same content always hashes the same.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import cast

from fieldvisit.returns.format import (
    FORMAT_NAME,
    FORMAT_VERSION,
    RejectReason,
    ReturnRejectedError,
    canonical_json,
)

KINDS = ("note", "answer", "pick", "rating")
# The fields each record kind must carry, with their JSON types.
REQUIRED: dict[str, dict[str, type | tuple[type, ...]]] = {
    "note": {
        "target_kind": str,
        "target_uid": str,
        "target_title": str,
        "target_start": str,
        "tags": list,
        "body": str,
        "created": str,
        "updated": str,
        "confidential_confirmed": bool,
    },
    "answer": {
        "questionnaire_uid": str,
        "questionnaire_version": int,
        "session_uid": str,
        "session_title": str,
        "question_uid": str,
        "updated": str,
    },
    "pick": {"session_uid": str, "session_title": str, "session_start": str},
    "rating": {"session_uid": str, "session_title": str, "stars": int, "updated": str},
}
_SECTIONS = {"note": "notes", "answer": "answers", "pick": "picks", "rating": "ratings"}


@dataclass(frozen=True, slots=True)
class Record:
    """One item a delegate sends. `fields` holds the kind-specific JSON values."""

    kind: str
    id: str
    revision: int
    fields: Mapping[str, object]

    def to_json(self) -> dict[str, object]:
        return {"id": self.id, "revision": self.revision, **self.fields}

    def content_hash(self) -> str:
        return hashlib.sha256(canonical_json({"kind": self.kind, **self.to_json()})).hexdigest()


@dataclass(frozen=True, slots=True)
class QuestionDef:
    id: str
    kind: str
    text: str
    options: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class QuestionnaireDef:
    """The questionnaire version an answer was made against, so it stays readable later."""

    uid: str
    version: int
    title: str
    questions: tuple[QuestionDef, ...]

    def to_json(self) -> dict[str, object]:
        return {
            "uid": self.uid,
            "version": self.version,
            "title": self.title,
            "questions": [
                {"id": q.id, "kind": q.kind, "text": q.text, "options": list(q.options)}
                for q in self.questions
            ],
        }


@dataclass(frozen=True, slots=True)
class ReturnPayload:
    event_id: str
    pack_id: str
    pack_version: int
    installation_id: str
    installation_key: str  # Ed25519 public key, base64
    recipient: str  # hex SHA-256 of the organiser X25519 key it is sealed to
    delegate_name: str
    created: dt.datetime
    records: tuple[Record, ...] = ()
    questionnaires: tuple[QuestionnaireDef, ...] = ()
    manifest: tuple[tuple[str, str, int, str], ...] = field(default=())  # kind, id, rev, sha256

    def to_bytes(self) -> bytes:
        """The exact bytes that are signed: the manifest is computed from the records."""
        sections: dict[str, list[dict[str, object]]] = {name: [] for name in _SECTIONS.values()}
        manifest: list[dict[str, object]] = []
        for record in self.records:
            sections[_SECTIONS[record.kind]].append(record.to_json())
            manifest.append(
                {
                    "kind": record.kind,
                    "id": record.id,
                    "revision": record.revision,
                    "sha256": record.content_hash(),
                }
            )
        return canonical_json(
            {
                "format": FORMAT_NAME,
                "format_version": FORMAT_VERSION,
                "event_id": self.event_id,
                "pack_id": self.pack_id,
                "pack_version": self.pack_version,
                "installation_id": self.installation_id,
                "installation_key": self.installation_key,
                "recipient": self.recipient,
                "delegate_name": self.delegate_name,
                "created": iso(self.created),
                "questionnaires": [q.to_json() for q in self.questionnaires],
                "records": sections,
                "manifest": manifest,
            }
        )


def iso(moment: dt.datetime) -> str:
    """An aware datetime as ISO 8601 UTC with a Z."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _bad(detail: str) -> ReturnRejectedError:
    return ReturnRejectedError(RejectReason.MALFORMED, detail)


def _get(obj: Mapping[str, object], key: str, kind: type | tuple[type, ...], where: str) -> object:
    value = obj.get(key)
    # bool is an int in Python; a revision of `true` is still malformed.
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise _bad(f"{where}: {key} is missing or of the wrong type")
    return value


def _str(obj: Mapping[str, object], key: str, where: str) -> str:
    return cast(str, _get(obj, key, str, where))


def _int(obj: Mapping[str, object], key: str, where: str) -> int:
    return cast(int, _get(obj, key, int, where))


def _mapping(value: object, where: str) -> Mapping[str, object]:
    if not isinstance(value, dict):
        raise _bad(f"{where} is not an object")
    return cast(Mapping[str, object], value)


def _list(value: object, where: str) -> list[object]:
    if not isinstance(value, list):
        raise _bad(f"{where} is not a list")
    return cast(list[object], value)


def parse_payload(raw: bytes) -> ReturnPayload:
    """Parse and check a payload; a broken one raises ReturnRejectedError(MALFORMED)."""
    try:
        top = _mapping(json.loads(raw), "the payload")
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _bad(f"the payload is not JSON ({exc})") from exc
    if top.get("format") != FORMAT_NAME or top.get("format_version") != FORMAT_VERSION:
        raise _bad("the payload does not say it is an fvreturn version 1")
    try:
        created = dt.datetime.fromisoformat(_str(top, "created", "payload").replace("Z", "+00:00"))
    except ValueError as exc:
        raise _bad("payload: created is not an ISO 8601 time") from exc
    if created.tzinfo is None:
        raise _bad("payload: created has no time zone")
    records: list[Record] = []
    sections = _mapping(top.get("records"), "records")
    for kind, section in _SECTIONS.items():
        required = REQUIRED[kind]
        for index, item in enumerate(_list(sections.get(section, []), section)):
            where = f"{section}[{index}]"
            obj = _mapping(item, where)
            for key, wanted in required.items():
                _get(obj, key, wanted, where)
            if kind == "answer" and "value" not in obj:
                raise _bad(f"{where}: value is missing")
            rest = {k: v for k, v in obj.items() if k not in ("id", "revision")}
            records.append(Record(kind, _str(obj, "id", where), _int(obj, "revision", where), rest))
    manifest: list[tuple[str, str, int, str]] = []
    for index, item in enumerate(_list(top.get("manifest"), "manifest")):
        obj = _mapping(item, f"manifest[{index}]")
        manifest.append(
            (
                _str(obj, "kind", "manifest"),
                _str(obj, "id", "manifest"),
                _int(obj, "revision", "manifest"),
                _str(obj, "sha256", "manifest"),
            )
        )
    expected = [(r.kind, r.id, r.revision, r.content_hash()) for r in records]
    if sorted(expected) != sorted(manifest):
        raise _bad("the manifest does not match the records it lists")
    questionnaires: list[QuestionnaireDef] = []
    for index, item in enumerate(_list(top.get("questionnaires", []), "questionnaires")):
        where = f"questionnaires[{index}]"
        obj = _mapping(item, where)
        questions = tuple(
            QuestionDef(
                id=_str(q, "id", where),
                kind=_str(q, "kind", where),
                text=_str(q, "text", where),
                options=tuple(str(o) for o in _list(q.get("options", []), where)),
            )
            for q in (_mapping(x, where) for x in _list(obj.get("questions"), where))
        )
        questionnaires.append(
            QuestionnaireDef(
                _str(obj, "uid", where), _int(obj, "version", where), _str(obj, "title", where),
                questions,
            )
        )  # fmt: skip
    return ReturnPayload(
        event_id=_str(top, "event_id", "payload"),
        pack_id=_str(top, "pack_id", "payload"),
        pack_version=_int(top, "pack_version", "payload"),
        installation_id=_str(top, "installation_id", "payload"),
        installation_key=_str(top, "installation_key", "payload"),
        recipient=_str(top, "recipient", "payload"),
        delegate_name=_str(top, "delegate_name", "payload"),
        created=created,
        records=tuple(records),
        questionnaires=tuple(questionnaires),
        # In record order, with hashes computed here, so each record has its own hash.
        manifest=tuple(expected),
    )
