"""The bundled sample events: pack sources under resources/samples, signed with a demo key."""

from __future__ import annotations

from pathlib import Path

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.domain.samples import SAMPLES, is_sample, sample_named
from fieldvisit.packs.build import build_pack
from fieldvisit.packs.keys import OrganiserKeys, load_keys
from fieldvisit.packs.manifest import LoadedPack
from fieldvisit.packs.source import EVENT_FILE
from fieldvisit.paths import resource

DEMO_KEY_NAME = "demo-organiser.key"


def samples_dir() -> Path:
    return resource("samples")


def sample_names() -> list[str]:
    """The short names of the bundled samples whose sources ship (hague, ran, icct, liaise)."""
    folder = samples_dir()
    return [s.name for s in SAMPLES if (folder / s.folder / EVENT_FILE).is_file()]


def demo_keys() -> OrganiserKeys:
    """The PUBLIC demo organiser key that signs the samples (never for real events)."""
    return load_keys(samples_dir() / DEMO_KEY_NAME, None)


def build_sample(name: str, output: Path) -> LoadedPack:
    """Build the sample `name` into `output`, signed with the demo key, and return it verified."""
    info = sample_named(name)
    if info is None or info.name not in sample_names():
        raise InvalidInputError(
            f"no such sample (known: {', '.join(sample_names()) or 'none'})", path=name
        )
    pack = build_pack(samples_dir() / info.folder, Path(output), keys=demo_keys())
    # The namespace is what keeps a sample from blocking the real event: never ship one
    # outside it.
    if not is_sample(pack.content.event.id) or pack.content.event.id != info.event_id:
        raise InvalidInputError(
            f"the sample's id {pack.content.event.id!r} is not {info.event_id!r}", path=name
        )
    return pack
