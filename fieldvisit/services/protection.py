"""What an organiser's `require_app_lock: true` means for one event in this store.

Until the store is protected with a passcode, that event's notes and questionnaire answers
are withheld everywhere they would show or leave: the Notes and Questions sections (the
guard page, gui/lock.py), Find, Today's summary, the notes booklet export and the return
file. The programme, the visit and the contacts stay open.
"""

from __future__ import annotations

from fieldvisit.domain.errors import PasscodeRequiredError
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


def check_not_withheld(store: Store, event_id: str) -> None:
    """Raise PasscodeRequiredError when the event's notes and answers are withheld."""
    if withheld(store, event_id):
        raise PasscodeRequiredError(
            "the organisers require a passcode for this event's notes and answers: protect "
            "your notes with a passcode first (Settings > Protect with a passcode…, or "
            "`fieldvisit lock set`)",
            field=event_id,
        )
