"""`fieldvisit import` and `fieldvisit events` as a user runs them: output and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from import_factory import hague, replace_session

from fieldvisit.cli import main
from fieldvisit.domain.model import PackContent, SourceBundle
from fieldvisit.packs.build import write_pack
from fieldvisit.packs.keys import OrganiserKeys


def pack(folder: Path, content: PackContent, version: int, keys: OrganiserKeys | None) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    document = folder / "briefing.pdf"
    document.write_bytes(b"%PDF-1.4 briefing")
    output = folder / f"{content.event.id}-{version}.fvpack"
    files = {f"documents/{d.filename}": document for d in content.documents}
    write_pack(SourceBundle(content, files), output, keys=keys, pack_version=version, source="t")
    return str(output)


@pytest.fixture(scope="module")
def keys() -> OrganiserKeys:
    return OrganiserKeys(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())


def test_import_pins_then_updates_and_lists(
    data_dir: Path, tmp_path: Path, keys: OrganiserKeys, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["events"]) == 0
    assert "no events installed" in capsys.readouterr().out

    assert main(["import", pack(tmp_path, hague(), 1, keys)]) == 0
    out = capsys.readouterr().out
    assert "installed hague-2017" in out
    assert f"pinned the organiser key {keys.fingerprint}" in out

    moved = replace_session(hague(), "open", room="Auditorium")
    assert main(["import", pack(tmp_path, moved, 2, keys)]) == 0
    out = capsys.readouterr().out
    assert "updated hague-2017 from version 1 to 2" in out
    assert "0 new, 1 changed, 0 cancelled" in out
    assert "room: Hall -> Auditorium" in out
    assert "pinned" not in out

    assert main(["import", pack(tmp_path, moved, 2, keys)]) == 0
    assert "already installed" in capsys.readouterr().out

    assert main(["events", "--json"]) == 0
    [listed] = json.loads(capsys.readouterr().out)
    assert listed["id"] == "hague-2017" and listed["pack_version"] == 2
    assert listed["fingerprint"] == keys.fingerprint and listed["signed"] is True
    assert listed["timezone"] == "Europe/Amsterdam" and listed["start_date"] == "2017-02-15"
    assert listed["counts"]["sessions"] == 3 and listed["unseen_changes"] == 1

    assert main(["events", "--data-dir", str(data_dir)]) == 0
    assert "pack version 2" in capsys.readouterr().out


def test_refusals_explain_how_to_proceed(
    data_dir: Path, tmp_path: Path, keys: OrganiserKeys, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", pack(tmp_path, hague(), 2, keys)]) == 0
    capsys.readouterr()

    other = OrganiserKeys(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())
    assert main(["import", pack(tmp_path / "o", hague(), 3, other)]) == 2
    err = capsys.readouterr().err
    assert keys.fingerprint in err and other.fingerprint in err
    assert "--accept-new-key" in err and "Traceback" not in err

    assert main(["import", pack(tmp_path / "d", hague(), 1, keys)]) == 2
    err = capsys.readouterr().err
    assert "downgrade" in err and "higher" in err

    unsigned = pack(tmp_path / "u", hague("draft"), 1, None)
    assert main(["import", unsigned]) == 2
    assert "--allow-unsigned" in capsys.readouterr().err
    assert main(["import", unsigned, "--allow-unsigned"]) == 0
    assert "UNSIGNED" in capsys.readouterr().out

    assert main(["import", str(tmp_path / "missing.fvpack")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("fieldvisit: ") and "missing.fvpack" in err
