"""The section contract: what the main window relies on in each of its sections.

A section is a `Section` subclass registered once in `fieldvisit.gui.navigation.REGISTRY`
(name, title, icon, how to build it). The window builds it the first time it is shown and
then only talks to it through the methods here, never by looking names up.
`AppContext.data_changed(what, event_id)` is the central "data changed" signal: the base
class routes it to `on_event_changed` (another event chosen), `on_content_changed` (the
organisers' content replaced by a pack) or `on_delegate_data_changed` (notes, answers,
picks changed elsewhere).
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QWidget

from fieldvisit.gui.context import AppContext


class Section(QWidget):
    """Base of every section of the main window. Building it is its constructor."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        ctx.data_changed.connect(self.on_data_changed)

    section_name: ClassVar[str]  # its name in navigation.REGISTRY

    def section_title(self) -> str:
        """The title shown for the section: its registry title, translated."""
        from fieldvisit.gui.navigation import section_titles  # navigation imports this module

        return section_titles()[self.section_name]

    @Slot(str, str)
    def on_data_changed(self, what: str, event_id: str) -> None:
        if what == AppContext.EVENT:
            self.on_event_changed(event_id)
        elif what == AppContext.CONTENT:
            self.on_content_changed(event_id)
        elif what == AppContext.DELEGATE:
            self.on_delegate_data_changed(event_id)

    def on_event_changed(self, event_id: str) -> None:
        """Another event was chosen: show its data."""

    def on_content_changed(self, event_id: str) -> None:
        """The event's organiser content was replaced: by default, as for a new event."""
        self.on_event_changed(event_id)

    def on_delegate_data_changed(self, event_id: str) -> None:
        """Delegate data (notes, answers, picks, ratings) changed outside this section."""

    def note_target(self) -> tuple[str, str] | None:
        """The session, stop or person selected or open here, for Ctrl+N (None: nothing)."""
        return None

    def show_target(self, kind: str, uid: str) -> None:
        """Show one item (a session, stop, person, note...) when navigated to it."""

    def flush(self) -> None:
        """Save what is being edited (before a switch, on close)."""
