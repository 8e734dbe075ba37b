"""The delegate's own agenda: picks, overlap warnings, the one-per-slot sign-up rule, ratings."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, select

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
from fieldvisit.storage.models import AgendaPickRow, RatingRow, SessionRow, utcnow

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
        return frozenset(
            s.scalars(
                select(AgendaPickRow.session_uid).where(AgendaPickRow.event_id == event_id)
            ).all()
        )


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
            s.execute(
                delete(AgendaPickRow).where(
                    AgendaPickRow.event_id == event_id, AgendaPickRow.session_uid.in_(rival_ids)
                )
            )
        if uid not in chosen:
            s.add(AgendaPickRow(event_id=event_id, session_uid=uid, picked_at=utcnow()))
    remaining = [o for o in others if o.id not in rival_ids]
    return PickOutcome(
        picked=True,
        replaced=rival_ids,
        overlaps=tuple(o.id for o in overlaps_with(target, remaining)),
    )


def unpick(store: Store, event_id: str, uid: str) -> None:
    with store.unit() as s:
        s.execute(
            delete(AgendaPickRow).where(
                AgendaPickRow.event_id == event_id, AgendaPickRow.session_uid == uid
            )
        )


def ratings(store: Store, event_id: str) -> dict[str, int]:
    with store.unit() as s:
        return dict(
            s.execute(
                select(RatingRow.session_uid, RatingRow.stars).where(RatingRow.event_id == event_id)
            ).all()
        )


def rate(store: Store, event_id: str, uid: str, stars: int) -> None:
    """Set 1..5 stars; 0 removes the rating."""
    if not 0 <= stars <= MAX_STARS:
        raise ValueError(f"stars must be 0..{MAX_STARS}, not {stars}")
    with store.unit() as s:
        exists = s.scalar(
            select(SessionRow.pk).where(SessionRow.event_id == event_id, SessionRow.uid == uid)
        )
        if exists is None:
            raise KeyError(uid)
        row = s.scalar(
            select(RatingRow).where(RatingRow.event_id == event_id, RatingRow.session_uid == uid)
        )
        if stars == 0:
            if row is not None:
                s.delete(row)
        elif row is None:
            s.add(RatingRow(event_id=event_id, session_uid=uid, stars=stars, updated_at=utcnow()))
        elif row.stars != stars:
            row.stars = stars
            row.revision += 1
            row.updated_at = utcnow()
