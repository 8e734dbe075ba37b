"""The Visit section: the itinerary's stops, the current and next stop, the offline map."""

from __future__ import annotations

import dataclasses
import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    Qt,
    QTimer,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import QImage, QImageReader
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fieldvisit.domain.model import Itinerary, Stop
from fieldvisit.gui.context import AppContext
from fieldvisit.gui.formatting import day_month
from fieldvisit.gui.listmodel import RowsModel
from fieldvisit.gui.safe_text import SafeTextBrowser
from fieldvisit.gui.section import Section
from fieldvisit.gui.sections.common import HtmlDelegate, day_hm, hm
from fieldvisit.gui.sections.mapview import MapStop, MapView
from fieldvisit.gui.sections.tiles import MBTiles, MBTilesError
from fieldvisit.services import visit
from fieldvisit.services.store import Store
from fieldvisit.services.visit import VisitData

MAX_IMAGE_PIXELS = 12_000 * 12_000
CLOCK_TICK_MS = 30_000


@dataclass(frozen=True, slots=True)
class StopLine:
    number: int
    stop: Stop
    host: str
    state: str  # "current" | "next" | ""
    visited: bool


class StopsModel(RowsModel[StopLine]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone_name = "UTC"

    def row_data(self, line: StopLine, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._html(line)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{line.number}. {line.stop.title} {line.state}"
        return None

    def _html(self, line: StopLine) -> str:
        from zoneinfo import ZoneInfo

        zone = ZoneInfo(self.zone_name)
        stop = line.stop
        times = hm(stop.planned_start, zone)
        if stop.planned_end:
            times += "\N{EN DASH}" + hm(stop.planned_end, zone)
        badge = ""
        if line.state == "current":
            badge = ' <span style="color:#d9480f"><b>' + html.escape(self.tr("Now")) + "</b></span>"
        elif line.state == "next":
            badge = (
                ' <span style="color:#2b8a3e"><b>' + html.escape(self.tr("Next")) + "</b></span>"
            )
        if line.visited:
            badge += ' <span style="color:#666">✓ ' + html.escape(self.tr("visited")) + "</span>"
        sub = " · ".join(html.escape(p) for p in (times, stop.address) if p)
        return f"<b>{line.number}. {html.escape(stop.title)}</b>{badge}<br>{sub}"

    def row_of(self, stop_id: str) -> int:
        return self.find(lambda r: r.stop.id == stop_id)


class VisitSection(Section):
    """The field visit of the current event."""

    section_name = "visit"

    loaded = Signal()
    gpx_written = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.data = VisitData("", "")
        self._wanted_stop = ""  # a stop asked for (show_target) before the stops loaded
        self.itinerary: Itinerary | None = None
        self.current_id: str | None = None
        self.next_id: str | None = None
        self.map_problem = ""

        self.itinerary_box = QComboBox(self)
        self.itinerary_box.setAccessibleName(self.tr("Itinerary"))
        self.itinerary_box.currentIndexChanged.connect(self.on_itinerary_chosen)
        self.now_label = QLabel(self)
        self.now_label.setWordWrap(True)
        self.now_label.setAccessibleName(self.tr("Current and next stop"))
        self.model = StopsModel(self)
        self.list = QListView(self)
        self.list.setAccessibleName(self.tr("Stops"))
        self.list.setModel(self.model)
        self.list.setItemDelegate(HtmlDelegate(self.list))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.selectionModel().currentChanged.connect(self.on_current_stop_changed)
        self.detail = SafeTextBrowser(self)
        self.detail.setAccessibleName(self.tr("Stop details"))
        self.detail.setOpenLinks(False)
        self.detail.anchorClicked.connect(self.on_link)
        self.note_button = QPushButton(self.tr("&Note at this stop"), self)
        self.note_button.setToolTip(self.tr("Start a note attached to the selected stop"))
        self.note_button.clicked.connect(self.on_note_clicked)
        self.visited_button = QPushButton(self.tr("&Mark visited"), self)
        self.visited_button.setCheckable(True)
        self.visited_button.setToolTip(self.tr("Tick off the selected stop"))
        self.visited_button.clicked.connect(self.on_visited_clicked)
        self.gpx_button = QPushButton(self.tr("Export GP&X…"), self)
        self.gpx_button.setToolTip(self.tr("Save the route and stops for a GPS or map app"))
        self.gpx_button.clicked.connect(self.on_export_gpx)
        self.map = MapView(self)
        self.map.stop_clicked.connect(self.select_stop)

        left = QWidget(self)
        lay = QVBoxLayout(left)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.itinerary_box)
        lay.addWidget(self.now_label)
        lay.addWidget(self.list, 2)
        lay.addWidget(self.detail, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.note_button)
        buttons.addWidget(self.visited_button)
        buttons.addStretch(1)
        buttons.addWidget(self.gpx_button)
        lay.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.map)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([420, 600])
        # An event without a field visit: one clear line instead of empty panes.
        self.no_visit = QLabel(self.tr("This event has no field visit."), self)
        self.no_visit.setObjectName("no_visit")
        self.no_visit.setWordWrap(True)
        self.no_visit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_visit.hide()
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.addWidget(self.no_visit)
        layout.addWidget(splitter)

        self._tick = QTimer(self, interval=CLOCK_TICK_MS)
        self._tick.timeout.connect(self.on_clock)
        self._tick.start()
        ctx.clock_changed.connect(self.on_clock)
        self._set_enabled(False)
        self.reload()

    # --- loading ----------------------------------------------------------------------

    def reload(self) -> None:
        event_id = self.ctx.event_id
        self.ctx.worker.submit(lambda store: visit.load_visit(store, event_id), self._on_loaded)

    @Slot(str)
    def on_event_changed(self, _event_id: str) -> None:
        self.reload()

    @Slot(str)
    def on_content_changed(self, event_id: str) -> None:
        if event_id == self.ctx.event_id:
            self.reload()

    def _on_loaded(self, data: VisitData) -> None:
        if data.event_id != self.ctx.event_id:
            return  # an older request
        self.data = data
        self.model.zone_name = self.ctx.timezone.key
        self.itinerary_box.blockSignals(True)
        self.itinerary_box.clear()
        for it in data.itineraries:
            self.itinerary_box.addItem(it.title, it.id)
        self.itinerary_box.setVisible(len(data.itineraries) > 1)
        self.itinerary_box.blockSignals(False)
        self._show_itinerary(data.itineraries[0] if data.itineraries else None)
        self._load_map()
        if self._wanted_stop:  # asked for before the stops had loaded
            wanted, self._wanted_stop = self._wanted_stop, ""
            self.show_target("stop", wanted)

    @Slot(int)
    def on_itinerary_chosen(self, index: int) -> None:
        if 0 <= index < len(self.data.itineraries):
            self._show_itinerary(self.data.itineraries[index])
            self._load_map()

    def _set_enabled(self, on: bool) -> None:
        for w in (self.note_button, self.visited_button, self.gpx_button):
            w.setEnabled(on)

    def _show_itinerary(self, itinerary: Itinerary | None) -> None:
        self.itinerary = itinerary
        self._set_enabled(itinerary is not None and bool(itinerary.stops))
        self.no_visit.setVisible(itinerary is None)
        self.splitter.setVisible(itinerary is not None)
        if itinerary is None:
            self.model.set_rows([])
            self.now_label.setText(self.tr("This event has no field visit."))
            self.detail.clear()
            self.loaded.emit()
            return
        self._refresh_lines()
        row = self.model.row_of(self.current_id or self.next_id or "")
        self.list.setCurrentIndex(self.model.index(max(row, 0), 0))
        self.loaded.emit()

    def _refresh_lines(self) -> None:
        if self.itinerary is None:
            return
        self.current_id, self.next_id = visit.current_and_next(self.itinerary.stops, self.ctx.now())
        selected = self._selected_stop()
        lines = [
            StopLine(
                i + 1,
                stop,
                self.data.hosts[stop.host_id].name
                if stop.host_id and stop.host_id in self.data.hosts
                else "",
                "current"
                if stop.id == self.current_id
                else "next"
                if stop.id == self.next_id
                else "",
                stop.id in self.data.visited,
            )
            for i, stop in enumerate(self.itinerary.stops)
        ]
        self.model.set_rows(lines)
        if selected is not None:
            self.list.setCurrentIndex(self.model.index(self.model.row_of(selected.id), 0))
        self.now_label.setText(self._now_text(lines))
        self.map.set_highlight(self.current_id, self.next_id)

    def _now_text(self, lines: list[StopLine]) -> str:
        by_id = {line.stop.id: line for line in lines}
        parts: list[str] = []
        if self.current_id:
            line = by_id[self.current_id]
            parts.append(self.tr("Now: {0}. {1}").format(line.number, line.stop.title))
        if self.next_id:
            line = by_id[self.next_id]
            start = line.stop.planned_start
            zone = self.ctx.timezone
            same_day = start is not None and (
                start.astimezone(zone).date() == self.ctx.now().astimezone(zone).date()
            )
            when = hm(start, zone) if same_day else day_hm(start, zone)
            parts.append(
                self.tr("Next: {0}. {1} at {2}").format(line.number, line.stop.title, when)
            )
        if not parts:
            return self._state_text(lines)
        return "   ".join(parts)

    def _state_text(self, lines: list[StopLine]) -> str:
        """Neither a current nor a next stop: say precisely why."""
        zone = self.ctx.timezone
        ends = [
            line.stop.planned_end or line.stop.planned_start
            for line in lines
            if line.stop.planned_end or line.stop.planned_start
        ]
        if not lines:
            return self.tr("This visit has no stops.")
        if not ends:
            return self.tr("The stops of this visit have no times.")
        last = max(e for e in ends if e is not None).astimezone(zone)
        if self.ctx.now() >= last:
            return (
                self.tr("The visit ended on %1 at %2.")
                .replace("%1", day_month(last))
                .replace("%2", f"{last:%H:%M}")
            )
        return self.tr("No stop is planned at this time.")

    def _load_map(self) -> None:
        itinerary = self.itinerary
        stops = [
            MapStop(s.id, i + 1, s.title, s.lat, s.lon)
            for i, s in enumerate(itinerary.stops if itinerary else ())
            if s.lat is not None and s.lon is not None
        ]
        route = list(itinerary.route) if itinerary else []
        layer = self.data.map
        self.map_problem = ""
        self.map.empty_text = (
            self.tr("No map: the stops of this visit have no coordinates.")
            if itinerary
            else self.tr("This event has no field visit.")
        )
        if layer is None or layer.kind not in ("mbtiles", "image") or not self.data.pack_file:
            self.map.set_content(stops, route)
            return
        pack = self.ctx.paths.packs / self.data.pack_file
        cache = self.ctx.paths.cache

        def job(store: Store) -> Path:
            return visit.extract_map(pack, layer, cache, store.key)

        def done(path: Path) -> None:
            try:
                if layer.kind == "mbtiles":
                    tiles = MBTiles(path)
                    self.map.set_content(stops, route, tiles=tiles, attribution=layer.attribution)
                    return
                image = _read_image(path)
                if image is not None and layer.bounds is not None:
                    self.map.set_content(
                        stops,
                        route,
                        image=image,
                        image_bounds=layer.bounds,
                        attribution=layer.attribution,
                    )
                    return
                self.map_problem = self.tr("the map picture cannot be read")
            except MBTilesError as exc:
                self.map_problem = str(exc)
            self.map.set_content(stops, route)

        def failed(exc: Exception) -> None:
            self.map_problem = str(exc)
            self.map.set_content(stops, route)

        self.ctx.worker.submit(job, done, failed)

    # --- the selected stop --------------------------------------------------------------

    def note_target(self) -> tuple[str, str] | None:
        """The selected stop: Ctrl+N makes a note at it."""
        stop = self._selected_stop()
        return ("stop", stop.id) if stop is not None else None

    def _selected_stop(self) -> Stop | None:
        line = self.model.current(self.list)
        return line.stop if line is not None else None

    @Slot(QModelIndex, QModelIndex)
    def on_current_stop_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.detail.clear()
            return
        line = self.model.row_at(current.row())
        self.visited_button.setChecked(line.visited)
        self.visited_button.setText(
            self.tr("Visited ✓") if line.visited else self.tr("&Mark visited")
        )
        self.detail.setHtml(self._detail_html(line))

    def _detail_html(self, line: StopLine) -> str:
        stop = line.stop
        zone = self.ctx.timezone
        esc = html.escape
        out = [f"<h3>{line.number}. {esc(stop.title)}</h3>"]
        if stop.planned_start:
            times = day_hm(stop.planned_start, zone)
            if stop.planned_end:
                times += "\N{EN DASH}" + hm(stop.planned_end, zone)
            out.append(
                "<p><b>" + esc(self.tr("Time")) + f":</b> {esc(times)} ({esc(zone.key)})</p>"
            )
        if stop.address:
            out.append("<p><b>" + esc(self.tr("Address")) + f":</b> {esc(stop.address)}</p>")
        if stop.host_id:
            host = self.data.hosts.get(stop.host_id)
            name = host.name if host else stop.host_id
            out.append(
                "<p><b>"
                + esc(self.tr("Host"))
                + f':</b> <a href="contact:{esc(stop.host_id)}">{esc(name)}</a>'
                + f' · <a href="note-person:{esc(stop.host_id)}">'
                + esc(self.tr("Note on this person"))
                + "</a></p>"
            )
        if stop.briefing:
            out.append(f"<p>{esc(stop.briefing)}</p>")
        if stop.etiquette:
            out.append(_box(self.tr("Etiquette"), stop.etiquette, "#fff4d6", "#8a5a00"))
        if stop.safety:
            out.append(_box(self.tr("Safety"), stop.safety, "#fde2e1", "#a61b1b"))
        if stop.directions_to_next:
            out.append(
                "<p><b>"
                + esc(self.tr("To the next stop"))
                + f":</b> {esc(stop.directions_to_next)}</p>"
            )
        return "".join(out)

    @Slot(QUrl)
    def on_link(self, url: QUrl) -> None:
        if url.scheme() == "contact":
            self.ctx.navigate.emit("contacts", "person", url.path())
        elif url.scheme() == "note-person":
            self.ctx.note_requested.emit("person", url.path())

    def select_stop(self, stop_id: str) -> None:
        row = self.model.row_of(stop_id)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))

    def show_target(self, kind: str, uid: str) -> None:
        if kind == "stop" and self.data.event_id != self.ctx.event_id:
            self._wanted_stop = uid  # the first visit builds this section: not loaded yet
            return
        if kind == "stop":
            for i, it in enumerate(self.data.itineraries):
                if any(s.id == uid for s in it.stops):
                    if it is not self.itinerary:
                        self.itinerary_box.setCurrentIndex(i)
                    break
            self.select_stop(uid)

    @Slot()
    def on_clock(self) -> None:
        self._refresh_lines()

    # --- actions ----------------------------------------------------------------------

    @Slot()
    def on_note_clicked(self) -> None:
        stop = self._selected_stop()
        if stop is not None:
            self.ctx.navigate.emit("notes", "stop", stop.id)
            section = self._notes_section()
            if section is not None:
                section.new_note("stop", stop.id)

    def _notes_section(self) -> Any:
        from fieldvisit.gui.sections.notes import NotesSection

        window = self.window()
        return window.findChild(NotesSection) if window is not None else None

    @Slot(bool)
    def on_visited_clicked(self, checked: bool) -> None:
        stop = self._selected_stop()
        if stop is None:
            return
        event_id = self.ctx.event_id

        def done(_result: None) -> None:
            # Only the marks changed: keep the map (and where the delegate panned it).
            visited = set(self.data.visited)
            (visited.add if checked else visited.discard)(stop.id)
            self.data = dataclasses.replace(self.data, visited=frozenset(visited))
            self._refresh_lines()
            self.on_current_stop_changed(self.list.currentIndex(), QModelIndex())
            self.loaded.emit()

        self.ctx.worker.submit(
            lambda store: visit.set_visited(store, event_id, stop.id, checked), done
        )

    @Slot()
    def on_export_gpx(self) -> None:
        if self.itinerary is None:
            return
        suggested = str(Path.home() / f"{_file_stem(self.itinerary.title)}.gpx")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the itinerary as GPX"), suggested, self.tr("GPX files (*.gpx)")
        )
        if not path:
            return
        itinerary = self.itinerary
        title = self.data.event_title

        def job(_store: Store) -> str:
            from fieldvisit.services.exports import write_itinerary

            write_itinerary(itinerary, Path(path), event_title=title)
            return path

        def failed(exc: Exception) -> None:
            QMessageBox.warning(self, self.tr("GPX not written"), str(exc))

        self.ctx.worker.submit(job, self.gpx_written.emit, failed)


def _box(title: str, text: str, background: str, colour: str) -> str:
    # The text colour is fixed too: on a dark palette the default light text would vanish
    # on these light boxes.
    return (
        f'<table width="100%" cellpadding="6" style="background:{background};'
        f'margin-top:6px"><tr><td style="color:#1d1d1d"><b style="color:{colour}">'
        f"{html.escape(title)}</b><br>{html.escape(text)}</td></tr></table>"
    )


def _file_stem(title: str) -> str:
    keep = "".join(c if c.isalnum() or c in "-_ " else "_" for c in title).strip()
    return keep.replace(" ", "-")[:60] or "itinerary"


def _read_image(path: Path) -> QImage | None:
    """Decode a map picture, refusing absurd sizes before allocating them."""
    reader = QImageReader(str(path))
    size = reader.size()
    if size.isValid() and size.width() * size.height() > MAX_IMAGE_PIXELS:
        return None
    image = reader.read()
    return None if image.isNull() else image
