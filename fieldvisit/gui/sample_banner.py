"""The banner above every section of a sample event: "Sample event: illustrative, not the
official programme", with the pack's own note on what it invents. Imports no service: the
window's frame builds it before the store is open."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from fieldvisit.domain.samples import is_sample
from fieldvisit.gui.theme import is_dark


class SampleBanner(QLabel):
    """ "Sample event: illustrative, not the official programme" above every section of a
    sample, and the pack's own note on what it invents for any event that has one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sample_banner")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.setOpenExternalLinks(False)
        self.note = ""
        self.linkActivated.connect(self.on_link)
        self.hide()

    def show_for(self, event_id: str, note: str) -> None:
        """Shown for a sample (by its id) and for any event whose pack marks invented
        details; hidden otherwise."""
        self.note = note
        if not event_id or not (is_sample(event_id) or note):
            self.hide()
            return
        head = (
            self.tr("Sample event: illustrative, not the official programme.")
            if is_sample(event_id)
            else self.tr("Some details of this event are illustrative.")
        )
        # Amber, readable in both themes; the link takes the text's colour, underlined.
        dark = is_dark()  # the application palette: this label's own follows its style sheet
        back, fore, line = (
            ("#4a3b00", "#ffe8a3", "#8a6d00")
            if dark
            else (
                "#fff4ce",
                "#5c4400",
                "#e0c060",
            )
        )
        self.setStyleSheet(
            f"QLabel#sample_banner {{ background: {back}; color: {fore};"
            f" border-bottom: 1px solid {line}; padding: 4px 8px; }}"
        )
        link = self.tr("What is invented?")
        more = (
            f' <a href="note" style="color:{fore}; text-decoration: underline">'
            f"{html.escape(link)}</a>"
            if note
            else ""
        )
        self.setText(f"<b>{html.escape(head)}</b>{more}")
        self.setToolTip(note)
        self.setAccessibleName(head)
        self.show()

    @Slot(str)
    def on_link(self, _link: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("What is invented"),
            self.note,
            QMessageBox.StandardButton.Close,
            self.window(),
        )
        box.setObjectName("illustrative_note")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
