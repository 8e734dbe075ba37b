"""Stored rows and domain dataclasses: times (naive UTC in the store, aware outside) and the
row-to-dataclass conversions every reader shares. No queries here.

Converters take an ORM object or a plain row of the table's columns (readers select plain
rows: a FOSDEM-sized pack has about a thousand sessions and people).
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fieldvisit.domain.changes import EventChoice
from fieldvisit.domain.model import (
    Event,
    LinkKind,
    MapLayer,
    Person,
    Question,
    QuestionKind,
    Role,
    Session,
    SessionKind,
    SessionLink,
    Sharing,
    Stop,
    Venue,
)

# --- times ----------------------------------------------------------------------------------


def to_utc(moment: dt.datetime) -> dt.datetime:
    """An aware datetime as the naive UTC instant the store keeps."""
    if moment.tzinfo is None:
        raise ValueError(f"naive datetime {moment.isoformat()} cannot be stored")
    return moment.astimezone(dt.UTC).replace(tzinfo=None)


def zone_of(name: str) -> ZoneInfo:
    """The stored zone name as a ZoneInfo; UTC when it is empty or unknown to this machine."""
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def from_utc(moment: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """A stored naive-UTC instant as an aware datetime in `zone`."""
    return moment.replace(tzinfo=dt.UTC).astimezone(zone)


def opt_to_utc(moment: dt.datetime | None) -> dt.datetime | None:
    return None if moment is None else to_utc(moment)


def opt_from_utc(moment: dt.datetime | None, zone: ZoneInfo) -> dt.datetime | None:
    return None if moment is None else from_utc(moment, zone)


# --- domain -> row values ---------------------------------------------------------------------


# --- rows to dataclasses ------------------------------------------------------------


def strings(value: object) -> tuple[str, ...]:
    return tuple(str(v) for v in value) if isinstance(value, list | tuple) else ()


def opt_float(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def event_choice_from_row(row: Any) -> EventChoice:
    """The event switcher's line for an `events` row (an ORM object or a plain row)."""
    data = row.data if isinstance(row.data, dict) else {}
    return EventChoice(
        row.id,
        row.title,
        row.timezone,
        row.start_date,
        row.end_date,
        str(data.get("illustrative") or ""),
    )


def event_from_row(row: Any) -> Event:
    """An Event from an `events` row (an ORM object or a plain row of its columns)."""
    data: dict[str, Any] = row.data if isinstance(row.data, dict) else {}
    venues = tuple(
        Venue(
            id=str(v.get("id", "")),
            name=str(v.get("name", "")),
            address=str(v.get("address") or ""),
            lat=opt_float(v.get("lat")),
            lon=opt_float(v.get("lon")),
        )
        for v in data.get("venues") or ()
        if isinstance(v, dict)
    )
    contact = data.get("emergency_contact_id")
    return Event(
        id=row.id,
        title=row.title,
        timezone=row.timezone,
        start_date=row.start_date,
        end_date=row.end_date,
        organisers=strings(data.get("organisers")),
        venues=venues,
        languages=strings(data.get("languages")),
        confidentiality=str(data.get("confidentiality") or ""),
        emergency_contact_id=str(contact) if contact else None,
        description=str(data.get("description") or ""),
        url=str(data.get("url") or ""),
        illustrative=str(data.get("illustrative") or ""),
        require_app_lock=bool(data.get("require_app_lock", False)),
    )


def map_from_data(data: object) -> MapLayer | None:
    if not isinstance(data, dict):
        return None
    bounds = data.get("bounds")
    return MapLayer(
        kind=str(data.get("kind", "")),
        filename=str(data.get("filename", "")),
        attribution=str(data.get("attribution") or ""),
        bounds=(
            (float(bounds[0]), float(bounds[1]), float(bounds[2]), float(bounds[3]))
            if isinstance(bounds, list) and len(bounds) == 4
            else None
        ),
    )


def question_from_data(data: dict[str, Any]) -> Question:
    return Question(
        id=str(data["id"]),
        kind=QuestionKind(data["kind"]),
        text=str(data.get("text", "")),
        options=strings(data.get("options")),
        scale_min=int(data.get("scale_min", 1)),
        scale_max=int(data.get("scale_max", 5)),
        scale_labels=strings(data.get("scale_labels")),
        required=bool(data.get("required", False)),
    )


def _kind(value: str) -> SessionKind:
    try:
        return SessionKind(value)
    except ValueError:  # a kind this version does not know: shown as a talk, not an error
        return SessionKind.TALK


def sharing_of(value: object) -> Sharing:
    """A stored sharing status; an unknown one is treated as the most careful."""
    try:
        return Sharing(str(value or Sharing.SHARED.value))
    except ValueError:
        return Sharing.NOT_SHARED


def _role(value: str) -> Role:
    try:
        return Role(value)
    except ValueError:
        return Role.DELEGATE


_LINK_KINDS = {kind.value: kind for kind in LinkKind}


def _link_kind(value: object) -> LinkKind:
    # A kind this version does not know is shown as a plain web page.
    return (
        _LINK_KINDS.get(value, LinkKind.WEB_PAGE) if isinstance(value, str) else LinkKind.WEB_PAGE
    )


def links_from_data(data: object) -> tuple[SessionLink, ...]:
    """The `sessions.links` JSON as SessionLinks (None, from rows stored before it: none)."""
    if not isinstance(data, list):
        return ()
    return tuple(
        SessionLink(
            title=str(x.get("title", "")), url=str(x["url"]), kind=_link_kind(x.get("kind"))
        )
        for x in data
        if isinstance(x, dict) and x.get("url")
    )


def session_from_row(r: Any, zone: ZoneInfo) -> Session:
    """A Session from a `sessions` row (ORM object or plain row), aware in `zone`."""
    return Session(
        id=r.uid,
        title=r.title,
        kind=_kind(r.kind),
        start=from_utc(r.start_utc, zone),
        end=from_utc(r.end_utc, zone),
        room=r.room or "",
        venue_id=r.venue_id,
        online_url=r.online_url or "",
        track=r.track or "",
        description=r.description or "",
        speaker_ids=strings(r.speaker_ids),
        document_ids=strings(r.document_ids),
        confidential=bool(r.confidential),
        signup_group=r.signup_group or "",
        language=r.language or "",
        illustrative=bool(r.illustrative),
        links=links_from_data(getattr(r, "links", None)),
    )


def person_from_row(r: Any) -> Person:
    """A Person from a `people` row (ORM object or plain row)."""
    return Person(
        id=r.uid,
        name=r.name,
        role=_role(r.role),
        organisation=r.organisation or "",
        phone=r.phone or "",
        email=r.email or "",
        languages=strings(r.languages),
        listed=bool(r.listed),
        biography=getattr(r, "biography", "") or "",
    )


def stop_from_row(r: Any, zone: ZoneInfo) -> Stop:
    """A Stop from a `stops` row (ORM object or plain row), aware in `zone`."""
    return Stop(
        id=r.uid,
        title=r.title,
        planned_start=opt_from_utc(r.start_utc, zone),
        planned_end=opt_from_utc(r.end_utc, zone),
        address=r.address or "",
        lat=r.lat,
        lon=r.lon,
        host_id=r.host_id,
        briefing=r.briefing or "",
        etiquette=r.etiquette or "",
        safety=r.safety or "",
        directions_to_next=r.directions_to_next or "",
    )
