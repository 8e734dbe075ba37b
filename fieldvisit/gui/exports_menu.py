"""The Export submenu: notes booklet (Markdown, PDF), my agenda, contacts and itinerary.

The files are made by `fieldvisit.services.exports` on the database worker; only the PDF is drawn
here, on the GUI thread, because Qt writes it (QTextDocument's Markdown + QPdfWriter).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QMarginsF,
    QObject,
    QSizeF,
    QStandardPaths,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from fieldvisit.domain.errors import StorageError, UserError
from fieldvisit.gui.context import AppContext
from fieldvisit.gui.safe_text import SafeTextDocument

# The writers (icalendar, vobject, gpxpy) load on the worker when an export runs: the
# window builds this menu at start-up and most sessions never export.
if TYPE_CHECKING:
    from fieldvisit.services.exports import Exported
    from fieldvisit.services.store import Store


def write_pdf(markdown: str, path: Path, *, title: str = "") -> int:
    """Render Markdown to an A4 PDF at `path`; returns the number of pages."""
    document = SafeTextDocument()  # a note's ![](file:...) never lands in the PDF
    document.setMarkdown(markdown)
    if title:
        document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, title)
    temp = path.with_name(f".{path.name}.part")
    writer = QPdfWriter(str(temp))
    writer.setTitle(title)
    writer.setCreator("Field Visit Companion")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 18, 18, 18),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setResolution(144)
    rect = writer.pageLayout().paintRectPixels(writer.resolution())
    document.setPageSize(QSizeF(rect.width(), rect.height()))
    pages = document.pageCount()
    document.print_(writer)
    del writer  # the file is complete only once the writer is gone
    try:
        temp.replace(path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise StorageError(f"cannot write the PDF ({exc.strerror})", path=path) from exc
    return pages


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
            folder = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation
            )
            suggested = str(Path(folder or Path.home()) / f"{self.ctx.event_id}-{name}{suffix}")
            chosen, _ = QFileDialog.getSaveFileName(
                self.window, self.tr("Export"), suggested, self.tr(file_filter)
            )
            if chosen:
                path = Path(chosen)
                self.export_to(name, path if path.suffix else path.with_suffix(suffix))

        return ask

    def export_to(self, name: str, path: Path) -> None:
        """Write export `name` ("notes", "pdf", "agenda", "contacts", "itinerary") to `path`."""
        event_id = self.ctx.event_id
        if name == "pdf":

            def booklet(store: Store) -> tuple[str, str]:
                from fieldvisit.services.booklet import build_booklet

                return build_booklet(store, event_id), event_id

            self.ctx.worker.submit(booklet, lambda done: self._pdf(done, path), self._failed)
            return

        def job(store: Store) -> Exported:
            from fieldvisit.services.exports import export

            return export(store, name, event_id, path)

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
        self.window.statusBar().showMessage(f"{done.summary}: {done.paths[0]}", 8000)
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
