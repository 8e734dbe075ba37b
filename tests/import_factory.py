"""Small packs built from domain dataclasses, for importer tests that skip the zip layer."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from pathlib import Path
from zoneinfo import ZoneInfo

from fieldvisit.domain.model import (
    Document,
    Event,
    Itinerary,
    PackContent,
    Person,
    Phase,
    Question,
    QuestionKind,
    Questionnaire,
    Role,
    Session,
    SessionKind,
    Stop,
    Venue,
)
from fieldvisit.packs.manifest import FileEntry, LoadedPack, PackManifest

AMS = ZoneInfo("Europe/Amsterdam")
KEY_A = "A" * 43 + "="
KEY_B = "B" * 43 + "="
FINGERPRINTS = {KEY_A: "aaaa-1111", KEY_B: "bbbb-2222"}


def at(day: int, hour: int, minute: int = 0, zone: ZoneInfo = AMS) -> dt.datetime:
    return dt.datetime(2017, 2, day, hour, minute, tzinfo=zone)


def hague(event_id: str = "hague-2017") -> PackContent:
    """A small Hague-like event: three sessions, a field visit with three stops."""
    event = Event(
        id=event_id,
        title="Returning foreign terrorist fighters",
        timezone="Europe/Amsterdam",
        start_date=dt.date(2017, 2, 15),
        end_date=dt.date(2017, 2, 16),
        organisers=("Gemeente Den Haag",),
        venues=(Venue("fokker", "Fokker Terminal", "Binckhorstlaan 249", 52.07, 4.33),),
        languages=("en", "nl"),
        confidentiality="Chatham House Rule",
        emergency_contact_id="duty",
    )
    people = (
        Person("duty", "Duty officer", Role.EMERGENCY, phone="+31 70 000 0000"),
        Person("anna", "Anna Example", Role.SPEAKER, organisation="Example.org"),
        Person("ben", "Ben Example", Role.HOST, listed=True),
    )
    sessions = (
        Session("open", "Opening plenary", SessionKind.PLENARY, at(15, 9), at(15, 10), "Hall"),
        Session(
            "wg1",
            "Working group: families",
            SessionKind.WORKING_GROUP,
            at(15, 10, 30),
            at(15, 12),
            "Room 1",
            speaker_ids=("anna",),
            signup_group="wg",
            document_ids=("brief",),
        ),
        Session(
            "visit", "Schilderswijk field visit", SessionKind.FIELD_VISIT, at(16, 9), at(16, 13)
        ),
    )
    stops = (
        Stop("s1", "Community centre", at(16, 9), at(16, 10), "Street 1", 52.06, 4.29, "ben"),
        Stop("s2", "Mosque visit", at(16, 10, 15), at(16, 11), "Street 2", 52.061, 4.30),
        Stop("s3", "Youth club", at(16, 11, 15), at(16, 12), "Street 3"),
    )
    itinerary = Itinerary(
        "walk",
        "Schilderswijk walk",
        stops,
        session_id="visit",
        route=((52.06, 4.29), (52.061, 4.3)),
    )
    documents = (Document("brief", "Briefing", "briefing.pdf", "application/pdf", True, ("wg1",)),)
    questionnaire = Questionnaire(
        "before",
        1,
        "Before the visit",
        Phase.BEFORE,
        (
            Question("q1", QuestionKind.TEXT, "What do you hope to learn?", required=True),
            Question("q2", QuestionKind.SCALE, "How useful?", scale_labels=("low", "high")),
        ),
    )
    return PackContent(
        event=event,
        sessions=sessions,
        people=people,
        itineraries=(itinerary,),
        documents=documents,
        questionnaires=(questionnaire,),
    )


def replace_session(content: PackContent, uid: str, **changes: object) -> PackContent:
    sessions = tuple(
        dataclasses.replace(s, **changes) if s.id == uid else s  # type: ignore[arg-type]
        for s in content.sessions
    )
    return dataclasses.replace(content, sessions=sessions)


def loaded(
    folder: Path,
    content: PackContent,
    *,
    version: int = 1,
    key: str | None = KEY_A,
    document_bytes: bytes = b"%PDF-1.4 briefing",
) -> LoadedPack:
    """A LoadedPack as open_pack would return it, backed by a real (dummy) file."""
    folder.mkdir(parents=True, exist_ok=True)
    ident = hashlib.sha256(content.event.id.encode()).hexdigest()[:10]
    path = folder / f"{ident}-v{version}-{FINGERPRINTS.get(key or '', 'unsigned')}.fvpack"
    path.write_bytes(f"pack {content.event.id} v{version} {key}".encode())
    files = {
        "event.json": FileEntry("0" * 64, 10),
        **{
            f"documents/{d.filename}": FileEntry(
                hashlib.sha256(document_bytes).hexdigest(), len(document_bytes)
            )
            for d in content.documents
        },
    }
    manifest = PackManifest(
        format_version=1,
        pack_id=f"{content.event.id}-pack",
        event_id=content.event.id,
        pack_version=version,
        created=dt.datetime(2017, 2, 1, tzinfo=dt.UTC),
        min_app_version="0.1",
        signing_key=key,
        return_key=None,
        files=files,
    )

    def read_file(name: str) -> bytes:
        return document_bytes

    return LoadedPack(
        path=path,
        manifest=manifest,
        content=content,
        signed=key is not None,
        fingerprint=FINGERPRINTS.get(key) if key else None,
        read_file=read_file,
    )
