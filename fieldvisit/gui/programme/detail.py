"""The session detail pane: time, place, speakers, documents, description and the delegate's
own actions (agenda, note, rating). Links open only when the user clicks them."""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

from PySide6.QtCore import QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fieldvisit.domain.agenda import MAX_STARS
from fieldvisit.domain.clock import Clocks, zone_label
from fieldvisit.domain.links import openable
from fieldvisit.domain.model import LinkKind, Session, SessionLink, Sharing
from fieldvisit.gui.flow import FlowLayout
from fieldvisit.gui.formatting import day_long
from fieldvisit.gui.programme.models import kind_label, time_range
from fieldvisit.gui.safe_text import SafeTextBrowser
from fieldvisit.gui.theme import CONFIDENTIAL

_TAG = re.compile(r"<[^>]+>")
_BLOCK = re.compile(r"</?(p|br|div|li|ul|ol|h\d)[^>]*>", re.IGNORECASE)


def plain_description(text: str) -> str:
    """A pack's description as escaped paragraphs: imported schedules carry HTML, which we
    never render (no remote images, no scripts), but keep their paragraph breaks."""
    spaced = _BLOCK.sub("\n", text)
    plain = html.unescape(_TAG.sub("", spaced))
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n|\n", plain) if p.strip()]
    return "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)


def _host(url: str) -> str:
    try:
        return urlsplit(url).hostname or ""
    except ValueError:  # a malformed address (an unclosed IPv6 bracket): no hint
        return ""


class SessionDetail(QWidget):
    """Shows one session. Emits what the user asks for; the section does the work."""

    pick_toggled = Signal(str, bool)
    note_requested = Signal(str)
    rating_changed = Signal(str, int)
    navigate = Signal(str, str, str)  # section, kind, uid
    person_note_requested = Signal(str)  # a new note on this person (uid)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = None
        self.addresses: dict[str, str] = {}  # attachment id -> its address
        self.clocks: Clocks | None = None
        self.setAccessibleName(self.tr("Session detail"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        self.title = QLabel()
        self.title.setObjectName("session_title")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setAccessibleName(self.tr("Session title"))
        layout.addWidget(self.title)
        self.confidential = QLabel(self.tr("CONFIDENTIAL"))
        self.confidential.setObjectName("confidential_mark")
        self.confidential.setAccessibleName(self.tr("Confidential session"))
        self.confidential.setToolTip(
            self.tr("Confidential: do not share what is said here outside the session.")
        )
        self.confidential.setStyleSheet(
            f"QLabel {{ color: white; background: {CONFIDENTIAL}; font-weight: bold;"
            " padding: 2px 8px; border-radius: 3px; }"
        )
        self.confidential.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.confidential.hide()
        layout.addWidget(self.confidential)

        # The two buttons wrap onto two rows when the pane is narrow (Dutch at 1024x600).
        actions = FlowLayout()
        self.pick = QPushButton(self.tr("&Add to my agenda"))
        self.pick.setObjectName("pick_button")
        self.pick.setCheckable(True)
        self.pick.setAccessibleName(self.tr("Add to my agenda"))
        self.pick.toggled.connect(self.on_pick_toggled)
        actions.addWidget(self.pick)
        self.note = QPushButton(self.tr("N&ote on this session"))
        self.note.setObjectName("note_button")
        self.note.setAccessibleName(self.tr("Note on this session"))
        self.note.setToolTip(self.tr("Start a note on this session (Ctrl+N)"))
        self.note.clicked.connect(self.on_note_clicked)
        actions.addWidget(self.note)
        layout.addLayout(actions)

        stars_row = QHBoxLayout()
        stars_label = QLabel(self.tr("Your rating:"))
        stars_row.addWidget(stars_label)
        self.stars: list[QToolButton] = []
        for n in range(1, MAX_STARS + 1):
            button = QToolButton()
            button.setText("☆")
            button.setAutoRaise(True)
            button.setObjectName(f"star_{n}")
            name = self.tr("Rate %n star(s)", "", n)
            button.setAccessibleName(name)
            button.setToolTip(name)
            button.clicked.connect(lambda _=False, stars=n: self.on_star(stars))
            stars_row.addWidget(button)
            self.stars.append(button)
        stars_label.setBuddy(self.stars[0])
        stars_row.addStretch(1)
        layout.addLayout(stars_row)
        self.rating = 0

        self.body = SafeTextBrowser()
        self.body.setObjectName("session_body")
        self.body.setAccessibleName(self.tr("Session details"))
        self.body.setOpenLinks(False)
        self.body.setOpenExternalLinks(False)
        self.body.anchorClicked.connect(self.on_anchor)
        layout.addWidget(self.body, 1)
        self._set_enabled(False)
        self.body.setHtml("<p>" + html.escape(self.tr("Choose a session to see it here.")) + "</p>")

    def _set_enabled(self, on: bool) -> None:
        for w in (self.pick, self.note, *self.stars):
            w.setEnabled(on)

    def show_session(
        self,
        session: Session | None,
        *,
        speakers: dict[str, str],
        documents: dict[str, str],
        picked: bool,
        rating: int,
        show_local: bool,
        sharing: dict[str, Sharing] | None = None,
        clocks: Clocks | None = None,
        addresses: dict[str, str] | None = None,
    ) -> None:
        self.session = session
        self.clocks = clocks
        self.addresses = dict(addresses or {})
        if session is None:
            self.title.clear()
            self.confidential.hide()
            self._set_enabled(False)
            self.body.setHtml(
                "<p>" + html.escape(self.tr("Choose a session to see it here.")) + "</p>"
            )
            return
        self._set_enabled(True)
        self.title.setText(session.title)
        self.confidential.setVisible(session.confidential)
        self.pick.blockSignals(True)
        self.pick.setChecked(picked)
        self.pick.setText(self.tr("In my &agenda") if picked else self.tr("&Add to my agenda"))
        self.pick.blockSignals(False)
        self.set_rating(rating)
        self.body.setHtml(self.session_html(session, speakers, documents, show_local, sharing))

    def link_kind_label(self, kind: LinkKind) -> str:
        return {
            LinkKind.WEB_PAGE: self.tr("Web page"),
            LinkKind.SLIDES: self.tr("Slides"),
            LinkKind.VIDEO: self.tr("Video"),
            LinkKind.LIVE_STREAM: self.tr("Live stream"),
            LinkKind.JOIN: self.tr("Join link"),
            LinkKind.FEEDBACK: self.tr("Feedback"),
        }[kind]

    def links_html(self, links: tuple[SessionLink, ...]) -> str:
        """The session's links: openable ones as anchors the user may click (opened by
        `on_anchor`, never before); anything else as plain text, never a link."""
        if not links:
            return ""
        e = html.escape
        items = []
        for n, link in enumerate(links):
            kind = e(self.link_kind_label(link.kind))
            if openable(link.url):
                shown = e(link.title or link.url)
                # Where a titled link leads, so the user sees it before clicking.
                host = _host(link.url) if link.title else ""
                where = f" <small>({e(host)})</small>" if host else ""
                items.append(f'{kind}: <a href="fv:link/{n}">{shown}</a>{where}')
            else:
                text = link.url if len(link.url) <= 200 else link.url[:200] + "…"
                title = f"{e(link.title)} " if link.title else ""
                note = e(self.tr("(shown as text; the app does not open this address)"))
                items.append(f"{kind}: {title}<tt>{e(text)}</tt> <i>{note}</i>")
        heading = e(self.tr("Links"))
        return f"<p><b>{heading}:</b></p><ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"

    def session_html(
        self,
        s: Session,
        speakers: dict[str, str],
        documents: dict[str, str],
        show_local: bool,
        sharing: dict[str, Sharing] | None = None,
    ) -> str:
        e = html.escape
        labels = {
            "When": e(self.tr("When")),
            "Kind": e(self.tr("Kind")),
            "Room": e(self.tr("Room")),
            "Online": e(self.tr("Online")),
            "Track": e(self.tr("Track")),
            "Speakers": e(self.tr("Speakers")),
            "Documents": e(self.tr("Documents")),
        }
        rows = [f"<b>{labels['When']}:</b> {e(day_long(s.start))}, {e(time_range(s))}"]
        clocks = self.clocks
        second = clocks.second_at(s.start) if clocks is not None and show_local else None
        if second is not None:
            # The second clock, named: this computer's or the one chosen in Settings.
            other = f"{s.start.astimezone(second):%H:%M}\u2013{s.end.astimezone(second):%H:%M}"
            day = s.start.astimezone(second).date() != s.start.date()
            where = zone_label(second)
            text = self.tr("(%1 in %2)").replace("%1", other).replace("%2", where)
            if day:
                text = (
                    self.tr("(%1 in %2, %3)")
                    .replace("%1", other)
                    .replace("%2", where)
                    .replace("%3", day_long(s.start.astimezone(second)))
                )
            rows[0] += " " + e(text)
        rows.append(f"<b>{labels['Kind']}:</b> {e(kind_label(s.kind))}")
        if s.room:
            rows.append(f"<b>{labels['Room']}:</b> {e(s.room)}")
        if s.online_url:
            url = QUrl(s.online_url)
            if url.scheme() in ("http", "https"):
                rows.append(
                    f"<b>{labels['Online']}:</b> "
                    f'<a href="{e(url.toString())}">{e(s.online_url)}</a>'
                )
            else:
                rows.append(f"<b>{labels['Online']}:</b> {e(s.online_url)}")
        if s.track:
            rows.append(f"<b>{labels['Track']}:</b> {e(s.track)}")
        if s.speaker_ids:
            note = e(self.tr("note on this person"))
            links = ", ".join(
                f'<a href="fv:person/{e(uid)}">{e(speakers.get(uid, uid))}</a>'
                f' (<a href="fv:note-person/{e(uid)}">{note}</a>)'
                for uid in s.speaker_ids
            )
            rows.append(f"<b>{labels['Speakers']}:</b> {links}")
        if s.document_ids:
            rows.append(
                f"<b>{labels['Documents']}:</b> "
                + ", ".join(
                    self._document_link(uid, documents, sharing or {}) for uid in s.document_ids
                )
            )
        out = "<p>" + "<br>".join(rows) + "</p>"
        if s.illustrative:
            out += (
                "<p><i>"
                + e(
                    self.tr(
                        "Illustrative: this item's time, room or details are invented "
                        "(see the event's note); not the official programme."
                    )
                )
                + "</i></p>"
            )
        if s.confidential:
            out += (
                f'<p style="color:{CONFIDENTIAL}"><b>'
                + e(self.tr("Confidential session: what is said here stays here."))
                + "</b></p>"
            )
        return out + self.links_html(s.links) + plain_description(s.description)

    def _document_link(
        self, uid: str, documents: dict[str, str], sharing: dict[str, Sharing]
    ) -> str:
        """A document of the session, with its sharing status in words."""
        e = html.escape
        title = e(documents.get(uid, uid))
        status = sharing.get(uid, Sharing.SHARED)
        if status is Sharing.NOT_SHARED:
            label = self.tr("Confidential: not shared; not available")
            return f'{title} <span style="color:{CONFIDENTIAL}">({e(label)})</span>'
        link = f'<a href="fv:document/{e(uid)}">{title}</a>'
        address = self.addresses.get(uid, "")
        if address:
            # An attachment listed by its address: opened from there, only on a click.
            if openable(address):
                link = f'<a href="fv:attachment/{e(uid)}">{title}</a>'
            else:
                note = self.tr("(its address is shown as text, never opened)")
                link = f"{title} <tt>{e(address[:200])}</tt> <i>{e(note)}</i>"
        if status is Sharing.ATTENDEES_ONLY:
            label = self.tr("Attendees only: do not forward")
            return f'{link} <span style="color:{CONFIDENTIAL}">({e(label)})</span>'
        return link

    def set_rating(self, stars: int) -> None:
        self.rating = stars
        for n, button in enumerate(self.stars, start=1):
            button.setText("★" if n <= stars else "☆")
            button.setChecked(n <= stars)

    @Slot(bool)
    def on_pick_toggled(self, on: bool) -> None:
        if self.session is not None:
            self.pick_toggled.emit(self.session.id, on)

    @Slot()
    def on_note_clicked(self) -> None:
        if self.session is not None:
            self.note_requested.emit(self.session.id)

    def on_star(self, stars: int) -> None:
        if self.session is None:
            return
        value = 0 if stars == self.rating else stars  # clicking the same star again clears it
        self.set_rating(value)
        self.rating_changed.emit(self.session.id, value)

    @Slot(QUrl)
    def on_anchor(self, url: QUrl) -> None:
        if url.scheme() == "fv":
            kind, _, uid = url.path().partition("/")
            if kind in ("link", "attachment"):
                self.open_address(self._address_of(kind, uid))
                return
            if kind == "note-person":
                self.person_note_requested.emit(uid)
                return
            section = {"person": "contacts", "document": "documents"}.get(kind)
            if section:
                self.navigate.emit(section, kind, uid)
            return
        if url.scheme() in ("http", "https", "mailto"):
            # The only way the app reaches the network: the user clicked this link.
            QDesktopServices.openUrl(url)

    def _address_of(self, kind: str, key: str) -> str:
        if kind == "attachment":
            return self.addresses.get(key, "")
        links = self.session.links if self.session is not None else ()
        return links[int(key)].url if key.isdigit() and int(key) < len(links) else ""

    def open_address(self, address: str) -> None:
        """Open a link or attachment the user clicked: the stored address itself, checked
        again here, so a hostile one (javascript:, file:, too long) is never opened."""
        if not openable(address):
            return
        url = QUrl(address, QUrl.ParsingMode.StrictMode)
        if url.isValid() and url.scheme().lower() in ("http", "https"):
            QDesktopServices.openUrl(url)
