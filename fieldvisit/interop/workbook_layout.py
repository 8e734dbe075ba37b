"""The organiser's workbook: its sheets, columns, help texts, choices and example rows.

One description serves the template writer and the reader, so they cannot drift apart.
Example rows carry ids starting with "EXAMPLE:"; the reader skips them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fieldvisit.domain.model import Phase, QuestionKind, Role, SessionKind

CellValue = bool | int | float | str | dt.datetime | dt.date | dt.time | dt.timedelta | None

EXAMPLE_PREFIX = "EXAMPLE:"
YES_NO = ("yes", "no")
MAP_KINDS = ("mbtiles", "image")


@dataclass(frozen=True, slots=True)
class Column:
    """One column (or, on the Event sheet, one row): its header, help and value kind.

    kind is one of text, list, date, time, int, float, bool, choice, lat, lon.
    """

    header: str
    help: str
    kind: str = "text"
    required: bool = False
    choices: tuple[str, ...] = ()
    width: int = 18


def _choice(header: str, help_text: str, values: tuple[str, ...], *, required: bool) -> Column:
    return Column(header, help_text, "choice", required, values, 16)


SESSION_KINDS = tuple(k.value for k in SessionKind)
ROLES = tuple(r.value for r in Role)
QUESTION_KINDS = tuple(k.value for k in QuestionKind)
PHASES = tuple(p.value for p in Phase)

EVENT_FIELDS: tuple[Column, ...] = (
    Column("id", "Short stable id of the event, letters, digits and - only.", required=True),
    Column("title", "The event's full title.", required=True),
    Column("timezone", "IANA time zone of the event, e.g. Europe/Amsterdam.", required=True),
    Column("start date", "First day (YYYY-MM-DD).", "date", required=True),
    Column("end date", "Last day (YYYY-MM-DD).", "date", required=True),
    Column("organisers", "Organising bodies, separated by ;", "list"),
    Column("languages", "Working languages as codes (en; nl), separated by ;", "list"),
    Column("confidentiality", "Notice shown to delegates, e.g. Chatham House Rule."),
    Column("emergency contact id", "Id of the People row to call in an emergency."),
    Column("description", "A few sentences about the event."),
    Column("url", "Public web page of the event, if any."),
    Column("map file", "Offline map file next to this workbook (.mbtiles or an image)."),
    _choice(
        "map kind", "mbtiles for raster tiles, image for a picture.", MAP_KINDS, required=False
    ),
    Column("map attribution", "Credit line the map's licence asks for."),
    Column("map bounds", "For an image: west; south; east; north in degrees.", "list"),
)

VENUES: tuple[Column, ...] = (
    Column("id", "Stable id of the venue.", required=True),
    Column("name", "Name of the venue.", required=True, width=28),
    Column("address", "Street address.", width=32),
    Column("lat", "Latitude in degrees (-90 to 90).", "lat", width=11),
    Column("lon", "Longitude in degrees (-180 to 180).", "lon", width=11),
)

SESSIONS: tuple[Column, ...] = (
    Column("id", "Stable id: keep it when you edit the session, notes hang on it.", required=True),
    Column("title", "Title as delegates see it.", required=True, width=36),
    _choice("kind", "What kind of session (pick from the list).", SESSION_KINDS, required=True),
    Column("date", "Day of the session (YYYY-MM-DD).", "date", required=True, width=12),
    Column("start", "Start time, 24-hour HH:MM, event time zone.", "time", required=True, width=8),
    Column("end", "End time, HH:MM.", "time", required=True, width=8),
    Column("end date", "Only for a session past midnight: the day it ends.", "date", width=12),
    Column("room", "Room or hall."),
    Column("venue id", "Id of a Venues row, if the event has several venues."),
    Column("online url", "Join link for an online session."),
    Column("track", "Track or strand, if any."),
    Column("description", "What the session is about.", width=40),
    Column("speaker ids", "Ids of People rows, separated by ;", "list"),
    Column("document ids", "Ids of Documents rows, separated by ;", "list"),
    _choice("confidential", "yes if notes on it need a second thought.", YES_NO, required=False),
    Column("signup group", "Sessions sharing a group are alternatives: one per slot."),
    Column("language", "Language code if not the event's main one.", width=10),
    Column(
        "links",
        "Links shown on the session (slides, video, feedback...), separated by ; each as "
        "Title | https://... or just the address.",
        "list",
        width=36,
    ),
)

PEOPLE: tuple[Column, ...] = (
    Column("id", "Stable id of the person.", required=True),
    Column("name", "Name as shown.", required=True, width=26),
    _choice("role", "Why the person is in the pack (pick from the list).", ROLES, required=True),
    Column("organisation", "Organisation.", width=26),
    Column("phone", "Phone, international format (+31 ...)."),
    Column("email", "E-mail address."),
    Column("languages", "Languages spoken, separated by ;", "list"),
    _choice(
        "listed", "yes only if the person agreed to appear with details.", YES_NO, required=False
    ),
)

STOPS: tuple[Column, ...] = (
    Column("itinerary id", "Id of the field visit this stop belongs to.", required=True),
    Column("itinerary title", "Title of the field visit (once per itinerary is enough).", width=28),
    Column("itinerary session id", "Id of the Sessions row of the visit, if any."),
    Column("stop id", "Stable id of the stop.", required=True),
    Column("title", "Name of the stop.", required=True, width=28),
    Column("date", "Day of the stop (YYYY-MM-DD).", "date", width=12),
    Column("planned start", "Arrival time, HH:MM.", "time", width=8),
    Column("planned end", "Departure time, HH:MM.", "time", width=8),
    Column("address", "Street address.", width=28),
    Column("lat", "Latitude in degrees.", "lat", width=11),
    Column("lon", "Longitude in degrees.", "lon", width=11),
    Column("host id", "Id of the People row of the host."),
    Column("briefing", "What the stop is and why we go there.", width=36),
    Column("etiquette", "How to behave (photos, dress, questions).", width=28),
    Column("safety", "Safety notes.", width=28),
    Column("directions to next", "How to get to the next stop.", width=28),
)

DOCUMENTS: tuple[Column, ...] = (
    Column("id", "Stable id of the document.", required=True),
    Column("title", "Title as shown.", required=True, width=28),
    Column("file", "File name relative to this workbook's folder.", required=True, width=28),
    Column("media type", "Leave empty to guess from the file name (application/pdf...)."),
    Column("session ids", "Sessions the document belongs to, separated by ;", "list"),
    _choice("confidential", "yes if the document must not leave the app.", YES_NO, required=False),
)

QUESTIONNAIRES: tuple[Column, ...] = (
    Column("id", "Stable id of the questionnaire.", required=True),
    Column("version", "Raise it when you change the questions.", "int", required=True, width=9),
    Column("title", "Title as shown.", required=True, width=30),
    _choice("phase", "before the visit, per session, or after.", PHASES, required=True),
    Column("session id", "For phase session: one session's id, empty for every session."),
    Column("description", "Why delegates are asked.", width=36),
)

QUESTIONS: tuple[Column, ...] = (
    Column("questionnaire id", "Id of a Questionnaires row.", required=True),
    Column("question id", "Stable id of the question.", required=True),
    _choice("kind", "How it is answered (pick from the list).", QUESTION_KINDS, required=True),
    Column("text", "The question.", required=True, width=44),
    Column("options", "For choice questions: the options, separated by ;", "list", width=28),
    Column("scale min", "For scale questions: lowest value (default 1).", "int", width=9),
    Column("scale max", "For scale questions: highest value (default 5).", "int", width=9),
    Column("low label", "For scale questions: what the lowest value means."),
    Column("high label", "For scale questions: what the highest value means."),
    _choice("required", "yes if it must be answered.", YES_NO, required=False),
)

TABLE_SHEETS: dict[str, tuple[Column, ...]] = {
    "Venues": VENUES,
    "Sessions": SESSIONS,
    "People": PEOPLE,
    "Stops": STOPS,
    "Documents": DOCUMENTS,
    "Questionnaires": QUESTIONNAIRES,
    "Questions": QUESTIONS,
}

_DAY1 = dt.date(2017, 2, 15)
_DAY2 = dt.date(2017, 2, 16)

# Facts from the invitation to the Hague conference (seeds); anything else is fictional
# and looks it (example.org, a placeholder phone number, approximate coordinates).
EVENT_EXAMPLE: dict[str, CellValue] = {
    "id": "hague-rftf-2017",
    "title": "International Conference on Returning Foreign Terrorist Fighters",
    "timezone": "Europe/Amsterdam",
    "start date": _DAY1,
    "end date": _DAY2,
    "organisers": "Gemeente Den Haag; Politie; Openbaar Ministerie",
    "languages": "en",
    "confidentiality": "Chatham House Rule",
    "emergency contact id": "EXAMPLE:desk",
    "description": "Two mornings at Fokker Terminal with inspiration sessions, working "
    "groups and a field visit to the Schilderswijk.",
    "url": "https://example.org/rftf-2017",
    "map file": "",
    "map kind": "",
    "map attribution": "",
    "map bounds": "",
}

TABLE_EXAMPLES: dict[str, list[CellValue]] = {
    "Venues": ["EXAMPLE:fokker", "Fokker Terminal", "Den Haag", 52.07, 4.34],
    "Sessions": [
        "EXAMPLE:opening",
        "Welcome by the Mayor of The Hague",
        SessionKind.PLENARY.value,
        _DAY1,
        dt.time(9, 0),
        dt.time(9, 30),
        None,
        "Main hall",
        "EXAMPLE:fokker",
        "",
        "",
        "Opening of the conference.",
        "",
        "EXAMPLE:programme",
        "no",
        "",
        "en",
        "Programme | https://example.org/rftf-2017/programme",
    ],
    "People": [
        "EXAMPLE:desk",
        "Conference desk (fictional)",
        Role.EMERGENCY.value,
        "Gemeente Den Haag",
        "+31 70 000 0000",
        "desk@example.org",
        "en; nl",
        "yes",
    ],
    "Stops": [
        "EXAMPLE:schilderswijk",
        "Field visit: Schilderswijk",
        "",
        "EXAMPLE:stop-1",
        "Neighbourhood centre (fictional)",
        _DAY2,
        dt.time(11, 0),
        dt.time(11, 45),
        "Schilderswijk, Den Haag",
        52.068,
        4.302,
        "EXAMPLE:desk",
        "How residents and professionals work together in the neighbourhood.",
        "Ask before taking photos.",
        "Stay with the group.",
        "Ten minutes on foot.",
    ],
    "Documents": [
        "EXAMPLE:programme",
        "Conference programme",
        "programme.pdf",
        "",
        "EXAMPLE:opening",
        "no",
    ],
    "Questionnaires": [
        "EXAMPLE:after",
        1,
        "After the conference",
        Phase.AFTER.value,
        "",
        "Lessons learned, for the organisers.",
    ],
    "Questions": [
        "EXAMPLE:after",
        "EXAMPLE:q1",
        QuestionKind.LONG_TEXT.value,
        "What did the Schilderswijk field visit teach you?",
        "",
        None,
        None,
        "",
        "",
        "no",
    ],
}

INSTRUCTIONS: tuple[str, ...] = (
    "Field Visit Companion: event workbook",
    "",
    "Fill in this workbook in Excel or LibreOffice, then build a pack with:",
    "    fieldvisit pack build event.xlsx -o event.fvpack --key organiser.key",
    "",
    "How to fill it in",
    "- One sheet per kind of thing: Event (one value per row), Venues, Sessions, People, "
    "Stops, Documents, Questionnaires and Questions (one row each).",
    "- Hover over a column header to read what it wants. Columns marked * are required.",
    "- The grey row on each sheet is an EXAMPLE taken from the Hague conference of "
    "February 2017. Its ids start with EXAMPLE: and it is ignored: overwrite it or leave it.",
    "- Ids are short and stable (letters, digits, - and .). Keep an id when you edit its row: "
    "delegates' notes and answers hang on it.",
    "- Lists (speaker ids, languages, options...) are separated by a semicolon ;",
    "- Dates are YYYY-MM-DD and times HH:MM (24 hours) in the event's own time zone.",
    "- A session past midnight gets an end date.",
    "- yes/no columns accept yes or no.",
    "- Documents and the map are files in the same folder as this workbook (or below it); "
    "name them by their path relative to the workbook.",
    "- People are listed with phone and e-mail only if they agreed: listed = yes.",
)
