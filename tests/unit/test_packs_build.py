"""Building packs: samples, privacy, atomic writes, versions, schedules completed by a folder."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path
from zoneinfo import ZoneInfo

import jsonschema
import pytest

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.packs.build import build, build_pack
from fieldvisit.packs.codec import content_from_json, content_to_json
from fieldvisit.packs.reader import open_pack
from fieldvisit.packs.samples import build_sample, demo_keys, sample_names, samples_dir
from fieldvisit.packs.source import read_source_folder
from fieldvisit.paths import resource

HAGUE = samples_dir() / "hague-2017"
RAN = samples_dir() / "ran-central-asia-2021"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def test_schemas_are_valid_draft_2020_12() -> None:
    for name in ("event.schema.json", "manifest.schema.json"):
        schema = json.loads(resource("schemas", name).read_text())
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        jsonschema.Draft202012Validator.check_schema(schema)


def test_sample_names() -> None:
    assert sample_names() == ["hague", "ran", "icct", "liaise"]
    with pytest.raises(InvalidInputError, match="no such sample"):
        build_sample("atlantis", Path("unused.fvpack"))


def test_hague_sample(tmp_path: Path) -> None:
    pack = build_sample("hague", tmp_path / "hague.fvpack")
    assert pack.signed
    assert pack.fingerprint == demo_keys().fingerprint
    content = pack.content
    assert content.event.timezone == "Europe/Amsterdam"
    opening = next(s for s in content.sessions if s.id == "d1-opening")
    assert opening.start == dt.datetime(2017, 2, 15, 9, 0, tzinfo=AMSTERDAM)
    assert opening.start.utcoffset() == dt.timedelta(hours=1)
    assert max(s.end for s in content.sessions) == dt.datetime(2017, 2, 16, 13, 0, tzinfo=AMSTERDAM)
    groups = {s.signup_group for s in content.sessions if s.signup_group}
    assert groups == {"d1-working-groups", "d2-working-groups"}
    assert sum(s.confidential for s in content.sessions) >= 2
    stops = content.itineraries[0].stops
    assert 4 <= len(stops) <= 6
    for stop in stops:
        assert stop.lat is not None and stop.lon is not None
        assert abs(stop.lat - 52.07) < 0.02 and abs(stop.lon - 4.31) < 0.04
    assert {q.phase.value for q in content.questionnaires} == {"before", "session", "after"}
    mayor = next(p for p in content.people if p.id == "mayor")
    assert (mayor.phone, mayor.email) == ("", "")  # a real person: no contact data
    for person in content.people:
        assert person.email == "" or person.email.endswith("@example.org")
    notes = pack.read_file("documents/practical-notes.md").decode()
    assert "Fokker Terminal" in notes


def test_ran_sample(tmp_path: Path) -> None:
    pack = build_sample("ran", tmp_path / "ran.fvpack")
    content = pack.content
    first = min(s.start for s in content.sessions)
    # "09:30-12:30 CET" in May is 09:30 Brussels summer time.
    assert first.isoformat() == "2021-05-25T09:30:00+02:00"
    assert max(s.end for s in content.sessions).isoformat() == "2021-05-26T12:30:00+02:00"
    assert all(
        s.online_url.startswith("https://meet.example.org/")
        for s in content.sessions
        if s.kind != "break"
    )
    call = next(q for q in content.questionnaires if q.phase == "before")
    assert len(call.questions) == 3
    assert call.questions[1].text.startswith("What are your 3 key questions")


def test_member_order_and_privacy(tmp_path: Path) -> None:
    report = build(HAGUE, tmp_path / "hague.fvpack", keys=demo_keys())
    with zipfile.ZipFile(tmp_path / "hague.fvpack") as archive:
        names = archive.namelist()
        event = json.loads(archive.read("event.json"))
    assert names == [
        "manifest.json",
        "manifest.sig",
        "event.json",
        "documents/field-visit-briefing.md",
        "documents/practical-notes.md",
    ]
    assert report.stripped_contacts == 1
    shy = next(p for p in event["people"] if p["id"] == "facilitator-2")
    # Stripped: an empty field is left out of event.json.
    assert (shy["name"], shy.get("phone"), shy.get("email")) == (
        "Working-group facilitator 2 (fictional)",
        None,
        None,
    )
    host = next(p for p in report.pack.content.people if p.id == "host-youth")
    assert host.phone == "+31 70 000 0022"
    assert "facilitator2@example.org" not in json.dumps(event)


def test_codec_round_trip() -> None:
    content = read_source_folder(HAGUE).content
    again = content_from_json(content_to_json(content), source="test")
    assert again == content
    assert again.extra == content.extra


def test_unsigned_build(tmp_path: Path) -> None:
    pack = build_pack(HAGUE, tmp_path / "draft.fvpack", keys=None)
    assert not pack.signed
    assert pack.manifest.signing_key is None
    with zipfile.ZipFile(tmp_path / "draft.fvpack") as archive:
        assert "manifest.sig" not in archive.namelist()


def test_pack_version(tmp_path: Path) -> None:
    # The Hague sample is at version 2 (it moved to its own id, sample-hague-rftf-2017).
    assert build_pack(HAGUE, tmp_path / "a.fvpack", keys=None).manifest.pack_version == 2
    pack = build_pack(HAGUE, tmp_path / "b.fvpack", keys=None, pack_version=7)
    assert pack.manifest.pack_version == 7
    source = copy_source(HAGUE, tmp_path / "src")
    text = (source / "event.toml").read_text().replace("pack_version = 2", "pack_version = 3")
    (source / "event.toml").write_text(text)
    assert build_pack(source, tmp_path / "c.fvpack", keys=None).manifest.pack_version == 3


def copy_source(folder: Path, target: Path) -> Path:
    import shutil

    shutil.copytree(folder, target)
    return target


def test_a_failed_build_leaves_nothing(tmp_path: Path) -> None:
    source = copy_source(HAGUE, tmp_path / "src")
    sessions = (source / "sessions.toml").read_text()
    (source / "sessions.toml").write_text(sessions.replace('["mayor"]', '["the-mayor"]', 1))
    output = tmp_path / "out" / "hague.fvpack"
    output.parent.mkdir()
    output.write_bytes(b"the previous pack")
    with pytest.raises(InvalidInputError) as caught:
        build_pack(source, output, keys=demo_keys())
    assert "the-mayor" in caught.value.message
    assert "$.sessions[0].speaker_ids[0]" in caught.value.message
    assert output.read_bytes() == b"the previous pack"
    assert [p.name for p in output.parent.iterdir()] == ["hague.fvpack"]


def test_missing_output_folder(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="does not exist"):
        build_pack(HAGUE, tmp_path / "nowhere" / "x.fvpack", keys=None)


def test_real_schedules_build(schedules: Path, tmp_path: Path) -> None:
    from fieldvisit.interop.schedule import read_schedule

    for name in ("c3voc_pretalx-democon.json", "lca2020.ics", "c3voc_frab-camp2019.json"):
        expected = read_schedule(schedules / name).content
        pack = build_pack(schedules / name, tmp_path / f"{name}.fvpack", keys=demo_keys())
        assert len(pack.content.sessions) == len(expected.sessions) > 0
        by_id = {s.id: s for s in pack.content.sessions}
        for session in expected.sessions:
            assert by_id[session.id].start == session.start  # same instant, event zone


def test_schedule_completed_by_a_folder(schedules: Path, tmp_path: Path) -> None:
    from fieldvisit.interop.schedule import read_schedule

    schedule = schedules / "c3voc_pretalx-democon.json"
    programme = read_schedule(schedule).content
    first = min(s.start for s in programme.sessions)
    zone = programme.event.timezone
    speaker = next(s.speaker_ids[0] for s in programme.sessions if s.speaker_ids)
    folder = tmp_path / "with"
    folder.mkdir()
    (folder / "event.toml").write_text(
        "pack_version = 2\n[event]\n"
        f'id = "democon-visit"\ntitle = "DemoCon with a visit"\ntimezone = "{zone}"\n'
        f"start_date = {programme.event.start_date}\nend_date = {programme.event.end_date}\n"
        'emergency_contact = "duty"\n'
    )
    (folder / "people.toml").write_text(
        '[[person]]\nid = "duty"\nname = "Duty desk (fictional)"\nrole = "emergency"\n'
        'phone = "+31 70 000 0000"\nlisted = true\n'
        f'[[person]]\nid = "{speaker}"\nname = "Renamed speaker"\nrole = "speaker"\n'
    )
    (folder / "sessions.toml").write_text(
        '[[session]]\nid = "walk"\ntitle = "A walk"\nkind = "field_visit"\n'
        f"start = {(first - dt.timedelta(hours=2)).isoformat()}\n"
        f"end = {(first - dt.timedelta(hours=1)).isoformat()}\n"
    )
    report = build(schedule, tmp_path / "merged.fvpack", keys=demo_keys(), with_folder=folder)
    content = report.pack.content
    assert content.event.title == "DemoCon with a visit"
    assert content.event.id == "democon-visit"
    assert report.pack.manifest.pack_version == 2
    assert len(content.sessions) == len(programme.sessions) + 1
    assert content.sessions[0].id == "walk"  # sorted by start
    assert next(p for p in content.people if p.id == speaker).name == "Renamed speaker"
    assert "completed by" in report.source_kind
    # --event-id wins over the folder's.
    again = build_pack(
        schedule, tmp_path / "again.fvpack", keys=None, with_folder=folder, event_id="other"
    )
    assert again.content.event.id == "other" == again.manifest.event_id


def test_with_folder_needs_a_schedule(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="--with"):
        build_pack(HAGUE, tmp_path / "x.fvpack", keys=None, with_folder=RAN)


def test_reopened_pack_matches_the_source(tmp_path: Path) -> None:
    source = read_source_folder(RAN).content
    pack = open_pack(build_pack(RAN, tmp_path / "ran.fvpack", keys=demo_keys()).path)
    assert pack.content == source  # nobody in the RAN sample was unlisted with contact data
