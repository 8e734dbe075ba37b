"""`fieldvisit pack ...` and `fieldvisit keys new`, run through cli.main as a user would."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from fieldvisit.cli import main
from fieldvisit.packs.samples import samples_dir

HAGUE = samples_dir() / "hague-2017"
DEMO_KEY = samples_dir() / "demo-organiser.key"
DEMO_FINGERPRINT = "4E31722E 64235F90 590F8C61 D58FA407 9C30D1D5"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(err: str) -> str:
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("fieldvisit: ")
    return lines[0]


@pytest.fixture
def hague_pack(tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    output = tmp_path / "hague.fvpack"
    code, _, _ = run(capsys, "pack", "build", str(HAGUE), "-o", str(output), "--key", str(DEMO_KEY))
    assert code == 0
    return output


def test_build_the_hague_sample(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "hague.fvpack"
    code, out, err = run(
        capsys, "pack", "build", str(HAGUE), "-o", str(output), "--key", str(DEMO_KEY)
    )
    assert (code, err) == (0, "")
    assert output.is_file()
    assert DEMO_FINGERPRINT in out
    assert "13 sessions" in out
    assert "removed for 1 person" in out  # facilitator-2 did not consent to be listed
    # No temporary file is left beside the pack.
    assert {p.name for p in tmp_path.iterdir()} <= {"hague.fvpack", "data"}


def test_verify(hague_pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "pack", "verify", str(hague_pack))
    assert code == 0
    assert f"{hague_pack}: OK" in out
    assert DEMO_FINGERPRINT in out


def test_inspect_json(hague_pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "pack", "inspect", "--json", str(hague_pack))
    assert code == 0
    data = json.loads(out)  # exactly one JSON object
    assert data["event"]["title"] == (
        "International Conference on Returning Foreign Terrorist Fighters"
    )
    assert data["event"]["timezone"] == "Europe/Amsterdam"
    assert (data["event"]["start_date"], data["event"]["end_date"]) == ("2017-02-15", "2017-02-16")
    sessions = {s["id"]: s for s in data["sessions"]}
    opening = sessions["d1-opening"]
    assert opening["start"] == "2017-02-15T09:00:00+01:00"
    assert opening["end"] == "2017-02-15T09:30:00+01:00"
    assert opening["kind"] == "plenary"
    assert opening["room"] == "Main hall"
    assert opening["speakers"] == ["Jozias van Aartsen"]
    assert sessions["d2-closing"]["end"] == "2017-02-16T13:00:00+01:00"
    assert [s["title"] for s in data["stops"]][1] == "Hobbemaplein: the neighbourhood at a glance"
    assert data["stops"][1]["planned_start"] == "2017-02-16T10:10:00+01:00"
    assert data["counts"] == {
        "sessions": 13,
        "stops": 6,
        "contacts": 5,
        "people": 9,
        "documents": 2,
        "links": 0,
        "questionnaires": 4,
    }
    assert data["fingerprint"] == DEMO_FINGERPRINT


def test_inspect_text(hague_pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "pack", "inspect", str(hague_pack))
    assert code == 0
    assert DEMO_FINGERPRINT in out
    assert "2017-02-15 09:00-09:30  Welcome and opening by the Mayor of The Hague" in out
    assert "[confidential]" in out


def test_template(tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("fieldvisit.interop.spreadsheet")
    output = tmp_path / "event.xlsx"
    code, out, _ = run(capsys, "pack", "template", "-o", str(output))
    assert code == 0
    assert output.read_bytes()[:2] == b"PK"
    assert "fieldvisit pack build" in out
    code, _, err = run(capsys, "pack", "template", "-o", str(output))
    assert code == 2
    assert "already exists" in one_line_error(err)


def test_keys_new(tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    key = tmp_path / "organiser.key"
    code, out, _ = run(capsys, "keys", "new", "-o", str(key))
    assert code == 0
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    public = json.loads((tmp_path / "organiser.key.pub").read_text())
    assert public["fingerprint"] in out
    before = key.read_bytes()
    code, _, err = run(capsys, "keys", "new", "-o", str(key))
    assert code == 2
    assert "not overwriting" in one_line_error(err)
    assert key.read_bytes() == before


def test_keys_with_a_passphrase_sign_a_pack(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key = tmp_path / "organiser.key"
    secret = tmp_path / "passphrase.txt"
    secret.write_text("correct horse battery staple\n")
    assert run(capsys, "keys", "new", "-o", str(key), "--passphrase-file", str(secret))[0] == 0
    assert "ENCRYPTED" in key.read_text()
    output = tmp_path / "signed.fvpack"
    build = ["pack", "build", str(HAGUE), "-o", str(output), "--key", str(key)]
    code, out, _ = run(capsys, *build, "--passphrase-file", str(secret))
    assert code == 0
    fingerprint = json.loads((tmp_path / "organiser.key.pub").read_text())["fingerprint"]
    assert fingerprint in out
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("incorrect\n")
    code, _, err = run(capsys, *build, "--passphrase-file", str(wrong))
    assert code == 2
    assert "wrong passphrase" in one_line_error(err)
    # No terminal and no passphrase file: a clear message, not a prompt or a traceback.
    code, _, err = run(capsys, *build)
    assert code == 2
    assert "passphrase" in one_line_error(err)


def test_unsigned_draft_needs_the_flag_to_verify(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "draft.fvpack"
    code, out, _ = run(capsys, "pack", "build", str(HAGUE), "-o", str(output), "--unsigned")
    assert code == 0
    assert "UNSIGNED" in out
    code, _, err = run(capsys, "pack", "verify", str(output))
    assert code == 2
    assert "unsigned" in one_line_error(err)
    code, out, _ = run(capsys, "pack", "verify", "--allow-unsigned", str(output))
    assert code == 0
    assert "UNSIGNED" in out


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["pack", "verify", "{tmp}/missing.fvpack"], "missing.fvpack"),
        (["pack", "verify", "{tmp}/garbage.fvpack"], "not a zip"),
        (["pack", "build", str(HAGUE), "-o", "{tmp}/x.fvpack"], "--key"),
        (["pack", "build", "{tmp}/nowhere", "-o", "{tmp}/x.fvpack", "--unsigned"], "nowhere"),
        (
            ["pack", "build", str(HAGUE), "-o", "{tmp}/x.fvpack", "--key", "{tmp}/garbage.fvpack"],
            "not a fieldvisit key file",
        ),
    ],
)
def test_user_errors_are_one_line(
    tmp_path: Path,
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    expected: str,
) -> None:
    (tmp_path / "garbage.fvpack").write_bytes(b"\x00garbage" * 50)
    code, out, err = run(capsys, *[a.replace("{tmp}", str(tmp_path)) for a in argv])
    assert code == 2
    assert out == ""
    assert expected in one_line_error(err)
    assert not (tmp_path / "x.fvpack").exists()


def test_build_error_names_the_source_file_and_key(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "source"
    source.mkdir()
    (source / "event.toml").write_text(
        '[event]\nid = "e"\ntitle = "T"\ntimezone = "Europe/Amsterdam"\nstart_date = 2017-02-15\n'
    )
    (source / "sessions.toml").write_text(
        '[[session]]\nid = "s"\ntitle = "S"\ndate = 2017-02-15\nstart = 09:00:00\n'
        'end = 10:00:00\nspeakrs = ["x"]\n'
    )
    code, _, err = run(
        capsys, "pack", "build", str(source), "-o", str(tmp_path / "x.fvpack"), "--unsigned"
    )
    assert code == 2
    line = one_line_error(err)
    assert "sessions.toml" in line
    assert "session[0].speakrs" in line
