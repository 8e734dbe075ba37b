"""Every real schedule in ../shared/data/schedules: what a plain parser counts in the file
(events, persons, links, attachments) is what the built pack carries.

The plain counts use nothing of the importers: ElementTree, json and icalendar only.
Files that are not schedules (schemas, an app's menu, the provenance note) must be
refused with a message, never built into an empty pack.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import icalendar
import pytest

from fieldvisit.cli import main
from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.packs.build import build
from fieldvisit.packs.reader import open_pack

SCHEDULES = Path(__file__).resolve().parents[3] / "shared" / "data" / "schedules"

NOT_SCHEDULES = {
    "PROVENANCE.md": "the provenance note",
    "c3voc_schema.json": "a JSON Schema",
    "c3voc_schema2.json": "a JSON Schema",
    "c3voc_schedule.xml.xsd": "an XML Schema",
    "giggity_menu_fosdem_2026.json": "an app's per-event menu, no programme",
}


@dataclass(frozen=True)
class Counts:
    events: int
    persons: int
    links: int
    attachments: int


def _key(pid: str, name: str) -> str:
    return pid.strip() or " ".join(name.casefold().split())


def _count_xml(path: Path) -> Counts:
    root = ET.parse(path).getroot()
    events = root.findall("./day/room/event")
    persons = {
        _key(p.get("id") or p.get("guid") or "", p.text or "")
        for e in events
        for p in e.findall("persons/person")
    }
    link_tags = ("url", "feedback_url", "video_download_url", "origin_url")
    links = sum(
        sum(1 for tag in link_tags if (e.findtext(tag) or "").strip())
        + sum(1 for x in e.findall("links/link") if (x.get("href") or "").strip())
        for e in events
    )
    attachments = sum(len(e.findall("attachments/attachment")) for e in events)
    return Counts(len(events), len(persons - {""}), links, attachments)


def _count_json(path: Path) -> Counts:
    schedule = json.loads(path.read_text(encoding="utf-8"))["schedule"]
    if isinstance(schedule.get("events"), list):  # c3voc schedule 2
        events: list[dict[str, Any]] = schedule["events"]
        people_key = "participants"
    else:
        events = [
            e
            for day in schedule["conference"]["days"]
            for room_events in day["rooms"].values()
            for e in room_events
        ]
        people_key = "persons"
    persons = {
        _key(
            str(p.get("guid") or p.get("id") or p.get("code") or ""),
            p.get("public_name") or p.get("name") or "",
        )
        for e in events
        for p in e.get(people_key) or []
    }
    links = sum(
        sum(1 for key in ("url", "feedback_url", "video_download_url") if e.get(key))
        + len(e.get("links") or [])
        for e in events
    )
    attachments = sum(len(e.get("attachments") or []) for e in events)
    return Counts(len(events), len(persons - {""}), links, attachments)


def _count_ics(path: Path) -> Counts:
    calendar = icalendar.Calendar.from_ical(path.read_text(encoding="utf-8"))
    vevents = [c for c in calendar.walk("VEVENT")]
    persons: set[str] = set()
    links = attachments = 0
    for vevent in vevents:
        for key in ("ORGANIZER", "ATTENDEE"):
            found = vevent.get(key)
            for prop in found if isinstance(found, list) else [found] if found else []:
                email = str(prop).lower().removeprefix("mailto:")
                persons.add(email or str(prop.params.get("CN", "")).casefold())
        first = str(vevent.get("DESCRIPTION", "")).split("\n", 1)[0]
        if first.lower().startswith("speaker:"):
            names = first.split(":", 1)[1].replace(" and ", ",").split(",")
            persons |= {" ".join(n.casefold().split()) for n in names if n.strip()}
        links += 1 if vevent.get("URL") else 0
        found = vevent.get("ATTACH")
        attachments += len(found) if isinstance(found, list) else 1 if found else 0
    return Counts(len(vevents), len(persons - {""}), links, attachments)


def _plain_counts(path: Path) -> Counts:
    if path.suffix == ".xml":
        return _count_xml(path)
    if path.suffix == ".json":
        return _count_json(path)
    assert path.suffix == ".ics", path
    return _count_ics(path)


def _files() -> list[str]:
    if not SCHEDULES.is_dir():
        return ["(no shared data)"]
    return sorted(p.name for p in SCHEDULES.iterdir())


@pytest.mark.parametrize("name", _files())
def test_every_real_file_round_trips_or_is_refused(
    name: str, schedules: Path, tmp_path: Path
) -> None:
    path = schedules / name
    out = tmp_path / "out.fvpack"
    if name in NOT_SCHEDULES:
        with pytest.raises(InvalidInputError):
            build(path, out, keys=None)
        assert not out.exists(), f"{NOT_SCHEDULES[name]} must not become a pack"
        return
    expected = _plain_counts(path)
    assert expected.events > 0
    report = build(path, out, keys=None)
    content = open_pack(out, allow_unsigned=True).content
    carried = Counts(
        events=len(content.sessions),
        persons=len(content.people),
        links=sum(len(s.links) for s in content.sessions),
        attachments=sum(1 for d in content.documents if d.url),
    )
    assert carried == expected
    assert report.intake is not None
    found = report.intake
    assert (found.events, found.people, found.links, found.attachments) == (
        expected.events,
        expected.persons,
        expected.links,
        expected.attachments,
    )


def test_the_cli_prints_in_and_out(
    schedules: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "camp.fvpack"
    code = main(
        ["pack", "build", str(schedules / "c3voc_frab-camp2019.json"), "-o", str(out), "--unsigned"]
    )
    text = capsys.readouterr().out
    assert code == 0
    assert re.search(r"^  events +79 +79 ", text, re.M)
    assert re.search(r"^  links +131 +131$", text, re.M)
    assert re.search(r"^  attachments +12 +12$", text, re.M)


def test_the_cli_refuses_a_source_whose_events_give_no_session(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fixture = Path(__file__).parent / "fixtures" / "schedule2.json"
    document = json.loads(fixture.read_text(encoding="utf-8"))
    for event in document["schedule"]["events"]:
        event["state"] = "WITHDRAWN"
    source = tmp_path / "withdrawn.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    out = tmp_path / "empty.fvpack"
    code = main(["pack", "build", str(source), "-o", str(out), "--unsigned"])
    err = capsys.readouterr().err
    assert code == 2
    assert "the source has 8 events but none became a session" in err
    assert not out.exists()
