"""The report organisers write lessons learned from (issue 10), read as an organiser would:
the workbook through openpyxl, the Markdown as text. With the event's own pack (Hague
sample: Europe/Amsterdam, three working groups in one sign-up slot, 1-5 scales)."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from returns_support import craft, note, write

from fieldvisit.cli import main
from fieldvisit.packs.build import build_pack
from fieldvisit.packs.samples import demo_keys, samples_dir
from fieldvisit.returns.payload import QuestionDef, QuestionnaireDef, Record

SAMPLE = "hague-2017"
FEEDBACK = QuestionnaireDef(
    "session-feedback", 1, "After this session",
    (QuestionDef("useful", "scale", "How useful was this session for your work?"),
     QuestionDef("takeaway", "text", "One thing you will take back to your organisation")),
)  # fmt: skip
COUNTRY_SURVEY = QuestionnaireDef(
    "exchange", 1, "Exchange between countries",
    (QuestionDef("country", "single_choice", "Which country do you work in?",
                 ("Belgium", "Netherlands")),
     QuestionDef("ready", "scale", "How ready is your country?")),
)  # fmt: skip
# As the pack titles them (the report takes the organisers' titles over the returns').
WG = {
    "d1-wg-risk": "Working group: risk assessment and information sharing",
    "d1-wg-prosecution": "Working group: prosecution and evidence from abroad",
    "d1-wg-families": "Working group: families and children of returnees",
}


def pick(uid: str) -> Record:
    return Record("pick", f"pick-{uid}", 1, {
        "session_uid": uid, "session_title": WG.get(uid, uid),
        "session_start": "2017-02-15T09:30:00Z",
    })  # fmt: skip


def rating(uid: str, stars: int) -> Record:
    return Record("rating", f"rating-{uid}", 1, {
        "session_uid": uid, "session_title": uid, "stars": stars,
        "updated": "2017-02-15T12:00:00Z",
    })  # fmt: skip


def reply(answer_id: str, questionnaire: QuestionnaireDef, question: str, value: object,
          session: str = "") -> Record:  # fmt: skip
    return Record("answer", answer_id, 1, {
        "questionnaire_uid": questionnaire.uid, "questionnaire_version": 1,
        "session_uid": session, "session_title": session, "question_uid": question,
        "value": value, "updated": "2017-02-15T12:00:00Z",
    })  # fmt: skip


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("report")
    keys = demo_keys()
    pack = build_pack(samples_dir() / SAMPLE, tmp / "hague.fvpack", keys=keys)
    event_id = pack.content.event.id
    organiser: X25519PrivateKey = keys.returns
    people = {
        "Anna": ("Netherlands", "d1-wg-risk", 4, 5),
        "Ben": ("Belgium", "d1-wg-risk", 2, 3),
        "Chris": ("Netherlands", "d1-wg-families", 5, 4),
    }
    files = []
    for index, (name, (country, group, stars, useful)) in enumerate(people.items()):
        records = [
            pick(group),
            pick("d1-inspiration"),
            rating("d1-inspiration", stars),
            note(f"n{index}", f"{name} on returnees.", target="d1-inspiration"),
            reply(f"f{index}", FEEDBACK, "useful", useful, "d1-inspiration"),
            reply(f"t{index}", FEEDBACK, "takeaway", f"{name}'s takeaway", "d1-inspiration"),
            reply(f"c{index}", COUNTRY_SURVEY, "country", country),
            reply(f"r{index}", COUNTRY_SURVEY, "ready", useful - 1),
        ]
        sent = craft(organiser, Ed25519PrivateKey.generate(), records, name=name,
                     questionnaires=[FEEDBACK, COUNTRY_SURVEY], event_id=event_id)  # fmt: skip
        files.append(str(write(tmp, sent, f"{name}.fvreturn")))
    db, out = tmp / "c.sqlite", tmp / "out"
    key_file = samples_dir() / "demo-organiser.key"
    assert main(["collate", *files, "--key", str(key_file), "--db", str(db)]) == 0
    assert main(["report", "--db", str(db), "-o", str(out), "--pack", str(pack.path)]) == 0
    return out


def test_per_session_picks_ratings_and_notes(report: Path) -> None:
    with (report / "sessions.csv").open(encoding="utf-8-sig") as handle:
        rows = {r["Session"]: r for r in csv.DictReader(handle)}
    inspiration = next(r for title, r in rows.items() if "nspiration" in title)
    assert (inspiration["Picked by"], inspiration["Ratings"], inspiration["Mean rating"],
            inspiration["Notes shared"]) == ("3", "3", "3.67", "3")  # fmt: skip
    assert rows[WG["d1-wg-risk"]]["Picked by"] == "2"
    assert rows[WG["d1-wg-prosecution"]]["Picked by"] == "0"  # from the pack: every session
    assert inspiration["Start"] == "Wed 15 Feb 2017 09:30 (Europe/Amsterdam)"
    assert "| Picked by |" in (report / "sessions.md").read_text(encoding="utf-8")


def test_each_signup_slot_shows_each_working_groups_attendance(report: Path) -> None:
    signup = (report / "signup.md").read_text(encoding="utf-8")
    assert "## Wed 15 Feb 2017 10:30 (Europe/Amsterdam) · sign-up group d1-working-groups" in (
        signup
    )
    assert f"| {WG['d1-wg-risk']} | 2 | Anna, Ben |" in signup
    assert f"| {WG['d1-wg-families']} | 1 | Chris |" in signup
    assert f"| {WG['d1-wg-prosecution']} | 0 |  |" in signup


def test_digest_times_are_in_the_events_zone_and_named(report: Path) -> None:
    digest = (report / "digests" / "session-d1-inspiration.md").read_text(encoding="utf-8")
    # The session's start as the pack has it; the note's update travelled as 09:00 UTC,
    # and Amsterdam was UTC+1 in February.
    assert "Start: Wed 15 Feb 2017 09:30 (Europe/Amsterdam)" in digest
    assert "Wed 15 Feb 2017 10:00 (Europe/Amsterdam)" in digest
    assert "UTC" not in digest.replace("(Europe/Amsterdam)", "")


def test_scale_answers_are_numbers_under_a_row_of_the_scales_labels(report: Path) -> None:
    book = openpyxl.load_workbook(report / "questionnaires" / "session-feedback.xlsx")
    rows = [[c.value for c in row] for row in book["v1"].iter_rows()]
    header, labels, *data = rows
    useful = header.index("How useful was this session for your work?")
    assert labels[useful] == "1 = Not useful … 5 = Very useful"
    assert labels[header.index("One thing you will take back to your organisation")] in ("", None)
    values = [r[useful] for r in data]
    assert all(isinstance(v, int) for v in values)  # numbers, not text
    assert sorted(v for v in values if isinstance(v, int)) == [3, 4, 5]


def test_a_per_country_questionnaire_is_grouped_by_country(report: Path) -> None:
    book = openpyxl.load_workbook(report / "questionnaires" / "exchange.xlsx")
    rows = [[c.value for c in row] for row in book["v1"].iter_rows()]
    assert rows[0][0] == "Country"
    data = rows[2:]
    assert [(r[0], r[1]) for r in data] == [
        ("Belgium", "Ben"), ("Netherlands", "Anna"), ("Netherlands", "Chris"),
    ]  # fmt: skip
    grouped = (report / "questionnaires" / "exchange-by-country.md").read_text(encoding="utf-8")
    assert grouped.index("## Belgium") < grouped.index("## Netherlands")
    netherlands = grouped.split("## Netherlands", 1)[1]
    assert "2 delegate(s)." in netherlands
    assert "**How ready is your country?**: mean 3.50 of 2" in netherlands
