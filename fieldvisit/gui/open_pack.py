"""File > Open event pack…: choose (or drop) a pack, see who signed it and what will change,
then import it. Nothing is stored until the delegate presses Import."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldvisit.domain.changes import Change, ChangeKind, ImportPreview, ImportResult
from fieldvisit.domain.errors import UserError
from fieldvisit.gui.change_labels import change_details
from fieldvisit.gui.context import AppContext
from fieldvisit.gui.safe_text import SafeTextBrowser
from fieldvisit.services import importing
from fieldvisit.settings import LAST_PACK_FOLDER

MAX_LISTED_CHANGES = 60


def change_line(change: Change) -> str:
    e = html.escape
    if change.change is ChangeKind.NEW:
        return f'<li><span style="color:#2e7d32">+</span> {e(change.title)}</li>'
    if change.change is ChangeKind.CANCELLED:
        return f"<li><s>{e(change.title)}</s></li>"
    fields = e(change_details((f.field, f.old, f.new) for f in change.fields))
    return f"<li>{e(change.title)}" + (f" <i>({fields})</i>" if fields else "") + "</li>"


class PreviewDialog(QDialog):
    """What the pack is and what importing it would change; Import needs explicit consent
    when the pack is unsigned or signed by a different key than the one pinned."""

    def __init__(self, path: Path, preview: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.preview = preview
        self.setObjectName("pack_preview")
        self.setWindowTitle(self.tr("Open event pack"))
        self.setMinimumSize(560, 460)
        layout = QVBoxLayout(self)
        e = html.escape
        heading = QLabel(f"<h3>{e(preview.title)}</h3>")
        heading.setWordWrap(True)
        layout.addWidget(heading)

        facts = [
            self.tr("File: %1").replace("%1", e(path.name)),
            self.tr("Event id: %1").replace("%1", e(preview.event_id)),
        ]
        if preview.installed_version is None:
            facts.append(self.tr("Version %1 (new event)").replace("%1", str(preview.pack_version)))
        else:
            facts.append(
                self.tr("Version %1 → %2")
                .replace("%1", str(preview.installed_version))
                .replace("%2", str(preview.pack_version))
            )
        if preview.signed and preview.fingerprint:
            facts.append(
                self.tr("Organiser key fingerprint: %1").replace(
                    "%1", f"<tt><b>{e(preview.fingerprint)}</b></tt>"
                )
            )
        else:
            facts.append(
                '<span style="color:#b3261e"><b>'
                + self.tr("This pack is NOT signed: anyone could have made it.")
                + "</b></span>"
            )
        if preview.key_changed and preview.pinned_fingerprint:
            facts.append(
                '<span style="color:#b3261e"><b>'
                + self.tr("Warning: this event was signed before by another key (%1).").replace(
                    "%1", f"<tt>{e(preview.pinned_fingerprint)}</tt>"
                )
                + "</b></span>"
            )
        elif preview.first_install and preview.signed and not preview.demo_key:
            facts.append(self.tr("Compare this fingerprint with the one the organisers gave you."))
        if preview.demo_key and not preview.sample:
            facts.append(
                '<span style="color:#b3261e"><b>'
                + self.tr(
                    "Warning: this pack is signed by the PUBLIC demo key, which anyone can "
                    "sign with. Nothing proves it comes from the organisers: it is not a "
                    "sample, yet its programme, contacts and return key could be anyone's. "
                    "Ask the organisers for a pack signed with their own key."
                )
                + "</b></span>"
            )
        elif preview.sample:
            facts.append(
                self.tr("Sample event: illustrative, not the official programme (demo key).")
            )
        if preview.require_app_lock:
            facts.append(
                "<b>"
                + self.tr(
                    "The organisers require a passcode for this event: its notes and "
                    "questionnaires are shown only once your notes are protected "
                    "(Settings > Protect with a passcode…)."
                )
                + "</b>"
            )
        counts = preview.counts
        facts.append(
            self.tr("%1 sessions, %2 stops, %3 people, %4 documents, %5 questionnaires")
            .replace("%1", str(counts.sessions))
            .replace("%2", str(counts.stops))
            .replace("%3", str(counts.people))
            .replace("%4", str(counts.documents))
            .replace("%5", str(counts.questionnaires))
        )
        summary = QLabel("<br>".join(facts))
        summary.setObjectName("preview_summary")
        summary.setWordWrap(True)
        summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(summary)

        self.changes = SafeTextBrowser()
        self.changes.setObjectName("preview_changes")
        self.changes.setAccessibleName(self.tr("What will change"))
        self.changes.setOpenLinks(False)
        layout.addWidget(self.changes, 1)
        self.changes.setHtml(self.changes_html())

        # An accepted new key starts its own numbering, so a key change is never blocked:
        # the consent box below decides (the organisers' real pack over a pinned demo).
        self.blocked = preview.blocked
        self.consent: QCheckBox | None = None
        if not self.blocked and (not preview.signed or preview.key_changed):
            text = (
                self.tr("I trust this unsigned pack")
                if not preview.signed
                else self.tr("I checked with the organisers: accept the new key")
            )
            self.consent = QCheckBox(text)
            self.consent.setObjectName("preview_consent")
            self.consent.toggled.connect(self.on_consent)
            layout.addWidget(self.consent)
        if self.blocked:
            reason = (
                self.tr("This pack is older than the installed version and cannot be opened.")
                if preview.is_downgrade
                else self.tr(
                    "This pack has the installed version number but different content; "
                    "ask the organisers for a newer version."
                )
            )
            note = QLabel(reason)
            note.setObjectName("preview_blocked")
            note.setWordWrap(True)
            note.setStyleSheet("QLabel { color: #b3261e; font-weight: bold; }")
            layout.addWidget(note)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = QPushButton(self.tr("&Import"))
        self.import_button.setObjectName("preview_import")
        self.import_button.setDefault(True)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        unchanged = preview.unchanged
        if unchanged:
            self.import_button.setText(self.tr("Already installed"))
        self.import_button.setEnabled(not self.blocked and not unchanged and self.consent is None)

    def changes_html(self) -> str:
        p = self.preview
        if p.first_install:
            return (
                "<p>" + html.escape(self.tr("A new event: everything will be installed.")) + "</p>"
            )
        if p.unchanged:
            return "<p>" + html.escape(self.tr("This version is already installed.")) + "</p>"
        replacing = ""
        if p.replaces_by_new_key:
            replacing = (
                "<p>"
                + html.escape(
                    self.tr(
                        "If you accept the new key, its version %1 replaces the installed "
                        "version %2 signed by the old key."
                    )
                    .replace("%1", str(p.pack_version))
                    .replace("%2", str(p.installed_version))
                )
                + "</p>"
            )
        c = p.change_counts
        head = (
            self.tr("%1 new, %2 changed, %3 cancelled")
            .replace("%1", str(c.new))
            .replace("%2", str(c.changed))
            .replace("%3", str(c.cancelled))
        )
        items = "".join(change_line(ch) for ch in p.changes[:MAX_LISTED_CHANGES])
        more = len(p.changes) - MAX_LISTED_CHANGES
        tail = f"<p>… {more}</p>" if more > 0 else ""
        orphans = ""
        if p.orphaned_notes:
            orphans = (
                "<p>"
                + html.escape(
                    self.tr(
                        "%n of your notes will lose their session or stop; they are kept.",
                        "",
                        len(p.orphaned_notes),
                    )
                )
                + "</p>"
            )
        notes = "<p>" + html.escape(self.tr("Your notes, answers and agenda are kept.")) + "</p>"
        return f"{replacing}<p><b>{html.escape(head)}</b></p><ul>{items}</ul>{tail}{orphans}{notes}"

    @Slot(bool)
    def on_consent(self, on: bool) -> None:
        self.import_button.setEnabled(on and not self.blocked)

    @property
    def accept_new_key(self) -> bool:
        return bool(self.consent and self.consent.isChecked() and self.preview.key_changed)

    @property
    def allow_unsigned(self) -> bool:
        return bool(self.consent and self.consent.isChecked() and not self.preview.signed)


class OpenPackFlow(QObject):
    """Preview → consent → import, each database step on the worker; errors are dialogs."""

    previewed = Signal(object)  # ImportPreview
    imported = Signal(object)  # ImportResult
    failed = Signal(str)

    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.dialog: PreviewDialog | None = None
        self.error_box: QMessageBox | None = None

    def choose_file(self) -> None:
        start = self.ctx.settings.get(LAST_PACK_FOLDER) or str(Path.home())
        name, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Open event pack"),
            start,
            self.tr("Event packs (*.fvpack);;All files (*)"),
        )
        if name:
            self.ctx.settings.set(LAST_PACK_FOLDER, str(Path(name).parent))
            self.open_path(Path(name))

    def open_path(self, path: Path) -> None:
        store_job = lambda store: importing.preview_import(store, path, allow_unsigned=True)  # noqa: E731
        self.ctx.worker.submit(
            store_job,
            lambda preview: self.on_preview(path, preview),
            self.on_error,
        )

    def on_preview(self, path: Path, preview: ImportPreview) -> None:
        dialog = PreviewDialog(path, preview, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.do_import(path, dialog))
        dialog.destroyed.connect(lambda: self._forget_dialog(dialog))
        self.dialog = dialog
        dialog.open()
        self.previewed.emit(preview)

    def _forget_dialog(self, dialog: PreviewDialog) -> None:
        # A closed preview's delete can come after the next preview is up: forget only
        # the dialog that went, never its successor.
        if self.dialog is dialog:
            self.dialog = None

    def do_import(self, path: Path, dialog: PreviewDialog) -> None:
        accept_new_key, allow_unsigned = dialog.accept_new_key, dialog.allow_unsigned
        self.ctx.worker.submit(
            lambda store: importing.import_pack(
                store, path, accept_new_key=accept_new_key, allow_unsigned=allow_unsigned
            ),
            self.on_imported,
            self.on_error,
        )

    def on_imported(self, result: ImportResult) -> None:
        self.ctx.content_changed.emit(result.event_id)
        load = getattr(self.window, "load_events", None)
        if callable(load):
            load(result.event_id)
        show = getattr(self.window, "show_message", None)
        if callable(show):
            show(
                self.tr("Installed “%1”, version %2.")
                .replace("%1", result.title)
                .replace("%2", str(result.new_version))
            )
        self.imported.emit(result)

    def on_error(self, exc: Exception) -> None:
        if isinstance(exc, UserError):
            message = exc.message
        elif isinstance(exc, OSError):
            message = f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": ")
        else:
            message = str(exc) or exc.__class__.__name__
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Cannot open the event pack"),
            self.tr("The pack was not opened and nothing you stored has changed."),
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.setObjectName("pack_error")
        box.setInformativeText(message)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.error_box = box
        box.open()
        self.failed.emit(message)
