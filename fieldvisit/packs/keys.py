"""Organiser keys: an Ed25519 key that signs packs and an X25519 key that opens returns."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from fieldvisit.domain.errors import InvalidInputError, TrustError

PRIVATE_HEADER = "# fieldvisit organiser key: KEEP SECRET. Signs event packs, opens returns."
PUBLIC_FORMAT = "fieldvisit-organiser-public-key"
MAX_KEY_FILE = 64 * 1024
_PEM_BLOCK = re.compile(
    r"-----BEGIN (?P<label>[A-Z ]+)-----\r?\n.+?\r?\n-----END (?P=label)-----", re.DOTALL
)


class PassphraseNeededError(TrustError):
    """The key file is encrypted and no passphrase was given."""


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def decode_public_key(text: str, *, source: str = "", field: str = "") -> bytes:
    """The 32 raw bytes of a base64 public key, or an InvalidInputError."""
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise InvalidInputError("not a base64 public key", path=source, field=field) from None
    if len(raw) != 32:
        raise InvalidInputError("a public key must be 32 bytes", path=source, field=field)
    return raw


RETURN_PROOF_SALT = b"fieldvisit return proof v1"


def return_proof_key(returns: X25519PrivateKey, event_id: str) -> bytes:
    """The event's return proof key: HKDF-SHA256 of the organiser's X25519 private key.

    Signed packs carry it (so it is covered by the signature) and returns prove with it that
    they were made from the pack; the collation derives it again from the private key, so
    the organiser keeps nothing new.
    """
    return HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=RETURN_PROOF_SALT,
        info=event_id.encode("utf-8"),
    ).derive(returns.private_bytes_raw())


def fingerprint(public_key_bytes: bytes) -> str:
    """What users compare: SHA-256 of the raw Ed25519 key, 20 bytes as 5 groups of 8 hex."""
    digest = hashlib.sha256(public_key_bytes).hexdigest()[:40].upper()
    return " ".join(digest[i : i + 8] for i in range(0, 40, 8))


def verify_signature(public_key_b64: str, signature: bytes, message: bytes) -> bool:
    """True when `signature` is the Ed25519 signature of `message` by that public key."""
    key = Ed25519PublicKey.from_public_bytes(decode_public_key(public_key_b64))
    try:
        key.verify(signature, message)
    except InvalidSignature:
        return False
    return True


@dataclass(frozen=True, slots=True)
class PublicKeys:
    """The shareable halves, as they travel in manifests and `.pub` files."""

    signing_key: str  # Ed25519, base64 of the raw 32 bytes
    return_key: str  # X25519, base64 of the raw 32 bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint(decode_public_key(self.signing_key))


@dataclass(frozen=True, slots=True)
class OrganiserKeys:
    """An organiser's private keys, loaded from a key file."""

    signing: Ed25519PrivateKey
    returns: X25519PrivateKey
    path: Path | None = None

    @property
    def public(self) -> PublicKeys:
        raw = serialization.Encoding.Raw
        fmt = serialization.PublicFormat.Raw
        return PublicKeys(
            signing_key=_b64(self.signing.public_key().public_bytes(raw, fmt)),
            return_key=_b64(self.returns.public_key().public_bytes(raw, fmt)),
        )

    @property
    def fingerprint(self) -> str:
        return self.public.fingerprint

    def sign(self, message: bytes) -> bytes:
        return self.signing.sign(message)

    def return_proof_key(self, event_id: str) -> str:
        """The event's return proof key, base64, as the pack manifest carries it."""
        return _b64(return_proof_key(self.returns, event_id))


def _pem(key: Ed25519PrivateKey | X25519PrivateKey, passphrase: str | None) -> str:
    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(passphrase.encode("utf-8"))
        if passphrase
        else serialization.NoEncryption()
    )
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
    ).decode("ascii")


def public_path(path: Path) -> Path:
    return path.with_name(path.name + ".pub")


def write_public_keys(path: Path, public: PublicKeys) -> None:
    data = {
        "format": PUBLIC_FORMAT,
        "signing_key": public.signing_key,
        "return_key": public.return_key,
        "fingerprint": public.fingerprint,
    }
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def generate_keys(path: Path, passphrase: str | None) -> OrganiserKeys:
    """Make a key pair: `path` (private, mode 0600, never overwritten) and `path.pub`."""
    keys = OrganiserKeys(Ed25519PrivateKey.generate(), X25519PrivateKey.generate(), path)
    pub = public_path(path)
    if pub.exists():
        raise InvalidInputError("already exists; not overwriting a key", path=pub)
    text = "\n".join(
        [PRIVATE_HEADER, _pem(keys.signing, passphrase), _pem(keys.returns, passphrase)]
    )
    try:
        # O_EXCL: never replace an existing key (a lost key means unverifiable packs).
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise InvalidInputError("already exists; not overwriting a key", path=path) from None
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    write_public_keys(pub, keys.public)
    return keys


def load_keys(path: Path, passphrase: str | None) -> OrganiserKeys:
    """Read a private key file. Errors say: not a key file, passphrase needed, wrong one."""
    try:
        if path.stat().st_size > MAX_KEY_FILE:
            raise InvalidInputError("not a fieldvisit key file (too large)", path=path)
        text = path.read_text(encoding="ascii")
    except UnicodeDecodeError:
        raise InvalidInputError("not a fieldvisit key file", path=path) from None
    except FileNotFoundError:
        raise InvalidInputError("no such key file", path=path) from None
    blocks = [m.group(0) for m in _PEM_BLOCK.finditer(text)]
    if len(blocks) != 2:
        raise InvalidInputError(
            "not a fieldvisit key file (expected two PEM private keys)", path=path
        )
    password = passphrase.encode("utf-8") if passphrase else None
    loaded = []
    for block in blocks:
        try:
            loaded.append(serialization.load_pem_private_key(block.encode("ascii"), password))
        except TypeError:
            if password is None:
                raise PassphraseNeededError(
                    "this key is protected: a passphrase is needed", path=path
                ) from None
            raise TrustError("this key is not protected: give no passphrase", path=path) from None
        except (ValueError, UnsupportedAlgorithm):
            if password is not None and "ENCRYPTED" in block:
                raise TrustError("wrong passphrase", path=path) from None
            raise InvalidInputError(
                "not a fieldvisit key file (unreadable key)", path=path
            ) from None
    signing, returns = loaded
    if not isinstance(signing, Ed25519PrivateKey) or not isinstance(returns, X25519PrivateKey):
        raise InvalidInputError(
            "not a fieldvisit key file (expected an Ed25519 and an X25519 key)", path=path
        )
    return OrganiserKeys(signing, returns, path)


def load_public_keys(path: Path) -> PublicKeys:
    """Read a `.pub` file written by `generate_keys`."""
    source = str(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise InvalidInputError("not a fieldvisit public key file", path=path) from None
    if not isinstance(data, dict) or data.get("format") != PUBLIC_FORMAT:
        raise InvalidInputError("not a fieldvisit public key file", path=path)
    for name in ("signing_key", "return_key"):
        if not isinstance(data.get(name), str):
            raise InvalidInputError("missing", path=path, field=name)
        decode_public_key(data[name], source=source, field=name)
    return PublicKeys(signing_key=data["signing_key"], return_key=data["return_key"])


def x25519_public(text: str) -> X25519PublicKey:
    """The return-encryption key from its base64 form (for the returns writer)."""
    return X25519PublicKey.from_public_bytes(decode_public_key(text))
