"""What the delegate did during an event, for Today once the event is over."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from fieldvisit.services.store import Store
from fieldvisit.storage.models import AnswerRow, NoteRow, SentReturnRow


@dataclass(frozen=True, slots=True)
class EventSummary:
    notes: int  # live notes with text
    private_notes: int
    answers: int  # questions answered
    unsent_notes: int  # shareable notes (or their latest revision) in no return yet
    unsent_answers: int
    returns_sent: int
    withheld: bool = False  # the organisers require a passcode first: no counts given


def event_summary(store: Store, event_id: str) -> EventSummary:
    """Notes written, answers given and what no return file has carried yet."""
    from fieldvisit.services.protection import withheld

    if withheld(store, event_id):
        return EventSummary(0, 0, 0, 0, 0, 0, withheld=True)
    with store.unit() as s:
        notes = s.execute(
            select(NoteRow.id, NoteRow.revision, NoteRow.private, NoteRow.body).where(
                NoteRow.event_id == event_id, NoteRow.deleted.is_(False)
            )
        ).all()
        answers = s.execute(
            select(AnswerRow.id, AnswerRow.revision).where(AnswerRow.event_id == event_id)
        ).all()
        sent_lists = s.scalars(
            select(SentReturnRow.items).where(SentReturnRow.event_id == event_id)
        ).all()
    sent = {str(item) for items in sent_lists for item in (items or [])}
    written = [n for n in notes if n.body.strip()]
    shareable = [n for n in written if not n.private]
    return EventSummary(
        notes=len(written),
        private_notes=len(written) - len(shareable),
        answers=len(answers),
        unsent_notes=sum(1 for n in shareable if f"note:{n.id}@{n.revision}" not in sent),
        unsent_answers=sum(1 for a in answers if f"answer:{a.id}@{a.revision}" not in sent),
        returns_sent=len(sent_lists),
    )
