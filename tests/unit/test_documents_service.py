"""Documents service: hash-checked reads, unsafe names, size limits, temp copies and cleanup."""

from __future__ import annotations

import hashlib
import stat
import zipfile
from pathlib import Path

import pytest

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.domain.model import Document
from fieldvisit.services import documents as docs


def item(filename: str, data: bytes) -> docs.DocumentItem:
    return docs.DocumentItem(
        Document(id="d", title="D", filename=filename),
        hashlib.sha256(data).hexdigest(),
        len(data),
        False,
    )


def pack(tmp_path: Path, members: dict[str, bytes]) -> Path:
    path = tmp_path / "p.fvpack"
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def test_read_checks_the_hash(tmp_path: Path) -> None:
    p = pack(tmp_path, {"documents/a.txt": b"hello"})
    assert docs.read_document(p, item("a.txt", b"hello")) == b"hello"
    with pytest.raises(InvalidInputError, match="checksum"):
        docs.read_document(p, item("a.txt", b"other"))
    no_hash = docs.DocumentItem(Document(id="d", title="D", filename="a.txt"), "", 5, False)
    with pytest.raises(InvalidInputError, match="checksum"):
        docs.read_document(p, no_hash)


@pytest.mark.parametrize("name", ["../a.txt", "x/a.txt", "", "..", "a\\b.txt", "a\x00b"])
def test_unsafe_names_refused(tmp_path: Path, name: str) -> None:
    p = pack(tmp_path, {"documents/a.txt": b"x"})
    with pytest.raises(InvalidInputError):
        docs.read_document(p, item(name, b"x"))
    with pytest.raises(InvalidInputError):
        docs.write_temp_copy(b"x", name, tmp_path / "cache")


def test_missing_member_and_broken_pack(tmp_path: Path) -> None:
    p = pack(tmp_path, {"documents/a.txt": b"x"})
    with pytest.raises(InvalidInputError, match=r"no documents/b\.txt"):
        docs.read_document(p, item("b.txt", b"x"))
    broken = tmp_path / "broken.fvpack"
    broken.write_bytes(b"PK not really")
    with pytest.raises(InvalidInputError):
        docs.read_document(broken, item("a.txt", b"x"))


def test_temp_copies_are_private_read_only_and_removed(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = docs.write_temp_copy(b"one", "same.pdf", cache)
    second = docs.write_temp_copy(b"two", "same.pdf", cache)
    assert first != second and first.read_bytes() == b"one"
    assert stat.S_IMODE(first.stat().st_mode) == 0o400
    assert stat.S_IMODE(first.parent.stat().st_mode) == 0o700
    docs.remove_temp_copies(cache)
    assert not docs.temp_root(cache).exists()
    docs.remove_temp_copies(cache)  # nothing left: no error
