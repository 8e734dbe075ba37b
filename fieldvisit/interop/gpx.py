"""GPX 1.1 export of a field-visit itinerary (stops as waypoints, the walk as a route/track)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import gpxpy.gpx

from fieldvisit import __version__
from fieldvisit.domain.model import Itinerary, Stop
from fieldvisit.interop.atomic import write_atomic

CREATOR = f"fieldvisit {__version__}"


def _xml_safe(text: str) -> str:
    """Drop the control characters XML 1.0 cannot carry at all (escaping does not help)."""
    return "".join(ch for ch in text if ch >= " " or ch in "\t\n\r")


def _description(stop: Stop) -> str:
    parts = [stop.address, stop.briefing, stop.directions_to_next]
    return _xml_safe("\n\n".join(p.strip() for p in parts if p.strip()))


def _utc(moment: dt.datetime | None) -> dt.datetime | None:
    return moment.astimezone(dt.UTC) if moment is not None else None


def itinerary_gpx(itinerary: Itinerary, *, title: str) -> str:
    """The GPX 1.1 document: a waypoint per located stop, named "1. <title>" by its order.

    The itinerary's drawn route becomes a track (a path actually walked); without one, a
    route joins the stops in order with straight lines, which is all that is known.
    """
    doc = gpxpy.gpx.GPX()
    doc.creator = CREATOR
    doc.name = _xml_safe(title)
    doc.description = _xml_safe(itinerary.title)
    located: list[tuple[str, Stop]] = []
    for number, stop in enumerate(itinerary.stops, start=1):
        if stop.lat is None or stop.lon is None:
            continue  # a stop without coordinates cannot be placed; its number is kept
        name = _xml_safe(f"{number}. {stop.title}")
        located.append((name, stop))
        doc.waypoints.append(
            gpxpy.gpx.GPXWaypoint(
                latitude=stop.lat,
                longitude=stop.lon,
                time=_utc(stop.planned_start),
                name=name,
                description=_description(stop) or None,
            )
        )
    if itinerary.route:
        track = gpxpy.gpx.GPXTrack(name=_xml_safe(itinerary.title))
        segment = gpxpy.gpx.GPXTrackSegment()
        segment.points.extend(gpxpy.gpx.GPXTrackPoint(lat, lon) for lat, lon in itinerary.route)
        track.segments.append(segment)
        doc.tracks.append(track)
    elif len(located) >= 2:
        route = gpxpy.gpx.GPXRoute(name=_xml_safe(itinerary.title))
        route.points.extend(
            gpxpy.gpx.GPXRoutePoint(stop.lat, stop.lon, time=_utc(stop.planned_start), name=name)
            for name, stop in located
        )
        doc.routes.append(route)
    return str(doc.to_xml(version="1.1"))


def write_gpx(itinerary: Itinerary, path: Path, *, title: str) -> None:
    """Write the itinerary as a GPX 1.1 file, atomically."""
    write_atomic(Path(path), itinerary_gpx(itinerary, title=title).encode("utf-8"))
