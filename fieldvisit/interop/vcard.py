"""vCard 3.0 export of contacts (one .vcf for one person or many), written with vobject."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import vobject

from fieldvisit.domain.model import Person, Role
from fieldvisit.interop.atomic import write_atomic

# Lower-case words that belong to the family name: "Jozias van Aartsen" files under
# "van Aartsen", as Dutch and Belgian address books expect.
_PARTICLES = frozenset(
    {"van", "von", "de", "der", "den", "het", "ten", "ter", "te", "da", "di", "du", "la", "le"}
)

_ROLE_LABELS: dict[Role, str] = {
    Role.ORGANISER: "Organiser",
    Role.SPEAKER: "Speaker",
    Role.HOST: "Host",
    Role.FACILITATOR: "Facilitator",
    Role.CHAIR: "Chair",
    Role.DELEGATE: "Delegate",
    Role.EMERGENCY: "Emergency contact",
}


def split_name(name: str) -> tuple[str, str]:
    """(given, family) for the N property; a one-word name is all family name."""
    words = name.split()
    if len(words) <= 1:
        return "", name.strip()
    cut = len(words) - 1
    while cut > 1 and words[cut - 1] in _PARTICLES:
        cut -= 1
    return " ".join(words[:cut]), " ".join(words[cut:])


def _card(person: Person, event_id: str | None) -> vobject.base.Component:
    card = vobject.vCard()
    name = person.name.strip() or person.id
    card.add("fn").value = name
    given, family = split_name(name)
    card.add("n").value = vobject.vcard.Name(family=family, given=given)
    if person.organisation:
        card.add("org").value = [person.organisation]
    if person.phone:
        tel = card.add("tel")
        tel.value = person.phone
        tel.type_param = "VOICE"
    if person.email:
        email = card.add("email")
        email.value = person.email
        email.type_param = "INTERNET"
    card.add("role").value = _ROLE_LABELS.get(person.role, str(person.role))
    if person.languages:
        card.add("note").value = f"Languages: {', '.join(person.languages)}"
    if event_id:
        # A stable UID lets address books update the card on a second export, not add one.
        card.add("uid").value = f"{person.id}@{event_id}.fieldvisit"
    return card


def vcard_text(person: Person, *, event_id: str | None = None) -> str:
    """One vCard 3.0 as text, CRLF line ends, long lines folded at 75 octets."""
    return str(_card(person, event_id).serialize())


def write_vcards(people: Sequence[Person], path: Path, *, event_id: str | None = None) -> None:
    """Write every person's card into one .vcf file, atomically."""
    text = "".join(vcard_text(person, event_id=event_id) for person in people)
    write_atomic(Path(path), text.encode("utf-8"))
