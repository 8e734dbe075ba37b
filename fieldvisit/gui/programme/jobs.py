"""The Programme section's worker jobs: they import the services they call when they run,
on the worker, so the section itself is built before the storage stack is loaded."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from fieldvisit.domain.agenda import PickOutcome

if TYPE_CHECKING:
    from fieldvisit.services.store import Store
    from fieldvisit.services.views import Programme


@dataclass(frozen=True, slots=True)
class ProgrammeBundle:
    programme: Programme | None
    picks: frozenset[str]
    ratings: dict[str, int]


def load_bundle(store: Store, event_id: str) -> ProgrammeBundle:
    from fieldvisit.services import agenda
    from fieldvisit.services.programme import load_programme

    return ProgrammeBundle(
        load_programme(store, event_id),
        agenda.picks(store, event_id),
        agenda.ratings(store, event_id),
    )


def load_mine(store: Store, event_id: str) -> tuple[frozenset[str], dict[str, int]]:
    from fieldvisit.services import agenda

    return agenda.picks(store, event_id), agenda.ratings(store, event_id)


def pick(store: Store, event_id: str, uid: str, *, replace: bool) -> PickOutcome:
    from fieldvisit.services import agenda

    return agenda.pick(store, event_id, uid, replace=replace)


def unpick(store: Store, event_id: str, uid: str) -> None:
    from fieldvisit.services import agenda

    agenda.unpick(store, event_id, uid)


def rate(store: Store, event_id: str, uid: str, stars: int) -> None:
    from fieldvisit.services import agenda

    agenda.rate(store, event_id, uid, stars)
