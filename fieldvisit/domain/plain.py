"""Plain JSON forms of domain parts, written once for the pack's event.json and the store.

`packs.codec` writes these into event.json and `storage.repository` into its JSON columns,
so a field added to an Event, a MapLayer or a Question is serialised in one place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol

from fieldvisit.domain.model import (
    Event,
    LinkKind,
    MapLayer,
    Person,
    Question,
    Session,
    SessionLink,
)


class _EventHead(Protocol):
    """An Event or an EventSummary."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def timezone(self) -> str: ...
    @property
    def start_date(self) -> dt.date: ...
    @property
    def end_date(self) -> dt.date: ...


def event_head(event: _EventHead) -> dict[str, object]:
    """An event's id, title, zone and dates, as event.json, `pack inspect --json` and
    `events list --json` give them."""
    return {
        "id": event.id,
        "title": event.title,
        "timezone": event.timezone,
        "start_date": event.start_date.isoformat(),
        "end_date": event.end_date.isoformat(),
    }


def event_data(event: Event) -> dict[str, object]:
    """The parts of an Event beyond id, title, zone and dates (the store's `events.data`)."""
    return {
        "organisers": list(event.organisers),
        "venues": [
            {"id": v.id, "name": v.name, "address": v.address, "lat": v.lat, "lon": v.lon}
            for v in event.venues
        ],
        "languages": list(event.languages),
        "confidentiality": event.confidentiality,
        "emergency_contact_id": event.emergency_contact_id,
        "description": event.description,
        "url": event.url,
        "illustrative": event.illustrative,
        # Written only when set, so a pack without it stays readable by older versions.
        **({"require_app_lock": True} if event.require_app_lock else {}),
    }


def map_data(layer: MapLayer | None) -> dict[str, object] | None:
    if layer is None:
        return None
    return {
        "kind": layer.kind,
        "filename": layer.filename,
        "attribution": layer.attribution,
        "bounds": list(layer.bounds) if layer.bounds is not None else None,
    }


def question_data(question: Question) -> dict[str, object]:
    return {
        "id": question.id,
        "kind": question.kind.value,
        "text": question.text,
        "options": list(question.options),
        "scale_min": question.scale_min,
        "scale_max": question.scale_max,
        "scale_labels": list(question.scale_labels),
        "required": question.required,
    }


# Looked up once: an enum member's attribute access is slow, and FOSDEM has thousands of links.
_WEB_PAGE = LinkKind.WEB_PAGE
_KIND_VALUES = {kind: kind.value for kind in LinkKind}


def links_data(links: Sequence[SessionLink]) -> list[dict[str, str]]:
    """A session's links: in event.json and in the store's `sessions.links`. An empty title
    and the default kind are left out (both readers take them as the default)."""
    data: list[dict[str, str]] = []
    for link in links:
        item = {"url": link.url}
        if link.title:
            item["title"] = link.title
        if link.kind is not _WEB_PAGE:
            item["kind"] = _KIND_VALUES[link.kind]
        data.append(item)
    return data


def session_fields(s: Session) -> dict[str, object]:
    """A Session's fields but its id and times (event.json and the store write those their
    own way: local time with offset, naive UTC)."""
    return {
        "title": s.title,
        "kind": s.kind.value,
        "room": s.room,
        "venue_id": s.venue_id,
        "online_url": s.online_url,
        "track": s.track,
        "description": s.description,
        "speaker_ids": list(s.speaker_ids),
        "document_ids": list(s.document_ids),
        "confidential": s.confidential,
        "signup_group": s.signup_group,
        "language": s.language,
        "illustrative": s.illustrative,
        "links": links_data(s.links),
    }


def person_fields(p: Person) -> dict[str, object]:
    """A Person's fields but their id (the biography only when there is one)."""
    fields: dict[str, object] = {
        "name": p.name,
        "role": p.role.value,
        "organisation": p.organisation,
        "phone": p.phone,
        "email": p.email,
        "languages": list(p.languages),
        "listed": p.listed,
    }
    if p.biography:
        fields["biography"] = p.biography
    return fields
