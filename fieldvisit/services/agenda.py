"""The delegate's own agenda: picks, overlap warnings, the one-per-slot sign-up rule, ratings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from fieldvisit.domain.model import Session
from fieldvisit.services.store import Store
from fieldvisit.storage.repo import agenda as repo
from fieldvisit.storage.repo.programme import session_exists

MAX_STARS = 5


@dataclass(frozen=True, slots=True)
class PickOutcome:
    """What a pick did. `blocked_by` lists same-group picks that stopped it (replace=False)."""

    picked: bool
    replaced: tuple[str, ...] = ()
    blocked_by: tuple[str, ...] = ()
    overlaps: tuple[str, ...] = ()  # other picked sessions at the same time (a warning only)


def overlapping(a: Session, b: Session) -> bool:
    return a.id != b.id and a.start < b.end and b.start < a.end


def overlaps_with(session: Session, others: Iterable[Session]) -> tuple[Session, ...]:
    return tuple(o for o in others if overlapping(session, o))


def overlap_pairs(picked: Iterable[Session]) -> list[tuple[Session, Session]]:
    """Every pair of picked sessions that overlap in time, in start order."""
    ordered = sorted(picked, key=lambda s: (s.start, s.id))
    pairs: list[tuple[Session, Session]] = []
    for i, first in enumerate(ordered):
        for second in ordered[i + 1 :]:
            if second.start >= first.end:
                break
            pairs.append((first, second))
    return pairs


def group_rivals(session: Session, picked: Iterable[Session]) -> tuple[Session, ...]:
    """Picked sessions of the same sign-up group in the same slot: only one may stay."""
    if not session.signup_group:
        return ()
    return tuple(
        p
        for p in picked
        if p.id != session.id and p.signup_group == session.signup_group and overlapping(p, session)
    )


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
