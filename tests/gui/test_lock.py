"""The app lock, driven as a delegate would: Ctrl+L, a wrong passcode, the right one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from fieldvisit.app import Shell
from fieldvisit.gui.unlock import UnlockDialog
from fieldvisit.paths import AppPaths
from fieldvisit.services import notes
from fieldvisit.services.store import Store, store_files, unlock_key
from fieldvisit.settings import LOCK_IDLE_MINUTES
from fieldvisit.storage import cipher, keyfile

MARKER = "quetzalmarker"
PASSCODE = "blue lantern 42"


@pytest.fixture(autouse=True)
def quick(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(keyfile, "DEFAULT_PARAMS", keyfile.KdfParams(1024, 1, 1))
    monkeypatch.setattr(cipher.THROTTLE, "sleep", lambda _s: None)
    yield


@pytest.fixture
def locked_paths(hague_paths: AppPaths) -> AppPaths:
    cipher.protect(store_files(hague_paths), PASSCODE)
    return hague_paths


@pytest.fixture
def secure_shell(locked_paths: AppPaths, qtbot: QtBot, qapp: object) -> Iterator[Shell]:
    from fieldvisit.app import start_shell

    shell = start_shell(
        locked_paths, language="en", theme="light", key=unlock_key(locked_paths, PASSCODE)
    )
    shell.window.show()
    qtbot.waitExposed(shell.window)
    with qtbot.waitSignal(shell.window.events_loaded, timeout=20_000):
        shell.start(folders=[])
    qtbot.waitUntil(lambda: shell.window.programme.programme is not None, timeout=10_000)
    yield shell
    shell.close()
    shell.window.deleteLater()


def files_holding(folder: Path, *words: str) -> list[str]:
    forms = [f for w in words for f in (w.encode(), w.encode("utf-16-le"), w.encode("utf-16-be"))]
    return sorted(
        str(p)
        for p in folder.rglob("*")
        if p.is_file() and any(form in p.read_bytes() for form in forms)
    )


def session_title(shell: Shell) -> str:
    programme = shell.window.programme.programme
    assert programme is not None
    return max((s.title for s in programme.sessions), key=len)


def test_ctrl_l_saves_the_note_locks_and_leaves_no_word_behind(
    secure_shell: Shell, locked_paths: AppPaths, qtbot: QtBot
) -> None:
    shell = secure_shell
    window = shell.window
    lock = shell.lock
    assert lock is not None and lock.action.isEnabled()
    window.new_note("", "")
    section = window.sections["notes"]
    editor = section.editor  # type: ignore[attr-defined]
    qtbot.keyClicks(editor.body, f"Met the {MARKER} team")
    title = session_title(shell)

    with qtbot.waitSignal(lock.locked, timeout=10_000):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.centralWidget() is lock.screen
    assert not window.menuBar().isVisible()
    qtbot.waitUntil(lambda: shell.store.key is None, timeout=10_000)

    # Locked: the words are nowhere on disk, in any encoding, nor a session title.
    for folder in (locked_paths.data, locked_paths.cache):
        assert files_holding(folder, MARKER, title) == []

    panel = lock.panel
    qtbot.keyClicks(panel.passcode, "not it")
    with qtbot.waitSignal(panel.failed, timeout=10_000):
        qtbot.keyClick(panel.passcode, Qt.Key.Key_Return)
    assert "Wrong passcode" in panel.message.text()
    assert window.centralWidget() is lock.screen

    panel.passcode.clear()
    qtbot.keyClicks(panel.passcode, PASSCODE)
    with qtbot.waitSignal(lock.unlocked, timeout=10_000):
        qtbot.mouseClick(panel.unlock_button, Qt.MouseButton.LeftButton)
    assert window.centralWidget() is not lock.screen and window.menuBar().isVisible()
    assert shell.store.key is not None

    def bodies(store: Store) -> list[str]:
        return [n.note.body for n in notes.list_notes(store, shell.ctx.event_id)]

    assert f"Met the {MARKER} team" in shell.worker.run_now(bodies)


def test_idle_minutes_lock_the_window(secure_shell: Shell, qtbot: QtBot) -> None:
    lock = secure_shell.lock
    assert lock is not None
    assert lock.idle.isActive() and lock.idle.interval() == 5 * 60_000  # the default
    secure_shell.ctx.settings.set(LOCK_IDLE_MINUTES, "0")
    lock.apply_settings()
    assert not lock.idle.isActive()  # 0 = never
    lock.idle.setInterval(1)
    lock.idle.start()
    with qtbot.waitSignal(lock.locked, timeout=10_000):
        pass
    assert lock.is_locked


def test_unlock_dialog_at_start(locked_paths: AppPaths, qtbot: QtBot) -> None:
    dialog = UnlockDialog(locked_paths)
    qtbot.addWidget(dialog)
    dialog.show()
    forgotten = dialog.findChild(QLabel, "unlock_forgotten")
    assert forgotten is not None and "cannot be recovered" in forgotten.text()
    qtbot.keyClicks(dialog.panel.passcode, "wrong")
    with qtbot.waitSignal(dialog.panel.failed, timeout=10_000):
        qtbot.keyClick(dialog.panel.passcode, Qt.Key.Key_Return)
    assert dialog.panel.passcode.selectedText() == "wrong"  # typing replaces it
    qtbot.keyClicks(dialog.panel.passcode, PASSCODE)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.keyClick(dialog.panel.passcode, Qt.Key.Key_Return)
    assert dialog.key is not None and len(dialog.key) == 32


def test_a_plain_store_has_nothing_to_lock(shell: Shell) -> None:
    assert shell.lock is not None and not shell.lock.action.isEnabled()
    shell.lock.lock()
    assert not shell.lock.is_locked


def test_settings_protect_change_and_remove_the_passcode(shell: Shell, qtbot: QtBot) -> None:
    """Settings > Protect with a passcode…, then Change…, then Remove…, as a delegate."""
    from PySide6.QtWidgets import QLineEdit, QPushButton

    from fieldvisit.gui.passcode import PasscodeDialog
    from fieldvisit.gui.settings_dialog import SettingsDialog
    from fieldvisit.services.store import is_protected

    paths = shell.ctx.paths
    settings = SettingsDialog(shell.ctx, shell.window)
    qtbot.addWidget(settings)
    settings.show()

    def run(button: str, fields: dict[str, str], mode: str) -> PasscodeDialog:
        push = settings.findChild(QPushButton, button)
        assert push is not None and push.isVisible()
        qtbot.mouseClick(push, Qt.MouseButton.LeftButton)
        box = settings.findChild(PasscodeDialog, f"passcode_dialog_{mode}")
        assert box is not None
        for name, text in fields.items():
            field = box.findChild(QLineEdit, name)
            assert field is not None
            field.clear()
            qtbot.keyClicks(field, text)
        return box

    box = run("passcode_protect", {"passcode_new": "short", "passcode_again": "short"}, "set")
    qtbot.mouseClick(box.ok_button, Qt.MouseButton.LeftButton)
    assert "at least 6" in box.message.text() and not is_protected(paths)
    box.new.clear()
    box.again.clear()
    qtbot.keyClicks(box.new, PASSCODE)
    qtbot.keyClicks(box.again, PASSCODE)
    with qtbot.waitSignal(box.changed, timeout=20_000):
        qtbot.mouseClick(box.ok_button, Qt.MouseButton.LeftButton)
    assert is_protected(paths) and shell.store.encrypted
    assert shell.lock is not None and shell.lock.action.isEnabled()
    # The app goes on with the encrypted store: a note is saved and found.
    nid = notes.new_note_id()
    shell.worker.run_now(
        lambda s: notes.save_note(s, notes.NoteDraft(id=nid, event_id="e", body=MARKER))
    )
    assert files_holding(paths.data, MARKER) == []

    box = run(
        "passcode_change",
        {"passcode_current": "nope", "passcode_new": "new code 7", "passcode_again": "new code 7"},
        "change",
    )
    qtbot.mouseClick(box.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Wrong passcode" in box.message.text(), timeout=20_000)
    box.current.clear()
    qtbot.keyClicks(box.current, PASSCODE)
    with qtbot.waitSignal(box.changed, timeout=20_000):
        qtbot.mouseClick(box.ok_button, Qt.MouseButton.LeftButton)
    assert unlock_key(paths, "new code 7")

    box = run("passcode_remove", {"passcode_current": "new code 7"}, "remove")
    with qtbot.waitSignal(box.changed, timeout=20_000):
        qtbot.mouseClick(box.ok_button, Qt.MouseButton.LeftButton)
    assert not is_protected(paths) and not shell.store.encrypted
    assert not shell.lock.action.isEnabled()
    assert files_holding(paths.data, MARKER)  # plain again, as the dialog warned

    def found(store: Store) -> bool:
        return any(n.note.body == MARKER for n in notes.list_notes(store, "e"))

    assert shell.worker.run_now(found)


def required_pack(tmp_path: Path) -> Path:
    """A pack whose organisers require a passcode (`require_app_lock: true`)."""
    import dataclasses

    from import_factory import hague

    from fieldvisit.domain.model import SourceBundle
    from fieldvisit.packs.build import write_pack

    content = hague("locked-2017")
    content = dataclasses.replace(
        content, event=dataclasses.replace(content.event, require_app_lock=True)
    )
    briefing = tmp_path / "briefing.pdf"
    briefing.write_bytes(b"%PDF-1.4 briefing")
    files = {f"documents/{d.filename}": briefing for d in content.documents}
    pack = tmp_path / "locked.fvpack"
    write_pack(SourceBundle(content, files), pack, keys=None, pack_version=1, source="t")
    return pack


def test_a_pack_can_require_a_passcode(shell: Shell, qtbot: QtBot, tmp_path: Path) -> None:
    from fieldvisit.packs.reader import open_pack
    from fieldvisit.services.importing import import_pack, preview_import

    pack = required_pack(tmp_path)
    assert open_pack(pack, allow_unsigned=True).content.event.require_app_lock
    preview = shell.worker.run_now(lambda s: preview_import(s, pack, allow_unsigned=True))
    assert preview.require_app_lock
    shell.worker.run_now(lambda s: import_pack(s, pack, allow_unsigned=True))
    window = shell.window
    lock = shell.lock
    assert lock is not None
    with qtbot.waitSignal(window.events_loaded, timeout=10_000):
        window.load_events("locked-2017")
    qtbot.waitUntil(lambda: lock.withheld, timeout=10_000)
    window.show_section("notes")
    assert window.stack.currentWidget() is lock.guard
    window.show_section("questions")
    assert window.stack.currentWidget() is lock.guard
    window.show_section("programme")
    assert window.stack.currentWidget() is not lock.guard

    window.show_section("notes")
    from PySide6.QtWidgets import QPushButton

    from fieldvisit.gui.passcode import PasscodeDialog

    button = lock.guard.findChild(QPushButton, "guard_protect")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    box = window.findChild(PasscodeDialog, "passcode_dialog_set")
    assert box is not None
    qtbot.keyClicks(box.new, PASSCODE)
    qtbot.keyClicks(box.again, PASSCODE)
    with qtbot.waitSignal(box.changed, timeout=20_000):
        qtbot.mouseClick(box.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not lock.withheld, timeout=10_000)
    assert window.stack.currentWidget() is window.sections["notes"]


def test_an_older_pack_without_the_field_still_opens(tmp_path: Path) -> None:
    from import_factory import hague

    from fieldvisit.domain.model import SourceBundle
    from fieldvisit.packs.build import write_pack
    from fieldvisit.packs.reader import open_pack

    content = hague()
    briefing = tmp_path / "briefing.pdf"
    briefing.write_bytes(b"%PDF-1.4 briefing")
    files = {f"documents/{d.filename}": briefing for d in content.documents}
    pack = tmp_path / "plain.fvpack"
    write_pack(SourceBundle(content, files), pack, keys=None, pack_version=1, source="t")
    import zipfile

    with zipfile.ZipFile(pack) as archive:
        assert b"require_app_lock" not in archive.read("event.json")
    assert not open_pack(pack, allow_unsigned=True).content.event.require_app_lock


def test_the_first_start_offers_a_passcode_once(shell: Shell, qtbot: QtBot) -> None:
    from fieldvisit.gui.passcode import PasscodeDialog

    lock = shell.lock
    assert lock is not None
    lock.offer_at_first_start()
    qtbot.waitUntil(
        lambda: (
            (box := shell.window.findChild(PasscodeDialog, "passcode_dialog_offer")) is not None
            and box.isVisible()
        ),
        timeout=10_000,
    )
    box = shell.window.findChild(PasscodeDialog, "passcode_dialog_offer")
    assert box is not None and box.cancel_button.text() == "Not now"
    qtbot.mouseClick(box.cancel_button, Qt.MouseButton.LeftButton)
    assert not box.isVisible() and not shell.store.encrypted
    lock.offer_at_first_start()  # asked once only
    assert len(shell.window.findChildren(PasscodeDialog, "passcode_dialog_offer")) == 1
