"""The plaintext payload of a return: its records, manifest and (de)serialisation to JSON.

A record is kind + id + revision + kind-specific fields. Its content hash is SHA-256 of
the canonical JSON of the whole record, so the same content always hashes the same.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import itertools
import json
import operator
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from fieldvisit.domain.limits import MAX_INT, MIN_INT, YEAR_RANGE, date_in_range, find_odd_value
from fieldvisit.returns.format import (
    FORMAT_NAME,
    PAYLOAD_VERSION,
    RejectReason,
    ReturnRejectedError,
    canonical_json,
)

KINDS = ("note", "answer", "pick", "rating")
# The fields each record kind must carry, with their JSON types.
REQUIRED: dict[str, dict[str, type]] = {
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
# Per kind: the keys every record must have and their exact JSON types, in one order.
_SHAPES: dict[str, tuple[tuple[str, ...], tuple[type, ...]]] = {
    kind: (("id", "revision", *fields), (str, int, *fields.values()))
    for kind, fields in REQUIRED.items()
}
_SECTIONS = {"note": "notes", "answer": "answers", "pick": "picks", "rating": "ratings"}
# Per kind: for each of its fields in _SHAPES order, the one type its values may have.
_TYPE_SETS = {kind: [{t} for t in types] for kind, (_keys, types) in _SHAPES.items()}
_TYPES = functools.partial(map, type)  # the types of a sequence's values


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
        # Manifest entries follow the records in section order, so entry i is record i.
        for kind, section in _SECTIONS.items():
            for record in self.records:
                if record.kind != kind:
                    continue
                sections[section].append(record.to_json())
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
                "format_version": PAYLOAD_VERSION,
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


_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


def _ints_in_range(values: Iterable[int]) -> bool:
    """Every value within 64 bits (checked by C min/max over the already-typed values)."""
    seq = list(values)
    return not seq or (MIN_INT <= min(seq) and max(seq) <= MAX_INT)


def _refuse_odd(data: object) -> None:
    """A lone surrogate (`\\ud800`) anywhere in the payload: it cannot be stored as text."""
    found = find_odd_value(data, "payload")
    if found is not None:
        where, problem = found
        raise _bad(f"{where}: {problem}")


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


_FIRST, _SECOND = operator.itemgetter(0), operator.itemgetter(1)
# A manifest entry (kind, id, revision, sha256): its record key, and its hash.
_KEY, _HASH = operator.itemgetter(slice(0, 3)), operator.itemgetter(3)


def _first_bad(
    items: list[Any], fetch: operator.itemgetter[Any], types: tuple[type, ...], kind: str
) -> int:
    """The index of the first malformed record, for the error message (slow path)."""
    for index, item in enumerate(items):
        try:
            if tuple(map(type, fetch(item))) != types:
                return index
        except (KeyError, TypeError):
            return index
        if kind == "answer" and "value" not in item:
            return index
    return 0


def parse_payload(
    raw: bytes, *, check_hashes: bool = True, build_records: bool = True
) -> ReturnPayload:
    """Parse and check a payload; a broken one raises ReturnRejectedError(MALFORMED).

    `manifest` comes back in record order, checked against the records. The collation's
    fast path passes `check_hashes=False` (the signed manifest's hashes are taken as they
    are; see docs/returns-format.md) and `build_records=False` (every record is checked,
    but `records` comes back empty: the manifest is all it needs).
    """
    try:
        parsed = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _bad(f"the payload is not JSON ({exc})") from exc
    except RecursionError as exc:  # absurdly deep nesting
        raise _bad("the payload nests too deeply") from exc
    except ValueError as exc:  # an integer of thousands of digits (Python's int-string limit)
        raise _bad(f"the payload holds a number too large to read ({exc})") from exc
    if _SURROGATE_ESCAPE.search(raw):  # a C scan; the walk runs only on a suspect payload
        _refuse_odd(parsed)
    top = _mapping(parsed, "the payload")
    if top.get("format") != FORMAT_NAME or top.get("format_version") != PAYLOAD_VERSION:
        raise _bad("the payload does not say it is an fvreturn version 1")
    try:
        created = dt.datetime.fromisoformat(_str(top, "created", "payload").replace("Z", "+00:00"))
    except ValueError as exc:
        raise _bad("payload: created is not an ISO 8601 time") from exc
    if created.tzinfo is None:
        raise _bad("payload: created has no time zone")
    if not date_in_range(created):
        raise _bad(f"payload: created {created.year} is outside {YEAR_RANGE}")
    records: list[Record] = []
    listed_keys: list[tuple[str, str, int]] = []
    sections = _mapping(top.get("records"), "records")
    for kind, section in _SECTIONS.items():
        keys, types = _SHAPES[kind]
        fetch = operator.itemgetter(*keys)
        # Any: the shape check below is what proves each item is a well-formed object.
        items = cast(list[Any], _list(sections.get(section, []), section))
        # Exact types of every field of every record, checked a field at a time by C
        # loops (zip, map, set): a return of 50 records costs microseconds, and a bool
        # never passes for an int.
        try:
            values = list(map(fetch, items))
            # Per field, its values in record order: columns[0] the ids, [1] the revisions.
            columns = list(zip(*values, strict=True))
            well_formed = not items or list(map(set, map(_TYPES, columns))) == _TYPE_SETS[kind]
        except (KeyError, TypeError):
            well_formed = False
        if not well_formed or (
            kind == "answer" and not all(map(operator.contains, items, itertools.repeat("value")))
        ):
            raise _bad(f"{section}[{_first_bad(items, fetch, types, kind)}] lacks a field or "
                       "has one of the wrong type")  # fmt: skip
        if not items:
            continue
        if not _ints_in_range(columns[1]):
            raise _bad(f"{section}: a revision is outside 64 bits")
        listed_keys.extend(zip(itertools.repeat(kind), columns[0], columns[1]))
        if build_records:
            # The item itself holds the fields (id and revision repeat harmlessly).
            records.extend(
                Record(kind, v[0], v[1], item) for v, item in zip(values, items, strict=True)
            )
    getter = operator.itemgetter("kind", "id", "revision", "sha256")
    try:
        listed = list(map(getter, cast(list[Any], _list(top.get("manifest"), "manifest"))))
    except (KeyError, TypeError) as exc:
        raise _bad("a manifest entry lacks kind, id, revision or sha256") from exc
    if list(map(_KEY, listed)) != listed_keys:
        raise _bad("the manifest does not list exactly the records, in order")
    if not set(map(type, map(_HASH, listed))) <= {str}:
        raise _bad("a manifest hash is not a string")
    if check_hashes and build_records:
        for record, entry in zip(records, listed, strict=True):
            if entry[3] != record.content_hash():
                raise _bad(f"the content hash of {record.kind} {record.id} is wrong")
    manifest = cast(list[tuple[str, str, int, str]], listed)
    for name in ("pack_version",):
        if not _ints_in_range([_int(top, name, "payload")]):
            raise _bad(f"payload: {name} is outside 64 bits")
    for kind, section in (("answer", "answers"), ("rating", "ratings")):
        number = "questionnaire_version" if kind == "answer" else "stars"
        items = cast(list[Any], sections.get(section, []))
        if items and not _ints_in_range(map(operator.itemgetter(number), items)):
            raise _bad(f"{section}: a {number} is outside 64 bits")
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
        if not _ints_in_range([_int(obj, "version", where)]):
            raise _bad(f"{where}: version is outside 64 bits")
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
        manifest=tuple(manifest),
    )
