"""The Today section: what is on now and next, the next stop, and unseen programme changes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QDateTime,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    QTimeZone,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateTimeEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldvisit.domain.clock import Clocks, zone_label
from fieldvisit.domain.model import Session
from fieldvisit.gui.change_labels import change_details
from fieldvisit.gui.context import AppContext
from fieldvisit.gui.formatting import date_long, day_short, day_time, full_time
from fieldvisit.gui.programme.models import time_range
from fieldvisit.gui.section import Section
from fieldvisit.gui.theme import CONFIDENTIAL
from fieldvisit.services.views import ChangeItem, Today

# Built before the storage stack is loaded (the first screen): the services behind the jobs
# are imported inside them, on the worker.
if TYPE_CHECKING:
    from fieldvisit.services.store import Store
    from fieldvisit.services.summary import EventSummary


def load_today(store: Store, event_id: str, moment: dt.datetime) -> Today:
    from fieldvisit.services import programme

    return programme.load_today(store, event_id, moment)


def mark_seen(store: Store, event_id: str, ids: list[int]) -> int:
    from fieldvisit.services import programme

    return programme.mark_seen(store, event_id, ids)


def summary_of(store: Store, event_id: str) -> EventSummary:
    from fieldvisit.services.summary import event_summary

    return event_summary(store, event_id)


_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
REFRESH_MS = 30_000


@dataclass(frozen=True, slots=True)
class TodayItem:
    """One line on Today and where clicking it leads."""

    text: str
    section: str = ""
    kind: str = ""
    uid: str = ""
    tone: str = ""  # "" | "confidential" | "new" | "changed" | "cancelled" | "muted"


TONES = {
    "confidential": CONFIDENTIAL,
    "new": "#2e7d32",
    "changed": "#b06a00",
    "cancelled": "#b3261e",
}


class TodayModel(QAbstractListModel):
    """A short list of TodayItem lines."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: tuple[TodayItem, ...] = ()

    def set_items(self, items: tuple[TodayItem, ...]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return item.text
        if role == Qt.ItemDataRole.ToolTipRole and item.section:
            return self.tr("Open in %1").replace("%1", item.section)
        if role == Qt.ItemDataRole.ForegroundRole and item.tone in TONES:
            return QBrush(QColor(TONES[item.tone]))
        if role == Qt.ItemDataRole.FontRole and item.tone == "cancelled":
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return item
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled
        if self.items[index.row()].section:
            flags |= Qt.ItemFlag.ItemIsSelectable
        return flags


def session_line(s: Session, suffix: str = "", clocks: Clocks | None = None) -> str:
    online = QCoreApplication.translate("TodaySection", "online")
    where = s.room or (online if s.online_url else "")
    when = clocks.span(s.start, s.end) if clocks is not None else time_range(s)
    text = f"{when}  {s.title}"
    if where:
        text += f" · {where}"
    if s.confidential:
        text += " · CONFIDENTIAL"
    return text + suffix


class TodaySection(Section):
    """Refreshes on the event clock; every line navigates to its section."""

    section_name = "today"

    refreshed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.today: Today | None = None
        self.setAccessibleName(self.tr("Today"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        self.heading = QLabel()
        self.heading.setObjectName("today_heading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.clock = QLabel()
        self.clock.setObjectName("today_clock")
        self.clock.setAccessibleName(self.tr("Event time"))
        layout.addWidget(self.clock)

        self.captions: dict[str, QLabel] = {}
        self._generation = 0  # refreshes so far: a summary of an older one is dropped
        self.after_event = False
        self.now_model = TodayModel(self)
        self.next_model = TodayModel(self)
        self.stop_model = TodayModel(self)
        self.change_model = TodayModel(self)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        self.now_view = self._list(self.tr("&Now"), "now_list", self.now_model, left)
        self.next_view = self._list(self.tr("Ne&xt"), "next_list", self.next_model, left)
        self.stop_view = self._list(self.tr("F&ield visit"), "stop_list", self.stop_model, left)
        columns.addLayout(left, 3)
        right = QVBoxLayout()
        changes = QGroupBox(self.tr("Changes since the last update"))
        changes.setObjectName("changes_box")
        box_layout = QVBoxLayout(changes)
        self.change_view = self._view("change_list", self.change_model)
        self.change_view.setAccessibleName(self.tr("Changes since the last update"))
        box_layout.addWidget(self.change_view)
        self.mark_seen = QPushButton(self.tr("&Mark as seen"))
        self.mark_seen.setObjectName("mark_seen")
        self.mark_seen.setAccessibleName(self.tr("Mark changes as seen"))
        self.mark_seen.clicked.connect(self.on_mark_seen)
        box_layout.addWidget(self.mark_seen)
        right.addWidget(changes, 3)

        rehearse = QGroupBox(self.tr("Pretend time"))
        rehearse.setObjectName("pretend_box")
        rehearse_layout = QVBoxLayout(rehearse)
        hint = QLabel(self.tr("Rehearse the day: see Today as it will be at another moment."))
        hint.setWordWrap(True)
        rehearse_layout.addWidget(hint)
        row = QHBoxLayout()
        self.pretend_edit = QDateTimeEdit()
        self.pretend_edit.setObjectName("pretend_edit")
        self.pretend_edit.setAccessibleName(self.tr("Pretend time, in the event's time zone"))
        self.pretend_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.pretend_edit.setCalendarPopup(True)
        label = QLabel(self.tr("&At:"))
        label.setBuddy(self.pretend_edit)
        row.addWidget(label)
        row.addWidget(self.pretend_edit, 1)
        rehearse_layout.addLayout(row)
        buttons = QHBoxLayout()
        self.pretend_apply = QPushButton(self.tr("&Pretend"))
        self.pretend_apply.setObjectName("pretend_apply")
        self.pretend_apply.setAccessibleName(self.tr("Use the pretend time"))
        self.pretend_apply.clicked.connect(self.on_pretend)
        self.real_time = QPushButton(self.tr("Use &real time"))
        self.real_time.setObjectName("real_time")
        self.real_time.setAccessibleName(self.tr("Use real time"))
        self.real_time.clicked.connect(self.on_real_time)
        buttons.addWidget(self.pretend_apply)
        buttons.addWidget(self.real_time)
        rehearse_layout.addLayout(buttons)
        right.addWidget(rehearse)
        columns.addLayout(right, 2)
        layout.addLayout(columns, 1)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        ctx.clock_changed.connect(self.on_clock_changed)
        self._reset_pretend_edit()
        if ctx.event_id:
            self.refresh()
        else:
            self.apply(Today(event=None))

    def _view(self, name: str, model: TodayModel) -> QListView:
        view = QListView()
        view.setObjectName(name)
        view.setModel(model)
        view.setWordWrap(True)
        view.setUniformItemSizes(False)
        view.setSpacing(2)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.activated.connect(self.on_activated)
        view.clicked.connect(self.on_activated)
        return view

    def _list(self, title: str, name: str, model: TodayModel, layout: QVBoxLayout) -> QListView:
        caption = QLabel(title)
        bold = caption.font()
        bold.setBold(True)
        caption.setFont(bold)
        view = self._view(name, model)
        view.setAccessibleName(title.replace("&", ""))
        caption.setBuddy(view)
        layout.addWidget(caption)
        layout.addWidget(view, 1)
        self.captions[name] = caption
        return view

    # --- data -----------------------------------------------------------------------------

    @Slot(str)
    def on_event_changed(self, _event_id: str) -> None:
        self._reset_pretend_edit()
        self.refresh()

    def _reset_pretend_edit(self) -> None:
        zone = QTimeZone(self.ctx.timezone.key.encode())
        moment = self.ctx.now().astimezone(self.ctx.timezone)
        self.pretend_edit.setTimeZone(zone)
        self.pretend_edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), zone))

    @Slot()
    def on_clock_changed(self) -> None:
        self._reset_pretend_edit()
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        self._generation += 1
        event_id = self.ctx.event_id
        moment = self.ctx.now()
        if not event_id:
            self.apply(Today(event=None))
            return
        self.ctx.worker.submit(lambda store: load_today(store, event_id, moment), self.apply)

    def apply(self, today: Today) -> None:
        self.today = today
        zone = self.ctx.timezone
        now = self.ctx.now().astimezone(zone)
        if today.event is None:
            self.heading.setText(self.tr("No event installed yet"))
            self.clock.setText(self.tr("Open an event pack with File ▸ Open event pack…"))
        else:
            self.heading.setText(today.event.title)
            clock = (
                self.tr("%1 (event time, %2)").replace("%1", full_time(now)).replace("%2", zone.key)
            )
            second = self.ctx.clocks.second_at(now)
            if second is not None:
                clock += " · " + self.tr("%1 in %2").replace(
                    "%1", f"{now.astimezone(second):%H:%M}"
                ).replace("%2", zone_label(second))
            if self.ctx.pretending:
                clock += " — " + self.tr("pretend time")
            self.clock.setText(clock)
        nothing = self.tr("Nothing on right now.")
        now_items = tuple(self._session_item(s) for s in today.now) or (
            TodayItem(nothing, tone="muted"),
        )
        later = self.tr("Nothing later in the programme.")
        if today.event is not None and now.date() > today.event.end_date:
            later = self.tr("This event ended on %1.").replace(
                "%1", date_long(today.event.end_date)
            )
        next_items = tuple(self._session_item(s, with_day=True) for s in today.next) or (
            TodayItem(later, tone="muted"),
        )
        stops: list[TodayItem] = []
        if today.current_stop is not None:
            stop = today.current_stop
            stops.append(
                TodayItem(self.tr("Now at: %1").replace("%1", stop.title), "visit", "stop", stop.id)
            )
        if today.next_stop is not None:
            stop = today.next_stop
            when = day_time(stop.planned_start) if stop.planned_start else ""
            text = self.tr("Next stop: %1 %2").replace("%1", when).replace("%2", stop.title)
            if stop.address:
                text += f" · {stop.address}"
            stops.append(TodayItem(text, "visit", "stop", stop.id))
        if not stops:
            stops.append(TodayItem(self.tr("No upcoming stop."), tone="muted"))
        self.now_model.set_items(now_items)
        self.next_model.set_items(next_items)
        self.stop_model.set_items(tuple(stops))
        changes = tuple(self._change_item(c) for c in today.changes) or (
            TodayItem(self.tr("No unseen changes."), tone="muted"),
        )
        self.change_model.set_items(changes)
        self.mark_seen.setEnabled(bool(today.changes))
        after = today.event is not None and now.date() > today.event.end_date
        self._show_after(after)
        if after and today.event is not None:
            event_id, ended = today.event.id, today.event.end_date
            generation = self._generation
            self.ctx.worker.submit(
                lambda store: summary_of(store, event_id),
                lambda summary: self.apply_summary(event_id, ended, summary, generation),
            )
            return
        self.refreshed.emit()

    def _show_after(self, after: bool) -> None:
        """After the event: one list, its summary, instead of three empty ones."""
        self.after_event = after
        self.captions["now_list"].setText(self.tr("After the event") if after else self.tr("&Now"))
        for name, view in (("next_list", self.next_view), ("stop_list", self.stop_view)):
            self.captions[name].setVisible(not after)
            view.setVisible(not after)

    def apply_summary(
        self, event_id: str, ended: dt.date, summary: EventSummary, generation: int = -1
    ) -> None:
        stale = generation not in (-1, self._generation)
        if stale or event_id != self.ctx.event_id or not self.after_event:
            return  # another event, or the clock went back into the event meanwhile
        ended_item = TodayItem(
            self.tr("This event ended on %1.").replace("%1", date_long(ended)), tone="muted"
        )
        if summary.withheld:  # the organisers' require_app_lock: no notes until a passcode
            self.now_model.set_items(
                (
                    ended_item,
                    TodayItem(
                        self.tr(
                            "The organisers require a passcode for this event's notes and "
                            "answers: protect your notes with a passcode to see them."
                        ),
                        tone="changed",
                    ),
                )
            )
            self.refreshed.emit()
            return
        items = [
            ended_item,
            TodayItem(
                self.tr("Notes written: %1 (private: %2)")
                .replace("%1", str(summary.notes))
                .replace("%2", str(summary.private_notes)),
                "notes",
            ),
            TodayItem(
                self.tr("Questions answered: %1").replace("%1", str(summary.answers)),
                "questions",
            ),
        ]
        if summary.unsent_notes or summary.unsent_answers:
            items.append(
                TodayItem(
                    self.tr(
                        "Not yet sent to the organisers: %1 notes, %2 answers. "
                        "Use File ▸ Send to organisers…"
                    )
                    .replace("%1", str(summary.unsent_notes))
                    .replace("%2", str(summary.unsent_answers)),
                    tone="changed",
                )
            )
        else:
            items.append(
                TodayItem(self.tr("Everything you can share has been sent to the organisers."))
            )
        self.now_model.set_items(tuple(items))
        self.refreshed.emit()

    def _session_item(self, s: Session, *, with_day: bool = False) -> TodayItem:
        text = session_line(s, clocks=self.ctx.clocks).replace(
            "CONFIDENTIAL", self.tr("CONFIDENTIAL")
        )
        now = self.ctx.now().astimezone(self.ctx.timezone)
        if with_day and s.start.date() != now.date():
            text = f"{day_short(s.start)} {text}"
        return TodayItem(
            text, "programme", "session", s.id, "confidential" if s.confidential else ""
        )

    def _change_item(self, c: ChangeItem) -> TodayItem:
        section = "visit" if c.target_kind == "stop" else "programme"
        if c.change == "new":
            text = self.tr("New: %1").replace("%1", c.title)
        elif c.change == "cancelled":
            text = self.tr("Cancelled: %1").replace("%1", c.title)
            section = ""
        else:
            details = change_details(c.fields)
            text = self.tr("Changed: %1").replace("%1", c.title)
            if details:
                text += f" ({details})"
        return TodayItem(text, section, c.target_kind, c.target_uid, c.change)

    # --- actions --------------------------------------------------------------------------

    @Slot(QModelIndex)
    def on_activated(self, index: QModelIndex) -> None:
        item = index.data(Qt.ItemDataRole.UserRole)
        if isinstance(item, TodayItem) and item.section:
            self.ctx.navigate.emit(item.section, item.kind, item.uid)

    @Slot()
    def on_mark_seen(self) -> None:
        if self.today is None or not self.today.changes:
            return
        event_id = self.ctx.event_id
        ids = [c.id for c in self.today.changes]
        self.mark_seen.setEnabled(False)
        self.ctx.worker.submit(
            lambda store: mark_seen(store, event_id, ids),
            lambda _n: self.refresh(),
        )

    @Slot()
    def on_pretend(self) -> None:
        chosen = self.pretend_edit.dateTime().toSecsSinceEpoch()
        self.ctx.set_pretend_time(
            dt.datetime.fromtimestamp(chosen, dt.UTC).astimezone(self.ctx.timezone)
        )

    @Slot()
    def on_real_time(self) -> None:
        self.ctx.set_pretend_time(None)
        self._reset_pretend_edit()
