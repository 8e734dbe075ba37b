"""The day timeline: rooms (or tracks) side by side, sessions drawn as boxes.

A QAbstractScrollArea that lays the day out once (a rectangle per session) and paints
only the boxes that intersect the visible area, so FOSDEM's 40 rooms and ~500 talks a day
scroll as smoothly as the Hague's two rooms.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QToolTip, QWidget

from fieldvisit.domain.clock import zone_label
from fieldvisit.domain.model import Session
from fieldvisit.gui.eliding import wrap_lines
from fieldvisit.gui.programme.models import time_range
from fieldvisit.gui.theme import CONFIDENTIAL, is_dark, kind_colour

HEADER = 30
GUTTER = 56
MIN_COLUMN = 124
MAX_COLUMN = 260
PER_MINUTE = 1.6
PAD = 3
# Zoom steps (Ctrl+wheel, Ctrl++, Ctrl+-, Ctrl+0 back to 1): time and column width together.
ZOOMS = (0.4, 0.5, 0.625, 0.75, 0.875, 1.0, 1.25, 1.5, 2.0, 2.5, 3.0)


@dataclass(frozen=True, slots=True)
class Box:
    session: Session
    rect: QRectF


class TimelineView(QAbstractScrollArea):
    """Sessions of one day; `session_selected(uid)` on click or keyboard move,
    `session_activated(uid)` on double-click or Enter."""

    session_selected = Signal(str)
    session_activated = Signal(str)
    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Day timeline"))
        self.setAccessibleDescription(
            self.tr("Sessions as boxes, rooms side by side. Arrow keys move between sessions.")
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(False)
        self.viewport().setAutoFillBackground(True)
        self.viewport().setBackgroundRole(QPalette.ColorRole.Base)
        self._boxes: list[Box] = []
        self._columns: list[str] = []
        self._lane_total = 0
        self._day_start = dt.datetime.min.replace(tzinfo=dt.UTC)
        self._minutes = 0
        self._selected = ""
        self._picked: frozenset[str] = frozenset()
        self._now: dt.datetime | None = None
        self.painted_boxes = 0  # how many boxes the last paint drew (visible-only check)
        self._column = MIN_COLUMN
        self._sessions: tuple[Session, ...] = ()
        self._by = "room"
        # The second clock of the ruler (None: the event's time only).
        self.second_zone: dt.tzinfo | None = None
        self._zoom = 1.0
        self._lane_headers: list[tuple[float, float, str]] = []  # x, width, label
        self.no_room = self.tr("No room")
        self.no_track = self.tr("No track")

    # --- zoom -----------------------------------------------------------------------------

    @property
    def zoom(self) -> float:
        return self._zoom

    @property
    def per_minute(self) -> float:
        return PER_MINUTE * self._zoom

    def set_zoom(self, zoom: float) -> None:
        """Zoom time and column width, keeping the top-left moment in view."""
        zoom = max(ZOOMS[0], min(ZOOMS[-1], zoom))
        if zoom == self._zoom:
            return
        top = self._dy() / self.per_minute if self.per_minute else 0.0
        left = self._dx() / self._column if self._column else 0.0
        self._zoom = zoom
        self._layout()
        self.verticalScrollBar().setValue(int(top * self.per_minute))
        self.horizontalScrollBar().setValue(int(left * self._column))
        self.zoom_changed.emit(zoom)

    def zoom_in(self) -> None:
        self.set_zoom(next((z for z in ZOOMS if z > self._zoom + 1e-9), ZOOMS[-1]))

    def zoom_out(self) -> None:
        self.set_zoom(next((z for z in reversed(ZOOMS) if z < self._zoom - 1e-9), ZOOMS[0]))

    def zoom_reset(self) -> None:
        self.set_zoom(1.0)

    # --- data -----------------------------------------------------------------------------

    def set_sessions(
        self, sessions: tuple[Session, ...], by: str = "room", now: dt.datetime | None = None
    ) -> None:
        """Lay out one day's sessions in columns by "room" or "track"."""
        self._now = now
        self._sessions = sessions
        self._by = by
        self._layout()

    def set_second_zone(self, zone: dt.tzinfo | None) -> None:
        self.second_zone = zone
        self.viewport().update()

    def hour_labels(self) -> list[tuple[str, str]]:
        """The ruler, hour by hour: (event time, second clock's time or "")."""
        labels = []
        for hour in range(self._minutes // 60 + 2):
            moment = self._day_start + dt.timedelta(hours=hour)
            second = ""
            zone = self.second_zone
            if zone is not None and moment.utcoffset() != moment.astimezone(zone).utcoffset():
                second = f"{moment.astimezone(zone):%H:%M}"
            labels.append((f"{moment:%H:%M}", second))
        return labels

    def _layout(self) -> None:
        by = self._by
        none = self.no_track if by == "track" else self.no_room
        ordered = sorted(self._sessions, key=lambda s: (s.start, s.end, s.id))
        used: dict[str, int] = {}
        for s in ordered:
            name = (s.track if by == "track" else s.room) or none
            used[name] = used.get(name, 0) + 1
        # Busiest rooms first (the main hall), then by name; sessions without a room last.
        names = sorted(used, key=lambda n: (n == none, -used[n], n.casefold()))
        self._columns = names
        # Overlapping sessions in one column share it in lanes, as real files do that; each
        # lane is a full-width column of its own, with its own header.
        lanes_of: dict[str, list[list[Session]]] = {n: [] for n in names}
        placed: list[tuple[Session, str, int]] = []
        for s in ordered:
            name = (s.track if by == "track" else s.room) or none
            lanes = lanes_of[name]
            for number, lane in enumerate(lanes):
                if lane[-1].end <= s.start:
                    lane.append(s)
                    placed.append((s, name, number))
                    break
            else:
                lanes.append([s])
                placed.append((s, name, len(lanes) - 1))
        lane_count = sum(max(1, len(lanes_of[n])) for n in names)
        available = self.viewport().width() - GUTTER - 8
        fit = available // lane_count if lane_count else MAX_COLUMN
        z = self._zoom
        self._column = int(max(MIN_COLUMN * z, min(MAX_COLUMN * z, fit)))
        column = self._column
        first_lane: dict[str, int] = {}
        headers: list[tuple[float, float, str]] = []
        lane_no_total = 0
        for n in names:
            first_lane[n] = lane_no_total
            count = max(1, len(lanes_of[n]))
            for k in range(count):
                label = n if k == 0 else f"{n} ({k + 1})"
                headers.append((GUTTER + (lane_no_total + k) * column, float(column), label))
            lane_no_total += count
        self._lane_headers = headers
        self._lane_total = lane_no_total
        boxes: list[Box] = []
        if ordered:
            first = min(s.start for s in ordered)
            last = max(s.end for s in ordered)
            self._day_start = first.replace(minute=0, second=0, microsecond=0)
            span = (last - self._day_start).total_seconds() / 60
            self._minutes = int(span) + 30
            for s, name, lane_no in placed:
                x = GUTTER + (first_lane[name] + lane_no) * column
                y = HEADER + self._y(s.start)
                # Never taller than its time (a 14-pixel 5-minute talk would hide the next);
                # text is drawn only where a whole line fits (zoom in for the rest).
                h = max(self._y(s.end) - self._y(s.start), 6.0)
                boxes.append(Box(s, QRectF(x + PAD, y + 1, column - 2 * PAD, h - 2)))
        else:
            self._minutes = 0
        self._boxes = boxes
        if self._selected and not any(b.session.id == self._selected for b in boxes):
            self._selected = ""
        self._update_scrollbars()
        self.viewport().update()

    def set_picked(self, picked: frozenset[str]) -> None:
        self._picked = picked
        self.viewport().update()

    def set_now(self, now: dt.datetime | None) -> None:
        self._now = now
        self.viewport().update()

    @property
    def columns(self) -> list[str]:
        return list(self._columns)

    @property
    def column_headers(self) -> list[str]:
        """What each drawn column's header says (a room with overlapping sessions has
        one column per lane: "Room", "Room (2)")."""
        return [label for _x, _w, label in self._lane_headers]

    @property
    def column_width(self) -> int:
        return self._column

    def session(self, uid: str) -> Session | None:
        return next((b.session for b in self._boxes if b.session.id == uid), None)

    @property
    def session_ids(self) -> list[str]:
        return [b.session.id for b in self._boxes]

    @property
    def selected(self) -> str:
        return self._selected

    def box_rect(self, uid: str) -> QRect | None:
        """Where a session's box is in viewport coordinates (tests click it)."""
        for b in self._boxes:
            if b.session.id == uid:
                return b.rect.translated(-self._dx(), -self._dy()).toRect()
        return None

    def select(self, uid: str, *, emit: bool = False) -> None:
        self._selected = uid
        self.ensure_visible(uid)
        self.viewport().update()
        if emit and uid:
            self.session_selected.emit(uid)

    def ensure_visible(self, uid: str) -> None:
        for b in self._boxes:
            if b.session.id == uid:
                r = b.rect
                vw, vh = self.viewport().width(), self.viewport().height()
                h, v = self.horizontalScrollBar(), self.verticalScrollBar()
                if r.left() - GUTTER < h.value() or r.right() > h.value() + vw:
                    h.setValue(int(r.left() - GUTTER - PAD))
                if r.top() - HEADER < v.value() or r.bottom() > v.value() + vh:
                    v.setValue(int(r.top() - HEADER - 20))
                return

    def scroll_to_time(self, moment: dt.datetime) -> None:
        self.verticalScrollBar().setValue(int(self._y(moment) - 40))

    # --- geometry -------------------------------------------------------------------------

    def _y(self, moment: dt.datetime) -> float:
        return (moment - self._day_start).total_seconds() / 60 * self.per_minute

    def _dx(self) -> int:
        return self.horizontalScrollBar().value()

    def _dy(self) -> int:
        return self.verticalScrollBar().value()

    def content_size(self) -> QSize:
        return QSize(
            GUTTER + self._lane_total * self._column + 8,
            HEADER + int(self._minutes * self.per_minute) + 8,
        )

    def _update_scrollbars(self) -> None:
        size = self.content_size()
        vw, vh = self.viewport().width(), self.viewport().height()
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        h.setRange(0, max(0, size.width() - vw))
        h.setPageStep(vw)
        h.setSingleStep(self._column // 4)
        v.setRange(0, max(0, size.height() - vh))
        v.setPageStep(vh)
        v.setSingleStep(max(1, int(15 * self.per_minute)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._sessions:
            self._layout()
        else:
            self._update_scrollbars()

    def sizeHint(self) -> QSize:
        return QSize(720, 480)

    def _box_at(self, pos: QPoint) -> Box | None:
        x, y = pos.x() + self._dx(), pos.y() + self._dy()
        if pos.y() < HEADER or pos.x() < GUTTER:
            return None
        for b in self._boxes:
            if b.rect.contains(x, y):
                return b
        return None

    # --- painting -------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        dark = is_dark(pal)
        dx, dy = self._dx(), self._dy()
        vw, vh = self.viewport().width(), self.viewport().height()
        visible = QRectF(dx + GUTTER, dy + HEADER, vw - GUTTER, vh - HEADER)
        grid = pal.color(QPalette.ColorRole.Mid)
        grid.setAlpha(70)
        text = pal.color(QPalette.ColorRole.Text)
        if not self._boxes:
            painter.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                self.viewport().rect(),
                Qt.AlignmentFlag.AlignCenter,
                self.tr("No sessions match the filters on this day."),
            )
            return
        # Hour lines.
        painter.save()
        painter.translate(-dx, -dy)
        hours = self._minutes // 60 + 1
        for hour in range(hours + 1):
            y = HEADER + hour * 60 * self.per_minute
            if visible.top() - 60 <= y <= visible.bottom():
                painter.setPen(QPen(grid, 1))
                painter.drawLine(int(visible.left()), int(y), int(visible.right()), int(y))
        # Boxes: only the visible ones.
        fm = QFontMetrics(self.font())
        drawn = 0
        for b in self._boxes:
            if not b.rect.intersects(visible):
                continue
            drawn += 1
            self._paint_box(painter, b, fm, dark, text)
        self.painted_boxes = drawn
        # The now line.
        if self._now is not None and self._boxes:
            y = HEADER + self._y(self._now)
            if HEADER <= y <= HEADER + self._minutes * self.per_minute:
                painter.setPen(QPen(QColor("#d64541"), 2))
                painter.drawLine(int(visible.left()), int(y), int(visible.right()), int(y))
        painter.restore()
        # The fixed header (column names) and gutter (hours).
        base = pal.color(QPalette.ColorRole.Window)
        painter.fillRect(0, 0, vw, HEADER, base)
        painter.fillRect(0, 0, GUTTER, vh, base)
        painter.setPen(text)
        bold = self.font()
        bold.setBold(True)
        painter.setFont(bold)
        bfm = QFontMetrics(bold)
        for left, width, name in self._lane_headers:
            x = int(left) - dx
            column = int(width)
            if x + column < GUTTER or x > vw:
                continue
            painter.setClipRect(GUTTER, 0, vw - GUTTER, HEADER)
            label = bfm.elidedText(name, Qt.TextElideMode.ElideRight, column - 8)
            painter.drawText(
                QRect(x + 4, 0, column - 8, HEADER), Qt.AlignmentFlag.AlignVCenter, label
            )
            if x > GUTTER:
                painter.save()
                painter.setPen(QPen(grid, 1))
                painter.drawLine(x, 4, x, HEADER - 4)
                painter.restore()
        painter.setClipping(False)
        painter.setFont(self.font())
        labels = self.hour_labels()
        second_name = ""
        if self.second_zone is not None and any(s for _, s in labels):
            second_name = zone_label(self.second_zone)
        muted = pal.color(QPalette.ColorRole.PlaceholderText)
        small = self.font()
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.85))
        for hour in range(hours + 1):
            y = HEADER + hour * 60 * self.per_minute - dy
            if HEADER - 8 <= y <= vh:
                event_time, second = labels[hour]
                painter.setPen(text)
                painter.setFont(self.font())
                painter.drawText(
                    QRect(0, int(y) - 8, GUTTER - 8, 16),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    event_time,
                )
                if second:
                    # The second clock under the event's, smaller and muted.
                    painter.setPen(muted)
                    painter.setFont(small)
                    painter.drawText(
                        QRect(0, int(y) + 8, GUTTER - 8, 14),
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                        second,
                    )
        if second_name:
            # Which clock the muted times are, above the ruler.
            painter.setPen(muted)
            painter.setFont(small)
            sfm = QFontMetrics(small)
            painter.drawText(
                QRect(2, 0, GUTTER - 6, HEADER),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                sfm.elidedText(second_name, Qt.TextElideMode.ElideRight, GUTTER - 6),
            )
            painter.setFont(self.font())
        painter.setPen(QPen(grid, 1))
        painter.drawLine(0, HEADER, vw, HEADER)
        painter.drawLine(GUTTER, 0, GUTTER, vh)

    def _paint_box(
        self, painter: QPainter, b: Box, fm: QFontMetrics, dark: bool, text: QColor
    ) -> None:
        s = b.session
        accent = kind_colour(s.kind)
        fill = QColor(accent)
        fill.setAlpha(90 if dark else 45)
        selected = s.id == self._selected
        painter.setPen(
            QPen(self.palette().color(QPalette.ColorRole.Highlight), 2.5)
            if selected
            else QPen(accent, 1)
        )
        painter.setBrush(fill)
        painter.drawRoundedRect(b.rect, 4, 4)
        painter.fillRect(QRectF(b.rect.left(), b.rect.top(), 4, b.rect.height()), accent)
        inner = b.rect.adjusted(8, 2, -4, -2)
        painter.setPen(text)
        line = fm.height()
        head = time_range(s)
        if s.id in self._picked:
            head = "★ " + head
        width = int(inner.width())
        fits = max(0, int(inner.height()) // line)
        top = int(inner.top())
        left = int(inner.left())
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop

        def draw(lines: list[str]) -> None:
            nonlocal top
            for one in lines:
                painter.drawText(QRect(left, top, width, line), flags, one)
                top += line

        if fits < 2:
            # A short box (a break, a 5-minute talk): time and title on the one line there
            # is, or nothing when not even that fits (the focus line and tooltip have it).
            if b.rect.height() >= line:
                one = fm.elidedText(f"{head}  {s.title}", Qt.TextElideMode.ElideRight, width)
                y = int(b.rect.top() + (b.rect.height() - line) / 2)
                painter.drawText(QRect(left, y, width, line), flags, one)
            return
        draw([fm.elidedText(head, Qt.TextElideMode.ElideRight, width)])
        fits -= 1
        if s.confidential and fits >= 2:
            painter.save()
            painter.setPen(QColor(CONFIDENTIAL))
            bold = painter.font()
            bold.setBold(True)
            painter.setFont(bold)
            draw(
                [
                    QFontMetrics(bold).elidedText(
                        self.tr("CONFIDENTIAL"), Qt.TextElideMode.ElideRight, width
                    )
                ]
            )
            painter.restore()
            fits -= 1
        draw(wrap_lines(fm, s.title, width, fits))

    # --- input ----------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        box = self._box_at(event.position().toPoint())
        if box is not None and event.button() == Qt.MouseButton.LeftButton:
            self.select(box.session.id, emit=True)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        box = self._box_at(event.position().toPoint())
        if box is not None:
            self.session_activated.emit(box.session.id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        ids = [b.session.id for b in self._boxes]
        key = event.key()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
                self.zoom_in()
                return
            if key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
                self.zoom_out()
                return
            if key == Qt.Key.Key_0:
                self.zoom_reset()
                return
        if ids and key in (Qt.Key.Key_Down, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Left):
            step = 1 if key in (Qt.Key.Key_Down, Qt.Key.Key_Right) else -1
            current = ids.index(self._selected) if self._selected in ids else -step
            target = max(0, min(len(ids) - 1, current + step))
            self.select(ids[target], emit=True)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._selected:
            self.session_activated.emit(self._selected)
            return
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Ctrl+wheel zooms; Shift+wheel and sideways swipes scroll sideways."""
        delta = event.angleDelta()
        pixels = event.pixelDelta()
        modifiers = event.modifiers()
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            if delta.y() > 0:
                self.zoom_in()
            elif delta.y() < 0:
                self.zoom_out()
            event.accept()
            return
        h = self.horizontalScrollBar()
        if modifiers & Qt.KeyboardModifier.ShiftModifier:
            # Some platforms turn Shift+wheel into a horizontal delta themselves.
            step = delta.y() or delta.x()
            moved = pixels.y() or pixels.x()
            h.setValue(h.value() - (moved if moved else step * h.singleStep() // 40))
            event.accept()
            return
        if delta.x() and abs(delta.x()) >= abs(delta.y()):
            moved = pixels.x()
            h.setValue(h.value() - (moved if moved else delta.x() * h.singleStep() // 40))
            event.accept()
            return
        super().wheelEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            box = self._box_at(event.pos())
            if box is not None:
                s = box.session
                tip = f"{time_range(s)} {s.title}"
                if s.room:
                    tip += f"\n{s.room}"
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)
