"""Hostile and broken packs: each is refused with an error naming the file and what is wrong."""

from __future__ import annotations

import copy
import hashlib
import json
import struct
import warnings
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from fieldvisit.domain.errors import InvalidInputError, TrustError, UserError
from fieldvisit.packs.keys import OrganiserKeys
from fieldvisit.packs.reader import open_pack
from fieldvisit.packs.safezip import SafeZip, ZipLimits
from fieldvisit.packs.samples import build_sample, demo_keys

SAMPLE = "hague-2017"


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The members of a genuine signed Hague pack, by name."""
    path = tmp_path_factory.mktemp("sample") / "hague.fvpack"
    build_sample(SAMPLE, path)
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.fixture(scope="module")
def keys() -> OrganiserKeys:
    return demo_keys()


def event_of(sample: dict[str, bytes]) -> dict[str, Any]:
    return copy.deepcopy(json.loads(sample["event.json"]))


def write_zip(path: Path, members: Sequence[tuple[str | zipfile.ZipInfo, bytes]]) -> Path:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns on the duplicate names we want
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in members:
                archive.writestr(name, data)
    return path


def signed_pack(
    path: Path,
    sample: dict[str, bytes],
    keys: OrganiserKeys | None,
    *,
    event: dict[str, Any] | bytes | None = None,
    files: dict[str, bytes] | None = None,
    edit_manifest: Callable[[dict[str, Any]], None] | None = None,
    extra: list[tuple[str | zipfile.ZipInfo, bytes]] | None = None,
    replace: dict[str, bytes] | None = None,
) -> Path:
    """A pack correctly listed and signed (by `keys`) around whatever content we give it."""
    if event is None:
        event_bytes = sample["event.json"]
    elif isinstance(event, bytes):
        event_bytes = event
    else:
        event_bytes = json.dumps(event).encode("utf-8")
    members = {"event.json": event_bytes}
    members.update(
        files
        if files is not None
        else {n: d for n, d in sample.items() if n.startswith(("documents/", "map/"))}
    )
    manifest = json.loads(sample["manifest.json"])
    manifest["files"] = {
        n: {"sha256": hashlib.sha256(d).hexdigest(), "size": len(d)} for n, d in members.items()
    }
    if keys is None:
        manifest["signing_key"] = manifest["return_key"] = None
    if edit_manifest:
        edit_manifest(manifest)
    manifest_bytes = json.dumps(manifest).encode("utf-8")
    out: list[tuple[str | zipfile.ZipInfo, bytes]] = [("manifest.json", manifest_bytes)]
    if keys is not None:
        out.append(("manifest.sig", keys.sign(manifest_bytes)))
    for name, data in members.items():
        out.append((name, (replace or {}).get(name, data)))
    return write_zip(path, out + (extra or []))


def refused(
    path: Path,
    *,
    kind: type[UserError] = InvalidInputError,
    naming: str = "",
    limits: ZipLimits | None = None,
    allow_unsigned: bool = False,
) -> str:
    with pytest.raises(kind) as caught:
        if limits is None:
            open_pack(path, allow_unsigned=allow_unsigned)
        else:
            open_pack(path, allow_unsigned=allow_unsigned, limits=limits)
    message = caught.value.message
    assert str(path) in message
    assert naming in message
    return message


# --- the zip itself --------------------------------------------------------------------------


def test_the_genuine_pack_opens(
    tmp_path: Path, sample: dict[str, bytes], keys: OrganiserKeys
) -> None:
    pack = open_pack(signed_pack(tmp_path / "ok.fvpack", sample, keys))
    assert pack.signed
    assert pack.fingerprint == keys.fingerprint
    assert pack.content.event.id == "sample-hague-rftf-2017"


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "notes.fvpack"
    path.write_bytes(b"Dear delegate, this is not a pack.\n" * 10)
    assert "not a zip" in refused(path)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.fvpack"
    path.write_bytes(b"")
    refused(path)


def test_truncated(tmp_path: Path, sample: dict[str, bytes], keys: OrganiserKeys) -> None:
    whole = signed_pack(tmp_path / "whole.fvpack", sample, keys).read_bytes()
    for cut in (len(whole) // 2, len(whole) - 10):
        path = tmp_path / f"cut{cut}.fvpack"
        path.write_bytes(whole[:cut])
        refused(path)


def test_truncated_member_data(
    tmp_path: Path, sample: dict[str, bytes], keys: OrganiserKeys
) -> None:
    whole = bytearray(signed_pack(tmp_path / "whole.fvpack", sample, keys).read_bytes())
    # Damage the compressed bytes of event.json while keeping the directory intact.
    with zipfile.ZipFile(tmp_path / "whole.fvpack") as archive:
        info = archive.getinfo("event.json")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    whole[start + 10 : start + 200] = b"\x00" * 190
    path = tmp_path / "damaged.fvpack"
    path.write_bytes(bytes(whole))
    refused(path, naming="event.json")


@pytest.mark.parametrize(
    "name",
    [
        "../evil.txt",
        "documents/../../evil.txt",
        "/etc/passwd",
        "C:/evil.txt",
        "documents\\evil.txt",
    ],
)
def test_hostile_member_names(
    tmp_path: Path, sample: dict[str, bytes], keys: OrganiserKeys, name: str
) -> None:
    path = signed_pack(tmp_path / "slip.fvpack", sample, keys, extra=[(name, b"boo")])
    refused(path, naming=repr(name))


def test_symlink_member(tmp_path: Path, sample: dict[str, bytes], keys: OrganiserKeys) -> None:
    link = zipfile.ZipInfo("documents/link.md")
    link.external_attr = 0o120777 << 16
    path = signed_pack(tmp_path / "link.fvpack", sample, keys, extra=[(link, b"/etc/passwd")])
    assert "symbolic link" in refused(path, naming="documents/link.md")


@pytest.mark.parametrize("second", ["event.json", "EVENT.json"])
def test_duplicate_names(
    tmp_path: Path, sample: dict[str, bytes], keys: OrganiserKeys, second: str
) -> None:
    path = signed_pack(tmp_path / "dup.fvpack", sample, keys, extra=[(second, b"{}")])
    assert "duplicate" in refused(path, naming=second)


def test_directory_where_a_file_is_expected(
    tmp_path: Path, sample: dict[str, bytes], keys: OrganiserKeys
) -> None:
    good = signed_pack(tmp_path / "good.fvpack", sample, keys)
    with zipfile.ZipFile(good) as archive:
        members = [
            (name if name != "event.json" else "event.json/", archive.read(name))
            for name in archive.namelist()
        ]
    path = write_zip(
        tmp_path / "dir.fvpack", [(n, b"" if n.endswith("/") else d) for n, d in members]
    )
    assert "missing" in refused(path, naming="event.json")


def test_too_many_members(tmp_path: Path, sample: dict[str, bytes], keys: OrganiserKeys) -> None:
    extra: list[tuple[str | zipfile.ZipInfo, bytes]] = [
        (f"documents/{i}.txt", b"x") for i in range(20)
    ]
    path = signed_pack(tmp_path / "many.fvpack", sample, keys, extra=extra)
    assert "too many" in refused(path, limits=ZipLimits(max_members=10))


# --- zip bombs --------------------------------------------------------------------------------


def test_bomb_by_ratio(tmp_path: Path, sample: dict[str, bytes], keys: OrganiserKeys) -> None:
    zeros = bytes(8 * 1024 * 1024)  # deflates about 1000:1
    files = {"documents/zeros.txt": zeros}
    path = signed_pack(tmp_path / "bomb.fvpack", sample, keys, files=files)
    assert "zip bomb" in refused(path, naming="documents/zeros.txt")


def test_bomb_by_total_size(tmp_path: Path, sample: dict[str, bytes], keys: OrganiserKeys) -> None:
    path = signed_pack(tmp_path / "big.fvpack", sample, keys)
    assert "too large" in refused(path, limits=ZipLimits(max_total_size=5_000))


def test_bomb_by_member_size(tmp_path: Path, sample: dict[str, bytes], keys: OrganiserKeys) -> None:
    path = signed_pack(tmp_path / "big.fvpack", sample, keys)
    refused(path, naming="event.json", limits=ZipLimits(max_member_size=10_000))


def _lie_about_size(path: Path, name: str, declared: int) -> None:
    """Rewrite the sizes a zip declares for `name` (local header and central directory)."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(name)
    # Local header: uncompressed size at offset 22.
    struct.pack_into("<I", data, info.header_offset + 22, declared)
    encoded = name.encode()
    central = -1
    index = 0
    while True:
        index = data.find(b"PK\x01\x02", index)
        assert index >= 0
        if data[index + 46 : index + 46 + len(encoded)] == encoded:
            central = index
            break
        index += 4
    struct.pack_into("<I", data, central + 24, declared)  # uncompressed size
    path.write_bytes(bytes(data))


def test_bomb_whose_header_lies(
    tmp_path: Path, sample: dict[str, bytes], keys: OrganiserKeys
) -> None:
    zeros = bytes(16 * 1024 * 1024)

    def agree_with_the_lie(manifest: dict[str, Any]) -> None:
        manifest["files"]["documents/zeros.txt"]["size"] = 1000

    path = signed_pack(
        tmp_path / "liar.fvpack",
        sample,
        keys,
        files={"documents/zeros.txt": zeros},
        edit_manifest=agree_with_the_lie,
    )
    # Header and manifest claim 1000 bytes: every declared size passes, the real bytes don't.
    _lie_about_size(path, "documents/zeros.txt", 1000)
    assert "damaged" in refused(path, naming="documents/zeros.txt")


def test_sizes_are_counted_while_streaming(
    tmp_path: Path, sample: dict[str, bytes], keys: OrganiserKeys
) -> None:
    path = signed_pack(tmp_path / "pack.fvpack", sample, keys)
    with SafeZip(path) as archive:
        with pytest.raises(InvalidInputError, match="over 100 bytes") as caught:
            archive.read("event.json", max_size=100)
        assert archive.total_read <= 100 + 64 * 1024  # stopped at the first chunk past the limit
    assert "'event.json'" in caught.value.message
    with SafeZip(path) as archive:
        # Tighten the limit after the declared sizes were checked: only counting can catch it.
        archive.limits = ZipLimits(max_total_size=len(sample["event.json"]) + 10)
        archive.read("event.json")
        with pytest.raises(InvalidInputError, match="too large"):
            archive.read("documents/practical-notes.md")


# --- the content -----------------------------------------------------------------------------


def test_invalid_utf8(tmp_path: Path, sample: dict[str, bytes], keys: OrganiserKeys) -> None:
    raw = sample["event.json"].replace(b"Fokker Terminal", b"Fokker \xff\xfe Terminal", 1)
    path = signed_pack(tmp_path / "utf8.fvpack", sample, keys, event=raw)
    assert "UTF-8" in refused(path, naming="event.json")


def test_nul_character(tmp_path: Path, sample: dict[str, bytes], keys: OrganiserKeys) -> None:
    event = event_of(sample)
    event["event"]["title"] = "Returning\u0000 fighters"
    path = signed_pack(tmp_path / "nul.fvpack", sample, keys, event=event)
    assert "NUL" in refused(path, naming="$.event.title")


def test_raw_nul_byte_is_not_json(
    tmp_path: Path, sample: dict[str, bytes], keys: OrganiserKeys
) -> None:
    raw = sample["event.json"].replace(b"Fokker Terminal", b"Fokker\x00Terminal", 1)
    path = signed_pack(tmp_path / "nul.fvpack", sample, keys, event=raw)
    assert "not valid JSON" in refused(path, naming="event.json")


def test_huge_string(tmp_path: Path, sample: dict[str, bytes], keys: OrganiserKeys) -> None:
    event = event_of(sample)
    event["sessions"][2]["description"] = "x" * 500_000
    path = signed_pack(tmp_path / "huge.fvpack", sample, keys, event=event)
    refused(path, naming="$.sessions[2].description")


def test_duplicate_json_keys(tmp_path: Path, sample: dict[str, bytes], keys: OrganiserKeys) -> None:
    raw = sample["event.json"].replace(b'"title":', b'"title": "first", "title":', 1)
    path = signed_pack(tmp_path / "dupkey.fvpack", sample, keys, event=raw)
    assert "duplicate key" in refused(path, naming="event.json")


@pytest.mark.parametrize(
    ("edit", "field"),
    [
        (lambda e: e["sessions"][0].update(kind="party"), "$.sessions[0].kind"),
        (lambda e: e["sessions"][1].pop("start"), "$.sessions[1]"),
        (lambda e: e["sessions"][1].update(start="2017-02-15 09:30"), "$.sessions[1].start"),
        (lambda e: e["sessions"][1].update(start="2017-02-15T09:30:00"), "$.sessions[1].start"),
        (lambda e: e["event"].update(timezone="Mars/Olympus"), "$.event.timezone"),
        (lambda e: e["event"].update(start_date="2017-02-30"), "$.event.start_date"),
        (lambda e: e["people"][0].update(role="king"), "$.people[0].role"),
        (
            lambda e: e["itineraries"][0]["stops"][0].update(lat=123.0),
            "$.itineraries[0].stops[0].lat",
        ),
        (
            lambda e: e["sessions"][0].update(online_url="javascript:alert(1)"),
            "$.sessions[0].online_url",
        ),
        (lambda e: e.update(surprise=True), "$"),
    ],
)
def test_schema_violations(
    tmp_path: Path,
    sample: dict[str, bytes],
    keys: OrganiserKeys,
    edit: Callable[[dict[str, Any]], None],
    field: str,
) -> None:
    event = event_of(sample)
    edit(event)
    path = signed_pack(tmp_path / "schema.fvpack", sample, keys, event=event)
    refused(path, naming=f"event.json: {field}")


@pytest.mark.parametrize(
    ("edit", "field", "problem"),
    [
        (
            lambda e: e["sessions"][1].update(id=e["sessions"][0]["id"]),
            "$.sessions[1].id",
            "duplicate session",
        ),
        (
            lambda e: e["people"][1].update(id=e["people"][0]["id"]),
            "$.people[1].id",
            "duplicate person",
        ),
        (
            lambda e: e["itineraries"][0]["stops"][1].update(
                id=e["itineraries"][0]["stops"][0]["id"]
            ),
            "$.itineraries[0].stops[1].id",
            "duplicate stop",
        ),
        (
            lambda e: e["questionnaires"][0]["questions"][1].update(
                id=e["questionnaires"][0]["questions"][0]["id"]
            ),
            "$.questionnaires[0].questions[1].id",
            "duplicate question",
        ),
        (
            lambda e: e["questionnaires"][1].update(id="before", version=1),
            "$.questionnaires[1].id",
            "duplicate questionnaire",
        ),
    ],
)
def test_duplicate_ids(
    tmp_path: Path,
    sample: dict[str, bytes],
    keys: OrganiserKeys,
    edit: Callable[[dict[str, Any]], None],
    field: str,
    problem: str,
) -> None:
    event = event_of(sample)
    edit(event)
    path = signed_pack(tmp_path / "dupid.fvpack", sample, keys, event=event)
    assert problem in refused(path, naming=field)


@pytest.mark.parametrize(
    ("edit", "field"),
    [
        (lambda e: e["sessions"][0].update(speaker_ids=["nobody"]), "$.sessions[0].speaker_ids[0]"),
        (
            lambda e: e["sessions"][0].update(document_ids=["nothing"]),
            "$.sessions[0].document_ids[0]",
        ),
        (lambda e: e["sessions"][0].update(venue_id="nowhere"), "$.sessions[0].venue_id"),
        (
            lambda e: e["itineraries"][0]["stops"][1].update(host_id="ghost"),
            "$.itineraries[0].stops[1].host_id",
        ),
        (lambda e: e["itineraries"][0].update(session_id="gone"), "$.itineraries[0].session_id"),
        (
            lambda e: e["questionnaires"][2].update(session_id="gone"),
            "$.questionnaires[2].session_id",
        ),
        (lambda e: e["event"].update(emergency_contact_id="ghost"), "$.event.emergency_contact_id"),
        (lambda e: e["documents"][1].update(session_ids=["gone"]), "$.documents[1].session_ids[0]"),
    ],
)
def test_broken_references(
    tmp_path: Path,
    sample: dict[str, bytes],
    keys: OrganiserKeys,
    edit: Callable[[dict[str, Any]], None],
    field: str,
) -> None:
    event = event_of(sample)
    edit(event)
    path = signed_pack(tmp_path / "ref.fvpack", sample, keys, event=event)
    assert "unknown" in refused(path, naming=field)


@pytest.mark.parametrize(
    ("edit", "field"),
    [
        (lambda e: e["sessions"][0].update(end=e["sessions"][0]["start"]), "$.sessions[0].end"),
        (
            lambda e: e["sessions"][0].update(
                start="2017-03-15T09:00:00+01:00", end="2017-03-15T10:00:00+01:00"
            ),
            "$.sessions[0].start",
        ),
        (lambda e: e["event"].update(end_date="2017-02-01"), "$.event.end_date"),
        (
            lambda e: e["itineraries"][0]["stops"][0].update(
                planned_end="2017-02-16T08:00:00+01:00"
            ),
            "$.itineraries[0].stops[0].planned_end",
        ),
    ],
)
def test_insane_times(
    tmp_path: Path,
    sample: dict[str, bytes],
    keys: OrganiserKeys,
    edit: Callable[[dict[str, Any]], None],
    field: str,
) -> None:
    event = event_of(sample)
    edit(event)
    path = signed_pack(tmp_path / "time.fvpack", sample, keys, event=event)
    refused(path, naming=field)


def test_session_crossing_midnight_is_fine(
    tmp_path: Path, sample: dict[str, bytes], keys: OrganiserKeys
) -> None:
    event = event_of(sample)
    event["sessions"][0].update(start="2017-02-16T22:00:00+01:00", end="2017-02-17T01:30:00+01:00")
    pack = open_pack(signed_pack(tmp_path / "night.fvpack", sample, keys, event=event))
    assert pack.content.sessions[0].end.day == 17


def test_document_file_missing(
    tmp_path: Path, sample: dict[str, bytes], keys: OrganiserKeys
) -> None:
    path = signed_pack(tmp_path / "nodoc.fvpack", sample, keys, files={})
    refused(path, naming="$.documents[0].filename")


def test_event_id_differs_from_manifest(
    tmp_path: Path, sample: dict[str, bytes], keys: OrganiserKeys
) -> None:
    event = event_of(sample)
    event["event"]["id"] = "another-event"
    path = signed_pack(tmp_path / "other.fvpack", sample, keys, event=event)
    refused(path, naming="event_id")


# --- integrity and trust ---------------------------------------------------------------------


def test_tampered_file(tmp_path: Path, sample: dict[str, bytes], keys: OrganiserKeys) -> None:
    original = sample["documents/practical-notes.md"]
    tampered = original.replace(b"09:00", b"10:00")
    assert len(tampered) == len(original)
    path = signed_pack(
        tmp_path / "tampered.fvpack",
        sample,
        keys,
        replace={"documents/practical-notes.md": tampered},
    )
    assert "hash mismatch" in refused(path, naming="documents/practical-notes.md")


def test_tampered_event_of_other_length(
    tmp_path: Path, sample: dict[str, bytes], keys: OrganiserKeys
) -> None:
    tampered = sample["event.json"].replace(b"Main hall", b"Basement room", 1)
    path = signed_pack(tmp_path / "tampered.fvpack", sample, keys, replace={"event.json": tampered})
    refused(path, naming="event.json")


def test_bad_signature(tmp_path: Path, sample: dict[str, bytes], keys: OrganiserKeys) -> None:
    good = signed_pack(tmp_path / "good.fvpack", sample, keys)
    with zipfile.ZipFile(good) as archive:
        members = [(n, archive.read(n)) for n in archive.namelist()]
    forged = [(n, bytes(64) if n == "manifest.sig" else d) for n, d in members]
    path = write_zip(tmp_path / "forged.fvpack", forged)
    assert "bad signature" in refused(path, kind=TrustError, naming="manifest.sig")


def test_manifest_changed_after_signing(
    tmp_path: Path, sample: dict[str, bytes], keys: OrganiserKeys
) -> None:
    good = signed_pack(tmp_path / "good.fvpack", sample, keys)
    with zipfile.ZipFile(good) as archive:
        members = [(n, archive.read(n)) for n in archive.namelist()]
    bumped = [
        (n, d.replace(b'"pack_version": 2', b'"pack_version": 9') if n == "manifest.json" else d)
        for n, d in members
    ]
    path = write_zip(tmp_path / "bumped.fvpack", bumped)
    refused(path, kind=TrustError, naming="manifest.sig")


def test_signed_by_another_key_than_named(
    tmp_path: Path, sample: dict[str, bytes], keys: OrganiserKeys
) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    intruder = OrganiserKeys(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())
    # The manifest names the demo key, but the intruder signs it.
    path = signed_pack(tmp_path / "intruder.fvpack", sample, intruder)
    refused(path, kind=TrustError, naming="manifest.sig")


def test_manifest_lists_a_missing_file(
    tmp_path: Path, sample: dict[str, bytes], keys: OrganiserKeys
) -> None:
    def add(manifest: dict[str, Any]) -> None:
        manifest["files"]["documents/ghost.pdf"] = {"sha256": "0" * 64, "size": 10}

    path = signed_pack(tmp_path / "ghost.fvpack", sample, keys, edit_manifest=add)
    assert "missing" in refused(path, naming="documents/ghost.pdf")


def test_unlisted_extra_member(
    tmp_path: Path, sample: dict[str, bytes], keys: OrganiserKeys
) -> None:
    path = signed_pack(
        tmp_path / "extra.fvpack", sample, keys, extra=[("documents/virus.exe", b"MZ")]
    )
    assert "not listed" in refused(path, naming="documents/virus.exe")


def test_unsigned_pack_needs_the_flag(tmp_path: Path, sample: dict[str, bytes]) -> None:
    path = signed_pack(tmp_path / "draft.fvpack", sample, None)
    assert "unsigned" in refused(path, kind=TrustError)
    pack = open_pack(path, allow_unsigned=True)
    assert not pack.signed
    assert pack.fingerprint is None


def test_signature_stripped_from_a_signed_pack(
    tmp_path: Path, sample: dict[str, bytes], keys: OrganiserKeys
) -> None:
    good = signed_pack(tmp_path / "good.fvpack", sample, keys)
    with zipfile.ZipFile(good) as archive:
        members = [(n, archive.read(n)) for n in archive.namelist() if n != "manifest.sig"]
    path = write_zip(tmp_path / "stripped.fvpack", members)
    # Even with the flag: a pack naming a key but carrying no signature was tampered with.
    refused(path, kind=TrustError, naming="manifest.sig", allow_unsigned=True)


def test_needs_a_newer_app(tmp_path: Path, sample: dict[str, bytes], keys: OrganiserKeys) -> None:
    def newer(manifest: dict[str, Any]) -> None:
        manifest["min_app_version"] = "99.0"

    path = signed_pack(tmp_path / "future.fvpack", sample, keys, edit_manifest=newer)
    assert "99.0" in refused(path, kind=TrustError)


def test_bad_manifest(tmp_path: Path, sample: dict[str, bytes], keys: OrganiserKeys) -> None:
    def broken(manifest: dict[str, Any]) -> None:
        manifest["pack_version"] = "two"

    path = signed_pack(tmp_path / "manifest.fvpack", sample, keys, edit_manifest=broken)
    refused(path, naming="manifest.json: $.pack_version")


def test_read_file_rechecks_the_hash(
    tmp_path: Path, sample: dict[str, bytes], keys: OrganiserKeys
) -> None:
    path = signed_pack(tmp_path / "pack.fvpack", sample, keys)
    pack = open_pack(path)
    assert pack.read_file("documents/practical-notes.md") == sample["documents/practical-notes.md"]
    # Swapped on disk after it was verified:
    original = sample["documents/practical-notes.md"]
    signed_pack(
        path, sample, keys, replace={"documents/practical-notes.md": original.replace(b"09", b"10")}
    )
    with pytest.raises(InvalidInputError, match="changed since"):
        pack.read_file("documents/practical-notes.md")
    with pytest.raises(InvalidInputError, match="not in this pack"):
        pack.read_file("../etc/passwd")


# --- ranges: huge integers, dates outside 1970-2100, lone surrogates, odd zip members ------
# Each of these gave a traceback (ValueError, OverflowError, UnicodeEncodeError,
# NotImplementedError) instead of one line naming the file and the field (issue 15).

HUGE = "9" * 5000  # past Python's int-string limit (4300 digits)


def _pack_with_raw_manifest(
    path: Path, sample: dict[str, bytes], keys: OrganiserKeys, text_edit: tuple[bytes, bytes]
) -> Path:
    """A signed pack whose manifest text had `old` replaced by `new` before signing."""
    members = {n: d for n, d in sample.items() if n not in ("manifest.json", "manifest.sig")}
    manifest = json.loads(sample["manifest.json"])
    manifest["files"] = {
        n: {"sha256": hashlib.sha256(d).hexdigest(), "size": len(d)} for n, d in members.items()
    }
    text = json.dumps(manifest).encode("utf-8")
    old, new = text_edit
    assert old in text
    text = text.replace(old, new, 1)
    out: list[tuple[str | zipfile.ZipInfo, bytes]] = [
        ("manifest.json", text),
        ("manifest.sig", keys.sign(text)),
    ]
    out += list(members.items())
    return write_zip(path, out)


@pytest.mark.parametrize("field", ["pack_version", "format_version"])
def test_manifest_integer_with_thousands_of_digits(
    tmp_path: Path, sample: dict[str, bytes], keys: OrganiserKeys, field: str
) -> None:
    value = json.loads(sample["manifest.json"])[field]
    path = _pack_with_raw_manifest(
        tmp_path / "digits.fvpack",
        sample,
        keys,
        (f'"{field}": {value}'.encode(), f'"{field}": {HUGE}'.encode()),
    )
    message = refused(path, naming="manifest.json")
    assert "digits" in message or "too large" in message


def test_manifest_file_size_beyond_64_bits(
    tmp_path: Path, sample: dict[str, bytes], keys: OrganiserKeys
) -> None:
    def huge(manifest: dict[str, Any]) -> None:
        manifest["files"]["event.json"]["size"] = 2**64

    path = signed_pack(tmp_path / "size.fvpack", sample, keys, edit_manifest=huge)
    refused(path, naming="manifest.json: $.files")


def test_questionnaire_version_with_thousands_of_digits(
    tmp_path: Path, sample: dict[str, bytes], keys: OrganiserKeys
) -> None:
    event = event_of(sample)
    version = event["questionnaires"][0]["version"]
    text = json.dumps(event).encode()
    needle = f'"version": {version}'.encode()
    assert needle in text
    raw = text.replace(needle, f'"version": {HUGE}'.encode(), 1)
    path = signed_pack(tmp_path / "qdigits.fvpack", sample, keys, event=raw)
    refused(path, naming="event.json")


@pytest.mark.parametrize("year", ["0001", "1969", "2101", "9999"])
@pytest.mark.parametrize(
    ("where", "edit"),
    [
        (
            "$.event.",  # start_date or end_date, both out of range
            lambda e, y: e["event"].update(start_date=f"{y}-02-15", end_date=f"{y}-02-16"),
        ),
        (
            "$.sessions[0].",
            lambda e, y: e["sessions"][0].update(
                start=f"{y}-12-31T23:00:00-05:00", end=f"{y}-12-31T23:30:00-05:00"
            ),
        ),
        (
            "$.itineraries[0].stops[0].planned_start",
            lambda e, y: e["itineraries"][0]["stops"][0].update(
                planned_start=f"{y}-01-01T00:10:00+14:00"
            ),
        ),
    ],
)
def test_dates_outside_1970_2100(
    tmp_path: Path,
    sample: dict[str, bytes],
    keys: OrganiserKeys,
    where: str,
    edit: Callable[[dict[str, Any], str], None],
    year: str,
) -> None:
    event = event_of(sample)
    edit(event, year)
    path = signed_pack(tmp_path / "year.fvpack", sample, keys, event=event)
    problem = refused(path, naming=f"event.json: {where}").replace(str(path), "")
    assert "1970" in problem and "2100" in problem


@pytest.mark.parametrize("created", ["0001-01-01T00:00:00-05:00", "9999-12-31T23:59:59-05:00"])
def test_manifest_created_outside_1970_2100(
    tmp_path: Path, sample: dict[str, bytes], keys: OrganiserKeys, created: str
) -> None:
    def edit(manifest: dict[str, Any]) -> None:
        manifest["created"] = created

    path = signed_pack(tmp_path / "created.fvpack", sample, keys, edit_manifest=edit)
    problem = refused(path, naming="manifest.json: $.created").replace(str(path), "")
    assert "1970" in problem and "2100" in problem


def test_dates_at_the_edges_of_the_range_are_fine(
    tmp_path: Path, sample: dict[str, bytes], keys: OrganiserKeys
) -> None:
    event = event_of(sample)
    event["event"].update(start_date="2100-12-30", end_date="2100-12-31")
    event["sessions"] = []
    event["itineraries"] = []
    for q in event["questionnaires"]:
        q["session_id"] = None
    for d in event["documents"]:
        d["session_ids"] = []
    path = signed_pack(tmp_path / "edge.fvpack", sample, keys, event=event)
    assert open_pack(path).content.event.end_date.year == 2100


LONE = "\\ud800"


@pytest.mark.parametrize(
    ("field", "edit"),
    [
        ("$.event.title", lambda e: e["event"].update(title="T")),
        ("$.sessions[0].title", lambda e: e["sessions"][0].update(title="T")),
        ("$.people[0].name", lambda e: e["people"][0].update(name="T")),
        ("$.extra", lambda e: e.update(extra={"T": "x"})),
    ],
)
def test_lone_surrogate_in_text(
    tmp_path: Path,
    sample: dict[str, bytes],
    keys: OrganiserKeys,
    field: str,
    edit: Callable[[dict[str, Any]], None],
) -> None:
    event = event_of(sample)
    edit(event)
    # A marker placed by `edit`, swapped for the JSON escape of a lone surrogate.
    raw = json.dumps(event).replace('"T"', f'"before {LONE} after"', 1).encode()
    path = signed_pack(tmp_path / "surrogate.fvpack", sample, keys, event=raw)
    message = refused(path, naming=f"event.json: {field}")
    assert "surrogate" in message


def test_surrogate_pairs_are_fine(
    tmp_path: Path, sample: dict[str, bytes], keys: OrganiserKeys
) -> None:
    event = event_of(sample)
    event["event"]["title"] = "T"
    raw = json.dumps(event).replace('"T"', '"Party \\ud83c\\udf89"', 1).encode()
    path = signed_pack(tmp_path / "emoji.fvpack", sample, keys, event=raw)
    assert open_pack(path).content.event.title == "Party \U0001f389"


def test_lone_surrogate_in_the_manifest(
    tmp_path: Path, sample: dict[str, bytes], keys: OrganiserKeys
) -> None:
    event_id = json.loads(sample["manifest.json"])["event_id"]
    path = _pack_with_raw_manifest(
        tmp_path / "msur.fvpack",
        sample,
        keys,
        (f'"event_id": "{event_id}"'.encode(), f'"event_id": "{event_id}{LONE}"'.encode()),
    )
    assert "surrogate" in refused(path, naming="manifest.json: $.event_id")


def _patch_central_directory(path: Path, name: str, *, offset: int, fmt: str, value: int) -> None:
    """Rewrites one field of `name`'s central-directory entry (offset from its signature)."""
    data = bytearray(path.read_bytes())
    encoded = name.encode()
    start = 0
    while True:
        start = data.index(b"PK\x01\x02", start)
        name_length = struct.unpack_from("<H", data, start + 28)[0]
        if bytes(data[start + 46 : start + 46 + name_length]) == encoded:
            break
        start += 4
    struct.pack_into(fmt, data, start + offset, value)
    path.write_bytes(bytes(data))


def _patch_local_header(path: Path, name: str, *, offset: int, fmt: str, value: int) -> None:
    data = bytearray(path.read_bytes())
    start = 0
    while True:
        start = data.index(b"PK\x03\x04", start)
        name_length = struct.unpack_from("<H", data, start + 26)[0]
        if bytes(data[start + 30 : start + 30 + name_length]) == name.encode():
            break
        start += 4
    struct.pack_into(fmt, data, start + offset, value)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("member", ["event.json", "manifest.json", "documents/practical-notes.md"])
def test_unsupported_version_needed_to_extract(
    tmp_path: Path, sample: dict[str, bytes], keys: OrganiserKeys, member: str
) -> None:
    path = signed_pack(tmp_path / "version.fvpack", sample, keys)
    _patch_central_directory(path, member, offset=6, fmt="<B", value=99)
    refused(path, naming=repr(member))


@pytest.mark.parametrize("flag", [0x20, 0x40])
def test_unsupported_zip_flags(
    tmp_path: Path, sample: dict[str, bytes], keys: OrganiserKeys, flag: int
) -> None:
    path = signed_pack(tmp_path / "flag.fvpack", sample, keys)
    _patch_central_directory(path, "event.json", offset=8, fmt="<H", value=flag)
    refused(path, naming="'event.json'")


@pytest.mark.parametrize("method", [1, 12, 14, 99])
def test_unsupported_compression_method(
    tmp_path: Path, sample: dict[str, bytes], keys: OrganiserKeys, method: int
) -> None:
    path = signed_pack(tmp_path / "method.fvpack", sample, keys)
    _patch_central_directory(path, "event.json", offset=10, fmt="<H", value=method)
    _patch_local_header(path, "event.json", offset=8, fmt="<H", value=method)
    refused(path, naming="'event.json'")
