"""The real FOSDEM 2025 schedule through build, import, re-import and an update."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import select

from fieldvisit.domain.changes import ChangeKind, FieldChange, ImportStatus
from fieldvisit.domain.model import SourceBundle
from fieldvisit.packs.build import build_pack, write_pack
from fieldvisit.packs.keys import OrganiserKeys
from fieldvisit.paths import resolve
from fieldvisit.services.importing import changes, import_pack
from fieldvisit.services.store import Store
from fieldvisit.storage.models import SessionRow
from fieldvisit.storage.repository import load_content, load_sessions

pytestmark = pytest.mark.slow


def test_fosdem_round_trip_and_update(schedules: Path, data_dir: Path, tmp_path: Path) -> None:
    keys = OrganiserKeys(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())
    v1 = tmp_path / "fosdem-1.fvpack"
    pack = build_pack(
        schedules / "fosdem2025_pentabarf.xml", v1, keys=keys, timezone="Europe/Brussels"
    )
    content = pack.content
    assert len(content.sessions) == 943 and len(content.people) == 992
    store = Store.open(resolve(data_dir))
    try:
        assert import_pack(store, v1).status is ImportStatus.INSTALLED
        assert import_pack(store, v1).status is ImportStatus.UNCHANGED
        event_id = content.event.id
        with store.unit() as s:
            assert load_content(s, event_id) == content
            first = load_sessions(s, event_id)[0]
            stored = s.execute(
                select(SessionRow.start_utc).where(SessionRow.uid == first.id)
            ).scalar_one()
        # Brussels is UTC+1 in February: the stored naive UTC instant is an hour earlier.
        assert first.start.utcoffset() == dt.timedelta(hours=1)
        assert stored == first.start.replace(tzinfo=None) - dt.timedelta(hours=1)

        target = content.sessions[10]
        moved = dataclasses.replace(
            target,
            start=target.start + dt.timedelta(minutes=30),
            end=target.end + dt.timedelta(minutes=30),
        )
        sessions = tuple(moved if s.id == target.id else s for s in content.sessions[:-1])
        v2 = tmp_path / "fosdem-2.fvpack"
        bundle = SourceBundle(dataclasses.replace(content, sessions=sessions))
        write_pack(bundle, v2, keys=keys, pack_version=2, source="test")
        result = import_pack(store, v2)
        assert {(c.target_uid, c.change) for c in result.changes} == {
            (target.id, ChangeKind.CHANGED),
            (content.sessions[-1].id, ChangeKind.CANCELLED),
        }
        [change] = [c for c in result.changes if c.change is ChangeKind.CHANGED]
        assert change.fields[0] == FieldChange(
            "start",
            target.start.strftime("%Y-%m-%d %H:%M"),  # already in the event's zone
            moved.start.strftime("%Y-%m-%d %H:%M"),
        )
        assert len(changes(store, event_id)) == 2
    finally:
        store.close()
