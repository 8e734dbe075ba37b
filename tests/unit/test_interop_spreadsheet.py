"""The organiser's workbook: template, round trip, cell-precise errors, and result sheets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.domain.model import Phase, QuestionKind, Role, SessionKind
from fieldvisit.interop.schedule import read_schedule
from fieldvisit.interop.spreadsheet import read_workbook, write_rows_xlsx, write_template
from fieldvisit.interop.workbook_layout import EVENT_FIELDS, TABLE_SHEETS

AMS = ZoneInfo("Europe/Amsterdam")
SHEETS = [
    "Instructions",
    "Event",
    "Venues",
    "Sessions",
    "People",
    "Stops",
    "Documents",
    "Questionnaires",
    "Questions",
]


@lru_cache(maxsize=1)
def _template_bytes(folder: Path) -> bytes:
    path = folder / "event.xlsx"
    write_template(path)
    return path.read_bytes()


@pytest.fixture
def template(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Written once per run through the public writer, then copied: keeps the tests fast.
    path = tmp_path / "event.xlsx"
    path.write_bytes(_template_bytes(tmp_path_factory.getbasetemp()))
    return path


def _sheet(book: Workbook, name: str) -> Worksheet:
    sheet = book[name]
    assert isinstance(sheet, Worksheet)
    return sheet


def test_template_is_documented(template: Path) -> None:
    book = load_workbook(template)
    assert book.sheetnames == SHEETS
    instructions = _sheet(book, "Instructions")
    assert "Field Visit Companion" in str(instructions["A1"].value)
    sessions = _sheet(book, "Sessions")
    headers = [c.value for c in sessions[1]]
    assert headers[:6] == ["id *", "title *", "kind *", "date *", "start *", "end *"]
    assert all(c.comment is not None and c.comment.text for c in sessions[1])
    # The example row: real Hague facts, ignored by the reader thanks to its id.
    assert str(sessions["A2"].value).startswith("EXAMPLE:")
    assert sessions["A2"].font.i
    assert sessions["D2"].value == dt.datetime(2017, 2, 15, 0, 0)
    stops = _sheet(book, "Stops")
    assert [c.value for c in stops[1]][:2] == ["itinerary id *", "itinerary title"]
    event = _sheet(book, "Event")
    assert event["C3"].value == "International Conference on Returning Foreign Terrorist Fighters"


def _validations(sheet: Worksheet) -> dict[str, str]:
    found = {}
    for dv in sheet.data_validations.dataValidation:
        for cell_range in dv.sqref.ranges:
            found[cell_range.coord.split(":")[0]] = f"{dv.type}:{dv.formula1}"
    return found


def test_template_has_drop_downs(template: Path) -> None:
    book = load_workbook(template)
    sessions = _validations(_sheet(book, "Sessions"))
    assert sessions["C2"].startswith("list:")
    assert "plenary" in sessions["C2"] and "working_group" in sessions["C2"]
    assert sessions["O2"] == 'list:"yes,no"'  # confidential
    assert "emergency" in _validations(_sheet(book, "People"))["C2"]
    assert "single_choice" in _validations(_sheet(book, "Questions"))["C2"]
    assert "after" in _validations(_sheet(book, "Questionnaires"))["D2"]
    stops = _validations(_sheet(book, "Stops"))
    assert stops["J2"] == "decimal:-90" and stops["K2"] == "decimal:-180"


def test_untouched_template_says_what_is_missing(template: Path) -> None:
    with pytest.raises(InvalidInputError) as caught:
        read_workbook(template)
    assert str(caught.value) == f"{template}: Event!B3: the event title is required"


EVENT_VALUES: dict[str, object] = {
    "id *": "hague-rftf-2017",
    "title *": "International Conference on Returning Foreign Terrorist Fighters",
    "timezone *": "Europe/Amsterdam",
    "start date *": dt.date(2017, 2, 15),
    "end date *": "16-02-2017",  # typed as text, the European way
    "organisers": "Gemeente Den Haag; Politie",
    "languages": "en;nl",
    "confidentiality": "Chatham House Rule",
    "emergency contact id": "desk",
    "map file": "maps/area.png",
    "map bounds": "4.29; 52.06; 4.31; 52.08",
}


def _bare_book() -> Workbook:
    """The template's layout without comments, drop-downs or examples: quick to load and save."""
    book = Workbook()
    first = book.active
    assert first is not None
    first.title = "Event"
    for row, column in enumerate(EVENT_FIELDS, start=2):
        first.cell(
            row=row, column=1, value=f"{column.header} *" if column.required else column.header
        )
    for name, columns in TABLE_SHEETS.items():
        sheet = book.create_sheet(name)
        sheet.append([f"{c.header} *" if c.required else c.header for c in columns])
        sheet.append(["EXAMPLE:row"])
    return book


def _fill(
    path: Path, edit: Callable[[Workbook], None] | None = None, *, bare: bool = False
) -> Path:
    folder = path.parent
    (folder / "docs").mkdir(exist_ok=True)
    (folder / "docs" / "programme.pdf").write_bytes(b"%PDF-1.4 test")
    (folder / "maps").mkdir(exist_ok=True)
    (folder / "maps" / "area.png").write_bytes(b"\x89PNG test")
    book = _bare_book() if bare else load_workbook(path)
    event = _sheet(book, "Event")
    for row in range(2, event.max_row + 1):
        key = event.cell(row=row, column=1).value
        if key in EVENT_VALUES:
            event.cell(row=row, column=2).value = EVENT_VALUES[str(key)]  # type: ignore[assignment]
    _sheet(book, "Venues").append(["fokker", "Fokker Terminal", "Den Haag", 52.07, 4.34])
    sessions = _sheet(book, "Sessions")
    sessions.append(
        ["opening", "Welcome", "plenary", dt.date(2017, 2, 15), dt.time(9), dt.time(9, 30),
         None, "Main hall", "fokker", "", "", "Opening.", "mayor", "programme", "no"]
    )  # fmt: skip
    sessions.append(
        ["wg-1", "Returnees and families", "Working group", "2017-02-15", "9.30", "10:45",
         None, "Room 2", "", "", "Track A", "", "mayor; desk", "", "yes", "slot-1", "en"]
    )  # fmt: skip
    sessions.append(
        ["dinner", "Late dinner", "break", dt.date(2017, 2, 15), dt.time(23), dt.time(0, 30),
         dt.date(2017, 2, 16)]
    )  # fmt: skip
    people = _sheet(book, "People")
    people.append(["mayor", "Mayor of The Hague", "speaker", "Gemeente Den Haag"])
    people.append(
        ["desk", "Conference desk", "emergency", "", 31700000000, "desk@example.org", "en; nl",
         "ja"]
    )  # fmt: skip
    stops = _sheet(book, "Stops")
    stops.append(
        ["schilderswijk", "Field visit: Schilderswijk", "opening", "s1", "Community centre",
         dt.date(2017, 2, 16), dt.time(11), dt.time(11, 45), "Den Haag", 52.068, 4.302, "desk",
         "Briefing", "Ask first", "Stay together", "Walk ten minutes"]
    )  # fmt: skip
    stops.append(["schilderswijk", "", "", "s2", "Market", None, None, None, "", "52,066", 4.299])
    _sheet(book, "Documents").append(
        ["programme", "Programme", "docs/programme.pdf", "", "opening", "no"]
    )
    _sheet(book, "Questionnaires").append(["after", 2, "After the visit", "after", "", "Why"])
    questions = _sheet(book, "Questions")
    questions.append(["after", "q1", "single choice", "Useful?", "yes; no; partly"])
    questions.append(["after", "q2", "scale", "Rate it", "", 1, 10, "poor", "great", "yes"])
    if edit is not None:
        edit(book)
    book.save(path)
    return path


def test_round_trip(template: Path) -> None:
    bundle = read_workbook(_fill(template))
    content = bundle.content
    event = content.event
    assert (event.id, event.timezone) == ("hague-rftf-2017", "Europe/Amsterdam")
    assert (event.start_date, event.end_date) == (dt.date(2017, 2, 15), dt.date(2017, 2, 16))
    assert event.organisers == ("Gemeente Den Haag", "Politie")
    assert event.languages == ("en", "nl")
    assert event.emergency_contact_id == "desk"
    assert event.venues[0].name == "Fokker Terminal"
    opening, wg, dinner = content.sessions  # the EXAMPLE row is skipped
    assert opening.start == dt.datetime(2017, 2, 15, 9, 0, tzinfo=AMS)
    assert opening.kind is SessionKind.PLENARY and opening.venue_id == "fokker"
    assert opening.document_ids == ("programme",)
    assert wg.kind is SessionKind.WORKING_GROUP
    assert wg.start == dt.datetime(2017, 2, 15, 9, 30, tzinfo=AMS)
    assert wg.speaker_ids == ("mayor", "desk")
    assert wg.confidential and wg.signup_group == "slot-1"
    assert dinner.end == dt.datetime(2017, 2, 16, 0, 30, tzinfo=AMS)
    mayor, desk = content.people
    assert mayor.role is Role.SPEAKER and not mayor.listed
    assert desk.phone == "31700000000" and desk.listed and desk.languages == ("en", "nl")
    (visit,) = content.itineraries
    assert visit.title == "Field visit: Schilderswijk" and visit.session_id == "opening"
    assert [s.id for s in visit.stops] == ["s1", "s2"]
    assert visit.stops[0].planned_start == dt.datetime(2017, 2, 16, 11, 0, tzinfo=AMS)
    assert visit.stops[1].lat == 52.066 and visit.stops[1].planned_start is None
    (doc,) = content.documents
    assert (doc.filename, doc.media_type, doc.session_ids) == (
        "programme.pdf",
        "application/pdf",
        ("opening",),
    )
    (form,) = content.questionnaires
    assert (form.version, form.phase) == (2, Phase.AFTER)
    q1, q2 = form.questions
    assert q1.kind is QuestionKind.SINGLE and q1.options == ("yes", "no", "partly")
    assert (q2.scale_min, q2.scale_max, q2.scale_labels, q2.required) == (
        1,
        10,
        ("poor", "great"),
        True,
    )
    assert content.map is not None and content.map.kind == "image"
    assert content.map.bounds == (4.29, 52.06, 4.31, 52.08)
    folder = template.parent.resolve()
    assert bundle.files == {
        "documents/programme.pdf": folder / "docs" / "programme.pdf",
        "map/area.png": folder / "maps" / "area.png",
    }


def test_read_schedule_dispatches_workbooks(template: Path) -> None:
    content = read_schedule(_fill(template)).content
    assert content.extra["source_format"] == "xlsx"


def _set(sheet: str, cell: str, value: object) -> Callable[[Workbook], None]:
    def edit(book: Workbook) -> None:
        _sheet(book, sheet)[cell] = value  # type: ignore[assignment]

    return edit


@pytest.mark.parametrize(
    ("edit", "where", "problem"),
    [
        (_set("Sessions", "F3", dt.time(8)), "Sessions!F3", "end is before start"),
        (_set("Sessions", "F3", dt.time(9)), "Sessions!F3", "end equals start"),
        (_set("Sessions", "M3", "nobody"), "Sessions!M3", "no person with id 'nobody'"),
        (_set("Sessions", "A4", "opening"), "Sessions!A4", "duplicate session id 'opening'"),
        (_set("Sessions", "A4", "wg 1"), "Sessions!A4", "may only use letters"),
        (_set("Sessions", "C3", "lecture hall"), "Sessions!C3", "not one of: plenary"),
        (_set("Sessions", "E3", "nine"), "Sessions!E3", "not a time"),
        (_set("Sessions", "D3", "15 Feb"), "Sessions!D3", "not a date"),
        (_set("Sessions", "D3", dt.date(2018, 1, 1)), "Sessions!D3", "outside the event's dates"),
        (_set("Sessions", "J3", "javascript:alert(1)"), "Sessions!J3", "not a web address"),
        (_set("Sessions", "O3", "maybe"), "Sessions!O3", "answer yes or no"),
        (_set("Sessions", "B3", None), "Sessions!B3", "the title is required"),
        (_set("Event", "B4", "Central Europe"), "Event!B4", "unknown time zone"),
        (_set("Event", "B4", "Mars/Olympus"), "Event!B4", "unknown time zone"),
        (_set("People", "C3", "king"), "People!C3", "not one of"),
        (_set("Stops", "J3", 95), "Stops!J3", "out of range"),
        (_set("Stops", "K4", None), "Stops!K4", "give both latitude and longitude"),
        (_set("Stops", "L3", "ghost"), "Stops!L3", "no person with id 'ghost'"),
        (_set("Documents", "C3", "../secret.pdf"), "Documents!C3", "outside the workbook's folder"),
        (_set("Documents", "C3", "/etc/passwd"), "Documents!C3", "relative to the workbook"),
        (_set("Documents", "C3", "C:\\x.pdf"), "Documents!C3", "relative to the workbook"),
        (_set("Documents", "C3", "docs/none.pdf"), "Documents!C3", "not found"),
        (_set("Documents", "E3", "nope"), "Documents!E3", "no session with id 'nope'"),
        (_set("Questions", "E3", "only one"), "Questions!E3", "at least two options"),
        (_set("Questions", "G4", 1), "Questions!G4", "scale max must be above scale min"),
        (_set("Questions", "A4", "before"), "Questions!A4", "no questionnaire with id 'before'"),
        (_set("Event", "B13", "maps/../../escape.png"), "Event!B13", "outside"),
        (_set("Event", "B16", "1; 2; 3"), "Event!B16", "four numbers"),
    ],
)
def test_errors_name_sheet_row_and_column(
    tmp_path: Path, edit: Callable[[Workbook], None], where: str, problem: str
) -> None:
    path = _fill(tmp_path / "event.xlsx", edit, bare=True)
    with pytest.raises(InvalidInputError, match=problem) as caught:
        read_workbook(path)
    assert caught.value.field == where
    assert str(caught.value).startswith(f"{path}: {where}: ")


def test_symlink_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    outside = tmp_path.parent / f"{tmp_path.name}-outside.pdf"
    outside.write_bytes(b"%PDF secret")
    (tmp_path / "link.pdf").symlink_to(outside)
    path = _fill(tmp_path / "event.xlsx", _set("Documents", "C3", "link.pdf"), bare=True)
    with pytest.raises(InvalidInputError, match="outside the workbook's folder"):
        read_workbook(path)


def test_bare_layout_reads_like_the_template(tmp_path: Path) -> None:
    content = read_workbook(_fill(tmp_path / "event.xlsx", bare=True)).content
    assert [s.id for s in content.sessions] == ["opening", "wg-1", "dinner"]


def test_missing_required_column(tmp_path: Path) -> None:
    path = _fill(tmp_path / "event.xlsx", _set("Sessions", "D1", "day"), bare=True)
    with pytest.raises(InvalidInputError, match="column 'date' is missing") as caught:
        read_workbook(path)
    assert caught.value.field == "Sessions!1"


def test_write_rows_xlsx_keeps_text_as_text(tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    answer = '=HYPERLINK("http://evil.example","click")'
    write_rows_xlsx(
        path,
        {
            "Answers: after/v1": [
                ["delegate", "answer", "when", "score"],
                ["d1", answer, dt.datetime(2017, 2, 16, 11, 0, tzinfo=AMS), 4],
                ["d2", "bell\x07 and tab\t", None, 2.5],
            ],
            "answers: after/v1": [["same name, other case"]],
        },
    )
    book = load_workbook(path)
    assert book.sheetnames == ["Answers_ after_v1", "answers_ after_v1 (2)"]
    sheet = _sheet(book, "Answers_ after_v1")
    assert sheet["B2"].value == answer and sheet["B2"].data_type == "s"
    assert sheet["C2"].value == dt.datetime(2017, 2, 16, 11, 0)  # wall-clock in the zone
    assert sheet["B3"].value == "bell and tab\t"
    assert sheet["D3"].value == 2.5
    assert sheet["A1"].font.b and sheet.freeze_panes == "A2"
