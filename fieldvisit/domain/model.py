"""Plain, immutable records of an event's organiser content: no Qt, no SQLAlchemy."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class SessionKind(StrEnum):
    """What kind of programme item a session is."""

    PLENARY = "plenary"
    INSPIRATION = "inspiration_session"
    WORKING_GROUP = "working_group"
    WORKSHOP = "workshop"
    PANEL = "panel"
    FIELD_VISIT = "field_visit"
    BREAK = "break"
    ONLINE = "online"
    TALK = "talk"  # anything an imported schedule calls a talk, lecture, lightning talk...


class Role(StrEnum):
    """Why a person appears in the pack."""

    ORGANISER = "organiser"
    SPEAKER = "speaker"
    HOST = "host"
    FACILITATOR = "facilitator"
    DELEGATE = "delegate"
    EMERGENCY = "emergency"
    CHAIR = "chair"  # chairs or moderates a session (an iCalendar ROLE=CHAIR attendee)


class LinkKind(StrEnum):
    """What a session's link leads to (the app shows it; it never fetches it)."""

    WEB_PAGE = "web_page"
    SLIDES = "slides"
    VIDEO = "video"
    LIVE_STREAM = "live_stream"
    JOIN = "join_link"
    FEEDBACK = "feedback"


class QuestionKind(StrEnum):
    """How a question is answered."""

    TEXT = "text"
    LONG_TEXT = "long_text"
    SINGLE = "single_choice"
    MULTIPLE = "multiple_choice"
    SCALE = "scale"


class Sharing(StrEnum):
    """Whether a presentation or document is given to delegates, and on what terms."""

    SHARED = "shared"  # carried in the pack
    NOT_SHARED = "confidential_not_shared"  # listed (title, session), not carried
    ATTENDEES_ONLY = "attendees_only"  # carried, read-only, never in an export or a return


class Phase(StrEnum):
    """When a questionnaire is meant to be answered."""

    BEFORE = "before"
    SESSION = "session"
    AFTER = "after"


@dataclass(frozen=True, slots=True)
class Venue:
    id: str
    name: str
    address: str = ""
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """The event itself. `timezone` is an IANA zone name; dates are local dates."""

    id: str
    title: str
    timezone: str
    start_date: dt.date
    end_date: dt.date
    organisers: tuple[str, ...] = ()
    venues: tuple[Venue, ...] = ()
    languages: tuple[str, ...] = ()
    confidentiality: str = ""
    emergency_contact_id: str | None = None
    description: str = ""
    url: str = ""
    # What the pack invents (a sample, a timetable the announcement does not give): shown
    # with the event wherever it appears. Empty for an event whose every detail is real.
    illustrative: str = ""
    # The organisers ask that this event's notes and questionnaires be kept only in a
    # passcode-protected (encrypted) store: the app shows them once a passcode is set.
    require_app_lock: bool = False


@dataclass(frozen=True, slots=True)
class SessionLink:
    """A link on a session. `url` is kept as the schedule gave it: whether it may be opened
    is decided where it is shown (`fieldvisit.domain.links.openable`)."""

    title: str
    url: str
    kind: LinkKind = LinkKind.WEB_PAGE


@dataclass(frozen=True, slots=True)
class Session:
    """A programme item. `start`/`end` are timezone-aware datetimes."""

    id: str
    title: str
    kind: SessionKind
    start: dt.datetime
    end: dt.datetime
    room: str = ""
    venue_id: str | None = None
    online_url: str = ""
    track: str = ""
    description: str = ""
    speaker_ids: tuple[str, ...] = ()
    document_ids: tuple[str, ...] = ()
    confidential: bool = False
    signup_group: str = ""  # sessions sharing a group are alternatives: pick one per slot
    language: str = ""
    illustrative: bool = False  # its time, room or details are invented (see Event.illustrative)
    links: tuple[SessionLink, ...] = ()


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    role: Role
    organisation: str = ""
    phone: str = ""
    email: str = ""
    languages: tuple[str, ...] = ()
    listed: bool = False  # consent to appear in the contact list with details
    biography: str = ""  # as the source gives it (real schedules carry speakers' bios)


@dataclass(frozen=True, slots=True)
class Stop:
    """One stop of a field visit. Times are aware datetimes or None."""

    id: str
    title: str
    planned_start: dt.datetime | None = None
    planned_end: dt.datetime | None = None
    address: str = ""
    lat: float | None = None
    lon: float | None = None
    host_id: str | None = None
    briefing: str = ""
    etiquette: str = ""
    safety: str = ""
    directions_to_next: str = ""


@dataclass(frozen=True, slots=True)
class Itinerary:
    """An ordered field visit. `route` is a polyline of (lat, lon) pairs."""

    id: str
    title: str
    stops: tuple[Stop, ...]
    session_id: str | None = None
    route: tuple[tuple[float, float], ...] = ()


@dataclass(frozen=True, slots=True)
class Document:
    """A document of the event: a file carried in the pack under `documents/<filename>`;
    or, when `url` is set (and `filename` is ""), a schedule's attachment listed by its
    address and never downloaded; or, when its sharing is NOT_SHARED, only listed (no file,
    no address)."""

    id: str
    title: str
    filename: str
    media_type: str = "application/octet-stream"
    confidential: bool = False
    session_ids: tuple[str, ...] = ()
    url: str = ""
    sharing: Sharing = Sharing.SHARED
    illustrative: bool = False  # a stand-in for the real file, or an invented document

    @property
    def carried(self) -> bool:
        """Whether the pack holds the file (and the app can open it)."""
        return self.sharing is not Sharing.NOT_SHARED and bool(self.filename)

    @property
    def exportable(self) -> bool:
        """Whether its content or title may leave the app in an export or a return."""
        return self.sharing is Sharing.SHARED


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    kind: QuestionKind
    text: str
    options: tuple[str, ...] = ()
    scale_min: int = 1
    scale_max: int = 5
    scale_labels: tuple[str, ...] = ()  # (low label, high label)
    required: bool = False


@dataclass(frozen=True, slots=True)
class Questionnaire:
    id: str
    version: int
    title: str
    phase: Phase
    questions: tuple[Question, ...]
    session_id: str | None = None  # for Phase.SESSION: None means "every session"
    description: str = ""


@dataclass(frozen=True, slots=True)
class MapLayer:
    """An offline map carried in the pack under `map/<filename>`.

    kind "mbtiles": raster tiles. kind "image": a georeferenced picture whose corners are
    given by `bounds` = (west, south, east, north) in degrees.
    """

    kind: str
    filename: str
    attribution: str = ""
    bounds: tuple[float, float, float, float] | None = None


@dataclass(frozen=True, slots=True)
class PackContent:
    """Everything an event pack says about an event, before it is signed or stored."""

    event: Event
    sessions: tuple[Session, ...] = ()
    people: tuple[Person, ...] = ()
    itineraries: tuple[Itinerary, ...] = ()
    documents: tuple[Document, ...] = ()
    questionnaires: tuple[Questionnaire, ...] = ()
    map: MapLayer | None = None
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True, slots=True)
class Intake:
    """What a reader found in its source, counted plainly, and what it did not carry (each
    with its reason): the "in" side of `pack build`'s report."""

    events: int = 0
    people: int = 0
    rooms: int = 0
    links: int = 0
    attachments: int = 0
    left_out: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SourceBundle:
    """What a pack source (folder, workbook, schedule) yields: the content plus the files to
    carry, keyed by their path inside the pack ("documents/briefing.pdf", "map/area.mbtiles").
    `intake` is None for a source folder (it is the pack's own format: nothing to lose).
    """

    content: PackContent
    files: dict[str, Path] = field(default_factory=dict)
    intake: Intake | None = None
