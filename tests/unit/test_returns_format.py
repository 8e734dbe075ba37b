"""The .fvreturn envelope and payload: header, sealing, and what counts as malformed."""

from __future__ import annotations

import json
import re
import zlib

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from returns_support import CREATED, FEEDBACK_V1, answer, craft, note, seal_signed

from fieldvisit.returns.format import (
    HEADER,
    MAGIC,
    MAX_PAYLOAD_BYTES,
    RejectReason,
    ReturnRejectedError,
    fingerprint_text,
    installation_id_for,
    open_sealed,
    open_unverified,
    raw_public,
    read_header,
)
from fieldvisit.returns.payload import parse_payload


@pytest.fixture
def organiser() -> X25519PrivateKey:
    return X25519PrivateKey.generate()


def opened_payload(organiser: X25519PrivateKey, data: bytes) -> bytes:
    return open_sealed(data, organiser, public_raw=raw_public(organiser.public_key())).payload


def test_header_names_recipient_and_length_before_decryption(organiser: X25519PrivateKey) -> None:
    data = craft(organiser, Ed25519PrivateKey.generate(), [note("n1", "Hello")])
    header, fingerprint, length = read_header(data)
    assert header.startswith(MAGIC) and data[8:10] == b"\x03\x01"
    assert fingerprint.hex() == fingerprint_text(raw_public(organiser.public_key()))
    assert length == len(data) - HEADER.size


def test_round_trip_keeps_every_field(organiser: X25519PrivateKey) -> None:
    signer = Ed25519PrivateKey.generate()
    data = craft(
        organiser, signer, [note("n1", "Zoë's note ✓"), answer("a1", ["x", "y"])],
        questionnaires=[FEEDBACK_V1],
    )  # fmt: skip
    opened = open_sealed(data, organiser, public_raw=raw_public(organiser.public_key()))
    payload = parse_payload(opened.payload)
    assert opened.signer == raw_public(signer.public_key())
    assert payload.installation_id == installation_id_for(opened.signer)
    assert payload.created == CREATED
    assert [r.fields["body"] for r in payload.records if r.kind == "note"] == ["Zoë's note ✓"]
    assert [r.fields["value"] for r in payload.records if r.kind == "answer"] == [["x", "y"]]
    assert payload.questionnaires == (FEEDBACK_V1,)
    assert [m[0] for m in payload.manifest] == ["note", "answer"]


def _notes(count: int) -> list[object]:
    words = "returnees families mentors probation prison community police youth work".split()
    return [
        note(f"n{i}", " ".join(words[(i + k) % len(words)] for k in range(40)))
        for i in range(count)
    ]


def test_the_payload_travels_compressed_and_a_version_2_file_still_opens(
    organiser: X25519PrivateKey,
) -> None:
    """Format 3 signs and seals the payload compressed; the file of 50 notes is several
    times smaller than the same return in format 2, which earlier releases wrote and which
    opens to the very same JSON."""
    signer = Ed25519PrivateKey.generate()
    records = _notes(50)
    new = craft(organiser, signer, records)  # type: ignore[arg-type]
    old = craft(organiser, signer, records, version=2)  # type: ignore[arg-type]
    assert (new[8], old[8]) == (3, 2)
    assert len(new) * 4 < len(old)
    public = raw_public(organiser.public_key())
    opened_new = open_sealed(new, organiser, public_raw=public)
    opened_old = open_sealed(old, organiser, public_raw=public)
    assert opened_new.payload == opened_old.payload == opened_old.signed
    assert zlib.decompress(opened_new.signed) == opened_new.payload
    assert (opened_new.compressed, opened_old.compressed) == (True, False)
    assert b"returnees" in opened_new.payload and b"returnees" not in opened_new.signed
    assert open_unverified(new, organiser) == open_unverified(old, organiser)
    assert len(parse_payload(opened_new.payload).records) == 50


def test_the_signature_covers_the_compressed_bytes(organiser: X25519PrivateKey) -> None:
    """The signature is over exactly the bytes that travel: one made over the JSON, with
    the JSON sent compressed, is forged."""
    signer = Ed25519PrivateKey.generate()
    raw = opened_payload(organiser, craft(organiser, signer, [note("n1", "Hello")]))
    public = raw_public(organiser.public_key())
    good = seal_signed(organiser, signer, zlib.compress(raw))
    assert open_sealed(good, organiser, public_raw=public).payload == raw
    cheat = seal_signed(organiser, signer, zlib.compress(raw), signature=signer.sign(raw))
    with pytest.raises(ReturnRejectedError, match="signature does not match") as caught:
        open_sealed(cheat, organiser, public_raw=raw_public(organiser.public_key()))
    assert caught.value.reason is RejectReason.FORGED


@pytest.mark.parametrize(
    ("signed", "message"),
    [
        (b'{"format":"fvreturn"}', "not compressed"),
        (zlib.compress(b'{"format":"fvreturn"}', wbits=13), "not compressed"),
        (zlib.compress(b'{"format":"fvreturn"}' * 50)[:-9], "cut short"),
        (zlib.compress(b'{"format":"fvreturn"}') + b"more", "bytes follow"),
        (b"\x78\x9c" + b"\xff" * 40, "compressed payload is broken"),
        (b"", "not compressed"),
    ],
)
def test_a_signed_but_broken_compressed_payload_is_malformed(
    organiser: X25519PrivateKey, signed: bytes, message: str
) -> None:
    data = seal_signed(organiser, Ed25519PrivateKey.generate(), signed)
    with pytest.raises(ReturnRejectedError, match=message) as caught:
        open_sealed(data, organiser, public_raw=raw_public(organiser.public_key()))
    assert caught.value.reason is RejectReason.MALFORMED


def test_a_compressed_payload_is_never_inflated_beyond_the_bound(
    organiser: X25519PrivateKey,
) -> None:
    """A signed stream of 64 MiB and one byte of spaces (65 KB compressed): refused with
    the bound named, after inflating at most the bound."""
    bomb = zlib.compress(b" " * (MAX_PAYLOAD_BYTES + 1), 9)
    assert len(bomb) < 100_000
    data = seal_signed(organiser, Ed25519PrivateKey.generate(), bomb)
    with pytest.raises(ReturnRejectedError, match="larger than 64 MiB uncompressed") as caught:
        open_sealed(data, organiser, public_raw=raw_public(organiser.public_key()))
    assert caught.value.reason is RejectReason.MALFORMED
    exact = seal_signed(
        organiser, Ed25519PrivateKey.generate(), zlib.compress(b" " * MAX_PAYLOAD_BYTES, 9)
    )
    opened = open_sealed(exact, organiser, public_raw=raw_public(organiser.public_key()))
    assert len(opened.payload) == MAX_PAYLOAD_BYTES  # the bound itself is allowed


@pytest.mark.parametrize(("outer", "inner"), [(3, 2), (2, 3)])
def test_an_inner_block_of_another_version_is_forged(
    organiser: X25519PrivateKey, outer: int, inner: int
) -> None:
    """A format 3 header around a format 2 inner block (or the reverse) is not genuine: the
    app never writes one, so whatever holds it was put together by hand."""
    signed = zlib.compress(b'{"format":"fvreturn"}')
    data = seal_signed(
        organiser, Ed25519PrivateKey.generate(), signed, version=outer, inner_version=inner
    )
    with pytest.raises(ReturnRejectedError, match="no signature block") as caught:
        open_sealed(data, organiser, public_raw=raw_public(organiser.public_key()))
    assert caught.value.reason is RejectReason.FORGED


def test_sealing_twice_gives_different_bytes(organiser: X25519PrivateKey) -> None:
    signer = Ed25519PrivateKey.generate()
    first = craft(organiser, signer, [note("n1", "Same")])
    assert first != craft(organiser, signer, [note("n1", "Same")])  # fresh HPKE key each time


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda p: p["records"]["notes"][0].update(revision=True), "wrong type"),
        (lambda p: p["records"]["notes"][0].pop("body"), "lacks a field"),
        (lambda p: p["manifest"][0].update(id="other"), "manifest does not list"),
        (lambda p: p["manifest"][0].update(sha256="0" * 64), "content hash"),
        (lambda p: p["manifest"][0].update(sha256=7), "hash is not a string"),
        (lambda p: p["manifest"][0].update(revision=9), "manifest does not list"),
        (lambda p: p["manifest"].append(dict(p["manifest"][0])), "manifest does not list"),
        (lambda p: p.update(format_version=2), "fvreturn version 1"),
        (lambda p: p.update(created="yesterday"), "ISO 8601"),
        (lambda p: p.update(records=[]), "not an object"),
    ],
)
def test_malformed_payloads_say_what_is_wrong(
    organiser: X25519PrivateKey, change: object, message: str
) -> None:
    raw = opened_payload(
        organiser, craft(organiser, Ed25519PrivateKey.generate(), [note("n", "b")])
    )
    payload = json.loads(raw)
    assert callable(change)
    change(payload)
    with pytest.raises(ReturnRejectedError, match=message) as caught:
        parse_payload(json.dumps(payload).encode())
    assert caught.value.reason is RejectReason.MALFORMED


def test_not_json_is_malformed() -> None:
    with pytest.raises(ReturnRejectedError, match="not JSON"):
        parse_payload(b"\xff\xfe")


def test_a_short_file_with_the_magic_is_truncated() -> None:
    with pytest.raises(ReturnRejectedError) as caught:
        read_header(MAGIC[:5])
    assert caught.value.reason is RejectReason.TRUNCATED


# --- crafted by someone holding the pack: values outside the ranges (issue 15) -----------
# Each passed the proof and then crashed `collate` (OverflowError, ValueError,
# UnicodeEncodeError); the reader now rejects each as MALFORMED with its own reason.

BIG = 10**30


def _raw_payload(organiser: X25519PrivateKey) -> dict[str, object]:
    raw = opened_payload(
        organiser,
        craft(
            organiser,
            Ed25519PrivateKey.generate(),
            [note("n", "b"), answer("a", "x")],
            questionnaires=[FEEDBACK_V1],
        ),
    )
    return dict(json.loads(raw))


def _set_revision(p: dict[str, object], value: int) -> None:
    records = p["records"]
    manifest = p["manifest"]
    assert isinstance(records, dict) and isinstance(manifest, list)
    records["notes"][0]["revision"] = value
    manifest[0]["revision"] = value


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda p: p.update(created="0001-01-01T00:00:00Z"), "created 1 is outside 1970-2100"),
        (lambda p: p.update(created="9999-12-31T23:59:59Z"), "outside 1970-2100"),
        (lambda p: p.update(created="1969-12-31T23:59:59Z"), "outside 1970-2100"),
        (lambda p: p.update(pack_version=BIG), "pack_version is outside 64 bits"),
        (lambda p: p.update(pack_version=-BIG), "pack_version is outside 64 bits"),
        (lambda p: _set_revision(p, BIG), "revision is outside 64 bits"),
        (
            lambda p: p["records"]["answers"][0].update(questionnaire_version=BIG),
            "questionnaire_version is outside 64 bits",
        ),
        (
            lambda p: p["questionnaires"][0].update(version=BIG),
            "questionnaires[0]: version is outside 64 bits",
        ),
    ],
)
def test_values_outside_the_ranges_are_malformed(
    organiser: X25519PrivateKey, change: object, message: str
) -> None:
    payload = _raw_payload(organiser)
    assert callable(change)
    change(payload)
    with pytest.raises(ReturnRejectedError, match=re.escape(message)) as caught:
        parse_payload(json.dumps(payload).encode(), check_hashes=False)
    assert caught.value.reason is RejectReason.MALFORMED


@pytest.mark.parametrize("key", ["pack_version", "revision"])
def test_an_integer_of_thousands_of_digits_is_malformed(
    organiser: X25519PrivateKey, key: str
) -> None:
    raw = json.dumps(_raw_payload(organiser)).encode()
    needle = f'"{key}": 1'.encode()
    assert needle in raw
    with pytest.raises(ReturnRejectedError, match="too large") as caught:
        parse_payload(raw.replace(needle, f'"{key}": '.encode() + b"9" * 5000))
    assert caught.value.reason is RejectReason.MALFORMED


@pytest.mark.parametrize(
    ("marker", "where"),
    [("delegate_name", "payload.delegate_name"), ("body", "payload.records.notes[0].body")],
)
def test_a_lone_surrogate_is_malformed(
    organiser: X25519PrivateKey, marker: str, where: str
) -> None:
    payload = _raw_payload(organiser)
    if marker == "delegate_name":
        payload["delegate_name"] = "SURROGATE"
    else:
        payload["records"]["notes"][0]["body"] = "SURROGATE"  # type: ignore[index]
    raw = json.dumps(payload).encode().replace(b"SURROGATE", b"Zo\\ud800")
    with pytest.raises(ReturnRejectedError, match="lone surrogate") as caught:
        parse_payload(raw, check_hashes=False)
    assert where in caught.value.detail
    assert caught.value.reason is RejectReason.MALFORMED


def test_a_surrogate_pair_is_fine(organiser: X25519PrivateKey) -> None:
    payload = _raw_payload(organiser)
    payload["delegate_name"] = "SURROGATE"
    raw = json.dumps(payload).encode().replace(b"SURROGATE", b"Zo\\ud83c\\udf89")
    assert parse_payload(raw, check_hashes=False).delegate_name == "Zo\U0001f389"
