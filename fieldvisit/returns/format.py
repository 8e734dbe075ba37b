"""The .fvreturn envelope: a signed JSON payload sealed with HPKE to the organisers' X25519 key.

Layout (all integers big-endian)::

    outer header  magic "FVRETURN" | format version u8 | algorithm id u8
                  | SHA-256 of the recipient's raw X25519 key (32 bytes)
                  | length of the sealed body u64
    sealed body   HPKE(X25519, HKDF-SHA256, ChaCha20-Poly1305) single-shot, info = outer header
    inner (plain) "FVRS" | inner version u8 | Ed25519 public key (32) | signature (64)
                  | proof kind u8 | proof (32) | signed payload

The signed payload is the JSON payload compressed as a zlib stream (format version 3), or
the JSON itself (version 2, written by earlier releases and still read). The header is the
HPKE `info`, so any change to it fails decryption. The signature covers the exact signed
payload bytes and sits inside the encryption, so only the organisers learn the sender. The
proof is HMAC-SHA256 over the same bytes under the event's return proof key (from the
signed pack): it shows the sender holds the event pack, not only the public key.
See docs/returns-format.md for the reasoning and the limits.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import struct
import uuid
import zlib
from dataclasses import dataclass
from enum import StrEnum

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

MAGIC = b"FVRETURN"
FORMAT_NAME = "fvreturn"
# 2: the inner block carries the pack proof (version 1 had none and is no longer accepted).
# 3: the payload is compressed (zlib) before it is signed and sealed: files about 8 times
# smaller to mail, and less to decrypt, verify and prove. Version 2 files are still read.
FORMAT_VERSION = 3
READ_VERSIONS = (2, 3)
COMPRESSED_FROM = 3
# The signed JSON payload has its own version: unchanged by the container's versions 2 and 3.
PAYLOAD_VERSION = 1
ALG_HPKE_X25519_SHA256_CHACHA20POLY1305 = 1
SUFFIX = ".fvreturn"
HEADER = struct.Struct(">8sBB32sQ")
INNER_MAGIC = b"FVRS"
INNER_VERSION = FORMAT_VERSION  # the inner block's version is always the outer one
INNER = struct.Struct(">4sB32s64sB32s")
PROOF_NONE = 0  # made from a pack without a return proof key
PROOF_HMAC_SHA256 = 1
PROOF_SIZE = 32
# A compressed payload is never inflated beyond this (the JSON of 50 notes is 40 KB);
# the same bound as a whole return file.
MAX_PAYLOAD_BYTES = 64 * 2**20
# A zlib stream with a 32 KiB window starts with it (what zlib.compress writes); the
# collation store tells a kept stream from kept JSON by it (storage/collation/payloads.py).
_ZLIB_FIRST = b"\x78"
SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.CHACHA20_POLY1305)
NOT_FROM_PACK = "not made from the organisers' event pack"
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
    """A decrypted return whose signature verified: its JSON payload, the exact bytes the
    signature and the proof cover, and the signer.

    The proof is not checked here: its key depends on the event named inside the payload.
    """

    payload: bytes  # the JSON payload (inflated from `signed` in format version 3)
    signed: bytes  # what the signature and the proof cover: a zlib stream, or the JSON (v2)
    signer: bytes  # raw Ed25519 public key
    signature: bytes
    recipient_fingerprint: str
    version: int  # the file's format version
    proof: bytes | None = None  # HMAC-SHA256 under the event's return proof key

    @property
    def compressed(self) -> bool:
        """Whether `signed` is the payload compressed (format version 3 on)."""
        return self.version >= COMPRESSED_FROM


def make_proof(proof_key: bytes, payload: bytes) -> bytes:
    """The pack proof: HMAC-SHA256 of the exact signed payload bytes."""
    return hmac.new(proof_key, payload, hashlib.sha256).digest()


def check_proof(proof_key: bytes, opened: Opened) -> None:
    """Raise FORGED unless the return carries the proof only a pack holder can make."""
    if opened.proof is None or not hmac.compare_digest(
        opened.proof, make_proof(proof_key, opened.signed)
    ):
        raise ReturnRejectedError(RejectReason.FORGED, NOT_FROM_PACK)


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


def seal(
    payload: bytes,
    signing_key: Ed25519PrivateKey,
    recipient: X25519PublicKey,
    proof_key: bytes | None = None,
    *,
    version: int = FORMAT_VERSION,
) -> bytes:
    """Compress the JSON payload, sign it, prove the pack (when the event has a proof key),
    then encrypt the signed bytes, signature, signer and proof to the recipient.

    `version` 2 writes a file as earlier releases did (uncompressed): for the tests that
    check such files are still read."""
    if version not in READ_VERSIONS:
        raise ValueError(f"cannot write format version {version}")
    signed = zlib.compress(payload, 9) if version >= COMPRESSED_FROM else payload
    signer = raw_public(signing_key.public_key())
    if proof_key is None:
        kind, proof = PROOF_NONE, bytes(PROOF_SIZE)
    else:
        kind, proof = PROOF_HMAC_SHA256, make_proof(proof_key, signed)
    signature = signing_key.sign(signed)
    inner = INNER.pack(INNER_MAGIC, version, signer, signature, kind, proof) + signed
    # The sealed body is the plaintext plus the 32-byte encapsulated key and the 16-byte tag.
    body_length = len(inner) + 32 + 16
    header = HEADER.pack(
        MAGIC,
        version,
        ALG_HPKE_X25519_SHA256_CHACHA20POLY1305,
        key_fingerprint(raw_public(recipient)),
        body_length,
    )
    body = SUITE.encrypt(inner, recipient, info=header)
    if len(body) != body_length:  # pragma: no cover - a change of the HPKE encoding
        raise RuntimeError("unexpected HPKE output length")
    return header + body


def read_header(data: bytes) -> tuple[bytes, bytes, int]:
    """Check the outer header; returns (header bytes, recipient fingerprint, body length).
    The format version is the header's byte 8."""
    if len(data) < HEADER.size:
        if data[: len(MAGIC)] == MAGIC[: len(data)] and data:
            raise ReturnRejectedError(RejectReason.TRUNCATED, "the file ends inside its header")
        raise ReturnRejectedError(RejectReason.NOT_A_RETURN, "not a fieldvisit return file")
    magic, version, algorithm, fingerprint, length = HEADER.unpack_from(data)
    if magic != MAGIC:
        raise ReturnRejectedError(RejectReason.NOT_A_RETURN, "not a fieldvisit return file")
    if version not in READ_VERSIONS:
        readable = " and ".join(map(str, READ_VERSIONS))
        raise ReturnRejectedError(
            RejectReason.UNSUPPORTED, f"format version {version} (this app reads {readable})"
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
    version = header[len(MAGIC)]
    magic, inner_version, signer, signature, kind, proof = INNER.unpack_from(inner)
    if magic != INNER_MAGIC or inner_version != version:
        raise ReturnRejectedError(RejectReason.FORGED, "no signature block inside the sealed body")
    if kind not in (PROOF_NONE, PROOF_HMAC_SHA256):
        raise ReturnRejectedError(RejectReason.FORGED, f"unknown pack proof kind {kind}")
    signed = inner[INNER.size :]
    try:
        Ed25519PublicKey.from_public_bytes(signer).verify(signature, signed)
    except (InvalidSignature, ValueError) as exc:
        raise ReturnRejectedError(
            RejectReason.FORGED, "the signature does not match the payload and its signer"
        ) from exc
    return Opened(
        payload=inflate(signed) if version >= COMPRESSED_FROM else signed,
        signed=signed,
        signer=signer,
        signature=signature,
        recipient_fingerprint=fingerprint.hex(),
        version=version,
        proof=proof if kind == PROOF_HMAC_SHA256 else None,
    )


def inflate(signed: bytes) -> bytes:
    """The JSON payload from a signed zlib stream: whole, alone, and at most
    MAX_PAYLOAD_BYTES (a stream that would grow beyond is not inflated further)."""
    if signed[:1] != _ZLIB_FIRST:
        raise ReturnRejectedError(RejectReason.MALFORMED, "the payload is not compressed")
    inflater = zlib.decompressobj()
    try:
        payload = inflater.decompress(signed, MAX_PAYLOAD_BYTES)
    except zlib.error as exc:
        raise ReturnRejectedError(
            RejectReason.MALFORMED, f"the compressed payload is broken ({exc})"
        ) from exc
    if inflater.unconsumed_tail or (not inflater.eof and len(payload) >= MAX_PAYLOAD_BYTES):
        raise ReturnRejectedError(
            RejectReason.MALFORMED,
            f"the payload is larger than {MAX_PAYLOAD_BYTES // 2**20} MiB uncompressed",
        )
    if not inflater.eof:
        raise ReturnRejectedError(RejectReason.MALFORMED, "the compressed payload is cut short")
    if inflater.unused_data:
        raise ReturnRejectedError(RejectReason.MALFORMED, "bytes follow the compressed payload")
    return payload


def open_unverified(data: bytes, private_key: X25519PrivateKey) -> bytes:
    """Decrypt (and inflate) without any check beyond the AEAD: the benchmark's raw
    baseline only."""
    header = data[: HEADER.size]
    signed = SUITE.decrypt(data[HEADER.size :], private_key, info=header)[INNER.size :]
    return zlib.decompress(signed) if header[len(MAGIC)] >= COMPRESSED_FROM else signed
