"""The organisers' loop, end to end on the Hague sample: a delegate writes notes and answers in
the app, sends a return through the dialog; the organisers collate it with other delegates'
returns and find exactly those words in the report, and no private word anywhere.
"""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot
from returns_support import craft as craft_return
from returns_support import note, write

from fieldvisit.app import Shell
from fieldvisit.gui.send_return import SendReturnDialog
from fieldvisit.packs.samples import demo_keys
from fieldvisit.returns.format import open_sealed, raw_public
from fieldvisit.services.collate import collate_files
from fieldvisit.services.report import report_from_store
from fieldvisit.services.store import Store
from fieldvisit.storage.models import NoteRow

SHARED = "Returnee families need one contact person at the municipality"
PRIVATE = "Remember to call Marieke about the train home"
CONFIDENTIAL = "The prosecutor named two pending cases"
ANSWER = "Learn how other cities organise case conferences"


def type_note(qtbot: QtBot, shell: Shell, uid: str, text: str, *, private: bool = False) -> None:
    notes = shell.window.sections["notes"]
    shell.window.new_note("session", uid)
    editor = notes.editor  # type: ignore[attr-defined]
    with qtbot.waitSignal(notes.saved, timeout=10_000):  # type: ignore[attr-defined]
        qtbot.keyClicks(editor.body, text)
    if private:
        with qtbot.waitSignal(notes.saved, timeout=10_000):  # type: ignore[attr-defined]
            qtbot.mouseClick(editor.private, Qt.MouseButton.LeftButton)


def stored_notes(shell: Shell) -> dict[str, bool]:
    def job(store: Store) -> dict[str, bool]:
        with store.unit() as s:
            return {row.body: row.private for row in s.query(NoteRow)}

    return shell.worker.run_now(job)


def answer_first_text_question(qtbot: QtBot, shell: Shell, text: str) -> None:
    shell.window.show_section("questions")
    section = shell.window.sections["questions"]
    # The section opens the first questionnaire ("Before the conference") by itself.
    qtbot.waitUntil(lambda: section.form is not None, timeout=10_000)  # type: ignore[attr-defined]
    box = section.form.findChildren(QPlainTextEdit)[0]  # type: ignore[attr-defined]
    with qtbot.waitSignal(section.saved, timeout=10_000):  # type: ignore[attr-defined]
        qtbot.keyClicks(box, text)


def test_notes_and_answers_reach_the_report_and_private_words_never_leave(
    qtbot: QtBot, shell: Shell, tmp_path: Path
) -> None:
    organiser = demo_keys().returns  # the sample pack carries the demo organiser's return key
    type_note(qtbot, shell, "d1-inspiration", SHARED)
    type_note(qtbot, shell, "d1-opening", PRIVATE, private=True)
    type_note(qtbot, shell, "d1-wg-prosecution", CONFIDENTIAL)
    qtbot.waitUntil(lambda: stored_notes(shell).get(PRIVATE) is True, timeout=10_000)
    answer_first_text_question(qtbot, shell, ANSWER)

    send = shell.window.findChild(QAction, "action_send_return")
    assert send is not None
    send.trigger()
    dialog = shell.window.findChild(SendReturnDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.draft is not None, timeout=10_000)
    labels = " ".join(i.label for i in dialog.model.items())
    assert "Returnee families" in labels and "The prosecutor named" in labels
    assert "Marieke" not in labels
    out = tmp_path / "usb"
    out.mkdir()
    dialog.folder_edit.setText(str(out))
    qtbot.keyClicks(dialog.name_edit, "Anna")
    with qtbot.waitSignal(dialog.sent, timeout=10_000) as sent:
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    mine = Path(sent.args[0])
    plain = open_sealed(
        mine.read_bytes(), organiser, public_raw=raw_public(organiser.public_key())
    ).payload.decode()
    assert SHARED in plain and ANSWER in plain
    assert PRIVATE not in plain and CONFIDENTIAL not in plain  # not confirmed: stays home

    others = [
        write(
            out,
            craft_return(
                organiser, Ed25519PrivateKey.generate(),
                [note(f"other-{i}", f"Colleague {i}: mentoring works")], name=f"Colleague {i}",
                event_id=shell.ctx.event_id,
            ),
        )
        for i in range(2)
    ]  # fmt: skip
    db = tmp_path / "collation.sqlite"
    summary = collate_files(db, [mine, *others], organiser)
    assert summary.count("accepted") == 3
    report = tmp_path / "report"
    report_from_store(db, report)
    texts = {
        p.relative_to(report).as_posix(): p.read_text(encoding="utf-8-sig")
        for p in report.rglob("*")
        if p.suffix in (".md", ".csv")
    }
    digest = texts["digests/session-d1-inspiration.md"]
    assert f"> {SHARED}" in digest and "## Anna" in digest
    assert any(ANSWER in text for name, text in texts.items() if name.endswith(".csv"))
    assert "Colleague 1: mentoring works" in "".join(texts.values())
    everything = "".join(texts.values())
    assert PRIVATE not in everything and CONFIDENTIAL not in everything
    assert "| Anna |" in texts["delegates.md"]
