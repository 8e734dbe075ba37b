"""Personal exports, each checked with an independent parser (icalendar, vobject, ElementTree)."""

from __future__ import annotations

import datetime as dt
import stat
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import icalendar
import pytest
import vobject
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from returns_support import add_delegate_data, open_delegate_store
from sample_rows import HAGUE

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.services.booklet import build_booklet
from fieldvisit.services.exports import export
from fieldvisit.services.store import Store
from fieldvisit.storage.models import AgendaPickRow

GPX = "{http://www.topografix.com/GPX/1/1}"


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = open_delegate_store(data_dir, X25519PrivateKey.generate())
    add_delegate_data(opened)
    yield opened
    opened.close()


def test_booklet_groups_by_day_then_session_and_stop(store: Store) -> None:
    text = build_booklet(store, HAGUE, include_private=True)
    lines = text.splitlines()
    assert lines[0] == "# Notes: International Conference on Returning Foreign Terrorist Fighters"
    day1 = lines.index("## Wednesday 15 February 2017")
    day2 = lines.index("## Thursday 16 February 2017")
    insp = lines.index("### 09:45-10:30 Inspiration session: learning from returnees")
    wg = lines.index("### 11:00-12:30 Working group A: prisons and probation")
    stop = lines.index("### 09:15 Stop: Community centre (Schilderswijk)")
    assert day1 < insp < wg < day2 < stop
    assert "Case managers need a shared picture of each returnee." in text
    # Asked for, the private note is there, marked.
    assert "PRIVATE: call my sister after the opening." in text
    assert "*private ·" in text


def test_booklet_leaves_private_notes_out_unless_asked(store: Store) -> None:
    text = build_booklet(store, HAGUE)
    assert "Case managers need a shared picture of each returnee." in text
    assert "call my sister" not in text and "*private" not in text
    assert "no private notes" in text


def test_agenda_ics_parses_with_icalendar_and_vobject(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "agenda.ics"
    done = export(store, "agenda", HAGUE, path)
    assert done.summary.startswith("1 picked")
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    events = calendar.walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == ["Working group B: families and communities"]
    start = events[0].decoded("DTSTART")
    assert isinstance(start, dt.datetime)
    assert start.utcoffset() == dt.timedelta(hours=1)  # Amsterdam in February
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Amsterdam"
    parsed = vobject.readOne(path.read_text(encoding="utf-8"))
    assert parsed.vevent.summary.value == "Working group B: families and communities"


def test_agenda_without_picks_is_the_whole_programme(store: Store, tmp_path: Path) -> None:
    with store.unit() as s:
        s.query(AgendaPickRow).delete()
    done = export(store, "agenda", HAGUE, tmp_path / "all.ics")
    events = icalendar.Calendar.from_ical((tmp_path / "all.ics").read_bytes()).walk("VEVENT")
    assert len(events) == 9 and "whole programme" in done.summary


def test_contacts_vcf_parses_with_vobject(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "contacts.vcf"
    export(store, "contacts", HAGUE, path)
    cards = list(vobject.readComponents(path.read_text(encoding="utf-8")))
    names = {c.fn.value for c in cards}
    assert "Duty officer (fictional)" in names and "A. Example" in names
    duty = next(c for c in cards if c.fn.value == "Duty officer (fictional)")
    assert duty.tel.value == "+31 70 000 0000"


def test_itinerary_gpx_parses_with_elementtree(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "visit.gpx"
    export(store, "itinerary", HAGUE, path)
    root = ElementTree.fromstring(path.read_bytes())
    assert root.tag == f"{GPX}gpx"
    names = [w.findtext(f"{GPX}name") for w in root.iter(f"{GPX}wpt")]
    assert names == ["1. Community centre", "2. Neighbourhood police post", "3. Youth work project"]
    first = next(root.iter(f"{GPX}wpt"))
    assert (float(first.attrib["lat"]), float(first.attrib["lon"])) == (52.069, 4.296)


def test_notes_export_writes_markdown(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    export(store, "notes", HAGUE, path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Notes: ")
    assert "Case managers need a shared picture" in text
    assert "call my sister" not in text
    export(store, "notes", HAGUE, path, include_private=True)
    assert "PRIVATE: call my sister" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("what", "name"),
    [("notes", "n.md"), ("agenda", "a.ics"), ("contacts", "c.vcf"), ("itinerary", "v.gpx")],
)
def test_every_personal_export_is_private_to_the_user(
    store: Store, tmp_path: Path, what: str, name: str
) -> None:
    path = tmp_path / name
    export(store, what, HAGUE, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    ("what", "name"),
    [("notes", "notes.pdf.txt"), ("notes", "notes"), ("agenda", "a.pdf"), ("contacts", "c.ics")],
)
def test_a_file_type_an_export_does_not_write_is_a_clear_error(
    store: Store, tmp_path: Path, what: str, name: str
) -> None:
    path = tmp_path / name
    with pytest.raises(InvalidInputError, match=f"cannot write the {what} export as") as caught:
        export(store, what, HAGUE, path)
    assert caught.value.path == str(path)
    assert not path.exists()


def test_a_pdf_booklet_needs_a_renderer(store: Store, tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="PDF"):
        export(store, "notes", HAGUE, tmp_path / "n.pdf")


def test_unknown_event_and_missing_folder_are_clear_errors(store: Store, tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="no installed event"):
        export(store, "agenda", "nope", tmp_path / "a.ics")
    with pytest.raises(InvalidInputError, match="folder does not exist"):
        export(store, "agenda", HAGUE, tmp_path / "missing" / "a.ics")


def test_contacts_export_and_section_share_one_consent_rule(store: Store, tmp_path: Path) -> None:
    """An unlisted person's phone and email never leave the app, even an emergency contact's
    (the export used to write them whole), and the export lists whom the section lists."""
    from fieldvisit.services.contacts import load_contacts
    from fieldvisit.storage.models import PersonRow

    with store.unit() as s:
        s.add(
            PersonRow(
                event_id=HAGUE,
                uid="night-desk",
                name="Night desk (unlisted)",
                role="emergency",
                organisation="Hotel",
                phone="+31 70 999 9999",
                email="night@example.org",
                languages=[],
                listed=False,
            )
        )
    path = tmp_path / "contacts.vcf"
    export(store, "contacts", HAGUE, path)
    text = path.read_text(encoding="utf-8")
    assert "+31 70 999 9999" not in text and "night@example.org" not in text
    cards = {c.fn.value: c for c in vobject.readComponents(text)}
    assert set(cards) == {p.name for p in load_contacts(store, HAGUE)}
    assert not hasattr(cards["Night desk (unlisted)"], "tel")
    # A listed emergency contact keeps the number that is their job to be called on.
    assert cards["Duty officer (fictional)"].tel.value == "+31 70 000 0000"
