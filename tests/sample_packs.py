"""Packs made from the samples for issue 9's tests: the organisers' real pack for the same
conference (its real id, their own key), and the old sample that took the real id."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fieldvisit.packs.keys import OrganiserKeys
from fieldvisit.packs.samples import build_sample, demo_keys

Edit = Callable[[dict[str, Any], dict[str, Any]], None]


def rewrite(path: Path, target: Path, keys: OrganiserKeys, edit: Edit) -> Path:
    """Re-sign `path` as `target` with `keys` after `edit(event_json, manifest_json)`."""
    with zipfile.ZipFile(path) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    event = json.loads(members["event.json"])
    manifest = json.loads(members["manifest.json"])
    edit(event, manifest)
    members["event.json"] = json.dumps(event, sort_keys=True).encode()
    manifest["files"]["event.json"] = {
        "sha256": hashlib.sha256(members["event.json"]).hexdigest(),
        "size": len(members["event.json"]),
    }
    members["manifest.json"] = json.dumps(manifest, sort_keys=True, indent=1).encode()
    members["manifest.sig"] = keys.sign(members["manifest.json"])
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return target


def as_event(event_id: str, keys: OrganiserKeys | None = None, version: int | None = None) -> Edit:
    """An edit giving the pack another id (and another key's manifest fields, a version)."""

    def edit(event: dict[str, Any], manifest: dict[str, Any]) -> None:
        event["event"]["id"] = manifest["event_id"] = event_id
        if keys is not None:
            event["event"]["illustrative"] = ""
            manifest["signing_key"] = keys.public.signing_key
            manifest["return_key"] = keys.public.return_key
            manifest["return_proof_key"] = keys.return_proof_key(event_id)
        if version is not None:
            manifest["pack_version"] = version

    return edit


def real_hague(folder: Path, keys: OrganiserKeys, version: int = 1) -> Path:
    """The organisers' real pack for the Hague conference: `hague-rftf-2017`, their key."""
    sample = build_sample("hague", folder / "sample-for-real.fvpack")
    target = folder / f"real-hague-v{version}.fvpack"
    return rewrite(sample.path, target, keys, as_event("hague-rftf-2017", keys, version))


def old_hague_sample(folder: Path) -> Path:
    """The sample as it was before issue 9: version 1 under the real id, demo-signed."""
    sample = build_sample("hague", folder / "sample-for-old.fvpack")
    target = folder / "old-hague-sample.fvpack"
    return rewrite(sample.path, target, demo_keys(), as_event("hague-rftf-2017", version=1))
