"""The report's tables: questionnaire sheets (scale answers as numbers, grouped by country
where a questionnaire asks it), sessions (picks, ratings, notes) and sign-up slots."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from fieldvisit.domain.collation import AnswerInfo, Overview, QuestionnaireInfo
from fieldvisit.services.report_facts import EventFacts, md, parse_time, when

Rows = list[list[object]]
# The convention of docs/pack-format.md: a questionnaire with a question of this id has
# its answers grouped by the answer to it.
COUNTRY = "country"


def _definition(
    overview: Overview, event_id: str, uid: str, version: int
) -> QuestionnaireInfo | None:
    return next(
        (
            q
            for q in overview.questionnaires
            if (q.event_id, q.uid, q.version) == (event_id, uid, version)
        ),
        None,
    )


@dataclass(frozen=True, slots=True)
class _Column:
    id: str
    text: str
    kind: str
    options: tuple[str, ...]


def _columns(items: Sequence[AnswerInfo], definition: QuestionnaireInfo | None) -> list[_Column]:
    columns: list[_Column] = []
    if definition is not None:
        kinds = list(definition.kinds) + [""] * len(definition.questions)
        options = list(definition.options) + [()] * len(definition.questions)
        columns = [
            _Column(qid, text, kinds[i], options[i])
            for i, (qid, text) in enumerate(definition.questions)
        ]
    known = {c.id for c in columns}
    for a in items:
        if a.question_uid not in known:
            columns.append(_Column(a.question_uid, a.question_text, a.question_kind, ()))
            known.add(a.question_uid)
    return columns


def _scale_header(column: _Column, uid: str, version: int, facts: EventFacts) -> str:
    if column.kind != "scale":
        return ""
    scale = facts.scales.get((uid, version, column.id))
    if scale is not None:
        return scale.header()
    return " / ".join(column.options) if column.options else "number"


def questionnaire_sheets(
    answers: Sequence[AnswerInfo], overview: Overview, facts: EventFacts
) -> dict[str, Rows]:
    """One sheet per version: a row per delegate and session, a column per question.

    A scale question's answers are numbers, and a second header row gives each scale's
    labels. A questionnaire with a `country` question has a Country column first and its
    rows grouped by country.
    """
    by_version: dict[int, list[AnswerInfo]] = defaultdict(list)
    for a in answers:
        by_version[a.questionnaire_version].append(a)
    sheets: dict[str, Rows] = {}
    for version in sorted(by_version):
        items = by_version[version]
        uid, event_id = items[0].questionnaire_uid, items[0].event_id
        columns = _columns(items, _definition(overview, event_id, uid, version))
        scale_columns = {c.id for c in columns if c.kind == "scale"}
        grid: dict[tuple[str, str, str], dict[str, object]] = defaultdict(dict)
        for a in items:
            cell = grid[(a.delegate, a.installation_id, a.session_title or a.session_uid)]
            previous = cell.get(a.question_uid)
            flag = " [conflict]" if a.conflict else ""
            if a.question_uid in scale_columns and a.number is not None and not previous:
                value: object = int(a.number) if a.number.is_integer() else a.number
                cell[a.question_uid] = f"{value}{flag}" if flag else value
            else:
                text = f"{previous} | {a.value}{flag}" if previous else a.value + flag
                cell[a.question_uid] = text
        by_country = any(c.id == COUNTRY for c in columns)
        lead = ["Country"] if by_country else []
        rows: Rows = [[*lead, "Delegate", "Installation", "Session", *(c.text for c in columns)]]
        if scale_columns:
            labels = [_scale_header(c, uid, version, facts) for c in columns]
            rows.append([*([""] * len(lead)), "Scale", "", "", *labels])

        def key(
            item: tuple[tuple[str, str, str], dict[str, object]], grouped: bool = by_country
        ) -> tuple[str, ...]:
            (delegate, installation, session), cells = item
            country = str(cells.get(COUNTRY, "")) if grouped else ""
            return (country.casefold(), delegate.casefold(), installation, session)

        for (delegate, installation, session), cells in sorted(grid.items(), key=key):
            country = [cells.get(COUNTRY, "") or "(no country)"] if by_country else []
            rows.append(
                [*country, delegate, installation, session, *(cells.get(c.id, "") for c in columns)]
            )
        sheets[f"v{version}"] = rows
    return sheets


def by_country_markdown(
    answers: Sequence[AnswerInfo], overview: Overview, title: str
) -> str | None:
    """The answers of a per-country questionnaire, one section per country (None when the
    questionnaire asks no `country`)."""
    if not any(a.question_uid == COUNTRY for a in answers):
        return None
    respondent = lambda a: (a.installation_id, a.session_uid, a.questionnaire_version)  # noqa: E731
    country_of = {respondent(a): a.value for a in answers if a.question_uid == COUNTRY}
    groups: dict[str, list[AnswerInfo]] = defaultdict(list)
    for a in answers:
        if a.question_uid != COUNTRY:
            groups[country_of.get(respondent(a), "") or "(no country)"].append(a)
    lines = [f"# {md(title)}: answers by country", ""]
    for country in sorted(groups, key=str.casefold):
        items = groups[country]
        people = {a.installation_id for a in items}
        lines += [f"## {md(country)}", "", f"{len(people)} delegate(s).", ""]
        by_question: dict[str, list[AnswerInfo]] = defaultdict(list)
        for a in items:
            by_question[a.question_text or a.question_uid].append(a)
        for question, given in by_question.items():
            numbers = [a.number for a in given if a.number is not None]
            if numbers and len(numbers) == len(given):
                mean = sum(numbers) / len(numbers)
                lines.append(f"- **{md(question)}**: mean {mean:.2f} of {len(numbers)}")
            else:
                lines.append(f"- **{md(question)}**")
                lines += [f"  - {md(a.value)} ({md(a.delegate)})" for a in given]
        lines.append("")
    return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class SessionLine:
    uid: str
    title: str
    start: dt.datetime | None
    picked_by: int
    ratings: int
    mean: float | None
    notes: int


def session_lines(overview: Overview, event_id: str, facts: EventFacts) -> list[SessionLine]:
    """Per session of one event: delegates who picked it, ratings (count, mean), notes."""
    titles: dict[str, str] = {uid: s.title for uid, s in facts.sessions.items()}
    starts: dict[str, dt.datetime | None] = {uid: s.start for uid, s in facts.sessions.items()}
    pickers: dict[str, set[str]] = defaultdict(set)
    stars: dict[str, list[float]] = defaultdict(list)
    notes: dict[str, int] = defaultdict(int)
    for p in overview.picks:
        if p.event_id == event_id and p.session_uid:
            pickers[p.session_uid].add(p.installation_id)
            titles.setdefault(p.session_uid, p.session_title)
            starts.setdefault(p.session_uid, parse_time(p.session_start))
    for r in overview.ratings:
        if r.event_id == event_id and r.session_uid:
            stars[r.session_uid].append(r.stars)
            titles.setdefault(r.session_uid, r.session_title)
    for d in overview.digests:
        if d.event_id == event_id and d.kind == "session":
            notes[d.uid] = len(d.notes)
            titles.setdefault(d.uid, d.title)
            starts.setdefault(d.uid, parse_time(d.start))
    uids = set(pickers) | set(stars) | set(notes) | set(facts.sessions)
    far = dt.datetime.max.replace(tzinfo=dt.UTC)
    lines = [
        SessionLine(
            uid, titles.get(uid) or uid, starts.get(uid), len(pickers[uid]), len(stars[uid]),
            sum(stars[uid]) / len(stars[uid]) if stars[uid] else None, notes[uid],
        )
        for uid in uids
    ]  # fmt: skip
    lines.sort(key=lambda s: (s.start or far, s.title.casefold()))
    return lines


def sessions_rows(lines: Sequence[SessionLine], facts: EventFacts) -> Rows:
    rows: Rows = [["Session", "Start", "Picked by", "Ratings", "Mean rating", "Notes shared"]]
    for s in lines:
        rows.append(
            [s.title, when(s.start, facts) if s.start else "", s.picked_by, s.ratings,
             "" if s.mean is None else f"{s.mean:.2f}", s.notes]
        )  # fmt: skip
    return rows


@dataclass(frozen=True, slots=True)
class Slot:
    """Sessions a delegate chooses between (a sign-up group at one time), and who chose."""

    start: dt.datetime | None
    group: str
    choices: tuple[tuple[str, str, tuple[str, ...]], ...]  # (uid, title, delegate names)


def signup_slots(overview: Overview, event_id: str, facts: EventFacts) -> list[Slot]:
    """From the pack's sign-up groups; without a pack, picked sessions that start at the
    same time."""
    names = {d.installation_id: d.name for d in overview.delegates}
    pickers: dict[str, set[str]] = defaultdict(set)
    titles: dict[str, str] = {}
    starts: dict[str, dt.datetime | None] = {}
    for p in overview.picks:
        if p.event_id == event_id and p.session_uid:
            pickers[p.session_uid].add(p.installation_id)
            titles.setdefault(p.session_uid, p.session_title)
            starts.setdefault(p.session_uid, parse_time(p.session_start))
    groups: dict[tuple[dt.datetime | None, str], list[str]] = defaultdict(list)
    if any(s.signup_group for s in facts.sessions.values()):
        for uid, s in facts.sessions.items():
            if s.signup_group:
                groups[(s.start, s.signup_group)].append(uid)
                titles[uid] = s.title
    else:
        for uid in pickers:
            groups[(starts.get(uid), "")].append(uid)
        groups = {k: v for k, v in groups.items() if len(v) > 1 and k[0] is not None}
    far = dt.datetime.max.replace(tzinfo=dt.UTC)
    slots = [
        Slot(
            start, group,
            tuple(
                (uid, titles.get(uid) or uid,
                 tuple(sorted((names.get(i, i[:8]) for i in pickers[uid]), key=str.casefold)))
                for uid in sorted(uids, key=lambda u: (titles.get(u) or u).casefold())
            ),
        )
        for (start, group), uids in groups.items()
    ]  # fmt: skip
    slots.sort(key=lambda s: (s.start or far, s.group))
    return slots


def signup_markdown(
    slots: Sequence[Slot],
    facts: EventFacts,
    table: Callable[[Sequence[str], Sequence[Sequence[object]]], list[str]],
) -> list[str]:
    lines: list[str] = []
    for slot in slots:
        heading = when(slot.start, facts) if slot.start else "(no time)"
        if slot.group:
            heading += f" · sign-up group {md(slot.group)}"
        rows = [
            [md(title), len(people), md(", ".join(people))] for _, title, people in slot.choices
        ]
        lines += [f"## {heading}", "", *table(["Working group", "Delegates", "Who"], rows), ""]
    return lines
