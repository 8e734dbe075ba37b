"""The emergency-contacts dialog: duty and emergency people and the organiser's contact."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from fieldvisit.domain.model import Person, Role
from fieldvisit.gui.context import AppContext
from fieldvisit.services import programme
from fieldvisit.services.store import Store


def emergency_people(store: Store, event_id: str) -> list[Person]:
    """Emergency and duty contacts first, then the event's named organiser contact."""
    loaded = programme.load_programme(store, event_id)
    people = programme.load_people(store, event_id)
    chosen = [p for p in people if p.role == Role.EMERGENCY]
    contact = loaded.event.emergency_contact_id if loaded else None
    if contact:
        extra = [p for p in people if p.id == contact and p not in chosen]
        chosen = extra + chosen if extra else chosen
    return chosen


def contacts_html(people: list[Person], title: str) -> str:
    if not people:
        return "<p>" + html.escape(title) + "</p>"
    parts = []
    for p in people:
        lines = [f"<b>{html.escape(p.name)}</b>"]
        if p.organisation:
            lines.append(html.escape(p.organisation))
        if p.phone:
            tel = "".join(ch for ch in p.phone if ch.isdigit() or ch == "+")
            lines.append(f'<a href="tel:{tel}" style="font-size:large">{html.escape(p.phone)}</a>')
        if p.email:
            lines.append(f'<a href="mailto:{html.escape(p.email)}">{html.escape(p.email)}</a>')
        parts.append("<p>" + "<br>".join(lines) + "</p>")
    return "".join(parts)


class EmergencyDialog(QDialog):
    """Opened from the always-visible toolbar button; loads its people on the worker."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Emergency contacts"))
        self.setAccessibleName(self.tr("Emergency contacts"))
        self.setMinimumWidth(380)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("In an emergency, call the local emergency number <b>112</b>."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.body = QLabel(self.tr("Loading…"))
        self.body.setObjectName("emergency_body")
        self.body.setAccessibleName(self.tr("Emergency and duty contacts"))
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        # Opening tel:/mailto: hands over to the system only when the user clicks.
        self.body.setOpenExternalLinks(True)
        layout.addWidget(self.body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.loaded = False
        event_id = ctx.event_id
        if event_id:
            ctx.worker.submit(
                lambda store: emergency_people(store, event_id), self.on_people, self.on_failed
            )
        else:
            self.on_people([])

    @Slot(object)
    def on_people(self, people: list[Person]) -> None:
        self.body.setText(contacts_html(people, self.tr("This event lists no emergency contacts.")))
        self.loaded = True

    @Slot(object)
    def on_failed(self, exc: Exception) -> None:
        self.body.setText(html.escape(str(exc)))
        self.loaded = True
