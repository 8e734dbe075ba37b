"""Look and feel: the system palette (light or dark), a forced theme for snapshots, icons."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF
from PySide6.QtGui import (
    QBrush,
    QColor,
    QGuiApplication,
    QIcon,
    QPainter,
    QPalette,
    QPen,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QTextEdit,
    QWidget,
)

from fieldvisit.paths import resource

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
    """Fusion, with check box and radio indicators outlined in a colour that can be seen."""

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
        if element not in (pe.PE_IndicatorCheckBox, pe.PE_IndicatorRadioButton):
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(QBrush())  # no fill
        pen = QPen(indicator_outline(option.palette), 1.2)
        painter.setPen(pen)
        rect = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)
        if element == pe.PE_IndicatorCheckBox:
            painter.drawRoundedRect(rect.adjusted(0, 0, -1, -1), 1.5, 1.5)
        else:
            side = min(rect.width(), rect.height()) - 1
            circle = QRectF(0, 0, side, side)
            circle.moveCenter(rect.center())
            painter.drawEllipse(circle)
        painter.restore()


def _recolour_links(document: QTextDocument, link: QColor) -> None:
    """Rich text takes the link colour of the palette when it is parsed: give the links of an
    already parsed document the current one."""
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
    link = app.palette().color(QPalette.ColorRole.Link)
    for widget in app.allWidgets():
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


def apply_theme(app: QApplication, theme: str = "system") -> None:
    """Fusion everywhere, with a complete palette: dark when the theme (or, for "system",
    the platform's colour scheme) is dark, else light. Everything already on screen is
    re-styled."""
    if not isinstance(app.style(), FieldvisitStyle):
        app.setStyle(FieldvisitStyle())
    hints = app.styleHints()
    # Imported here: the usual start does without the `Qt` namespace (start-up time).
    from PySide6.QtCore import Qt

    if theme == "dark":
        hints.setColorScheme(Qt.ColorScheme.Dark)
    elif theme == "light":
        hints.setColorScheme(Qt.ColorScheme.Light)
    else:
        hints.unsetColorScheme()
    dark = theme == "dark" or (
        theme not in ("light",) and hints.colorScheme() == Qt.ColorScheme.Dark
    )
    app.setPalette(dark_palette() if dark else light_palette(app))
    restyle(app)
