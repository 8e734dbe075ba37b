"""The Programme section: day tabs, filters, timeline / list / My agenda, and the detail pane."""

from __future__ import annotations

import datetime as dt
import html
import json
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QTabBar,
    QTableView,
    QTabWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from fieldvisit.gui.context import AppContext
from fieldvisit.gui.formatting import day_short
from fieldvisit.gui.programme.actions import AgendaActions
from fieldvisit.gui.programme.choices import MultiChoice
from fieldvisit.gui.programme.detail import SessionDetail
from fieldvisit.gui.programme.jobs import ProgrammeBundle, load_bundle, load_mine
from fieldvisit.gui.programme.models import (
    UID_ROLE,
    AgendaModel,
    SessionFilterProxy,
    SessionTableModel,
    TrackListModel,
    kind_label,
    time_range,
)
from fieldvisit.gui.programme.timeline import TimelineView
from fieldvisit.settings import PROGRAMME_CHOSEN

# The section is built (and may show a first programme, `preload`) before the storage
# stack is loaded: the services it calls are imported inside the jobs, on the worker.
if TYPE_CHECKING:
    from fieldvisit.services.views import Programme


class ProgrammeSection(AgendaActions):
    """Everything about the programme of the current event."""

    section_name = "programme"

    populated = Signal()  # the programme of the current event is on screen

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.programme: Programme | None = None
        self._preloaded: tuple[str, ProgrammeBundle] | None = None
        self.picks: frozenset[str] = frozenset()
        self.ratings: dict[str, int] = {}
        self._pending_target = ""
        self._loading_event = ""
        self.group_question: QMessageBox | None = None
        self.setAccessibleName(self.tr("Programme"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.days = QTabBar()
        self.days.setObjectName("day_tabs")
        self.days.setAccessibleName(self.tr("Days"))
        self.days.setExpanding(False)
        self.days.currentChanged.connect(self.on_filters_changed)
        layout.addWidget(self.days)

        filters = QHBoxLayout()
        self.kind = self._combo("kind_filter", self.tr("&Kind:"), filters)
        self.room = self._choice(
            "room_filter", self.tr("&Rooms:"), self.tr("All rooms"), self.tr("%1 rooms"), filters
        )
        self.track = self._choice(
            "track_filter",
            self.tr("T&racks:"),
            self.tr("All tracks"),
            self.tr("%1 tracks"),
            filters,
        )
        self.text = QLineEdit()
        self.text.setObjectName("text_filter")
        self.text.setPlaceholderText(self.tr("Filter by title, speaker, words…"))
        self.text.setAccessibleName(self.tr("Filter the programme"))
        self.text.setClearButtonEnabled(True)
        self.text.textChanged.connect(self.on_filters_changed)
        filters.addWidget(self.text, 2)
        self.side_by_side = self._combo("columns_choice", self.tr("&Columns:"), filters)
        self.side_by_side.addItem(self.tr("Rooms"), "room")
        self.side_by_side.addItem(self.tr("Tracks"), "track")
        layout.addLayout(filters)

        self.model = SessionTableModel(self)
        self.proxy = SessionFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.agenda_model = AgendaModel(self)

        self.views = QTabWidget()
        self.views.setObjectName("programme_views")
        self.views.setAccessibleName(self.tr("Programme views"))
        self.timeline = TimelineView()
        self.timeline.setObjectName("timeline")
        self.timeline.session_selected.connect(self.on_session_chosen)
        timeline_page = QWidget()
        timeline_layout = QVBoxLayout(timeline_page)
        timeline_layout.setContentsMargins(0, 0, 0, 0)
        timeline_layout.setSpacing(2)
        top_row = QHBoxLayout()
        # The focused block's full time, room and title, where a keyboard user sees them
        # (the tooltip needs a mouse).
        self.focus_line = QLabel()
        self.focus_line.setObjectName("timeline_focus_line")
        self.focus_line.setAccessibleName(self.tr("Chosen session"))
        self.focus_line.setWordWrap(True)
        self.focus_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top_row.addWidget(self.focus_line, 1)
        tl = self.timeline
        for name, text, tip, slot in (
            (
                "zoom_out",
                "\u2212",
                self.tr("Zoom out (Ctrl+-, Ctrl+wheel)"),
                self.timeline.zoom_out,
            ),
            ("zoom_reset", "1:1", self.tr("Normal size (Ctrl+0)"), tl.zoom_reset),
            ("zoom_in", "+", self.tr("Zoom in (Ctrl++, Ctrl+wheel)"), tl.zoom_in),
        ):
            button = QToolButton()
            button.setObjectName(name)
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.setAutoRaise(True)
            button.clicked.connect(slot)
            top_row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        timeline_layout.addLayout(top_row)
        timeline_layout.addWidget(self.timeline, 1)
        self.views.addTab(timeline_page, self.tr("T&imeline"))
        self.table = QTableView()
        self.table.setObjectName("session_table")
        self.table.setAccessibleName(self.tr("Sessions"))
        self.table.setModel(self.proxy)
        # The model is already in time order: no sort until the user clicks a header (a
        # Python-side sort of FOSDEM's 943 rows costs a noticeable part of a second).
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((100, 330, 130, 140, 130)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentRowChanged.connect(self.on_table_row)
        self.views.addTab(self.table, self.tr("&List"))
        self.track_model = TrackListModel(self)
        self.track_list = QTreeView()
        self.track_list.setObjectName("track_list")
        self.track_list.setAccessibleName(self.tr("Sessions by track"))
        self.track_list.setModel(self.track_model)
        self.track_list.setHeaderHidden(True)
        self.track_list.setWordWrap(True)
        self.track_list.setUniformRowHeights(False)
        self.track_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.track_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.track_list.setAlternatingRowColors(True)  # two-line rows stay apart
        self.track_list.selectionModel().currentChanged.connect(self.on_track_row)
        self.views.addTab(self.track_list, self.tr("By trac&k"))
        agenda_page = QWidget()
        agenda_layout = QVBoxLayout(agenda_page)
        agenda_layout.setContentsMargins(0, 0, 0, 0)
        self.agenda_summary = QLabel()
        self.agenda_summary.setObjectName("agenda_summary")
        self.agenda_summary.setWordWrap(True)
        agenda_layout.addWidget(self.agenda_summary)
        self.agenda_view = QListView()
        self.agenda_view.setObjectName("agenda_view")
        self.agenda_view.setAccessibleName(self.tr("My agenda"))
        self.agenda_view.setModel(self.agenda_model)
        self.agenda_view.setAlternatingRowColors(True)
        self.agenda_view.selectionModel().currentChanged.connect(self.on_agenda_row)
        agenda_layout.addWidget(self.agenda_view)
        self.views.addTab(agenda_page, self.tr("&My agenda"))

        self.detail = SessionDetail()
        self.detail.setObjectName("session_detail")
        self.detail.pick_toggled.connect(self.on_pick_toggled)
        self.detail.rating_changed.connect(self.on_rating_changed)
        self.detail.note_requested.connect(self.on_note_requested)
        self.detail.navigate.connect(self.ctx.navigate)
        self.detail.person_note_requested.connect(
            lambda uid: self.new_note_requested.emit("person", uid)
        )

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("programme_splitter")
        self.splitter.addWidget(self.views)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.detail.setMinimumWidth(300)
        self.splitter.setSizes([700, 380])
        layout.addWidget(self.splitter, 1)
        self.warning = QLabel()
        self.warning.setObjectName("agenda_warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("QLabel { color: #b06a00; }")
        self.warning.hide()
        layout.addWidget(self.warning)

        for combo in (self.kind, self.side_by_side):
            combo.currentIndexChanged.connect(self.on_filters_changed)
        ctx.clock_changed.connect(self.on_clock_changed)
        if ctx.event_id:
            self.on_event_changed(ctx.event_id)

    def _choice(
        self, name: str, label: str, all_text: str, some_text: str, layout: QHBoxLayout
    ) -> MultiChoice:
        caption = QLabel(label)
        button = MultiChoice(all_text, some_text)
        button.setObjectName(name)
        button.setAccessibleName(label.replace("&", "").rstrip(":"))
        button.setMinimumWidth(QFontMetrics(button.font()).horizontalAdvance(all_text) + 36)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        caption.setBuddy(button)
        button.changed.connect(self.on_choice_changed)
        layout.addWidget(caption)
        layout.addWidget(button, 1)
        return button

    def _combo(self, name: str, label: str, layout: QHBoxLayout) -> QComboBox:
        caption = QLabel(label)
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(label.replace("&", "").rstrip(":"))
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(10)
        caption.setBuddy(combo)
        layout.addWidget(caption)
        layout.addWidget(combo, 1)
        return combo

    # --- loading --------------------------------------------------------------------------

    def preload(self, event_id: str, bundle: ProgrammeBundle) -> None:
        """A programme read before the store opened (`services.first_screen`): shown at
        once when `event_id` becomes the current event, instead of asking the worker."""
        self._preloaded = (event_id, bundle)

    @Slot(str)
    def on_event_changed(self, event_id: str) -> None:
        self._loading_event = event_id
        preloaded, self._preloaded = self._preloaded, None
        if preloaded is not None and preloaded[0] == event_id:
            self.apply_bundle(preloaded[1], event_id)
            return
        if not event_id:
            self.apply_bundle(ProgrammeBundle(None, frozenset(), {}), event_id)
            return
        self.ctx.worker.submit(
            lambda store: load_bundle(store, event_id),
            lambda bundle: self.apply_bundle(bundle, event_id),
        )

    @Slot(str)
    def on_content_changed(self, event_id: str) -> None:
        if event_id == self.ctx.event_id:
            self.on_event_changed(event_id)

    @Slot(str)
    def on_delegate_data_changed(self, event_id: str) -> None:
        if event_id != self.ctx.event_id or not event_id:
            return
        self.ctx.worker.submit(lambda store: load_mine(store, event_id), self.apply_mine)

    def apply_bundle(self, bundle: ProgrammeBundle, event_id: str) -> None:
        if event_id != self._loading_event:
            return  # a newer event was chosen while this one loaded
        self.programme = bundle.programme
        prog = bundle.programme
        self.kind.blockSignals(True)
        self.kind.clear()
        self.kind.addItem(self.tr("All kinds"), "")
        self.days.blockSignals(True)
        while self.days.count():
            self.days.removeTab(0)
        if prog is not None:
            for kind in prog.kinds:
                self.kind.addItem(kind_label(kind), str(kind))
        rooms, tracks = self._remembered(event_id)
        self.room.set_names(list(prog.rooms) if prog else [], rooms)
        self.track.set_names(list(prog.tracks) if prog else [], tracks)
        if prog is not None:
            for day in prog.days:
                index = self.days.addTab(day_short(day))
                self.days.setTabData(index, day.isoformat())
            today = self.ctx.now().astimezone(prog.zone).date()
            if today in prog.days:
                self.days.setCurrentIndex(prog.days.index(today))
        self.days.blockSignals(False)
        self.kind.blockSignals(False)
        self.model.set_sessions(prog.sessions if prog else (), prog.speaker_names if prog else {})
        self._apply_clocks()
        self.apply_mine((bundle.picks, bundle.ratings))
        self.on_filters_changed()
        self.detail.show_session(
            None, speakers={}, documents={}, picked=False, rating=0, show_local=False
        )
        if self._pending_target:
            target, self._pending_target = self._pending_target, ""
            self.show_target("session", target)
        else:
            self.scroll_to_start()
        self.populated.emit()

    def apply_mine(self, mine: tuple[frozenset[str], dict[str, int]]) -> None:
        self.picks, self.ratings = mine
        self.model.set_picked(self.picks)
        self.timeline.set_picked(self.picks)
        sessions = self.programme.sessions if self.programme else ()
        self.agenda_model.set_agenda(sessions, self.picks)
        count = self.agenda_model.rowCount()
        if count == 0:
            self.agenda_summary.setText(
                self.tr("Nothing picked yet. Choose a session and press “Add to my agenda”.")
            )
        else:
            text = self.tr("%n session(s) in my agenda.", "", count)
            clashes = self.agenda_model.overlap_count
            if clashes:
                text += " " + self.tr("%n overlap(s): see the warnings below.", "", clashes)
            self.agenda_summary.setText(text)
        if self.detail.session is not None:
            self._show_detail(self.detail.session)

    # --- filters and selection ------------------------------------------------------------

    def current_day(self) -> dt.date | None:
        index = self.days.currentIndex()
        if index < 0:
            return None
        return dt.date.fromisoformat(str(self.days.tabData(index)))

    @Slot()
    def on_filters_changed(self) -> None:
        self.proxy.set_filters(
            day=self.current_day(),
            kind=str(self.kind.currentData() or ""),
            rooms=self.room.chosen,
            tracks=self.track.chosen,
            text=self.text.text(),
        )
        visible = tuple(
            self.proxy.data(self.proxy.index(row, 0), UID_ROLE)
            for row in range(self.proxy.rowCount())
        )
        sessions = tuple(self.model.session_at(self.model.row_of(uid)) for uid in visible)
        self.timeline.set_sessions(
            sessions, by=str(self.side_by_side.currentData() or "room"), now=self.ctx.now()
        )
        self.track_model.set_sessions(sessions, self.timeline.no_track)
        self.track_list.expandAll()
        self._show_focus_line(self.timeline.selected)

    def visible_session_ids(self) -> list[str]:
        return [
            str(self.proxy.data(self.proxy.index(row, 0), UID_ROLE))
            for row in range(self.proxy.rowCount())
        ]

    @Slot()
    def on_choice_changed(self) -> None:
        """Rooms or tracks chosen: filter, and remember the choice for this event."""
        event_id = self.ctx.event_id
        if event_id:
            chosen = self._all_chosen()
            chosen[event_id] = {
                "rooms": sorted(self.room.chosen),
                "tracks": sorted(self.track.chosen),
            }
            if not self.room.chosen and not self.track.chosen:
                del chosen[event_id]
            self.ctx.settings.set(PROGRAMME_CHOSEN, json.dumps(chosen, sort_keys=True))
        self.on_filters_changed()

    def _all_chosen(self) -> dict[str, dict[str, list[str]]]:
        try:
            value = json.loads(self.ctx.settings.get(PROGRAMME_CHOSEN) or "{}")
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}

    def _remembered(self, event_id: str) -> tuple[set[str], set[str]]:
        mine = self._all_chosen().get(event_id) if event_id else None
        if not isinstance(mine, dict):
            return set(), set()

        def names(key: str) -> set[str]:
            value = mine.get(key, [])
            return {str(v) for v in value} if isinstance(value, list) else set()

        return names("rooms"), names("tracks")

    def _show_focus_line(self, uid: str) -> None:
        session = self.timeline.session(uid) if uid else None
        if session is None:
            self.focus_line.setText(
                self.tr("Arrow keys move between sessions; Ctrl++ and Ctrl+- zoom.")
            )
            return
        where = f" · {session.room}" if session.room else ""
        mark = " · " + self.tr("Confidential") if session.confidential else ""
        self.focus_line.setText(
            f"<b>{html.escape(day_short(session.start))} {html.escape(time_range(session))}"
            f"{html.escape(where)}{html.escape(mark)}</b><br>{html.escape(session.title)}"
        )

    def scroll_to_start(self) -> None:
        """After an event is chosen: the timeline shows now (when it is on the shown day) or
        the day's first session, never where the previous event was scrolled to."""
        prog = self.programme
        day = self.current_day()
        self.timeline.horizontalScrollBar().setValue(0)
        if prog is None or day is None:
            self.timeline.verticalScrollBar().setValue(0)
            return
        now = self.ctx.now().astimezone(prog.zone)
        sessions = prog.on_day(day)
        if now.date() == day and sessions and sessions[0].start <= now:
            self.timeline.scroll_to_time(now)
        elif sessions:
            self.timeline.scroll_to_time(sessions[0].start)
        else:
            self.timeline.verticalScrollBar().setValue(0)

    @Slot(QModelIndex, QModelIndex)
    def on_track_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        session = self.track_model.session(current)
        if session is not None:
            self.timeline.select(session.id)
            self._select_in_table(session.id)
            self._show_focus_line(session.id)
            self._show_detail(session)

    @Slot(str)
    def on_session_chosen(self, uid: str) -> None:
        self._select_in_table(uid)
        self._show_focus_line(uid)
        self._show_detail(self._session(uid))

    @Slot(QModelIndex, QModelIndex)
    def on_table_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        uid = str(current.data(UID_ROLE))
        self.timeline.select(uid)
        self._show_focus_line(uid)
        self._show_detail(self._session(uid))

    @Slot(QModelIndex, QModelIndex)
    def on_agenda_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._show_detail(self._session(str(current.data(UID_ROLE))))

    def _select_in_table(self, uid: str) -> None:
        row = self.model.row_of(uid)
        if row < 0:
            return
        proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        if proxy_index.isValid():
            self.table.selectionModel().blockSignals(True)
            self.table.selectionModel().setCurrentIndex(
                proxy_index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.selectionModel().blockSignals(False)
            self.table.scrollTo(proxy_index)

    def note_target(self) -> tuple[str, str] | None:
        """The session in the detail pane: Ctrl+N makes a note on it."""
        session = self.detail.session
        return ("session", session.id) if session is not None else None

    def show_target(self, kind: str, uid: str) -> None:
        """Show one session: its day, selected in both views, in the detail pane."""
        if kind != "session" or not uid:
            return
        if self.programme is None or self._loading_event != (self.programme.event.id):
            self._pending_target = uid
            return
        session = self._session(uid)
        if session is None:
            return
        day = session.start.date()
        for index in range(self.days.count()):
            if self.days.tabData(index) == day.isoformat():
                self.days.setCurrentIndex(index)
        if uid not in self.visible_session_ids():
            # A filter hides it: clear the filters rather than show nothing.
            self.clear_filters()
        self.timeline.select(uid)
        self._select_in_table(uid)
        self._show_focus_line(uid)
        self._show_detail(session)

    def clear_filters(self) -> None:
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(0)
        self.kind.blockSignals(False)
        self.room.clear_choice(emit=False)
        self.track.clear_choice(emit=False)
        self.text.blockSignals(True)
        self.text.clear()
        self.text.blockSignals(False)
        self.on_filters_changed()

    def focus_search(self) -> None:
        self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.text.selectAll()

    def jump_to_now(self) -> None:
        prog = self.programme
        if prog is None or not prog.sessions:
            return
        now = self.ctx.now().astimezone(prog.zone)
        day = now.date() if now.date() in prog.days else None
        if day is None:
            upcoming = [d for d in prog.days if d >= now.date()]
            day = upcoming[0] if upcoming else prog.days[-1]
        self.days.setCurrentIndex(prog.days.index(day))
        running = [s for s in prog.on_day(day) if s.start <= now < s.end]
        later = [s for s in prog.on_day(day) if s.start >= now]
        target = (running or later or list(prog.on_day(day)))[0]
        self.timeline.scroll_to_time(now if day == now.date() else target.start)
        self.show_target("session", target.id)

    def _apply_clocks(self) -> None:
        clocks = self.ctx.clocks
        self.model.set_clocks(clocks)
        self.timeline.set_second_zone(clocks.second)

    @Slot()
    def on_clock_changed(self) -> None:
        self._apply_clocks()
        self.timeline.set_now(self.ctx.now())
        if self.detail.session is not None:
            self._show_detail(self.detail.session)
