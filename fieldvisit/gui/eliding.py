"""Text that fits: widgets that elide with "…" (and say the whole text in a tooltip) rather
than cut, and sizes that follow the text."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics, QPaintEvent
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QStylePainter, QWidget


class ElidingComboBox(QComboBox):
    """A combo box whose shown text ends in "…" when it is too long for the box (Qt's own
    cuts it mid-letter); the whole text is its tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hint = ""  # said in the tooltip after the whole text
        self.currentIndexChanged.connect(self.update_tip)

    def update_tip(self, _index: int = 0) -> None:
        text = self.currentText()
        self.setToolTip("\n".join(t for t in (text, self.hint) if t))

    def shown_text(self) -> str:
        """What the closed box shows now (tests read it)."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        rect = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        from PySide6.QtCore import Qt

        return QFontMetrics(self.font()).elidedText(
            option.currentText, Qt.TextElideMode.ElideRight, max(0, rect.width() - 2)
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        option.currentText = self.shown_text()
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
