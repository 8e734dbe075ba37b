"""Organiser keys: file modes, no overwriting, passphrases, fingerprints, signatures."""

from __future__ import annotations

import re
import stat
from pathlib import Path

import pytest

from fieldvisit.domain.errors import InvalidInputError, TrustError
from fieldvisit.packs.keys import (
    PassphraseNeededError,
    decode_public_key,
    fingerprint,
    generate_keys,
    load_keys,
    load_public_keys,
    verify_signature,
)
from fieldvisit.packs.samples import demo_keys


def test_generate_and_load(tmp_path: Path) -> None:
    path = tmp_path / "org.key"
    made = generate_keys(path, None)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    loaded = load_keys(path, None)
    assert loaded.public == made.public
    public = load_public_keys(tmp_path / "org.key.pub")
    assert public == made.public
    assert public.fingerprint == made.fingerprint
    assert "PRIVATE" not in (tmp_path / "org.key.pub").read_text()


def test_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "org.key"
    path.write_text("precious")
    with pytest.raises(InvalidInputError, match="not overwriting"):
        generate_keys(path, None)
    assert path.read_text() == "precious"
    assert not (tmp_path / "org.key.pub").exists()


def test_passphrase(tmp_path: Path) -> None:
    path = tmp_path / "org.key"
    made = generate_keys(path, "s3cret phrase")
    assert path.read_text().count("ENCRYPTED PRIVATE KEY-----") == 4  # BEGIN and END, twice
    assert load_keys(path, "s3cret phrase").public == made.public
    with pytest.raises(PassphraseNeededError, match="passphrase is needed"):
        load_keys(path, None)
    with pytest.raises(TrustError, match="wrong passphrase"):
        load_keys(path, "guess")


def test_passphrase_given_for_a_plain_key(tmp_path: Path) -> None:
    path = tmp_path / "org.key"
    generate_keys(path, None)
    with pytest.raises(TrustError, match="not protected"):
        load_keys(path, "unneeded")


@pytest.mark.parametrize(
    "text",
    [
        "hello",
        "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n" * 2,
        "\u00e9t\u00e9",
    ],
)
def test_not_a_key_file(tmp_path: Path, text: str) -> None:
    path = tmp_path / "org.key"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInputError, match="not a fieldvisit key file") as caught:
        load_keys(path, None)
    assert str(path) in caught.value.message


def test_keys_of_the_wrong_kind(tmp_path: Path) -> None:
    # Two X25519 keys (the return key twice) are not an organiser key.
    generate_keys(tmp_path / "org.key", None)
    text = (tmp_path / "org.key").read_text()
    blocks = re.findall(r"-----BEGIN PRIVATE KEY-----.+?-----END PRIVATE KEY-----", text, re.S)
    (tmp_path / "bad.key").write_text(blocks[1] + "\n" + blocks[1] + "\n")
    with pytest.raises(InvalidInputError, match="Ed25519"):
        load_keys(tmp_path / "bad.key", None)


def test_fingerprint_format() -> None:
    shown = fingerprint(bytes(range(32)))
    assert re.fullmatch(r"([0-9A-F]{8} ){4}[0-9A-F]{8}", shown)
    assert shown == "630DCD29 66C43366 91125448 BBB25B4F F412A49C"


def test_signatures() -> None:
    keys = demo_keys()
    signature = keys.sign(b"manifest")
    assert verify_signature(keys.public.signing_key, signature, b"manifest")
    assert not verify_signature(keys.public.signing_key, signature, b"manifest!")
    assert keys.fingerprint == "4E31722E 64235F90 590F8C61 D58FA407 9C30D1D5"


@pytest.mark.parametrize("text", ["not base64!", "AAAA", "\u00e9" * 44])
def test_bad_public_keys(text: str) -> None:
    with pytest.raises(InvalidInputError):
        decode_public_key(text, source="x.fvpack", field="$.signing_key")
