"""The .fvreturn envelope and payload: header, sealing, and what counts as malformed."""

from __future__ import annotations

import json
import re

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from returns_support import CREATED, FEEDBACK_V1, answer, craft, note

from fieldvisit.returns.format import (
    HEADER,
    MAGIC,
    RejectReason,
    ReturnRejectedError,
    fingerprint_text,
    installation_id_for,
    open_sealed,
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
    assert header.startswith(MAGIC) and data[8:10] == b"\x02\x01"
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
