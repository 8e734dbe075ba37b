"""Rich text that never fetches anything: Markdown and HTML shown from packs and notes.

A Markdown document in a pack (or a note) can name images and other resources:
`![x](file:///home/you/secret.png)`, `![x](https://tracker.example/pixel.png)`, or a
relative name that QTextBrowser resolves against its search paths. Qt's default
`loadResource` reads local files and qrc resources for such names. Here every resource a
text names is refused: the text shows as text, an image as its placeholder, and nothing is
read from disk or the network because of what a document says.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget


def _placeholder() -> QImage:
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    return image


def _refuse(log: list[str], kind: int, name: QUrl | str) -> Any:
    """What a refused resource becomes. Never nothing: on a null answer Qt falls back to
    reading the named file itself (QTextDocument::loadResource, and QTextImageHandler's
    `QImage::load(name)`), so an image gets a transparent pixel and anything else ""."""
    log.append(name.toString() if isinstance(name, QUrl) else name)
    if kind == QTextDocument.ResourceType.ImageResource:
        return _placeholder()
    return ""


class SafeTextDocument(QTextDocument):
    """A QTextDocument whose text cannot make it load any resource."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.refused: list[str] = []  # what the text asked for (tests and diagnostics)

    def loadResource(self, kind: int, name: QUrl | str, /) -> Any:
        return _refuse(self.refused, kind, name)


class SafeTextBrowser(QTextBrowser):
    """A QTextBrowser that loads no resource and follows no link by itself."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setSearchPaths([])
        self.refused: list[str] = []

    def loadResource(self, kind: int, name: QUrl | str, /) -> Any:
        return _refuse(self.refused, kind, name)
