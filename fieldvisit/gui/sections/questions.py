"""The Questions section: the pack's questionnaires by phase, autosaved drafts, completion."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fieldvisit.domain.model import Phase, Questionnaire
from fieldvisit.gui.context import AppContext
from fieldvisit.gui.listmodel import RowsModel
from fieldvisit.gui.section import Section
from fieldvisit.gui.sections.common import HtmlDelegate, weekday_hm
from fieldvisit.gui.sections.question_form import QuestionForm
from fieldvisit.services import questions as qs
from fieldvisit.services.questions import QuestionsData, Value
from fieldvisit.services.store import Store

DEBOUNCE_MS = 250


@dataclass(frozen=True, slots=True)
class Entry:
    """A phase heading (questionnaire None) or a questionnaire to open."""

    title: str
    questionnaire: Questionnaire | None = None
    read_only: bool = False
    status: str = ""


class EntriesModel(RowsModel[Entry]):
    def row_data(self, entry: Entry, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if entry.questionnaire is None:
                return f"<b>{html.escape(entry.title.upper())}</b>"
            return f"{html.escape(entry.title)}<br><small>{html.escape(entry.status)}</small>"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{entry.title} {entry.status}"
        return None

    def selectable(self, entry: Entry) -> bool:
        return entry.questionnaire is not None

    def set_status(self, row: int, status: str) -> None:
        entry = self._rows[row]
        if entry.status != status:
            self.replace_row(row, Entry(entry.title, entry.questionnaire, entry.read_only, status))

    def row_of(self, uid: str, version: int) -> int:
        for i, e in enumerate(self._rows):
            q = e.questionnaire
            if q is not None and (q.id, q.version) == (uid, version):
                return i
        return -1


class QuestionsSection(Section):
    section_name = "questions"
    saved = Signal()
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.data = QuestionsData("")
        self.form: QuestionForm | None = None
        self._session_uid = ""
        self._dirty = False
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.on_save_due)

        self.model = EntriesModel(self)
        self.list = QListView(self)
        self.list.setAccessibleName(self.tr("Questionnaires"))
        self.list.setModel(self.model)
        self.list.setItemDelegate(HtmlDelegate(self.list))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.selectionModel().currentChanged.connect(self.on_entry_changed)
        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.session_box = QComboBox(self)
        self.session_box.setAccessibleName(self.tr("Session"))
        self.session_box.currentIndexChanged.connect(self.on_session_changed)
        self.session_label = QLabel(self.tr("&Session:"), self)
        self.session_label.setBuddy(self.session_box)
        self.completion_label = QLabel(self)
        self.completion_label.setAccessibleName(self.tr("Completion"))
        self.status_label = QLabel(self)
        self.status_label.setAccessibleName(self.tr("Save state"))
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)

        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.title)
        rl.addWidget(self.description)
        session_row = QHBoxLayout()
        session_row.addWidget(self.session_label)
        session_row.addWidget(self.session_box, 1)
        rl.addLayout(session_row)
        state_row = QHBoxLayout()
        state_row.addWidget(self.completion_label, 1)
        state_row.addWidget(self.status_label)
        rl.addLayout(state_row)
        rl.addWidget(self.scroll_area, 1)
        self.list.setMinimumWidth(220)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setSizes([280, 720])
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._show_entry(None)
        self.reload()

    # --- loading ----------------------------------------------------------------------

    def reload(self) -> None:
        self.flush()
        event_id = self.ctx.event_id
        self.ctx.worker.submit(lambda store: qs.load_questions(store, event_id), self._on_loaded)

    @Slot(str)
    def on_event_changed(self, _event_id: str) -> None:
        self.reload()

    def _on_loaded(self, data: QuestionsData) -> None:
        keep = self._open_key()
        self.data = data
        self._fill_entries()
        row = self.model.row_of(*keep) if keep else -1
        if row < 0:
            row = next(
                (
                    i
                    for i in range(self.model.rowCount())
                    if self.model.row_at(i).questionnaire is not None
                ),
                -1,
            )
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))
        else:
            self._show_entry(None)
        self.loaded.emit()

    def _open_key(self) -> tuple[str, int] | None:
        if self.form is None:
            return None
        return self.form.questionnaire.id, self.form.questionnaire.version

    def _status_of(self, q: Questionnaire, read_only: bool) -> str:
        if q.phase == Phase.SESSION:
            done = sum(
                1
                for (uid, ver, sess), values in self.data.answers.items()
                if (uid, ver) == (q.id, q.version) and sess and values
            )
            text = self.tr("answered for {0} of {1} sessions").format(
                done, len(qs.sessions_for(q, self.data.sessions))
            )
        else:
            c = qs.completion(q, self.data.answers.get((q.id, q.version, ""), {}))
            text = self.tr("{0} of {1} answered").format(c.answered, c.total)
        return self.tr("read-only, version {0}: {1}").format(q.version, text) if read_only else text

    def _fill_entries(self) -> None:
        titles = {
            Phase.BEFORE: self.tr("Before the event"),
            Phase.SESSION: self.tr("Per session"),
            Phase.AFTER: self.tr("After the event"),
        }
        rows: list[Entry] = []
        for phase in (Phase.BEFORE, Phase.SESSION, Phase.AFTER):
            items = [q for q in self.data.current if q.phase == phase]
            if items:
                rows.append(Entry(titles[phase]))
                rows.extend(Entry(q.title, q, False, self._status_of(q, False)) for q in items)
        if self.data.older:
            rows.append(Entry(self.tr("Earlier versions")))
            rows.extend(Entry(q.title, q, True, self._status_of(q, True)) for q in self.data.older)
        self.model.set_rows(rows)

    # --- the open questionnaire ---------------------------------------------------------

    @Slot(QModelIndex, QModelIndex)
    def on_entry_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.flush()
        entry = self.model.row_at(current.row()) if current.isValid() else None
        self._show_entry(entry)

    def _show_entry(self, entry: Entry | None) -> None:
        q = entry.questionnaire if entry else None
        if entry is None or q is None:
            self.form = None
            self.title.setText(
                self.tr("Questions")
                if self.data.current
                else self.tr("This event has no questionnaires.")
            )
            self.description.clear()
            self.session_box.hide()
            self.session_label.hide()
            self.completion_label.clear()
            self.status_label.clear()
            old = self.scroll_area.takeWidget()
            if old is not None:
                old.deleteLater()
            return
        self.title.setText(q.title)
        self.description.setText(q.description)
        self.description.setVisible(bool(q.description))
        sessions = qs.sessions_for(q, self.data.sessions)
        self.session_box.blockSignals(True)
        self.session_box.clear()
        zone = self.ctx.timezone
        for ref in sessions:
            when = weekday_hm(ref.start, zone)
            self.session_box.addItem(f"{when}  {ref.title}", ref.id)
        self.session_box.setCurrentIndex(self._default_session(sessions))
        self.session_box.blockSignals(False)
        self.session_box.setVisible(bool(sessions))
        self.session_label.setVisible(bool(sessions))
        self._session_uid = str(self.session_box.currentData() or "")
        self._build_form(q, entry.read_only)

    def _default_session(self, sessions: list[qs.SessionRef]) -> int:
        """The session running now, else the last one that started, else the first."""
        now = self.ctx.now()
        started = [i for i, ref in enumerate(sessions) if ref.start <= now]
        return started[-1] if started else 0

    def _build_form(self, q: Questionnaire, read_only: bool) -> None:
        answers = self.data.answers.get((q.id, q.version, self._session_uid), {})
        self.form = QuestionForm(q, answers, read_only=read_only)
        self.form.changed.connect(self.on_form_changed)
        self.scroll_area.setWidget(self.form)
        self._update_completion(answers)
        self.status_label.setText(
            self.tr("Read-only: a newer version replaced it") if read_only else ""
        )

    def _update_completion(self, answers: dict[str, Value] | dict[str, object]) -> None:
        if self.form is None:
            return
        c = qs.completion(self.form.questionnaire, answers)
        text = self.tr("{0} of {1} answered").format(c.answered, c.total)
        if c.required_missing:
            text += " · " + self.tr("{0} required (*) still open").format(c.required_missing)
        self.completion_label.setText(text)

    @Slot(int)
    def on_session_changed(self, _index: int) -> None:
        self.flush()
        self._session_uid = str(self.session_box.currentData() or "")
        if self.form is not None:
            self._build_form(self.form.questionnaire, self.form.read_only)

    @Slot()
    def on_form_changed(self) -> None:
        if self.form is None or self.form.read_only:
            return
        self._dirty = True
        self.status_label.setText(self.tr("Saving…"))
        self._update_completion(self.form.values())
        self._timer.start()

    @Slot()
    def on_save_due(self) -> None:
        self._save(sync=False)

    def flush(self) -> None:
        """Save a pending draft now (switching questionnaires, closing)."""
        self._timer.stop()
        self._save(sync=True)

    def _save(self, *, sync: bool) -> None:
        if not self._dirty or self.form is None:
            return
        self._dirty = False
        q = self.form.questionnaire
        session_uid = self._session_uid if q.phase == Phase.SESSION else ""
        values = self.form.values()
        event_id = self.ctx.event_id

        def job(store: Store) -> dict[str, Value]:
            return qs.save_answers(store, event_id, q, session_uid, values)

        def done(cleaned: dict[str, Value]) -> None:
            self.data.answers[(q.id, q.version, session_uid)] = cleaned
            self.status_label.setText(self.tr("Saved {}").format(self._hm()))
            for row in range(self.model.rowCount()):  # in place: the selection stays put
                entry = self.model.row_at(row)
                if entry.questionnaire is not None:
                    status = self._status_of(entry.questionnaire, entry.read_only)
                    self.model.set_status(row, status)
            self.saved.emit()
            self.ctx.delegate_data_changed.emit(event_id)

        def failed(exc: Exception) -> None:
            self._dirty = True
            reason = str(getattr(exc, "problem", "") or exc)
            self.status_label.setText(self.tr("Not saved: {}").format(reason))

        if sync:
            try:
                done(self.ctx.worker.run_now(job))
            except Exception as exc:
                failed(exc)
        else:
            self.ctx.worker.submit(job, done, failed)

    def _hm(self) -> str:
        """Now in the display zone, named wherever it could be taken for another clock."""
        return self.ctx.clocks.moment(dt.datetime.now(dt.UTC))

    def show_target(self, kind: str, uid: str) -> None:
        """("questionnaire", uid) opens it; ("session", uid) opens session feedback for it."""
        for row in range(self.model.rowCount()):
            q = self.model.row_at(row).questionnaire
            if q is None or self.model.row_at(row).read_only:
                continue
            if (kind == "questionnaire" and q.id == uid) or (
                kind == "session"
                and q.phase == Phase.SESSION
                and any(s.id == uid for s in qs.sessions_for(q, self.data.sessions))
            ):
                self.list.setCurrentIndex(self.model.index(row, 0))
                if kind == "session":
                    self.session_box.setCurrentIndex(self.session_box.findData(uid))
                return
