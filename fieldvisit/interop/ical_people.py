"""The people, links and attachments of an iCalendar programme's VEVENTs.

ORGANIZER and ATTENDEE lines name people (CN, ROLE, a mailto: address); a person who
appears in several events is one person: the same e-mail address, else the same name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldvisit.domain.model import Person, Role
from fieldvisit.interop.common import (
    MAX_LINE_CHARS,
    check_text,
    derived_person_id,
    short_hash,
    slugify,
)
from fieldvisit.interop.links import RawLink

# ATTENDEE;ROLE=... values (RFC 5545 3.2.16) and the role the person gets in the pack.
_CHAIR_ROLES = frozenset({"CHAIR"})
_SKIPPED_ROLES = frozenset({"NON-PARTICIPANT"})


def _values(vevent: Any, key: str) -> list[Any]:
    found = vevent.get(key)
    if found is None:
        return []
    return found if isinstance(found, list) else [found]


def _email(value: str) -> str:
    text = value.strip()
    if text.lower().startswith("mailto:"):
        text = text[len("mailto:") :]
    text = text.strip()
    return text if "@" in text and len(text) <= 320 and " " not in text else ""


@dataclass(slots=True)
class CalendarPeople:
    """One person per e-mail address (else per name) across the whole calendar."""

    path: Path
    people: dict[str, Person] = field(default_factory=dict)
    _by_email: dict[str, str] = field(default_factory=dict)
    _by_name: dict[str, str] = field(default_factory=dict)
    skipped: int = 0

    def person(self, name: str, email: str, role: Role) -> str:
        """The id of the person with this e-mail (else name), added when new."""
        key_email = email.casefold()
        key_name = " ".join(name.casefold().split())
        pid = self._by_email.get(key_email) if key_email else None
        if pid is None and key_name:
            pid = self._by_name.get(key_name)
        if pid is None:
            if key_email:
                slug = slugify(name or email.split("@", 1)[0])[:40].strip("-")
                pid = (
                    f"person-{slug}-{short_hash(key_email)}"
                    if slug
                    else f"person-{short_hash(key_email)}"
                )
            else:
                pid = derived_person_id(name)
            self.people[pid] = Person(id=pid, name=name or email, role=role, email=email)
        elif email and not self.people[pid].email:
            old = self.people[pid]
            self.people[pid] = Person(
                id=pid, name=old.name, role=old.role, organisation=old.organisation, email=email
            )
        if key_email:
            self._by_email.setdefault(key_email, pid)
        if key_name:
            self._by_name.setdefault(key_name, pid)
        return pid

    def of_event(self, vevent: Any, where: str) -> tuple[str, ...]:
        """The ids of the event's ORGANIZER and ATTENDEEs, chairs first, in file order."""
        chairs: list[str] = []
        others: list[str] = []
        for key in ("ORGANIZER", "ATTENDEE"):
            for prop in _values(vevent, key):
                params = getattr(prop, "params", {})
                role_param = str(params.get("ROLE", "")).upper()
                if role_param in _SKIPPED_ROLES:
                    self.skipped += 1
                    continue
                name = " ".join(str(params.get("CN", "")).split())
                name = check_text(name, self.path, f"{where}/{key}/CN", limit=MAX_LINE_CHARS)
                email = _email(str(prop))
                if not name and not email:
                    self.skipped += 1
                    continue
                chair = key == "ORGANIZER" or role_param in _CHAIR_ROLES
                pid = self.person(name, email, Role.CHAIR if chair else Role.SPEAKER)
                target = chairs if chair else others
                if pid not in chairs and pid not in others:
                    target.append(pid)
        return (*chairs, *others)


def identities(vevent: Any) -> set[str]:
    """The plain keys (e-mail, else name) of an event's ORGANIZER and ATTENDEEs, for counts."""
    keys: set[str] = set()
    for key in ("ORGANIZER", "ATTENDEE"):
        for prop in _values(vevent, key):
            params = getattr(prop, "params", {})
            if str(params.get("ROLE", "")).upper() in _SKIPPED_ROLES:
                continue
            email = _email(str(prop)).casefold()
            name = " ".join(str(params.get("CN", "")).casefold().split())
            if email or name:
                keys.add(email or name)
    return keys


def event_links(vevent: Any) -> list[RawLink]:
    """An event's URL lines as links."""
    return [RawLink(url=str(prop)) for prop in _values(vevent, "URL") if str(prop).strip()]


def event_attachments(vevent: Any) -> list[RawLink]:
    """An event's ATTACH lines given by address (inline binary attachments are not carried)."""
    found = []
    for prop in _values(vevent, "ATTACH"):
        params = getattr(prop, "params", {})
        if str(params.get("VALUE", "")).upper() == "BINARY" or params.get("ENCODING"):
            continue
        found.append(RawLink(url=str(prop), title=str(params.get("FILENAME", ""))))
    return found


def inline_attachments(vevent: Any) -> int:
    return sum(
        1
        for prop in _values(vevent, "ATTACH")
        if str(getattr(prop, "params", {}).get("VALUE", "")).upper() == "BINARY"
        or getattr(prop, "params", {}).get("ENCODING")
    )
