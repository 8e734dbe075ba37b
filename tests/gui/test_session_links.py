"""Session links in the programme's detail: shown, opened only on a click, never fetched;
hostile addresses (javascript:, file:, over 2,000 characters) stay text."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QTextCursor
from PySide6.QtWidgets import QTextBrowser
from pytestqt.qtbot import QtBot

from fieldvisit.app import Shell
from fieldvisit.domain.model import LinkKind, SessionLink
from fieldvisit.packs.build import build
from fieldvisit.paths import resolve
from fieldvisit.services.importing import import_pack
from fieldvisit.services.store import Store

FIXTURE = Path(__file__).parents[1] / "unit" / "fixtures" / "schedule2.json"
HOSTILE = (
    "javascript:alert(document.cookie)",
    "file:///etc/passwd",
    "https://example.org/" + "a" * 2000,
)


def anchor_point(browser: QTextBrowser, href: str) -> QPoint:
    """Where on screen the anchor `href` is drawn (scrolled into view)."""
    document = browser.document()
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.isValid() and fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position() + max(1, fragment.length() // 2))
                browser.setTextCursor(cursor)
                browser.ensureCursorVisible()
                return browser.cursorRect(cursor).center()
            it += 1
        block = block.next()
    raise AssertionError(f"no anchor {href!r} in the detail")


def click_anchor(qtbot: QtBot, browser: QTextBrowser, href: str) -> None:
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=anchor_point(browser, href))


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: calls.append(url.toString()))
    return calls


def test_links_and_attachments_from_a_built_pack_open_only_on_click(
    make_shell: Callable[..., Shell],
    data_dir: Path,
    tmp_path: Path,
    qtbot: QtBot,
    opened: list[str],
) -> None:
    paths = resolve(data_dir)
    pack = tmp_path / "fieldday.fvpack"
    build(FIXTURE, pack, keys=None)
    store = Store.open(paths)
    try:
        import_pack(store, pack, allow_unsigned=True)
    finally:
        store.close()
    shell = make_shell(paths)
    programme = shell.window.programme
    qtbot.waitUntil(lambda: programme.programme is not None, timeout=20_000)
    shell.window.show_section("programme")
    assert programme.programme is not None
    family = next(s for s in programme.programme.sessions if s.title == "Family work that lasts")
    programme.show_target("session", family.id)
    detail = programme.detail
    qtbot.waitUntil(lambda: detail.session is not None and detail.session.id == family.id)
    text = detail.body.toPlainText()
    for label in ("Links:", "Web page:", "Slides:", "Video:", "Feedback:", "Background paper"):
        assert label in text
    assert opened == []  # showing a session never reaches the network
    click_anchor(qtbot, detail.body, "fv:link/1")
    assert opened == ["https://slides.example/family.pdf"]
    (paper,) = family.document_ids
    click_anchor(qtbot, detail.body, f"fv:attachment/{paper}")
    assert opened[-1] == "https://hub.example/media/attachments/family-paper.pdf"
    # The online room's stream address is the remote panel's join link.
    remote = next(s for s in programme.programme.sessions if s.title.startswith("Remote panel"))
    programme.show_target("session", remote.id)
    qtbot.waitUntil(lambda: detail.session is not None and detail.session.id == remote.id)
    assert "Join link:" in detail.body.toPlainText()


def test_hostile_links_are_text_and_never_opened(
    shell: Shell, qtbot: QtBot, opened: list[str]
) -> None:
    shell.window.show_section("programme")
    programme = shell.window.programme
    session = programme.programme.session("d1-opening") if programme.programme else None
    assert session is not None
    links = (
        *(SessionLink("Click me", url, LinkKind.WEB_PAGE) for url in HOSTILE),
        SessionLink("Slides", "https://example.org/slides.pdf", LinkKind.SLIDES),
    )
    detail = programme.detail
    detail.show_session(
        dataclasses.replace(session, links=links),
        speakers={},
        documents={},
        picked=False,
        rating=0,
        show_local=False,
    )
    markup = detail.body.toHtml()
    assert "javascript:" in detail.body.toPlainText()  # kept, as text
    assert 'href="javascript' not in markup
    assert 'href="file' not in markup
    assert markup.count('href="fv:link/') == 1  # only the web address is a link
    assert "the app does not open this address" in detail.body.toPlainText()
    for n in range(len(HOSTILE)):  # even a forged click on them opens nothing
        detail.body.anchorClicked.emit(QUrl(f"fv:link/{n}"))
    assert opened == []
    click_anchor(qtbot, detail.body, "fv:link/3")
    assert opened == ["https://example.org/slides.pdf"]
