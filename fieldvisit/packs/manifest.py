"""The pack manifest and a loaded, verified pack: what `open_pack` hands to the importer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from fieldvisit.domain.model import PackContent

FORMAT_NAME = "fvpack"
# 2: documents carry a sharing status (a confidential one is listed without its file);
# events, sessions and documents may be marked illustrative; sessions carry links and
# documents may be listed by address (issue 11). Format 1 packs still open.
FORMAT_VERSION = 2
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"
CONTENT_NAME = "event.json"


@dataclass(frozen=True, slots=True)
class FileEntry:
    sha256: str
    size: int


@dataclass(frozen=True, slots=True)
class PackManifest:
    format_version: int
    pack_id: str
    event_id: str
    pack_version: int
    created: dt.datetime
    min_app_version: str
    signing_key: str | None  # Ed25519 public key, base64 (None: unsigned)
    return_key: str | None  # X25519 public key for returns, base64
    files: dict[str, FileEntry] = field(default_factory=dict)
    # HMAC key returns prove the pack with, base64 (None: unsigned or older pack)
    return_proof_key: str | None = None


@dataclass(frozen=True, slots=True)
class LoadedPack:
    """A pack that passed every check. `read_file` re-reads a member and checks its hash."""

    path: Path
    manifest: PackManifest
    content: PackContent
    signed: bool
    fingerprint: str | None  # of the signing key, as shown to users
    read_file: Callable[[str], bytes] = field(compare=False, repr=False)
