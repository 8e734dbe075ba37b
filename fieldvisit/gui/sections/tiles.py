"""Read-only MBTiles access: metadata and lazily read raster tiles (XYZ in, TMS on disk).

An .mbtiles file is SQLite; it is opened with `mode=ro` so a hostile or damaged file can
never be written to, and tiles are read only when the map needs them. Decoded tiles are
kept in a small LRU cache so panning back and forth does not re-read the file.
"""

from __future__ import annotations

import sqlite3
from collections import OrderedDict
from pathlib import Path

from PySide6.QtGui import QImage

from fieldvisit.domain import geo

CACHE_TILES = 256
MAX_TILE_BYTES = 4 << 20


class MBTilesError(Exception):
    """The file is not a readable MBTiles raster set."""


class MBTiles:
    """An open MBTiles file. Use from the GUI thread only (one sqlite3 connection)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            rows = self._con.execute("SELECT name, value FROM metadata").fetchall()
            zooms = self._con.execute(
                "SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles"
            ).fetchone()
        except sqlite3.Error as exc:
            raise MBTilesError(f"{path.name}: not an MBTiles file ({exc})") from exc
        self.metadata = {str(k): str(v) for k, v in rows}
        if zooms is None or zooms[0] is None:
            self.close()
            raise MBTilesError(f"{path.name}: holds no tiles")
        self.min_zoom = int(self.metadata.get("minzoom", zooms[0]))
        self.max_zoom = int(self.metadata.get("maxzoom", zooms[1]))
        self.bounds = self._parse_bounds(self.metadata.get("bounds", ""))
        self._cache: OrderedDict[tuple[int, int, int], QImage | None] = OrderedDict()
        self.reads = 0  # tiles read from the file (for tests of lazy reading)

    @staticmethod
    def _parse_bounds(text: str) -> geo.Bounds | None:
        try:
            west, south, east, north = (float(v) for v in text.split(","))
        except ValueError:
            return None
        return west, south, east, north

    @property
    def attribution(self) -> str:
        return self.metadata.get("attribution", "")

    def tile(self, zoom: int, x: int, y: int) -> QImage | None:
        """The tile at XYZ (x, y from the north) or None when the set has none there."""
        key = (zoom, x, y)
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        image: QImage | None = None
        n = 1 << zoom
        if 0 <= x < n and 0 <= y < n:
            try:
                row = self._con.execute(
                    "SELECT tile_data FROM tiles WHERE zoom_level=? AND tile_column=? "
                    "AND tile_row=?",
                    (zoom, x, geo.tms_row(y, zoom)),
                ).fetchone()
            except sqlite3.Error:
                row = None
            self.reads += 1
            if row and row[0] and len(row[0]) <= MAX_TILE_BYTES:
                decoded = QImage.fromData(bytes(row[0]))
                image = None if decoded.isNull() else decoded
        self._cache[key] = image
        if len(self._cache) > CACHE_TILES:
            self._cache.popitem(last=False)
        return image

    def close(self) -> None:
        self._con.close()
