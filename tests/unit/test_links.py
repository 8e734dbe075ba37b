"""Session links and attachments: from frab XML and JSON into the pack, the store and back."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from import_factory import hague, loaded

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.domain.links import guess_kind, openable
from fieldvisit.domain.model import Document, LinkKind, SessionLink
from fieldvisit.interop.schedule import read_schedule
from fieldvisit.packs.build import build
from fieldvisit.packs.codec import content_from_json, content_to_json
from fieldvisit.packs.reader import open_pack
from fieldvisit.paths import resolve
from fieldvisit.services.importing import pack_origin
from fieldvisit.services.store import Store
from fieldvisit.storage.repository import load_content, replace_content

HOSTILE = (
    "javascript:alert(document.cookie)",
    "file:///etc/passwd",
    "https://example.org/" + "a" * 2000,
)


def _xml(tmp_path: Path, event_body: str, *, rooms: str = "") -> Path:
    path = tmp_path / "schedule.xml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><schedule><conference>'
        "<title>Field Day</title><acronym>fd-2017</acronym><start>2017-02-15</start>"
        "<end>2017-02-15</end><time_zone_name>Europe/Amsterdam</time_zone_name>"
        "<base_url>https://fd.example.org/schedule/</base_url></conference>"
        f"{rooms}"
        '<day date="2017-02-15" index="1"><room name="Hall">'
        f'<event guid="ev-1" id="1"><start>10:00</start><duration>00:30</duration>'
        f"<room>Hall</room><title>Talk</title>{event_body}</event>"
        "</room></day></schedule>",
        encoding="utf-8",
    )
    return path


def test_frab_xml_links_attachments_and_feedback(tmp_path: Path) -> None:
    path = _xml(
        tmp_path,
        "<url>https://fd.example.org/talk/1</url>"
        "<feedback_url>https://fd.example.org/talk/1/feedback/</feedback_url>"
        "<persons><person id='7'>Ann</person></persons>"
        "<links><link href='https://github.com/x/y'>Code</link>"
        "<link href='https://video.example.org/1.mp4'>Video recording (mp4)</link>"
        "<link href='https://fd.example.org/talk/1'>Same page again</link></links>"
        "<attachments><attachment type='slides' href='/files/slides.pdf'>Slides</attachment>"
        "<attachment type='paper' href='javascript:alert(1)'>Bad</attachment></attachments>",
    )
    bundle = read_schedule(path)
    session = bundle.content.sessions[0]
    assert [(x.url, x.kind) for x in session.links] == [
        ("https://fd.example.org/talk/1", LinkKind.WEB_PAGE),
        ("https://github.com/x/y", LinkKind.WEB_PAGE),
        ("https://video.example.org/1.mp4", LinkKind.VIDEO),
        ("https://fd.example.org/talk/1/feedback/", LinkKind.FEEDBACK),
    ]
    assert session.links[1].title == "Code"
    (document,) = bundle.content.documents
    # A relative attachment address is resolved against the schedule's base URL.
    assert document.url == "https://fd.example.org/files/slides.pdf"
    assert (document.filename, document.title, document.media_type) == (
        "",
        "Slides",
        "application/pdf",
    )
    assert document.session_ids == (session.id,)
    assert session.document_ids == (document.id,)
    intake = bundle.intake
    assert intake is not None
    assert (intake.events, intake.people, intake.rooms, intake.links, intake.attachments) == (
        1,
        1,
        1,
        5,
        2,
    )
    # Everything not carried is said, with its reason.
    assert any("given twice" in x for x in intake.left_out)
    assert any("attachment whose address" in x for x in intake.left_out)


def test_hostile_links_are_kept_as_text_and_never_openable(tmp_path: Path) -> None:
    body = "<links>" + "".join(f"<link href='{u}'>x</link>" for u in HOSTILE) + "</links>"
    bundle = read_schedule(_xml(tmp_path, body))
    links = bundle.content.sessions[0].links
    assert [x.url for x in links] == list(HOSTILE)
    assert not any(openable(x.url) for x in links)
    # They survive the pack format too.
    back = content_from_json(content_to_json(bundle.content), source="t")
    assert back.sessions[0].links == links


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://fosdem.org/2025/", True),
        ("http://example.org/x?y=1", True),
        ("HTTPS://EXAMPLE.ORG/", True),
        ("javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        ("file:///etc/passwd", False),
        ("data:text/html,<script>", False),
        ("https://example.org/a b", False),
        ("https://example.org/\nx", False),
        ("https://", False),
        ("https://example.org/" + "a" * 1980, True),  # 2,000 characters
        ("https://example.org/" + "a" * 1981, False),
        ("ftp://example.org/", False),
    ],
)
def test_openable(url: str, ok: bool) -> None:
    assert openable(url) is ok


@pytest.mark.parametrize(
    ("title", "url", "hint", "kind"),
    [
        ("Slides", "https://x.org/a", "", LinkKind.SLIDES),
        ("", "https://x.org/a.pdf", "", LinkKind.SLIDES),
        ("", "https://x.org/a", "MEDIA", LinkKind.VIDEO),
        ("Video recording (WebM/VP9)", "https://video.fosdem.org/x.webm", "", LinkKind.VIDEO),
        ("Live video stream from the room", "https://live.fosdem.org/x", "", LinkKind.LIVE_STREAM),
        ("Join the conference room", "https://x.org/r", "", LinkKind.JOIN),
        ("Submit feedback", "https://x.org/f", "", LinkKind.FEEDBACK),
        ("Olive oil deliveries", "https://x.org/", "", LinkKind.WEB_PAGE),
    ],
)
def test_guess_kind(title: str, url: str, hint: str, kind: LinkKind) -> None:
    assert guess_kind(title, url, hint) is kind


def test_online_room_gives_the_join_link(tmp_path: Path) -> None:
    path = tmp_path / "schedule.json"
    path.write_text(
        json.dumps(
            {
                "schedule": {
                    "conference": {
                        "acronym": "fd",
                        "title": "Field Day",
                        "time_zone_name": "Europe/Amsterdam",
                        "rooms": [
                            {"name": "Hall", "guid": "1"},
                            {"name": "Online", "type": "online", "url": "https://meet.example/o"},
                        ],
                        "days": [
                            {
                                "date": "2017-02-15",
                                "rooms": {
                                    "Online": [
                                        {
                                            "guid": "e1",
                                            "start": "10:00",
                                            "duration": "00:30",
                                            "title": "Remote talk",
                                            "links": [{"url": "https://x.org/s", "type": "slides"}],
                                            "attachments": ["https://x.org/paper.pdf"],
                                        }
                                    ]
                                },
                            }
                        ],
                    }
                }
            }
        ),
        encoding="utf-8",
    )
    bundle = read_schedule(path)
    session = bundle.content.sessions[0]
    assert session.links == (
        SessionLink("", "https://x.org/s", LinkKind.SLIDES),
        SessionLink("", "https://meet.example/o", LinkKind.JOIN),
    )
    assert session.online_url == "https://meet.example/o"
    assert bundle.content.documents[0].url == "https://x.org/paper.pdf"
    assert bundle.intake is not None and bundle.intake.rooms == 2


def test_a_source_whose_events_give_no_session_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fieldvisit.interop.schedule as schedule

    path = _xml(tmp_path, "")
    real = schedule.read_schedule

    def lossy(*args: object, **kwargs: object) -> object:
        bundle = real(*args, **kwargs)  # type: ignore[arg-type]
        return dataclasses.replace(bundle, content=dataclasses.replace(bundle.content, sessions=()))

    monkeypatch.setattr(schedule, "read_schedule", lossy)
    out = tmp_path / "out.fvpack"
    with pytest.raises(InvalidInputError, match="has 1 events but none became a session"):
        build(path, out, keys=None)
    assert not out.exists()


def test_build_report_counts_in_and_out(tmp_path: Path) -> None:
    path = _xml(
        tmp_path,
        "<url>https://fd.example.org/talk/1</url>"
        "<persons><person id='7'>Ann</person></persons>"
        "<attachments><attachment href='file:///x.pdf'>Bad</attachment></attachments>",
        rooms="<rooms><room name='Hall'/><room name='Cellar'/></rooms>",
    )
    report = build(path, tmp_path / "out.fvpack", keys=None)
    assert report.counts() == [
        ("events", 1, 1),
        ("people", 1, 1),
        ("rooms", 2, 1),
        ("links", 1, 1),
        ("attachments", 1, 0),
    ]
    text = "\n".join(report.lines())
    assert "not carried: room with no event in it" in text
    assert "not carried: attachment whose address is not an http(s) URL" in text


def test_pack_with_links_and_url_documents_round_trips(tmp_path: Path) -> None:
    content = hague()
    first = content.sessions[0]
    links = (
        SessionLink("Slides", "https://x.org/s.pdf", LinkKind.SLIDES),
        SessionLink("", HOSTILE[0], LinkKind.WEB_PAGE),
    )
    doc = Document(
        "att-1", "Paper", "", "application/pdf", session_ids=(first.id,), url="https://x.org/p.pdf"
    )
    content = dataclasses.replace(
        content,
        sessions=(
            dataclasses.replace(first, links=links, document_ids=(*first.document_ids, doc.id)),
            *content.sessions[1:],
        ),
        documents=(*content.documents, doc),
    )
    assert content_from_json(content_to_json(content), source="t") == content


def test_a_document_is_a_file_or_an_address(tmp_path: Path) -> None:
    content = hague()
    both = Document("d", "D", "d.pdf", url="https://x.org/d.pdf")
    neither = Document("d", "D", "")
    from fieldvisit.packs.checks import check_content

    for doc, problem in ((both, "both a file and a URL"), (neither, "neither a file nor a URL")):
        broken = dataclasses.replace(content, documents=(doc,))
        with pytest.raises(InvalidInputError, match=problem):
            check_content(broken, source="t")


def test_pack_of_the_current_format_without_links_still_opens(tmp_path: Path) -> None:
    data = content_to_json(hague())
    for session in data["sessions"]:
        session.pop("links", None)  # written only when there are links
    for document in data["documents"]:
        del document["url"]
    back = content_from_json(data, source="old")
    assert all(s.links == () for s in back.sessions)
    assert all(d.url == "" for d in back.documents)


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = Store.open(resolve(data_dir))
    yield opened
    opened.close()


def test_links_and_url_documents_survive_the_store(store: Store, tmp_path: Path) -> None:
    content = hague()
    first = content.sessions[0]
    doc = Document("att-1", "Paper", "", session_ids=(first.id,), url="https://x.org/p.pdf")
    content = dataclasses.replace(
        content,
        sessions=(
            dataclasses.replace(
                first, links=(SessionLink("Stream", "https://x.org/live", LinkKind.LIVE_STREAM),)
            ),
            *content.sessions[1:],
        ),
        documents=(*content.documents, doc),
    )
    with store.unit() as s:
        pack = loaded(tmp_path, content)
        replace_content(s, pack.content, pack_origin(pack, "hague.fvpack"))
    with store.unit() as s:
        assert load_content(s, "hague-2017") == content


def test_real_fosdem_pack_carries_every_link(schedules: Path, tmp_path: Path) -> None:
    report = build(schedules / "fosdem2025_pentabarf.xml", tmp_path / "f.fvpack", keys=None)
    counts = {what: (found, carried) for what, found, carried in report.counts()}
    assert counts["links"] == (2611, 2611)
    assert counts["attachments"] == (13, 13)
    pack = open_pack(tmp_path / "f.fvpack", allow_unsigned=True)
    with zipfile.ZipFile(tmp_path / "f.fvpack") as archive:
        # Attachments are listed by address, never downloaded into the pack.
        assert not any(n.startswith("documents/") for n in archive.namelist())
    assert all(d.url.startswith("https://fosdem.org/") for d in pack.content.documents)
    assert dt.date(2025, 2, 1) == pack.content.event.start_date


def test_a_store_at_0002_gains_the_link_columns(tmp_path: Path) -> None:
    from alembic import command

    from fieldvisit.storage.engine import alembic_config, make_engine, open_store

    db = tmp_path / "s.sqlite"
    old = make_engine(db)
    command.upgrade(alembic_config(old), "0002")
    old.dispose()
    engine = open_store(db, tmp_path / "backups")
    try:
        with engine.connect() as c:
            sessions = {r[1] for r in c.exec_driver_sql("PRAGMA table_info(sessions)")}
            documents = {r[1] for r in c.exec_driver_sql("PRAGMA table_info(documents)")}
    finally:
        engine.dispose()
    assert "links" in sessions
    assert "url" in documents
