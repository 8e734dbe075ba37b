"""The wrapped data key of an encrypted store (`fieldvisit.key` beside the store).

The store is encrypted by SQLCipher with a random 256-bit *data key*. That key is kept
only wrapped: ChaCha20-Poly1305 under a *wrapping key* derived from the delegate's
passcode with Argon2id (RFC 9106, second recommended option for memory-constrained use:
64 MiB, 3 passes, 4 lanes). The parameters are written into the file, so a later version
can raise them for new files and still read old ones.

Changing the passcode re-wraps the same data key; the store is not touched. A wrong
passcode fails the AEAD tag check, nothing else; a forgotten passcode cannot be
recovered (there is no other copy of the data key, by design).

The data key lives in a `bytearray` so that `wipe()` can overwrite it on lock: as far as
Python allows (the SQL text handed to SQLCipher is an immutable str for a moment).
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fieldvisit.domain.durable import fsync_folder
from fieldvisit.domain.errors import StorageError, UserError

FORMAT = "fieldvisit-wrapped-key"
VERSION = 1
KEY_BYTES = 32
MAX_FILE = 64 * 1024

# RFC 9106 section 4, second recommended option (memory-constrained): Argon2id, t=3,
# p=4, m=2^16 KiB, 128-bit salt, 256-bit tag.
ARGON2_MEMORY_KIB = 64 * 1024
ARGON2_ITERATIONS = 3
ARGON2_LANES = 4
SALT_BYTES = 16
NONCE_BYTES = 12


@dataclass(frozen=True, slots=True)
class KdfParams:
    memory_kib: int = ARGON2_MEMORY_KIB
    iterations: int = ARGON2_ITERATIONS
    lanes: int = ARGON2_LANES


# What new key files get (tests lower it to keep the suite quick; old files keep theirs).
DEFAULT_PARAMS = KdfParams()


class WrongPasscodeError(UserError):
    """The passcode does not unwrap the data key."""


class KeyFileError(StorageError):
    """The wrapped-key file is missing, damaged or of an unknown kind."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object, path: Path, field: str) -> bytes:
    if not isinstance(text, str):
        raise KeyFileError(f"the wrapped-key file is damaged ({field})", path=path)
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise KeyFileError(f"the wrapped-key file is damaged ({field})", path=path) from None


def derive(passcode: str, salt: bytes, params: KdfParams) -> bytes:
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

    kdf = Argon2id(
        salt=salt,
        length=KEY_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(passcode.encode("utf-8"))


def _aad() -> bytes:
    return f"{FORMAT}/{VERSION}".encode("ascii")


def wrap(data_key: bytes | bytearray, passcode: str, params: KdfParams | None = None) -> bytes:
    """The key file's bytes: `data_key` sealed under a key derived from `passcode`."""
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    if not passcode:
        raise UserError("the passcode is empty")
    params = params or DEFAULT_PARAMS
    salt = secrets.token_bytes(SALT_BYTES)
    nonce = secrets.token_bytes(NONCE_BYTES)
    sealed = ChaCha20Poly1305(derive(passcode, salt, params)).encrypt(
        nonce, bytes(data_key), _aad()
    )
    document = {
        "format": FORMAT,
        "version": VERSION,
        "kdf": {
            "name": "argon2id",
            "memory_kib": params.memory_kib,
            "iterations": params.iterations,
            "lanes": params.lanes,
            "salt": _b64(salt),
        },
        "aead": {"name": "chacha20-poly1305", "nonce": _b64(nonce)},
        "wrapped_key": _b64(sealed),
        "note": "The fieldvisit store's key, sealed by the passcode. Without the passcode "
        "it cannot be recovered.",
    }
    return (json.dumps(document, indent=2) + "\n").encode("utf-8")


def _parse(path: Path) -> dict[str, Any]:
    try:
        if path.stat().st_size > MAX_FILE:
            raise KeyFileError("the wrapped-key file is damaged (too large)", path=path)
        document = json.loads(path.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        raise KeyFileError(
            "the store is encrypted but its key file is missing", path=path
        ) from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise KeyFileError("the wrapped-key file is damaged (not readable)", path=path) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise KeyFileError("not a fieldvisit wrapped-key file", path=path)
    if document.get("version") != VERSION:
        raise KeyFileError(
            f"wrapped-key version {document.get('version')!r} is newer than this app knows; "
            "please update fieldvisit",
            path=path,
        )
    return document


def read_params(path: Path) -> KdfParams:
    kdf = _parse(path).get("kdf")
    if not isinstance(kdf, dict) or kdf.get("name") != "argon2id":
        raise KeyFileError("the wrapped-key file is damaged (kdf)", path=path)
    values = [kdf.get(k) for k in ("memory_kib", "iterations", "lanes")]
    if not all(isinstance(v, int) and 0 < v < 1 << 24 for v in values):
        raise KeyFileError("the wrapped-key file is damaged (kdf parameters)", path=path)
    memory, iterations, lanes = (int(v) for v in values)  # type: ignore[arg-type]
    if memory < 8 * lanes:
        raise KeyFileError("the wrapped-key file is damaged (kdf parameters)", path=path)
    return KdfParams(memory_kib=memory, iterations=iterations, lanes=lanes)


def unwrap(path: Path, passcode: str) -> bytearray:
    """The data key, or WrongPasscodeError / KeyFileError. Reads only; changes nothing."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    document = _parse(path)
    params = read_params(path)
    kdf, aead = document.get("kdf"), document.get("aead")
    if not isinstance(aead, dict) or aead.get("name") != "chacha20-poly1305":
        raise KeyFileError("the wrapped-key file is damaged (aead)", path=path)
    assert isinstance(kdf, dict)
    salt = _unb64(kdf.get("salt"), path, "salt")
    nonce = _unb64(aead.get("nonce"), path, "nonce")
    sealed = _unb64(document.get("wrapped_key"), path, "wrapped_key")
    if len(salt) < 8 or len(nonce) != NONCE_BYTES or len(sealed) != KEY_BYTES + 16:
        raise KeyFileError("the wrapped-key file is damaged (lengths)", path=path)
    try:
        key = ChaCha20Poly1305(derive(passcode, salt, params)).decrypt(nonce, sealed, _aad())
    except InvalidTag:
        raise WrongPasscodeError("wrong passcode", path=path) from None
    return bytearray(key)


def new_data_key() -> bytearray:
    return bytearray(secrets.token_bytes(KEY_BYTES))


def write_key_file(path: Path, data_key: bytes | bytearray, passcode: str) -> None:
    """Write (atomically, 0600) the wrapped `data_key`."""
    write_private_atomic(path, wrap(data_key, passcode))


def write_private_atomic(path: Path, data: bytes) -> None:
    """A temporary 0600 file beside `path`, fsynced, renamed over it, the folder fsynced."""
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    fsync_folder(path.parent)


def wipe(key: bytearray | None) -> None:
    """Overwrite the key bytes in place (the caller then drops its reference)."""
    if key is None:
        return
    for index in range(len(key)):
        key[index] = 0


def sql_key(key: bytes | bytearray) -> str:
    """The PRAGMA key value for a raw 256-bit key: SQLCipher's blob literal x'..'."""
    if len(key) != KEY_BYTES:
        raise ValueError("a data key has 32 bytes")
    return f"\"x'{bytes(key).hex()}'\""


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
