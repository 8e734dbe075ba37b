"""MBTiles for the map view: tiles read through the hardened reader, decoded, cached.

The SQLite reading (read-only, immutable, untrusted schema, a time limit on every query,
views and triggers never run) is fieldvisit/interop/mbtiles.py's; this adds what needs Qt:
decoding tile images, and a small LRU cache so panning back and forth does not re-read
the file.
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

from PySide6.QtGui import QImage

from fieldvisit.domain import geo
from fieldvisit.interop.mbtiles import MBTilesError, MBTilesFile

__all__ = ["CACHE_TILES", "MBTiles", "MBTilesError"]

CACHE_TILES = 256


class MBTiles:
    """An open MBTiles file. Use from the GUI thread only (one sqlite3 connection)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file = MBTilesFile(path)
        self.metadata = self._file.metadata
        self.min_zoom = self._file.min_zoom
        self.max_zoom = self._file.max_zoom
        self.bounds: geo.Bounds | None = self._file.bounds
        self._cache: OrderedDict[tuple[int, int, int], QImage | None] = OrderedDict()
        self.reads = 0  # tiles read from the file (for tests of lazy reading)

    @property
    def attribution(self) -> str:
        return self._file.attribution

    def tile(self, zoom: int, x: int, y: int) -> QImage | None:
        """The tile at XYZ (x, y from the north) or None when the set has none there."""
        key = (zoom, x, y)
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        image: QImage | None = None
        n = 1 << zoom
        if 0 <= x < n and 0 <= y < n:
            data = self._file.tile_bytes(zoom, x, y)
            self.reads += 1
            if data:
                decoded = QImage.fromData(data)
                image = None if decoded.isNull() else decoded
        self._cache[key] = image
        if len(self._cache) > CACHE_TILES:
            self._cache.popitem(last=False)
        return image

    def close(self) -> None:
        self._file.close()
