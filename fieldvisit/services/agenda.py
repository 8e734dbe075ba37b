"""The delegate's own agenda: picks, overlap warnings, the one-per-slot sign-up rule, ratings."""

from __future__ import annotations

from collections.abc import Iterable

from fieldvisit.domain.agenda import (
    MAX_STARS,
    PickOutcome,
    group_rivals,
    overlap_pairs,
    overlapping,
    overlaps_with,
)
from fieldvisit.domain.model import Session
from fieldvisit.services.store import Store
from fieldvisit.storage.repo import agenda as repo
from fieldvisit.storage.repo.programme import session_exists

# The rules themselves are plain domain functions (the Programme views use them before the
# storage stack is loaded); they are named here too, where the agenda's callers look.
__all__ = [
    "MAX_STARS",
    "PickOutcome",
    "group_rivals",
    "overlap_pairs",
    "overlapping",
    "overlaps_with",
    "pick",
    "picks",
    "rate",
    "ratings",
    "unpick",
]


def picks(store: Store, event_id: str) -> frozenset[str]:
    with store.unit() as s:
        return repo.picks(s, event_id)


def _sessions(store: Store, event_id: str, uids: Iterable[str]) -> list[Session]:
    from fieldvisit.services.programme import load_programme

    wanted = set(uids)
    programme = load_programme(store, event_id)
    if programme is None:
        return []
    return [s for s in programme.sessions if s.id in wanted]


def pick(store: Store, event_id: str, uid: str, *, replace: bool = False) -> PickOutcome:
    """Add a session to the agenda.

    A session in a sign-up group is refused while another of the same group and slot is
    picked, unless `replace` (then the other is unpicked). Time overlaps with sessions of
    other groups are allowed and reported, since a delegate may plan to leave early.
    """
    chosen = picks(store, event_id)
    found = _sessions(store, event_id, {uid, *chosen})
    target = next((s for s in found if s.id == uid), None)
    if target is None:
        raise KeyError(uid)
    others = [s for s in found if s.id != uid]
    rivals = group_rivals(target, others)
    if rivals and not replace:
        return PickOutcome(picked=False, blocked_by=tuple(r.id for r in rivals))
    rival_ids = tuple(r.id for r in rivals)
    with store.unit() as s:
        if rival_ids:
            repo.remove_picks(s, event_id, rival_ids)
        if uid not in chosen:
            repo.add_pick(s, event_id, uid)
    remaining = [o for o in others if o.id not in rival_ids]
    return PickOutcome(
        picked=True,
        replaced=rival_ids,
        overlaps=tuple(o.id for o in overlaps_with(target, remaining)),
    )


def unpick(store: Store, event_id: str, uid: str) -> None:
    with store.unit() as s:
        repo.remove_picks(s, event_id, (uid,))


def ratings(store: Store, event_id: str) -> dict[str, int]:
    with store.unit() as s:
        return repo.ratings(s, event_id)


def rate(store: Store, event_id: str, uid: str, stars: int) -> None:
    """Set 1..5 stars; 0 removes the rating."""
    if not 0 <= stars <= MAX_STARS:
        raise ValueError(f"stars must be 0..{MAX_STARS}, not {stars}")
    with store.unit() as s:
        if not session_exists(s, event_id, uid):
            raise KeyError(uid)
        repo.set_rating(s, event_id, uid, stars)
