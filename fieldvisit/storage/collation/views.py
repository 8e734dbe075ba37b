"""Read-only views of a collation store as frozen dataclasses: for the report and the window."""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fieldvisit.domain.collation import (
    AnswerInfo,
    ConflictInfo,
    DelegateInfo,
    Digest,
    NoteInfo,
    Overview,
    PickInfo,
    QuestionnaireInfo,
    RatingInfo,
    RejectionInfo,
    ReturnInfo,
    RunInfo,
    clean_text,
)
from fieldvisit.storage.collation.models import (
    QuestionnaireDefRow,
    ReceivedRow,
    RecordRow,
    RejectedRow,
    RunRow,
    SenderRow,
)
from fieldvisit.storage.collation.payloads import unpack_payload

# Far beyond any real answer or note; a crafted return may carry more.
MAX_TEXT = 100_000


def display_value(value: object) -> str:
    """An answer's value as text (lists joined), clean of what no file or widget takes."""
    if isinstance(value, list):
        text = "; ".join(display_value(v) for v in value)
    elif isinstance(value, dict):  # no app writes one; a crafted return may
        text = json.dumps(value, ensure_ascii=False, default=str)
    else:
        text = "" if value is None else str(value)
    return clean_text(text[:MAX_TEXT])


def _text(data: dict[str, object], key: str) -> str:
    value = data.get(key, "")
    return clean_text(value[:MAX_TEXT]) if isinstance(value, str) else display_value(value)


def _number(value: object) -> float | None:
    """A finite number of sane size, else None (huge integers stay text)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, int) and abs(value) > 2**53:
        return None
    number = float(value)
    return number if math.isfinite(number) else None


_SECTIONS = {"note": "notes", "answer": "answers", "pick": "picks", "rating": "ratings"}


def _payloads(session: Session, pks: set[int]) -> dict[int, dict[str, object]]:
    """The decoded payloads of the given received returns (contents are stored once)."""
    found: dict[int, dict[str, object]] = {}
    rows = session.execute(select(ReceivedRow.pk, ReceivedRow.payload))
    for pk, payload in rows:
        if pk in pks:
            found[pk] = json.loads(unpack_payload(payload))
    return found


def record_data(payloads: dict[int, dict[str, object]], row: RecordRow) -> dict[str, object]:
    """A record's fields, read from the payload it arrived in."""
    payload = payloads.get(row.received_pk, {})
    sections = payload.get("records")
    items = sections.get(_SECTIONS.get(row.kind, ""), []) if isinstance(sections, dict) else []
    if isinstance(items, list) and 0 <= row.position < len(items):
        item = items[row.position]
        if isinstance(item, dict):
            return item
    return {}


def _tags(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(clean_text(t[:200]) for t in value if isinstance(t, str))


def load_overview(session: Session) -> Overview:
    """Everything the report and the Organiser window show, in one read."""
    senders = {s.installation_id: s for s in session.scalars(select(SenderRow))}

    def name(installation_id: str) -> str:
        sender = senders.get(installation_id)
        return (sender.delegate_name if sender else "") or installation_id[:8]

    runs = session.scalars(select(RunRow).order_by(RunRow.pk)).all()
    by_run = {r.pk: r for r in runs}
    received = session.scalars(
        select(ReceivedRow).order_by(ReceivedRow.collated_at, ReceivedRow.pk)
    ).all()

    def who(run_pk: int | None) -> tuple[str, str]:
        run = by_run.get(run_pk) if run_pk is not None else None
        return (run.organiser, run.host) if run is not None else ("", "")

    returns = tuple(
        ReturnInfo(
            r.filename, name(r.installation_id), r.installation_id, r.event_id, r.created,
            r.collated_at, r.added, r.skipped, r.superseded, r.conflicts, *who(r.run_pk),
        )
        for r in received
    )  # fmt: skip
    rejections = tuple(
        RejectionInfo(r.filename, r.reason, r.detail, r.rejected_at)
        for r in session.scalars(select(RejectedRow).order_by(RejectedRow.rejected_at))
    )
    event_of = {r.pk: r.event_id for r in received}
    # Keyed by event too: one store may hold several events (one per event is the rule).
    questionnaires: dict[tuple[str, str, int], QuestionnaireInfo] = {}
    for q in session.scalars(select(QuestionnaireDefRow)):
        items = [x for x in (q.questions if isinstance(q.questions, list) else [])
                 if isinstance(x, dict)]  # fmt: skip
        pairs = tuple((_text(x, "id"), _text(x, "text")) for x in items)
        kinds = tuple(_text(x, "kind") for x in items)
        options = tuple(
            tuple(display_value(o) for o in x.get("options") or [] if o is not None)
            if isinstance(x.get("options"), list)
            else ()
            for x in items
        )
        questionnaires[(q.event_id, q.uid, q.version)] = QuestionnaireInfo(
            q.uid, q.version, q.title, pairs, q.event_id, kinds, options
        )

    counts: dict[str, Counter[str]] = defaultdict(Counter)
    answers: list[AnswerInfo] = []
    picks: list[PickInfo] = []
    ratings: list[RatingInfo] = []
    by_target: dict[tuple[str, str, str], list[NoteInfo]] = defaultdict(list)
    conflicts: dict[tuple[str, str, str, int], list[str]] = defaultdict(list)
    records = session.scalars(
        select(RecordRow).where(RecordRow.current).order_by(RecordRow.pk)
    ).all()
    payloads = _payloads(session, {r.received_pk for r in records})
    for r in records:
        counts[r.installation_id][r.kind] += 1
        data = record_data(payloads, r)
        event_id = event_of.get(r.received_pk, "")
        if r.conflict:
            short = _text(data, "body") or display_value(data.get("value", data.get("stars")))
            conflicts[(r.kind, r.record_id, r.installation_id, r.revision)].append(short[:80])
        if r.kind == "note":
            note = NoteInfo(
                r.record_id, _text(data, "target_kind"), _text(data, "target_uid"),
                _text(data, "target_title"), _text(data, "target_start"), name(r.installation_id),
                r.installation_id, _text(data, "body"),
                _tags(data.get("tags")),
                r.revision, r.conflict, _text(data, "updated"), event_id,
            )  # fmt: skip
            kind = note.target_kind if note.target_kind in ("session", "stop") else "general"
            uid = note.target_uid if kind != "general" else ""
            by_target[(event_id, kind, uid)].append(note)
        elif r.kind == "answer":
            q_uid = _text(data, "questionnaire_uid")
            version = data.get("questionnaire_version")
            version = version if isinstance(version, int) else 0
            definition = questionnaires.get((event_id, q_uid, version))
            question_uid = _text(data, "question_uid")
            text = dict(definition.questions).get(question_uid, question_uid) if definition else ""
            kind = (
                dict(zip((i for i, _ in definition.questions), definition.kinds, strict=False)).get(
                    question_uid, ""
                )
                if definition
                else ""
            )
            raw = data.get("value")
            answers.append(
                AnswerInfo(
                    q_uid, version, definition.title if definition else q_uid, question_uid,
                    text or question_uid, _text(data, "session_uid"),
                    _text(data, "session_title"), name(r.installation_id), r.installation_id,
                    display_value(raw), r.revision, r.conflict, event_id, _number(raw), kind,
                )
            )  # fmt: skip
        elif r.kind == "pick":
            picks.append(
                PickInfo(
                    _text(data, "session_uid"), _text(data, "session_title"),
                    _text(data, "session_start"), r.installation_id, event_id,
                )
            )  # fmt: skip
        elif r.kind == "rating":
            stars = _number(data.get("stars"))
            if stars is not None:
                ratings.append(
                    RatingInfo(
                        _text(data, "session_uid"), _text(data, "session_title"), stars,
                        r.installation_id, event_id,
                    )
                )  # fmt: skip
    digests = []
    for (event_id, kind, uid), notes in by_target.items():
        first = notes[0]
        title = first.target_title or uid if kind != "general" else "General notes"
        notes.sort(key=lambda n: (n.delegate.lower(), n.updated))
        digests.append(Digest(kind, uid, title, first.target_start, tuple(notes), event_id))
    digests.sort(key=lambda d: (d.event_id, d.kind == "general", d.start, d.title))
    returns_by = Counter(r.installation_id for r in received)
    delegates = tuple(
        sorted(
            (
                DelegateInfo(
                    s.installation_id, name(s.installation_id), s.first_seen,
                    returns_by[s.installation_id], counts[s.installation_id]["note"],
                    counts[s.installation_id]["answer"], counts[s.installation_id]["pick"],
                    counts[s.installation_id]["rating"],
                )
                for s in senders.values()
            ),
            key=lambda d: d.name.lower(),
        )
    )  # fmt: skip
    return Overview(
        returns=returns,
        rejections=rejections,
        delegates=delegates,
        answers=tuple(answers),
        digests=tuple(digests),
        conflicts=tuple(
            ConflictInfo(k[0], k[1], name(k[2]), k[2], k[3], tuple(v)) for k, v in conflicts.items()
        ),
        questionnaires=tuple(questionnaires[k] for k in sorted(questionnaires)),
        picks=tuple(picks),
        ratings=tuple(ratings),
        runs=tuple(
            RunInfo(
                r.pk,
                r.organiser,
                r.host,
                r.started_at,
                r.finished_at,
                r.files,
                r.accepted,
                r.rejected,
                r.already,
            )
            for r in reversed(runs)
        ),
    )


def load_marker(session: Session) -> tuple[int, int, int, int]:
    """(received, rejected, runs, the last received row's key): how far the store has come."""
    received, last = session.execute(
        select(func.count(ReceivedRow.pk), func.coalesce(func.max(ReceivedRow.pk), 0))
    ).one()
    rejected = session.scalar(select(func.count(RejectedRow.pk))) or 0
    runs = session.scalar(select(func.count(RunRow.pk))) or 0
    return int(received), int(rejected), int(runs), int(last)
