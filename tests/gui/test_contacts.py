"""Contacts section: grouping by role, search, privacy of unlisted people, copy, vCard export."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import vobject
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog
from section_helpers import app_context, seed_event

from fieldvisit.gui.context import AppContext
from fieldvisit.gui.sections.contacts import ContactsSection


@pytest.fixture
def section(qtbot, data_dir: Path) -> Iterator[ContactsSection]:
    with app_context(data_dir) as ctx:
        seed_event(ctx)
        widget = ContactsSection(ctx)
        qtbot.addWidget(widget)
        widget.resize(1000, 640)
        widget.show()
        qtbot.waitUntil(lambda: widget.model.rowCount() > 0)
        yield widget


def texts(section: ContactsSection) -> list[str]:
    role = Qt.ItemDataRole.AccessibleTextRole
    return [section.model.index(i, 0).data(role) for i in range(section.model.rowCount())]


def test_grouped_by_role_emergency_first(section: ContactsSection, qtmodeltester) -> None:
    qtmodeltester.check(section.model)
    assert texts(section) == [
        "Emergency and duty",
        "Duty officer — Conference desk",
        "Organisers",
        "Anne Jansen — RAN",
        "Hosts",
        "Fatima El Amrani — Wijkteam Schilderswijk",
        "Pieter de Vries — De Mussen",
        "Speakers",
        "Jozias van Aartsen — Gemeente Den Haag",
    ]
    heading = section.model.index(0, 0)
    assert not section.model.flags(heading) & Qt.ItemFlag.ItemIsSelectable


def test_search_filters(qtbot, section: ContactsSection) -> None:
    qtbot.keyClicks(section.search, "wijk")
    assert texts(section) == ["Hosts", "Fatima El Amrani — Wijkteam Schilderswijk"]
    section.search.clear()
    qtbot.keyClicks(section.search, "nobody at all")
    assert texts(section) == []


def test_unlisted_person_shows_no_details(qtbot, section: ContactsSection) -> None:
    section.show_target("person", "p-host2")
    card = section.card.toPlainText()
    assert "Pieter de Vries" in card and "De Mussen" in card
    assert "secret@example.org" not in card and "+31 6 0000 0003" not in card
    section.on_copy_text()
    clip = QGuiApplication.clipboard()
    assert clip is not None
    assert "secret@example.org" not in clip.text()
    section.show_target("person", "p-host1")
    assert "+31 6 0000 0002" in section.card.toPlainText()


def test_copy_vcard_and_text(qtbot, section: ContactsSection) -> None:
    section.show_target("person", "p-mayor")
    qtbot.mouseClick(section.copy_vcard, Qt.MouseButton.LeftButton)
    clip = QGuiApplication.clipboard()
    assert clip is not None
    card = vobject.readOne(clip.text())
    assert card.fn.value == "Jozias van Aartsen"
    assert card.email.value == "mayor@example.org"
    qtbot.mouseClick(section.copy_text, Qt.MouseButton.LeftButton)
    assert clip.text().splitlines()[:2] == ["Jozias van Aartsen", "Gemeente Den Haag"]


def test_export_one_and_all(qtbot, section: ContactsSection, monkeypatch, tmp_path) -> None:
    target = tmp_path / "all.vcf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(section.exported, timeout=3000):
        qtbot.mouseClick(section.export_all, Qt.MouseButton.LeftButton)
    cards = list(vobject.readComponents(target.read_text(encoding="utf-8")))
    assert len(cards) == 5
    unlisted = next(c for c in cards if c.fn.value == "Pieter de Vries")
    assert "email" not in unlisted.contents and "tel" not in unlisted.contents
    one = tmp_path / "one.vcf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(one), ""))
    section.show_target("person", "p-duty")
    with qtbot.waitSignal(section.exported, timeout=3000):
        qtbot.mouseClick(section.export_one, Qt.MouseButton.LeftButton)
    (card,) = list(vobject.readComponents(one.read_text(encoding="utf-8")))
    assert card.tel.value == "+31 70 000 0112"
    section.grab().save(str(tmp_path / "contacts.png"))
    section.grab().save("/tmp/fv_contacts.png")


def test_no_event_shows_empty(qtbot, data_dir: Path) -> None:
    with app_context(data_dir) as ctx:
        widget = ContactsSection(ctx)
        qtbot.addWidget(widget)
        with qtbot.waitSignal(widget.loaded):
            pass
        assert widget.model.rowCount() == 0
        assert not widget.export_all.isEnabled()
        assert isinstance(ctx, AppContext)
