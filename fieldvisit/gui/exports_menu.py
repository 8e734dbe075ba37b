"""The Export submenu: notes booklet (Markdown, PDF), my agenda, contacts and itinerary.

The files are made by `fieldvisit.services.exports` on the database worker; only the PDF is drawn
here, on the GUI thread, because Qt writes it (QTextDocument's Markdown + QPdfWriter).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QStandardPaths, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from fieldvisit.domain.errors import UserError
from fieldvisit.gui.context import AppContext
from fieldvisit.gui.pdf import write_pdf

# The writers (icalendar, vobject, gpxpy) load on the worker when an export runs: the
# window builds this menu at start-up and most sessions never export.
if TYPE_CHECKING:
    from fieldvisit.services.exports import Exported
    from fieldvisit.services.store import Store


# name, menu text, file filter, default suffix. The menu text is marked for lupdate and
# translated where the action is made (QT_TRANSLATE_NOOP is typed as returning object).
EXPORTS: tuple[tuple[str, object, str, str], ...] = (
    (
        "notes",
        QT_TRANSLATE_NOOP("ExportActions", "Notes booklet (&Markdown)…"),
        "Markdown (*.md)",
        ".md",
    ),
    ("pdf", QT_TRANSLATE_NOOP("ExportActions", "Notes booklet (&PDF)…"), "PDF (*.pdf)", ".pdf"),
    (
        "agenda",
        QT_TRANSLATE_NOOP("ExportActions", "My &agenda (.ics)…"),
        "iCalendar (*.ics)",
        ".ics",
    ),
    ("contacts", QT_TRANSLATE_NOOP("ExportActions", "&Contacts (.vcf)…"), "vCard (*.vcf)", ".vcf"),
    ("itinerary", QT_TRANSLATE_NOOP("ExportActions", "&Itinerary (.gpx)…"), "GPX (*.gpx)", ".gpx"),
)


class ExportActions(QObject):
    """The export actions of one window; `export_to` is what each action runs after its dialog."""

    exported = Signal(str)  # the (first) path written
    failed = Signal(str)

    def __init__(self, window: QMainWindow, ctx: AppContext) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.actions: list[QAction] = []
        for name, text, file_filter, suffix in EXPORTS:
            action = QAction(self.tr(str(text)), window)
            action.setObjectName(f"action_export_{name}")
            action.triggered.connect(self._asker(name, file_filter, suffix))
            self.actions.append(action)

    def _asker(self, name: str, file_filter: str, suffix: str) -> Callable[[], None]:
        def ask() -> None:
            if not self.ctx.event_id:
                self._error(self.tr("Install an event pack first."))
                return
            dialog, private = self.save_dialog(name, file_filter, suffix)
            if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
                return
            path = Path(dialog.selectedFiles()[0])
            self.export_to(
                name,
                path if path.suffix else path.with_suffix(suffix),
                include_private=private is not None and private.isChecked(),
            )

        return ask

    def save_dialog(
        self, name: str, file_filter: str, suffix: str
    ) -> tuple[QFileDialog, QCheckBox | None]:
        """The Save dialog of export `name`; a booklet's has "Include my private notes",
        unticked: private notes leave the app only when the delegate says so."""
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        folder = Path(documents) if documents and Path(documents).is_dir() else Path.home()
        dialog = QFileDialog(
            self.window,
            self.tr("Export: writes a readable file, not encrypted"),
            str(folder),
            self.tr(file_filter),
        )
        dialog.setObjectName(f"export_dialog_{name}")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(suffix.lstrip("."))
        dialog.selectFile(f"{self.ctx.event_id}-{name}{suffix}")
        private: QCheckBox | None = None
        if name in ("notes", "pdf"):
            # Qt's own dialog, because a native one cannot carry the checkbox.
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
            private = QCheckBox(self.tr("Include my &private notes"), dialog)
            private.setObjectName("include_private")
            private.setToolTip(
                self.tr("Private notes are left out unless you tick this; they are marked.")
            )
            layout = dialog.layout()
            if isinstance(layout, QGridLayout):
                layout.addWidget(private, layout.rowCount(), 0, 1, -1)
        return dialog, private

    def export_to(self, name: str, path: Path, *, include_private: bool = False) -> None:
        """Write export `name` ("notes", "pdf", "agenda", "contacts", "itinerary") to `path`;
        a booklet holds private notes only with `include_private`."""
        event_id = self.ctx.event_id
        if name == "pdf":
            if path.suffix.lower() != ".pdf":
                path = path.with_name(path.name + ".pdf")

            def booklet(store: Store) -> tuple[str, str]:
                from fieldvisit.services.booklet import build_booklet

                return build_booklet(store, event_id, include_private=include_private), event_id

            self.ctx.worker.submit(booklet, lambda done: self._pdf(done, path), self._failed)
            return

        def job(store: Store) -> Exported:
            from fieldvisit.services.exports import export

            return export(store, name, event_id, path, include_private=include_private)

        self.ctx.worker.submit(job, self._done, self._failed)

    def _pdf(self, done: tuple[str, str], path: Path) -> None:
        markdown, event_id = done
        try:
            write_pdf(markdown, path, title=self.tr("Notes: %1").replace("%1", event_id))
        except UserError as exc:
            self._failed(exc)
            return
        from fieldvisit.services.exports import Exported

        self._done(Exported((path,), self.tr("PDF booklet written")))

    def _done(self, done: Exported) -> None:
        warning = self.tr("not encrypted: anyone who gets this file can read it")
        self.window.statusBar().showMessage(f"{done.summary}: {done.paths[0]} ({warning})", 12000)
        self.exported.emit(str(done.paths[0]))

    def _failed(self, exc: Exception) -> None:
        self._error(exc.message if isinstance(exc, UserError) else str(exc))

    @Slot(str)
    def _error(self, message: str) -> None:
        self.failed.emit(message)
        parent: QWidget = self.window
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Export"), message, parent=parent)
        box.setObjectName("export_error")
        box.open()
