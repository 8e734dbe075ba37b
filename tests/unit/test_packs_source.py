"""The pack source folder: TOML files read strictly, errors naming file, key and line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.domain.model import LinkKind, SessionLink
from fieldvisit.packs.codec import content_from_json, content_to_json
from fieldvisit.packs.source import read_source_folder

EVENT = """pack_version = 1
[event]
id = "demo"
title = "Demo event"
timezone = "Europe/Amsterdam"
start_date = 2017-02-15
end_date = 2017-02-16
"""


def folder_with(tmp_path: Path, **files: str) -> Path:
    folder = tmp_path / "source"
    folder.mkdir(exist_ok=True)
    (folder / "event.toml").write_text(files.pop("event", EVENT), encoding="utf-8")
    for name, text in files.items():
        (folder / f"{name}.toml").write_text(text, encoding="utf-8")
    return folder


def error(folder: Path) -> str:
    with pytest.raises(InvalidInputError) as caught:
        read_source_folder(folder)
    return caught.value.message


def test_minimal_folder(tmp_path: Path) -> None:
    bundle = read_source_folder(folder_with(tmp_path))
    assert bundle.content.event.title == "Demo event"
    assert bundle.content.sessions == ()
    assert bundle.content.extra == {"pack_version": "1"}


def test_times(tmp_path: Path) -> None:
    sessions = """
[[session]]
id = "late"
title = "Late talk"
date = 2017-02-15
start = 22:00:00
end = 01:30:00

[[session]]
id = "offset"
title = "Given with an offset"
start = 2017-02-16T08:00:00Z
end = 2017-02-16T09:00:00Z

[[session]]
id = "local"
title = "Local date-time"
start = 2017-02-16T11:00:00
end = 2017-02-16T12:00:00
"""
    content = read_source_folder(folder_with(tmp_path, sessions=sessions)).content
    late, offset, local = content.sessions
    assert late.end - late.start == dt.timedelta(hours=3, minutes=30)  # crosses midnight
    assert late.end.date() == dt.date(2017, 2, 16)
    assert offset.start.isoformat() == "2017-02-16T09:00:00+01:00"
    assert local.start.isoformat() == "2017-02-16T11:00:00+01:00"


def test_toml_syntax_error_names_the_line(tmp_path: Path) -> None:
    message = error(folder_with(tmp_path, people='[[person]]\nid = "a"\nname = "A\n'))
    assert "people.toml" in message
    assert "line 3" in message


@pytest.mark.parametrize(
    ("sessions", "key", "problem"),
    [
        (
            '[[session]]\nid = "s"\ntitle = "S"\nstart = 09:00:00\nend = 10:00:00\n',
            "session[0].start",
            "needs a `date`",
        ),
        (
            '[[session]]\nid = "s"\ntitle = "S"\nstart = "nine"\nend = 10:00:00\n',
            "session[0].start",
            "expected a date-time",
        ),
        (
            '[[session]]\nid = "s"\ntitle = "S"\ndate = 2017-02-15\nstart = 09:00:00\n',
            "session[0].end",
            "missing",
        ),
        (
            '[[session]]\nid = "s"\ndate = 2017-02-15\nstart = 09:00:00\nend = 10:00:00\n',
            "session[0].title",
            "missing",
        ),
        (
            '[[session]]\nid = "s"\ntitle = "S"\ndate = 2017-02-15\nstart = 09:00:00\n'
            'end = 10:00:00\nkind = "party"\n',
            "session[0].kind",
            "one of: plenary",
        ),
        (
            '[[session]]\nid = "s"\ntitle = "S"\ndate = 2017-02-15\nstart = 09:00:00\n'
            'end = 10:00:00\nconfidential = "yes"\n',
            "session[0].confidential",
            "true or false",
        ),
        (
            '[[session]]\nid = "s"\ntitle = "S"\ndate = 2017-02-15\nstart = 09:00:00\n'
            "end = 10:00:00\nroom = 12\n",
            "session[0].room",
            "expected text",
        ),
        ('[[sesion]]\nid = "s"\n', "sesion", "unknown key"),
    ],
)
def test_errors_name_file_and_key(tmp_path: Path, sessions: str, key: str, problem: str) -> None:
    message = error(folder_with(tmp_path, sessions=sessions))
    assert "sessions.toml" in message
    assert key in message
    assert problem in message


def test_event_errors(tmp_path: Path) -> None:
    bad_zone = EVENT.replace("Europe/Amsterdam", "Europe/Nowhere")
    assert "event.timezone" in error(folder_with(tmp_path, event=bad_zone))
    no_id = EVENT.replace('id = "demo"\n', "")
    assert "event.id: missing" in error(folder_with(tmp_path, event=no_id))


def test_missing_event_file(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert "event.toml" in error(tmp_path / "empty")
    assert "not a folder" in error(tmp_path / "absent")


def test_invalid_utf8(tmp_path: Path) -> None:
    folder = folder_with(tmp_path)
    (folder / "people.toml").write_bytes(b'[[person]]\nid = "\xff"\n')
    assert "UTF-8" in error(folder)


def test_visit_route_and_stops(tmp_path: Path) -> None:
    sessions = (
        '[[session]]\nid = "walk"\ntitle = "Walk"\nkind = "field_visit"\n'
        "date = 2017-02-16\nstart = 10:00:00\nend = 12:00:00\n"
    )
    visit = """
[[itinerary]]
id = "v"
title = "Visit"
session = "walk"
route = [[52.07, 4.30], [52.08, 4.31]]

[[itinerary.stop]]
id = "a"
title = "A"
start = 10:15:00
lat = 52.07
lon = 4.30
"""
    content = read_source_folder(folder_with(tmp_path, sessions=sessions, visit=visit)).content
    itinerary = content.itineraries[0]
    assert itinerary.route == ((52.07, 4.30), (52.08, 4.31))
    stop = itinerary.stops[0]
    assert stop.planned_start is not None
    assert stop.planned_start.isoformat() == "2017-02-16T10:15:00+01:00"  # the session's day
    assert stop.planned_end is None
    bad = visit.replace("[52.08, 4.31]", '[52.08, "east"]')
    message = error(folder_with(tmp_path, sessions=sessions, visit=bad))
    assert "itinerary[0].route[1]" in message


def test_documents(tmp_path: Path) -> None:
    folder = folder_with(tmp_path)
    (folder / "documents").mkdir()
    (folder / "documents" / "route-card.md").write_text("# Route")
    (folder / "documents" / "notes.txt").write_text("notes")
    (folder / "documents.toml").write_text(
        '[[document]]\nid = "card"\ntitle = "Route card"\nfile = "route-card.md"\n'
        "confidential = true\n"
    )
    bundle = read_source_folder(folder)
    docs = {d.id: d for d in bundle.content.documents}
    assert docs["card"].confidential and docs["card"].media_type == "text/markdown"
    assert docs["notes"].filename == "notes.txt"  # undeclared files are carried too
    assert set(bundle.files) == {"documents/route-card.md", "documents/notes.txt"}
    (folder / "documents" / "route-card.md").unlink()
    assert "route-card.md" in error(folder)


LINKED = """
[[session]]
id = "s"
title = "Talk with links"
date = 2017-02-15
start = 09:00:00
end = 10:00:00

[[session.links]]
title = "Slides"
url = "https://example.org/talk.pdf"

[[session.links]]
url = "https://meet.example.org/room-1"
kind = "join_link"

[[session.links]]
url = "https://example.org/talk"
"""


def test_session_links(tmp_path: Path) -> None:
    content = read_source_folder(folder_with(tmp_path, sessions=LINKED)).content
    assert content.sessions[0].links == (
        SessionLink("Slides", "https://example.org/talk.pdf", LinkKind.SLIDES),  # guessed
        SessionLink("", "https://meet.example.org/room-1", LinkKind.JOIN),  # as given
        SessionLink("", "https://example.org/talk", LinkKind.WEB_PAGE),
    )
    back = content_from_json(content_to_json(content), source="x")
    assert back.sessions[0].links == content.sessions[0].links


@pytest.mark.parametrize(
    ("link", "key", "problem"),
    [
        ('url = "javascript:alert(1)"', "links[0].url", "not a web address the app can open"),
        ('url = "file:///etc/passwd"', "links[0].url", "not a web address the app can open"),
        (f'url = "https://example.org/{"a" * 2000}"', "links[0].url", "at most 2,000"),
        ('url = "https://example.org/a b"', "links[0].url", "no spaces"),
        ('title = "T"', "links[0].url", "missing"),
        ('url = "https://example.org"\nkind = "podcast"', "links[0].kind", "one of: web_page"),
        ('url = "https://example.org"\ntitle = "a\\nb"', "links[0].title", "one line"),
        ('url = "https://example.org"\nhref = "x"', "links[0].href", "unknown key"),
    ],
)
def test_hostile_session_links_are_refused(
    tmp_path: Path, link: str, key: str, problem: str
) -> None:
    sessions = (
        '[[session]]\nid = "s"\ntitle = "S"\ndate = 2017-02-15\nstart = 09:00:00\n'
        f"end = 10:00:00\n\n[[session.links]]\n{link}\n"
    )
    message = error(folder_with(tmp_path, sessions=sessions))
    assert "sessions.toml" in message
    assert f"session[0].{key}" in message
    assert problem in message


def test_at_most_200_links_a_session(tmp_path: Path) -> None:
    links = "".join(f'\n[[session.links]]\nurl = "https://example.org/{n}"\n' for n in range(201))
    sessions = (
        '[[session]]\nid = "s"\ntitle = "S"\ndate = 2017-02-15\nstart = 09:00:00\n'
        f"end = 10:00:00\n{links}"
    )
    assert "more than 200 links" in error(folder_with(tmp_path, sessions=sessions))
