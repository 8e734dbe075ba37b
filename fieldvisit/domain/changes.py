"""What a pack update changes, and what an import did: records plus the pure diff rules."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from zoneinfo import ZoneInfo

from fieldvisit.domain.model import PackContent, Session, Stop
from fieldvisit.domain.samples import DEMO_FINGERPRINT, is_sample


class ChangeKind(StrEnum):
    NEW = "new"
    CHANGED = "changed"
    CANCELLED = "cancelled"


class ImportStatus(StrEnum):
    INSTALLED = "installed"  # the event was not there before
    UPDATED = "updated"  # a newer version replaced the organiser content
    UNCHANGED = "unchanged"  # the same version was already installed: nothing written


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field of a session or stop, rendered for people (times in the event's zone)."""

    field: str
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class Change:
    """One line of a change list. `id` is set once stored (None in a preview)."""

    target_kind: str  # session | stop
    target_uid: str
    title: str
    change: ChangeKind
    fields: tuple[FieldChange, ...] = ()
    id: int | None = None
    pack_version: int | None = None
    seen: bool = False


@dataclass(frozen=True, slots=True)
class OrphanNote:
    """A delegate note whose target is no longer in the installed pack. It is kept."""

    note_id: str
    target_kind: str  # session | stop | person
    target_uid: str
    title: str | None  # what the target was called, when a change list remembers it
    excerpt: str = ""


@dataclass(frozen=True, slots=True)
class ContentCounts:
    sessions: int = 0
    people: int = 0
    itineraries: int = 0
    stops: int = 0
    documents: int = 0
    questionnaires: int = 0

    @classmethod
    def of(cls, content: PackContent) -> ContentCounts:
        return cls(
            sessions=len(content.sessions),
            people=len(content.people),
            itineraries=len(content.itineraries),
            stops=sum(len(i.stops) for i in content.itineraries),
            documents=len(content.documents),
            questionnaires=len(content.questionnaires),
        )


@dataclass(frozen=True, slots=True)
class ChangeCounts:
    new: int = 0
    changed: int = 0
    cancelled: int = 0

    @classmethod
    def of(cls, changes: Iterable[Change]) -> ChangeCounts:
        items = list(changes)
        return cls(
            new=sum(c.change is ChangeKind.NEW for c in items),
            changed=sum(c.change is ChangeKind.CHANGED for c in items),
            cancelled=sum(c.change is ChangeKind.CANCELLED for c in items),
        )

    def summary(self) -> str:
        return f"{self.new} new, {self.changed} changed, {self.cancelled} cancelled"


@dataclass(frozen=True, slots=True)
class ImportPreview:
    """What importing a pack would do, computed without writing anything."""

    event_id: str
    title: str
    pack_version: int
    installed_version: int | None
    signed: bool
    fingerprint: str | None
    pinned_fingerprint: str | None
    key_changed: bool  # signed by another key than the pinned one (or unsigned over a pin)
    is_downgrade: bool
    same_version: bool
    content_differs: bool  # meaningful only with same_version: such a pack is refused
    changes: tuple[Change, ...]
    change_counts: ChangeCounts
    counts: ContentCounts
    orphaned_notes: tuple[OrphanNote, ...] = ()
    require_app_lock: bool = False  # the pack asks for a passcode-protected store

    @property
    def first_install(self) -> bool:
        return self.installed_version is None

    @property
    def sample(self) -> bool:
        """One of the illustrative samples (its id is in the `sample-` namespace)."""
        return is_sample(self.event_id)

    @property
    def demo_key(self) -> bool:
        """Signed by the PUBLIC demo key, which anyone can sign with."""
        return self.signed and self.fingerprint == DEMO_FINGERPRINT

    @property
    def replaces_by_new_key(self) -> bool:
        """A version the pinned key's numbering would refuse (older, or the same number
        with other content), which only an accepted new key may install: the new
        organiser key starts its own numbering."""
        return self.key_changed and (self.is_downgrade or self.same_version)

    @property
    def blocked(self) -> bool:
        """Refused whatever the delegate accepts."""
        if self.key_changed:
            return False
        return self.is_downgrade or (self.same_version and self.content_differs)

    @property
    def unchanged(self) -> bool:
        """The very version and content installed, by the same key: nothing to do."""
        return self.same_version and not self.content_differs and not self.key_changed


@dataclass(frozen=True, slots=True)
class ImportResult:
    event_id: str
    title: str
    status: ImportStatus
    old_version: int | None
    new_version: int
    signed: bool
    fingerprint: str | None
    first_pin: bool  # this import pinned the event's key (trust on first use)
    previous_fingerprint: str | None  # set when an accepted new key replaced the pin
    pack_file: str  # file name under paths.packs
    changes: tuple[Change, ...] = ()
    orphaned_notes: tuple[OrphanNote, ...] = ()
    counts: ContentCounts = ContentCounts()

    @property
    def change_counts(self) -> ChangeCounts:
        return ChangeCounts.of(self.changes)


@dataclass(frozen=True, slots=True)
class EventChoice:
    """One installed event, as the event switcher lists it."""

    id: str
    title: str
    timezone: str
    start_date: dt.date
    end_date: dt.date
    illustrative: str = ""  # what the pack invents (the sample banner's note)


@dataclass(frozen=True, slots=True)
class EventSummary:
    """One installed event, as `fieldvisit events` and the event switcher list it."""

    id: str
    title: str
    timezone: str
    start_date: dt.date
    end_date: dt.date
    pack_version: int
    signed: bool
    fingerprint: str | None
    counts: ContentCounts
    unseen_changes: int
    installed_at: dt.datetime  # aware, UTC
    updated_at: dt.datetime  # aware, UTC


# --- the diff -----------------------------------------------------------------------------


def render_time(moment: dt.datetime | None, zone: ZoneInfo) -> str:
    """A time as people read it in the event's zone ("2017-02-15 09:30"); "" for none."""
    if moment is None:
        return ""
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M")


def _render_float(value: float | None) -> str:
    return "" if value is None else f"{value:.6f}".rstrip("0").rstrip(".")


def _names(ids: Iterable[str], names: Mapping[str, str]) -> str:
    return ", ".join(names.get(i, i) for i in ids)


def _fields(
    old: object, new: object, renderers: Mapping[str, Callable[[object, bool], str]]
) -> tuple[FieldChange, ...]:
    out: list[FieldChange] = []
    for name, render in renderers.items():
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            old_text, new_text = render(before, False), render(after, True)
            # Two values may render alike (an instant given in another zone): not a change.
            if old_text != new_text:
                out.append(FieldChange(name, old_text, new_text))
    return tuple(out)


Renderer = Callable[[object, bool], str]  # (value, from the new version?) -> text


def _renderers(
    zone: ZoneInfo, old_names: Mapping[str, str], new_names: Mapping[str, str]
) -> tuple[dict[str, Renderer], dict[str, Renderer]]:
    """How each field of a session, and of a stop, is shown in a change list."""

    def text(value: object, _new: bool) -> str:
        return "" if value is None else str(value)

    def time(value: object, _new: bool) -> str:
        return render_time(value if isinstance(value, dt.datetime) else None, zone)

    def people(value: object, is_new: bool) -> str:
        ids = value if isinstance(value, tuple) else ()
        return _names((str(i) for i in ids), new_names if is_new else old_names)

    def ids(value: object, _new: bool) -> str:
        return ", ".join(str(i) for i in value) if isinstance(value, tuple) else ""

    def flag(value: object, _new: bool) -> str:
        return "yes" if value else "no"

    def number(value: object, _new: bool) -> str:
        return _render_float(value if isinstance(value, float | int) else None)

    def host(value: object, is_new: bool) -> str:
        if value is None:
            return ""
        return (new_names if is_new else old_names).get(str(value), str(value))

    session: dict[str, Renderer] = {
        "title": text,
        "kind": text,
        "start": time,
        "end": time,
        "room": text,
        "venue_id": text,
        "online_url": text,
        "track": text,
        "description": text,
        "speaker_ids": people,
        "document_ids": ids,
        "confidential": flag,
        "signup_group": text,
        "language": text,
    }
    stop: dict[str, Renderer] = {
        "title": text,
        "planned_start": time,
        "planned_end": time,
        "address": text,
        "lat": number,
        "lon": number,
        "host_id": host,
        "briefing": text,
        "etiquette": text,
        "safety": text,
        "directions_to_next": text,
    }
    return session, stop


def _stops(content: PackContent, keep: Callable[[str], bool]) -> dict[str, tuple[str, int, Stop]]:
    """Every stop by id, with its itinerary's title and its 1-based place among the stops
    `keep` accepts (those in both versions, so one inserted stop does not move all others).
    """
    found: dict[str, tuple[str, int, Stop]] = {}
    for itinerary in content.itineraries:
        place = 0
        for stop in itinerary.stops:
            place += 1 if keep(stop.id) else 0
            found[stop.id] = (itinerary.title, place, stop)
    return found


def _session_key(session: Session) -> tuple[dt.datetime, dt.datetime, str]:
    return (session.start, session.end, session.id)


def diff_content(old: PackContent | None, new: PackContent) -> list[Change]:
    """The change list from `old` to `new`, per session and per stop.

    A first install (`old` is None) has no change list: everything is new, and telling a
    delegate so once per session helps no one. Sessions come first in time order (a
    cancelled one where it used to be), then stops in route order.
    """
    if old is None:
        return []
    zone = ZoneInfo(new.event.timezone)
    old_names = {p.id: p.name for p in old.people}
    new_names = {p.id: p.name for p in new.people}
    session_fields, stop_fields = _renderers(zone, old_names, new_names)

    old_sessions = {s.id: s for s in old.sessions}
    new_sessions = {s.id: s for s in new.sessions}
    timed: list[tuple[tuple[dt.datetime, dt.datetime, str], Change]] = []
    for uid, session in new_sessions.items():
        before = old_sessions.get(uid)
        if before is None:
            timed.append(
                (_session_key(session), Change("session", uid, session.title, ChangeKind.NEW))
            )
            continue
        if before == session:
            continue
        fields = _fields(before, session, session_fields)
        if fields:
            timed.append(
                (
                    _session_key(session),
                    Change("session", uid, session.title, ChangeKind.CHANGED, fields),
                )
            )
    for uid, session in old_sessions.items():
        if uid not in new_sessions:
            timed.append(
                (_session_key(session), Change("session", uid, session.title, ChangeKind.CANCELLED))
            )
    timed.sort(key=lambda item: item[0])
    changes = [change for _key, change in timed]

    old_ids = {s.id for i in old.itineraries for s in i.stops}
    new_ids = {s.id for i in new.itineraries for s in i.stops}
    both = old_ids & new_ids
    old_stops, new_stops = _stops(old, both.__contains__), _stops(new, both.__contains__)
    for uid, (itinerary, place, stop) in new_stops.items():
        previous = old_stops.get(uid)
        if previous is None:
            changes.append(Change("stop", uid, stop.title, ChangeKind.NEW))
            continue
        old_itinerary, old_place, old_stop = previous
        fields = _fields(old_stop, stop, stop_fields)
        if old_itinerary != itinerary:
            fields += (FieldChange("itinerary", old_itinerary, itinerary),)
        if old_place != place:
            fields += (FieldChange("order", str(old_place), str(place)),)
        if fields:
            changes.append(Change("stop", uid, stop.title, ChangeKind.CHANGED, fields))
    for uid, (_itinerary, _place, stop) in old_stops.items():
        if uid not in new_stops:
            changes.append(Change("stop", uid, stop.title, ChangeKind.CANCELLED))
    return changes
