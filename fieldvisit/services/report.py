"""The lessons-learned report: spreadsheets, digests, delegates and rejected files.

Writes into one folder: `questionnaires/<uid>.xlsx` (a sheet per version) and `.csv`,
`digests/<session|stop>-<uid>.md` and `digests/general.md`, `delegates.md`/`.csv`,
`rejected.md`/`.csv`, `conflicts.md` and an `index.md` linking them all.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from fieldvisit.domain.collation import AnswerInfo, Digest, Overview
from fieldvisit.domain.errors import StorageError
from fieldvisit.interop.atomic import write_atomic
from fieldvisit.interop.common import slugify

Rows = list[list[object]]
# Spreadsheet programs run a cell starting with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _slug(text: str) -> str:
    return slugify(text, 60) or "item"


def _csv(rows: Sequence[Sequence[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows([[safe_cell(v) for v in row] for row in rows])
    # The BOM makes spreadsheet programs read the file as UTF-8.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _questionnaire_sheets(answers: Sequence[AnswerInfo], overview: Overview) -> dict[str, Rows]:
    """One sheet per version: a row per delegate and session, a column per question."""
    by_version: dict[int, list[AnswerInfo]] = defaultdict(list)
    for a in answers:
        by_version[a.questionnaire_version].append(a)
    sheets: dict[str, Rows] = {}
    for version in sorted(by_version):
        items = by_version[version]
        definition = next(
            (
                q
                for q in overview.questionnaires
                if (q.event_id, q.uid, q.version)
                == (items[0].event_id, items[0].questionnaire_uid, version)
            ),
            None,
        )
        questions = list(definition.questions) if definition else []
        known = {qid for qid, _ in questions}
        for a in items:
            if a.question_uid not in known:
                questions.append((a.question_uid, a.question_text))
                known.add(a.question_uid)
        grid: dict[tuple[str, str, str], dict[str, str]] = defaultdict(dict)
        for a in items:
            cell = grid[(a.delegate, a.installation_id, a.session_title or a.session_uid)]
            previous = cell.get(a.question_uid)
            flag = " [conflict]" if a.conflict else ""
            cell[a.question_uid] = f"{previous} | {a.value}{flag}" if previous else a.value + flag
        rows: Rows = [["Delegate", "Installation", "Session", *(text for _, text in questions)]]
        for (delegate, installation, session), cells in sorted(grid.items()):
            rows.append(
                [delegate, installation, session, *(cells.get(qid, "") for qid, _ in questions)]
            )
        sheets[f"v{version}"] = rows
    return sheets


def digest_markdown(digest: Digest) -> str:
    """A session's or stop's digest as Markdown: the report's file and the window's view."""
    kind = {"session": "Session", "stop": "Stop", "general": "General"}[digest.kind]
    lines = [f"# {kind}: {digest.title}", ""]
    if digest.start:
        lines += [f"Start: {digest.start}", ""]
    lines += [f"{len(digest.notes)} shared note(s).", ""]
    for note in digest.notes:
        flag = " — conflicting versions" if note.conflict else ""
        tags = f" · tags: {', '.join(note.tags)}" if note.tags else ""
        lines.append(f"## {note.delegate} (revision {note.revision}{flag}){tags}")
        lines.append("")
        lines += [f"> {line}" if line else ">" for line in note.body.splitlines()]
        lines.append("")
    return "\n".join(lines)


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    def cell(value: object) -> str:
        return str(value).replace("|", "\\|").replace("\n", " ")

    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return out


def write_report(overview: Overview, folder: Path) -> list[Path]:
    """Write every report file into `folder` (created); returns the files written."""
    try:
        (folder / "questionnaires").mkdir(parents=True, exist_ok=True)
        (folder / "digests").mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            f"cannot create the report folder ({exc.strerror})", path=folder
        ) from exc
    written: list[Path] = []

    def put(relative: str, data: bytes) -> None:
        path = folder / relative
        write_atomic(path, data)
        written.append(path)

    # Several events in one store: file names start with the event id to keep them apart.
    events = {r.event_id for r in overview.returns}

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

        write_rows_xlsx(path, _questionnaire_sheets(answers, overview))
        written.append(path)
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
        put(f"digests/{stem(digest.event_id, name)}.md", digest_markdown(digest).encode())

    delegate_rows: Rows = [
        [d.name, d.installation_id, d.returns, d.notes, d.answers, d.picks, d.ratings]
        for d in overview.delegates
    ]
    header = ["Delegate", "Installation", "Returns", "Notes", "Answers", "Picks", "Ratings"]
    put("delegates.csv", _csv([header, *delegate_rows]))
    put("delegates.md", "\n".join(["# Delegates", "", *_table(header, delegate_rows), ""]).encode())

    rejected_rows: Rows = [[r.filename, r.reason, r.detail] for r in overview.rejections]
    put("rejected.csv", _csv([["File", "Reason", "Detail"], *rejected_rows]))
    rejected_md = ["# Rejected files", ""]
    rejected_md += (
        _table(["File", "Reason", "Detail"], rejected_rows) if rejected_rows else ["None."]
    )
    put("rejected.md", "\n".join([*rejected_md, ""]).encode())

    conflict_rows: Rows = [
        [c.kind, c.record_id, c.delegate, c.revision, " / ".join(c.versions)]
        for c in overview.conflicts
    ]
    conflicts_md = ["# Conflicts", "", "Same record and revision, different content.", ""]
    conflicts_md += (
        _table(["Kind", "Record", "Delegate", "Revision", "Versions"], conflict_rows)
        if conflict_rows
        else ["None."]
    )
    put("conflicts.md", "\n".join([*conflicts_md, ""]).encode())

    index = [
        "# Collation report",
        "",
        f"{len(overview.returns)} return(s) from {len(overview.delegates)} delegate(s); "
        f"{len(overview.rejections)} file(s) rejected; {len(overview.conflicts)} conflict(s).",
        "",
        *(f"- [{p.relative_to(folder)}]({p.relative_to(folder).as_posix()})" for p in written),
        "",
    ]
    put("index.md", "\n".join(index).encode())
    return written


def report_from_store(db: str | Path, folder: Path, *, password: str | None = None) -> list[Path]:
    """Open the collation store `db` (a path or a URL) and write the report into `folder`."""
    from fieldvisit.services.organiser import open_existing, read_overview

    store = open_existing(db, password=password)
    try:
        overview = read_overview(store)
    finally:
        store.close()
    return write_report(overview, folder)
