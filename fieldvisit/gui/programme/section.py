"""The Programme section: day tabs, filters, timeline / list / My agenda, and the detail pane."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QSplitter,
    QTabBar,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldvisit.domain.model import Session
from fieldvisit.gui.context import AppContext
from fieldvisit.gui.formatting import day_short
from fieldvisit.gui.programme.detail import SessionDetail
from fieldvisit.gui.programme.models import (
    UID_ROLE,
    AgendaModel,
    SessionFilterProxy,
    SessionTableModel,
    kind_label,
)
from fieldvisit.gui.programme.timeline import TimelineView
from fieldvisit.gui.section import Section
from fieldvisit.services import agenda
from fieldvisit.services.agenda import PickOutcome
from fieldvisit.services.programme import Programme, load_programme
from fieldvisit.services.store import Store


@dataclass(frozen=True, slots=True)
class ProgrammeBundle:
    programme: Programme | None
    picks: frozenset[str]
    ratings: dict[str, int]


def load_bundle(store: Store, event_id: str) -> ProgrammeBundle:
    return ProgrammeBundle(
        load_programme(store, event_id),
        agenda.picks(store, event_id),
        agenda.ratings(store, event_id),
    )


def load_mine(store: Store, event_id: str) -> tuple[frozenset[str], dict[str, int]]:
    return agenda.picks(store, event_id), agenda.ratings(store, event_id)


class ProgrammeSection(Section):
    """Everything about the programme of the current event."""

    populated = Signal()  # the programme of the current event is on screen
    status_message = Signal(str)
    new_note_requested = Signal(str, str)  # target kind, uid: the window opens Notes on it

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.programme: Programme | None = None
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
        self.room = self._combo("room_filter", self.tr("&Room:"), filters)
        self.track = self._combo("track_filter", self.tr("T&rack:"), filters)
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
        self.views.addTab(self.timeline, self.tr("&Timeline"))
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

        for combo in (self.kind, self.room, self.track, self.side_by_side):
            combo.currentIndexChanged.connect(self.on_filters_changed)
        ctx.clock_changed.connect(self.on_clock_changed)
        if ctx.event_id:
            self.on_event_changed(ctx.event_id)

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

    def section_title(self) -> str:
        return self.tr("Programme")

    # --- loading --------------------------------------------------------------------------

    @Slot(str)
    def on_event_changed(self, event_id: str) -> None:
        self._loading_event = event_id
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
        for combo in (self.kind, self.room, self.track):
            combo.blockSignals(True)
            combo.clear()
        self.kind.addItem(self.tr("All kinds"), "")
        self.room.addItem(self.tr("All rooms"), "")
        self.track.addItem(self.tr("All tracks"), "")
        self.days.blockSignals(True)
        while self.days.count():
            self.days.removeTab(0)
        if prog is not None:
            for kind in prog.kinds:
                self.kind.addItem(kind_label(kind), str(kind))
            for room in prog.rooms:
                self.room.addItem(room, room)
            for track in prog.tracks:
                self.track.addItem(track, track)
            for day in prog.days:
                index = self.days.addTab(day_short(day))
                self.days.setTabData(index, day.isoformat())
            today = self.ctx.now().astimezone(prog.zone).date()
            if today in prog.days:
                self.days.setCurrentIndex(prog.days.index(today))
        self.days.blockSignals(False)
        for combo in (self.kind, self.room, self.track):
            combo.blockSignals(False)
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
            room=str(self.room.currentData() or ""),
            track=str(self.track.currentData() or ""),
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

    def visible_session_ids(self) -> list[str]:
        return [
            str(self.proxy.data(self.proxy.index(row, 0), UID_ROLE))
            for row in range(self.proxy.rowCount())
        ]

    def _session(self, uid: str) -> Session | None:
        row = self.model.row_of(uid)
        return self.model.session_at(row) if row >= 0 else None

    def _show_detail(self, session: Session | None) -> None:
        prog = self.programme
        self.detail.show_session(
            session,
            speakers=prog.speaker_names if prog else {},
            documents=prog.document_titles if prog else {},
            picked=bool(session and session.id in self.picks),
            rating=self.ratings.get(session.id, 0) if session else 0,
            show_local=self.ctx.show_local_zone,
            sharing=prog.document_sharing if prog else {},
            clocks=self.ctx.clocks,
            addresses=prog.document_urls if prog else {},
        )

    @Slot(str)
    def on_session_chosen(self, uid: str) -> None:
        self._select_in_table(uid)
        self._show_detail(self._session(uid))

    @Slot(QModelIndex, QModelIndex)
    def on_table_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        uid = str(current.data(UID_ROLE))
        self.timeline.select(uid)
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
        self._show_detail(session)

    def clear_filters(self) -> None:
        for combo in (self.kind, self.room, self.track):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
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

    # --- the delegate's actions -----------------------------------------------------------

    @Slot(str, bool)
    def on_pick_toggled(self, uid: str, on: bool) -> None:
        event_id = self.ctx.event_id
        if not on:
            self.ctx.worker.submit(
                lambda store: agenda.unpick(store, event_id, uid),
                lambda _r: self._agenda_saved(event_id, ""),
            )
            return
        self.submit_pick(uid, replace=False)

    def submit_pick(self, uid: str, *, replace: bool) -> None:
        event_id = self.ctx.event_id
        self.ctx.worker.submit(
            lambda store: agenda.pick(store, event_id, uid, replace=replace),
            lambda outcome: self.on_picked(event_id, uid, outcome),
        )

    def _title(self, uid: str) -> str:
        session = self._session(uid)
        return session.title if session else uid

    def on_picked(self, event_id: str, uid: str, outcome: PickOutcome) -> None:
        if outcome.blocked_by:
            others = ", ".join(self._title(o) for o in outcome.blocked_by)
            box = QMessageBox(
                QMessageBox.Icon.Question,
                self.tr("One choice per slot"),
                self.tr(
                    "You already chose “%1” for this slot, and only one session of this "
                    "group can be picked. Pick “%2” instead?"
                )
                .replace("%1", others)
                .replace("%2", self._title(uid)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                self,
            )
            box.setObjectName("group_question")
            box.setDefaultButton(QMessageBox.StandardButton.No)
            box.finished.connect(
                lambda result: self.on_group_answer(uid, result == QMessageBox.StandardButton.Yes)
            )
            self.group_question = box
            box.open()  # not exec(): the window stays responsive and tests never block
            return
        message = ""
        if outcome.replaced:
            message = self.tr("Replaced %1 in your agenda.").replace(
                "%1", ", ".join(self._title(o) for o in outcome.replaced)
            )
        if outcome.overlaps:
            message = self.tr("Added, but it overlaps with: %1").replace(
                "%1", ", ".join(self._title(o) for o in outcome.overlaps)
            )
        self._agenda_saved(event_id, message)

    def on_group_answer(self, uid: str, replace: bool) -> None:
        self.group_question = None
        if replace:
            self.submit_pick(uid, replace=True)
        elif self.detail.session is not None:
            self._show_detail(self.detail.session)  # puts the toggle back

    def _agenda_saved(self, event_id: str, message: str) -> None:
        self.warning.setText(message)
        self.warning.setVisible(bool(message))
        if message:
            self.status_message.emit(message)
        self.ctx.delegate_data_changed.emit(event_id)

    @Slot(str, int)
    def on_rating_changed(self, uid: str, stars: int) -> None:
        event_id = self.ctx.event_id
        self.ctx.worker.submit(
            lambda store: agenda.rate(store, event_id, uid, stars),
            lambda _r: self.ctx.delegate_data_changed.emit(event_id),
        )

    @Slot(str)
    def on_note_requested(self, uid: str) -> None:
        self.new_note_requested.emit("session", uid)
