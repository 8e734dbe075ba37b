"""Issue 9 in the window: the sample banner on every section, Help > Sample events…, the
first start on the Hague sample, and Event > Remove event… (offer first, then confirm)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QMenu, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from fieldvisit.app import Shell
from fieldvisit.gui.event_admin import RemoveEventDialog, RemoveEventFlow, SamplesDialog
from fieldvisit.paths import resolve
from fieldvisit.services import notes
from fieldvisit.services.events import own_data
from fieldvisit.services.programme import event_choices
from fieldvisit.storage.models import NoteRow

HAGUE = "sample-hague-rftf-2017"
BANNER = "Sample event: illustrative, not the official programme."


def test_the_first_start_opens_on_the_hague_sample_with_its_banner(
    make_shell: object, data_dir: Path, qtbot: QtBot
) -> None:
    shell = make_shell(resolve(data_dir))  # type: ignore[operator]
    assert isinstance(shell, Shell)
    qtbot.waitUntil(lambda: shell.ctx.event_id == HAGUE, timeout=20_000)
    banner = shell.window.sample_banner
    qtbot.waitUntil(banner.isVisible, timeout=5000)
    assert BANNER in banner.text()
    for section in ("today", "programme", "visit", "contacts", "documents", "notes", "questions"):
        shell.window.show_section(section)
        assert banner.isVisible() and banner.isVisibleTo(shell.window)
        # Above the section, in the same column.
        assert banner.geometry().bottom() <= shell.window.stack.geometry().top()
    # What is invented, said by the pack itself.
    assert "Invented: the timetable" in banner.toolTip()
    banner.linkActivated.emit("note")
    qtbot.waitUntil(lambda: shell.window.findChild(QMessageBox, "illustrative_note") is not None)
    box = shell.window.findChild(QMessageBox, "illustrative_note")
    assert box is not None and "Jozias van Aartsen" in box.text()
    box.close()


def test_help_sample_events_installs_one(shell: Shell, qtbot: QtBot) -> None:
    help_menu = shell.window.findChild(QMenu, "menu_help")
    assert help_menu is not None
    action = next(a for a in help_menu.actions() if a.objectName() == "action_sample_events")
    action.trigger()
    qtbot.waitUntil(lambda: shell.window.findChild(SamplesDialog) is not None)
    dialog = shell.window.findChild(SamplesDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: len(dialog.buttons) == 4, timeout=10_000)
    labels = " ".join(label.text() for label in dialog.findChildren(type(dialog.status)))
    for name in ("hague", "ran", "icct", "liaise"):
        assert f"<b>{name}</b>" in labels
    assert "two presentations shared" in labels
    assert dialog.buttons["hague"].text() == "Update"  # installed at the first start
    assert dialog.buttons["icct"].text() == "Install"
    with qtbot.waitSignal(shell.window.events_loaded, timeout=20_000):
        qtbot.mouseClick(dialog.buttons["icct"], Qt.MouseButton.LeftButton)
    assert shell.ctx.event_id == "sample-icct-foreign-fighters-workshop"
    assert shell.window.sample_banner.isVisible()
    assert "dates" in shell.window.sample_banner.toolTip()
    dialog.reject()


def test_a_real_event_has_no_sample_banner(shell: Shell, qtbot: QtBot, tmp_path: Path) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
    from sample_packs import real_hague

    from fieldvisit.packs.keys import OrganiserKeys
    from fieldvisit.services.importing import import_pack

    keys = OrganiserKeys(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())
    real = real_hague(tmp_path, keys)
    shell.worker.run_now(lambda store: import_pack(store, real))
    with qtbot.waitSignal(shell.window.events_loaded, timeout=20_000):
        shell.window.load_events("hague-rftf-2017")
    assert shell.ctx.event_id == "hague-rftf-2017"
    assert not shell.window.sample_banner.isVisible()


def remove_box(shell: Shell, qtbot: QtBot) -> RemoveEventDialog:
    event_menu = shell.window.findChild(QMenu, "menu_event")
    assert event_menu is not None
    action = next(a for a in event_menu.actions() if a.objectName() == "action_remove_event")
    action.trigger()

    def shown() -> list[RemoveEventDialog]:
        boxes = shell.window.findChildren(RemoveEventDialog, "remove_event_box")
        return [b for b in boxes if b.isVisible()]

    qtbot.waitUntil(lambda: len(shown()) == 1, timeout=10_000)
    return shown()[0]


def button(box: RemoveEventDialog, name: str) -> QPushButton:
    found = box.findChild(QPushButton, name)
    assert found is not None, name
    return found


def test_remove_event_offers_to_send_or_export_first_and_asks(
    shell: Shell, qtbot: QtBot, monkeypatch: object
) -> None:
    shell.worker.run_now(
        lambda s: notes.save_note(
            s, notes.NoteDraft(notes.new_note_id(), HAGUE, "My notes on the field visit")
        )
    )
    box = remove_box(shell, qtbot)
    assert "1 note(s)" in box.info.text()
    remove = button(box, "remove_confirm")
    assert not remove.isEnabled()  # the tick is the confirmation
    # Export notes… first: the export action runs, nothing is removed.
    exported: list[bool] = []
    export_action = shell.window.findChild(QAction, "action_export_notes")
    assert export_action is not None
    export_action.triggered.disconnect()
    export_action.triggered.connect(lambda: exported.append(True))
    qtbot.mouseClick(button(box, "remove_export_first"), Qt.MouseButton.LeftButton)
    assert exported == [True]
    assert [c.id for c in shell.worker.run_now(event_choices)] == [HAGUE]
    # Again: tick, then Remove.
    box = remove_box(shell, qtbot)
    check = box.findChild(QCheckBox, "remove_understood")
    assert check is not None
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
    remove = button(box, "remove_confirm")
    assert remove.isEnabled()
    flow = shell.window.findChild(RemoveEventFlow)
    assert flow is not None
    with qtbot.waitSignal(flow.removed, timeout=10_000):
        qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.worker.run_now(event_choices) == [], timeout=10_000)
    assert shell.worker.run_now(lambda s: own_data(s, HAGUE)).notes == 0

    def stored_notes(store: object) -> int:
        with store.unit() as s:  # type: ignore[attr-defined]
            return int(s.query(NoteRow).count())

    assert shell.worker.run_now(stored_notes) == 0
    qtbot.waitUntil(lambda: shell.ctx.event_id == "", timeout=10_000)
    assert not shell.window.sample_banner.isVisible()


def test_cancel_removes_nothing(shell: Shell, qtbot: QtBot) -> None:
    box = remove_box(shell, qtbot)
    assert "no notes or answers" in box.info.text()
    assert button(box, "remove_confirm").isEnabled()  # nothing of yours to lose
    box.reject()
    assert [c.id for c in shell.worker.run_now(event_choices)] == [HAGUE]
