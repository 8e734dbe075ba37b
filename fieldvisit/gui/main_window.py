"""The main window: navigation between sections, the event switcher, menus, status bar."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSize, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fieldvisit.gui.eliding import ElidingComboBox
from fieldvisit.gui.navigation import SECTIONS, LazySections, make_section, section_titles
from fieldvisit.gui.theme import icon, section_icon
from fieldvisit.gui.window_early_note import WindowEarlyNote
from fieldvisit.settings import (
    LAST_EVENT,
    PROGRAMME_SPLITTER,
    WINDOW_GEOMETRY,
    WINDOW_SECTION,
    Settings,
)

# The frame of the window (menus, toolbar, navigation) imports nothing of the storage
# stack, so it can be on screen before SQLAlchemy and the sections are loaded (`attach`).
if TYPE_CHECKING:
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QMessageBox, QPlainTextEdit

    from fieldvisit.gui.context import AppContext
    from fieldvisit.gui.early_note import EarlyNoteFile
    from fieldvisit.gui.emergency import EmergencyDialog
    from fieldvisit.gui.open_pack import OpenPackFlow
    from fieldvisit.gui.programme.section import ProgrammeSection
    from fieldvisit.gui.reminders import Reminders
    from fieldvisit.gui.sample_banner import SampleBanner
    from fieldvisit.gui.section import Section
    from fieldvisit.services.views import EventChoice

log = logging.getLogger(__name__)

# The frame never touches the `Qt` namespace (its first use builds ~90 Python enums, 15 ms;
# tests/gui/test_frame.py): enum properties are set by name, roles by number, and methods
# that run later import `Qt` where they need it.
NAME_ROLE = 256  # Qt.ItemDataRole.UserRole: the section name of a navigation item

APP_TITLE = "Field Visit Companion"
__all__ = ["SECTIONS", "MainWindow"]


class MainWindow(WindowEarlyNote):
    """One window per installation; a section is created when first needed, then kept."""

    section_changed = Signal(str)
    events_loaded = Signal()

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.ctx: AppContext  # set by attach()
        self.programme: ProgrammeSection  # set by attach()
        self.reminders: Reminders  # set by attach()
        self.attached = False  # the first sections are built (`attach`)
        self.ready = False  # the store is open (`store_ready`)
        self._waiting_section = ""  # shown once the store is open
        self.events: list[EventChoice] = []
        self.event_title = ""
        self.emergency_dialog: EmergencyDialog | None = None
        self.info_box: QMessageBox | None = None
        self.open_flow: OpenPackFlow | None = None  # created on first use
        self.search_popup: QWidget | None = None
        self.settings_dialog: QWidget | None = None
        self._pending_file: Path | None = None
        # Ctrl+N before the store is open: the text is written here, then moved into the
        # note that attach() creates (issue 10: not one keystroke lost).
        self._early_note: QPlainTextEdit | None = None
        # Set by app.open_frame: where the early text is kept until it is a stored note.
        self.early_note_file: Path | None = None
        self._early_copy: EarlyNoteFile | None = None
        self._early_this_run = False  # the file, if any, is this start's own
        self.setObjectName("main_window")
        self.setAcceptDrops(True)
        self.setWindowIcon(icon("fieldvisit"))
        self.setMinimumSize(QSize(760, 500))

        titles = section_titles()
        self.nav = QListWidget()
        self.nav.setObjectName("section_list")
        self.nav.setAccessibleName(self.tr("Sections"))
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.nav.setFixedWidth(170)
        self.nav.setSpacing(2)
        self.stack = QStackedWidget()
        self.stack.setObjectName("section_stack")
        self._loading: QLabel | None = QLabel(self.tr("Loading…"))
        self._loading.setProperty("alignment", "AlignCenter")
        self.stack.addWidget(self._loading)
        self.sections = LazySections(self._build_section)  # built once attached
        for number, name in enumerate(SECTIONS, start=1):
            item = QListWidgetItem(section_icon(name, self.nav.palette()), titles[name])
            item.setData(NAME_ROLE, name)
            item.setToolTip(f"{titles[name]} (Alt+{number})")
            item.setSizeHint(QSize(150, 36))
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self.on_nav_row)

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        # Above every section: the sample banner (issue 9), made when first needed.
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(0)
        right.addWidget(self.stack, 1)
        self._banner_column = right
        self._sample_banner: SampleBanner | None = None
        row.addLayout(right, 1)
        self.setCentralWidget(central)

        self._build_actions()
        self._build_toolbar()
        self._build_menus()
        self._build_status_bar()
        ready_at_once = (
            self.quit_action,
            self.about_action,
            self.keys_action,
            self.new_note_action,
            self.free_note_action,
        )
        for action in self.actions():
            if action not in ready_at_once:
                action.setEnabled(False)  # until the store is open
        self.event_combo.setEnabled(False)
        self.nav.setCurrentRow(0)
        self.update_title()

    def attach(self, ctx: AppContext, *, store_open: bool = True) -> None:
        """Second phase: build the first sections and wire the context. With `store_open`
        False the store is still opening on the worker (a first screen painted before the
        storage stack loaded): `store_ready` follows once it is open."""
        self.ctx = ctx
        # One empty page per section, in SECTIONS order (stack index = SECTIONS index):
        # `_build_section` swaps in the real one when it is first needed. "Loading…" and an
        # early note's editor go after them.
        waiting = [w for w in (self._loading, self._early_note) if w is not None]
        for widget in waiting:
            self.stack.removeWidget(widget)
        for _name in SECTIONS:
            self.stack.addWidget(QWidget())
        for widget in waiting:
            self.stack.addWidget(widget)
        from fieldvisit.gui.programme.section import ProgrammeSection

        self.sections["today"]  # the first screen: built (and loading) at once
        programme = self.sections["programme"]
        assert isinstance(programme, ProgrammeSection)
        self.programme = programme
        programme.new_note_requested.connect(self.new_note)
        programme.status_message.connect(self.show_message)
        ctx.navigate.connect(self.on_navigate)
        ctx.note_requested.connect(self.new_note)
        ctx.event_changed.connect(self.on_event_changed)
        ctx.clock_changed.connect(self.on_clock_changed)
        ctx.worker.busy_changed.connect(self.on_busy)
        ctx.worker.job_failed.connect(self.on_job_failed)
        self.attached = True
        state = self.settings.get(PROGRAMME_SPLITTER)
        if state:
            programme.splitter.restoreState(QByteArray(state))
        last = self.settings.get(WINDOW_SECTION)
        self._waiting_section = last if last in SECTIONS else "today"
        if store_open:
            self.store_ready()
        elif self._early_note is None:
            self._show_waiting_section()  # Today or the Programme; else "Loading…" till open

    def store_ready(self) -> None:
        """The store is open: every action and section can be used, reminders run, and
        what waited for the store (an early note, a file to open) goes on."""
        ctx = self.ctx
        self.ready = True
        early = self._early_note
        if early is not None:
            self.stack.removeWidget(early)
        if self._loading is not None:
            self.stack.removeWidget(self._loading)
            self._loading.deleteLater()
            self._loading = None
        for action in self.actions():
            action.setEnabled(True)
        self.event_combo.setEnabled(True)
        from fieldvisit.gui.exports_menu import ExportActions

        self.exports = ExportActions(self, ctx)
        self.export_menu.addActions(self.exports.actions)
        self.export_menu.setEnabled(True)
        from fieldvisit.gui.reminders import Reminders

        # The window's, not a section's: a reminder never waits for a section to be built.
        self.reminders = Reminders(self, ctx)
        if ctx.event_id:
            self.reminders.reload()  # the event was chosen before the store opened
        if self._waiting_section:
            self._show_waiting_section()
        if early is not None:
            # Between two key events: what was typed before the store opened goes on in the
            # real editor, cursor and focus included, so the next key lands after it.
            self._early_note = None
            copy, self._early_copy = self._early_copy, None
            if copy is not None:
                copy.write_now()  # kept on disk until the note itself is stored
                copy.stop()
            self.new_note("", "", early.toPlainText())
            early.deleteLater()
            if copy is not None:
                self._discard_when_stored(copy.path)
        if self._pending_file is not None:
            pending, self._pending_file = self._pending_file, None
            self.open_pack_file(pending)

    def _show_waiting_section(self) -> None:
        name, self._waiting_section = self._waiting_section, ""
        self.nav.setCurrentRow(-1)
        self.show_section(name)

    # --- building -------------------------------------------------------------------------

    def _build_section(self, name: str) -> Section:
        widget = make_section(name, self.ctx)
        widget.setObjectName(f"section_{name}")
        index = SECTIONS.index(name)
        page = self.stack.widget(index)
        self.stack.insertWidget(index, widget)
        if page is not None:
            self.stack.removeWidget(page)
            page.deleteLater()
        return widget

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        icon_name: str = "",
    ) -> QAction:
        action = QAction(text, self)
        # Window-wide, a QAction's default. setShortcuts, not setShortcut: the latter's
        # overloads (Qt.Key, QKeyCombination) build the `Qt` namespace (see NAME_ROLE).
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)  # every binding the platform has for it
        elif isinstance(shortcut, str):
            action.setShortcuts([QKeySequence(shortcut)])
        elif shortcut is not None:
            action.setShortcuts([shortcut])
        if icon_name:
            action.setIcon(icon(icon_name))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.open_action = self._action(
            self.tr("&Open event pack…"), self.on_open_pack, QKeySequence.StandardKey.Open, "open"
        )
        self.send_action = self._action(
            self.tr("Send to &organisers…"), self.on_send_return, "Ctrl+Shift+S"
        )
        self.send_action.setObjectName("action_send_return")
        # The platform's Preferences key where Qt knows one (Cmd+, on macOS), else Ctrl+,.
        preferences = QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
        self.settings_action = self._action(
            self.tr("&Settings…"),
            self.on_settings,
            preferences[0] if preferences else QKeySequence("Ctrl+,"),
        )
        # Text, tooltip and slot come from the app lock (gui/lock.py) once the store is open.
        self.lock_action = self._action("", lambda: None, "Ctrl+L")
        self.lock_action.setObjectName("action_lock")
        self.quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.find_action = self._action(
            self.tr("&Find…"), self.on_find, QKeySequence.StandardKey.Find, "search"
        )
        self.new_note_action = self._action(
            self.tr("&New note on what is selected"), self.on_new_note, "Ctrl+N", "notes"
        )
        self.new_note_action.setStatusTip(
            self.tr("A note on the session, stop or person selected or open; else your own")
        )
        self.free_note_action = self._action(
            self.tr("New note of your &own"), self.on_free_note, "Ctrl+Shift+N"
        )
        self.now_action = self._action(self.tr("&Jump to now"), self.jump_to_now, "Ctrl+J", "now")
        self.emergency_action = self._action(
            self.tr("&Emergency contacts"), self.on_emergency, "Ctrl+E", "emergency"
        )
        self.section_actions: list[QAction] = []
        titles = section_titles()
        for number, name in enumerate(SECTIONS, start=1):
            action = self._action(titles[name], self._shower(name), f"Alt+{number}", name)
            self.section_actions.append(action)
        self.remove_event_action = self._action(self.tr("&Remove event…"), self.on_remove_event)
        self.remove_event_action.setObjectName("action_remove_event")
        self.samples_action = self._action(self.tr("&Sample events…"), self.on_samples)
        self.samples_action.setObjectName("action_sample_events")
        self.about_action = self._action(self.tr("&About Field Visit Companion"), self.on_about)
        self.keys_action = self._action(
            self.tr("&Keyboard shortcuts"), self.on_shortcuts, QKeySequence.StandardKey.HelpContents
        )

    def _shower(self, name: str) -> Callable[[], None]:
        return lambda: self.show_section(name)

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Main toolbar"))
        bar.setObjectName("main_toolbar")
        bar.setMovable(False)
        bar.setIconSize(QSize(20, 20))
        bar.setProperty("toolButtonStyle", "ToolButtonTextBesideIcon")
        caption = QLabel(self.tr("Even&t:"))
        caption.setContentsMargins(6, 0, 4, 0)
        self.event_combo = ElidingComboBox()
        self.event_combo.setObjectName("event_switcher")
        self.event_combo.setAccessibleName(self.tr("Event"))
        self.event_combo.hint = self.tr("Switch between installed events")
        # As wide as the title up to 420 px, narrower when the window is: then "…".
        self.event_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.event_combo.setMinimumContentsLength(16)
        self.event_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.event_combo.setMaximumWidth(420)
        caption.setBuddy(self.event_combo)
        self.event_combo.currentIndexChanged.connect(self.on_event_chosen)
        bar.addWidget(caption)
        bar.addWidget(self.event_combo)
        bar.addSeparator()
        bar.addAction(self.open_action)
        bar.addAction(self.find_action)
        bar.addAction(self.now_action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        self.emergency_button = QToolButton()
        self.emergency_button.setObjectName("emergency_button")
        self.emergency_button.setDefaultAction(self.emergency_action)
        self.emergency_button.setProperty("toolButtonStyle", "ToolButtonTextBesideIcon")
        self.emergency_button.setText(self.tr("Emergency contacts"))
        self.emergency_button.setAccessibleName(self.tr("Emergency contacts"))
        self.emergency_button.setToolTip(self.tr("Emergency and duty contacts (Ctrl+E)"))
        self.emergency_button.setStyleSheet("QToolButton { color: #b3261e; font-weight: bold; }")
        bar.addWidget(self.emergency_button)
        self.addToolBar(bar)  # the top area
        self.toolbar = bar

    def _build_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        file_menu.setObjectName("menu_file")
        file_menu.addAction(self.open_action)
        file_menu.addAction(self.send_action)
        # Filled with the export actions once the store is open (`attach`).
        self.export_menu = file_menu.addMenu(self.tr("&Export"))
        self.export_menu.setObjectName("menu_export")
        self.export_menu.setEnabled(False)
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)  # armed by the app lock (gui/lock.py)
        file_menu.addAction(self.quit_action)
        edit_menu = menu.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.find_action)
        edit_menu.addAction(self.new_note_action)
        edit_menu.addAction(self.free_note_action)
        go_menu = menu.addMenu(self.tr("&Go"))
        for action in self.section_actions:
            go_menu.addAction(action)
        go_menu.addSeparator()
        go_menu.addAction(self.now_action)
        go_menu.addAction(self.emergency_action)
        event_menu = menu.addMenu(self.tr("E&vent"))
        event_menu.setObjectName("menu_event")
        event_menu.addAction(self.remove_event_action)
        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.setObjectName("menu_help")
        help_menu.addAction(self.keys_action)
        help_menu.addAction(self.samples_action)
        help_menu.addAction(self.about_action)

    # --- sections -------------------------------------------------------------------------

    @property
    def sample_banner(self) -> SampleBanner:
        """The banner above every section of a sample event (made at its first use)."""
        if self._sample_banner is None:
            from fieldvisit.gui.sample_banner import SampleBanner

            self._sample_banner = SampleBanner()
            self._banner_column.insertWidget(0, self._sample_banner)
        return self._sample_banner

    @property
    def current_section(self) -> str:
        item = self.nav.currentItem()
        return str(item.data(NAME_ROLE)) if item else "today"

    def show_section(self, name: str) -> None:
        if name in SECTIONS:
            self.nav.setCurrentRow(SECTIONS.index(name))

    @Slot(int)
    def on_nav_row(self, row: int) -> None:
        if not self.attached or not 0 <= row < len(SECTIONS):
            return
        name = SECTIONS[row]
        built = {section.section_name for section in self.sections.built()}
        if not self.ready and name not in built and self._loading is not None:
            # Its imports and jobs need the storage stack: shown once the store is open.
            self._waiting_section = name
            self.stack.setCurrentWidget(self._loading)
            return
        self.stack.setCurrentWidget(self.sections[name])
        self.section_changed.emit(name)

    @Slot(str, str, str)
    def on_navigate(self, section: str, kind: str, uid: str) -> None:
        self.show_section(section)
        if section in self.sections and uid:
            self.sections[section].show_target(kind, uid)

    def note_target(self) -> tuple[str, str]:
        """The session, stop or person selected or open in the section on screen."""
        if not self.attached:
            return "", ""
        from fieldvisit.gui.section import Section

        widget = self.stack.currentWidget()
        found = widget.note_target() if isinstance(widget, Section) else None
        return found if found else ("", "")

    @Slot()
    def on_new_note(self) -> None:
        self.new_note(*self.note_target())

    @Slot()
    def on_free_note(self) -> None:
        self.new_note("", "")

    def new_note(self, target_kind: str = "", target_uid: str = "", text: str = "") -> None:
        """A new note, with the editor focused when this returns (even before the store is
        open: then the text waits in a plain editor until attach() hands it on)."""
        if not self.ready:
            self._start_early_note()
            return
        self.show_section("notes")
        from fieldvisit.gui.sections.notes import NotesSection

        notes = self.sections["notes"]
        assert isinstance(notes, NotesSection)
        notes.new_note(target_kind, target_uid, text)

    def jump_to_now(self) -> None:
        if self.current_section not in ("programme", "today"):
            self.show_section("programme")
        self.programme.jump_to_now()
        if self.current_section == "today":
            self.show_section("programme")

    def flush_sections(self) -> None:
        if not self.attached:
            return
        for widget in self.sections.built():  # one never built has nothing to save
            try:
                widget.flush()
            except Exception:  # a failing section must not stop the others saving
                log.exception("flushing a section failed")

    # --- events ---------------------------------------------------------------------------

    def load_events(self, preferred: str = "") -> None:
        """Ask the worker for the installed events; selects `preferred` (or the first)."""
        from fieldvisit.services.programme import event_choices

        self.ctx.worker.submit(event_choices, lambda choices: self.set_events(choices, preferred))

    def set_events(self, choices: list[EventChoice], preferred: str = "") -> None:
        from PySide6.QtCore import Qt

        from fieldvisit.gui.formatting import date_long

        self.events = choices
        wanted = preferred or self.ctx.event_id or self.settings.get(LAST_EVENT)
        self.event_combo.blockSignals(True)
        self.event_combo.clear()
        for choice in choices:
            self.event_combo.addItem(choice.title, choice.id)
            dates = f"{date_long(choice.start_date)} \u2013 {date_long(choice.end_date)}"
            self.event_combo.setItemData(
                self.event_combo.count() - 1,
                f"{choice.title}\n{dates}",
                Qt.ItemDataRole.ToolTipRole,
            )
        ids = [c.id for c in choices]
        index = ids.index(wanted) if wanted in ids else (0 if ids else -1)
        self.event_combo.setCurrentIndex(index)
        self.event_combo.blockSignals(False)
        self.event_combo.update_tip()
        self.on_event_chosen(index)
        self._recover_early_note()
        self.events_loaded.emit()

    @Slot(int)
    def on_event_chosen(self, index: int) -> None:
        if index < 0 or index >= len(self.events):
            if self.ctx.event_id or not self.events:
                self.ctx.set_event("", "")
            return
        choice = self.events[index]
        self.settings.set(LAST_EVENT, choice.id)
        if choice.id != self.ctx.event_id:
            self.ctx.set_event(choice.id, choice.timezone)

    @Slot(str)
    def on_event_changed(self, event_id: str) -> None:
        choice = next((c for c in self.events if c.id == event_id), None)
        self.event_title = choice.title if choice else ""
        self.update_title()
        self.sample_banner.show_for(event_id, choice.illustrative if choice else "")
        self.remove_event_action.setEnabled(bool(event_id))

    @Slot()
    def on_remove_event(self) -> None:
        from fieldvisit.gui.event_admin import RemoveEventFlow

        flow = self.findChild(RemoveEventFlow)
        if flow is None:
            flow = RemoveEventFlow(self, self.ctx)
        flow.start()

    @Slot()
    def on_samples(self) -> None:
        from PySide6.QtCore import Qt

        from fieldvisit.gui.event_admin import SamplesDialog

        dialog = SamplesDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.installed.connect(lambda result: self.load_events(result.event_id))
        self.samples_dialog = dialog
        dialog.open()

    def update_title(self) -> None:
        app = self.tr("Field Visit Companion")
        self.setWindowTitle(f"{self.event_title} — {app}" if self.event_title else app)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        from PySide6.QtCore import QEvent  # (not at import: the frame is built without it)

        if event.type() == QEvent.Type.PaletteChange:
            # The theme changed: the sidebar's icons take the new colours.
            for row in range(self.nav.count()):
                item = self.nav.item(row)
                item.setIcon(section_icon(str(item.data(NAME_ROLE)), self.nav.palette()))

    # --- state ----------------------------------------------------------------------------

    def save_state(self) -> None:
        settings = self.settings
        settings.set(WINDOW_GEOMETRY, bytes(self.saveGeometry().data()))
        if self.attached:
            settings.set(WINDOW_SECTION, self.current_section)
            settings.set(PROGRAMME_SPLITTER, bytes(self.programme.splitter.saveState().data()))
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush_sections()
        self.save_state()
        super().closeEvent(event)
