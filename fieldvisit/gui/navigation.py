"""The window's sections: their order, translated titles, and how each is created.

Today and Programme live beside this module; the others are `<Name>Section` classes in
fieldvisit.gui.sections.<name>. A section whose module is missing becomes a placeholder,
so the window still opens while one is being written.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

if TYPE_CHECKING:
    from fieldvisit.gui.context import AppContext

log = logging.getLogger(__name__)

SECTIONS = ("today", "programme", "visit", "contacts", "notes", "questions", "documents")
# The other sections live in fieldvisit.gui.sections.<name> as <Name>Section.
EXTERNAL = {
    "visit": "VisitSection",
    "contacts": "ContactsSection",
    "notes": "NotesSection",
    "questions": "QuestionsSection",
    "documents": "DocumentsSection",
}


class PlaceholderSection(QWidget):
    """Stands in for a section whose module is not in this build yet."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        layout = QHBoxLayout(self)
        label = QLabel(self.tr("%1 is not available in this build.").replace("%1", title))
        label.setProperty("alignment", "AlignCenter")  # not `Qt`: see main_window
        layout.addWidget(label)

    def section_title(self) -> str:
        return self._title


class LazySections(Mapping[str, QWidget]):
    """The window's sections by name, each built the first time anything asks for it.

    The first screen needs Today and the Programme; the other sections (their imports,
    widgets and first database jobs) wait until the delegate opens one. Reading the mapping
    (an item, `get`, `items`, `values`) builds what it touches; `built()` builds nothing.
    """

    def __init__(self, build: Callable[[str], QWidget]) -> None:
        self._build = build
        self._built: dict[str, QWidget] = {}

    def __getitem__(self, name: str) -> QWidget:
        widget = self._built.get(name)
        if widget is None:
            if name not in SECTIONS:
                raise KeyError(name)
            widget = self._built[name] = self._build(name)
        return widget

    def __contains__(self, name: object) -> bool:
        return name in SECTIONS

    def __iter__(self) -> Iterator[str]:
        return iter(SECTIONS)

    def __len__(self) -> int:
        return len(SECTIONS)

    def built(self) -> list[QWidget]:
        """The sections that exist so far, in the order they were built."""
        return list(self._built.values())


def section_titles() -> dict[str, str]:
    translate = QCoreApplication.translate
    return {
        "today": translate("MainWindow", "Today"),
        "programme": translate("MainWindow", "Programme"),
        "visit": translate("MainWindow", "Visit"),
        "contacts": translate("MainWindow", "Contacts"),
        "notes": translate("MainWindow", "Notes"),
        "questions": translate("MainWindow", "Questions"),
        "documents": translate("MainWindow", "Documents"),
    }


def make_section(name: str, ctx: AppContext, title: str) -> QWidget:
    if name == "today":
        from fieldvisit.gui.today import TodaySection

        return TodaySection(ctx)
    if name == "programme":
        from fieldvisit.gui.programme.section import ProgrammeSection

        return ProgrammeSection(ctx)
    try:
        module = importlib.import_module(f"fieldvisit.gui.sections.{name}")
        cls = getattr(module, EXTERNAL[name])
    except (ImportError, AttributeError):
        log.info("section %s not available; showing a placeholder", name)
        return PlaceholderSection(title)
    widget = cls(ctx)
    assert isinstance(widget, QWidget)
    return widget
