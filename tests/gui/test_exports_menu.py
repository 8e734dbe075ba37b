"""File > Export from the window: the PDF booklet is a real PDF (read back with pypdf), the
same text as the command line's, 0600, and private notes only when ticked."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from pypdf import PdfReader
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot
from returns_support import add_delegate_data, open_delegate_store
from sample_rows import HAGUE

from fieldvisit.gui.context import AppContext
from fieldvisit.gui.exports_menu import ExportActions
from fieldvisit.gui.pdf import write_pdf
from fieldvisit.gui.qsettings import ini_settings
from fieldvisit.gui.worker import DbWorker
from fieldvisit.paths import resolve
from fieldvisit.services.exports import export

SHARED = "Case managers need a shared picture of each returnee."
PRIVATE = "call my sister"


@pytest.fixture
def actions(qtbot: QtBot, data_dir: Path, tmp_path: Path) -> Iterator[ExportActions]:
    store = open_delegate_store(data_dir, X25519PrivateKey.generate())
    add_delegate_data(store)
    worker = DbWorker(store)
    ctx = AppContext(worker, resolve(data_dir), ini_settings(tmp_path / "s.ini"))
    ctx.set_event(HAGUE, "Europe/Amsterdam")
    main = QMainWindow()
    qtbot.addWidget(main)
    try:
        yield ExportActions(main, ctx)
    finally:
        worker.shutdown()
        store.close()


def text_of(path: Path) -> str:
    return " ".join("\n".join(p.extract_text() for p in PdfReader(path).pages).split())


def test_pdf_booklet_is_private_and_leaves_private_notes_out(
    qtbot: QtBot, actions: ExportActions, tmp_path: Path
) -> None:
    path = tmp_path / "notes.pdf"
    with qtbot.waitSignal(actions.exported, timeout=20_000):
        actions.export_to("pdf", path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    text = text_of(path)
    assert SHARED in text
    assert PRIVATE not in text
    with qtbot.waitSignal(actions.exported, timeout=20_000):
        actions.export_to("pdf", tmp_path / "all.pdf", include_private=True)
    assert PRIVATE in text_of(tmp_path / "all.pdf")
    # The command line's booklet is this one: same renderer, same text.
    cli = tmp_path / "cli.pdf"
    export(
        actions.ctx.worker.store,
        "notes",
        HAGUE,
        cli,
        render_pdf=lambda md, p, title: write_pdf(md, p, title=title),
    )
    assert text_of(cli) == text


def test_markdown_booklet_from_the_menu_leaves_private_notes_out(
    qtbot: QtBot, actions: ExportActions, tmp_path: Path
) -> None:
    path = tmp_path / "notes.md"
    with qtbot.waitSignal(actions.exported, timeout=20_000):
        actions.export_to("notes", path)
    text = path.read_text(encoding="utf-8")
    assert SHARED in text and PRIVATE not in text
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_booklet_save_dialogs_offer_private_notes_unticked(actions: ExportActions) -> None:
    for name in ("notes", "pdf"):
        dialog, private = actions.save_dialog(name, "PDF (*.pdf)", ".pdf")
        assert private is not None and private.isVisibleTo(dialog)
        assert not private.isChecked()
        assert "private" in private.text().lower()
        dialog.deleteLater()
    dialog, private = actions.save_dialog("agenda", "iCalendar (*.ics)", ".ics")
    assert private is None
    dialog.deleteLater()
