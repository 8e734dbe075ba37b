"""Questions section: answer like a delegate, drafts autosave, completion, old versions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit, QRadioButton
from section_helpers import EVENT, aware, seed_event

from fieldvisit.gui.context import AppContext
from fieldvisit.gui.sections.questions import QuestionsSection
from fieldvisit.services import questions as qs
from fieldvisit.services.store import Store
from fieldvisit.storage.models import AnswerRow


@pytest.fixture
def ctx(data_dir: Path) -> Iterator[AppContext]:
    from section_helpers import app_context

    with app_context(data_dir) as context:
        seed_event(context)
        yield context


def make(qtbot, ctx: AppContext) -> QuestionsSection:
    section = QuestionsSection(ctx)
    qtbot.addWidget(section)
    section.resize(1100, 720)
    section.show()
    qtbot.waitUntil(lambda: section.form is not None)
    return section


def click(qtbot, button) -> None:
    """Click on the indicator, where a person clicks (the row's empty right part is no hit)."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def stored(ctx: AppContext) -> dict[tuple[str, str, str], object]:
    def job(store: Store) -> dict[tuple[str, str, str], object]:
        with store.unit() as s:
            return {
                (r.questionnaire_uid, r.session_uid, r.question_uid): r.value["value"]
                for r in s.query(AnswerRow)
            }

    return ctx.worker.run_now(job)


def test_entries_grouped_by_phase(qtbot, ctx, qtmodeltester) -> None:
    section = make(qtbot, ctx)
    qtmodeltester.check(section.model)
    rows = [
        section.model.index(i, 0).data(Qt.ItemDataRole.AccessibleTextRole)
        for i in range(section.model.rowCount())
    ]
    assert rows[0].startswith("Before the event")
    assert rows[1] == "Before the visit 0 of 5 answered"
    assert rows[2].startswith("Per session") and rows[4].startswith("After the event")
    assert section.form is not None and section.form.questionnaire.id == "q-before"
    assert section.completion_label.text() == "0 of 5 answered · 2 required (*) still open"


def test_answer_autosaves_and_counts(qtbot, ctx) -> None:
    section = make(qtbot, ctx)
    form = section.form
    assert form is not None
    line = form.editors["q1"]
    assert isinstance(line, QLineEdit)
    with qtbot.waitSignal(section.saved, timeout=3000):
        qtbot.keyClicks(line, "Politie Haaglanden")
    radios = form.editors["q2"].findChildren(QRadioButton)
    with qtbot.waitSignal(section.saved, timeout=3000):
        click(qtbot, radios[1])
    checks = form.editors["q3"].findChildren(QCheckBox)
    scale = form.editors["q4"].findChildren(QRadioButton)
    assert [r.text() for r in scale] == ["1", "2", "3", "4", "5"]
    with qtbot.waitSignal(section.saved, timeout=3000):
        click(qtbot, checks[2])
        click(qtbot, scale[3])
    assert stored(ctx) == {
        ("q-before", "", "q1"): "Politie Haaglanden",
        ("q-before", "", "q2"): "Municipality",
        ("q-before", "", "q3"): ["Youth work"],
        ("q-before", "", "q4"): 4,
    }
    assert section.completion_label.text() == "4 of 5 answered"
    assert "4 of 5 answered" in section.model.index(1, 0).data()
    assert section.status_label.text().startswith("Saved")


def test_per_session_answers_are_kept_apart(qtbot, ctx) -> None:
    ctx.set_pretend_time(aware(15, 9, 45))
    section = make(qtbot, ctx)
    section.show_target("questionnaire", "q-session")
    assert section.session_box.isVisible()
    assert section.session_box.currentData() == "s-visit"  # the latest started session
    form = section.form
    assert form is not None
    with qtbot.waitSignal(section.saved, timeout=3000):
        qtbot.mouseClick(
            form.editors["useful"].findChildren(QRadioButton)[4], Qt.MouseButton.LeftButton
        )
    section.session_box.setCurrentIndex(section.session_box.findData("s-open"))
    form = section.form
    assert form is not None
    assert not any(r.isChecked() for r in form.editors["useful"].findChildren(QRadioButton))
    with qtbot.waitSignal(section.saved, timeout=3000):
        qtbot.mouseClick(
            form.editors["useful"].findChildren(QRadioButton)[1], Qt.MouseButton.LeftButton
        )
    assert stored(ctx) == {
        ("q-session", "s-visit", "useful"): 5,
        ("q-session", "s-open", "useful"): 2,
    }
    assert "answered for 2 of 3 sessions" in section.model.index(3, 0).data()


def test_old_version_answers_are_read_only(qtbot, ctx, tmp_path) -> None:
    old = next(
        q
        for q in ctx.worker.run_now(lambda s: qs.load_questions(s, EVENT)).current
        if q.id == "q-after"
    )
    old = old.__class__(
        id="q-after",
        version=1,
        title="After the visit (old)",
        phase=old.phase,
        questions=(old.questions[0].__class__("a1", old.questions[0].kind, "Old question"),),
    )
    ctx.worker.run_now(lambda s: qs.save_answers(s, EVENT, old, "", {"a1": "kept"}))
    section = make(qtbot, ctx)
    row = section.model.row_of("q-after", 1)
    assert row > 0
    section.list.setCurrentIndex(section.model.index(row, 0))
    form = section.form
    assert form is not None and form.read_only
    editor = form.editors["a1"]
    assert isinstance(editor, QPlainTextEdit | QLineEdit)
    assert editor.isReadOnly()
    text = editor.text() if isinstance(editor, QLineEdit) else editor.toPlainText()
    assert text == "kept"
    section.grab().save(str(tmp_path / "questions.png"))


def test_flush_on_switch(qtbot, ctx) -> None:
    section = make(qtbot, ctx)
    form = section.form
    assert form is not None
    long_text = form.editors["q5"]
    assert isinstance(long_text, QPlainTextEdit)
    long_text.insertPlainText("How families cope")
    section.list.setCurrentIndex(section.model.index(5, 0))  # After the visit
    assert stored(ctx) == {("q-before", "", "q5"): "How families cope"}
    section.list.setCurrentIndex(section.model.index(1, 0))
    section.grab().save("/tmp/fv_questions.png")
