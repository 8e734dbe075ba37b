"""What an import needs to know and change of an installed event: its pack version, trust
pin and signing key fingerprint."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update

from fieldvisit.storage.models import EventRow, TrustPinRow
from fieldvisit.storage.unit import Unit


@dataclass(frozen=True, slots=True)
class Installed:
    """What the store holds for an event before an import (None/() when nothing)."""

    version: int | None
    signed: bool
    fingerprint: str | None
    pack_file: str | None
    pin_key: str | None
    pin_fingerprint: str | None
    pin_history: tuple[str, ...]


def installed(unit: Unit, event_id: str) -> Installed:
    row = unit.execute(
        select(
            EventRow.pack_version, EventRow.signed, EventRow.key_fingerprint, EventRow.pack_file
        ).where(EventRow.id == event_id)
    ).first()
    pin = unit.get(TrustPinRow, event_id)
    return Installed(
        version=row[0] if row else None,
        signed=bool(row[1]) if row else False,
        fingerprint=row[2] if row else None,
        pack_file=row[3] if row else None,
        pin_key=pin.public_key if pin else None,
        pin_fingerprint=pin.fingerprint if pin else None,
        pin_history=tuple(str(h) for h in pin.history or ()) if pin else (),
    )


def installed_version(unit: Unit, event_id: str) -> int | None:
    return unit.scalar(select(EventRow.pack_version).where(EventRow.id == event_id))


def pin(unit: Unit, event_id: str, public_key: str, fingerprint: str) -> None:
    """Pin the event to its first signing key."""
    unit.add(
        TrustPinRow(event_id=event_id, public_key=public_key, fingerprint=fingerprint, history=[])
    )


def move_pin(
    unit: Unit, event_id: str, public_key: str, fingerprint: str, history: list[str | None]
) -> None:
    """Pin the event to a new key; `history` lists the fingerprints it was pinned to."""
    unit.execute(
        update(TrustPinRow)
        .where(TrustPinRow.event_id == event_id)
        .values(public_key=public_key, fingerprint=fingerprint, history=history)
    )


def set_fingerprint(unit: Unit, event_id: str, fingerprint: str | None) -> None:
    """The installed event is now signed by the key of `fingerprint`."""
    query = update(EventRow).where(EventRow.id == event_id)
    unit.execute(query.values(key_fingerprint=fingerprint))


def set_return_proof_key(unit: Unit, event_id: str, key: str | None) -> None:
    query = update(EventRow).where(EventRow.id == event_id)
    unit.execute(query.values(return_proof_key=key))
