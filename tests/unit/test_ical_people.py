"""iCalendar ORGANIZER and ATTENDEE lines become people linked to their sessions."""

from __future__ import annotations

from pathlib import Path

from fieldvisit.domain.model import LinkKind, PackContent, Role
from fieldvisit.interop.schedule import read_schedule
from fieldvisit.packs.build import build

FIXTURE = Path(__file__).parent / "fixtures" / "attendees.ics"


def test_organizer_and_attendees_become_people() -> None:
    bundle = read_schedule(FIXTURE)
    content = bundle.content
    people = {p.name: p for p in content.people}
    # One person per address across events (Lena appears twice, once in capitals).
    assert sorted(people) == [
        "Ahmed Khalil",
        "Dr. Maria Gruber",
        "Jo Smith",
        "Lena Novak",
        "Pat Doe",
        "chair-only@forum.example",
    ]
    assert people["Dr. Maria Gruber"].role is Role.CHAIR  # the ORGANIZER
    assert people["Lena Novak"].role is Role.SPEAKER  # first seen as a participant
    assert people["Ahmed Khalil"].email == "ahmed@ngo.example"
    sessions = {s.title: s for s in content.sessions}
    opening = sessions["Opening plenary"]
    assert [people_by_id(content)[x] for x in opening.speaker_ids] == [
        "Dr. Maria Gruber",
        "Ahmed Khalil",
        "Lena Novak",
    ]
    panel = sessions["Panel: working with families"]
    # The chair first; the NON-PARTICIPANT room booking is no person of the programme.
    assert [people_by_id(content)[x] for x in panel.speaker_ids] == [
        "Lena Novak",
        "Ahmed Khalil",
        "Jo Smith",
    ]
    assert (opening.room, opening.track) == ("Main hall", "Plenary")
    assert (panel.room, panel.track) == ("Room B", "Families")
    assert [(x.url, x.kind) for x in opening.links] == [
        ("https://forum.example/sessions/opening", LinkKind.WEB_PAGE)
    ]
    assert panel.links[0].kind is LinkKind.JOIN
    assert panel.online_url == "https://meet.jit.si/forum-panel"
    (document,) = content.documents
    assert document.url == "https://forum.example/files/opening.pdf"
    assert opening.document_ids == (document.id,)
    intake = bundle.intake
    assert intake is not None
    assert (intake.events, intake.people, intake.rooms, intake.links, intake.attachments) == (
        3,
        6,
        3,
        2,
        1,
    )
    assert any("NON-PARTICIPANT" in x for x in intake.left_out)


def people_by_id(content: PackContent) -> dict[str, str]:
    return {p.id: p.name for p in content.people}


def test_people_reach_the_pack_without_their_addresses(tmp_path: Path) -> None:
    report = build(FIXTURE, tmp_path / "forum.fvpack", keys=None)
    pack = report.pack
    assert len(pack.content.people) == 6
    # Not consenting to be listed: the pack keeps names and roles, never the addresses.
    assert all(p.email == "" for p in pack.content.people)
    assert report.stripped_contacts == 6
    counts = {what: (found, carried) for what, found, carried in report.counts()}
    assert counts == {
        "events": (3, 3),
        "people": (6, 6),
        "rooms": (3, 3),
        "links": (2, 2),
        "attachments": (1, 1),
    }
