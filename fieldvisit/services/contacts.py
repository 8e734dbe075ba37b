"""Contacts: the event's people grouped by role, with details only for those who consented."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from fieldvisit.domain.matching import Matcher
from fieldvisit.domain.model import Person, Role
from fieldvisit.services.store import Store
from fieldvisit.storage import repository

# Emergency and duty contacts first: they must be one glance away.
ROLE_ORDER: tuple[Role, ...] = (
    Role.EMERGENCY,
    Role.ORGANISER,
    Role.HOST,
    Role.FACILITATOR,
    Role.CHAIR,
    Role.SPEAKER,
    Role.DELEGATE,
)


def visible(person: Person) -> Person:
    """The person as the delegate may see them: phone and email only when `listed`."""
    if person.listed:
        return person
    return dataclasses.replace(person, phone="", email="")


def load_contacts(store: Store, event_id: str) -> list[Person]:
    """Everyone in the pack, details removed for people who did not consent to be listed."""
    if not event_id:
        return []
    with store.unit() as s:
        return [visible(p) for p in repository.load_people(s, event_id)]


def matches(person: Person, query: str) -> bool:
    return Matcher(query).matches(
        person.name, person.organisation, str(person.role), person.email, *person.languages
    )


def grouped(people: Sequence[Person], query: str = "") -> list[tuple[Role, list[Person]]]:
    """[(role, people sorted by name)] in ROLE_ORDER, empty groups left out."""
    out: list[tuple[Role, list[Person]]] = []
    for role in ROLE_ORDER:
        members = [p for p in people if p.role == role and matches(p, query)]
        if members:
            out.append((role, sorted(members, key=lambda p: p.name.casefold())))
    return out


def plain_text(person: Person) -> str:
    person = visible(person)
    lines = [person.name]
    if person.organisation:
        lines.append(person.organisation)
    if person.phone:
        lines.append(f"Phone: {person.phone}")
    if person.email:
        lines.append(f"Email: {person.email}")
    return "\n".join(lines)


# fieldvisit.interop.vcard (vobject, dateutil, pytz) loads on the first copy or export, not
# when the Contacts section is built at start-up. Exports: services.exports.export_contacts.


def card_text(person: Person, event_id: str) -> str:
    from fieldvisit.interop.vcard import vcard_text

    return vcard_text(visible(person), event_id=event_id or None)
