"""Markdown and rich text shown in the app never load a resource they name (issue 15)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QImage, QPixmap, QTextDocument
from PySide6.QtWidgets import QTextBrowser
from pytestqt.qtbot import QtBot

from fieldvisit.gui.safe_text import SafeTextBrowser, SafeTextDocument

GUI = Path(__file__).resolve().parents[2] / "fieldvisit" / "gui"
IMAGE = QTextDocument.ResourceType.ImageResource


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    path = tmp_path / "secret.png"
    assert image.save(str(path))
    return path


def _width(resource: object) -> int:
    """The width of an image resource (a QImage or QPixmap), -1 for anything else."""
    return resource.width() if isinstance(resource, QImage | QPixmap) else -1


def _markdown(secret: Path) -> str:
    return (
        "# Briefing\n\n"
        f"![local]({secret.as_uri()})\n\n"
        "![remote](https://tracker.example.org/pixel.png)\n\n"
        "![relative](secret.png)\n\n"
        '<img src="secret.png">\n'
    )


def test_a_plain_browser_would_read_the_local_file(qtbot: QtBot, secret: Path) -> None:
    plain = QTextBrowser()
    qtbot.addWidget(plain)
    plain.setSearchPaths([str(secret.parent)])
    plain.setMarkdown(_markdown(secret))
    plain.resize(400, 300)
    plain.grab()  # laid out and painted: every image asked for
    assert _width(plain.document().resource(IMAGE, QUrl(secret.as_uri()))) == 8


def test_the_safe_browser_loads_nothing_the_text_names(qtbot: QtBot, secret: Path) -> None:
    browser = SafeTextBrowser()
    qtbot.addWidget(browser)
    browser.setSearchPaths([str(secret.parent)])  # even when someone adds a search path
    browser.setMarkdown(_markdown(secret))
    browser.resize(400, 300)
    browser.grab()
    asked = set(browser.refused)
    assert secret.as_uri() in asked
    assert "https://tracker.example.org/pixel.png" in asked
    assert "secret.png" in asked
    for name in asked:  # each got the transparent pixel, never the 8x8 picture
        assert _width(browser.document().resource(IMAGE, QUrl(name))) == 1
    assert "Briefing" in browser.toPlainText()
    assert not browser.openLinks() and not browser.openExternalLinks()


def test_the_safe_document_loads_nothing(secret: Path) -> None:
    document = SafeTextDocument()
    document.setHtml(f'<p>x</p><img src="{secret.as_uri()}">')
    document.setTextWidth(300)
    document.size()  # lays it out
    image = QImage(300, 100, QImage.Format.Format_ARGB32)
    from PySide6.QtGui import QPainter

    painter = QPainter(image)
    document.drawContents(painter)
    painter.end()
    assert secret.as_uri() in document.refused
    assert _width(document.resource(IMAGE, QUrl(secret.as_uri()))) == 1


def test_no_text_view_in_the_app_is_a_plain_one() -> None:
    """Every QTextBrowser/QTextDocument the GUI makes is the safe kind."""
    found = []
    for path in GUI.rglob("*.py"):
        if path.name == "safe_text.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                if node.func.id in ("QTextBrowser", "QTextDocument"):
                    found.append(f"{path.relative_to(GUI)}:{node.lineno}")
    assert found == []
