"""The delegate's notes as records: a note, the editor's draft of it, one of its revisions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Note:
    """One note as the GUI sees it; times are aware UTC datetimes."""

    id: str
    event_id: str
    target_kind: str
    target_uid: str
    body: str
    tags: tuple[str, ...]
    private: bool
    revision: int
    created_at: dt.datetime
    updated_at: dt.datetime
    deleted: bool = False

    @property
    def title(self) -> str:
        """The first non-empty line, without Markdown heading marks."""
        return note_title(self.body)


def note_title(body: str) -> str:
    """A note's title: its first non-empty line, without Markdown heading marks."""
    for line in body.splitlines():
        stripped = line.strip().lstrip("#").strip()
        if stripped:
            return stripped[:120]
    return ""


@dataclass(frozen=True, slots=True)
class NoteDraft:
    """What the editor hands to `save_note`: the note's full current state."""

    id: str
    event_id: str
    body: str
    tags: tuple[str, ...] = ()
    private: bool = False
    target_kind: str = ""
    target_uid: str = ""


@dataclass(frozen=True, slots=True)
class NoteRevision:
    note_id: str
    revision: int
    body: str
    tags: tuple[str, ...]
    saved_at: dt.datetime
