"""This installation's identity: the key that signs its returns, and the delegate's name."""

from __future__ import annotations

from sqlalchemy import select

from fieldvisit.storage.models import InstallationRow
from fieldvisit.storage.unit import Unit


def _first(unit: Unit) -> InstallationRow | None:
    query = select(InstallationRow).order_by(InstallationRow.created_at)
    return unit.scalars(query).first()


def identity(unit: Unit) -> tuple[bytes, str] | None:
    """(raw Ed25519 private key, delegate name), or None before the first is made."""
    row = _first(unit)
    return (row.signing_key, row.delegate_name) if row is not None else None


def create_identity(unit: Unit, installation_id: str, signing_key: bytes) -> None:
    unit.add(InstallationRow(id=installation_id, signing_key=signing_key, delegate_name=""))
    unit.flush()


def set_delegate_name(unit: Unit, name: str) -> None:
    row = _first(unit)
    if row is not None:
        row.delegate_name = name
