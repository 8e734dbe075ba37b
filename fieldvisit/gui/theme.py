"""Look and feel: the system palette (light or dark), a forced theme for snapshots, icons."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication

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


def dark_palette() -> QPalette:
    pal = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    colours = {
        role.Window: "#1f2227",
        role.WindowText: "#e6e6e6",
        role.Base: "#16181c",
        role.AlternateBase: "#23262c",
        role.ToolTipBase: "#2b2f36",
        role.ToolTipText: "#e6e6e6",
        role.Text: "#e6e6e6",
        role.Button: "#2a2e35",
        role.ButtonText: "#e6e6e6",
        role.BrightText: "#ff6b6b",
        role.Highlight: "#3d6fa3",
        role.HighlightedText: "#ffffff",
        role.Link: "#7fb2e5",
        role.LinkVisited: "#b594e0",
        role.PlaceholderText: "#8a8f96",
        role.Mid: "#3a3f47",
        role.Midlight: "#33373e",
        role.Dark: "#121417",
        role.Light: "#454a52",
    }
    for r, value in colours.items():
        pal.setColor(r, QColor(value))
    for r in (role.WindowText, role.Text, role.ButtonText):
        pal.setColor(group.Disabled, r, QColor("#6c7179"))
    return pal


def apply_theme(app: QApplication, theme: str = "system") -> None:
    """Fusion everywhere (it follows the system colour scheme since Qt 6.5); "light"/"dark"
    force a scheme (snapshots, or a user who wants it)."""
    app.setStyle("Fusion")
    hints = app.styleHints()
    if theme not in ("dark", "light"):
        hints.unsetColorScheme()
        return
    # Imported here: the usual "system" start does without the `Qt` namespace (main_window).
    from PySide6.QtCore import Qt

    if theme == "dark":
        hints.setColorScheme(Qt.ColorScheme.Dark)
        app.setPalette(dark_palette())
    else:
        hints.setColorScheme(Qt.ColorScheme.Light)
        app.setPalette(app.style().standardPalette())
