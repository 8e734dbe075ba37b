"""The organiser's store as the GUI and the CLI use it: open, read, notice others' work."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fieldvisit.domain.collation import Overview
from fieldvisit.domain.errors import StorageError
from fieldvisit.storage.collation.engine import CollationStore, display, parse_target
from fieldvisit.storage.collation.pg_backup import SharedUpgrade
from fieldvisit.storage.collation.views import load_marker, load_overview

__all__ = [
    "CollationStore",
    "Marker",
    "SharedUpgrade",
    "open_existing",
    "open_store",
    "public_location",
    "read_marker",
    "read_overview",
]


def open_store(
    db: str | Path, *, password: str | None = None, upgrade: SharedUpgrade | None = None
) -> CollationStore:
    """Open or create the store at a path or URL (see storage/collation/engine.py); a
    shared store at an older schema is upgraded only as `upgrade` allows."""
    return CollationStore.open(db, password=password, upgrade=upgrade)


def open_existing(
    db: str | Path, *, password: str | None = None, upgrade: SharedUpgrade | None = None
) -> CollationStore:
    """Open a store that must exist already (the report never creates one)."""
    url = parse_target(db)
    if url.get_backend_name() == "sqlite" and not Path(str(url.database)).is_file():
        raise StorageError("no such collation store", path=display(url))
    return CollationStore.open(db, password=password, create=False, upgrade=upgrade)


def public_location(db: str | Path) -> str:
    """The path or URL as it may be shown and remembered: without any password."""
    return display(parse_target(db))


def read_overview(store: CollationStore) -> Overview:
    with store.unit() as session:
        return load_overview(session)


@dataclass(frozen=True, slots=True)
class Marker:
    """How far the store has come: changes when anyone collated, rejected or ran."""

    received: int
    rejected: int
    runs: int
    last_received: int


def read_marker(store: CollationStore) -> Marker:
    with store.unit() as session:
        received, rejected, runs, last = load_marker(session)
    return Marker(received, rejected, runs, last)
