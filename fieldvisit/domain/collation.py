"""What the organisers read from a collation store: frozen dataclasses for the report and
the Organiser window (no database here; storage/collation/views.py fills them)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ReturnInfo:
    filename: str
    delegate: str
    installation_id: str
    event_id: str
    created: dt.datetime
    collated_at: dt.datetime
    added: int
    skipped: int
    superseded: int
    conflicts: int
    organiser: str = ""  # who collated it (empty for returns collated before runs were kept)
    host: str = ""


@dataclass(frozen=True, slots=True)
class RunInfo:
    """One collation run: who, on which computer, when, and what it did."""

    pk: int
    organiser: str
    host: str
    started_at: dt.datetime
    finished_at: dt.datetime | None
    files: int
    accepted: int
    rejected: int
    already: int


@dataclass(frozen=True, slots=True)
class RejectionInfo:
    filename: str
    reason: str
    detail: str
    rejected_at: dt.datetime


@dataclass(frozen=True, slots=True)
class DelegateInfo:
    installation_id: str
    name: str
    first_seen: dt.datetime
    returns: int
    notes: int
    answers: int
    picks: int
    ratings: int


@dataclass(frozen=True, slots=True)
class AnswerInfo:
    questionnaire_uid: str
    questionnaire_version: int
    questionnaire_title: str
    question_uid: str
    question_text: str
    session_uid: str
    session_title: str
    delegate: str
    installation_id: str
    value: str
    revision: int
    conflict: bool
    event_id: str = ""
    number: float | None = None  # the value when it is a number (scale answers)
    question_kind: str = ""


@dataclass(frozen=True, slots=True)
class NoteInfo:
    record_id: str
    target_kind: str
    target_uid: str
    target_title: str
    target_start: str
    delegate: str
    installation_id: str
    body: str
    tags: tuple[str, ...]
    revision: int
    conflict: bool
    updated: str
    event_id: str = ""


@dataclass(frozen=True, slots=True)
class Digest:
    """Every shared note on one session or stop ("general" for notes without a target)."""

    kind: str
    uid: str
    title: str
    start: str
    notes: tuple[NoteInfo, ...]
    event_id: str = ""


@dataclass(frozen=True, slots=True)
class ConflictInfo:
    kind: str
    record_id: str
    delegate: str
    installation_id: str
    revision: int
    versions: tuple[str, ...]  # a short text of each differing content


@dataclass(frozen=True, slots=True)
class QuestionnaireInfo:
    uid: str
    version: int
    title: str
    questions: tuple[tuple[str, str], ...]  # (question id, text)
    event_id: str = ""
    kinds: tuple[str, ...] = ()  # each question's kind, in the same order
    options: tuple[tuple[str, ...], ...] = ()  # each question's options, in the same order


@dataclass(frozen=True, slots=True)
class PickInfo:
    """A session a delegate put on their agenda (their current pick)."""

    session_uid: str
    session_title: str
    session_start: str  # ISO 8601 as the return carried it
    installation_id: str
    event_id: str = ""


@dataclass(frozen=True, slots=True)
class RatingInfo:
    session_uid: str
    session_title: str
    stars: float
    installation_id: str
    event_id: str = ""


@dataclass(frozen=True, slots=True)
class Overview:
    returns: tuple[ReturnInfo, ...] = ()
    rejections: tuple[RejectionInfo, ...] = ()
    delegates: tuple[DelegateInfo, ...] = ()
    answers: tuple[AnswerInfo, ...] = ()
    digests: tuple[Digest, ...] = ()
    conflicts: tuple[ConflictInfo, ...] = ()
    questionnaires: tuple[QuestionnaireInfo, ...] = ()
    runs: tuple[RunInfo, ...] = ()
    picks: tuple[PickInfo, ...] = ()
    ratings: tuple[RatingInfo, ...] = ()


def clean_text(value: str) -> str:
    """Text every database, file and widget takes: a lone surrogate (an undecodable file
    name, or a JSON escape in a crafted return) and NUL become U+FFFD."""
    if value.isascii() and "\x00" not in value:
        return value
    # surrogatepass writes each lone surrogate as bytes no UTF-8 decoder accepts.
    fixed = value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    return fixed.replace("\x00", "\ufffd")
