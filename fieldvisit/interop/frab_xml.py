"""Reader of Pentabarf/frab schedule XML (FOSDEM, CCC, pretalx's schedule.xml).

Parsed with defusedxml with DTDs forbidden outright: a schedule never needs one, and it
is how entity expansion bombs and external entities get in.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

import defusedxml
import defusedxml.ElementTree as SafeET

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.domain.model import SourceBundle
from fieldvisit.interop.common import decode_utf8, read_input
from fieldvisit.interop.frab_model import RawEvent, RawPerson, RawSchedule, build_bundle
from fieldvisit.interop.links import RawLink, online_room_address


def read_frab_xml(
    path: Path, *, timezone: str | None = None, event_id: str | None = None
) -> SourceBundle:
    """Read a Pentabarf/frab schedule.xml file into pack content."""
    path = Path(path)
    return parse_frab_xml(path, read_input(path), timezone=timezone, event_id=event_id)


def parse_frab_xml(
    path: Path, data: bytes, *, timezone: str | None = None, event_id: str | None = None
) -> SourceBundle:
    """Like `read_frab_xml` for bytes already read from `path` (named in errors)."""
    # Checked here, not left to expat, so the message is the same as for JSON and iCalendar.
    decode_utf8(path, data)
    root = parse_xml(path, data)
    if root.tag != "schedule":
        raise InvalidInputError(
            f"not a frab/Pentabarf schedule: the root element is <{root.tag}>, not <schedule>",
            path=path,
        )
    raw = _raw_schedule(path, root)
    return build_bundle(raw, timezone=timezone, event_id=event_id)


def parse_xml(path: Path, data: bytes) -> Element:
    """The root element of `data`, refusing DTDs, entities and external references."""
    try:
        return SafeET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except defusedxml.DTDForbidden as exc:
        raise InvalidInputError(
            "XML with a DTD (<!DOCTYPE ...>) is refused: it can hide entity bombs",
            path=path,
        ) from exc
    except defusedxml.EntitiesForbidden as exc:
        raise InvalidInputError(
            f"XML entity declaration {exc.name!r} refused (entity expansion attack?)", path=path
        ) from exc
    except defusedxml.ExternalReferenceForbidden as exc:
        raise InvalidInputError(
            "XML external reference refused (it would read other files or the network)",
            path=path,
        ) from exc
    except defusedxml.DefusedXmlException as exc:
        raise InvalidInputError(f"unsafe XML refused: {exc}", path=path) from exc
    except ParseError as exc:
        line, column = exc.position
        raise InvalidInputError(
            f"not well-formed XML at line {line}, column {column + 1}", path=path
        ) from exc
    except (LookupError, ValueError) as exc:
        # expat knows no such encoding (LookupError) or cannot read a multi-byte one
        # (ValueError) that the XML declaration names; the bytes are UTF-8 already.
        raise InvalidInputError(
            f"the XML declaration names an encoding this app cannot read ({exc}): "
            "save the file as UTF-8 and declare encoding='UTF-8'",
            path=path,
            field="<?xml encoding?>",
        ) from exc


def _text(element: Element | None, tag: str) -> str:
    if element is None:
        return ""
    found = element.find(tag)
    if found is None:
        return ""
    return "".join(found.itertext())


def _raw_schedule(path: Path, root: Element) -> RawSchedule:
    conference = root.find("conference")
    raw = RawSchedule(
        path=path,
        source_format="frab-xml",
        conference_where="schedule/conference",
        acronym=_text(conference, "acronym"),
        title=_text(conference, "title"),
        start=_text(conference, "start"),
        end=_text(conference, "end"),
        time_zone=_text(conference, "time_zone_name"),
        day_change=_text(conference, "day_change"),
        venue=_text(conference, "venue"),
        city=_text(conference, "city"),
        url=_text(conference, "base_url") or _text(conference, "url"),
    )
    for declared in root.iterfind("rooms/room"):
        _room(raw, declared.get("name") or "".join(declared.itertext()), declared)
    for d, day in enumerate(root.iterfind("day"), start=1):
        day_date = day.get("date", "")
        for r, room in enumerate(day.iterfind("room"), start=1):
            room_name = room.get("name", "")
            _room(raw, room_name, room)
            for e, event in enumerate(room.iterfind("event"), start=1):
                raw.events.append(
                    _raw_event(
                        event, f"schedule/day[{d}]/room[{r}]/event[{e}]", day_date, room_name
                    )
                )
    return raw


def _room(raw: RawSchedule, name: str, element: Element) -> None:
    name = name.strip()
    if not name:
        return
    raw.rooms.append(name)
    address = online_room_address(dict(element.attrib))
    if address:
        raw.room_join.setdefault(name, address)


def _children(event: Element, container: str, tag: str) -> list[Element]:
    """`event.findall(f"{container}/{tag}")` without ElementPath's path machinery (C finds
    a plain tag; a big schedule has thousands of events)."""
    return [item for found in event.findall(container) for item in found.findall(tag)]


def _references(event: Element, container: str, tag: str) -> list[RawLink]:
    return [
        RawLink(url=item.get("href", ""), title="".join(item.itertext()), type=item.get("type", ""))
        for item in _children(event, container, tag)
    ]


def _links(event: Element) -> list[RawLink]:
    found = _references(event, "links", "link")
    for tag, kind in (
        ("feedback_url", "feedback"),
        ("video_download_url", "video"),
        ("origin_url", ""),
    ):
        if address := _text(event, tag).strip():
            found.append(RawLink(url=address, type=kind))
    return found


def _raw_event(event: Element, where: str, day_date: str, room_name: str) -> RawEvent:
    persons = event.find("persons")
    return RawEvent(
        where=where,
        day_date=day_date,
        guid=event.get("guid") or _text(event, "guid"),
        id=event.get("id") or _text(event, "id"),
        slug=_text(event, "slug"),
        date=_text(event, "date"),
        start=_text(event, "start"),
        duration=_text(event, "duration"),
        room=_text(event, "room") or room_name,
        title=_text(event, "title"),
        subtitle=_text(event, "subtitle"),
        track=_text(event, "track"),
        type=_text(event, "type"),
        language=_text(event, "language"),
        abstract=_text(event, "abstract"),
        description=_text(event, "description"),
        url=_text(event, "url"),
        persons=[
            RawPerson(id=p.get("id") or p.get("guid") or "", name="".join(p.itertext()))
            for p in (persons.iterfind("person") if persons is not None else ())
        ],
        links=_links(event),
        attachments=_references(event, "attachments", "attachment"),
    )
