"""Opening a .fvpack: every check (zip, manifest, signature, hashes, schema, references)."""

from __future__ import annotations

import base64
import binascii
import dataclasses
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from fieldvisit import __version__
from fieldvisit.domain.errors import InvalidInputError, TrustError
from fieldvisit.packs.checks import check_content, check_files
from fieldvisit.packs.codec import content_from_json, manifest_from_json
from fieldvisit.packs.keys import decode_public_key, fingerprint, verify_signature
from fieldvisit.packs.manifest import (
    CONTENT_NAME,
    FORMAT_VERSION,
    MANIFEST_NAME,
    SIGNATURE_NAME,
    LoadedPack,
    PackManifest,
)
from fieldvisit.packs.safezip import DEFAULT_LIMITS, SafeZip, ZipLimits
from fieldvisit.packs.strict_json import parse_json_bytes

MAX_MANIFEST = 4 * 1024 * 1024
MAX_SIGNATURE = 1024
MAX_CONTENT = 64 * 1024 * 1024


def version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(".") if part.isdigit())


def _read_signature(raw: bytes, source: str) -> bytes:
    """manifest.sig holds the 64-byte signature, raw or base64 text."""
    if len(raw) == 64:
        return raw
    try:
        decoded = base64.b64decode(raw.strip(), validate=True)
    except (binascii.Error, ValueError):
        decoded = b""
    if len(decoded) != 64:
        raise TrustError("the signature file is malformed", path=source, field=SIGNATURE_NAME)
    return decoded


def _check_trust(
    archive: SafeZip, manifest: PackManifest, manifest_bytes: bytes, allow_unsigned: bool
) -> bool:
    source = archive.source
    has_sig = SIGNATURE_NAME in archive.members
    if not has_sig:
        if manifest.signing_key is not None:
            raise TrustError(
                "the manifest names a signing key but the signature is missing",
                path=source,
                field=SIGNATURE_NAME,
            )
        if not allow_unsigned:
            raise TrustError(
                "the pack is unsigned; open it only if you trust where it came from "
                "(--allow-unsigned)",
                path=source,
            )
        return False
    if manifest.signing_key is None:
        raise TrustError(
            "the pack has a signature but no signing key", path=source, field="signing_key"
        )
    decode_public_key(manifest.signing_key, source=source, field="$.signing_key")
    signature = _read_signature(archive.read(SIGNATURE_NAME, max_size=MAX_SIGNATURE), source)
    if not verify_signature(manifest.signing_key, signature, manifest_bytes):
        raise TrustError(
            "bad signature: the manifest was changed or signed by another key",
            path=source,
            field=SIGNATURE_NAME,
        )
    return True


def _check_members(archive: SafeZip, manifest: PackManifest, content_raw: bytes) -> None:
    source = archive.source
    own = {MANIFEST_NAME, SIGNATURE_NAME}
    for name in archive.members:
        if name not in own and name not in manifest.files:
            raise InvalidInputError(
                "member is not listed in the manifest", path=source, field=repr(name)
            )
    if CONTENT_NAME not in manifest.files:
        raise InvalidInputError("the manifest does not list event.json", path=source)
    for name, entry in sorted(manifest.files.items()):
        if name not in archive.members:
            raise InvalidInputError(
                "member listed in the manifest is missing", path=source, field=repr(name)
            )
        if archive.members[name].file_size != entry.size:
            raise InvalidInputError(
                "member size differs from the manifest", path=source, field=repr(name)
            )
        if name == CONTENT_NAME:
            # Already read in full: hash those bytes rather than decompress them again.
            digest, size = hashlib.sha256(content_raw).hexdigest(), len(content_raw)
        else:
            digest, size = archive.digest(name)
        if digest != entry.sha256 or size != entry.size:
            raise InvalidInputError(
                "member was changed after signing (hash mismatch)", path=source, field=repr(name)
            )


def open_pack(
    path: Path, *, allow_unsigned: bool = False, limits: ZipLimits = DEFAULT_LIMITS
) -> LoadedPack:
    """Open and fully verify a pack; raise InvalidInputError or TrustError naming what failed."""
    path = Path(path)
    source = str(path)
    with SafeZip(path, limits) as archive:
        manifest_bytes = archive.read(MANIFEST_NAME, max_size=MAX_MANIFEST)
        manifest_source = f"{source}: {MANIFEST_NAME}"
        manifest = manifest_from_json(
            parse_json_bytes(manifest_bytes, source=manifest_source), source=manifest_source
        )
        if manifest.format_version > FORMAT_VERSION:
            raise TrustError(
                f"made for pack format {manifest.format_version}; this fieldvisit reads "
                f"format {FORMAT_VERSION}: please update the app",
                path=source,
            )
        signed = _check_trust(archive, manifest, manifest_bytes, allow_unsigned)
        if not signed and manifest.return_proof_key is not None:
            # Nothing vouches for a proof key in an unsigned pack: returns made from it
            # carry no proof rather than one the organisers never issued.
            manifest = dataclasses.replace(manifest, return_proof_key=None)
        if version_tuple(manifest.min_app_version) > version_tuple(__version__):
            raise TrustError(
                f"needs fieldvisit {manifest.min_app_version} or newer (this is {__version__})",
                path=source,
            )
        if CONTENT_NAME not in manifest.files:
            raise InvalidInputError("the manifest does not list event.json", path=source)
        raw = archive.read(CONTENT_NAME, max_size=MAX_CONTENT)
        _check_members(archive, manifest, raw)
        content_source = f"{source}: {CONTENT_NAME}"
        content = content_from_json(
            parse_json_bytes(raw, source=content_source), source=content_source
        )
        check_content(content, source=content_source)
        if content.event.id != manifest.event_id:
            raise InvalidInputError(
                f"event.json is for event {content.event.id!r}, the manifest for "
                f"{manifest.event_id!r}",
                path=source,
                field="$.event_id",
            )
        check_files(content, manifest.files, source=content_source)

    key_fingerprint = (
        fingerprint(decode_public_key(manifest.signing_key)) if manifest.signing_key else None
    )
    return LoadedPack(
        path=path,
        manifest=manifest,
        content=content,
        signed=signed,
        fingerprint=key_fingerprint,
        read_file=member_reader(path, manifest, limits),
    )


def member_reader(
    path: Path, manifest: PackManifest, limits: ZipLimits = DEFAULT_LIMITS
) -> Callable[[str], bytes]:
    """`LoadedPack.read_file`: re-reads a member from `path` and checks its hash again."""
    files = dict(manifest.files)
    source = str(path)

    def read_file(name: str) -> bytes:
        entry = files.get(name)
        if entry is None:
            raise InvalidInputError("not in this pack", path=source, field=repr(name))
        with SafeZip(path, limits) as again:
            data = again.read(name)
        if len(data) != entry.size or hashlib.sha256(data).hexdigest() != entry.sha256:
            raise InvalidInputError(
                "member changed since the pack was verified", path=source, field=repr(name)
            )
        return data

    return read_file


@dataclass(frozen=True, slots=True)
class VerifyReport:
    """What `pack verify` found: the verified pack and a few figures to print."""

    pack: LoadedPack

    @property
    def counts(self) -> dict[str, int]:
        content = self.pack.content
        return {
            "sessions": len(content.sessions),
            "people": len(content.people),
            "stops": sum(len(i.stops) for i in content.itineraries),
            "documents": len(content.documents),
            "questionnaires": len(content.questionnaires),
            "files": len(self.pack.manifest.files),
        }

    def lines(self) -> list[str]:
        pack = self.pack
        manifest = pack.manifest
        trust = (
            f"signed, key fingerprint {pack.fingerprint}"
            if pack.signed
            else "UNSIGNED (no signature to check)"
        )
        figures = ", ".join(f"{n} {what}" for what, n in self.counts.items())
        return [
            f"{pack.path}: OK",
            f"  event {manifest.event_id!r}, pack version {manifest.pack_version}, "
            f"created {manifest.created.isoformat()}",
            f"  {trust}",
            "  every file's SHA-256 matches; schema, references and times are valid",
            f"  {figures}",
        ]


def verify_pack(path: Path, allow_unsigned: bool = False) -> VerifyReport:
    """Every check of `open_pack`, returned as a report for the command line."""
    return VerifyReport(open_pack(path, allow_unsigned=allow_unsigned))
