"""The command line: return (dry run, confidential), export, collate and report."""

from __future__ import annotations

from pathlib import Path

import pytest
from returns_support import add_delegate_data, open_delegate_store

from fieldvisit.cli import main
from fieldvisit.packs.keys import generate_keys


@pytest.fixture
def setup(data_dir: Path, tmp_path: Path) -> Path:
    """An organiser key file; the delegate store in `data_dir` uses its return key."""
    key = tmp_path / "organiser.key"
    keys = generate_keys(key, None)
    store = open_delegate_store(data_dir, keys.returns)
    add_delegate_data(store)
    store.close()
    return key


def test_dry_run_lists_and_writes_nothing(
    setup: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    assert main(["return", "-o", str(out), "--dry-run"]) == 0
    text = capsys.readouterr().out
    assert "[x] Inspiration session: learning from returnees: Case managers" in text
    assert "[ ] Working group A: prisons and probation: Prison officers" in text
    assert "Left out (notes on confidential sessions" in text
    assert "call my sister" not in text
    assert list(out.iterdir()) == []


def test_return_collate_report_round_trip(
    setup: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    assert main(["return", "-o", str(out), "--name", "Anna", "--include-confidential"]) == 0
    assert "Left out" not in capsys.readouterr().out
    (sent,) = out.iterdir()
    assert sent.name.startswith("hague-2017_") and sent.suffix == ".fvreturn"
    assert "anna" not in sent.name.lower()
    junk = out / "junk.fvreturn"
    junk.write_bytes(b"not a return at all")
    db = tmp_path / "collation.sqlite"
    code = main(["collate", str(out), "--key", str(setup), "--db", str(db)])
    text = capsys.readouterr().out
    assert code == 1  # a file was rejected: scripts notice
    assert f"accepted {sent.name}: 6 new" in text
    assert "REJECTED junk.fvreturn: not_a_return" in text
    assert main(["collate", str(sent), "--key", str(setup), "--db", str(db)]) == 0
    assert "already collated" in capsys.readouterr().out
    report = tmp_path / "report"
    assert main(["report", "--db", str(db), "-o", str(report)]) == 0
    everything = "\n".join(
        p.read_text(encoding="utf-8-sig") for p in report.rglob("*") if p.suffix in (".md", ".csv")
    )
    assert "Prison officers asked for a mentor network." in everything
    assert "Start with the families." in everything
    assert "call my sister" not in everything
    assert "junk.fvreturn" in (report / "rejected.md").read_text()


def test_an_output_named_like_a_folder_or_without_the_suffix(
    setup: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`-o out/` names a folder: when it does not exist the command says so and writes
    nothing (it wrote a file called `out`). `-o anna` writes anna.fvreturn: a file named
    otherwise would be passed over when the organisers collate the folder it lands in."""
    missing = tmp_path / "out"
    assert main(["return", "-o", f"{missing}/", "--include-confidential"]) == 2
    assert "out: the folder does not exist" in capsys.readouterr().err
    assert not missing.exists() and not Path(f"{missing}.fvreturn").exists()
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    assert main(["return", "-o", str(inbox / "anna"), "--include-confidential"]) == 0
    assert f"Wrote {inbox / 'anna.fvreturn'} (" in capsys.readouterr().out
    assert [p.name for p in inbox.iterdir()] == ["anna.fvreturn"]
    db = tmp_path / "collation.sqlite"
    assert main(["collate", str(inbox), "--key", str(setup), "--db", str(db)]) == 0
    assert "accepted anna.fvreturn: 6 new" in capsys.readouterr().out
    assert main(["return", "-o", str(inbox / "bram.FVRETURN"), "--include-confidential"]) == 0
    assert sorted(p.name for p in inbox.iterdir()) == ["anna.fvreturn", "bram.FVRETURN"]
    assert "(3 notes, 1 answer, 1 agenda pick, 1 rating; " in capsys.readouterr().out
    assert main(["collate", str(inbox), "--key", str(setup), "--db", str(db)]) == 0
    assert capsys.readouterr().out.splitlines()[:2] == [
        "already collated anna.fvreturn",
        "accepted bram.FVRETURN: 0 new, 6 unchanged, 0 superseded, 0 conflict(s)",
    ]


def test_collating_a_folder_without_return_files_is_an_error(
    setup: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder holding no *.fvreturn is a mistake (the wrong folder, or the mail's
    attachments not saved yet): exit 2, one line naming it, and no store is created."""
    folder = tmp_path / "Downloads"
    folder.mkdir()
    (folder / "programme.pdf").write_bytes(b"%PDF-1.4")
    db = tmp_path / "collation.sqlite"
    assert main(["collate", str(folder), "--key", str(setup), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert f"{folder}: no return files (*.fvreturn) in this folder (1 other file)" in err
    assert not db.exists()


def test_export_from_the_command_line(
    setup: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "notes.md"
    assert main(["export", "notes", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith("# Notes:")
    assert f"Wrote {target}" in capsys.readouterr().out


def test_wrong_organiser_key_file_is_a_user_error(
    setup: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bogus = tmp_path / "bogus.key"
    bogus.write_text("hello")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "r.fvreturn").write_bytes(b"FVRETURN")
    code = main(["collate", str(inbox), "--key", str(bogus), "--db", str(tmp_path / "c.db")])
    assert code == 2
    assert "not a fieldvisit key file" in capsys.readouterr().err
