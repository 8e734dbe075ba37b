"""Returns made by someone holding the pack (so they pass every proof) but with fields no
real delegate's app writes: collate rejects each with its reason and goes on, and the
report is written whatever accepted content holds (issue 15). On SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from openpyxl import load_workbook
from returns_support import FEEDBACK_V1, answer, craft, note, write

from fieldvisit.returns.payload import QuestionDef, QuestionnaireDef, Record
from fieldvisit.services.collate import Collator
from fieldvisit.services.organiser import read_overview
from fieldvisit.services.report import write_report
from fieldvisit.storage.collation.engine import CollationStore


@pytest.fixture
def organiser() -> X25519PrivateKey:
    return X25519PrivateKey.generate()


@pytest.fixture
def store(collation_db: str) -> Iterator[CollationStore]:
    opened = CollationStore.open(collation_db)
    yield opened
    opened.close()


def surrogate(marker: bytes) -> object:
    """A patch writing a lone surrogate (as a JSON escape) where `marker` stands."""
    return lambda data: data.replace(marker, b"\\ud800")


def test_each_hostile_field_is_rejected_with_its_reason_and_the_rest_goes_on(
    store: CollationStore, organiser: X25519PrivateKey, tmp_path: Path
) -> None:
    def me() -> Ed25519PrivateKey:
        return Ed25519PrivateKey.generate()

    huge_q = QuestionnaireDef("feedback", 2**40, "Feedback", (QuestionDef("q", "text", "Q?"),))
    files = {
        "year-1": craft(organiser, me(), [note("n1", "x")],
                        created=dt.datetime(1, 1, 1, tzinfo=dt.UTC)),
        "far-future": craft(organiser, me(), [note("n1", "x")],
                            created=dt.datetime(9999, 12, 31, tzinfo=dt.UTC)),
        "huge-pack": craft(organiser, me(), [note("n1", "x")], pack_version=2**62),
        "huge-revision": craft(organiser, me(), [note("n1", "x", revision=2**40)]),
        "huge-questionnaire": craft(organiser, me(), [answer("a1", "x", version=2**40)],
                                    questionnaires=[huge_q]),
        "surrogate-name": craft(organiser, me(), [note("n1", "x")], name="Ann SURR",
                                patch=surrogate(b"SURR")),  # type: ignore[arg-type]
        "nul-name": craft(organiser, me(), [note("n1", "x")], name="Ann\x00Bob"),
        "long-id": craft(organiser, me(), [note("n" * 500, "x")]),
        "good": craft(organiser, me(), [note("n1", "A real note.")], name="Real Delegate"),
    }  # fmt: skip
    paths = [write(tmp_path, data, f"{name}.fvreturn") for name, data in files.items()]
    summary = Collator(store, organiser).collate(paths)
    got = {o.path.stem: (o.status, o.reason, o.detail) for o in summary.outcomes}
    assert got["good"][0] == "accepted"
    # Each names its field. Issue 15's return reader refuses several of these itself now;
    # the collator's own checks stand behind it (and say the words after the "|").
    expected_detail = {
        "year-1": "created",
        "far-future": "created",
        "huge-pack": "pack",
        "huge-revision": "revision",
        "huge-questionnaire": "version",
        "surrogate-name": "surrogate",
        "nul-name": "NUL",
        "long-id": "200",
    }
    for name, detail in expected_detail.items():
        status, reason, said = got[name]
        assert (status, reason) == ("rejected", "malformed"), name
        assert detail in said, (name, said)
    overview = read_overview(store)
    assert [r.filename for r in overview.returns] == ["good.fvreturn"]
    assert len(overview.rejections) == len(expected_detail)
    # The report is written and names each rejection.
    written = write_report(overview, tmp_path / "report")
    rejected = (tmp_path / "report" / "rejected.md").read_text(encoding="utf-8")
    assert all(f"{name}.fvreturn" in rejected for name in expected_detail)
    assert tmp_path / "report" / "index.md" in written


def test_a_created_date_in_year_1_written_in_full_is_implausible(
    store: CollationStore, organiser: X25519PrivateKey, tmp_path: Path
) -> None:
    sent = craft(
        organiser, Ed25519PrivateKey.generate(), [note("n1", "x")],
        created=dt.datetime(2017, 2, 16, 14, 0, tzinfo=dt.UTC),
        patch=lambda data: data.replace(b"2017-02-16T14:00:00Z", b"0001-01-01T00:00:00Z"),
    )  # fmt: skip
    outcome = Collator(store, organiser).collate([write(tmp_path, sent)]).outcomes[0]
    assert (outcome.status, outcome.reason) == ("rejected", "malformed")
    # By the return reader's range (issue 15) or, behind it, by the collator's own check.
    assert "created" in outcome.detail or "creation date" in outcome.detail


def test_the_report_is_written_whatever_accepted_content_holds(
    store: CollationStore, organiser: X25519PrivateKey, tmp_path: Path
) -> None:
    scale = QuestionnaireDef(
        "feedback", 1, "Session feedback",
        (QuestionDef("useful", "scale", "How useful?"), QuestionDef("lesson", "long_text", "L?")),
    )  # fmt: skip
    weird_answer = Record(
        "answer", "a-weird", 1,
        {"questionnaire_uid": "feedback", "questionnaire_version": 2**60, "session_uid": "x" * 300,
         "session_title": "Line\nbreak | pipe", "question_uid": "useful",
         "value": {"nested": [1, {"deep": None}], "n": 2**62}, "updated": "not a time"},
    )  # fmt: skip
    rating = Record(
        "rating", "r1", 1,
        {"session_uid": "insp-1", "session_title": "T", "stars": 10**12, "updated": "x"},
    )  # fmt: skip
    pick = Record(
        "pick", "p1", 1,
        {"session_uid": "insp-1", "session_title": "T", "session_start": "yesterday"},
    )  # fmt: skip
    hostile = [
        note("n1", "Body with \x01\x1b controls, <script>alert(1)</script> | x"),
        note("n2", "=cmd|' /C calc'!A0", target="../../etc/passwd"),
        note("n3", "y" * 200_000),
        answer("a1", '=HYPERLINK("http://evil")', 1),
        answer("a2", [1, "two", None], 1),
        weird_answer,
        rating,
        pick,
    ]
    sent = craft(
        organiser, Ed25519PrivateKey.generate(), hostile, name="# Heading | <b>",
        questionnaires=[scale, FEEDBACK_V1],
    )  # fmt: skip
    path = write(tmp_path, sent, "hostile.fvreturn")
    summary = Collator(store, organiser).collate([path])
    assert summary.outcomes[0].status == "accepted", summary.outcomes[0].detail
    folder = tmp_path / "report"
    written = write_report(read_overview(store), folder)
    assert {p.name for p in written} >= {"index.md", "delegates.md", "rejected.md"}
    for file in written:
        assert file.resolve().is_relative_to(folder.resolve())  # no path escapes the folder
        if file.suffix in (".md", ".csv"):
            file.read_bytes().decode("utf-8")  # valid UTF-8 throughout
        if file.suffix == ".xlsx":
            book = load_workbook(file)
            cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row]
            assert all(str(c.value or "")[:1] != "=" or c.data_type == "s" for c in cells)
    digests = "".join(p.read_text(encoding="utf-8") for p in written if "digests" in p.parts)
    assert "&lt;script&gt;" in digests and "<script>" not in digests  # HTML shown as text


def test_the_report_takes_text_no_file_can_hold(tmp_path: Path) -> None:
    """Issue 15's reader refuses lone surrogates and NULs now; the report does not rely on
    it (a store collated before, or another reader's gap): such text is replaced."""
    from fieldvisit.domain.collation import AnswerInfo, Digest, NoteInfo, Overview

    bad = "A\ud800B\x00C"
    note_info = NoteInfo("n1", "session", bad, bad, "2017-02-15T08:45:00Z", bad, "i" * 8, bad,
                         (bad,), 1, False, "2017-02-15T09:00:00Z")  # fmt: skip
    overview = Overview(
        digests=(Digest("session", bad, bad, "2017-02-15T08:45:00Z", (note_info,)),),
        answers=(AnswerInfo(bad, 1, bad, bad, bad, bad, bad, bad, "i" * 8, bad, 1, False),),
    )
    written = write_report(overview, tmp_path / "r")
    for file in written:
        if file.suffix != ".xlsx":
            assert "\ufffd" in file.read_text(encoding="utf-8") or file.name in (
                "index.md", "rejected.md", "conflicts.md", "sessions.md", "signup.md",
                "delegates.md", "delegates.csv", "rejected.csv", "sessions.csv",
            )  # fmt: skip
    book = load_workbook(next(p for p in written if p.suffix == ".xlsx"))
    assert any("\ufffd" in str(c.value) for ws in book.worksheets for r in ws.iter_rows()
               for c in r)  # fmt: skip
