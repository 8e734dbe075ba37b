"""Visit service: current/next stop rules and safe extraction of the pack's map member."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.domain.model import MapLayer, Stop
from fieldvisit.services.visit import current_and_next, extract_map

T = dt.datetime(2017, 2, 15, 9, 0, tzinfo=dt.UTC)


def stop(uid: str, start: int | None, end: int | None = None) -> Stop:
    def at(minutes: int | None) -> dt.datetime | None:
        return None if minutes is None else T + dt.timedelta(minutes=minutes)

    return Stop(id=uid, title=uid, planned_start=at(start), planned_end=at(end))


def test_current_and_next() -> None:
    stops = [stop("a", 0, 30), stop("b", 40), stop("untimed", None), stop("c", 90, 120)]
    assert current_and_next(stops, T - dt.timedelta(minutes=5)) == (None, "a")
    assert current_and_next(stops, T + dt.timedelta(minutes=10)) == ("a", "b")
    assert current_and_next(stops, T + dt.timedelta(minutes=35)) == (None, "b")
    # "b" has no end: it lasts until "c" starts
    assert current_and_next(stops, T + dt.timedelta(minutes=60)) == ("b", "c")
    assert current_and_next(stops, T + dt.timedelta(minutes=200)) == (None, None)
    assert current_and_next([], T) == (None, None)


def _pack(tmp_path: Path, members: dict[str, bytes]) -> Path:
    pack = tmp_path / "event.fvpack"
    with zipfile.ZipFile(pack, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return pack


def test_extract_map_once_and_reuse(tmp_path: Path) -> None:
    pack = _pack(tmp_path, {"map/area.png": b"png-bytes"})
    layer = MapLayer(kind="image", filename="area.png")
    first = extract_map(pack, layer, tmp_path / "cache")
    assert first.read_bytes() == b"png-bytes"
    mtime = first.stat().st_mtime_ns
    assert extract_map(pack, layer, tmp_path / "cache") == first
    assert first.stat().st_mtime_ns == mtime
    assert not list((tmp_path / "cache" / "maps").glob("*.part"))


@pytest.mark.parametrize("name", ["../evil.png", "a/b.png", "", "..", "c:\\x.png"])
def test_extract_map_refuses_unsafe_names(tmp_path: Path, name: str) -> None:
    pack = _pack(tmp_path, {"map/x.png": b"x"})
    with pytest.raises(InvalidInputError):
        extract_map(pack, MapLayer(kind="image", filename=name), tmp_path / "cache")


def test_extract_map_missing_member_or_broken_pack(tmp_path: Path) -> None:
    pack = _pack(tmp_path, {"documents/x.md": b"x"})
    with pytest.raises(InvalidInputError, match=r"no map/area\.png"):
        extract_map(pack, MapLayer(kind="image", filename="area.png"), tmp_path / "c")
    broken = tmp_path / "broken.fvpack"
    broken.write_bytes(b"not a zip")
    with pytest.raises(InvalidInputError):
        extract_map(broken, MapLayer(kind="image", filename="area.png"), tmp_path / "c")
