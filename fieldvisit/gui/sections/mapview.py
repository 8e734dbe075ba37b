"""The offline map: MBTiles, a georeferenced picture, or a schematic of the stops.

All three are painted by one widget with one camera (a centre and a fractional zoom).
MBTiles and pictures use Web Mercator pixels; the schematic uses an equirectangular
projection around the stops in metres at the same ground scale. Nothing here can reach
the network: there is no QtNetwork import, and tiles come only from the local file.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QToolButton, QWidget

from fieldvisit.domain import geo
from fieldvisit.gui.sections.tiles import MBTiles
from fieldvisit.gui.theme import is_dark

# The map's own colours (the tiles are what they are): light, and dark when the palette is.
MAP_LIGHT = {
    "ground": "#eef1ec",
    "ink": "#222222",
    "text": "#333333",
    "grid": "#d6dbd2",
    "tile": "#dfe3dc",
    "card": "#ffffffbe",
}
MAP_DARK = {
    "ground": "#1c211d",
    "ink": "#e3e6e1",
    "text": "#e3e6e1",
    "grid": "#323a33",
    "tile": "#262c27",
    "card": "#1f2227c8",
}

MODE_EMPTY = "empty"
MODE_SCHEMATIC = "schematic"
MODE_IMAGE = "image"
MODE_MBTILES = "mbtiles"
ZOOM_STEP = 0.5
PAN_STEP_PX = 60


@dataclass(frozen=True, slots=True)
class MapStop:
    """A stop as the map draws it: its number in the route and where it is."""

    id: str
    number: int
    title: str
    lat: float
    lon: float


class MapView(QWidget):
    """Pan with a drag or the arrow keys; zoom with the wheel, +/- or the buttons."""

    view_changed = Signal()
    stop_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Map of the visit"))
        self.setMinimumSize(240, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.mode = MODE_EMPTY
        self.stops: list[MapStop] = []
        self.route: list[geo.LatLon] = []
        self.attribution = ""
        self.empty_text = self.tr("No map: the stops of this visit have no coordinates.")
        self.current_id: str | None = None
        self.next_id: str | None = None
        self._tiles: MBTiles | None = None
        self._image: QImage | None = None
        self._image_bounds: geo.Bounds | None = None
        self._projection: geo.LocalProjection | None = None
        self._centre: geo.LatLon = (0.0, 0.0)
        self._zoom = 14.0
        self._min_zoom, self._max_zoom = 1.0, 20.0
        self._drag_from: QPointF | None = None
        self._user_moved = False  # until then, the view follows the widget's size

        bar = QHBoxLayout()
        bar.setContentsMargins(6, 6, 6, 6)
        for text, name, tip, slot in (
            ("+", self.tr("Zoom in"), self.tr("Zoom in (+)"), self.zoom_in),
            ("\N{MINUS SIGN}", self.tr("Zoom out"), self.tr("Zoom out (-)"), self.zoom_out),
            (
                "\N{NORTH EAST AND SOUTH WEST ARROW}",
                self.tr("Show the whole route"),
                self.tr("Show the whole route"),
                self.fit,
            ),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.setAccessibleName(name)
            button.setToolTip(tip)
            button.setAutoRaise(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            bar.addWidget(button)
        bar.addStretch(1)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(bar)
        outer.setAlignment(bar, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

    def sizeHint(self) -> QSize:
        return QSize(520, 420)

    # --- content ----------------------------------------------------------------------

    def set_content(
        self,
        stops: list[MapStop],
        route: list[geo.LatLon],
        *,
        tiles: MBTiles | None = None,
        image: QImage | None = None,
        image_bounds: geo.Bounds | None = None,
        attribution: str = "",
    ) -> None:
        """Choose the best base layer available and fit the route into view."""
        if self._tiles is not None and self._tiles is not tiles:
            self._tiles.close()
        self.stops = [s for s in stops if geo.valid_latlon(s.lat, s.lon)]
        self.route = [p for p in route if geo.valid_latlon(*p)]
        self._tiles = tiles
        self._image = image if image is not None and not image.isNull() else None
        self._image_bounds = image_bounds if self._image is not None else None
        points = self._points()
        self._projection = geo.projection_for(points)
        self.attribution = attribution
        if tiles is not None:
            self.mode = MODE_MBTILES
            self._min_zoom = max(0.0, tiles.min_zoom - 1.0)
            self._max_zoom = tiles.max_zoom + 2.0
            self.attribution = attribution or tiles.attribution
        elif self._image is not None and self._image_bounds is not None:
            self.mode = MODE_IMAGE
            self._min_zoom, self._max_zoom = 1.0, 20.0
        elif self._projection is not None:
            self.mode = MODE_SCHEMATIC
            self._min_zoom, self._max_zoom = 1.0, 20.0
        else:
            self.mode = MODE_EMPTY
        self.fit()

    def set_highlight(self, current_id: str | None, next_id: str | None) -> None:
        self.current_id, self.next_id = current_id, next_id
        self.update()

    def _points(self) -> list[geo.LatLon]:
        return [(s.lat, s.lon) for s in self.stops] + list(self.route)

    # --- camera -----------------------------------------------------------------------

    @property
    def zoom(self) -> float:
        return self._zoom

    @property
    def centre(self) -> geo.LatLon:
        return self._centre

    @Slot()
    def fit(self) -> None:
        """Show the whole route (the "fit" button, 0 key, and every resize until the
        delegate pans or zooms)."""
        self._user_moved = False
        box = geo.bounds_of(self._points())
        if box is None and self._tiles is not None:
            box = self._tiles.bounds
        if box is None and self._image_bounds is not None:
            box = self._image_bounds
        if box is None:
            self.update()
            return
        west, south, east, north = box
        x0, y0 = geo.to_world_px(north, west, 0)
        x1, y1 = geo.to_world_px(south, east, 0)
        width = max(self.width() - 90, 120)
        height = max(self.height() - 110, 100)
        span_x, span_y = max(x1 - x0, 1e-9), max(y1 - y0, 1e-9)
        zoom = math.log2(min(width / span_x, height / span_y))
        self._centre = geo.from_world_px((x0 + x1) / 2, (y0 + y1) / 2, 0)
        self._set_zoom(min(zoom, 17.0))

    def _set_zoom(self, zoom: float) -> None:
        self._zoom = max(self._min_zoom, min(self._max_zoom, zoom))
        self.update()
        self.view_changed.emit()

    @Slot()
    def zoom_in(self) -> None:
        self._user_moved = True
        self._set_zoom(self._zoom + ZOOM_STEP)

    @Slot()
    def zoom_out(self) -> None:
        self._user_moved = True
        self._set_zoom(self._zoom - ZOOM_STEP)

    def pan_by(self, dx: float, dy: float) -> None:
        """Move the view by screen pixels (positive dx shows more of the east)."""
        self._user_moved = True
        scale = 2.0**self._zoom
        cx, cy = geo.to_world_px(*self._centre, 0)
        self._centre = geo.from_world_px(cx + dx / scale, cy + dy / scale, 0)
        self.update()
        self.view_changed.emit()

    def metres_per_px(self) -> float:
        return geo.metres_per_px(self._projection_lat(), 0) / 2.0**self._zoom

    def _projection_lat(self) -> float:
        return self._projection.centre_lat if self._projection else self._centre[0]

    def to_screen(self, lat: float, lon: float) -> QPointF:
        """Where a point is drawn in widget coordinates."""
        half_w, half_h = self.width() / 2, self.height() / 2
        if self.mode == MODE_SCHEMATIC and self._projection is not None:
            k = 1.0 / self.metres_per_px()
            e, n = self._projection.to_metres(lat, lon)
            ce, cn = self._projection.to_metres(*self._centre)
            return QPointF(half_w + (e - ce) * k, half_h - (n - cn) * k)
        scale = 2.0**self._zoom
        x, y = geo.to_world_px(lat, lon, 0)
        cx, cy = geo.to_world_px(*self._centre, 0)
        return QPointF(half_w + (x - cx) * scale, half_h + (y - cy) * scale)

    # --- input ------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        moves: dict[Qt.Key, tuple[int, int]] = {
            Qt.Key.Key_Left: (-PAN_STEP_PX, 0),
            Qt.Key.Key_Right: (PAN_STEP_PX, 0),
            Qt.Key.Key_Up: (0, -PAN_STEP_PX),
            Qt.Key.Key_Down: (0, PAN_STEP_PX),
        }
        if key in moves:
            self.pan_by(*moves[Qt.Key(key)])
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_out()
        elif key == Qt.Key.Key_0:
            self.fit()
        else:
            super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            # Zoom about the point under the mouse, as map apps do.
            self._user_moved = True
            pos = event.position()
            dx, dy = pos.x() - self.width() / 2, pos.y() - self.height() / 2
            cx, cy = geo.to_world_px(*self._centre, 0)
            before = 2.0**self._zoom
            target_x, target_y = cx + dx / before, cy + dy / before
            self._set_zoom(self._zoom + steps * ZOOM_STEP)
            after = 2.0**self._zoom
            self._centre = geo.from_world_px(target_x - dx / after, target_y - dy / after, 0)
            self.update()
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag_from = event.position()
            hit = self._stop_at(event.position())
            if hit:
                self.stop_clicked.emit(hit)
        self.setFocus(Qt.FocusReason.MouseFocusReason)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_from is not None:
            delta = event.position() - self._drag_from
            self._drag_from = event.position()
            self.pan_by(-delta.x(), -delta.y())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._drag_from = None

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._user_moved:
            self.fit()

    def _stop_at(self, pos: QPointF) -> str | None:
        for stop in self.stops:
            p = self.to_screen(stop.lat, stop.lon)
            if (p - pos).manhattanLength() < 16:
                return stop.id
        return None

    # --- painting ---------------------------------------------------------------------

    _ink = MAP_LIGHT

    def _c(self, name: str) -> QColor:
        value = self._ink[name]
        if len(value) == 9:  # #rrggbbaa
            colour = QColor(value[:7])
            colour.setAlpha(int(value[7:], 16))
            return colour
        return QColor(value)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._ink = MAP_DARK if is_dark(self.palette()) else MAP_LIGHT
        painter.fillRect(self.rect(), self._c("ground"))
        if self.mode == MODE_EMPTY:
            painter.setPen(self._c("text"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            painter.end()
            return
        if self.mode == MODE_MBTILES:
            self._paint_tiles(painter)
        elif self.mode == MODE_IMAGE:
            self._paint_image(painter)
        else:
            self._paint_grid(painter)
        self._paint_route(painter)
        self._paint_stops(painter)
        self._paint_scale_bar(painter)
        self._paint_north_arrow(painter)
        self._paint_attribution(painter)
        painter.end()

    def _paint_tiles(self, painter: QPainter) -> None:
        tiles = self._tiles
        assert tiles is not None
        level = int(max(tiles.min_zoom, min(tiles.max_zoom, round(self._zoom))))
        size = geo.TILE_SIZE * 2.0 ** (self._zoom - level)
        cx, cy = geo.to_world_px(*self._centre, 0)
        # the centre in pixels at the tile level, scaled to the current fractional zoom
        origin_x = self.width() / 2 - cx * 2.0**self._zoom
        origin_y = self.height() / 2 - cy * 2.0**self._zoom
        first_x = max(0, math.floor(-origin_x / size))
        first_y = max(0, math.floor(-origin_y / size))
        last = (1 << level) - 1
        last_x = min(last, math.floor((self.width() - origin_x) / size))
        last_y = min(last, math.floor((self.height() - origin_y) / size))
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for ty in range(first_y, last_y + 1):
            for tx in range(first_x, last_x + 1):
                target = QRectF(origin_x + tx * size, origin_y + ty * size, size + 0.5, size + 0.5)
                image = tiles.tile(level, tx, ty)
                if image is None:
                    painter.fillRect(target, self._c("tile"))
                else:
                    painter.drawImage(target, image)

    def _paint_image(self, painter: QPainter) -> None:
        assert self._image is not None and self._image_bounds is not None
        west, south, east, north = self._image_bounds
        top_left = self.to_screen(north, west)
        bottom_right = self.to_screen(south, east)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(QRectF(top_left, bottom_right), self._image)

    def _paint_grid(self, painter: QPainter) -> None:
        """The schematic's background: a faint grid at the scale bar's spacing."""
        step_m = geo.nice_length(self.metres_per_px() * 120)
        if step_m <= 0:
            return
        step_px = step_m / self.metres_per_px()
        painter.setPen(QPen(self._c("grid"), 1))
        x = (self.width() / 2) % step_px
        while x < self.width():
            painter.drawLine(QPointF(x, 0), QPointF(x, self.height()))
            x += step_px
        y = (self.height() / 2) % step_px
        while y < self.height():
            painter.drawLine(QPointF(0, y), QPointF(self.width(), y))
            y += step_px

    def _paint_route(self, painter: QPainter) -> None:
        line = self.route or [(s.lat, s.lon) for s in self.stops]
        if len(line) < 2:
            return
        polygon = QPolygonF([self.to_screen(lat, lon) for lat, lon in line])
        painter.setPen(
            QPen(
                self._c("card"),
                7,
                Qt.PenStyle.SolidLine,
                Qt.PenCapStyle.RoundCap,
                Qt.PenJoinStyle.RoundJoin,
            )
        )
        painter.drawPolyline(polygon)
        painter.setPen(
            QPen(
                QColor("#1f5fbf"),
                4,
                Qt.PenStyle.SolidLine,
                Qt.PenCapStyle.RoundCap,
                Qt.PenJoinStyle.RoundJoin,
            )
        )
        painter.drawPolyline(polygon)

    def _stop_groups(self) -> list[list[MapStop]]:
        """Stops at the same place (a visit that ends where it began) share one marker."""
        groups: dict[tuple[float, float], list[MapStop]] = {}
        for stop in self.stops:
            groups.setdefault((round(stop.lat, 5), round(stop.lon, 5)), []).append(stop)
        return list(groups.values())

    def _paint_stops(self, painter: QPainter) -> None:
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        metrics = QFontMetrics(font)
        for group in self._stop_groups():
            p = self.to_screen(group[0].lat, group[0].lon)
            ids = {stop.id for stop in group}
            label = ", ".join(str(stop.number) for stop in group)
            radius = 11.0
            fill = QColor("#1f5fbf")
            if self.current_id in ids:
                radius, fill = 15.0, QColor("#d9480f")
            elif self.next_id in ids:
                radius, fill = 13.0, QColor("#2b8a3e")
            half = max(radius, metrics.horizontalAdvance(label) / 2 + 6)
            shape = QRectF(p.x() - half, p.y() - radius, 2 * half, 2 * radius)
            if self.current_id in ids:
                painter.setPen(QPen(fill, 3))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(shape.adjusted(-6, -6, 6, 6), radius + 6, radius + 6)
            painter.setPen(QPen(QColor("white"), 2))
            painter.setBrush(QBrush(fill))
            painter.drawRoundedRect(shape, radius, radius)
            painter.setPen(QColor("white"))
            painter.drawText(shape, Qt.AlignmentFlag.AlignCenter, label)

    def _paint_scale_bar(self, painter: QPainter) -> None:
        mpp = self.metres_per_px()
        length_m = geo.nice_length(mpp * 140)
        if length_m <= 0:
            return
        px = length_m / mpp
        x0, y0 = 14.0, self.height() - 26.0
        painter.setPen(QPen(self._c("ink"), 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        path = QPainterPath(QPointF(x0, y0 - 6))
        path.lineTo(x0, y0)
        path.lineTo(x0 + px, y0)
        path.lineTo(x0 + px, y0 - 6)
        painter.fillRect(QRectF(x0 - 4, y0 - 22, px + 8, 28), self._c("card"))
        painter.drawPath(path)
        painter.drawText(
            QRectF(x0, y0 - 22, px, 16), Qt.AlignmentFlag.AlignCenter, geo.length_label(length_m)
        )

    def _paint_north_arrow(self, painter: QPainter) -> None:
        cx, top = self.width() - 26.0, 14.0
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._c("card"))
        painter.drawEllipse(QPointF(cx, top + 18), 17, 17)
        painter.setBrush(self._c("ink"))
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(cx, top + 4),
                    QPointF(cx + 7, top + 24),
                    QPointF(cx, top + 19),
                    QPointF(cx - 7, top + 24),
                ]
            )
        )
        painter.setPen(self._c("ink"))
        painter.drawText(
            QRectF(cx - 10, top + 22, 20, 14), Qt.AlignmentFlag.AlignCenter, self.tr("N")
        )

    def _paint_attribution(self, painter: QPainter) -> None:
        text = self.attribution or (
            self.tr("Schematic from the stops' coordinates") if self.mode == MODE_SCHEMATIC else ""
        )
        if not text:
            return
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        painter.setFont(font)
        metrics = QFontMetrics(font)
        width = min(metrics.horizontalAdvance(text) + 20, self.width() - 8)
        rect = QRectF(
            self.width() - width - 4,
            self.height() - metrics.height() - 8,
            width,
            metrics.height() + 4,
        )
        painter.fillRect(rect, self._c("card"))
        painter.setPen(self._c("text"))
        painter.drawText(
            rect.adjusted(6, 0, -6, 0),
            Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(text, Qt.TextElideMode.ElideLeft, int(width - 10)),
        )
