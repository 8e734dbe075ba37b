"""The main window as a delegate meets it: title, sections, shortcuts, remembered state."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSize, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sample_rows import SAMPLE_ID as HAGUE_ID
from sample_rows import SAMPLE_TITLE as HAGUE_TITLE

from fieldvisit.app import Shell
from fieldvisit.gui.emergency import EmergencyDialog
from fieldvisit.gui.main_window import SECTIONS
from fieldvisit.paths import AppPaths
from fieldvisit.settings import SECOND_ZONE, SHOW_LOCAL_ZONE


def test_window_title_names_the_event(shell: Shell) -> None:
    assert shell.window.windowTitle() == f"{HAGUE_TITLE} — Field Visit Companion"
    assert shell.ctx.event_id == HAGUE_ID
    assert shell.window.event_combo.currentText() == HAGUE_TITLE


def test_switch_sections_by_click(shell: Shell, qtbot: QtBot) -> None:
    nav = shell.window.nav
    for name in ("programme", "notes", "today"):
        item = nav.item(SECTIONS.index(name))
        rect = nav.visualItemRect(item)
        qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert shell.window.current_section == name
        assert shell.window.stack.currentWidget() is shell.window.sections[name]


def test_switch_sections_by_alt_number(shell: Shell, qtbot: QtBot) -> None:
    window = shell.window
    window.activateWindow()
    for number, name in enumerate(SECTIONS, start=1):
        qtbot.keyClick(window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.AltModifier)
        assert window.current_section == name


def test_every_section_has_a_title(shell: Shell) -> None:
    from fieldvisit.gui.navigation import section_titles

    titles = section_titles()
    for name, widget in shell.window.sections.items():
        title = widget.section_title()
        assert isinstance(title, str) and title, name
        # The title is the registry's, so the sidebar and the section never disagree.
        assert widget.section_name == name and title == titles[name]


def test_geometry_and_last_section_restored(
    make_shell: Callable[..., Shell], hague_paths: AppPaths, qtbot: QtBot
) -> None:
    first = make_shell(hague_paths)
    first.window.resize(780, 560)
    first.window.show_section("contacts")
    first.close()
    second = make_shell(hague_paths)
    assert second.window.current_section == "contacts"
    assert second.window.size() == QSize(780, 560)
    assert (hague_paths.config / "fieldvisit.ini").is_file()


def test_emergency_contacts_one_click_away(shell: Shell, qtbot: QtBot) -> None:
    window = shell.window
    for name in ("programme", "documents"):
        window.show_section(name)
        assert window.emergency_button.isVisible()
    qtbot.mouseClick(window.emergency_button, Qt.MouseButton.LeftButton)
    dialog = window.emergency_dialog
    assert isinstance(dialog, EmergencyDialog)
    qtbot.waitUntil(lambda: dialog.loaded)
    assert dialog.isVisible()
    text = dialog.body.text()
    assert "fictional" in text.lower() or "duty" in text.lower()
    assert "tel:" in text
    dialog.close()


def test_jump_to_now_under_pretend_time(shell: Shell, qtbot: QtBot) -> None:
    import datetime as dt
    from zoneinfo import ZoneInfo

    shell.ctx.set_pretend_time(dt.datetime(2017, 2, 16, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam")))
    assert shell.window.pretend_label.isVisible()
    qtbot.keyClick(shell.window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert shell.window.current_section == "programme"
    detail = shell.window.programme.detail
    assert detail.session is not None and detail.session.id == "d2-field-visit"
    shell.ctx.set_pretend_time(None)
    assert not shell.window.pretend_label.isVisible()


def test_dropping_a_pack_starts_the_open_flow(shell: Shell, qtbot: QtBot, tmp_path: Path) -> None:
    broken = tmp_path / "dropped.fvpack"
    broken.write_bytes(b"not a pack")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(broken))])
    event = QDropEvent(
        QPointF(QPoint(300, 300)),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(shell.window.pack_dropped) as dropped:
        shell.window.dropEvent(event)
    assert dropped.args == [str(broken)]
    flow = shell.window.open_flow
    assert flow is not None
    qtbot.waitUntil(lambda: flow.error_box is not None and flow.error_box.isVisible())
    assert isinstance(flow.error_box, QMessageBox)
    flow.error_box.close()


def test_dutch_translation_loads(
    make_shell: Callable[..., Shell], hague_paths: AppPaths, qtbot: QtBot
) -> None:
    shell = make_shell(hague_paths, language="nl")
    assert shell.translators.language == "nl"
    nav = shell.window.nav
    assert nav.item(0).text() == "Vandaag"
    assert nav.item(1).text() == "Programma"
    assert shell.window.windowTitle().endswith("— Veldbezoek-assistent")
    qtbot.waitUntil(lambda: shell.window.programme.days.count() == 2)
    assert shell.window.programme.days.tabText(0) == "wo 15 feb"
    # Qt's own catalogue too, so standard buttons speak Dutch.
    assert QApplication.translate("QPlatformTheme", "Cancel") == "Annuleren"
    shell.close()
    assert QApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_unreadable_store_is_a_dialog_and_exit_2(
    data_dir: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fieldvisit import app
    from fieldvisit.paths import resolve

    paths = resolve(data_dir)
    data_dir.mkdir(parents=True)
    paths.database.write_bytes(b"this is not a database" * 10)
    shown: list[str] = []

    def critical(_parent: object, title: str, text: str) -> QMessageBox.StandardButton:
        shown.append(f"{title}: {text}")
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", critical)
    args = argparse.Namespace(lang="en", file=None)
    assert app.run(args, paths) == app.EXIT_STORAGE
    assert len(shown) == 1 and "fieldvisit.sqlite" in shown[0]
    assert "not a database" in shown[0]


def test_settings_dialog_applies_local_zone_and_pretend_time(shell: Shell, qtbot: QtBot) -> None:
    from fieldvisit.gui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(shell.ctx, shell.window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.second_zone.setCurrentIndex(dialog.second_zone.findData("laptop"))
    qtbot.mouseClick(dialog.pretend, Qt.MouseButton.LeftButton)
    assert dialog.pretend_at.isEnabled()
    with qtbot.waitSignal(shell.ctx.clock_changed):
        dialog.accept()
    assert shell.ctx.show_local_zone
    assert shell.ctx.pretending
    assert shell.ctx.settings.get(SECOND_ZONE) == "laptop"
    assert shell.ctx.settings.get(SHOW_LOCAL_ZONE) is True
    ini = (shell.ctx.paths.config / "fieldvisit.ini").read_text(encoding="utf-8")
    assert "second_zone=laptop" in ini


def test_file_menu_offers_send_export_and_organiser(shell: Shell, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QMenu

    from fieldvisit.gui.send_return import SendReturnDialog

    window = shell.window
    file_menu = window.findChild(QMenu, "menu_file")
    assert file_menu is not None
    names = [a.objectName() for a in file_menu.actions()]
    assert "action_send_return" in names
    # Collation is the organisers' own window (`fieldvisit organiser`), not a delegate's.
    assert "action_organiser_window" not in names
    assert not any("ollate" in a.text() or "rganiser w" in a.text() for a in file_menu.actions())
    assert window.findChild(QMenu, "menu_export") is not None
    window.activateWindow()
    qtbot.keyClick(
        window,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: window.findChild(SendReturnDialog) is not None)
    dialog = window.findChild(SendReturnDialog)
    assert dialog is not None
    dialog.reject()


def test_the_main_window_owns_the_file_menu(shell: Shell) -> None:
    """Send and Export are built by the window itself, in their place; the Export submenu
    is filled once the store is open. No Organiser window here (`fieldvisit organiser`)."""
    from PySide6.QtWidgets import QMenu

    file_menu = shell.window.findChild(QMenu, "menu_file")
    assert file_menu is not None
    texts = [a.text() for a in file_menu.actions()]
    assert texts[:4] == ["&Open event pack…", "Send to &organisers…", "&Export", ""]
    assert texts.count("Send to &organisers…") == 1
    actions = file_menu.actions()
    assert actions[-2:] == [shell.window.lock_action, shell.window.quit_action]
    assert shell.window.lock_action.text() == "&Lock"  # armed by the app lock
    export_menu = shell.window.findChild(QMenu, "menu_export")
    assert export_menu is not None and export_menu.isEnabled()
    assert [a.objectName() for a in export_menu.actions()] == [
        "action_export_notes",
        "action_export_pdf",
        "action_export_agenda",
        "action_export_contacts",
        "action_export_itinerary",
    ]


def test_the_delegates_window_has_no_organiser_entry(shell: Shell) -> None:
    from PySide6.QtGui import QAction

    from fieldvisit.gui.organiser import OrganiserWindow

    # Collation is the organisers' own window (`fieldvisit organiser`, issue 16).
    assert shell.window.findChild(QAction, "action_organiser_window") is None
    assert shell.window.findChild(OrganiserWindow) is None


def test_every_section_keeps_the_contract_and_is_registered_once(shell: Shell) -> None:
    from fieldvisit.gui.navigation import REGISTRY
    from fieldvisit.gui.section import Section

    assert len({e.name for e in REGISTRY}) == len(REGISTRY) == len(SECTIONS)
    for name, widget in shell.window.sections.items():
        assert isinstance(widget, Section), name
        assert widget.objectName() == f"section_{name}"


def test_a_section_that_fails_to_import_is_an_error_not_a_placeholder(
    shell: Shell, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fieldvisit.gui import navigation
    from fieldvisit.gui.context import AppContext
    from fieldvisit.gui.section import Section

    def missing(_ctx: AppContext) -> Section:
        raise ImportError("No module named 'fieldvisit.gui.sections.documents'")

    entry = navigation._BY_NAME["documents"]
    monkeypatch.setitem(
        navigation._BY_NAME, "documents", navigation.SectionEntry(entry.name, entry.title, missing)
    )
    with pytest.raises(ImportError, match=r"sections\.documents"):
        shell.window.sections["documents"]


def test_sections_refresh_on_the_central_data_changed_signal(shell: Shell, qtbot: QtBot) -> None:
    ctx = shell.ctx
    for signal, what in (
        (ctx.content_changed, ctx.CONTENT),
        (ctx.delegate_data_changed, ctx.DELEGATE),
    ):
        with qtbot.waitSignal(ctx.data_changed) as caught:
            signal.emit(ctx.event_id)
        assert caught.args == [what, ctx.event_id]


def test_the_start_tidies_the_packs_folder_once_the_window_is_filled(
    make_shell: Callable[..., Shell], hague_paths: AppPaths, qtbot: QtBot
) -> None:
    leftover = hague_paths.packs / ".importing-k1ll3d.fvpack"
    hague_paths.packs.mkdir(parents=True, exist_ok=True)
    leftover.write_bytes(b"half a pack")
    shell = make_shell(hague_paths)
    qtbot.waitUntil(lambda: not leftover.exists(), timeout=10_000)
    assert shell.window.events
