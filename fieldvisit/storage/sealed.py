"""Files sealed with the store's data key: the per-event pack copies of an encrypted store.

An installed pack is kept beside the store so documents and maps can be read from it, and
it holds the event's contacts. While the store is encrypted, that copy is sealed too:
`MAGIC`, a 12-byte nonce, then the whole file under ChaCha20-Poly1305 (the file name is
the associated data, so two copies cannot be swapped unnoticed). Reading decrypts into
memory; a plain copy (an unencrypted store) is read as it is.
"""

from __future__ import annotations

import io
import os
import secrets
from pathlib import Path
from typing import BinaryIO

from fieldvisit.domain.errors import StorageError
from fieldvisit.domain.private import create_private_file

MAGIC = b"FVSEALED1\n"
NONCE = 12


def is_sealed(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(MAGIC)) == MAGIC


def _aad(name: str) -> bytes:
    return b"fieldvisit-sealed/1:" + name.encode("utf-8")


def write_copy(source: Path, target: Path, key: bytes | bytearray | None, *, name: str) -> None:
    """Copy `source` to `target` (created 0600, fsynced): sealed under `key`, or as it is.
    `name` is the name the copy will have once renamed into place (the associated data)."""
    write_bytes(source.read_bytes(), target, key, name=name)


def seal_into(out: BinaryIO, data: bytes, key: bytes | bytearray, *, name: str) -> None:
    """Write `data` sealed under `key` to an open file; `name` is the copy's final name."""
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    nonce = secrets.token_bytes(NONCE)
    out.write(MAGIC + nonce)
    out.write(ChaCha20Poly1305(bytes(key)).encrypt(nonce, data, _aad(name)))


def write_bytes(data: bytes, target: Path, key: bytes | bytearray | None, *, name: str) -> None:
    target.unlink(missing_ok=True)
    create_private_file(target)
    with target.open("wb") as out:
        if key is None:
            out.write(data)
        else:
            seal_into(out, data, key, name=name)
        out.flush()
        os.fsync(out.fileno())


def read_bytes(path: Path, key: bytes | bytearray | None, *, name: str | None = None) -> bytes:
    """The file's plain bytes (unsealed with `key` when it is sealed)."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    data = path.read_bytes()
    if not data.startswith(MAGIC):
        return data
    if key is None:
        raise StorageError("this copy is encrypted; unlock the store first", path=path)
    body = data[len(MAGIC) :]
    try:
        return ChaCha20Poly1305(bytes(key)).decrypt(
            body[:NONCE], body[NONCE:], _aad(name or path.name)
        )
    except InvalidTag:
        raise StorageError("the encrypted copy is damaged or not this store's", path=path) from None


def open_copy(path: Path, key: bytes | bytearray | None) -> Path | BinaryIO:
    """What zipfile should open: `path` itself, or its unsealed bytes in memory."""
    if key is None or not is_sealed(path):
        return path
    return io.BytesIO(read_bytes(path, key))


def reseal_folder(folder: Path, old: bytes | None, new: bytes | None) -> None:
    """Seal (old None), unseal (new None) every copy in `folder`, each replaced atomically
    (a temporary file, fsync, rename); a plain original is then overwritten before it goes.
    A copy already in the wanted form is left alone, so a second run finishes the first."""
    if not folder.is_dir():
        return
    for path in sorted(folder.glob("*.fvpack")):
        if is_sealed(path) == (new is not None):
            continue
        data = read_bytes(path, old)
        temporary = path.with_name(path.name + ".converting")
        write_bytes(data, temporary, new, name=path.name)
        old_link = path.with_name(path.name + ".old")
        old_link.unlink(missing_ok=True)
        os.link(path, old_link)
        os.replace(temporary, path)
        if new is not None:
            _shred(old_link)
        else:
            old_link.unlink()


def _shred(path: Path) -> None:
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.write(b"\0" * size)
        handle.flush()
        os.fsync(handle.fileno())
    path.unlink()


def recover_folder(folder: Path) -> None:
    """Remove what a killed `reseal_folder` left: temporary copies and extra links."""
    if not folder.is_dir():
        return
    for leftover in folder.glob("*.fvpack.converting"):
        leftover.unlink()
    for old_link in folder.glob("*.fvpack.old"):
        current = old_link.with_name(old_link.name[: -len(".old")])
        if current.exists() and os.path.samefile(current, old_link):
            old_link.unlink()
        elif not is_sealed(old_link):
            _shred(old_link)
        else:
            old_link.unlink()
