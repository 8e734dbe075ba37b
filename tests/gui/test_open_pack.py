"""File > Open event pack: the preview (fingerprint, version, changes) before anything is
stored, the import, and an error dialog for a broken file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot
from sample_rows import SAMPLE_ID

from fieldvisit.app import Shell
from fieldvisit.domain.changes import ImportPreview
from fieldvisit.gui.open_pack import OpenPackFlow, PreviewDialog
from fieldvisit.packs.samples import build_sample, demo_keys
from fieldvisit.services.programme import event_choices


@pytest.fixture(scope="module")
def ran_pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("packs") / "ran.fvpack"
    build_sample("ran", path)
    return path


def flow_of(shell: Shell) -> OpenPackFlow:
    flow = shell.window._flow()  # created on first use; the tests want it beforehand
    assert isinstance(flow, OpenPackFlow)
    return flow


def test_preview_then_import(shell: Shell, qtbot: QtBot, ran_pack: Path) -> None:
    flow = flow_of(shell)
    with qtbot.waitSignal(flow.previewed, timeout=10_000) as previewed:
        shell.window.open_pack_file(ran_pack)
    preview = previewed.args[0]
    assert isinstance(preview, ImportPreview)
    dialog = flow.dialog
    assert isinstance(dialog, PreviewDialog) and dialog.isVisible()
    summary = dialog.findChild(QLabel, "preview_summary")
    assert summary is not None
    text = summary.text()
    assert demo_keys().fingerprint in text
    assert "Version 2 (new event)" in text
    assert "new event" in dialog.changes.toPlainText().lower()
    # Nothing is stored before Import.
    before = shell.worker.run_now(event_choices)
    assert [e.id for e in before] == [SAMPLE_ID]
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(flow.imported, timeout=20_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.window.event_combo.count() == 2, timeout=5000)
    assert shell.ctx.event_id == preview.event_id
    assert "Field Visit Companion" in shell.window.windowTitle()
    assert preview.title in shell.window.windowTitle()


def test_reopening_the_same_version_changes_nothing(
    shell: Shell, qtbot: QtBot, ran_pack: Path
) -> None:
    flow = flow_of(shell)
    with qtbot.waitSignal(flow.previewed, timeout=10_000):
        shell.window.open_pack_file(ran_pack)
    dialog = flow.dialog
    assert dialog is not None
    with qtbot.waitSignal(flow.imported, timeout=20_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(flow.previewed, timeout=10_000):
        shell.window.open_pack_file(ran_pack)
    again = flow.dialog
    assert again is not None and again is not dialog
    assert "already installed" in again.changes.toPlainText()
    assert not again.import_button.isEnabled()
    qtbot.mouseClick(
        again.buttons.button(again.buttons.StandardButton.Cancel), Qt.MouseButton.LeftButton
    )


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 truncated", b"not a zip at all"])
def test_broken_file_is_an_error_dialog(
    shell: Shell, qtbot: QtBot, tmp_path: Path, content: bytes
) -> None:
    broken = tmp_path / "broken.fvpack"
    broken.write_bytes(content)
    flow = flow_of(shell)
    with qtbot.waitSignal(flow.failed, timeout=10_000) as failed:
        shell.window.open_pack_file(broken)
    box = flow.error_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "broken.fvpack" in box.informativeText()
    assert "broken.fvpack" in failed.args[0]
    assert "nothing you stored has changed" in box.text()
    assert flow.dialog is None
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert [e.id for e in shell.worker.run_now(event_choices)] == [SAMPLE_ID]


def test_missing_file_is_an_error_dialog(shell: Shell, qtbot: QtBot, tmp_path: Path) -> None:
    flow = flow_of(shell)
    with qtbot.waitSignal(flow.failed, timeout=10_000):
        shell.window.open_pack_file(tmp_path / "nowhere.fvpack")
    assert flow.error_box is not None
    flow.error_box.close()
