"""The .fvreturn envelope: a signed JSON payload sealed with HPKE to the organisers' X25519 key.

Layout (all integers big-endian)::

    outer header  magic "FVRETURN" | format version u8 | algorithm id u8
                  | SHA-256 of the recipient's raw X25519 key (32 bytes)
                  | length of the sealed body u64
    sealed body   HPKE(X25519, HKDF-SHA256, ChaCha20-Poly1305) single-shot, info = outer header
    inner (plain) "FVRS" | inner version u8 | Ed25519 public key (32) | signature (64) | payload

The header is the HPKE `info`, so any change to it fails decryption. The signature covers the
exact payload bytes and sits inside the encryption, so only the organisers learn the sender.
See docs/returns-format.md for the reasoning and the limits.
"""

from __future__ import annotations

import base64
import hashlib
import json
import struct
import uuid
from dataclasses import dataclass
from enum import StrEnum

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

MAGIC = b"FVRETURN"
FORMAT_NAME = "fvreturn"
FORMAT_VERSION = 1
ALG_HPKE_X25519_SHA256_CHACHA20POLY1305 = 1
SUFFIX = ".fvreturn"
HEADER = struct.Struct(">8sBB32sQ")
INNER_MAGIC = b"FVRS"
INNER_VERSION = 1
INNER = struct.Struct(">4sB32s64s")
SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.CHACHA20_POLY1305)
# The domain separator keeps an installation id from ever equalling a hash made elsewhere.
_INSTALLATION_DOMAIN = b"fieldvisit-installation-v1:"


class RejectReason(StrEnum):
    """Why a file was not collated; each failure has its own reason."""

    UNREADABLE = "unreadable"  # the file could not be read at all
    TOO_LARGE = "too_large"  # far larger than any return: not even read
    NOT_A_RETURN = "not_a_return"  # no fvreturn magic
    UNSUPPORTED = "unsupported"  # a format version or algorithm this app does not know
    TRUNCATED = "truncated"  # shorter than its header says
    WRONG_KEY = "wrong_key"  # sealed to another organiser key
    TAMPERED = "tampered"  # decryption failed: the bytes were changed
    FORGED = "forged"  # no valid signature of the claimed sender
    MALFORMED = "malformed"  # signed, but the payload breaks the format


class ReturnRejectedError(Exception):
    """A return file that cannot be accepted, with its reason and a human explanation."""

    def __init__(self, reason: RejectReason, detail: str) -> None:
        self.reason = reason
        self.detail = detail
        super().__init__(f"{reason.value}: {detail}")


@dataclass(frozen=True, slots=True)
class Opened:
    """A decrypted return whose signature verified: the exact payload bytes and the signer."""

    payload: bytes
    signer: bytes  # raw Ed25519 public key
    signature: bytes
    recipient_fingerprint: str


def canonical_json(value: object) -> bytes:
    """Deterministic JSON: the same content always gives the same bytes (and hash)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def raw_public(key: X25519PublicKey | Ed25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def key_fingerprint(raw_key: bytes) -> bytes:
    return hashlib.sha256(raw_key).digest()


def fingerprint_text(raw_key: bytes) -> str:
    """The recipient fingerprint as hex, the way payloads and the docs quote it."""
    return key_fingerprint(raw_key).hex()


def installation_id_for(signer: bytes) -> str:
    """The installation id derived from its Ed25519 public key, formatted as a UUID.

    Deriving the id from the key binds them: a return that claims someone else's id
    cannot carry a signature that verifies under a key hashing to that id.
    """
    digest = hashlib.sha256(_INSTALLATION_DOMAIN + signer).digest()
    return str(uuid.UUID(bytes=digest[:16]))


def seal(payload: bytes, signing_key: Ed25519PrivateKey, recipient: X25519PublicKey) -> bytes:
    """Sign the payload bytes, then encrypt payload, signature and signer to the recipient."""
    signer = raw_public(signing_key.public_key())
    inner = INNER.pack(INNER_MAGIC, INNER_VERSION, signer, signing_key.sign(payload)) + payload
    # The sealed body is the plaintext plus the 32-byte encapsulated key and the 16-byte tag.
    body_length = len(inner) + 32 + 16
    header = HEADER.pack(
        MAGIC,
        FORMAT_VERSION,
        ALG_HPKE_X25519_SHA256_CHACHA20POLY1305,
        key_fingerprint(raw_public(recipient)),
        body_length,
    )
    body = SUITE.encrypt(inner, recipient, info=header)
    if len(body) != body_length:  # pragma: no cover - a change of the HPKE encoding
        raise RuntimeError("unexpected HPKE output length")
    return header + body


def read_header(data: bytes) -> tuple[bytes, bytes, int]:
    """Check the outer header; returns (header bytes, recipient fingerprint, body length)."""
    if len(data) < HEADER.size:
        if data[: len(MAGIC)] == MAGIC[: len(data)] and data:
            raise ReturnRejectedError(RejectReason.TRUNCATED, "the file ends inside its header")
        raise ReturnRejectedError(RejectReason.NOT_A_RETURN, "not a fieldvisit return file")
    magic, version, algorithm, fingerprint, length = HEADER.unpack_from(data)
    if magic != MAGIC:
        raise ReturnRejectedError(RejectReason.NOT_A_RETURN, "not a fieldvisit return file")
    if version != FORMAT_VERSION:
        raise ReturnRejectedError(
            RejectReason.UNSUPPORTED, f"format version {version} (this app reads {FORMAT_VERSION})"
        )
    if algorithm != ALG_HPKE_X25519_SHA256_CHACHA20POLY1305:
        raise ReturnRejectedError(RejectReason.UNSUPPORTED, f"unknown algorithm id {algorithm}")
    return data[: HEADER.size], fingerprint, length


def open_sealed(data: bytes, private_key: X25519PrivateKey, *, public_raw: bytes) -> Opened:
    """Check, decrypt and verify a return file's bytes; raises ReturnRejectedError with the reason.

    `public_raw` is the raw public key of `private_key`, passed in so a batch computes it once.
    """
    header, fingerprint, length = read_header(data)
    if fingerprint != key_fingerprint(public_raw):
        raise ReturnRejectedError(
            RejectReason.WRONG_KEY,
            f"sealed to key {fingerprint.hex()[:16]}…, not to this organiser key "
            f"{fingerprint_text(public_raw)[:16]}…",
        )
    body = data[HEADER.size :]
    if len(body) < length:
        raise ReturnRejectedError(
            RejectReason.TRUNCATED, f"{len(body)} of {length} bytes of the sealed body present"
        )
    if len(body) > length:
        raise ReturnRejectedError(RejectReason.TAMPERED, "extra bytes after the sealed body")
    try:
        inner = SUITE.decrypt(body, private_key, info=header)
    except (InvalidTag, ValueError) as exc:
        raise ReturnRejectedError(
            RejectReason.TAMPERED, "decryption failed: the file was changed after sealing"
        ) from exc
    # From here on the bytes are authentic to *someone holding the public key*: anything
    # wrong with the signature means the sender is not who the payload claims.
    if len(inner) < INNER.size:
        raise ReturnRejectedError(RejectReason.FORGED, "no signature inside the sealed body")
    magic, inner_version, signer, signature = INNER.unpack_from(inner)
    if magic != INNER_MAGIC or inner_version != INNER_VERSION:
        raise ReturnRejectedError(RejectReason.FORGED, "no signature block inside the sealed body")
    payload = inner[INNER.size :]
    try:
        Ed25519PublicKey.from_public_bytes(signer).verify(signature, payload)
    except (InvalidSignature, ValueError) as exc:
        raise ReturnRejectedError(
            RejectReason.FORGED, "the signature does not match the payload and its signer"
        ) from exc
    return Opened(
        payload=payload,
        signer=signer,
        signature=signature,
        recipient_fingerprint=fingerprint.hex(),
    )


def open_unverified(data: bytes, private_key: X25519PrivateKey) -> bytes:
    """Decrypt without any check beyond the AEAD: the benchmark's raw baseline only."""
    header = data[: HEADER.size]
    return SUITE.decrypt(data[HEADER.size :], private_key, info=header)[INNER.size :]
