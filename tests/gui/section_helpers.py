"""Test support for the section tests: a real store + worker + context, and a seeded event.

The seed is The Hague conference on returning foreign terrorist fighters (15-16 Feb 2017,
Fokker Terminal) with its Schilderswijk field visit; rows are inserted directly so the
tests do not depend on the pack importer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fieldvisit.gui.context import AppContext
from fieldvisit.gui.qsettings import ini_settings
from fieldvisit.gui.worker import DbWorker
from fieldvisit.paths import resolve
from fieldvisit.services.store import Store
from fieldvisit.storage.models import (
    DocumentRow,
    EventRow,
    ItineraryRow,
    PersonRow,
    QuestionnaireRow,
    SessionRow,
    StopRow,
)

EVENT = "rftf-hague-2017"
ZONE = "Europe/Amsterdam"


def utc(day: int, hour: int, minute: int = 0) -> dt.datetime:
    """A naive UTC instant on Feb `day` 2017 from an Amsterdam wall time (UTC+1 in winter)."""
    return dt.datetime(2017, 2, day, hour, minute) - dt.timedelta(hours=1)


def aware(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return utc(day, hour, minute).replace(tzinfo=dt.UTC)


@contextmanager
def app_context(data_dir: Path) -> Iterator[AppContext]:
    paths = resolve(data_dir)
    store = Store.open(paths)
    worker = DbWorker(store)
    settings = ini_settings(paths.config / "settings.ini")
    ctx = AppContext(worker, paths, settings)
    try:
        yield ctx
    finally:
        worker.shutdown()
        store.close()


STOPS = [
    ("st1", "Fokker Terminal (departure)", 9, 30, 52.0687, 4.3370, "Binckhorstlaan 36", "p-host1"),
    ("st2", "Haagse Markt", 10, 0, 52.0688, 4.2985, "Herman Costerstraat 5", "p-host1"),
    ("st3", "Community centre De Mussen", 10, 45, 52.0692, 4.2941, "De La Reyweg 26", "p-host2"),
    ("st4", "Youth work office Schilderswijk", 11, 45, 52.0664, 4.3012, "Hoefkade 9", None),
]


def seed_event(ctx: AppContext, *, map_data: dict[str, object] | None = None) -> None:
    """Install the seed event's organiser rows and make it the context's event."""

    def job(store: Store) -> None:
        with store.unit() as s:
            s.add(
                EventRow(
                    id=EVENT,
                    title="Returning Foreign Terrorist Fighters",
                    timezone=ZONE,
                    start_date=dt.date(2017, 2, 15),
                    end_date=dt.date(2017, 2, 16),
                    data={"title": "Returning Foreign Terrorist Fighters"},
                    map_data=map_data,
                    pack_id="rftf",
                    pack_version=1,
                    pack_file="rftf.fvpack",
                    signed=True,
                    key_fingerprint=None,
                    return_key=None,
                )
            )
            s.flush()  # the event first: only sessions are tied to it by a relationship
            s.add_all(
                [
                    SessionRow(
                        event_id=EVENT,
                        uid="s-open",
                        title="Opening plenary",
                        kind="plenary",
                        start_utc=utc(15, 9),
                        end_utc=utc(15, 10),
                        room="Main hall",
                        speaker_ids=["p-mayor"],
                    ),
                    SessionRow(
                        event_id=EVENT,
                        uid="s-visit",
                        title="Field visit Schilderswijk",
                        kind="field_visit",
                        start_utc=utc(15, 9, 30),
                        end_utc=utc(15, 13),
                    ),
                    SessionRow(
                        event_id=EVENT,
                        uid="s-wg1",
                        title="Working group: families",
                        kind="working_group",
                        start_utc=utc(16, 9),
                        end_utc=utc(16, 11),
                        room="Room 2",
                        confidential=True,
                    ),
                ]
            )
            s.add_all(
                [
                    PersonRow(
                        event_id=EVENT,
                        uid="p-mayor",
                        name="Jozias van Aartsen",
                        role="speaker",
                        organisation="Gemeente Den Haag",
                        phone="+31 70 000 0001",
                        email="mayor@example.org",
                        listed=True,
                    ),
                    PersonRow(
                        event_id=EVENT,
                        uid="p-host1",
                        name="Fatima El Amrani",
                        role="host",
                        organisation="Wijkteam Schilderswijk",
                        phone="+31 6 0000 0002",
                        email="f.elamrani@example.org",
                        listed=True,
                    ),
                    PersonRow(
                        event_id=EVENT,
                        uid="p-host2",
                        name="Pieter de Vries",
                        role="host",
                        organisation="De Mussen",
                        phone="+31 6 0000 0003",
                        email="secret@example.org",
                        listed=False,
                    ),
                    PersonRow(
                        event_id=EVENT,
                        uid="p-duty",
                        name="Duty officer",
                        role="emergency",
                        organisation="Conference desk",
                        phone="+31 70 000 0112",
                        listed=True,
                    ),
                    PersonRow(
                        event_id=EVENT,
                        uid="p-org",
                        name="Anne Jansen",
                        role="organiser",
                        organisation="RAN",
                        email="anne@example.org",
                        listed=True,
                    ),
                ]
            )
            s.add(
                ItineraryRow(
                    event_id=EVENT,
                    uid="it1",
                    title="Schilderswijk field visit",
                    session_id="s-visit",
                    route=[
                        [52.0687, 4.3370],
                        [52.0690, 4.3200],
                        [52.0688, 4.2985],
                        [52.0692, 4.2941],
                        [52.0664, 4.3012],
                    ],
                )
            )
            for pos, (uid, title, h, m, lat, lon, addr, host) in enumerate(STOPS):
                start = utc(15, h, m)
                s.add(
                    StopRow(
                        event_id=EVENT,
                        itinerary_uid="it1",
                        uid=uid,
                        position=pos,
                        title=title,
                        start_utc=start,
                        end_utc=start + dt.timedelta(minutes=40),
                        address=addr,
                        lat=lat,
                        lon=lon,
                        host_id=host,
                        briefing=f"Briefing for {title}.",
                        etiquette="Ask before taking photos." if pos else "",
                        safety="Stay with the group; no names of residents in notes."
                        if pos
                        else "",
                        directions_to_next="Walk 10 minutes west along the Hoefkade."
                        if pos < len(STOPS) - 1
                        else "",
                    )
                )
            s.add_all(
                [
                    DocumentRow(
                        event_id=EVENT,
                        uid="d-prog",
                        title="Programme (text)",
                        filename="programme.md",
                        media_type="text/markdown",
                        sha256="",
                        size=0,
                        confidential=False,
                        session_ids=[],
                    ),
                ]
            )
            s.add_all(
                [
                    QuestionnaireRow(
                        event_id=EVENT,
                        uid="q-before",
                        version=1,
                        title="Before the visit",
                        phase="before",
                        session_id=None,
                        description="Tell us what you expect.",
                        current=True,
                        questions=[
                            {
                                "id": "q1",
                                "kind": "text",
                                "text": "Your organisation?",
                                "required": True,
                            },
                            {
                                "id": "q2",
                                "kind": "single_choice",
                                "text": "Your role?",
                                "options": ["Police", "Municipality", "Prosecution", "Other"],
                                "required": True,
                            },
                            {
                                "id": "q3",
                                "kind": "multiple_choice",
                                "text": "Topics of interest",
                                "options": ["Families", "Prisons", "Youth work"],
                            },
                            {
                                "id": "q4",
                                "kind": "scale",
                                "text": "Experience with returnees",
                                "scale_min": 1,
                                "scale_max": 5,
                                "scale_labels": ["none", "a lot"],
                            },
                            {"id": "q5", "kind": "long_text", "text": "What do you hope to learn?"},
                        ],
                    ),
                    QuestionnaireRow(
                        event_id=EVENT,
                        uid="q-session",
                        version=1,
                        title="Session feedback",
                        phase="session",
                        session_id=None,
                        current=True,
                        questions=[
                            {
                                "id": "useful",
                                "kind": "scale",
                                "text": "How useful was it?",
                                "scale_min": 1,
                                "scale_max": 5,
                                "required": True,
                            },
                        ],
                    ),
                    QuestionnaireRow(
                        event_id=EVENT,
                        uid="q-after",
                        version=1,
                        title="After the visit (old)",
                        phase="after",
                        session_id=None,
                        current=False,
                        questions=[
                            {"id": "a1", "kind": "text", "text": "Old question"},
                        ],
                    ),
                    QuestionnaireRow(
                        event_id=EVENT,
                        uid="q-after",
                        version=2,
                        title="After the visit",
                        phase="after",
                        session_id=None,
                        current=True,
                        questions=[
                            {"id": "a2", "kind": "long_text", "text": "What will you change?"},
                        ],
                    ),
                ]
            )

    ctx.worker.run_now(job)
    ctx.set_event(EVENT, ZONE)
