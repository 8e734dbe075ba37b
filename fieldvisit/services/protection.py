"""What an organiser's `require_app_lock: true` means for one event in this store."""

from __future__ import annotations

from fieldvisit.services.store import Store
from fieldvisit.storage.repo.events import event_data


def event_requires_lock(store: Store, event_id: str) -> bool:
    """True when the event's pack requires a passcode-protected store."""
    if not event_id:
        return False
    with store.unit() as s:
        data = event_data(s, event_id)
    return data is not None and bool(data.get("require_app_lock", False))


def withheld(store: Store, event_id: str) -> bool:
    """The event's notes and questionnaires are withheld: its pack requires a passcode and
    this store has none yet."""
    return not store.encrypted and event_requires_lock(store, event_id)
