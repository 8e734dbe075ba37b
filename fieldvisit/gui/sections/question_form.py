"""One questionnaire as a form: a widget per question kind, read-only for older versions."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from fieldvisit.domain.model import Question, QuestionKind, Questionnaire
from fieldvisit.services.questions import Value


class QuestionForm(QWidget):
    """`changed` on every edit; `values()` gives {question id: value or None}."""

    changed = Signal()

    def __init__(
        self,
        questionnaire: Questionnaire,
        answers: dict[str, Value],
        *,
        read_only: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.questionnaire = questionnaire
        self.read_only = read_only
        self._getters: dict[str, object] = {}
        self.editors: dict[str, QWidget] = {}
        # A column (not a QFormLayout): long question texts get the full width to wrap in.
        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        for number, question in enumerate(questionnaire.questions, 1):
            mark = " *" if question.required else ""
            label = QLabel(f"{number}. {question.text}{mark}", self)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            if question.required:
                label.setToolTip(self.tr("Required"))
            editor = self._editor(question, answers.get(question.id))
            editor.setAccessibleName(question.text)
            label.setBuddy(editor)
            self.editors[question.id] = editor
            if number > 1:
                layout.addSpacing(10)
            layout.addWidget(label)
            layout.addWidget(editor)
        layout.addStretch(1)

    def _editor(self, question: Question, value: Value | None) -> QWidget:
        kind = question.kind
        if kind == QuestionKind.TEXT:
            line = QLineEdit(self)
            line.setText(value if isinstance(value, str) else "")
            line.setReadOnly(self.read_only)
            line.textEdited.connect(self.changed)
            self._getters[question.id] = line.text
            return line
        if kind == QuestionKind.LONG_TEXT:
            text = QPlainTextEdit(self)
            text.setPlainText(value if isinstance(value, str) else "")
            text.setReadOnly(self.read_only)
            text.setTabChangesFocus(True)
            text.setFixedHeight(96)
            text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
            text.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            text.textChanged.connect(self.changed)
            self._getters[question.id] = text.toPlainText
            return text
        box = QWidget(self)
        if kind == QuestionKind.MULTIPLE:
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            ticks: list[tuple[str, QCheckBox]] = []
            chosen = value if isinstance(value, tuple) else ()
            for option in question.options:
                check = QCheckBox(option, box)
                check.setChecked(option in chosen)
                check.setEnabled(not self.read_only)
                check.toggled.connect(self.changed)
                column.addWidget(check)
                ticks.append((option, check))
            self._getters[question.id] = lambda: [o for o, c in ticks if c.isChecked()]
            return box
        # single choice and scale: an exclusive row or column of radio buttons
        group = QButtonGroup(box)
        if kind == QuestionKind.SCALE:
            row = QHBoxLayout(box)
            choices = [str(v) for v in range(question.scale_min, question.scale_max + 1)]
            low, high = [*question.scale_labels, "", ""][:2]
            if low:
                row.addWidget(QLabel(low, box))
        else:
            row = QVBoxLayout(box)  # type: ignore[assignment]
            choices = list(question.options)
            high = ""
        row.setContentsMargins(0, 0, 0, 0)
        current = str(value) if value is not None else None
        for i, choice in enumerate(choices):
            radio = QRadioButton(choice, box)
            radio.setChecked(choice == current)
            radio.setEnabled(not self.read_only)
            group.addButton(radio, i)
            row.addWidget(radio)
        if kind == QuestionKind.SCALE:
            if high:
                row.addWidget(QLabel(high, box))
            row.addStretch(1)

        def toggled(_id: int, on: bool) -> None:
            if on:
                self.changed.emit()

        group.idToggled.connect(toggled)

        def get() -> object:
            picked = group.checkedId()
            if picked < 0:
                return None
            return int(choices[picked]) if kind == QuestionKind.SCALE else choices[picked]

        self._getters[question.id] = get
        box.setProperty("buttons", group)
        return box

    def values(self) -> dict[str, object]:
        out: dict[str, object] = {}
        for qid, getter in self._getters.items():
            out[qid] = getter()  # type: ignore[operator]
        return out
