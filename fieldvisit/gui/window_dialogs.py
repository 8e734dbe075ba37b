"""The main window's dialogs and files: emergency contacts, Find, Settings, sending a
return, opening a pack (menu, command line, drop), About and the shortcut list, and where
the window goes on screen. `MainWindow` builds on it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Signal, Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from fieldvisit import __version__
from fieldvisit.settings import WINDOW_GEOMETRY, Settings

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from fieldvisit.gui.context import AppContext
    from fieldvisit.gui.emergency import EmergencyDialog
    from fieldvisit.gui.open_pack import OpenPackFlow


class WindowDialogs(QMainWindow):
    """What the main window opens on request; the window itself is `MainWindow`."""

    pack_dropped = Signal(str)

    # Set by MainWindow (`__init__`, `attach`, `store_ready`).
    ctx: AppContext
    settings: Settings
    ready: bool
    _pending_file: Path | None
    emergency_dialog: EmergencyDialog | None
    info_box: QMessageBox | None
    open_flow: OpenPackFlow | None
    search_popup: QWidget | None
    settings_dialog: QWidget | None

    # --- dialogs --------------------------------------------------------------------------

    @Slot()
    def on_emergency(self) -> None:
        from PySide6.QtCore import Qt

        from fieldvisit.gui.emergency import EmergencyDialog

        dialog = EmergencyDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.emergency_dialog = dialog
        dialog.open()

    def _flow(self) -> OpenPackFlow:
        from fieldvisit.gui.open_pack import OpenPackFlow

        if self.open_flow is None:
            self.open_flow = OpenPackFlow(self.ctx, self)
        return self.open_flow

    @Slot()
    def on_send_return(self) -> None:
        from fieldvisit.gui.send_return import open_send_dialog

        open_send_dialog(self, self.ctx)

    @Slot()
    def on_open_pack(self) -> None:
        self._flow().choose_file()

    def open_pack_file(self, path: Path) -> None:
        if not self.ready:
            self._pending_file = path  # a file argument: opened once the store is ready
            return
        self._flow().open_path(path)

    @Slot()
    def on_find(self) -> None:
        from fieldvisit.gui.search import SearchPopup

        if self.search_popup is None:
            self.search_popup = SearchPopup(self.ctx, self)
        assert isinstance(self.search_popup, SearchPopup)
        self.search_popup.popup()

    @Slot()
    def on_settings(self) -> None:
        from PySide6.QtCore import Qt

        from fieldvisit.gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._after_settings(dialog.language_changed))
        self.settings_dialog = dialog
        dialog.open()

    def _after_settings(self, language_changed: bool) -> None:
        if language_changed:
            self.statusBar().showMessage(
                self.tr("The new language is used from the next start of the app."), 15_000
            )

    def _info(self, title: str, text: str) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox  # its enums cost start-up time; rarely used

        box = QMessageBox(
            QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, self
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setTextFormat(Qt.TextFormat.RichText)
        self.info_box = box
        box.open()

    @Slot()
    def on_about(self) -> None:
        self._info(
            self.tr("About Field Visit Companion"),
            self.tr(
                "<b>Field Visit Companion %1</b><p>An offline companion for delegates at "
                "practitioner conferences and field visits. Your notes and answers stay on "
                "this computer until you choose to send them.</p>"
            ).replace("%1", __version__),
        )

    @Slot()
    def shortcut_rows(self) -> list[tuple[str, str, str]]:
        """(menu, what, keys) for every action with a shortcut, read from the menus
        themselves (so the list cannot drift from them), then the keys of the views."""
        rows: list[tuple[str, str, str]] = []
        native = QKeySequence.SequenceFormat.NativeText

        def walk(menu: QMenu, title: str) -> None:
            for action in menu.actions():
                sub = action.menu()
                if isinstance(sub, QMenu):
                    walk(sub, title)
                    continue
                keys = [k.toString(native) for k in action.shortcuts() if not k.isEmpty()]
                if keys and action.isVisible():
                    rows.append((title, action.text().replace("&", ""), ", ".join(keys)))

        for top in self.menuBar().actions():
            menu = top.menu()
            if isinstance(menu, QMenu):
                walk(menu, top.text().replace("&", ""))
        # Window-wide shortcuts that no menu shows (Alt+1…7 are in Go).
        shown = {action for _m, action, _k in rows}
        for action in self.actions():
            keys = [k.toString(native) for k in action.shortcuts() if not k.isEmpty()]
            text = action.text().replace("&", "")
            if keys and text not in shown:
                rows.append(("", text, ", ".join(keys)))
        view = self.tr("Programme timeline")
        rows += [
            (view, self.tr("Zoom in"), QKeySequence("Ctrl++").toString(native)),
            (view, self.tr("Zoom out"), QKeySequence("Ctrl+-").toString(native)),
            (view, self.tr("Normal size"), QKeySequence("Ctrl+0").toString(native)),
            (view, self.tr("Zoom with the wheel"), self.tr("Ctrl+wheel")),
            (view, self.tr("Scroll sideways"), self.tr("Shift+wheel")),
            (view, self.tr("Move between sessions"), self.tr("Arrow keys")),
        ]
        return rows

    @Slot()
    def on_shortcuts(self) -> None:
        import html

        table = "".join(
            f"<tr><td><b>{html.escape(keys)}</b></td><td>&nbsp;&nbsp;{html.escape(what)}</td>"
            f"<td>&nbsp;&nbsp;<i>{html.escape(menu)}</i></td></tr>"
            for menu, what, keys in self.shortcut_rows()
        )
        self._info(self.tr("Keyboard shortcuts"), f"<table>{table}</table>")

    # --- drag and drop --------------------------------------------------------------------

    @staticmethod
    def _pack_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [
            Path(url.toLocalFile())
            for url in mime.urls()
            if url.isLocalFile() and url.toLocalFile().lower().endswith(".fvpack")
        ]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._pack_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._pack_paths(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.pack_dropped.emit(str(paths[0]))
        self.open_pack_file(paths[0])

    # --- where the window goes ---------------------------------------------------------

    def restore_geometry(self) -> None:
        """The saved geometry when it lies on a screen that is there now; else 1280x800 or
        less, so the whole window (status bar included) fits the screen's available area."""
        from PySide6.QtGui import QGuiApplication

        geometry = self.settings.get(WINDOW_GEOMETRY)
        if geometry and self.restoreGeometry(QByteArray(geometry)):
            frame = self.frameGeometry()
            screen = QGuiApplication.screenAt(frame.center())
            if screen is not None and screen.availableGeometry().intersects(frame):
                return
        self.fit_to_screen()

    def fit_to_screen(self) -> None:
        from PySide6.QtGui import QGuiApplication

        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1280, 800)
            return
        area = screen.availableGeometry()
        # The frame (title bar, borders) is not known before the window is shown: leave room.
        width = max(self.minimumWidth(), min(1280, area.width() - 16))
        height = max(self.minimumHeight(), min(800, area.height() - 40))
        self.resize(min(width, area.width()), min(height, area.height()))
        self.move(
            area.left() + max(0, (area.width() - self.width()) // 2),
            area.top() + max(0, (area.height() - self.height() - 30) // 2),
        )
