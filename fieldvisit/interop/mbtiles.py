"""Reading an MBTiles map (an SQLite file the organisers put in the pack), as hostile input.

An SQLite file is a program as much as data: its schema can hold views and triggers whose
SQL runs when they are read, and a crafted file can make a query run for a very long time.
So the file is opened:

- read-only and immutable (`file:...?mode=ro&immutable=1`): never written, never locked,
  no journal rolled back into it;
- with `PRAGMA trusted_schema=OFF` (functions with side effects and virtual tables are
  refused inside the schema) and extension loading disabled;
- with a time limit on every query (a progress handler interrupts it), so no file can
  freeze the map;
- and read only through its tables: `metadata` and `tiles` must be tables, or the usual
  deduplicating layout whose `tiles` view joins the tables `map` and `images`, which are
  then read directly with this module's own query. The file's own views and triggers never
  run; a map whose data is only reachable through them is refused.

No Qt here: decoding tile images and caching them is the GUI's (gui/sections/tiles.py).
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

from fieldvisit.domain import geo
from fieldvisit.domain.errors import InvalidInputError

QUERY_SECONDS = 2.0  # per query; a tile or the metadata takes milliseconds
_PROGRESS_STEPS = 1000  # SQLite VM instructions between two looks at the clock
MAX_METADATA_ROWS = 1000
MAX_TILE_BYTES = 4 << 20

_TILES_TABLE = (
    "SELECT tile_data FROM tiles WHERE zoom_level=? AND tile_column=? AND tile_row=?",
    "SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles",
)
_TILES_JOINED = (
    "SELECT images.tile_data FROM map JOIN images ON images.tile_id = map.tile_id "
    "WHERE map.zoom_level=? AND map.tile_column=? AND map.tile_row=?",
    "SELECT MIN(zoom_level), MAX(zoom_level) FROM map",
)


class MBTilesError(InvalidInputError):
    """The file is not a readable MBTiles raster set, or is refused."""


def _uri(path: Path) -> str:
    return f"{path.resolve().as_uri()}?mode=ro&immutable=1"


class MBTilesFile:
    """An open MBTiles file: metadata, zoom range, bounds and raw tile bytes.

    One sqlite3 connection: use it from the thread that opened it.
    """

    def __init__(self, path: Path, *, query_seconds: float = QUERY_SECONDS) -> None:
        self.path = Path(path)
        self.query_seconds = query_seconds
        self._deadline = 0.0
        try:
            self._con = sqlite3.connect(_uri(self.path), uri=True)
        except sqlite3.Error as exc:
            raise self._refuse(f"not an MBTiles file ({exc})") from exc
        try:
            self._harden()
            self._tile_sql, zoom_sql = self._layout()
            rows = self._query("SELECT name, value FROM metadata", many=MAX_METADATA_ROWS)
            zooms = self._query(zoom_sql)
        except MBTilesError:
            self.close()
            raise
        except sqlite3.Error as exc:
            self.close()
            raise self._refuse(f"not an MBTiles file ({exc})") from exc
        self.metadata = {str(k): str(v) for k, v in rows}
        zoom = zooms[0] if zooms else None
        if zoom is None or zoom[0] is None:
            self.close()
            raise self._refuse("holds no tiles")
        self.min_zoom = _int(self.metadata.get("minzoom"), zoom[0])
        self.max_zoom = _int(self.metadata.get("maxzoom"), zoom[1])
        self.bounds = _bounds(self.metadata.get("bounds", ""))

    def _refuse(self, problem: str) -> MBTilesError:
        return MBTilesError(problem, path=self.path.name)

    def _harden(self) -> None:
        con = self._con
        if hasattr(con, "enable_load_extension"):  # absent when SQLite was built without it
            con.enable_load_extension(False)
        con.execute("PRAGMA trusted_schema=OFF")
        con.execute("PRAGMA query_only=ON")
        con.set_progress_handler(self._over_time, _PROGRESS_STEPS)

    def _over_time(self) -> int:
        """SQLite's progress handler: non-zero interrupts the running query."""
        return 1 if time.monotonic() > self._deadline else 0

    def _query(self, sql: str, params: tuple[Any, ...] = (), *, many: int = 1) -> list[Any]:
        self._deadline = time.monotonic() + self.query_seconds
        try:
            return self._con.execute(sql, params).fetchmany(many)
        except sqlite3.OperationalError as exc:
            if "interrupt" in str(exc):
                raise self._refuse(
                    f"a query took longer than {self.query_seconds:g} s: refused"
                ) from exc
            raise

    def _layout(self) -> tuple[str, str]:
        """Which queries read the tiles, from the tables alone; refuse anything else."""
        kinds = {
            str(name): str(kind)
            for name, kind in self._query(
                "SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view')",
                many=10_000,
            )
        }
        if kinds.get("metadata") != "table":
            raise self._refuse("refused: its metadata is not a plain table")
        if kinds.get("tiles") == "table":
            return _TILES_TABLE
        if kinds.get("map") == "table" and kinds.get("images") == "table":
            return _TILES_JOINED  # the tiles view is not run: its tables are read directly
        raise self._refuse("refused: its tiles are not in plain tables")

    @property
    def attribution(self) -> str:
        return self.metadata.get("attribution", "")

    def tile_bytes(self, zoom: int, x: int, y: int) -> bytes | None:
        """The encoded tile at XYZ (y from the north), or None when there is none there
        (outside the set, unreadable, over the size limit, or too slow to read)."""
        if not 0 <= zoom <= 30 or not (0 <= x < (1 << zoom) and 0 <= y < (1 << zoom)):
            return None
        try:
            rows = self._query(self._tile_sql, (zoom, x, geo.tms_row(y, zoom)))
        except (sqlite3.Error, MBTilesError):
            return None
        data = rows[0][0] if rows else None
        if not isinstance(data, bytes) or not data or len(data) > MAX_TILE_BYTES:
            return None
        return data

    def close(self) -> None:
        self._con.close()


def _int(text: str | None, default: object) -> int:
    """A zoom level from the metadata, else from the tiles, kept within 0-30."""
    for candidate in (text, default):
        try:
            return max(0, min(int(str(candidate)), 30))
        except (TypeError, ValueError):
            continue
    return 0


def _bounds(text: str) -> geo.Bounds | None:
    try:
        west, south, east, north = (float(v) for v in text.split(","))
    except ValueError:
        return None
    if not all(-180 <= v <= 180 for v in (west, east)) or not all(
        -90 <= v <= 90 for v in (south, north)
    ):
        return None
    return west, south, east, north
