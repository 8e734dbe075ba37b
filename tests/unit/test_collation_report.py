"""The collation report: spreadsheets and CSV per questionnaire, digests, delegates, rejections."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from returns_support import FEEDBACK_V1, FEEDBACK_V2, answer, craft, note, write

from fieldvisit.services.collate import collate_files
from fieldvisit.services.report import report_from_store, safe_cell


def test_report_holds_every_shared_word_and_every_rejection(tmp_path: Path) -> None:
    organiser = X25519PrivateKey.generate()
    folder = tmp_path / "in"
    folder.mkdir()
    anna, ben = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    files = [
        write(
            folder,
            craft(organiser, anna, [note("a1", "Anna: mentors for families."),
                                    answer("q1", "Start early.")],
                  name="Anna", questionnaires=[FEEDBACK_V1]),
        ),
        write(
            folder,
            craft(organiser, ben, [note("b1", "=HYPERLINK(\"x\")", target="wg-b"),
                                   answer("q2", "Listen more.", version=2)],
                  name="Ben", questionnaires=[FEEDBACK_V2]),
        ),
        write(folder, b"garbage", "broken.fvreturn"),
    ]  # fmt: skip
    db = tmp_path / "collation.sqlite"
    summary = collate_files(db, files, organiser)
    assert (summary.count("accepted"), summary.count("rejected")) == (2, 1)
    out = tmp_path / "report"
    written = report_from_store(db, out)
    names = {p.relative_to(out).as_posix() for p in written}
    assert {
        "questionnaires/feedback.xlsx",
        "questionnaires/feedback.csv",
        "digests/session-insp-1.md",
        "digests/session-wg-b.md",
        "delegates.md",
        "delegates.csv",
        "rejected.md",
        "rejected.csv",
        "conflicts.md",
        "index.md",
    } <= names

    digest = (out / "digests" / "session-insp-1.md").read_text()
    assert digest.startswith("# Session: Inspiration session: learning from returnees")
    assert "> Anna: mentors for families." in digest

    book = openpyxl.load_workbook(out / "questionnaires" / "feedback.xlsx")
    assert book.sheetnames == ["v1", "v2"]
    v1 = [[c.value for c in row] for row in book["v1"].iter_rows()]
    assert v1[0] == ["Delegate", "Installation", "Session", "What will you take home?"]
    assert v1[1][0] == "Anna" and v1[1][3] == "Start early."
    v2 = [[c.value for c in row] for row in book["v2"].iter_rows()]
    assert v2[0][3] == "Which lesson will you apply first?" and v2[1][3] == "Listen more."

    with (out / "questionnaires" / "feedback.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert {(r["Delegate"], r["Question"], r["Answer"]) for r in rows} == {
        ("Anna", "What will you take home?", "Start early."),
        ("Ben", "Which lesson will you apply first?", "Listen more."),
    }
    delegates = (out / "delegates.md").read_text()
    assert "| Anna |" in delegates and "| Ben |" in delegates
    rejected = (out / "rejected.csv").read_text(encoding="utf-8-sig")
    assert "broken.fvreturn,not_a_return" in rejected


def test_csv_cells_never_start_a_formula() -> None:
    assert safe_cell("=1+1") == "'=1+1"
    assert safe_cell("@SUM(A1)") == "'@SUM(A1)"
    assert safe_cell("plain") == "plain"
    assert safe_cell(3) == 3


def test_two_events_in_one_store_stay_apart(tmp_path: Path) -> None:
    organiser = X25519PrivateKey.generate()
    folder = tmp_path / "in"
    folder.mkdir()
    hague = craft(organiser, Ed25519PrivateKey.generate(), [note("h1", "Hague words.")])
    other = craft(organiser, Ed25519PrivateKey.generate(), [note("r1", "Almaty words.")],
                  event_id="ran-2021")  # fmt: skip
    db = tmp_path / "c.sqlite"
    collate_files(db, [write(folder, hague), write(folder, other)], organiser)
    out = tmp_path / "report"
    report_from_store(db, out)
    first = (out / "digests" / "hague-2017-session-insp-1.md").read_text()
    second = (out / "digests" / "ran-2021-session-insp-1.md").read_text()
    assert "Hague words." in first and "Almaty" not in first
    assert "Almaty words." in second and "Hague" not in second
