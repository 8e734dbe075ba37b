"""Reading an untrusted zip: hostile names, links, duplicates and bombs are refused.

Sizes are counted while decompressing; the sizes a zip header declares are only used to
refuse early, never trusted to be true.
"""

from __future__ import annotations

import hashlib
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from fieldvisit.domain.errors import InvalidInputError

CHUNK = 64 * 1024
# Flag bits zipfile cannot read: "compressed patched data" (5) and "strong encryption" (6).
_UNREADABLE_FLAGS = 0x20 | 0x40
_CENTRAL_TAIL = 64 * 1024 * 1024


def _member_needing_newer_zip(path: Path) -> str | None:
    """The first member whose "version needed to extract" is past zipfile's, if one is found.

    zipfile refuses such an archive while reading its directory and does not say which member
    it was; this scans the central directory (the file's tail) for the name.
    """
    try:
        with path.open("rb") as handle:
            handle.seek(0, 2)
            size = handle.tell()
            handle.seek(max(0, size - _CENTRAL_TAIL))
            data = handle.read()
    except OSError:
        return None
    start = data.find(b"PK\x01\x02")
    while start >= 0 and start + 46 <= len(data):
        version = data[start + 6]
        (name_length,) = struct.unpack_from("<H", data, start + 28)
        if version > zipfile.MAX_EXTRACT_VERSION:
            return data[start + 46 : start + 46 + name_length].decode("utf-8", "replace")
        start = data.find(b"PK\x01\x02", start + 4)
    return None


@dataclass(frozen=True, slots=True)
class ZipLimits:
    """What a pack may hold. Maps (MBTiles) make the per-file limit generous."""

    max_members: int = 5000
    max_member_size: int = 512 * 1024 * 1024
    max_total_size: int = 1024 * 1024 * 1024
    # Text compresses maybe 10:1, zeros 1000:1; above this ratio and floor, it is a bomb.
    max_ratio: int = 100
    ratio_floor: int = 1024 * 1024


DEFAULT_LIMITS = ZipLimits()


def _check_name(name: str, source: str) -> None:
    def refuse(problem: str) -> InvalidInputError:
        return InvalidInputError(problem, path=source, field=repr(name))

    if not name:
        raise refuse("a member has an empty name")
    if "\\" in name:
        raise refuse("member name contains a backslash")
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        raise refuse("member has an absolute path")
    if any(ord(c) < 32 or ord(c) == 127 for c in name):
        raise refuse("member name contains control characters")
    parts = name.rstrip("/").split("/")
    if any(part in ("", ".", "..") for part in parts):
        raise refuse("member path escapes its folder or has empty parts")
    if len(name) > 255:
        raise refuse("member name is too long")


class SafeZip:
    """An opened zip whose member list passed the structural checks."""

    def __init__(self, path: Path, limits: ZipLimits = DEFAULT_LIMITS) -> None:
        self.path = path
        self.source = str(path)
        self.limits = limits
        self._zip = self._open()
        try:
            self.members: dict[str, zipfile.ZipInfo] = self._check_members()
        except BaseException:
            self._zip.close()
            raise
        self.total_read = 0

    def _open(self) -> zipfile.ZipFile:
        try:
            return zipfile.ZipFile(self.path)
        except zipfile.BadZipFile as exc:
            raise InvalidInputError(
                f"not a fieldvisit pack (not a zip file or truncated: {exc})", path=self.source
            ) from None
        except NotImplementedError as exc:
            member = _member_needing_newer_zip(self.path)
            raise InvalidInputError(
                f"member needs a zip feature this app cannot read ({exc})",
                path=self.source,
                field=repr(member) if member is not None else "",
            ) from None
        except (OSError, EOFError, ValueError) as exc:
            if isinstance(exc, FileNotFoundError):
                raise InvalidInputError("no such file", path=self.source) from None
            raise InvalidInputError(f"cannot read the zip: {exc}", path=self.source) from None

    def _check_members(self) -> dict[str, zipfile.ZipInfo]:
        infos = self._zip.infolist()
        if len(infos) > self.limits.max_members:
            raise InvalidInputError(
                f"too many members ({len(infos)} > {self.limits.max_members})", path=self.source
            )
        members: dict[str, zipfile.ZipInfo] = {}
        folded: set[str] = set()
        declared_total = 0
        for info in infos:
            name = info.filename
            _check_name(name, self.source)
            field = repr(name)
            if name.casefold() in folded:
                raise InvalidInputError("duplicate member name", path=self.source, field=field)
            folded.add(name.casefold())
            mode = info.external_attr >> 16
            if stat.S_ISLNK(mode):
                raise InvalidInputError("member is a symbolic link", path=self.source, field=field)
            # Many tools leave the type bits at 0; only a type that is set must be a plain one.
            if stat.S_IFMT(mode) not in (0, stat.S_IFREG, stat.S_IFDIR):
                raise InvalidInputError("member is not a plain file", path=self.source, field=field)
            if info.flag_bits & 0x1:
                raise InvalidInputError("member is encrypted", path=self.source, field=field)
            too_new = info.extract_version > zipfile.MAX_EXTRACT_VERSION
            if info.flag_bits & _UNREADABLE_FLAGS or too_new:
                raise InvalidInputError(
                    f"member needs a zip feature this app cannot read (version "
                    f"{info.extract_version / 10:.1f}, flags {info.flag_bits:#06x})",
                    path=self.source,
                    field=field,
                )
            if info.is_dir():
                continue  # folder entries carry no data; expected files are checked by name
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise InvalidInputError(
                    "member uses an unsupported compression", path=self.source, field=field
                )
            self._check_size(name, info.file_size, info.compress_size)
            declared_total += info.file_size
            if declared_total > self.limits.max_total_size:
                raise InvalidInputError(
                    f"pack is too large when unpacked (over {self.limits.max_total_size} bytes)",
                    path=self.source,
                )
            members[name] = info
        return members

    def _check_size(self, name: str, size: int, compressed: int) -> None:
        limits = self.limits
        if size > limits.max_member_size:
            raise InvalidInputError(
                f"member is too large (over {limits.max_member_size} bytes)",
                path=self.source,
                field=repr(name),
            )
        if size > limits.ratio_floor and size > limits.max_ratio * max(compressed, 1):
            raise InvalidInputError(
                f"member compresses suspiciously well (over {limits.max_ratio}:1): a zip bomb?",
                path=self.source,
                field=repr(name),
            )

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def info(self, name: str) -> zipfile.ZipInfo:
        try:
            return self.members[name]
        except KeyError:
            raise InvalidInputError(
                "member missing from the pack", path=self.source, field=repr(name)
            ) from None

    @contextmanager
    def _reading(self, name: str) -> Iterator[None]:
        try:
            yield
        except InvalidInputError:
            raise
        except NotImplementedError as exc:
            raise InvalidInputError(
                f"member needs a zip feature this app cannot read ({exc})",
                path=self.source,
                field=repr(name),
            ) from None
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
            raise InvalidInputError(
                f"member is damaged or truncated ({exc})", path=self.source, field=repr(name)
            ) from None

    def chunks(self, name: str, *, max_size: int | None = None) -> Iterator[bytes]:
        """Decompressed chunks of one member, counting real bytes against every limit."""
        info = self.info(name)
        limit = min(max_size or self.limits.max_member_size, self.limits.max_member_size)
        produced = 0
        with self._reading(name), self._zip.open(info) as stream:
            while chunk := stream.read(CHUNK):
                produced += len(chunk)
                self.total_read += len(chunk)
                if produced > limit:
                    raise InvalidInputError(
                        f"member is too large (over {limit} bytes)",
                        path=self.source,
                        field=repr(name),
                    )
                if self.total_read > self.limits.max_total_size:
                    raise InvalidInputError(
                        f"pack is too large when unpacked (over {self.limits.max_total_size}"
                        " bytes)",
                        path=self.source,
                    )
                self._check_size(name, produced, info.compress_size)
                yield chunk
            if produced != info.file_size:
                raise InvalidInputError(
                    "member size differs from its zip header", path=self.source, field=repr(name)
                )

    def read(self, name: str, *, max_size: int | None = None) -> bytes:
        return b"".join(self.chunks(name, max_size=max_size))

    def digest(self, name: str) -> tuple[str, int]:
        """SHA-256 (hex) and real size of a member, streamed without holding it in memory."""
        hasher = hashlib.sha256()
        size = 0
        for chunk in self.chunks(name):
            hasher.update(chunk)
            size += len(chunk)
        return hasher.hexdigest(), size
