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
        if not option.currentText:  # (the window frame's empty box: nothing to elide)
            return ""
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


ELLIPSIS = "…"


def wrap_lines(fm: QFontMetrics, text: str, width: int, max_lines: int) -> list[str]:
    """`text` word-wrapped into at most `max_lines` lines of `width` pixels; the last line
    ends in "…" only when the text does not fit. A word wider than the line is elided."""
    if max_lines <= 0 or width <= 0:
        return []
    from PySide6.QtCore import Qt  # not at import: the window frame does without it

    lines: list[str] = []
    words = text.split()
    current = ""
    index = 0
    while index < len(words):
        word = words[index]
        candidate = f"{current} {word}" if current else word
        if fm.horizontalAdvance(candidate) <= width:
            current = candidate
            index += 1
            continue
        if not current:  # one word wider than the line
            current = fm.elidedText(word, Qt.TextElideMode.ElideRight, width)
            index += 1
        lines.append(current)
        current = ""
        if len(lines) == max_lines:
            break
    if current and len(lines) < max_lines:
        lines.append(current)
    if index < len(words) and lines:
        rest = " ".join([lines[-1], *words[index:]])
        lines[-1] = fm.elidedText(rest, Qt.TextElideMode.ElideRight, width)
        if not lines[-1].endswith(ELLIPSIS):
            lines[-1] = fm.elidedText(lines[-1] + ELLIPSIS * 3, Qt.TextElideMode.ElideRight, width)
    return lines
