"""End to end through real .fvpack files: import, preview, preload, the first-start sample."""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from import_factory import hague, replace_session
from sqlalchemy import select

from fieldvisit.domain.changes import ChangeKind, ImportResult, ImportStatus
from fieldvisit.domain.errors import InvalidInputError, TrustError, UserError
from fieldvisit.domain.model import PackContent, SourceBundle
from fieldvisit.packs.build import write_pack
from fieldvisit.packs.keys import OrganiserKeys
from fieldvisit.packs.manifest import LoadedPack
from fieldvisit.packs.reader import open_pack
from fieldvisit.paths import resolve
from fieldvisit.services import importing
from fieldvisit.services.events import delete_event, list_events
from fieldvisit.services.importing import (
    ensure_sample,
    import_pack,
    import_preloaded,
    preview_import,
)
from fieldvisit.services.store import Store
from fieldvisit.storage.models import EventRow, NoteRow
from fieldvisit.storage.repository import load_content


def new_keys() -> OrganiserKeys:
    return OrganiserKeys(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())


def write_real(
    folder: Path,
    content: PackContent,
    *,
    version: int = 1,
    keys: OrganiserKeys | None = None,
    name: str | None = None,
) -> Path:
    """A real .fvpack written by the pack builder (unsigned without keys)."""
    folder.mkdir(parents=True, exist_ok=True)
    document = folder / "briefing.pdf"
    document.write_bytes(b"%PDF-1.4 briefing")
    files = {f"documents/{d.filename}": document for d in content.documents}
    output = folder / (name or f"{content.event.id}-{version}.fvpack")
    write_pack(SourceBundle(content, files), output, keys=keys, pack_version=version, source="t")
    return output


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = Store.open(resolve(data_dir))
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def keys() -> OrganiserKeys:
    return new_keys()


def event_ids(store: Store) -> list[str]:
    with store.unit() as s:
        return list(s.scalars(select(EventRow.id).order_by(EventRow.id)))


def test_real_pack_installs_then_updates(store: Store, tmp_path: Path, keys: OrganiserKeys) -> None:
    v1 = write_real(tmp_path, hague(), keys=keys)
    first = import_pack(store, v1)
    assert first.status is ImportStatus.INSTALLED and first.fingerprint == keys.fingerprint
    assert first.first_pin
    installed = store.paths.packs / "hague-2017-v1.fvpack"
    assert installed.read_bytes() == v1.read_bytes()
    # The installed copy is a verified pack in its own right (documents are read from it).
    assert open_pack(installed).read_file("documents/briefing.pdf") == b"%PDF-1.4 briefing"

    moved = replace_session(hague(), "open", room="Auditorium")
    v2 = write_real(tmp_path, moved, version=2, keys=keys)
    preview = preview_import(store, v2)
    assert preview.installed_version == 1 and not preview.key_changed
    assert [(c.target_uid, c.change) for c in preview.changes] == [("open", ChangeKind.CHANGED)]
    assert event_ids(store) == ["hague-2017"]
    result = import_pack(store, v2)
    assert result.status is ImportStatus.UPDATED and not result.first_pin
    with store.unit() as s:
        assert load_content(s, "hague-2017") == moved
    assert sorted(p.name for p in store.paths.packs.iterdir()) == ["hague-2017-v2.fvpack"]


def test_real_pack_with_another_key_is_refused(
    store: Store, tmp_path: Path, keys: OrganiserKeys
) -> None:
    import_pack(store, write_real(tmp_path, hague(), keys=keys))
    other = new_keys()
    foreign = write_real(tmp_path / "x", hague(), version=2, keys=other)
    with pytest.raises(TrustError) as caught:
        import_pack(store, foreign)
    assert keys.fingerprint in caught.value.message
    assert other.fingerprint in caught.value.message
    assert import_pack(store, foreign, accept_new_key=True).previous_fingerprint == (
        keys.fingerprint
    )


def test_tampered_and_unsigned_files(store: Store, tmp_path: Path, keys: OrganiserKeys) -> None:
    good = write_real(tmp_path, hague(), keys=keys)
    broken = tmp_path / "broken.fvpack"
    broken.write_bytes(good.read_bytes()[:-40])
    with pytest.raises(UserError):
        import_pack(store, broken)
    not_a_zip = tmp_path / "notes.fvpack"
    not_a_zip.write_text("hello")
    with pytest.raises(InvalidInputError):
        import_pack(store, not_a_zip)
    unsigned = write_real(tmp_path / "u", hague())
    with pytest.raises(TrustError):
        import_pack(store, unsigned)
    assert event_ids(store) == []
    assert list(store.paths.packs.iterdir()) == []
    result = import_pack(store, unsigned, allow_unsigned=True)
    assert not result.signed
    [summary] = list_events(store)
    assert not summary.signed and summary.fingerprint is None


def test_preload_folders(
    store: Store, tmp_path: Path, keys: OrganiserKeys, monkeypatch: pytest.MonkeyPatch
) -> None:
    site, beside_app = tmp_path / "site", tmp_path / "app"
    write_real(site, hague(), keys=keys, name="a-old.fvpack")
    write_real(beside_app, replace_session(hague(), "open", room="B"), version=2, keys=keys)
    write_real(site, hague("ran-2021"), keys=keys)
    write_real(site / "nested", hague("elsewhere"), keys=keys)  # only the folder itself
    (site / "junk.fvpack").write_text("not a pack")
    write_real(site, hague("draft"), name="draft.fvpack")  # unsigned: refused

    outcomes = import_preloaded(store, [site, beside_app, tmp_path / "missing"])
    done = [o for o in outcomes if isinstance(o, ImportResult)]
    errors = [o for o in outcomes if isinstance(o, str)]
    assert [(r.event_id, r.new_version) for r in done] == [
        ("hague-2017", 1),
        ("hague-2017", 2),
        ("ran-2021", 1),
    ]
    assert len(errors) == 2
    assert any("junk.fvpack" in e for e in errors)
    assert any("draft.fvpack" in e and "unsigned" in e for e in errors)
    assert event_ids(store) == ["hague-2017", "ran-2021"]

    opened: list[Path] = []
    real_open = importing._open_pack

    def counting(path: Path, *, allow_unsigned: bool) -> LoadedPack:
        opened.append(path)
        return real_open(path, allow_unsigned=allow_unsigned)

    monkeypatch.setattr(importing, "_open_pack", counting)
    again = import_preloaded(store, [site, beside_app])
    # Installed ones are skipped silently, without being verified again.
    assert all(isinstance(o, str) for o in again) and len(again) == 2
    assert sorted(p.name for p in opened) == ["draft.fvpack", "junk.fvpack"]


def _fake_samples(monkeypatch: pytest.MonkeyPatch, keys: OrganiserKeys) -> list[str]:
    built: list[str] = []

    def build_sample(name: str, output: Path) -> LoadedPack:
        built.append(name)
        write_real(output.parent, hague(name), keys=keys, name=output.name)
        return open_pack(output)

    module = types.ModuleType("fieldvisit.packs.samples")
    module.build_sample = build_sample  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "fieldvisit.packs.samples", module)
    return built


def test_ensure_sample_only_on_an_empty_store(
    store: Store, tmp_path: Path, keys: OrganiserKeys, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = _fake_samples(monkeypatch, keys)
    result = ensure_sample(store)
    assert result is not None and result.event_id == "hague"
    assert ensure_sample(store) is None
    assert built == ["hague"]


def test_ensure_sample_leaves_a_store_with_events_alone(
    store: Store, tmp_path: Path, keys: OrganiserKeys, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = _fake_samples(monkeypatch, keys)
    import_pack(store, write_real(tmp_path, hague("ran-2021"), keys=keys))
    assert ensure_sample(store) is None
    assert built == [] and event_ids(store) == ["ran-2021"]


def test_delete_event_keeps_notes_and_pin(
    store: Store, tmp_path: Path, keys: OrganiserKeys
) -> None:
    import_pack(store, write_real(tmp_path, hague(), keys=keys))
    with store.unit() as s:
        s.add(NoteRow(id="n1", event_id="hague-2017", target_kind="session", target_uid="open"))
    assert delete_event(store, "hague-2017")
    assert not delete_event(store, "hague-2017")
    assert event_ids(store) == [] and list(store.paths.packs.iterdir()) == []
    with store.unit() as s:
        assert s.get(NoteRow, "n1") is not None
    other = write_real(tmp_path / "o", hague(), version=2, keys=new_keys())
    with pytest.raises(TrustError):
        import_pack(store, other)


def test_ensure_sample_installs_the_bundled_hague_sample(store: Store) -> None:
    result = ensure_sample(store)
    assert result is not None and result.status is ImportStatus.INSTALLED
    assert result.signed and result.first_pin
    [summary] = list_events(store)
    assert summary.id == result.event_id and summary.timezone == "Europe/Amsterdam"
    assert summary.counts.sessions > 0 and summary.counts.stops > 0
    assert ensure_sample(store) is None


def _rewrite_event_json(pack: Path, old: bytes, new: bytes, out: Path) -> Path:
    """An unsigned copy of `pack` whose event.json text had `old` replaced by `new`."""
    import hashlib
    import json
    import zipfile

    with zipfile.ZipFile(pack) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    assert old in members["event.json"]
    members["event.json"] = members["event.json"].replace(old, new, 1)
    manifest = json.loads(members.pop("manifest.json"))
    members.pop("manifest.sig", None)
    manifest["signing_key"] = None
    manifest["files"] = {
        n: {"sha256": hashlib.sha256(d).hexdigest(), "size": len(d)} for n, d in members.items()
    }
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("manifest.json", json.dumps(manifest))
        for name, data in members.items():
            archive.writestr(name, data)
    return out


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        # Passed `verify`, then crashed the import with UnicodeEncodeError (issue 15).
        (b'"Returning foreign', b'"Returning \\ud800 foreign', "$.event.title"),
        (b'"start_date":"2017-02-15"', b'"start_date":"9999-02-15"', "$.event.start_date"),
        (b'"version":1', b'"version":' + b"7" * 5000, "$.questionnaires[0].version"),
    ],
)
def test_hostile_values_are_refused_at_import_and_nothing_changes(
    store: Store, tmp_path: Path, keys: OrganiserKeys, old: bytes, new: bytes, field: str
) -> None:
    import_pack(store, write_real(tmp_path / "a", hague("ran-2021"), keys=keys))
    before = sorted(p.name for p in store.paths.packs.iterdir())
    good = write_real(tmp_path / "b", hague())
    hostile = _rewrite_event_json(good, old, new, tmp_path / "hostile.fvpack")
    with pytest.raises(InvalidInputError) as caught:
        preview_import(store, hostile, allow_unsigned=True)
    assert field in caught.value.message and str(hostile) in caught.value.message
    with pytest.raises(InvalidInputError):
        import_pack(store, hostile, allow_unsigned=True)
    assert event_ids(store) == ["ran-2021"]
    assert sorted(p.name for p in store.paths.packs.iterdir()) == before


# --- the packs folder after a kill during an import (issue 15) ---------------------------

KILLED_IMPORT = """
import os, signal, sys
from pathlib import Path
from fieldvisit.paths import resolve
from fieldvisit.services import importing
from fieldvisit.services.store import Store

def killed(*_args):  # the moment between the copy and its rename into place
    os.kill(os.getpid(), signal.SIGKILL)

importing.os.replace = killed
store = Store.open(resolve(Path(sys.argv[1])))
importing.import_pack(store, Path(sys.argv[2]))
"""


def test_a_kill_during_an_import_leaves_nothing_after_the_next_start(
    store: Store, data_dir: Path, tmp_path: Path, keys: OrganiserKeys
) -> None:
    import signal
    import subprocess

    from fieldvisit.app import startup_job, tidy_job

    import_pack(store, write_real(tmp_path, hague(), keys=keys))
    v2 = write_real(tmp_path, replace_session(hague(), "open", room="Hall"), version=2, keys=keys)
    run = subprocess.run(
        [sys.executable, "-c", KILLED_IMPORT, str(data_dir), str(v2)],
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert run.returncode == -signal.SIGKILL, run.stderr.decode()
    names = sorted(p.name for p in store.paths.packs.iterdir())
    assert len(names) == 2 and names[0].startswith(".importing-")  # what the kill left
    startup_job(store, folders=[])
    tidy_job(store)  # what the next start runs once the window is filled
    assert sorted(p.name for p in store.paths.packs.iterdir()) == ["hague-2017-v1.fvpack"]
    with store.unit() as s:
        assert s.scalars(select(EventRow.pack_version)).all() == [1]


def test_an_import_removes_leftovers_and_superseded_packs(
    store: Store, tmp_path: Path, keys: OrganiserKeys
) -> None:
    import_pack(store, write_real(tmp_path, hague(), keys=keys))
    folder = store.paths.packs
    (folder / ".importing-k1ll3d.fvpack").write_bytes(b"half a pack")
    (folder / "hague-2017-v0.fvpack").write_bytes(b"an old pack nobody refers to")
    (folder / "notes.txt").write_text("not a pack: left alone")
    v2 = write_real(tmp_path, replace_session(hague(), "open", room="Hall"), version=2, keys=keys)
    import_pack(store, v2)
    assert sorted(p.name for p in folder.iterdir()) == ["hague-2017-v2.fvpack", "notes.txt"]


def test_a_pack_another_import_is_writing_is_left_alone(store: Store, tmp_path: Path) -> None:
    from fieldvisit.services import packs_folder

    source = write_real(tmp_path, hague())
    busy = packs_folder.TemporaryPack(source, store.paths.packs)  # held by "another import"
    stale = store.paths.packs / ".importing-stale.fvpack"
    stale.write_bytes(b"left by a kill")
    try:
        assert packs_folder.tidy(store) == [stale]
        assert busy.path.exists()
    finally:
        busy.release()
    assert packs_folder.tidy(store) == [busy.path]
    assert list(store.paths.packs.iterdir()) == []
