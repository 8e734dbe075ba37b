"""Visit section: current/next stop by pretend time, note at a stop, GPX, the three map modes."""

from __future__ import annotations

import sqlite3
import zipfile
from collections.abc import Iterator
from pathlib import Path

import gpxpy
import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, QUrl
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QHBoxLayout, QToolButton, QWidget
from section_helpers import EVENT, STOPS, aware, seed_event

from fieldvisit.domain import geo
from fieldvisit.gui.context import AppContext
from fieldvisit.gui.sections.mapview import MODE_IMAGE, MODE_MBTILES, MODE_SCHEMATIC
from fieldvisit.gui.sections.notes import NotesSection
from fieldvisit.gui.sections.visit import VisitSection
from fieldvisit.services.store import Store
from fieldvisit.storage.models import SeenRow

TILE_ZOOM = 15
RED = QColor("#c8102e")


def _png(colour: QColor, w: int = 256, h: int = 256) -> bytes:
    image = QImage(w, h, QImage.Format.Format_RGB32)
    image.fill(colour)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stub wants bytes
    return bytes(data.data())


def make_mbtiles(path: Path) -> None:
    """A tiny MBTiles set: red tiles around the stops at one zoom, rows stored TMS-style."""
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE metadata (name text, value text)")
    con.execute(
        "CREATE TABLE tiles (zoom_level integer, tile_column integer, "
        "tile_row integer, tile_data blob)"
    )
    con.executemany(
        "INSERT INTO metadata VALUES (?, ?)",
        [
            ("name", "test"),
            ("format", "png"),
            ("minzoom", str(TILE_ZOOM)),
            ("maxzoom", str(TILE_ZOOM)),
            ("attribution", "© Test tiles contributors"),
        ],
    )
    lats = [s[4] for s in STOPS]
    lons = [s[5] for s in STOPS]
    x0, y0 = geo.tile_of(max(lats) + 0.02, min(lons) - 0.03, TILE_ZOOM)
    x1, y1 = geo.tile_of(min(lats) - 0.02, max(lons) + 0.03, TILE_ZOOM)
    tile = _png(RED)
    for x in range(x0, x1 + 1):
        for y in range(y0, y1 + 1):
            con.execute(
                "INSERT INTO tiles VALUES (?, ?, ?, ?)",
                (TILE_ZOOM, x, geo.tms_row(y, TILE_ZOOM), tile),
            )
    con.commit()
    con.close()


def write_pack(ctx: AppContext, member: str, data: bytes) -> None:
    ctx.paths.packs.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(ctx.paths.packs / "rftf.fvpack", "w") as zf:
        zf.writestr(member, data)


@pytest.fixture
def ctx(data_dir: Path) -> Iterator[AppContext]:
    from section_helpers import app_context

    with app_context(data_dir) as context:
        yield context


def make_section(qtbot, ctx: AppContext) -> VisitSection:
    section = VisitSection(ctx)
    qtbot.addWidget(section)
    section.resize(1200, 760)
    section.show()
    qtbot.waitUntil(lambda: section.model.rowCount() == len(STOPS))
    return section


def test_current_and_next_stop_by_pretend_time(qtbot, ctx, qtmodeltester) -> None:
    seed_event(ctx)
    ctx.set_pretend_time(aware(15, 10, 50))
    section = make_section(qtbot, ctx)
    qtmodeltester.check(section.model)
    assert (section.current_id, section.next_id) == ("st3", "st4")
    assert "Now: 3. Community centre De Mussen" in section.now_label.text()
    assert "Next: 4. Youth work office Schilderswijk at 11:45" in section.now_label.text()
    assert section.list.currentIndex().row() == 2  # the current stop is selected
    assert "Now" in section.model.index(2, 0).data()
    detail = section.detail.toHtml()
    assert "Ask before taking photos" in detail and "Pieter de Vries" in detail
    ctx.set_pretend_time(aware(15, 9, 0))
    assert (section.current_id, section.next_id) == (None, "st1")


def test_note_at_this_stop(qtbot, ctx) -> None:
    seed_event(ctx)
    ctx.set_pretend_time(aware(15, 10, 5))
    window = QWidget()
    qtbot.addWidget(window)
    layout = QHBoxLayout(window)
    section, notes = VisitSection(ctx), NotesSection(ctx)
    layout.addWidget(section)
    layout.addWidget(notes)
    window.show()
    qtbot.waitUntil(lambda: section.model.rowCount() == len(STOPS))
    with qtbot.waitSignal(ctx.navigate) as nav:
        qtbot.mouseClick(section.note_button, Qt.MouseButton.LeftButton)
    assert nav.args == ["notes", "stop", "st2"]
    assert notes.editor.note_id
    qtbot.waitUntil(lambda: "Haagse Markt" in notes.editor.target_label.text())
    with qtbot.waitSignal(notes.saved, timeout=3000):
        qtbot.keyClicks(notes.editor.body, "Market hall busy")


def test_mark_visited(qtbot, ctx) -> None:
    seed_event(ctx)
    section = make_section(qtbot, ctx)
    section.select_stop("st1")
    with qtbot.waitSignal(section.loaded, timeout=3000):
        qtbot.mouseClick(section.visited_button, Qt.MouseButton.LeftButton)

    def seen(store: Store) -> list[str]:
        with store.unit() as s:
            return [r.target_uid for r in s.query(SeenRow).all()]

    assert ctx.worker.run_now(seen) == ["st1"]
    assert "visited" in section.model.index(0, 0).data()


def test_gpx_export_parses(qtbot, ctx, monkeypatch, tmp_path) -> None:
    seed_event(ctx)
    section = make_section(qtbot, ctx)
    target = tmp_path / "visit.gpx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(section.gpx_written, timeout=3000):
        qtbot.mouseClick(section.gpx_button, Qt.MouseButton.LeftButton)
    parsed = gpxpy.parse(target.read_text(encoding="utf-8"))
    assert str(parsed.waypoints[0].name).endswith("Fokker Terminal (departure)")
    assert len(parsed.waypoints) == len(STOPS)


def _stop_pixel(section: VisitSection, stop_id: str) -> QColor:
    stop = next(s for s in section.map.stops if s.id == stop_id)
    p = section.map.to_screen(stop.lat, stop.lon)
    return section.map.grab().toImage().pixelColor(int(p.x()), int(p.y()))


def test_schematic_map_renders_stops_scale_and_highlight(qtbot, ctx, tmp_path) -> None:
    seed_event(ctx)
    ctx.set_pretend_time(aware(15, 10, 50))
    section = make_section(qtbot, ctx)
    assert section.map.mode == MODE_SCHEMATIC
    image = section.map.grab().toImage()
    assert not image.isNull() and image.width() > 200
    assert _stop_pixel(section, "st1").blue() > 150  # a blue numbered stop
    assert _stop_pixel(section, "st3").red() > 180  # the current stop in orange
    section.grab().save(str(tmp_path / "visit.png"))
    section.grab().save("/tmp/fv_visit_schematic.png")


def test_map_pan_and_zoom_keys(qtbot, ctx) -> None:
    seed_event(ctx)
    section = make_section(qtbot, ctx)
    view = section.map
    view.setFocus()
    zoom = view.zoom
    with qtbot.waitSignal(view.view_changed):
        qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.zoom > zoom
    lat, lon = view.centre
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.centre[1] < lon
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert view.centre[0] > lat
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.zoom < zoom
    buttons = {b.accessibleName() for b in view.findChildren(QToolButton)}
    assert {"Zoom in", "Zoom out"} <= buttons


def test_mbtiles_map_reads_tiles_lazily(qtbot, ctx, tmp_path) -> None:
    mbtiles = tmp_path / "area.mbtiles"
    make_mbtiles(mbtiles)
    write_pack(ctx, "map/area.mbtiles", mbtiles.read_bytes())
    seed_event(
        ctx,
        map_data={
            "kind": "mbtiles",
            "filename": "area.mbtiles",
            "attribution": "© Test tiles contributors",
        },
    )
    section = make_section(qtbot, ctx)
    qtbot.waitUntil(lambda: section.map.mode == MODE_MBTILES, timeout=3000)
    image = section.map.grab().toImage()
    corner = image.pixelColor(image.width() // 2, 60)
    assert (corner.red(), corner.green(), corner.blue()) == (RED.red(), RED.green(), RED.blue())
    assert section.map.attribution == "© Test tiles contributors"
    assert section.map._tiles is not None and 0 < section.map._tiles.reads < 200
    assert list((ctx.paths.cache / "maps").glob("*-area.mbtiles"))
    section.map.grab().save("/tmp/fv_visit_mbtiles.png")


def test_image_map_and_bad_map_falls_back(qtbot, ctx) -> None:
    write_pack(ctx, "map/area.png", _png(QColor("#22aa44"), 400, 300))
    seed_event(
        ctx,
        map_data={
            "kind": "image",
            "filename": "area.png",
            "bounds": [4.28, 52.06, 4.35, 52.08],
            "attribution": "Gemeente",
        },
    )
    section = make_section(qtbot, ctx)
    qtbot.waitUntil(lambda: section.map.mode == MODE_IMAGE, timeout=3000)
    image = section.map.grab().toImage()
    probe = image.pixelColor(image.width() // 2, image.height() // 2 + 80)
    assert probe.green() > 150 and probe.red() < 80
    # a pack whose map member is missing: the schematic, and no crash
    write_pack(ctx, "map/other.bin", b"x")
    section.data = section.data.__class__(
        **{**{f: getattr(section.data, f) for f in section.data.__dataclass_fields__}}
    )
    with qtbot.waitSignal(section.loaded):
        section.reload()
    qtbot.waitUntil(lambda: section.map.mode == MODE_SCHEMATIC, timeout=3000)
    assert "area.png" in section.map_problem
    assert EVENT


def test_broken_mbtiles_falls_back_to_schematic(qtbot, ctx) -> None:
    write_pack(ctx, "map/area.mbtiles", b"this is not sqlite at all" * 100)
    seed_event(ctx, map_data={"kind": "mbtiles", "filename": "area.mbtiles"})
    section = make_section(qtbot, ctx)
    qtbot.waitUntil(lambda: bool(section.map_problem), timeout=3000)
    assert section.map.mode == MODE_SCHEMATIC
    assert "not an MBTiles file" in section.map_problem


def test_show_target_selects_stop_and_host_link_navigates(qtbot, ctx) -> None:
    seed_event(ctx)
    section = make_section(qtbot, ctx)
    section.show_target("stop", "st4")
    assert section.list.currentIndex().row() == 3
    section.show_target("stop", "st2")
    with qtbot.waitSignal(ctx.navigate) as nav:
        section.detail.anchorClicked.emit(QUrl("contact:p-host1"))
    assert nav.args == ["contacts", "person", "p-host1"]


def test_event_without_visit(qtbot, ctx) -> None:
    ctx.set_event("no-such-event", "UTC")
    section = VisitSection(ctx)
    qtbot.addWidget(section)
    section.resize(900, 600)
    with qtbot.waitSignal(section.loaded, timeout=3000):
        section.show()
    assert section.now_label.text() == "This event has no field visit."
    assert not section.gpx_button.isEnabled() and not section.note_button.isEnabled()
    assert section.map.mode == "empty"
    assert not section.map.grab().toImage().isNull()


def test_wheel_zooms_about_the_mouse(qtbot, ctx) -> None:
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent

    seed_event(ctx)
    section = make_section(qtbot, ctx)
    view = section.map
    stop = next(s for s in view.stops if s.id == "st3")
    under = view.to_screen(stop.lat, stop.lon)
    zoom = view.zoom
    event = QWheelEvent(
        under,
        view.mapToGlobal(under),
        QPoint(),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view, event)
    assert view.zoom == zoom + 1.0
    after = view.to_screen(stop.lat, stop.lon)
    assert (after - under).manhattanLength() < 2.0
    assert isinstance(after, QPointF)
