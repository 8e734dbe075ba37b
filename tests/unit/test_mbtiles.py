"""MBTiles maps are hostile SQLite files: read-only, immutable, time-limited, tables only."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from fieldvisit.domain import geo
from fieldvisit.domain.errors import UserError
from fieldvisit.interop.mbtiles import MBTilesError, MBTilesFile

TILE = b"\x89PNG not really"


def _make(path: Path, build: Callable[[sqlite3.Connection], None]) -> Path:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
    con.executemany(
        "INSERT INTO metadata VALUES (?, ?)",
        [("name", "t"), ("format", "png"), ("bounds", "4.2,52.0,4.4,52.1"), ("minzoom", "1")],
    )
    build(con)
    con.commit()
    con.close()
    return path


def _plain(con: sqlite3.Connection) -> None:
    con.execute(
        "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, "
        "tile_data BLOB)"
    )
    con.execute("INSERT INTO tiles VALUES (1, 0, ?, ?)", (geo.tms_row(0, 1), TILE))


def _deduplicated(con: sqlite3.Connection) -> None:
    """The layout mbutil and TileMill write: tables map and images, and a tiles view."""
    con.execute(
        "CREATE TABLE map (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_id TEXT)"
    )
    con.execute("CREATE TABLE images (tile_id TEXT, tile_data BLOB)")
    con.execute("INSERT INTO map VALUES (1, 0, ?, 'a')", (geo.tms_row(0, 1),))
    con.execute("INSERT INTO images VALUES ('a', ?)", (TILE,))
    # A view that would never finish if it were run: the reader must not run it.
    con.execute(
        "CREATE VIEW tiles AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
        "SELECT map.zoom_level AS zoom_level, map.tile_column AS tile_column, "
        "map.tile_row AS tile_row, images.tile_data AS tile_data "
        "FROM map JOIN images ON images.tile_id = map.tile_id, n"
    )


def _fingerprint(folder: Path) -> dict[str, tuple[str, int]]:
    return {
        p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in folder.iterdir()
    }


def test_a_plain_map_is_read_and_never_changed(tmp_path: Path) -> None:
    path = _make(tmp_path / "map.mbtiles", _plain)
    path.chmod(0o444)  # read-only on disk too: opening must not need to write
    before = _fingerprint(tmp_path)
    tiles = MBTilesFile(path)
    try:
        assert tiles.tile_bytes(1, 0, 0) == TILE
        assert tiles.tile_bytes(1, 1, 1) is None
        assert tiles.tile_bytes(40, 0, 0) is None and tiles.tile_bytes(1, -1, 0) is None
        assert (tiles.min_zoom, tiles.max_zoom) == (1, 1)
        assert tiles.bounds == (4.2, 52.0, 4.4, 52.1)
    finally:
        tiles.close()
    assert _fingerprint(tmp_path) == before  # no journal, no -wal/-shm, same bytes


def test_the_deduplicated_layout_is_read_through_its_tables_not_its_view(tmp_path: Path) -> None:
    tiles = MBTilesFile(_make(tmp_path / "dedup.mbtiles", _deduplicated), query_seconds=5)
    try:
        assert tiles.tile_bytes(1, 0, 0) == TILE  # the endless view was not run
    finally:
        tiles.close()


@pytest.mark.parametrize(
    ("build", "problem"),
    [
        (
            lambda con: con.execute(
                "CREATE VIEW tiles AS SELECT 1 AS zoom_level, 0 AS tile_column, "
                "0 AS tile_row, x'00' AS tile_data"
            ),
            "tiles are not in plain tables",
        ),
        (lambda con: None, "tiles are not in plain tables"),
    ],
)
def test_tiles_only_reachable_through_a_view_are_refused(
    tmp_path: Path, build: Callable[[sqlite3.Connection], None], problem: str
) -> None:
    with pytest.raises(MBTilesError, match=problem) as caught:
        MBTilesFile(_make(tmp_path / "view.mbtiles", build))
    assert isinstance(caught.value, UserError)
    assert str(caught.value).startswith("view.mbtiles: ")


def test_metadata_as_a_view_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "meta.mbtiles"
    con = sqlite3.connect(path)
    _plain(con)
    con.execute("CREATE VIEW metadata AS SELECT 'name' AS name, 'x' AS value")
    con.commit()
    con.close()
    with pytest.raises(MBTilesError, match="metadata is not a plain table"):
        MBTilesFile(path)


def test_triggers_never_fire_and_the_file_is_unchanged(tmp_path: Path) -> None:
    def with_trigger(con: sqlite3.Connection) -> None:
        _plain(con)
        con.execute("CREATE TABLE log (x)")
        con.execute("CREATE TRIGGER t AFTER INSERT ON tiles BEGIN INSERT INTO log VALUES (1); END")

    path = _make(tmp_path / "trig.mbtiles", with_trigger)
    before = _fingerprint(tmp_path)
    tiles = MBTilesFile(path)
    try:
        assert tiles.tile_bytes(1, 0, 0) == TILE
        with pytest.raises(sqlite3.Error):  # nothing can be written, so nothing fires
            tiles._con.execute("INSERT INTO tiles VALUES (2, 0, 0, x'00')")
    finally:
        tiles.close()
    assert _fingerprint(tmp_path) == before


def test_every_query_has_a_time_limit(tmp_path: Path) -> None:
    tiles = MBTilesFile(_make(tmp_path / "map.mbtiles", _plain), query_seconds=0.05)
    try:
        with pytest.raises(MBTilesError, match=r"took longer than 0\.05 s"):
            tiles._query(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
                "SELECT count(*) FROM n"
            )
        assert tiles.tile_bytes(1, 0, 0) == TILE  # the next query gets its own time
    finally:
        tiles.close()


def test_no_extension_can_be_loaded_and_the_schema_is_untrusted(tmp_path: Path) -> None:
    tiles = MBTilesFile(_make(tmp_path / "map.mbtiles", _plain))
    try:
        with pytest.raises(sqlite3.Error):
            tiles._con.execute("SELECT load_extension('/nonexistent/evil')")
        assert tiles._con.execute("PRAGMA trusted_schema").fetchone() == (0,)
        assert tiles._con.execute("PRAGMA query_only").fetchone() == (1,)
    finally:
        tiles.close()


@pytest.mark.parametrize(
    "data", [b"", b"not sqlite at all", b"SQLite format 3\x00" + b"\xff" * 200]
)
def test_not_an_mbtiles_file(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "broken.mbtiles"
    path.write_bytes(data)
    with pytest.raises(MBTilesError, match=r"broken\.mbtiles: "):
        MBTilesFile(path)


def test_odd_metadata_does_not_break_the_map(tmp_path: Path) -> None:
    def odd(con: sqlite3.Connection) -> None:
        _plain(con)
        con.execute("UPDATE metadata SET value='abc' WHERE name='minzoom'")
        con.execute("INSERT INTO metadata VALUES ('maxzoom', '99999999999999999999999')")
        con.execute("UPDATE metadata SET value='1,2,3,400' WHERE name='bounds'")

    tiles = MBTilesFile(_make(tmp_path / "odd.mbtiles", odd))
    try:
        assert (tiles.min_zoom, tiles.max_zoom, tiles.bounds) == (1, 30, None)
    finally:
        tiles.close()
