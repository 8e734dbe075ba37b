"""Files handed over by the desktop: a double-clicked pack opens the import flow."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from fieldvisit.app import Shell
from fieldvisit.gui.application import FileOpenFilter, open_file


def test_file_open_event_starts_the_pack_import(
    shell: Shell, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(shell.window, "open_pack_file", opened.append)
    app = QApplication.instance()
    assert app is not None
    event_filter = FileOpenFilter(shell.window, app)
    app.installEventFilter(event_filter)
    try:
        pack = tmp_path / "hague-v2.fvpack"
        QApplication.sendEvent(app, QFileOpenEvent(str(pack)))
    finally:
        app.removeEventFilter(event_filter)
    assert opened == [pack]


def test_a_return_file_points_to_the_organiser_window(shell: Shell, tmp_path: Path) -> None:
    from fieldvisit.gui.organiser import OrganiserWindow

    open_file(shell.window, tmp_path / "hague_jane_20170216T121500Z.fvreturn")
    # The delegate's app does not collate (issue 16): it says where organisers do.
    assert shell.window.findChild(OrganiserWindow) is None
    message = shell.window.statusBar().currentMessage()
    assert "return file" in message and "fieldvisit organiser" in message


def test_another_file_is_refused_with_a_message(shell: Shell, tmp_path: Path) -> None:
    open_file(shell.window, tmp_path / "notes.txt")
    assert "notes.txt" in shell.window.statusBar().currentMessage()
