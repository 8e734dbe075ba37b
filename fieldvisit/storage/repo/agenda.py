"""The delegate's agenda picks and session ratings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import delete, select

from fieldvisit.storage.models import AgendaPickRow, RatingRow, utcnow
from fieldvisit.storage.unit import Unit


def picks(unit: Unit, event_id: str) -> frozenset[str]:
    """The uids of the picked sessions."""
    query = select(AgendaPickRow.session_uid).where(AgendaPickRow.event_id == event_id)
    return frozenset(unit.scalars(query).all())


def add_pick(unit: Unit, event_id: str, uid: str) -> None:
    unit.add(AgendaPickRow(event_id=event_id, session_uid=uid, picked_at=utcnow()))


def remove_picks(unit: Unit, event_id: str, uids: Collection[str]) -> None:
    unit.execute(
        delete(AgendaPickRow).where(
            AgendaPickRow.event_id == event_id, AgendaPickRow.session_uid.in_(list(uids))
        )
    )


def ratings(unit: Unit, event_id: str) -> dict[str, int]:
    """session uid -> stars."""
    query = select(RatingRow.session_uid, RatingRow.stars).where(RatingRow.event_id == event_id)
    return {uid: stars for uid, stars in unit.execute(query)}


def set_rating(unit: Unit, event_id: str, uid: str, stars: int) -> None:
    """Set the session's stars (0 removes the rating); a change counts a new revision."""
    row = unit.scalar(
        select(RatingRow).where(RatingRow.event_id == event_id, RatingRow.session_uid == uid)
    )
    if stars == 0:
        if row is not None:
            unit.delete(row)
    elif row is None:
        unit.add(RatingRow(event_id=event_id, session_uid=uid, stars=stars, updated_at=utcnow()))
    elif row.stars != stars:
        row.stars = stars
        row.revision += 1
        row.updated_at = utcnow()


@dataclass(frozen=True, slots=True)
class StoredRating:
    session_uid: str
    stars: int
    revision: int
    updated_at: dt.datetime  # aware, UTC


def picks_in_order(unit: Unit, event_id: str) -> list[str]:
    """The picked sessions' uids in the order they were picked."""
    query = select(AgendaPickRow.session_uid).where(AgendaPickRow.event_id == event_id)
    return list(unit.scalars(query.order_by(AgendaPickRow.pk)))


def rating_records(unit: Unit, event_id: str) -> list[StoredRating]:
    """The event's ratings in the order they were first given."""
    query = select(RatingRow).where(RatingRow.event_id == event_id).order_by(RatingRow.pk)
    return [
        StoredRating(r.session_uid, r.stars, r.revision, r.updated_at.replace(tzinfo=dt.UTC))
        for r in unit.scalars(query)
    ]
