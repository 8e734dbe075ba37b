"""This installation's signing identity: an Ed25519 key in InstallationRow, made on first use."""

from __future__ import annotations

from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat
from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldvisit.returns.format import installation_id_for, raw_public
from fieldvisit.storage.models import InstallationRow


@dataclass(frozen=True, slots=True)
class Identity:
    """The key that signs this installation's returns, and the id derived from it."""

    installation_id: str
    signing_key: Ed25519PrivateKey
    delegate_name: str

    @property
    def public_raw(self) -> bytes:
        return raw_public(self.signing_key.public_key())


def get_identity(session: Session) -> Identity:
    """The installation's identity, creating the key the first time it is needed."""
    row = session.scalars(select(InstallationRow).order_by(InstallationRow.created_at)).first()
    if row is None:
        key = Ed25519PrivateKey.generate()
        raw = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        row = InstallationRow(id=installation_id_for(raw_public(key.public_key())), signing_key=raw)
        session.add(row)
        session.flush()
    key = Ed25519PrivateKey.from_private_bytes(row.signing_key)
    # The id in returns is always derived from the key, whatever the row was created with.
    return Identity(
        installation_id=installation_id_for(raw_public(key.public_key())),
        signing_key=key,
        delegate_name=row.delegate_name,
    )


def set_delegate_name(session: Session, name: str) -> None:
    """Remember the name the delegate gave, as the default for the next return."""
    get_identity(session)
    row = session.scalars(select(InstallationRow).order_by(InstallationRow.created_at)).first()
    if row is not None:
        row.delegate_name = name.strip()
