"""What the organisers' own event pack adds to a report: the event's zone, its sessions
(titles, times, sign-up groups) and its scales. Without a pack, the report says times in
UTC and finds sign-up slots from the picks."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fieldvisit.domain.model import PackContent, QuestionKind


@dataclass(frozen=True, slots=True)
class SessionFacts:
    title: str
    start: dt.datetime
    signup_group: str = ""


@dataclass(frozen=True, slots=True)
class ScaleFacts:
    low: int
    high: int
    labels: tuple[str, ...] = ()

    def header(self) -> str:
        """ "1 = Not useful … 5 = Very useful" (or "1 … 5" without labels)."""
        if len(self.labels) >= 2:
            return f"{self.low} = {self.labels[0]} … {self.high} = {self.labels[-1]}"
        return f"{self.low} … {self.high}"


@dataclass(frozen=True, slots=True)
class EventFacts:
    """One event as its pack describes it."""

    zone_name: str = "UTC"
    sessions: dict[str, SessionFacts] = field(default_factory=dict)
    # (questionnaire uid, version, question id) -> the scale
    scales: dict[tuple[str, int, str], ScaleFacts] = field(default_factory=dict)

    @property
    def zone(self) -> dt.tzinfo:
        try:
            return ZoneInfo(self.zone_name)
        except (ZoneInfoNotFoundError, ValueError):
            return dt.UTC


NO_FACTS = EventFacts()


def facts_from_pack(content: PackContent) -> EventFacts:
    sessions = {s.id: SessionFacts(s.title, s.start, s.signup_group) for s in content.sessions}
    scales = {
        (q.id, q.version, x.id): ScaleFacts(x.scale_min, x.scale_max, x.scale_labels)
        for q in content.questionnaires
        for x in q.questions
        if x.kind == QuestionKind.SCALE
    }
    return EventFacts(content.event.timezone, sessions, scales)


def load_packs(paths: list[Path]) -> dict[str, EventFacts]:
    """The facts of each pack, by event id (each pack is fully verified as it is read)."""
    from fieldvisit.packs.reader import open_pack

    found: dict[str, EventFacts] = {}
    for path in paths:
        content = open_pack(path).content
        found[content.event.id] = facts_from_pack(content)
    return found


def parse_time(text: str) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(text)
    except (ValueError, TypeError):
        return None
    return moment if moment.tzinfo is not None else None


def when(moment: dt.datetime | str, facts: EventFacts) -> str:
    """A time as the organisers read it: in the event's zone, the zone named
    ("Wed 15 Feb 2017 09:45 (Europe/Amsterdam)"); text that is no time stays as it is."""
    aware = parse_time(moment) if isinstance(moment, str) else moment
    if aware is None:
        return str(moment)
    try:
        local = aware.astimezone(facts.zone)
    except (OverflowError, ValueError):
        return str(moment)
    return f"{local:%a %d %b %Y %H:%M} ({facts.zone_name})"


def md(text: str) -> str:
    """Delegate text inside Markdown: no raw HTML reaches a viewer."""
    return html.escape(text, quote=False)
