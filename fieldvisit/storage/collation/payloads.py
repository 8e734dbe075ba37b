"""How the collation store keeps a return's signed payload: zlib-compressed, losslessly.

Record contents are read from the kept payload (views.record_data), and the exact bytes
can be checked again against the kept signature. Compressing them (zlib level 1, done by
the collator's worker processes, before the store is touched) makes the store and its
write-ahead log several times smaller, which is most of what writing a return costs.
Stores collated before keep their payloads as they were: a payload is JSON and starts
with "{" (or JSON whitespace), a zlib stream with 0x78 ("x"), so each reads either way.
"""

from __future__ import annotations

import zlib

_ZLIB_FIRST = 0x78


def pack_payload(raw: bytes) -> bytes:
    """The payload as the store keeps it."""
    return zlib.compress(raw, 1)


def unpack_payload(stored: bytes) -> bytes:
    """The exact signed payload bytes from what the store kept (compressed or not)."""
    if stored[:1] == bytes([_ZLIB_FIRST]):
        return zlib.decompress(stored)
    return stored
