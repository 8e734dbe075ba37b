"""Notes section, driven like a delegate: type, wait for autosave, search, restore, delete."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from section_helpers import EVENT, app_context, seed_event

from fieldvisit.gui.context import AppContext
from fieldvisit.gui.sections.history_dialog import HistoryDialog, RevisionsModel
from fieldvisit.gui.sections.notes import NotesSection
from fieldvisit.services import notes
from fieldvisit.services.store import Store
from fieldvisit.storage.models import ChangeRow, NoteRow


@pytest.fixture
def ctx(data_dir: Path) -> Iterator[AppContext]:
    with app_context(data_dir) as context:
        seed_event(context)
        yield context


@pytest.fixture
def section(qtbot, ctx: AppContext) -> NotesSection:
    widget = NotesSection(ctx)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitUntil(lambda: widget.loaded)
    return widget


def stored(ctx: AppContext) -> list[tuple[str, str, bool]]:
    def job(store: Store) -> list[tuple[str, str, bool]]:
        with store.unit() as s:
            return [(r.body, r.target_uid, r.private) for r in s.query(NoteRow).all()]

    return ctx.worker.run_now(job)


def test_typing_autosaves_without_a_save_button(qtbot, section: NotesSection, ctx) -> None:
    section.new_note("session", "s-open")
    assert stored(ctx) == []  # an empty note is not stored
    with qtbot.waitSignal(section.saved, timeout=3000):
        qtbot.keyClicks(section.editor.body, "Mayor opens: local approach")
    qtbot.waitUntil(lambda: stored(ctx) == [("Mayor opens: local approach", "s-open", False)])
    qtbot.waitUntil(lambda: section.editor.status_label.text().startswith("Saved"))
    assert "Opening plenary" in section.editor.target_label.text()
    assert not [
        b
        for b in section.editor.findChildren(type(section.new_button))
        if b.text().replace("&", "") == "Save"
    ]
    qtbot.waitUntil(lambda: section.model.rowCount() == 1)
    assert "Mayor opens" in section.model.index(0, 0).data()


def test_models_pass_the_model_tester(qtbot, qtmodeltester, section: NotesSection, ctx) -> None:
    for body in ("one", "two", "three"):
        ctx.worker.run_now(
            lambda s, b=body: notes.save_note(s, notes.NoteDraft(notes.new_note_id(), EVENT, b))
        )
    with qtbot.waitSignal(section.list_loaded):
        section.reload()
    assert section.model.rowCount() == 3
    qtmodeltester.check(section.model)
    revs = ctx.worker.run_now(lambda s: notes.history(s, notes.list_notes(s, EVENT)[0].note.id))
    qtmodeltester.check(RevisionsModel(revs))


def test_history_restore_becomes_a_new_revision(qtbot, monkeypatch, section, ctx) -> None:
    nid = notes.new_note_id()
    t0 = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=30)
    ctx.worker.run_now(
        lambda s: notes.save_note(s, notes.NoteDraft(nid, EVENT, "first draft"), now=t0)
    )
    ctx.worker.run_now(
        lambda s: notes.save_note(
            s, notes.NoteDraft(nid, EVENT, "second"), now=t0 + dt.timedelta(minutes=10)
        )
    )
    with qtbot.waitSignal(section.list_loaded):
        section.reload()
    qtbot.mouseClick(
        section.list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=section.list.visualRect(section.model.index(0, 0)).center(),
    )
    qtbot.waitUntil(lambda: section.editor.note_id == nid)

    def choose_oldest(dialog: HistoryDialog) -> int:
        assert dialog.model.rowCount() == 2
        dialog.select_revision(1)
        assert dialog.preview.toPlainText() == "first draft"
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        return int(dialog.result())

    monkeypatch.setattr(HistoryDialog, "exec", choose_oldest)
    with qtbot.waitSignal(section.saved, timeout=3000):
        qtbot.mouseClick(section.editor.history_button, Qt.MouseButton.LeftButton)
    assert section.editor.body.toPlainText() == "first draft"
    bodies = [r.body for r in ctx.worker.run_now(lambda s: notes.history(s, nid))]
    assert bodies == ["first draft", "second", "first draft"]
    assert QDialog.DialogCode.Accepted  # the patched exec returned through accept()


def test_history_restore_keeps_the_target_label_single(qtbot, monkeypatch, section, ctx) -> None:
    section.new_note("session", "s-open")
    qtbot.waitUntil(lambda: "Opening plenary" in section.editor.target_label.text())
    with qtbot.waitSignal(section.saved, timeout=3000):
        qtbot.keyClicks(section.editor.body, "first")
    section.editor.flush()
    section.editor.on_focus_left()  # a new stretch of writing: a second revision
    with qtbot.waitSignal(section.saved, timeout=3000):
        qtbot.keyClicks(section.editor.body, " and more")

    def choose_oldest(dialog: HistoryDialog) -> int:
        dialog.select_revision(1)
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        return int(dialog.result())

    monkeypatch.setattr(HistoryDialog, "exec", choose_oldest)
    with qtbot.waitSignal(section.saved, timeout=3000):
        qtbot.mouseClick(section.editor.history_button, Qt.MouseButton.LeftButton)
    assert section.editor.body.toPlainText() == "first"
    assert section.editor.target_label.text() == "On the session: Opening plenary"
    row = section.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert row.count("On the session") == 0 and "Opening plenary" in row


def test_private_note_is_marked_in_the_list(qtbot, section: NotesSection, ctx) -> None:
    section.new_note()
    with qtbot.waitSignal(section.saved, timeout=3000):
        qtbot.keyClicks(section.editor.body, "Names of residents")
    with qtbot.waitSignal(section.saved, timeout=3000):
        section.editor.private.click()
    qtbot.waitUntil(lambda: stored(ctx) == [("Names of residents", "", True)])
    index = section.model.index(0, 0)
    assert "Private" in index.data()
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None
    section.filter.setCurrentIndex(section.filter.findData("private"))
    assert section.model.rowCount() == 1


def test_orphaned_note_stays_and_says_so(qtbot, section: NotesSection, ctx) -> None:
    nid = notes.new_note_id()

    def job(store: Store) -> None:
        notes.save_note(
            store,
            notes.NoteDraft(
                nid, EVENT, "About the cancelled one", target_kind="session", target_uid="s-gone"
            ),
        )
        with store.unit() as s:
            s.add(
                ChangeRow(
                    event_id=EVENT,
                    pack_version=2,
                    target_kind="session",
                    target_uid="s-gone",
                    title="Prison workshop",
                    change="cancelled",
                )
            )

    ctx.worker.run_now(job)
    with qtbot.waitSignal(section.list_loaded):
        section.reload()
    section.filter.setCurrentIndex(section.filter.findData("orphaned"))
    assert section.model.rowCount() == 1
    assert "Orphaned: Prison workshop" in section.model.index(0, 0).data()
    section.list.activated.emit(section.model.index(0, 0))
    assert section.editor.target_label.text() == (
        "Session no longer in the programme: Prison workshop"
    )


def test_search_highlights_matches(qtbot, section: NotesSection, ctx) -> None:
    for body in ("Youth workers in Schilderswijk", "Prison <b>exit</b> programmes"):
        ctx.worker.run_now(
            lambda s, b=body: notes.save_note(s, notes.NoteDraft(notes.new_note_id(), EVENT, b))
        )
    with qtbot.waitSignal(section.search_done, timeout=3000):
        qtbot.keyClicks(section.search, "schilder")
    assert section.model.rowCount() == 1
    assert "<b>Schilderswijk</b>" in section.model.index(0, 0).data()
    section.search.clear()
    with qtbot.waitSignal(section.search_done, timeout=3000):
        qtbot.keyClicks(section.search, "exit")
    assert "&lt;b&gt;<b>exit</b>" in section.model.index(0, 0).data()
    with qtbot.waitSignal(section.search_done, timeout=3000):
        qtbot.keyClicks(section.search, ' AND "(')  # FTS syntax is just text
    assert section.empty_label.isVisibleTo(section) or section.model.rowCount() >= 0


def test_delete_asks_and_can_be_undone(qtbot, monkeypatch, section, ctx) -> None:
    section.new_note()
    with qtbot.waitSignal(section.saved, timeout=3000):
        qtbot.keyClicks(section.editor.body, "to delete")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    section.editor.delete_button.click()
    assert section.editor.note_id
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(section.list_loaded, timeout=3000):
        section.editor.delete_button.click()
    assert section.model.rowCount() == 0
    assert ctx.worker.run_now(lambda s: notes.list_notes(s, EVENT, include_deleted=True))
    with qtbot.waitSignal(section.list_loaded, timeout=3000):
        section.filter.setCurrentIndex(section.filter.findData("deleted"))
    assert section.model.rowCount() == 1


def test_focus_loss_saves_and_seals_the_revision(qtbot, section: NotesSection, ctx) -> None:
    section.new_note()
    section.editor.body.setFocus()
    qtbot.keyClicks(section.editor.body, "before")
    with qtbot.waitSignal(section.saved, timeout=3000):
        section.search.setFocus()
        section.editor.on_save_due()
    qtbot.waitUntil(lambda: not section.editor.dirty)
    with qtbot.waitSignal(section.saved, timeout=3000):
        qtbot.keyClicks(section.editor.body, " after")
    nid = section.editor.note_id
    qtbot.waitUntil(lambda: not section.editor.dirty)
    bodies = [r.body for r in ctx.worker.run_now(lambda s: notes.history(s, nid))]
    assert bodies == ["before after", "before"]


def test_flush_saves_synchronously(qtbot, section: NotesSection, ctx) -> None:
    section.new_note("stop", "st2")
    section.editor.body.insertPlainText("typed just before closing")
    section.flush()
    assert stored(ctx) == [("typed just before closing", "st2", False)]


def test_render(qtbot, section: NotesSection, ctx, tmp_path) -> None:
    ctx.worker.run_now(
        lambda s: notes.save_note(
            s,
            notes.NoteDraft(
                notes.new_note_id(),
                EVENT,
                "# Haagse Markt\nHost explained the *wijkteam* approach.",
                tags=("youth", "prevention"),
                private=True,
                target_kind="stop",
                target_uid="st2",
            ),
        )
    )
    with qtbot.waitSignal(section.list_loaded):
        section.reload()
    section.new_note("session", "s-open")
    section.editor.body.insertPlainText("# Opening\n- local approach\n- families")
    section.editor.preview_button.click()
    qtbot.waitUntil(lambda: section.model.rowCount() == 2, timeout=3000)
    assert section.grab().save(str(tmp_path / "notes.png"))
    section.grab().save("/tmp/fv_notes.png")


def test_tag_completion_completes_the_last_tag(qtbot, section: NotesSection, ctx) -> None:
    ctx.worker.run_now(
        lambda s: notes.save_note(
            s, notes.NoteDraft(notes.new_note_id(), EVENT, "tagged", tags=("prevention", "youth"))
        )
    )
    with qtbot.waitSignal(section.list_loaded):
        section.reload()
    section.new_note()
    qtbot.keyClicks(section.editor.body, "x")
    qtbot.keyClicks(section.editor.tags, "youth, prev")
    assert section.editor._completer.completionCount() == 1
    with qtbot.waitSignal(section.saved, timeout=3000):
        section.editor.on_tag_chosen("prevention")
    assert section.editor.tags.text() == "youth, prevention, "
    qtbot.waitUntil(lambda: ("x", "", False) in stored(ctx))


def test_failed_save_says_why_and_keeps_the_text(qtbot, monkeypatch, section, ctx) -> None:
    from fieldvisit.domain.errors import StorageError

    def full_disk(*_a: object, **_k: object) -> None:
        raise StorageError("the disk is full")

    monkeypatch.setattr(notes, "save_note", full_disk)
    section.new_note()
    with qtbot.waitSignal(section.editor.save_failed, timeout=3000) as failure:
        qtbot.keyClicks(section.editor.body, "unsaved words")
    assert failure.args == ["the disk is full"]
    assert section.editor.status_label.text() == "Not saved: the disk is full"
    assert section.editor.dirty
    assert section.editor.body.toPlainText() == "unsaved words"
    monkeypatch.undo()
    with qtbot.waitSignal(section.saved, timeout=5000):
        pass  # the retry timer saves once the disk is back
    assert stored(ctx) == [("unsaved words", "", False)]


def test_this_session_filter_and_target_narrowing(qtbot, section: NotesSection, ctx) -> None:
    from section_helpers import aware

    for body, kind, uid in (
        ("plenary", "session", "s-open"),
        ("market", "stop", "st2"),
        ("free", "", ""),
    ):
        ctx.worker.run_now(
            lambda s, b=body, k=kind, u=uid: notes.save_note(
                s, notes.NoteDraft(notes.new_note_id(), EVENT, b, target_kind=k, target_uid=u)
            )
        )
    ctx.set_pretend_time(aware(15, 9, 10))  # the opening plenary is on
    with qtbot.waitSignal(section.list_loaded):
        section.reload()
    section.filter.setCurrentIndex(section.filter.findData("session"))
    assert section.model.rowCount() == 1
    assert "plenary" in section.model.index(0, 0).data()
    section.show_target("stop", "st2")
    assert section.filter.currentData() == "target"
    assert section.model.rowCount() == 1
    assert "market" in section.model.index(0, 0).data()


def test_arrow_keys_walk_through_notes(qtbot, section: NotesSection, ctx) -> None:
    for body in ("first note", "second note"):
        ctx.worker.run_now(
            lambda s, b=body: notes.save_note(s, notes.NoteDraft(notes.new_note_id(), EVENT, b))
        )
    with qtbot.waitSignal(section.list_loaded):
        section.reload()
    section.list.setFocus()
    section.list.setCurrentIndex(section.model.index(0, 0))
    first = section.editor.body.toPlainText()
    qtbot.keyClick(section.list, Qt.Key.Key_Down)
    second = section.editor.body.toPlainText()
    assert {first, second} == {"first note", "second note"}
