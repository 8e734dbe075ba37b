"""The bundled sample events: pack sources under resources/samples, signed with a demo key."""

from __future__ import annotations

from pathlib import Path

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.packs.build import build_pack
from fieldvisit.packs.keys import OrganiserKeys, load_keys
from fieldvisit.packs.manifest import LoadedPack
from fieldvisit.packs.source import EVENT_FILE
from fieldvisit.paths import resource

DEMO_KEY_NAME = "demo-organiser.key"


def samples_dir() -> Path:
    return resource("samples")


def sample_names() -> list[str]:
    """The names of the bundled sample sources, e.g. ["hague-2017", "ran-central-asia-2021"]."""
    folder = samples_dir()
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if (p / EVENT_FILE).is_file())


def demo_keys() -> OrganiserKeys:
    """The PUBLIC demo organiser key that signs the samples (never for real events)."""
    return load_keys(samples_dir() / DEMO_KEY_NAME, None)


def build_sample(name: str, output: Path) -> LoadedPack:
    """Build the sample `name` into `output`, signed with the demo key, and return it verified."""
    if name not in sample_names():
        raise InvalidInputError(
            f"no such sample (known: {', '.join(sample_names()) or 'none'})", path=name
        )
    return build_pack(samples_dir() / name, Path(output), keys=demo_keys())
