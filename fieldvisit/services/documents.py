"""Pack documents: listing, hash-checked reading from the installed pack, read-only temp copies."""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.domain.model import Document
from fieldvisit.services.store import Store
from fieldvisit.storage import repository, sealed
from fieldvisit.storage.repo import events, seen

SEEN_KIND = "document"
TEMP_FOLDER = "opened-documents"
MAX_DOCUMENT_BYTES = 256 << 20
IN_APP_TEXT = ("text/plain", "text/markdown")
IN_APP_IMAGES = ("image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp")


@dataclass(frozen=True, slots=True)
class DocumentItem:
    document: Document
    sha256: str
    size: int
    seen: bool


@dataclass(frozen=True, slots=True)
class DocumentsData:
    event_id: str
    items: tuple[DocumentItem, ...] = ()
    sessions: dict[str, str] = field(default_factory=dict)  # id -> title, in time order
    pack_file: str = ""


def load_documents(store: Store, event_id: str) -> DocumentsData:
    if not event_id:
        return DocumentsData("")
    with store.unit() as s:
        heading = events.heading(s, event_id)
        if heading is None:
            return DocumentsData(event_id)
        hashes = repository.load_document_hashes(s, event_id)
        opened = seen.seen(s, event_id, SEEN_KIND)
        items = tuple(
            DocumentItem(d, *hashes.get(d.id, ("", 0)), d.id in opened)
            for d in repository.load_documents(s, event_id)
        )
        sessions = {x.id: x.title for x in repository.load_sessions(s, event_id)}
        return DocumentsData(event_id, items, sessions, heading[1])


def mark_seen(store: Store, event_id: str, document_id: str) -> None:
    with store.unit() as s:
        seen.mark(s, event_id, SEEN_KIND, document_id)


def _safe_name(filename: str) -> str:
    name = filename.strip()
    if not name or "/" in name or "\\" in name or name in (".", "..") or "\x00" in name:
        raise InvalidInputError(f"unsafe document file name {filename!r}", field="filename")
    return name


def read_document(pack: Path, item: DocumentItem, key: bytearray | None = None) -> bytes:
    """The document's bytes from the installed pack, refused unless they match its sha256.
    `key`: the encrypted store's data key, which the pack copy is sealed with."""
    name = _safe_name(item.document.filename)
    try:
        with zipfile.ZipFile(sealed.open_copy(pack, key)) as archive:
            info = archive.getinfo(f"documents/{name}")
            if info.file_size > MAX_DOCUMENT_BYTES:
                raise InvalidInputError("the document is too large", path=pack, field=name)
            with archive.open(info) as member:
                data = member.read(MAX_DOCUMENT_BYTES + 1)
    except KeyError:
        raise InvalidInputError(f"the pack has no documents/{name}", path=pack) from None
    except (OSError, zipfile.BadZipFile) as exc:
        raise InvalidInputError(f"cannot read the installed pack ({exc})", path=pack) from exc
    if len(data) > MAX_DOCUMENT_BYTES:
        raise InvalidInputError("the document is too large", path=pack, field=name)
    digest = hashlib.sha256(data).hexdigest()
    if not item.sha256 or digest != item.sha256.lower():
        raise InvalidInputError(
            "the document does not match the pack's checksum (altered or damaged)",
            path=pack,
            field=name,
        )
    return data


def temp_root(cache: Path) -> Path:
    return cache / TEMP_FOLDER


def write_temp_copy(data: bytes, filename: str, cache: Path) -> Path:
    """A read-only (0400) copy in a fresh private (0700) folder, for the system viewer."""
    root = temp_root(cache)
    root.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="doc-", dir=root))  # created 0700
    target = folder / _safe_name(filename)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    os.chmod(target, stat.S_IRUSR)
    return target


def remove_temp_copies(cache: Path) -> None:
    """Delete every temporary copy (on exit, and at start after a crash)."""
    root = temp_root(cache)
    if not root.exists():
        return

    # Read-only copies (and on Windows anything read-only) refuse deletion: make them
    # writable first, then remove the whole tree.
    for dirpath, _dirs, files in os.walk(root):
        os.chmod(dirpath, stat.S_IRWXU)
        for name in files:
            os.chmod(os.path.join(dirpath, name), stat.S_IRUSR | stat.S_IWUSR)
    shutil.rmtree(root, ignore_errors=True)
