"""The bundled sample events as a use case: list them, install one (CLI and Help menu)."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from fieldvisit.domain.changes import ImportResult
from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.domain.samples import SAMPLES, SampleInfo, sample_named
from fieldvisit.services.importing import import_loaded
from fieldvisit.services.store import Store
from fieldvisit.storage.repo.events import installed_versions


@dataclass(frozen=True, slots=True)
class SampleState:
    info: SampleInfo
    installed_version: int | None


def list_samples(store: Store | None = None) -> list[SampleState]:
    """Every bundled sample whose source ships, with the version installed (if a store)."""
    from fieldvisit.packs.samples import sample_names

    shipped = set(sample_names())
    installed: dict[str, int] = {}
    if store is not None:
        with store.unit() as s:
            installed = installed_versions(s, (info.event_id for info in SAMPLES))
    return [SampleState(i, installed.get(i.event_id)) for i in SAMPLES if i.name in shipped]


def install_sample(store: Store, name: str) -> ImportResult:
    """Build the sample `name` (hague, ran, icct, liaise) and install or update it."""
    # Imported on demand: the sample builder pulls in every source reader.
    from fieldvisit.packs.samples import build_sample, sample_names

    info = sample_named(name)
    if info is None or info.name not in sample_names():
        raise InvalidInputError(
            f"no sample called {name!r} (known: {', '.join(sample_names()) or 'none'})"
        )
    with tempfile.TemporaryDirectory(prefix="fieldvisit-sample-") as folder:
        pack = build_sample(info.name, Path(folder) / f"{info.folder}.fvpack")
        return import_loaded(store, pack)
