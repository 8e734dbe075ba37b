"""The lessons-learned report: spreadsheets, digests, sessions, sign-up slots, delegates
and rejected files.

Writes into one folder: `questionnaires/<uid>.xlsx` (a sheet per version) and `.csv` (and
`<uid>-by-country.md` for a per-country questionnaire), `digests/<session|stop>-<uid>.md`
and `digests/general.md`, `sessions.md`/`.csv`, `signup.md`, `delegates.md`/`.csv`,
`rejected.md`/`.csv`, `conflicts.md` and an `index.md` linking them all. Whatever an
accepted return holds, the report is written (text is cleaned, HTML shown as text).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from fieldvisit.domain.collation import AnswerInfo, Digest, Overview, clean_text
from fieldvisit.domain.errors import StorageError
from fieldvisit.interop.atomic import write_atomic
from fieldvisit.interop.common import slugify
from fieldvisit.services.report_facts import NO_FACTS, EventFacts, load_packs, md, parse_time, when
from fieldvisit.services.report_tables import (
    by_country_markdown,
    questionnaire_sheets,
    session_lines,
    sessions_rows,
    signup_markdown,
    signup_slots,
)

Rows = list[list[object]]
# Spreadsheet programs run a cell starting with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


if TYPE_CHECKING:
    from fieldvisit.services.organiser import SharedUpgrade


def safe_cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _slug(text: str) -> str:
    return slugify(clean_text(text), 60) or "item"


def _csv(rows: Sequence[Sequence[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows([[safe_cell(v) for v in row] for row in rows])
    # The BOM makes spreadsheet programs read the file as UTF-8.
    return ("\ufeff" + clean_text(buffer.getvalue())).encode()


def digest_markdown(digest: Digest, facts: EventFacts = NO_FACTS) -> str:
    """A session's or stop's digest as Markdown: the report's file and the window's view.

    Times are in the event's zone with the zone named (UTC without the event's pack);
    delegates' words are quoted, with any HTML in them shown as text.
    """
    kind = {"session": "Session", "stop": "Stop", "general": "General"}[digest.kind]
    lines = [f"# {kind}: {md(digest.title)}", ""]
    known = facts.sessions.get(digest.uid) if digest.kind == "session" else None
    start: str | dt.datetime = known.start if known is not None else digest.start
    if start:
        lines += [f"Start: {when(start, facts)}", ""]
    lines += [f"{len(digest.notes)} shared note(s).", ""]
    for note in digest.notes:
        flag = " — conflicting versions" if note.conflict else ""
        tags = f" · tags: {md(', '.join(note.tags))}" if note.tags else ""
        updated = f" · {when(note.updated, facts)}" if parse_time(note.updated) else ""
        lines.append(f"## {md(note.delegate)} (revision {note.revision}{flag}){tags}{updated}")
        lines.append("")
        lines += [f"> {md(line)}" if line else ">" for line in note.body.splitlines()]
        lines.append("")
    return "\n".join(lines)


def _clean_rows(rows: Rows) -> Rows:
    return [[clean_text(v) if isinstance(v, str) else v for v in row] for row in rows]


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    def cell(value: object) -> str:
        return str(value).replace("|", "\\|").replace("\n", " ")

    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return out


def write_report(
    overview: Overview, folder: Path, facts: Mapping[str, EventFacts] | None = None
) -> list[Path]:
    """Write every report file into `folder` (created); returns the files written.

    `facts` (by event id, from the organisers' packs) give times in the event's zone,
    every session, sign-up groups and scale labels.
    """
    facts = facts or {}
    try:
        (folder / "questionnaires").mkdir(parents=True, exist_ok=True)
        (folder / "digests").mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            f"cannot create the report folder ({exc.strerror})", path=folder
        ) from exc
    written: list[Path] = []

    def put(relative: str, data: bytes | str) -> None:
        path = folder / relative
        # Text from a crafted return can hold what UTF-8 cannot (a lone surrogate).
        write_atomic(path, data if isinstance(data, bytes) else clean_text(data).encode())
        written.append(path)

    # Several events in one store: file names start with the event id to keep them apart.
    events = {r.event_id for r in overview.returns}

    def facts_of(event_id: str) -> EventFacts:
        return facts.get(event_id, NO_FACTS)

    def stem(event_id: str, name: str) -> str:
        return f"{_slug(event_id)}-{name}" if len(events) > 1 else name

    by_questionnaire: dict[tuple[str, str], list[AnswerInfo]] = defaultdict(list)
    for a in overview.answers:
        by_questionnaire[(a.event_id, a.questionnaire_uid)].append(a)
    for (event_id, uid), answers in sorted(by_questionnaire.items()):
        base = stem(event_id, _slug(uid))
        path = folder / "questionnaires" / f"{base}.xlsx"
        # Imported here so a report without questionnaires needs no workbook code.
        # write_rows_xlsx stores text as text: no formula injection there.
        from fieldvisit.interop.spreadsheet import write_rows_xlsx

        sheets = questionnaire_sheets(answers, overview, facts_of(event_id))
        write_rows_xlsx(path, {name: _clean_rows(rows) for name, rows in sheets.items()})
        written.append(path)
        grouped = by_country_markdown(answers, overview, answers[0].questionnaire_title)
        if grouped is not None:
            put(f"questionnaires/{base}-by-country.md", grouped)
        rows: Rows = [
            ["Version", "Questionnaire", "Delegate", "Installation", "Session", "Question id",
             "Question", "Answer", "Revision", "Conflict"],
        ]  # fmt: skip
        for a in sorted(answers, key=lambda a: (a.questionnaire_version, a.delegate)):
            rows.append(
                [a.questionnaire_version, a.questionnaire_title, a.delegate, a.installation_id,
                 a.session_title or a.session_uid, a.question_uid, a.question_text, a.value,
                 a.revision, "yes" if a.conflict else ""]
            )  # fmt: skip
        put(f"questionnaires/{base}.csv", _csv(rows))

    for digest in overview.digests:
        name = "general" if digest.kind == "general" else f"{digest.kind}-{_slug(digest.uid)}"
        put(
            f"digests/{stem(digest.event_id, name)}.md",
            digest_markdown(digest, facts_of(digest.event_id)),
        )

    sessions_md = ["# Sessions", ""]
    signup_md = ["# Sign-up slots", "", "Who chose which working group in each slot.", ""]
    for event_id in sorted(events | set(facts)):
        event_facts = facts_of(event_id)
        rows = sessions_rows(session_lines(overview, event_id, event_facts), event_facts)
        put(f"{stem(event_id, 'sessions')}.csv", _csv(rows))
        if len(events | set(facts)) > 1:
            sessions_md += [f"## {md(event_id)}", ""]
            signup_md += [f"## {md(event_id)}", ""]
        header = [str(v) for v in rows[0]]
        sessions_md += [*_table(header, [[md(str(v)) for v in r] for r in rows[1:]]), ""]
        sessions_md += [f"Times in {event_facts.zone_name}.", ""]
        slots = signup_slots(overview, event_id, event_facts)
        signup_md += signup_markdown(slots, event_facts, _table) if slots else ["None.", ""]
    put("sessions.md", "\n".join(sessions_md))
    put("signup.md", "\n".join(signup_md))

    delegate_rows: Rows = [
        [d.name, d.installation_id, d.returns, d.notes, d.answers, d.picks, d.ratings]
        for d in overview.delegates
    ]
    header = ["Delegate", "Installation", "Returns", "Notes", "Answers", "Picks", "Ratings"]
    put("delegates.csv", _csv([header, *delegate_rows]))
    delegate_md = [[md(str(v)) for v in row] for row in delegate_rows]
    put("delegates.md", "\n".join(["# Delegates", "", *_table(header, delegate_md), ""]))

    rejected_rows: Rows = [[md(r.filename), r.reason, md(r.detail)] for r in overview.rejections]
    put("rejected.csv", _csv([["File", "Reason", "Detail"], *rejected_rows]))
    rejected_md = ["# Rejected files", ""]
    rejected_md += (
        _table(["File", "Reason", "Detail"], rejected_rows) if rejected_rows else ["None."]
    )
    put("rejected.md", "\n".join([*rejected_md, ""]))

    conflict_rows: Rows = [
        [c.kind, md(c.record_id), md(c.delegate), c.revision, md(" / ".join(c.versions))]
        for c in overview.conflicts
    ]
    conflicts_md = ["# Conflicts", "", "Same record and revision, different content.", ""]
    conflicts_md += (
        _table(["Kind", "Record", "Delegate", "Revision", "Versions"], conflict_rows)
        if conflict_rows
        else ["None."]
    )
    put("conflicts.md", "\n".join([*conflicts_md, ""]))

    index = [
        "# Collation report",
        "",
        f"{len(overview.returns)} return(s) from {len(overview.delegates)} delegate(s); "
        f"{len(overview.rejections)} file(s) rejected; {len(overview.conflicts)} conflict(s).",
        "",
        *(f"- [{p.relative_to(folder)}]({p.relative_to(folder).as_posix()})" for p in written),
        "",
    ]
    put("index.md", "\n".join(index))
    return written


def report_from_store(
    db: str | Path,
    folder: Path,
    *,
    password: str | None = None,
    packs: Sequence[Path] = (),
    upgrade: SharedUpgrade | None = None,
) -> list[Path]:
    """Open the collation store `db` (a path or a URL) and write the report into `folder`,
    with what the organisers' event `packs` say (zone, sessions, sign-up groups, scales)."""
    from fieldvisit.services.organiser import open_existing, read_overview

    facts = load_packs(list(packs))
    store = open_existing(db, password=password, upgrade=upgrade)
    try:
        overview = read_overview(store)
    finally:
        store.close()
    return write_report(overview, folder, facts)
