"""Item models of the programme: sessions as a table, the filter proxy, and My agenda."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import cache
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon

from fieldvisit.domain.agenda import group_rivals, overlaps_with
from fieldvisit.domain.clock import Clocks
from fieldvisit.domain.matching import Matcher
from fieldvisit.domain.model import Session, SessionKind
from fieldvisit.gui.formatting import day_short
from fieldvisit.gui.theme import CONFIDENTIAL

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

SESSION_ROLE = Qt.ItemDataRole.UserRole + 1  # the Session dataclass
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # a sortable value per column
UID_ROLE = Qt.ItemDataRole.UserRole + 3


def kind_label(kind: SessionKind | str) -> str:
    labels = {
        SessionKind.PLENARY: QCoreApplication.translate("Programme", "Plenary"),
        SessionKind.INSPIRATION: QCoreApplication.translate("Programme", "Inspiration session"),
        SessionKind.WORKING_GROUP: QCoreApplication.translate("Programme", "Working group"),
        SessionKind.WORKSHOP: QCoreApplication.translate("Programme", "Workshop"),
        SessionKind.PANEL: QCoreApplication.translate("Programme", "Panel"),
        SessionKind.FIELD_VISIT: QCoreApplication.translate("Programme", "Field visit"),
        SessionKind.BREAK: QCoreApplication.translate("Programme", "Break"),
        SessionKind.ONLINE: QCoreApplication.translate("Programme", "Online"),
        SessionKind.TALK: QCoreApplication.translate("Programme", "Talk"),
    }
    try:
        return labels[SessionKind(kind)]
    except ValueError:
        return str(kind)


@cache
def confidential_icon() -> QIcon:
    from fieldvisit.gui.sections.common import lock_icon

    return lock_icon(QColor(CONFIDENTIAL), 16)


def time_range(session: Session, zone: ZoneInfo | None = None) -> str:
    start, end = session.start, session.end
    if zone is not None:
        start, end = start.astimezone(zone), end.astimezone(zone)
    return f"{start:%H:%M}\u2013{end:%H:%M}"


class SessionTableModel(QAbstractTableModel):
    """The sessions of an event, one row each; columns as in COLUMNS."""

    COLUMNS = ("time", "title", "kind", "room", "track", "speakers")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sessions: tuple[Session, ...] = ()
        self._names: dict[str, str] = {}
        self.clocks: Clocks | None = None  # None: the sessions' own (event) zone only
        self._picked: frozenset[str] = frozenset()
        self._rows: dict[str, int] = {}

    def set_sessions(self, sessions: tuple[Session, ...], speaker_names: dict[str, str]) -> None:
        self.beginResetModel()
        self._sessions = sessions
        self._names = speaker_names
        self._rows = {s.id: i for i, s in enumerate(sessions)}
        self.endResetModel()

    def set_clocks(self, clocks: Clocks | None) -> None:
        """The second clock changed: the time column says both times where they differ."""
        self.clocks = clocks
        if self._sessions:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._sessions) - 1, 0))

    def set_picked(self, picked: frozenset[str]) -> None:
        if picked == self._picked:
            return
        self._picked = picked
        if self._sessions:
            self.dataChanged.emit(
                self.index(0, 1),
                self.index(len(self._sessions) - 1, 1),
                [Qt.ItemDataRole.FontRole, Qt.ItemDataRole.DisplayRole],
            )

    def session_at(self, row: int) -> Session:
        return self._sessions[row]

    def row_of(self, uid: str) -> int:
        return self._rows.get(uid, -1)

    def speakers(self, session: Session) -> str:
        return ", ".join(self._names.get(i, i) for i in session.speaker_ids)

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._sessions)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        titles = (
            self.tr("Time"),
            self.tr("Title"),
            self.tr("Kind"),
            self.tr("Room"),
            self.tr("Track"),
            self.tr("Speakers"),
        )
        return titles[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._sessions):
            return None
        s = self._sessions[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "time":
                # The list shows one day at a time (day tabs); the second clock beside.
                return self.clocks.span(s.start, s.end) if self.clocks else time_range(s)
            if column == "title":
                mark = "★ " if s.id in self._picked else ""
                return mark + s.title
            if column == "kind":
                return kind_label(s.kind)
            if column == "room":
                return s.room or (self.tr("Online") if s.online_url else "")
            if column == "track":
                return s.track
            return self.speakers(s)
        if role == SORT_ROLE:
            if column == "time":
                return s.start.timestamp()
            return str(self.data(index, Qt.ItemDataRole.DisplayRole) or "").casefold()
        if role == SESSION_ROLE:
            return s
        if role == UID_ROLE:
            return s.id
        if role == Qt.ItemDataRole.ToolTipRole and column == "time":
            return f"{day_short(s.start)} {time_range(s)}"
        if role == Qt.ItemDataRole.ToolTipRole and column == "title":
            return s.title + ("\n" + self.tr("Confidential") if s.confidential else "")
        if role == Qt.ItemDataRole.ForegroundRole and column == "title" and s.confidential:
            return QBrush(QColor(CONFIDENTIAL))
        if role == Qt.ItemDataRole.DecorationRole and column == "title" and s.confidential:
            # Not only red text: a padlock, and "Confidential" in the tooltip and for readers.
            return confidential_icon()
        if role == Qt.ItemDataRole.FontRole and column == "title" and s.id in self._picked:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.AccessibleTextRole and column == "title":
            parts = [s.title]
            if s.confidential:
                parts.append(self.tr("confidential"))
            if s.id in self._picked:
                parts.append(self.tr("in my agenda"))
            return ", ".join(parts)
        return None


class SessionFilterProxy(QSortFilterProxyModel):
    """Filters by day, kind, room, track, free text (title, speakers, description)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.day: dt.date | None = None
        self.kind = ""
        self.rooms: frozenset[str] = frozenset()  # empty: every room
        self.tracks: frozenset[str] = frozenset()
        self.text = ""
        self.matcher = Matcher("")
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_filters(
        self,
        *,
        day: dt.date | None = None,
        kind: str = "",
        room: str = "",
        track: str = "",
        rooms: frozenset[str] = frozenset(),
        tracks: frozenset[str] = frozenset(),
        text: str = "",
    ) -> None:
        """`rooms`/`tracks`: the chosen ones (empty: all); `room`/`track`: one of them."""
        self.beginFilterChange()
        self.day, self.kind = day, kind
        self.rooms = rooms | ({room} if room else set())
        self.tracks = tracks | ({track} if track else set())
        self.text = text.strip()
        self.matcher = Matcher(self.text)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def accepts(self, s: Session, speakers: str) -> bool:
        if self.day is not None and s.start.date() != self.day:
            return False
        if self.kind and s.kind != self.kind:
            return False
        if self.rooms and s.room not in self.rooms:
            return False
        if self.tracks and s.track not in self.tracks:
            return False
        if self.text:
            return self.matcher.matches(s.title, speakers, s.room, s.track, s.description)
        return True

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, SessionTableModel):
            return True
        s = model.session_at(source_row)
        return self.accepts(s, model.speakers(s) if self.text else "")


class TrackListModel(QAbstractItemModel):
    """The visible sessions of a day grouped by track, with full titles (FOSDEM Companion's
    track list): tracks at the top level, their sessions below in time order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.groups: list[tuple[str, list[Session]]] = []

    def set_sessions(self, sessions: Iterable[Session], no_track: str) -> None:
        self.beginResetModel()
        grouped: dict[str, list[Session]] = {}
        for s in sorted(sessions, key=lambda x: (x.start, x.end, x.title)):
            grouped.setdefault(s.track or no_track, []).append(s)
        self.groups = sorted(grouped.items(), key=lambda g: (g[0] == no_track, g[0].casefold()))
        self.endResetModel()

    def index(self, row: int, column: int, parent: _Index = _ROOT) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        # internalId 0: a track row; n > 0: a session of the track in row n - 1.
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < len(self.groups) else QModelIndex()
        if parent.internalId() != 0:
            return QModelIndex()
        group = parent.row()
        if 0 <= group < len(self.groups) and row < len(self.groups[group][1]):
            return self.createIndex(row, 0, group + 1)
        return QModelIndex()

    def _group_of(self, index: _Index) -> int:
        """-1 for a track row, else the track's row for a session row."""
        return int(index.internalId()) - 1

    def parent(self, index: _Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        group = self._group_of(index)
        return QModelIndex() if group < 0 else self.createIndex(group, 0, 0)

    def rowCount(self, parent: _Index = _ROOT) -> int:
        if not parent.isValid():
            return len(self.groups)
        if self._group_of(parent) < 0 and parent.row() < len(self.groups):
            return len(self.groups[parent.row()][1])
        return 0

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 1

    def session(self, index: _Index) -> Session | None:
        if not index.isValid():
            return None
        group = self._group_of(index)
        if group < 0:
            return None
        return self.groups[group][1][index.row()]

    def index_of(self, uid: str) -> QModelIndex:
        for g, (_track, sessions) in enumerate(self.groups):
            for r, s in enumerate(sessions):
                if s.id == uid:
                    return self.createIndex(r, 0, g + 1)
        return QModelIndex()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        s = self.session(index)
        if s is None:
            track, sessions = self.groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{track} ({len(sessions)})"
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            where = f" · {s.room}" if s.room else ""
            return f"{time_range(s)}{where}\n{s.title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return s.title
        if role == Qt.ItemDataRole.DecorationRole and s.confidential:
            return confidential_icon()
        if role == Qt.ItemDataRole.AccessibleTextRole:
            extra = ", " + self.tr("confidential") if s.confidential else ""
            return f"{time_range(s)} {s.room}: {s.title}{extra}"
        if role == UID_ROLE:
            return s.id
        return None


class AgendaModel(QAbstractListModel):
    """My agenda: picked sessions in time order, each with its overlap/group warnings."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: tuple[Session, ...] = ()
        self._warnings: dict[str, str] = {}

    def set_agenda(self, sessions: Iterable[Session], picked: frozenset[str]) -> None:
        chosen = tuple(sorted((s for s in sessions if s.id in picked), key=lambda s: s.start))
        warnings: dict[str, str] = {}
        for s in chosen:
            rivals = group_rivals(s, chosen)
            clashes = overlaps_with(s, chosen)
            if rivals:
                warnings[s.id] = self.tr("Only one of this group per slot: %1").replace(
                    "%1", ", ".join(r.title for r in rivals)
                )
            elif clashes:
                warnings[s.id] = self.tr("Overlaps with %1").replace(
                    "%1", ", ".join(c.title for c in clashes)
                )
        self.beginResetModel()
        self._items = chosen
        self._warnings = warnings
        self.endResetModel()

    def warning(self, uid: str) -> str:
        return self._warnings.get(uid, "")

    @property
    def overlap_count(self) -> int:
        return len(self._warnings)

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        s = self._items[index.row()]
        warning = self._warnings.get(s.id, "")
        if role == Qt.ItemDataRole.DisplayRole:
            text = f"{day_short(s.start)} {time_range(s)}  {s.title}"
            if s.room:
                text += f" · {s.room}"
            return text + (f"\n⚠ {warning}" if warning else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return warning or None
        if role == Qt.ItemDataRole.ForegroundRole and warning:
            return QBrush(QColor("#b06a00"))
        if role == SESSION_ROLE:
            return s
        if role == UID_ROLE:
            return s.id
        return None
