"""Test data written straight into a store as rows: a small Hague-like event and FOSDEM 2025.

Used until (and beside) the pack importer: tests of the programme, Today, search and the
window need a populated store without depending on the zip layer.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

from defusedxml import ElementTree
from sqlalchemy import insert

from fieldvisit.services.store import Store
from fieldvisit.storage.models import (
    ChangeRow,
    EventRow,
    ItineraryRow,
    NoteRow,
    PersonRow,
    SessionRow,
    StopRow,
)
from fieldvisit.storage.repository import index_sessions

HAGUE = "hague-2017"
AMS = ZoneInfo("Europe/Amsterdam")


def utc(day: int, hour: int, minute: int = 0, zone: ZoneInfo = AMS) -> dt.datetime:
    """A local Hague time on 15/16 Feb 2017 as the naive UTC instant the store keeps."""
    local = dt.datetime(2017, 2, day, hour, minute, tzinfo=zone)
    return local.astimezone(dt.UTC).replace(tzinfo=None)


def _event(event_id: str, title: str, zone: str, start: dt.date, end: dt.date) -> dict[str, object]:
    return {
        "id": event_id,
        "title": title,
        "timezone": zone,
        "start_date": start,
        "end_date": end,
        "data": {
            "organisers": ["Gemeente Den Haag"],
            "emergency_contact_id": "duty-officer",
            "confidentiality": "Chatham House Rule",
        },
        "map_data": None,
        "pack_id": f"{event_id}-pack",
        "pack_version": 1,
        "pack_file": f"{event_id}-v1.fvpack",
        "signed": True,
        "key_fingerprint": "AB12 CD34 EF56 7890",
        "return_key": None,
    }


def _session(
    event_id: str,
    uid: str,
    title: str,
    kind: str,
    start: dt.datetime,
    end: dt.datetime,
    **extra: object,
) -> dict[str, object]:
    row: dict[str, object] = {
        "event_id": event_id,
        "uid": uid,
        "title": title,
        "kind": kind,
        "start_utc": start,
        "end_utc": end,
        "room": "",
        "venue_id": None,
        "online_url": "",
        "track": "",
        "description": "",
        "speaker_ids": [],
        "document_ids": [],
        "confidential": False,
        "signup_group": "",
        "language": "en",
    }
    row.update(extra)
    return row


def add_hague(store: Store) -> str:
    """The Hague conference, 15-16 Feb 2017, mornings at Fokker Terminal (fictional detail)."""
    e = HAGUE
    sessions = [
        _session(
            e,
            "opening",
            "Opening by the Mayor of The Hague",
            "plenary",
            utc(15, 9),
            utc(15, 9, 45),
            room="Main hall",
            track="Plenary",
            speaker_ids=["mayor"],
            description="Welcome and the aims of the conference.",
        ),
        _session(
            e,
            "insp-1",
            "Inspiration session: learning from returnees",
            "inspiration_session",
            utc(15, 9, 45),
            utc(15, 10, 30),
            room="Main hall",
            track="Plenary",
            speaker_ids=["speaker-a"],
            description="Multidisciplinary case management.",
        ),
        _session(e, "coffee-1", "Coffee break", "break", utc(15, 10, 30), utc(15, 11)),
        _session(
            e,
            "wg-a",
            "Working group A: prisons and probation",
            "working_group",
            utc(15, 11),
            utc(15, 12, 30),
            room="Room 1",
            track="Working groups",
            signup_group="wg-slot-1",
            confidential=True,
            description="Closed session under the Chatham House Rule.",
        ),
        _session(
            e,
            "wg-b",
            "Working group B: families and communities",
            "working_group",
            utc(15, 11),
            utc(15, 12, 30),
            room="Room 2",
            track="Working groups",
            signup_group="wg-slot-1",
            description="Support for families of returnees.",
        ),
        _session(
            e,
            "panel-1",
            "Panel: local and national cooperation",
            "panel",
            utc(15, 11, 30),
            utc(15, 12, 30),
            room="Main hall",
            track="Plenary",
        ),
        _session(
            e,
            "closing-1",
            "Wrap-up of day one",
            "plenary",
            utc(15, 12, 30),
            utc(15, 13),
            room="Main hall",
            track="Plenary",
        ),
        _session(
            e,
            "visit",
            "Field visit: Schilderswijk",
            "field_visit",
            utc(16, 9),
            utc(16, 12),
            room="Schilderswijk",
            track="Field visit",
            description="A walk through the neighbourhood with local professionals.",
        ),
        _session(
            e,
            "closing-2",
            "Closing plenary",
            "plenary",
            utc(16, 12, 15),
            utc(16, 13),
            room="Main hall",
            track="Plenary",
        ),
    ]
    people = [
        {
            "event_id": e,
            "uid": "mayor",
            "name": "The Mayor of The Hague",
            "role": "speaker",
            "organisation": "Gemeente Den Haag",
            "phone": "",
            "email": "",
            "languages": ["nl"],
            "listed": True,
        },
        {
            "event_id": e,
            "uid": "speaker-a",
            "name": "A. Example",
            "role": "speaker",
            "organisation": "Example Institute",
            "phone": "",
            "email": "a@example.org",
            "languages": ["en"],
            "listed": True,
        },
        {
            "event_id": e,
            "uid": "duty-officer",
            "name": "Duty officer (fictional)",
            "role": "emergency",
            "organisation": "Conference desk",
            "phone": "+31 70 000 0000",
            "email": "duty@example.org",
            "languages": ["nl", "en"],
            "listed": True,
        },
    ]
    stops = [
        {
            "event_id": e,
            "itinerary_uid": "schilderswijk",
            "uid": f"stop-{i}",
            "position": i,
            "title": title,
            "start_utc": utc(16, h, m),
            "end_utc": utc(16, h2, m2),
            "address": addr,
            "lat": lat,
            "lon": lon,
            "host_id": None,
            "briefing": "",
            "etiquette": "",
            "safety": "",
            "directions_to_next": "",
        }
        for i, (title, h, m, h2, m2, addr, lat, lon) in enumerate(
            [
                ("Community centre", 9, 15, 10, 0, "Example street 1", 52.069, 4.296),
                ("Neighbourhood police post", 10, 15, 11, 0, "Example street 2", 52.067, 4.301),
                ("Youth work project", 11, 15, 11, 50, "Example street 3", 52.065, 4.298),
            ]
        )
    ]
    with store.unit() as s:
        s.execute(
            insert(EventRow),
            [
                _event(
                    e,
                    "International Conference on Returning Foreign Terrorist Fighters",
                    "Europe/Amsterdam",
                    dt.date(2017, 2, 15),
                    dt.date(2017, 2, 16),
                )
            ],
        )
        s.execute(insert(SessionRow), sessions)
        index_sessions(s, e)
        s.execute(insert(PersonRow), people)
        s.execute(
            insert(ItineraryRow),
            [
                {
                    "event_id": e,
                    "uid": "schilderswijk",
                    "title": "Schilderswijk",
                    "session_id": "visit",
                    "route": [],
                }
            ],
        )
        s.execute(insert(StopRow), stops)
    return e


def add_change(
    store: Store,
    event_id: str,
    uid: str,
    title: str,
    change: str,
    fields: list[dict[str, str]] | None = None,
) -> None:
    with store.unit() as s:
        s.add(
            ChangeRow(
                event_id=event_id,
                pack_version=2,
                target_kind="session",
                target_uid=uid,
                title=title,
                change=change,
                fields=fields or [],
            )
        )


def add_note(store: Store, event_id: str, note_id: str, body: str, target_uid: str = "") -> None:
    with store.unit() as s:
        s.add(
            NoteRow(
                id=note_id,
                event_id=event_id,
                body=body,
                target_kind="session" if target_uid else "",
                target_uid=target_uid,
            )
        )


def add_fosdem(store: Store, xml_path: Path, event_id: str = "fosdem-2025") -> int:
    """FOSDEM 2025's Pentabarf XML as rows (Europe/Brussels); returns the session count."""
    zone = ZoneInfo("Europe/Brussels")
    root = ElementTree.parse(xml_path).getroot()
    assert root is not None
    sessions: list[dict[str, object]] = []
    people: dict[str, str] = {}
    days: list[dt.date] = []
    for day in root.iter("day"):
        date = dt.date.fromisoformat(day.get("date", ""))
        days.append(date)
        for room in day.iter("room"):
            for ev in room.iter("event"):
                start_text = ev.findtext("date") or ""
                start = dt.datetime.fromisoformat(start_text) if start_text else None
                if start is None:
                    h, m = (ev.findtext("start") or "00:00").split(":")
                    start = dt.datetime(
                        date.year, date.month, date.day, int(h), int(m), tzinfo=zone
                    )
                dh, dm = (ev.findtext("duration") or "00:30").split(":")[:2]
                end = start + dt.timedelta(hours=int(dh), minutes=int(dm))
                speakers = []
                for p in ev.iter("person"):
                    pid = p.get("id") or (p.text or "").strip()
                    people[pid] = (p.text or "").strip()
                    speakers.append(pid)
                sessions.append(
                    _session(
                        event_id,
                        ev.get("guid") or ev.get("id") or str(len(sessions)),
                        ev.findtext("title") or "",
                        "talk",
                        start.astimezone(dt.UTC).replace(tzinfo=None),
                        end.astimezone(dt.UTC).replace(tzinfo=None),
                        room=room.get("name", ""),
                        track=ev.findtext("track") or "",
                        description=ev.findtext("abstract") or "",
                        speaker_ids=speakers,
                    )
                )
    person_rows = [
        {
            "event_id": event_id,
            "uid": uid,
            "name": name,
            "role": "speaker",
            "organisation": "",
            "phone": "",
            "email": "",
            "languages": [],
            "listed": False,
        }
        for uid, name in people.items()
    ]
    with store.unit() as s:
        s.execute(
            insert(EventRow),
            [_event(event_id, "FOSDEM 2025", "Europe/Brussels", min(days), max(days))],
        )
        s.execute(insert(SessionRow), sessions)
        index_sessions(s, event_id)
        s.execute(insert(PersonRow), person_rows)
    return len(sessions)


# The Hague sample pack (resources), as installed by `ensure_sample`.
SAMPLE_ID = "sample-hague-rftf-2017"
SAMPLE_TITLE = "International Conference on Returning Foreign Terrorist Fighters"
