"""The Contacts section: people grouped by role, a search, a card, copy and vCard export."""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication
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
from fieldvisit.gui.safe_text import SafeTextBrowser
from fieldvisit.gui.section import Section
from fieldvisit.gui.sections.common import HtmlDelegate
from fieldvisit.services import contacts
from fieldvisit.services.store import Store


@dataclass(frozen=True, slots=True)
class ContactLine:
    """A group heading (person None) or a person under it."""

    role: Role
    person: Person | None = None


class ContactsModel(QAbstractListModel):
    """Flat list with non-selectable role headings between the groups."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ContactLine] = []
        self.role_titles: dict[Role, str] = {}

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        line = self._rows[index.row()]
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
        if role == Qt.ItemDataRole.UserRole:
            return line
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].person is None:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def set_rows(self, rows: list[ContactLine]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def line_at(self, row: int) -> ContactLine:
        return self._rows[row]

    def people(self) -> list[Person]:
        return [line.person for line in self._rows if line.person is not None]

    def row_of(self, uid: str) -> int:
        return next(
            (i for i, r in enumerate(self._rows) if r.person is not None and r.person.id == uid),
            -1,
        )


class ContactsSection(Section):
    loaded = Signal()
    exported = Signal(str)

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
        self.copy_vcard = QPushButton(self.tr("Copy as &vCard"), self)
        self.copy_vcard.clicked.connect(self.on_copy_vcard)
        self.copy_text = QPushButton(self.tr("&Copy as text"), self)
        self.copy_text.clicked.connect(self.on_copy_text)
        self.export_one = QPushButton(self.tr("&Export contact…"), self)
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
        for b in (self.copy_vcard, self.copy_text, self.export_one):
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

    def section_title(self) -> str:
        return self.tr("Contacts")

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
        index = self.list.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.line_at(index.row()).person

    @Slot(QModelIndex, QModelIndex)
    def on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        person = self.model.line_at(current.row()).person if current.isValid() else None
        self._show_person(person)

    def _show_person(self, person: Person | None) -> None:
        for b in (self.copy_vcard, self.copy_text, self.export_one):
            b.setEnabled(person is not None)
        if person is None:
            self.card.setHtml("<p>" + html.escape(self.tr("Choose a contact.")) + "</p>")
            return
        esc = html.escape
        out = [
            f"<h2>{esc(person.name)}</h2>",
            f"<p><b>{esc(self.model.role_titles.get(person.role, str(person.role)))}</b>",
        ]
        if person.organisation:
            out.append(f" · {esc(person.organisation)}")
        out.append("</p>")
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
        self.card.setHtml("".join(out))

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
