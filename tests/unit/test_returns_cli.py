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
    code = main(["collate", str(tmp_path), "--key", str(bogus), "--db", str(tmp_path / "c.db")])
    assert code == 2
    assert "not a fieldvisit key file" in capsys.readouterr().err
