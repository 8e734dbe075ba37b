"""Look and feel: the system palette (light or dark), a forced theme for snapshots, icons."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRectF, Slot
from PySide6.QtGui import (
    QBrush,
    QColor,
    QGuiApplication,
    QIcon,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QWidget,
)

from fieldvisit.paths import resource

# Rich-text classes are only needed to re-colour links when the theme changes: the window
# frame is built without them (each first use of a Qt class builds its Python enums).
if TYPE_CHECKING:
    from PySide6.QtGui import QTextDocument

# Session kinds' accent colours, readable on light and dark backgrounds alike.
KIND_COLOURS = {
    "plenary": "#4a78a8",
    "inspiration_session": "#8a5aa8",
    "working_group": "#3f8f6b",
    "workshop": "#3f8f6b",
    "panel": "#b07a2a",
    "field_visit": "#b5533c",
    "break": "#8a8f96",
    "online": "#2b8a9e",
    "talk": "#4a78a8",
}
CONFIDENTIAL = "#b3261e"


@cache
def icon(name: str) -> QIcon:
    """An icon from resources/icons/<name>.svg (empty when missing, never an error)."""
    path = resource("icons", f"{name}.svg")
    return QIcon(str(path)) if path.is_file() else QIcon()


ICON_INK = "#4a6d8c"  # the stroke colour the section icons are drawn in
ICON_INK_DARK = "#9cc0e3"


def section_icon(name: str, palette: QPalette) -> QIcon:
    """A section icon whose lines stay visible: a light ink on a dark palette, and the
    highlighted-text colour when its row is selected (the plain ink vanishes on blue)."""
    path = resource("icons", f"{name}.svg")
    if not path.is_file():
        return QIcon()
    svg = path.read_text(encoding="utf-8")
    if ICON_INK not in svg:
        return icon(name)
    result = QIcon()
    dark = is_dark(palette)
    normal = ICON_INK_DARK if dark else ICON_INK
    selected = palette.color(QPalette.ColorRole.HighlightedText).name()
    for mode, ink in ((QIcon.Mode.Normal, normal), (QIcon.Mode.Selected, selected)):
        pixmap = QPixmap()
        if pixmap.loadFromData(svg.replace(ICON_INK, ink).encode(), "SVG"):
            result.addPixmap(pixmap, mode)
    return result


def is_dark(palette: QPalette | None = None) -> bool:
    pal = palette or QGuiApplication.palette()
    return pal.color(QPalette.ColorRole.Window).lightness() < 128


def kind_colour(kind: str) -> QColor:
    return QColor(KIND_COLOURS.get(kind, KIND_COLOURS["talk"]))


DARK = {
    "Window": "#1f2227",
    "WindowText": "#e6e6e6",
    "Base": "#16181c",
    "AlternateBase": "#23262c",
    "ToolTipBase": "#2b2f36",
    "ToolTipText": "#e6e6e6",
    "PlaceholderText": "#969ba3",
    "Text": "#e6e6e6",
    "Button": "#2d3139",
    "ButtonText": "#e6e6e6",
    "BrightText": "#ff6b6b",
    "Light": "#4a4f58",
    "Midlight": "#383c44",
    "Mid": "#5a5f68",
    "Dark": "#101215",
    "Shadow": "#000000",
    "Highlight": "#3d6fa3",
    "HighlightedText": "#ffffff",
    "Link": "#8cbcf0",
    "LinkVisited": "#c3a6ee",
    "Accent": "#5b9be0",
}
DARK_DISABLED = {
    "WindowText": "#7d828a",
    "Text": "#7d828a",
    "ButtonText": "#7d828a",
    "Highlight": "#3a3f47",
    "HighlightedText": "#b0b4ba",
    "PlaceholderText": "#5f646c",
    "Base": "#1b1d21",
    "Button": "#262930",
}
LIGHT_LINKS = {"Link": "#0b57b0", "LinkVisited": "#6a2fb0"}


def dark_palette() -> QPalette:
    """Every colour role in every group (Fusion uses Light/Mid/Dark/Shadow for bevels, Link
    and LinkVisited for rich text, Accent for checked indicators on Qt >= 6.6)."""
    pal = QPalette()
    group = QPalette.ColorGroup
    for name, value in DARK.items():
        role = getattr(QPalette.ColorRole, name, None)
        if role is None:
            continue  # Accent is new in Qt 6.6
        for g in (group.Active, group.Inactive, group.Disabled):
            pal.setColor(g, role, QColor(value))
    for name, value in DARK_DISABLED.items():
        pal.setColor(group.Disabled, getattr(QPalette.ColorRole, name), QColor(value))
    return pal


def light_palette(app: QApplication) -> QPalette:
    pal = app.style().standardPalette()
    for name, value in LIGHT_LINKS.items():
        for g in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            pal.setColor(g, getattr(QPalette.ColorRole, name), QColor(value))
    return pal


def mix(a: QColor, b: QColor, share_of_a: float) -> QColor:
    t = max(0.0, min(1.0, share_of_a))
    return QColor.fromRgbF(
        a.redF() * t + b.redF() * (1 - t),
        a.greenF() * t + b.greenF() * (1 - t),
        a.blueF() * t + b.blueF() * (1 - t),
    )


def indicator_outline(pal: QPalette) -> QColor:
    """The outline of a check box or radio button: text mixed into the base, at least 3:1
    against the base and the window (WCAG 2.1 non-text contrast), in light and dark alike.
    Fusion's own outline is the window colour darkened, invisible on a dark base."""
    return mix(pal.color(QPalette.ColorRole.Text), pal.color(QPalette.ColorRole.Base), 0.58)


def relative_luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2.1 contrast ratio, 1..21."""
    la, lb = relative_luminance(a), relative_luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


class FieldvisitStyle(QProxyStyle):
    """Fusion, with check box and radio indicators and line edit frames outlined in a
    colour that can be seen (Fusion's is the window colour darkened: invisible in dark)."""

    def __init__(self) -> None:
        super().__init__("Fusion")
        self.setObjectName("fieldvisit-style")

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        pe = QStyle.PrimitiveElement
        rect = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)
        if element == pe.PE_FrameLineEdit:
            if not option.state & QStyle.StateFlag.State_HasFocus:  # (focus: Fusion's highlight)
                self._outline(painter, option, rect.adjusted(0, 0, -1, -1))
        elif element == pe.PE_IndicatorCheckBox:
            self._outline(painter, option, rect.adjusted(0, 0, -1, -1), 1.5)
        elif element == pe.PE_IndicatorRadioButton:
            side = min(rect.width(), rect.height()) - 1
            circle = QRectF(0, 0, side, side)
            circle.moveCenter(rect.center())
            self._outline(painter, option, circle, 0)

    @staticmethod
    def _outline(painter: QPainter, option: QStyleOption, rect: QRectF, radius: float = 2) -> None:
        """A rounded rectangle (radius 0: an ellipse) in `indicator_outline`, unfilled."""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(QBrush())  # no fill
        painter.setPen(QPen(indicator_outline(option.palette), 1.2))
        if radius:
            painter.drawRoundedRect(rect, radius, radius)
        else:
            painter.drawEllipse(rect)
        painter.restore()


def _recolour_links(document: QTextDocument, link: QColor) -> None:
    """Rich text takes the link colour of the palette when it is parsed: give the links of an
    already parsed document the current one."""
    from PySide6.QtGui import QTextCharFormat, QTextCursor

    block = document.begin()
    cursor = QTextCursor(document)
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.isValid() and fragment.charFormat().isAnchor():
                cursor.setPosition(fragment.position())
                cursor.setPosition(
                    fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
                )
                fmt = QTextCharFormat()
                fmt.setForeground(link)
                cursor.mergeCharFormat(fmt)
            it += 1
        block = block.next()


def restyle(app: QApplication) -> None:
    """After a theme change: rich text already on screen takes the new link colour, and
    custom-painted widgets repaint with the new palette."""
    widgets = app.allWidgets()
    if not widgets:  # the first theme of a start: nothing on screen yet
        return
    from PySide6.QtWidgets import QTextEdit

    link = app.palette().color(QPalette.ColorRole.Link)
    for widget in widgets:
        if isinstance(widget, QLabel):
            text = widget.text()
            if "<a " in text:
                widget.setText(text)  # parsed again, with the new link colour
        elif isinstance(widget, QTextEdit):
            document = widget.document()
            modified = document.isModified()
            undo = document.isUndoRedoEnabled()
            document.setUndoRedoEnabled(False)
            _recolour_links(document, link)
            document.setUndoRedoEnabled(undo)
            document.setModified(modified)
        widget.update()


def apply_theme(
    app: QApplication, theme: str = "system", *, assume_dark: bool | None = None
) -> bool:
    """Fusion everywhere, with a complete palette: dark when the theme (or, for "system",
    the platform's colour scheme) is dark, else light. Everything already on screen is
    re-styled. Returns whether the palette is dark.

    `assume_dark`: for "system", the scheme the platform had at the last start. The window
    frame is then painted in it without asking the platform, whose answer (a `Qt.ColorScheme`)
    builds the ~90 Python enums of the `Qt` namespace, some 15 ms before the first frame;
    `SchemeFollower` asks once the frame is up and corrects a scheme that changed."""
    if not isinstance(app.style(), FieldvisitStyle):
        app.setStyle(FieldvisitStyle())
    if theme not in ("dark", "light") and assume_dark is not None:
        dark = assume_dark
    else:
        from PySide6.QtCore import Qt

        hints = app.styleHints()
        if theme == "dark":
            hints.setColorScheme(Qt.ColorScheme.Dark)
        elif theme == "light":
            hints.setColorScheme(Qt.ColorScheme.Light)
        else:
            hints.unsetColorScheme()
        dark = theme == "dark" or (theme != "light" and system_is_dark(app))
    app.setPalette(dark_palette() if dark else light_palette(app))
    restyle(app)
    return dark


def system_is_dark(app: QApplication) -> bool:
    """The platform's colour scheme is dark (an unknown scheme counts as light)."""
    from PySide6.QtCore import Qt

    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


class SchemeFollower(QObject):
    """Under the "system" theme, keeps the palette in the platform's colour scheme: corrects
    the scheme assumed at start (`apply_theme`'s `assume_dark`) once the frame is up, and
    follows a change while the app runs (the evening switch to dark). `theme()` gives the
    theme chosen now; `remember(dark)` keeps the platform's scheme for the next start. It
    follows for as long as its parent lives."""

    def __init__(
        self,
        app: QApplication,
        theme: Callable[[], str],
        remember: Callable[[bool], None],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("scheme_follower")
        self.app = app
        self.theme = theme
        self.remember = remember
        app.styleHints().colorSchemeChanged.connect(self.check)
        self.check()

    @Slot()
    def check(self) -> None:
        dark = system_is_dark(self.app)
        self.remember(dark)
        if self.theme() not in ("dark", "light") and dark != is_dark(self.app.palette()):
            apply_theme(self.app, "system")
