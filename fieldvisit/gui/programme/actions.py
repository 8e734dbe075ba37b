"""The delegate's own actions in the Programme: pick (with the one-per-slot question),
unpick and rate a session, and start a note on it; the detail pane shows their state.
`ProgrammeSection` builds on it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QLabel, QMessageBox

from fieldvisit.domain.agenda import PickOutcome
from fieldvisit.domain.model import Session
from fieldvisit.gui.programme.detail import SessionDetail
from fieldvisit.gui.programme.jobs import pick, rate, unpick
from fieldvisit.gui.programme.models import SessionTableModel
from fieldvisit.gui.section import Section

if TYPE_CHECKING:
    from fieldvisit.services.views import Programme


class AgendaActions(Section):
    """Picks, ratings and notes from the Programme section."""

    status_message = Signal(str)
    new_note_requested = Signal(str, str)  # target kind, uid: the window opens Notes on it

    # Set by ProgrammeSection.__init__.
    programme: Programme | None
    detail: SessionDetail
    model: SessionTableModel
    warning: QLabel
    group_question: QMessageBox | None
    picks: frozenset[str]
    ratings: dict[str, int]

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

    def _session(self, uid: str) -> Session | None:
        row = self.model.row_of(uid)
        return self.model.session_at(row) if row >= 0 else None

    @Slot(str, bool)
    def on_pick_toggled(self, uid: str, on: bool) -> None:
        event_id = self.ctx.event_id
        if not on:
            self.ctx.worker.submit(
                lambda store: unpick(store, event_id, uid),
                lambda _r: self._agenda_saved(event_id, ""),
            )
            return
        self.submit_pick(uid, replace=False)

    def submit_pick(self, uid: str, *, replace: bool) -> None:
        event_id = self.ctx.event_id
        self.ctx.worker.submit(
            lambda store: pick(store, event_id, uid, replace=replace),
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
            lambda store: rate(store, event_id, uid, stars),
            lambda _r: self.ctx.delegate_data_changed.emit(event_id),
        )

    @Slot(str)
    def on_note_requested(self, uid: str) -> None:
        self.new_note_requested.emit("session", uid)
