"""Map maths without Qt: Web Mercator tiles, a local schematic projection, scale bars, distances."""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from dataclasses import dataclass

EARTH_RADIUS_M = 6_371_008.8  # mean radius (IUGG), what haversine distances use
WEB_MERCATOR_RADIUS_M = 6_378_137.0
TILE_SIZE = 256
MAX_MERCATOR_LAT = 85.05112878  # Web Mercator's square world stops here

LatLon = tuple[float, float]
Bounds = tuple[float, float, float, float]  # west, south, east, north (degrees)


def haversine_m(a: LatLon, b: LatLon) -> float:
    """Great-circle distance in metres between two (lat, lon) points."""
    lat1, lon1 = map(math.radians, a)
    lat2, lon2 = map(math.radians, b)
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def path_length_m(points: Iterable[LatLon]) -> float:
    pts = list(points)
    return sum(haversine_m(p, q) for p, q in itertools.pairwise(pts))


def valid_latlon(lat: float | None, lon: float | None) -> bool:
    return (
        lat is not None
        and lon is not None
        and math.isfinite(lat)
        and math.isfinite(lon)
        and -90.0 <= lat <= 90.0
        and -180.0 <= lon <= 180.0
    )


# --- Web Mercator (EPSG:3857) tiles -------------------------------------------------------


def world_size(zoom: int) -> float:
    """Width (= height) of the whole world in pixels at `zoom`."""
    return float(TILE_SIZE << zoom)


def to_world_px(lat: float, lon: float, zoom: int) -> tuple[float, float]:
    """(x, y) in global pixels at `zoom`, y growing southwards (XYZ/"slippy" convention)."""
    lat = max(-MAX_MERCATOR_LAT, min(MAX_MERCATOR_LAT, lat))
    size = world_size(zoom)
    x = (lon + 180.0) / 360.0 * size
    sin = math.sin(math.radians(lat))
    y = (0.5 - math.log((1 + sin) / (1 - sin)) / (4 * math.pi)) * size
    return x, y


def from_world_px(x: float, y: float, zoom: int) -> LatLon:
    size = world_size(zoom)
    lon = x / size * 360.0 - 180.0
    n = math.pi - 2 * math.pi * y / size
    lat = math.degrees(math.atan(math.sinh(n)))
    return lat, lon


def tile_of(lat: float, lon: float, zoom: int) -> tuple[int, int]:
    """The XYZ tile (column, row from the north) holding a point."""
    x, y = to_world_px(lat, lon, zoom)
    last = (1 << zoom) - 1
    return min(last, max(0, int(x // TILE_SIZE))), min(last, max(0, int(y // TILE_SIZE)))


def tms_row(xyz_row: int, zoom: int) -> int:
    """MBTiles stores rows TMS-style, counted from the south: flip an XYZ row."""
    return (1 << zoom) - 1 - xyz_row


def metres_per_px(lat: float, zoom: int) -> float:
    """Ground resolution of a Web Mercator pixel at a latitude."""
    circumference = 2 * math.pi * WEB_MERCATOR_RADIUS_M
    return circumference * math.cos(math.radians(lat)) / world_size(zoom)


def fit_zoom(
    bounds: Bounds, width_px: int, height_px: int, *, min_zoom: int = 0, max_zoom: int = 19
) -> int:
    """The largest zoom at which `bounds` fits in a width x height viewport."""
    west, south, east, north = bounds
    for zoom in range(max_zoom, min_zoom - 1, -1):
        x0, y0 = to_world_px(north, west, zoom)
        x1, y1 = to_world_px(south, east, zoom)
        if x1 - x0 <= width_px and y1 - y0 <= height_px:
            return zoom
    return min_zoom


# --- a georeferenced picture ---------------------------------------------------------------


def image_fraction(lat: float, lon: float, bounds: Bounds) -> tuple[float, float]:
    """Where a point falls on a north-up picture spanning `bounds`, as (0..1, 0..1) from the
    top-left; Mercator-spaced vertically, the way map exports are drawn."""
    west, south, east, north = bounds
    fx = (lon - west) / (east - west) if east != west else 0.5
    _, y_top = to_world_px(north, 0.0, 0)
    _, y_bottom = to_world_px(south, 0.0, 0)
    _, y = to_world_px(lat, 0.0, 0)
    fy = (y - y_top) / (y_bottom - y_top) if y_bottom != y_top else 0.5
    return fx, fy


# --- a schematic around the stops ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LocalProjection:
    """Equirectangular projection around a centre: metres east and north of it.

    Good to well under 1% over the few kilometres of a field visit, and it keeps angles
    and distances honest enough for a scale bar.
    """

    centre_lat: float
    centre_lon: float

    def to_metres(self, lat: float, lon: float) -> tuple[float, float]:
        k = math.cos(math.radians(self.centre_lat))
        east = math.radians(lon - self.centre_lon) * EARTH_RADIUS_M * k
        north = math.radians(lat - self.centre_lat) * EARTH_RADIUS_M
        return east, north

    def to_latlon(self, east: float, north: float) -> LatLon:
        k = math.cos(math.radians(self.centre_lat)) or 1e-12
        lat = self.centre_lat + math.degrees(north / EARTH_RADIUS_M)
        lon = self.centre_lon + math.degrees(east / (EARTH_RADIUS_M * k))
        return lat, lon


def bounds_of(points: Iterable[LatLon]) -> Bounds | None:
    pts = [p for p in points if valid_latlon(*p)]
    if not pts:
        return None
    lats = [p[0] for p in pts]
    lons = [p[1] for p in pts]
    return min(lons), min(lats), max(lons), max(lats)


def projection_for(points: Iterable[LatLon]) -> LocalProjection | None:
    box = bounds_of(points)
    if box is None:
        return None
    west, south, east, north = box
    return LocalProjection((south + north) / 2, (west + east) / 2)


def nice_length(max_metres: float) -> float:
    """The longest 1, 2 or 5 x 10^n metres not above `max_metres` (scale bar length)."""
    if not math.isfinite(max_metres) or max_metres <= 0:
        return 0.0
    power = 10 ** math.floor(math.log10(max_metres))
    for step in (5, 2, 1):
        if step * power <= max_metres:
            return float(step * power)
    return float(power)


def length_label(metres: float) -> str:
    """ "500 m", "2 km", "1.5 km"."""
    if metres >= 1000:
        km = metres / 1000
        return f"{km:g} km"
    return f"{metres:g} m"
