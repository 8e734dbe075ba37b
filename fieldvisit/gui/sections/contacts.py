"""The Contacts section: people grouped by role, a search, a card, copy and vCard export."""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QMimeData,
    QModelIndex,
    Qt,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fieldvisit.domain.model import Person, Role
from fieldvisit.gui.context import AppContext
from fieldvisit.gui.formatting import day_time
from fieldvisit.gui.listmodel import RowsModel
from fieldvisit.gui.programme.detail import plain_description
from fieldvisit.gui.safe_text import SafeTextBrowser
from fieldvisit.gui.section import Section
from fieldvisit.gui.sections.common import HtmlDelegate
from fieldvisit.services import contacts, people
from fieldvisit.services.people import PersonPage
from fieldvisit.services.store import Store


@dataclass(frozen=True, slots=True)
class ContactLine:
    """A group heading (person None) or a person under it."""

    role: Role
    person: Person | None = None


class ContactsModel(RowsModel[ContactLine]):
    """Flat list with non-selectable role headings between the groups."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.role_titles: dict[Role, str] = {}

    def row_data(self, line: ContactLine, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:  # escaped HTML for HtmlDelegate
            if line.person is None:
                return html.escape(self.role_titles.get(line.role, str(line.role)))
            org = line.person.organisation
            small = f'<br><span style="font-size:small">{html.escape(org)}</span>' if org else ""
            return f"{html.escape(line.person.name)}{small}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if line.person is None:
                return self.role_titles.get(line.role, str(line.role))
            org = f" — {line.person.organisation}" if line.person.organisation else ""
            return f"{line.person.name}{org}"
        if line.person is None and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if line.person is None and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(128, 128, 128, 40))  # readable on light and dark palettes
        return None

    def selectable(self, line: ContactLine) -> bool:
        return line.person is not None

    def people(self) -> list[Person]:
        return [line.person for line in self._rows if line.person is not None]

    def row_of(self, uid: str) -> int:
        return self.find(lambda r: r.person is not None and r.person.id == uid)


class ContactsSection(Section):
    """People by role; the card beside the list is the chosen person's page."""

    section_name = "contacts"

    loaded = Signal()
    exported = Signal(str)
    page_shown = Signal(str)  # the person id, once their page (sessions, notes) is in

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._people: list[Person] = []
        self._wanted = ""  # a person asked for (show_target) before the list had loaded
        self.is_loaded = False
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search contacts"))
        self.search.setAccessibleName(self.tr("Search contacts"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.on_search)
        self.model = ContactsModel(self)
        self.model.role_titles = {
            Role.EMERGENCY: self.tr("Emergency and duty"),
            Role.ORGANISER: self.tr("Organisers"),
            Role.HOST: self.tr("Hosts"),
            Role.FACILITATOR: self.tr("Facilitators"),
            Role.CHAIR: self.tr("Chairs"),
            Role.SPEAKER: self.tr("Speakers"),
            Role.DELEGATE: self.tr("Delegates"),
        }
        self.list = QListView(self)
        self.list.setAccessibleName(self.tr("Contacts"))
        self.list.setModel(self.model)
        self.list.setSpacing(1)
        self.list.setItemDelegate(HtmlDelegate(self.list))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.selectionModel().currentChanged.connect(self.on_current_changed)
        self.card = SafeTextBrowser(self)
        self.card.setAccessibleName(self.tr("Contact card"))
        self.card.setOpenExternalLinks(False)
        self.card.setOpenLinks(False)
        self.card.anchorClicked.connect(self.on_card_link)
        self.page: PersonPage | None = None
        self.note_button = QPushButton(self.tr("Note on this &person"), self)
        self.note_button.setObjectName("person_note_button")
        self.note_button.setToolTip(self.tr("Start a note about this person (Ctrl+N)"))
        self.note_button.clicked.connect(self.on_note_clicked)
        self.copy_vcard = QPushButton(self.tr("Copy as vCa&rd"), self)
        self.copy_vcard.clicked.connect(self.on_copy_vcard)
        self.copy_text = QPushButton(self.tr("&Copy as text"), self)
        self.copy_text.clicked.connect(self.on_copy_text)
        self.export_one = QPushButton(self.tr("E&xport contact…"), self)
        self.export_one.clicked.connect(self.on_export_one)
        self.export_all = QPushButton(self.tr("Export &all…"), self)
        self.export_all.setToolTip(self.tr("Save every contact shown in one .vcf file"))
        self.export_all.clicked.connect(self.on_export_all)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.export_all)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.card, 1)
        buttons = QHBoxLayout()
        for b in (self.note_button, self.copy_vcard, self.copy_text, self.export_one):
            buttons.addWidget(b)
        buttons.addStretch(1)
        right_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([380, 520])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._show_person(None)
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.page is not None:  # notes on the person may have been written meanwhile
            self._show_person(self._selected())

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def reload(self) -> None:
        event_id = self.ctx.event_id

        def done(people: list[Person]) -> None:
            self._people = people
            self.is_loaded = True
            self._fill()
            self.loaded.emit()

        self.ctx.worker.submit(lambda store: contacts.load_contacts(store, event_id), done)

    @Slot(str)
    def on_event_changed(self, _event_id: str) -> None:
        self.is_loaded = False
        self.reload()

    @Slot(str)
    def on_search(self, _text: str) -> None:
        self._fill()

    def _fill(self) -> None:
        selected = self._selected()
        rows: list[ContactLine] = []
        for role, members in contacts.grouped(self._people, self.search.text()):
            rows.append(ContactLine(role))
            rows.extend(ContactLine(role, p) for p in members)
        self.model.set_rows(rows)
        wanted = self.model.row_of(self._wanted) if self._wanted else -1
        if wanted >= 0 or self.is_loaded:
            self._wanted = ""
        row = wanted if wanted >= 0 else (self.model.row_of(selected.id) if selected else -1)
        if row < 0 and len(rows) > 1:
            row = 1
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))
        else:
            self._show_person(None)
        self.export_all.setEnabled(bool(rows))

    def note_target(self) -> tuple[str, str] | None:
        """The person on the card: Ctrl+N makes a note about them."""
        person = self._selected()
        return ("person", person.id) if person is not None else None

    def _selected(self) -> Person | None:
        line = self.model.current(self.list)
        return line.person if line is not None else None

    @Slot(QModelIndex, QModelIndex)
    def on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        person = self.model.row_at(current.row()).person if current.isValid() else None
        self._show_person(person)

    def _show_person(self, person: Person | None) -> None:
        for b in (self.note_button, self.copy_vcard, self.copy_text, self.export_one):
            b.setEnabled(person is not None)
        self.page = None
        if person is None:
            self.card.setHtml("<p>" + html.escape(self.tr("Choose a contact.")) + "</p>")
            return
        self.card.setHtml(self._card_html(person))
        event_id, person_id = self.ctx.event_id, person.id

        def done(page: PersonPage | None) -> None:
            chosen = self._selected()
            if page is None or chosen is None or chosen.id != person_id:
                return  # another person was chosen meanwhile
            self.page = page
            self.card.setHtml(self._card_html(page.person, page))
            self.page_shown.emit(person_id)

        self.ctx.worker.submit(lambda store: people.person_page(store, event_id, person_id), done)

    def _card_html(self, person: Person, page: PersonPage | None = None) -> str:
        esc = html.escape
        out = [
            f"<h2>{esc(person.name)}</h2>",
            f"<p><b>{esc(self.model.role_titles.get(person.role, str(person.role)))}</b>",
        ]
        if person.organisation:
            out.append(f" · {esc(person.organisation)}")
        out.append("</p>")
        if person.biography:
            out.append(plain_description(person.biography))
        if person.phone:
            out.append("<p>" + esc(self.tr("Phone")) + f": <b>{esc(person.phone)}</b></p>")
        if person.email:
            out.append("<p>" + esc(self.tr("Email")) + f": {esc(person.email)}</p>")
        if person.languages:
            out.append(
                "<p>" + esc(self.tr("Languages")) + f": {esc(', '.join(person.languages))}</p>"
            )
        if not person.listed:
            out.append(
                '<p style="color:#666">'
                + esc(self.tr("This person's phone and email are not shared in the contact list."))
                + "</p>"
            )
        if page is not None:
            out.append(self._page_html(page))
        return "".join(out)

    def _page_html(self, page: PersonPage) -> str:
        esc = html.escape
        zone = self.ctx.timezone
        out: list[str] = []
        if page.sessions:
            out.append("<h3>" + esc(self.tr("Sessions")) + "</h3><ul>")
            for s in page.sessions:
                when = day_time(s.start.astimezone(zone))
                out.append(f'<li><a href="fv:session/{esc(s.id)}">{esc(s.title)}</a> · {when}</li>')
            out.append("</ul>")
        if page.stops:
            out.append("<h3>" + esc(self.tr("Hosts these stops")) + "</h3><ul>")
            for stop in page.stops:
                when = f" · {day_time(stop.start.astimezone(zone))}" if stop.start else ""
                out.append(
                    f'<li><a href="fv:stop/{esc(stop.id)}">{esc(stop.title)}</a>'
                    f" ({esc(stop.itinerary)}){when}</li>"
                )
            out.append("</ul>")
        out.append("<h3>" + esc(self.tr("Your notes on this person")) + "</h3>")
        if page.notes:
            out.append("<ul>")
            private = esc(self.tr("private"))
            for note in page.notes:
                mark = f" <i>({private})</i>" if note.private else ""
                title = esc(note.title or self.tr("(empty note)"))
                out.append(f'<li><a href="fv:note/{esc(note.id)}">{title}</a>{mark}</li>')
            out.append("</ul>")
        else:
            out.append(
                "<p>" + esc(self.tr("None yet: Note on this person (Ctrl+N) starts one.")) + "</p>"
            )
        return "".join(out)

    @Slot(QUrl)
    def on_card_link(self, url: QUrl) -> None:
        """A session, stop or note on the page: one click opens it where it lives."""
        if url.scheme() != "fv":
            return
        kind, _, uid = url.path().partition("/")
        section = {"session": "programme", "stop": "visit", "note": "notes"}.get(kind)
        if section and uid:
            self.ctx.navigate.emit(section, kind, uid)

    @Slot()
    def on_note_clicked(self) -> None:
        person = self._selected()
        if person is not None:
            self.ctx.note_requested.emit("person", person.id)

    def show_target(self, kind: str, uid: str) -> None:
        """Show one person. Asked for before the list has loaded (the first click on a
        speaker after start builds this section), the person is chosen when it arrives;
        until then the first person was chosen instead (issue 10)."""
        if kind == "person":
            self._wanted = uid
            if self.search.text():
                self.search.clear()  # refills, choosing the person when listed
            else:
                self._fill()

    # --- copy and export --------------------------------------------------------------

    @Slot()
    def on_copy_vcard(self) -> None:
        person = self._selected()
        if person is None:
            return
        text = contacts.card_text(person, self.ctx.event_id)
        mime = QMimeData()
        mime.setText(text)
        mime.setData("text/vcard", text.encode("utf-8"))
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setMimeData(mime)

    @Slot()
    def on_copy_text(self) -> None:
        person = self._selected()
        clipboard = QGuiApplication.clipboard()
        if person is not None and clipboard is not None:
            clipboard.setText(contacts.plain_text(person))

    @Slot()
    def on_export_one(self) -> None:
        person = self._selected()
        if person is not None:
            self._export([person], _stem(person.name))

    @Slot()
    def on_export_all(self) -> None:
        self._export(self.model.people(), "contacts")

    def _export(self, people: list[Person], stem: str) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export contacts"),
            str(Path.home() / f"{stem}.vcf"),
            self.tr("vCard files (*.vcf)"),
        )
        if not path:
            return
        event_id = self.ctx.event_id

        def job(store: Store) -> str:
            from fieldvisit.services.exports import export_contacts

            export_contacts(store, event_id, Path(path), people)
            return path

        def failed(exc: Exception) -> None:
            QMessageBox.warning(self, self.tr("Contacts not exported"), str(exc))

        self.ctx.worker.submit(job, self.exported.emit, failed)


def _stem(name: str) -> str:
    keep = "".join(c if c.isalnum() or c in "-_ " else "_" for c in name).strip()
    return keep.replace(" ", "-")[:60] or "contact"
