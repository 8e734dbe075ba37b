"""The field visit: itineraries with hosts and visited marks, the current stop, map files, GPX."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.domain.model import Itinerary, MapLayer, Person, Stop
from fieldvisit.services.store import Store
from fieldvisit.storage import repository, sealed
from fieldvisit.storage.repo import events, seen

MAX_MAP_BYTES = 1 << 30  # a map member larger than 1 GiB is refused, whatever the zip says
VISITED = "stop"  # SeenRow.target_kind for a visited stop


@dataclass(frozen=True, slots=True)
class VisitData:
    """What the Visit section shows for one event."""

    event_id: str
    event_title: str
    itineraries: tuple[Itinerary, ...] = ()
    hosts: dict[str, Person] = field(default_factory=dict)
    visited: frozenset[str] = frozenset()
    map: MapLayer | None = None
    pack_file: str = ""


def load_visit(store: Store, event_id: str) -> VisitData:
    if not event_id:
        return VisitData("", "")
    with store.unit() as s:
        heading = events.heading(s, event_id)
        if heading is None:
            return VisitData(event_id, "")
        title, pack_file = heading
        itineraries = tuple(repository.load_itineraries(s, event_id))
        people = {p.id: p for p in repository.load_people(s, event_id)}
        visited = seen.seen(s, event_id, VISITED)
        host_ids = {stop.host_id for it in itineraries for stop in it.stops if stop.host_id}
        return VisitData(
            event_id=event_id,
            event_title=title,
            itineraries=itineraries,
            hosts={uid: people[uid] for uid in host_ids if uid in people},
            visited=visited,
            map=repository.load_map(s, event_id),
            pack_file=pack_file,
        )


def current_and_next(stops: Sequence[Stop], now: dt.datetime) -> tuple[str | None, str | None]:
    """(current stop id, next stop id) by the clock. A stop without an end lasts until the
    next stop starts; stops without times are never current."""
    timed = [s for s in stops if s.planned_start is not None]
    current: str | None = None
    upcoming: str | None = None
    for i, stop in enumerate(timed):
        assert stop.planned_start is not None
        end = stop.planned_end
        if end is None and i + 1 < len(timed):
            end = timed[i + 1].planned_start
        if stop.planned_start <= now and (end is None or now < end):
            current = stop.id
        elif stop.planned_start > now and upcoming is None:
            upcoming = stop.id
    return current, upcoming


def set_visited(store: Store, event_id: str, stop_id: str, visited: bool = True) -> None:
    with store.unit() as s:
        seen.mark(s, event_id, VISITED, stop_id, visited)


def _safe_member_name(filename: str) -> str:
    name = filename.strip()
    if not name or "/" in name or "\\" in name or name in (".", "..") or "\x00" in name:
        raise InvalidInputError(f"unsafe map file name {filename!r}", field="map.filename")
    return name


def extract_map(pack: Path, layer: MapLayer, cache: Path, key: bytearray | None = None) -> Path:
    """Copy `map/<filename>` out of the installed pack into the cache once; return its path.

    The copy is keyed by the pack file's name and the member's CRC, so a new pack version
    gets a fresh copy and an unchanged one is reused. Written to a temporary name and
    renamed, so a half-written map is never opened.
    """
    name = _safe_member_name(layer.filename)
    try:
        archive = zipfile.ZipFile(sealed.open_copy(pack, key))
    except (OSError, zipfile.BadZipFile) as exc:
        raise InvalidInputError(f"cannot read the installed pack ({exc})", path=pack) from exc
    with archive:
        try:
            info = archive.getinfo(f"map/{name}")
        except KeyError:
            raise InvalidInputError(f"the pack has no map/{name}", path=pack, field="map") from None
        if info.file_size > MAX_MAP_BYTES:
            raise InvalidInputError("the map is too large", path=pack, field="map")
        stem = hashlib.sha256(f"{pack.name}:{info.CRC}:{info.file_size}".encode()).hexdigest()
        target = cache / "maps" / f"{stem[:16]}-{name}"
        if target.is_file() and target.stat().st_size == info.file_size:
            return target
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + f".{os.getpid()}.part")
        copied = 0
        with archive.open(info) as source, partial.open("wb") as out:
            while chunk := source.read(1 << 20):
                copied += len(chunk)
                if copied > info.file_size or copied > MAX_MAP_BYTES:
                    out.close()
                    partial.unlink(missing_ok=True)
                    raise InvalidInputError("the map member is larger than it says", path=pack)
                out.write(chunk)
        os.replace(partial, target)
        return target
