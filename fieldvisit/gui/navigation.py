"""The window's sections, registered once: name, title, icon and how each is built.

The order of REGISTRY is the order of the navigation list and of Alt+1..Alt+7. Every
section is a `fieldvisit.gui.section.Section`; its module is imported when the section is
first needed (the first screen needs Today and the Programme only). A section that fails
to import or build raises: there is no placeholder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

if TYPE_CHECKING:
    from fieldvisit.gui.context import AppContext
    from fieldvisit.gui.section import Section


def _today(ctx: AppContext) -> Section:
    from fieldvisit.gui.today import TodaySection

    return TodaySection(ctx)


def _programme(ctx: AppContext) -> Section:
    from fieldvisit.gui.programme.section import ProgrammeSection

    return ProgrammeSection(ctx)


def _visit(ctx: AppContext) -> Section:
    from fieldvisit.gui.sections.visit import VisitSection

    return VisitSection(ctx)


def _contacts(ctx: AppContext) -> Section:
    from fieldvisit.gui.sections.contacts import ContactsSection

    return ContactsSection(ctx)


def _notes(ctx: AppContext) -> Section:
    from fieldvisit.gui.sections.notes import NotesSection

    return NotesSection(ctx)


def _questions(ctx: AppContext) -> Section:
    from fieldvisit.gui.sections.questions import QuestionsSection

    return QuestionsSection(ctx)


def _documents(ctx: AppContext) -> Section:
    from fieldvisit.gui.sections.documents import DocumentsSection

    return DocumentsSection(ctx)


@dataclass(frozen=True, slots=True)
class SectionEntry:
    """One section of the window: its name (also its icon's), title and builder."""

    name: str
    title: str  # source text, translated in the MainWindow context
    build: Callable[[AppContext], Section]


# The titles are marked for lupdate in the MainWindow context (QT_TRANSLATE_NOOP is typed as
# returning object), and translated by section_titles().
REGISTRY: tuple[SectionEntry, ...] = (
    SectionEntry("today", str(QT_TRANSLATE_NOOP("MainWindow", "Today")), _today),
    SectionEntry("programme", str(QT_TRANSLATE_NOOP("MainWindow", "Programme")), _programme),
    SectionEntry("visit", str(QT_TRANSLATE_NOOP("MainWindow", "Visit")), _visit),
    SectionEntry("contacts", str(QT_TRANSLATE_NOOP("MainWindow", "Contacts")), _contacts),
    SectionEntry("notes", str(QT_TRANSLATE_NOOP("MainWindow", "Notes")), _notes),
    SectionEntry("questions", str(QT_TRANSLATE_NOOP("MainWindow", "Questions")), _questions),
    SectionEntry("documents", str(QT_TRANSLATE_NOOP("MainWindow", "Documents")), _documents),
)
SECTIONS: tuple[str, ...] = tuple(entry.name for entry in REGISTRY)
_BY_NAME = {entry.name: entry for entry in REGISTRY}


def section_titles() -> dict[str, str]:
    return {e.name: QCoreApplication.translate("MainWindow", e.title) for e in REGISTRY}


def make_section(name: str, ctx: AppContext) -> Section:
    return _BY_NAME[name].build(ctx)


class LazySections(Mapping[str, "Section"]):
    """The window's sections by name, each built the first time anything asks for it.

    The first screen needs Today and the Programme; the other sections (their imports,
    widgets and first database jobs) wait until the delegate opens one. Reading the mapping
    (an item, `get`, `items`, `values`) builds what it touches; `built()` builds nothing.
    """

    def __init__(self, build: Callable[[str], Section]) -> None:
        self._build = build
        self._built: dict[str, Section] = {}

    def __getitem__(self, name: str) -> Section:
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

    def built(self) -> list[Section]:
        """The sections that exist so far, in the order they were built."""
        return list(self._built.values())
