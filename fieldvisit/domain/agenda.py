"""The delegate's agenda rules: overlaps and the one-per-slot sign-up rule (no storage).

Plain functions over Sessions, so the Programme views can use them without the storage
stack; `services.agenda` applies them to the stored picks.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from fieldvisit.domain.model import Session

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
