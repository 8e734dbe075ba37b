"""Map maths: tiles and TMS rows, local projection, scale bar lengths, distances."""

from __future__ import annotations

import math

import pytest

from fieldvisit.domain import geo

FOKKER = (52.0687, 4.3370)
HAAGSE_MARKT = (52.0688, 4.2985)
AMSTERDAM_CENTRAAL = (52.3791, 4.9003)


def test_haversine_known_distances() -> None:
    assert geo.haversine_m(FOKKER, FOKKER) == 0
    # The Hague to Amsterdam Centraal is about 50 km as the crow flies
    assert 49_000 < geo.haversine_m(FOKKER, AMSTERDAM_CENTRAAL) < 52_000
    # one degree of latitude is about 111.2 km everywhere
    assert geo.haversine_m((0, 0), (1, 0)) == pytest.approx(111_195, rel=1e-3)
    # antipodes: no math domain error from rounding
    assert geo.haversine_m((0, 0), (0, 180)) == pytest.approx(math.pi * geo.EARTH_RADIUS_M)
    assert geo.path_length_m([FOKKER, HAAGSE_MARKT, FOKKER]) == pytest.approx(
        2 * geo.haversine_m(FOKKER, HAAGSE_MARKT)
    )


def test_web_mercator_world_pixels_and_tiles() -> None:
    assert geo.to_world_px(0, 0, 0) == pytest.approx((128, 128))
    assert geo.to_world_px(0, -180, 1) == pytest.approx((0, 256))
    assert geo.tile_of(0.0001, 0.0001, 1) == (1, 0)
    # The Hague centre at z13, by the OSM wiki formula worked out by hand
    assert geo.tile_of(52.0705, 4.3007, 13) == (4193, 2703)
    for lat, lon in (FOKKER, (-33.9, 18.4), (60.0, -150.0)):
        x, y = geo.to_world_px(lat, lon, 15)
        assert geo.from_world_px(x, y, 15) == pytest.approx((lat, lon), abs=1e-9)
    # poles are clamped to the Mercator square instead of going infinite
    assert geo.to_world_px(90, 0, 0)[1] == pytest.approx(0, abs=1e-6)


def test_tms_row_flip() -> None:
    assert geo.tms_row(0, 0) == 0
    assert geo.tms_row(0, 1) == 1
    assert geo.tms_row(2703, 13) == 8191 - 2703


def test_metres_per_pixel_and_fit_zoom() -> None:
    assert geo.metres_per_px(0, 0) == pytest.approx(156_543.03, rel=1e-6)
    assert geo.metres_per_px(60, 1) == pytest.approx(156_543.03 / 2 / 2, rel=1e-6)
    box = geo.bounds_of([FOKKER, HAAGSE_MARKT])
    assert box is not None
    zoom = geo.fit_zoom(box, 800, 600)
    x0, _ = geo.to_world_px(52.07, box[0], zoom)
    x1, _ = geo.to_world_px(52.07, box[2], zoom)
    assert x1 - x0 <= 800 < 2 * (x1 - x0)


def test_local_projection_round_trip_and_scale() -> None:
    proj = geo.projection_for([FOKKER, HAAGSE_MARKT])
    assert proj is not None
    east, north = proj.to_metres(*FOKKER)
    west_e, _ = proj.to_metres(*HAAGSE_MARKT)
    assert east - west_e == pytest.approx(geo.haversine_m(FOKKER, (FOKKER[0], 4.2985)), rel=1e-3)
    assert proj.to_latlon(east, north) == pytest.approx(FOKKER, abs=1e-9)
    assert geo.projection_for([]) is None
    assert geo.bounds_of([(float("nan"), 1.0), (91.0, 0.0)]) is None


def test_image_fraction() -> None:
    bounds = (4.29, 52.06, 4.34, 52.08)
    assert geo.image_fraction(52.08, 4.29, bounds) == pytest.approx((0, 0))
    assert geo.image_fraction(52.06, 4.34, bounds) == pytest.approx((1, 1))
    fx, fy = geo.image_fraction(52.07, 4.315, bounds)
    assert fx == pytest.approx(0.5)
    assert 0.49 < fy < 0.51


@pytest.mark.parametrize(
    ("limit", "expected", "label"),
    [
        (1234, 1000, "1 km"),
        (499, 200, "200 m"),
        (0.7, 0.5, "0.5 m"),
        (5000, 5000, "5 km"),
        (2600, 2000, "2 km"),
    ],
)
def test_scale_bar_lengths(limit: float, expected: float, label: str) -> None:
    assert geo.nice_length(limit) == expected
    assert geo.length_label(expected) == label


def test_scale_bar_degenerate() -> None:
    assert geo.nice_length(0) == 0
    assert geo.nice_length(float("inf")) == 0
    assert geo.valid_latlon(None, 1.0) is False
