"""Installing and updating event packs: trust on first use, one transaction, a change list.

`preview_import` says what an import would do without writing; `import_pack` does it. The
pack file is copied into the packs folder and the organiser content replaced in one unit of
work: if anything fails, the store and the packs folder are as they were. The delegate's
own rows (notes, answers, picks, ratings, seen marks) are never touched.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from fieldvisit.domain.changes import (
    Change,
    ChangeCounts,
    ContentCounts,
    ImportPreview,
    ImportResult,
    ImportStatus,
    OrphanNote,
    diff_content,
)
from fieldvisit.domain.errors import InvalidInputError, StorageError, TrustError, UserError
from fieldvisit.domain.model import PackContent
from fieldvisit.packs.codec import manifest_from_json
from fieldvisit.packs.manifest import MANIFEST_NAME, LoadedPack
from fieldvisit.packs.reader import MAX_MANIFEST, open_pack
from fieldvisit.packs.safezip import SafeZip
from fieldvisit.packs.strict_json import parse_json_bytes
from fieldvisit.services import packs_folder
from fieldvisit.services.store import Store
from fieldvisit.storage.repo import changes as change_list
from fieldvisit.storage.repo import events, installs
from fieldvisit.storage.repo.installs import Installed
from fieldvisit.storage.repo.notes import live_notes_on
from fieldvisit.storage.repository import (
    PackOrigin,
    load_content,
    load_document_hashes,
    replace_content,
)
from fieldvisit.storage.unit import OperationalError, Unit

SAMPLE_NAME = "hague"

# TrustError.field values, so callers can say how to proceed.
FIELD_KEY = "signing key"
FIELD_VERSION = "pack version"
FIELD_SIGNATURE = "signature"

NOTE_TARGETS = ("session", "stop", "person")


def _open_pack(path: Path, *, allow_unsigned: bool) -> LoadedPack:
    return open_pack(path, allow_unsigned=allow_unsigned)


_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")


def pack_file_name(event_id: str, version: int) -> str:
    """`<event id>-v<version>.fvpack`, or for an id unfit for a file name (slashes, spaces,
    a length past what file systems take) a cleaned-up id plus a hash of the real one."""
    if _SAFE_ID.fullmatch(event_id):
        return f"{event_id}-v{version}.fvpack"
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", event_id).strip("._-")[:60] or "event"
    digest = hashlib.sha256(event_id.encode("utf-8")).hexdigest()[:12]
    return f"{slug}-{digest}-v{version}.fvpack"


def _key_changed(pack: LoadedPack, state: Installed) -> bool:
    if state.pin_key is None:
        return False
    return not pack.signed or pack.manifest.signing_key != state.pin_key


def _check_pack(pack: LoadedPack, *, allow_unsigned: bool) -> None:
    if pack.content.event.id != pack.manifest.event_id:
        raise InvalidInputError(
            f"the manifest names event {pack.manifest.event_id!r} but the content is "
            f"event {pack.content.event.id!r}",
            path=pack.path,
            field="event_id",
        )
    if not pack.signed and not allow_unsigned:
        raise TrustError(
            "the pack is not signed; accept it only if you know where it came from",
            path=pack.path,
            field=FIELD_SIGNATURE,
        )


def _check_trust(pack: LoadedPack, state: Installed, *, accept_new_key: bool) -> None:
    if accept_new_key or not _key_changed(pack, state):
        return
    if not pack.signed:
        raise TrustError(
            f"the pack is unsigned, but this event is pinned to key {state.pin_fingerprint}",
            path=pack.path,
            field=FIELD_KEY,
        )
    raise TrustError(
        f"the pack is signed by key {pack.fingerprint}, but this event is pinned to key "
        f"{state.pin_fingerprint}; accept the new key only if the organisers told you "
        "it changed",
        path=pack.path,
        field=FIELD_KEY,
    )


def pack_origin(pack: LoadedPack, pack_file: str) -> PackOrigin:
    """What the store keeps of `pack`; every document's file must be in its manifest."""
    files: dict[str, tuple[str, int]] = {}
    for document in pack.content.documents:
        if not document.filename:  # an attachment listed by its address: no file
            files[document.id] = ("", 0)
            continue
        member = f"documents/{document.filename}"
        entry = pack.manifest.files.get(member)
        if entry is None:
            raise InvalidInputError(
                "the document is not listed in the manifest", path=pack.path, field=member
            )
        files[document.id] = (entry.sha256, entry.size)
    manifest = pack.manifest
    return PackOrigin(
        pack_id=manifest.pack_id,
        pack_version=manifest.pack_version,
        pack_file=pack_file,
        signed=pack.signed,
        key_fingerprint=pack.fingerprint,
        return_key=manifest.return_key,
        return_proof_key=manifest.return_proof_key,
        document_files=files,
    )


def _same_content(session: Unit, pack: LoadedPack) -> bool:
    event_id = pack.manifest.event_id
    if load_content(session, event_id) != pack.content:
        return False
    stored = load_document_hashes(session, event_id)
    files = pack.manifest.files
    for document in pack.content.documents:
        if not document.filename:  # listed by its URL: nothing in the pack to compare
            continue
        entry = files.get(f"documents/{document.filename}")
        if entry is None or stored.get(document.id) != (entry.sha256, entry.size):
            return False
    return True


def _check_version(pack: LoadedPack, state: Installed, *, same_content: bool) -> None:
    new, old = pack.manifest.pack_version, state.version
    if old is None or new > old:
        return
    if new < old:
        raise TrustError(
            f"downgrade refused: pack version {new} is older than the installed version {old}",
            path=pack.path,
            field=FIELD_VERSION,
        )
    if not same_content:
        raise TrustError(
            f"the pack claims version {new}, which is installed, but its content differs; "
            "a changed pack must carry a higher version",
            path=pack.path,
            field=FIELD_VERSION,
        )


def _pin(session: Unit, pack: LoadedPack, state: Installed) -> tuple[bool, str | None]:
    """Pin or move the event's key. Returns (first pin?, the fingerprint it replaced)."""
    if not pack.signed or pack.manifest.signing_key is None:
        return False, None
    fingerprint = pack.fingerprint or ""
    event_id, key = pack.manifest.event_id, pack.manifest.signing_key
    if state.pin_key is None:
        installs.pin(session, event_id, key, fingerprint)
        return True, None
    if state.pin_key == key:
        return False, None
    history = [*state.pin_history, state.pin_fingerprint]
    installs.move_pin(session, event_id, key, fingerprint, history)
    return False, state.pin_fingerprint


# --- orphaned notes -----------------------------------------------------------------------


def _uids(content: PackContent) -> dict[str, set[str]]:
    return {
        "session": {s.id for s in content.sessions},
        "stop": {s.id for i in content.itineraries for s in i.stops},
        "person": {p.id for p in content.people},
    }


def _orphans(
    session: Unit,
    event_id: str,
    present: Mapping[str, set[str]],
    titles: Mapping[tuple[str, str], str],
) -> tuple[OrphanNote, ...]:
    stored = live_notes_on(session, event_id, NOTE_TARGETS)
    notes = [r for r in stored if r[2] not in present.get(r[1], set())]
    if not notes:
        return ()
    # The change list remembers what removed items were called.
    remembered = {**change_list.gone_titles(session, event_id), **titles}
    return tuple(
        OrphanNote(
            note_id=note_id,
            target_kind=kind,
            target_uid=uid,
            title=remembered.get((kind, uid)),
            excerpt=" ".join(body.split())[:80],
        )
        for note_id, kind, uid, body in notes
    )


def _titles(content: PackContent | None) -> dict[tuple[str, str], str]:
    if content is None:
        return {}
    found = {("session", s.id): s.title for s in content.sessions}
    found.update({("stop", s.id): s.title for i in content.itineraries for s in i.stops})
    found.update({("person", p.id): p.name for p in content.people})
    return found


def orphaned_notes(store: Store, event_id: str) -> list[OrphanNote]:
    """Notes whose session, stop or person is no longer in the installed pack."""
    with store.unit() as session:
        content = load_content(session, event_id)
        return list(_orphans(session, event_id, _uids(content), {}))


# --- preview and import -----------------------------------------------------------------


def preview_loaded(
    store: Store, pack: LoadedPack, *, allow_unsigned: bool = False
) -> ImportPreview:
    """What importing this verified pack would do. Nothing is written."""
    _check_pack(pack, allow_unsigned=allow_unsigned)
    event_id = pack.manifest.event_id
    with store.unit() as session:
        state = installs.installed(session, event_id)
        old = load_content(session, event_id) if state.version is not None else None
        same_version = state.version == pack.manifest.pack_version
        differs = same_version and not _same_content(session, pack)
        orphans = _orphans(session, event_id, _uids(pack.content), _titles(old))
    changes = tuple(diff_content(old, pack.content))
    return ImportPreview(
        event_id=event_id,
        title=pack.content.event.title,
        pack_version=pack.manifest.pack_version,
        installed_version=state.version,
        signed=pack.signed,
        fingerprint=pack.fingerprint,
        pinned_fingerprint=state.pin_fingerprint,
        key_changed=_key_changed(pack, state),
        is_downgrade=state.version is not None and pack.manifest.pack_version < state.version,
        same_version=same_version,
        content_differs=differs,
        changes=changes,
        change_counts=ChangeCounts.of(changes),
        counts=ContentCounts.of(pack.content),
        orphaned_notes=orphans,
        require_app_lock=pack.content.event.require_app_lock,
    )


def preview_import(store: Store, path: Path, *, allow_unsigned: bool = False) -> ImportPreview:
    """Open and verify the pack at `path` and say what importing it would change."""
    return preview_loaded(
        store, _open_pack(path, allow_unsigned=allow_unsigned), allow_unsigned=allow_unsigned
    )


def import_loaded(
    store: Store,
    pack: LoadedPack,
    *,
    accept_new_key: bool = False,
    allow_unsigned: bool = False,
) -> ImportResult:
    """Install or update from a verified pack, applying the trust rules; one transaction."""
    _check_pack(pack, allow_unsigned=allow_unsigned)
    event_id = pack.manifest.event_id
    version = pack.manifest.pack_version
    pack_file = pack_file_name(event_id, version)
    target = store.paths.packs / pack_file
    temporary: packs_folder.TemporaryPack | None = None
    placed = False
    try:
        with store.unit() as session:
            state = installs.installed(session, event_id)
            _check_trust(pack, state, accept_new_key=accept_new_key)
            same = state.version == version and _same_content(session, pack)
            replacing = accept_new_key and _key_changed(pack, state)
            if not replacing:
                # An accepted new key starts its own numbering: its version 1 replaces
                # what the old key signed (the real organisers' pack over a pinned demo).
                _check_version(pack, state, same_content=same)
            if same:
                # The same content again: nothing to install. Only an explicitly accepted
                # new key (the organisers re-signed the same pack) moves the pin.
                previous = None
                fingerprint = state.fingerprint
                if accept_new_key and pack.signed and pack.fingerprint != state.fingerprint:
                    _, previous = _pin(session, pack, state)
                    fingerprint = pack.fingerprint
                    installs.set_fingerprint(session, event_id, fingerprint)
                if pack.signed and pack.fingerprint == fingerprint:
                    # A store from before return proofs (migration 0002) gets the key from
                    # the same signed pack installed again, without a new pack version.
                    proof_key = pack.manifest.return_proof_key
                    installs.set_return_proof_key(session, event_id, proof_key)
                return ImportResult(
                    event_id=event_id,
                    title=pack.content.event.title,
                    status=ImportStatus.UNCHANGED,
                    old_version=state.version,
                    new_version=version,
                    signed=state.signed,
                    fingerprint=fingerprint,
                    first_pin=False,
                    previous_fingerprint=previous,
                    pack_file=state.pack_file or pack_file,
                    orphaned_notes=_orphans(session, event_id, _uids(pack.content), {}),
                    counts=ContentCounts.of(pack.content),
                )
            first_pin, replaced = _pin(session, pack, state)
            old = load_content(session, event_id) if state.version is not None else None
            temporary = packs_folder.TemporaryPack(
                pack.path, store.paths.packs, store.key, name=pack_file
            )
            replace_content(session, pack.content, pack_origin(pack, pack_file))
            found = diff_content(old, pack.content)
            changes = change_list.record_changes(session, event_id, version, found)
            orphans = _orphans(session, event_id, _uids(pack.content), _titles(old))
            session.flush()
            os.replace(temporary.path, target)
            placed = True
    except BaseException as exc:
        if temporary is not None:
            temporary.path.unlink(missing_ok=True)
        if placed:
            target.unlink(missing_ok=True)
        if isinstance(exc, OperationalError):
            # A locked or full database: say so in one line; nothing was changed.
            raise StorageError(
                f"the store cannot be written ({exc.orig}); nothing was changed",
                path=store.paths.database,
            ) from exc
        raise
    finally:
        if temporary is not None:
            temporary.release()
    # The superseded pack and any leftovers of an interrupted import (a kill between the
    # copy and the rename) go; a failed removal is harmless and retried at the next start.
    with contextlib.suppress(OSError, UserError):
        packs_folder.tidy(store)
    return ImportResult(
        event_id=event_id,
        title=pack.content.event.title,
        status=ImportStatus.INSTALLED if state.version is None else ImportStatus.UPDATED,
        old_version=state.version,
        new_version=version,
        signed=pack.signed,
        fingerprint=pack.fingerprint,
        first_pin=first_pin,
        previous_fingerprint=replaced,
        pack_file=pack_file,
        changes=changes,
        orphaned_notes=orphans,
        counts=ContentCounts.of(pack.content),
    )


def import_pack(
    store: Store,
    path: Path,
    *,
    accept_new_key: bool = False,
    allow_unsigned: bool = False,
) -> ImportResult:
    """Verify the pack at `path` (every check of `open_pack`) and install or update it."""
    pack = _open_pack(path, allow_unsigned=allow_unsigned)
    return import_loaded(store, pack, accept_new_key=accept_new_key, allow_unsigned=allow_unsigned)


# --- preload folders and the first-start sample ---------------------------------------------


def _error_text(path: Path, exc: UserError | OSError) -> str:
    if isinstance(exc, UserError):
        return exc.message if exc.path else f"{path}: {exc.message}"
    return f"{path}: {exc.strerror or exc}"


def _claimed_version(path: Path) -> tuple[str, int] | None:
    """The (event id, pack version) a pack's manifest claims, read without verifying it.

    Good only for deciding to skip a pack: a lie here can make the app skip a file, never
    install one. None when the manifest cannot be read (the full open will say why).
    """
    try:
        with SafeZip(path) as archive:
            raw = archive.read(MANIFEST_NAME, max_size=MAX_MANIFEST)
        manifest = manifest_from_json(parse_json_bytes(raw, source=str(path)), source=str(path))
    except (UserError, OSError):
        return None
    return manifest.event_id, manifest.pack_version


def _installed_version(store: Store, event_id: str) -> int | None:
    with store.unit() as session:
        return installs.installed_version(session, event_id)


def import_preloaded(store: Store, folders: Sequence[Path]) -> list[ImportResult | str]:
    """Import every *.fvpack of the preload folders, oldest version first per event.

    A pack whose version (or a newer one) is already installed is skipped silently, without
    the cost of verifying it, so packs left in place cost little at each start. Errors are
    collected as one line each ("<file>: <problem>"), never raised.
    """
    candidates: list[tuple[str, int, Path]] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.fvpack")):
            event_id, version = _claimed_version(path) or ("", 0)
            candidates.append((event_id, version, path))
    outcomes: list[ImportResult | str] = []
    for event_id, version, path in sorted(candidates):
        installed = _installed_version(store, event_id) if event_id else None
        if installed is not None and installed >= version:
            continue
        try:
            pack = _open_pack(path, allow_unsigned=False)
            installed = _installed_version(store, pack.manifest.event_id)
            if installed is not None and installed >= pack.manifest.pack_version:
                continue
            outcomes.append(import_loaded(store, pack))
        except (UserError, OSError) as exc:
            outcomes.append(_error_text(path, exc))
    return outcomes


def has_events(store: Store) -> bool:
    with store.unit() as session:
        return events.has_events(session)


def ensure_sample(store: Store) -> ImportResult | None:
    """On a store with no event at all, build and install the Hague sample; else None."""
    if has_events(store):
        return None
    # Imported on demand: the sample builder pulls in every source reader.
    from fieldvisit.packs.samples import build_sample

    with tempfile.TemporaryDirectory(prefix="fieldvisit-sample-") as folder:
        pack = build_sample(SAMPLE_NAME, Path(folder) / "sample.fvpack")
        # Built just now from our own resources: trusted even if the sample is unsigned.
        return import_loaded(store, pack, allow_unsigned=True)


# --- the change list ----------------------------------------------------------------------


def changes(store: Store, event_id: str, unseen_only: bool = True) -> list[Change]:
    """The event's change list, oldest first (only what the delegate has not seen yet)."""
    with store.unit() as session:
        return change_list.change_list(session, event_id, unseen_only=unseen_only)


def mark_changes_seen(store: Store, event_id: str, ids: Iterable[int]) -> int:
    """Mark change-list items seen; returns how many were marked."""
    with store.unit() as session:
        return change_list.mark_seen(session, event_id, ids)
