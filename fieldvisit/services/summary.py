"""What the delegate did during an event, for Today once the event is over."""

from __future__ import annotations

from dataclasses import dataclass

from fieldvisit.services.store import Store
from fieldvisit.storage.repo.answers import answers_of, sent_item_lists
from fieldvisit.storage.repo.notes import notes_of


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
        notes = notes_of(s, event_id)
        answers = answers_of(s, event_id)
        sent_lists = sent_item_lists(s, event_id)
    sent = {item for items in sent_lists for item in items}
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
