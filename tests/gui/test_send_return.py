"""File > Send to organisers…: the checklist, per-note confirmation, and the written file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot
from returns_support import add_delegate_data, open_delegate_store
from sample_rows import HAGUE

from fieldvisit.gui.context import AppContext
from fieldvisit.gui.qsettings import ini_settings
from fieldvisit.gui.send_return import SendReturnDialog
from fieldvisit.gui.worker import DbWorker
from fieldvisit.paths import resolve
from fieldvisit.returns.format import open_sealed, raw_public
from fieldvisit.returns.payload import parse_payload

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def organiser() -> X25519PrivateKey:
    return X25519PrivateKey.generate()


@pytest.fixture
def ctx(data_dir: Path, organiser: X25519PrivateKey) -> Iterator[AppContext]:
    store = open_delegate_store(data_dir, organiser)
    add_delegate_data(store)
    worker = DbWorker(store)
    paths = resolve(data_dir)
    settings = ini_settings(paths.config / "settings.ini")
    context = AppContext(worker, paths, settings)
    context.set_event(HAGUE, "Europe/Amsterdam")
    yield context
    worker.shutdown()
    store.close()


@pytest.fixture
def dialog(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> SendReturnDialog:
    widget = SendReturnDialog(ctx)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.loaded, timeout=5000):
        widget.show()
    widget.folder_edit.setText(str(tmp_path))
    return widget


def row_of(dialog: SendReturnDialog, text: str, column: int = 0) -> QModelIndex:
    model = dialog.model
    for s in range(model.rowCount()):
        parent = model.index(s, 0)
        for r in range(model.rowCount(parent)):
            index = model.index(r, column, parent)
            if text in str(model.index(r, 0, parent).data()):
                return index
    raise AssertionError(f"no row with {text!r}")


def press_space_on(qtbot: QtBot, dialog: SendReturnDialog, index: QModelIndex) -> None:
    """Select a row's cell and press Space, as a keyboard user toggles a checkbox."""
    dialog.tree.setFocus()
    dialog.tree.setCurrentIndex(index)
    qtbot.keyClick(dialog.tree.viewport(), Qt.Key.Key_Space)


def opened(organiser: X25519PrivateKey, path: Path) -> bytes:
    data = path.read_bytes()
    return open_sealed(data, organiser, public_raw=raw_public(organiser.public_key())).payload


def test_checklist_shows_what_goes_and_never_private(
    dialog: SendReturnDialog, qtmodeltester: object
) -> None:
    model = dialog.model
    sections = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert sections == ["Notes (3)", "Answers (1)", "Agenda picks (1)", "Ratings (1)"]
    labels = [i.label for i in model.items()]
    assert not any("sister" in label for label in labels)
    confidential = row_of(dialog, "Prison officers", 1)
    assert confidential.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert row_of(dialog, "Case managers", 1).data(Qt.ItemDataRole.CheckStateRole) is None
    assert "5 item(s) will be sent" in dialog.summary.text()
    assert "1 confidential note(s) wait" in dialog.summary.text()
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_send_with_one_item_left_out_and_one_confirmed(
    qtbot: QtBot, dialog: SendReturnDialog, organiser: X25519PrivateKey, tmp_path: Path
) -> None:
    press_space_on(qtbot, dialog, row_of(dialog, "Working group B"))  # untick the pick
    press_space_on(qtbot, dialog, row_of(dialog, "Prison officers", 1))  # confirm this note
    assert "5 item(s) will be sent" in dialog.summary.text()
    dialog.name_edit.clear()
    qtbot.keyClicks(dialog.name_edit, "Anna de Vries")
    with qtbot.waitSignal(dialog.sent, timeout=10_000) as sent:
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    path = Path(sent.args[0])
    assert path.parent == tmp_path and path.name.startswith("hague-2017_")
    assert "anna" not in path.name and "vries" not in path.name
    payload = parse_payload(opened(organiser, path))
    kinds = sorted(r.kind for r in payload.records)
    assert kinds == ["answer", "note", "note", "note", "rating"]
    assert b"Prison officers asked for a mentor network." in opened(organiser, path)
    assert b"sister" not in opened(organiser, path)
    assert payload.delegate_name == "Anna de Vries"


def test_unticking_a_section_leaves_all_its_items_out(
    qtbot: QtBot, dialog: SendReturnDialog
) -> None:
    notes = dialog.model.index(0, 0)
    press_space_on(qtbot, dialog, notes)
    assert notes.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert "3 item(s) will be sent" in dialog.summary.text()


def test_a_missing_folder_is_reported_and_the_dialog_stays(
    qtbot: QtBot, dialog: SendReturnDialog, tmp_path: Path
) -> None:
    dialog.folder_edit.setText(str(tmp_path / "no-such-stick"))
    with qtbot.waitSignal(dialog.failed, timeout=10_000) as failed:
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert "does not exist" in failed.args[0]
    assert dialog.isVisible()
    qtbot.waitUntil(dialog.send_button.isEnabled)


def test_a_full_disk_records_nothing_as_sent(
    qtbot: QtBot,
    dialog: SendReturnDialog,
    ctx: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 15: after "the disk is full ... Nothing was written" no return may be recorded
    as sent; only a return that was written is."""
    import errno

    from sqlalchemy import func, select

    from fieldvisit.interop import atomic
    from fieldvisit.storage.models import SentReturnRow

    def sent_rows() -> int:
        store = ctx.worker.store
        with store.unit() as s:
            return int(s.scalar(select(func.count()).select_from(SentReturnRow)) or 0)

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    before = sorted(tmp_path.iterdir())
    monkeypatch.setattr(atomic.os, "fsync", full)
    with qtbot.waitSignal(dialog.failed, timeout=10_000) as failed:
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert "disk is full" in failed.args[0] and "Nothing was written" in failed.args[0]
    assert len(failed.args[0].splitlines()) == 1
    assert sorted(tmp_path.iterdir()) == before  # no return file, no temporary left
    assert sent_rows() == 0
    assert dialog.isVisible()

    monkeypatch.undo()  # space freed: the same send now writes, and only then records
    qtbot.waitUntil(dialog.send_button.isEnabled)
    with qtbot.waitSignal(dialog.sent, timeout=10_000) as sent:
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert Path(sent.args[0]).is_file()
    assert sent_rows() == 1
