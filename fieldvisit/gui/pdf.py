"""The notes booklet as PDF: Qt draws it (QTextDocument's Markdown, QPdfWriter), for the
Export menu and for `fieldvisit export notes -o notes.pdf` alike, so both write one PDF.

Qt is already the app's renderer, and its Markdown reader is the one the note preview uses;
a second PDF library would draw a second, different booklet. The bytes are drawn in memory
and written with `write_atomic`: the file is private to the user (0600), as every export.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import (
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)

from fieldvisit.gui.safe_text import SafeTextDocument
from fieldvisit.interop.atomic import write_atomic


def pdf_bytes(markdown: str, *, title: str = "") -> tuple[bytes, int]:
    """An A4 PDF of `markdown` and its number of pages. Needs a QGuiApplication."""
    document = SafeTextDocument()  # a note's ![](file:...) never lands in the PDF
    document.setMarkdown(markdown)
    if title:
        document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, title)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
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
    del writer  # the PDF is complete only once the writer is gone
    buffer.close()
    return bytes(data.data()), pages


def write_pdf(markdown: str, path: Path, *, title: str = "") -> int:
    """Render Markdown to an A4 PDF at `path` (0600, atomic); returns the number of pages."""
    data, pages = pdf_bytes(markdown, title=title)
    write_atomic(path, data)
    return pages


def offscreen_renderer() -> QGuiApplication:
    """The command line's QGuiApplication for drawing a PDF: offscreen, no display needed."""
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    return QGuiApplication(["fieldvisit", "-platform", "offscreen"])
