"""`fieldvisit export notes -o notes.pdf` writes a real PDF (Qt draws it offscreen, as the
Export menu does), read back with pypdf, an independent parser; other names are refused."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from pypdf import PdfReader
from returns_support import add_delegate_data, open_delegate_store

SHARED = "Case managers need a shared picture of each returnee."
PRIVATE = "call my sister"


@pytest.fixture
def delegate(data_dir: Path) -> Path:
    store = open_delegate_store(data_dir, X25519PrivateKey.generate())
    add_delegate_data(store)
    store.close()
    return data_dir


def fieldvisit(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)  # the command needs no display of any kind
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return subprocess.run(
        [sys.executable, "-m", "fieldvisit", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


@pytest.mark.slow
def test_export_notes_pdf_is_a_pdf_without_private_notes(delegate: Path, tmp_path: Path) -> None:
    target = tmp_path / "notes.pdf"
    done = fieldvisit(delegate, "export", "notes", "-o", str(target))
    assert done.returncode == 0, done.stderr
    assert target.read_bytes().startswith(b"%PDF-")
    text = " ".join(pdf_text(target).split())
    assert "Notes: International Conference on Returning Foreign Terrorist Fighters" in text
    assert SHARED in text
    assert PRIVATE not in text
    assert "# Notes" not in text  # drawn, not Markdown source
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "without private notes" in done.stdout


@pytest.mark.slow
def test_include_private_puts_them_in(delegate: Path, tmp_path: Path) -> None:
    target = tmp_path / "all.pdf"
    done = fieldvisit(delegate, "export", "notes", "-o", str(target), "--include-private")
    assert done.returncode == 0, done.stderr
    assert PRIVATE in " ".join(pdf_text(target).split())


def test_unknown_extension_is_one_clear_line(
    delegate: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from fieldvisit.cli import main

    target = tmp_path / "notes.docx"
    assert main(["export", "notes", "-o", str(target)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "notes.docx" in err and ".docx" in err and "*.pdf" in err
    assert not target.exists()
