"""The Organiser window: collate on its own thread, browse the results, cancel, export PDF."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot
from returns_support import (
    FEEDBACK_V1,
    add_delegate_data,
    answer,
    craft,
    note,
    open_delegate_store,
    write,
)
from sample_rows import HAGUE

from fieldvisit.gui.context import AppContext
from fieldvisit.gui.exports_menu import ExportActions
from fieldvisit.gui.organiser import OrganiserWindow
from fieldvisit.gui.qsettings import ini_settings
from fieldvisit.gui.worker import DbWorker
from fieldvisit.paths import resolve
from fieldvisit.returns.format import FORMAT_VERSION, raw_public

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def organiser() -> X25519PrivateKey:
    return X25519PrivateKey.generate()


@pytest.fixture
def window(qtbot: QtBot, data_dir: Path, tmp_path: Path) -> Iterator[OrganiserWindow]:
    widget = OrganiserWindow(resolve(data_dir))
    qtbot.addWidget(widget)
    widget.show()
    with qtbot.waitSignal(widget.overview_shown, timeout=10_000):
        widget.open_store(tmp_path / "collation.sqlite")
    yield widget
    widget.shutdown()


def returns(folder: Path, organiser: X25519PrivateKey, count: int) -> list[Path]:
    folder.mkdir(exist_ok=True)
    made = []
    for i in range(count):
        records = [note(f"n{i}", f"Lesson number {i}."), answer(f"a{i}", f"Answer {i}")]
        sealed = craft(
            organiser, Ed25519PrivateKey.generate(), records, name=f"Delegate {i}",
            questionnaires=[FEEDBACK_V1],
        )  # fmt: skip
        made.append(write(folder, sealed))
    return made


def test_collate_then_browse_every_tab(
    qtbot: QtBot, qtmodeltester: object, window: OrganiserWindow, organiser: X25519PrivateKey,
    tmp_path: Path,
) -> None:  # fmt: skip
    files = returns(tmp_path / "in", organiser, 3)
    header = b"FVRETURN" + bytes([FORMAT_VERSION, 1])
    bad = write(tmp_path / "in", header + b"\x00" * 50, "cut.fvreturn")
    with qtbot.waitSignal(window.overview_shown, timeout=20_000):
        window.collate_files([*files, bad], organiser)
    assert window.last_summary is not None
    assert window.last_summary.count("accepted") == 3
    assert "3 accepted, 0 already collated, 1 rejected" in window.statusBar().currentMessage()
    assert window.returns.rowCount() == 3
    assert sorted(r.name for r in window.delegates.rows) == [
        "Delegate 0",
        "Delegate 1",
        "Delegate 2",
    ]
    assert sorted(a.value for a in window.answers.rows) == ["Answer 0", "Answer 1", "Answer 2"]
    assert [r.filename for r in window.rejections.rows] == ["cut.fvreturn"]
    assert window.rejections.rows[0].reason in ("truncated", "wrong_key")
    for model in (window.returns, window.delegates, window.answers, window.digests):
        qtmodeltester.check(model)  # type: ignore[attr-defined]
    window.tabs.setCurrentIndex(3)
    window.digest_list.setCurrentIndex(window.digests.index(0, 0))
    assert "Lesson number 0." in window.digest_view.toPlainText()
    # The window shows the report's own digest, revision line included.
    assert "(revision 1" in window.digest_view.toPlainText()
    assert not window.progress.isVisible()


def test_cancel_stops_before_the_next_file(
    qtbot: QtBot, window: OrganiserWindow, organiser: X25519PrivateKey, tmp_path: Path
) -> None:
    files = returns(tmp_path / "in", organiser, 5)
    gate = threading.Event()
    # Hold the collation thread until cancel is clicked.
    window.runner._worker.submit(lambda _resource: gate.wait())
    window.collate_files(files, organiser)
    assert window.cancel_button.isVisible()
    qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.runner.collated, timeout=10_000) as done:
        gate.set()
    assert done.args[0].cancelled and done.args[0].outcomes == []
    assert "(cancelled)" in window.statusBar().currentMessage()


def test_report_written_from_the_window(
    qtbot: QtBot, window: OrganiserWindow, organiser: X25519PrivateKey, tmp_path: Path
) -> None:
    with qtbot.waitSignal(window.overview_shown, timeout=20_000):
        window.collate_files(returns(tmp_path / "in", organiser, 1), organiser)
    with qtbot.waitSignal(window.runner.report_written, timeout=10_000):
        window.write_report_to(tmp_path / "report")
    assert "Lesson number 0." in (tmp_path / "report" / "digests" / "session-insp-1.md").read_text()


def test_pdf_and_markdown_booklets_from_the_export_menu(
    qtbot: QtBot, data_dir: Path, organiser: X25519PrivateKey, tmp_path: Path
) -> None:
    store = open_delegate_store(data_dir, organiser)
    add_delegate_data(store)
    worker = DbWorker(store)
    paths = resolve(data_dir)
    ctx = AppContext(worker, paths, ini_settings(tmp_path / "s.ini"))
    ctx.set_event(HAGUE, "Europe/Amsterdam")
    main = QMainWindow()
    qtbot.addWidget(main)
    actions = ExportActions(main, ctx)
    try:
        with qtbot.waitSignal(actions.exported, timeout=20_000):
            actions.export_to("pdf", tmp_path / "notes.pdf")
        data = (tmp_path / "notes.pdf").read_bytes()
        assert data.startswith(b"%PDF")
        assert len(re.findall(rb"/Type\s*/Page\b", data)) >= 1  # at least one page
        assert not list(tmp_path.glob(".*.part"))
        with qtbot.waitSignal(actions.exported, timeout=20_000):
            actions.export_to("notes", tmp_path / "notes.md")
        assert (tmp_path / "notes.md").read_text(encoding="utf-8").startswith("# Notes:")
    finally:
        worker.shutdown()
        store.close()


def test_a_protected_key_asks_for_its_passphrase(
    window: OrganiserWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    from fieldvisit.packs.keys import generate_keys

    keys = generate_keys(tmp_path / "org.key", "correct horse")
    asked: list[str] = []

    def answer(*args: object) -> tuple[str, bool]:
        asked.append(str(args[2]))
        return "correct horse", True

    monkeypatch.setattr(QInputDialog, "getText", answer)
    loaded = window._load_key(tmp_path / "org.key")
    assert loaded is not None
    assert raw_public(loaded.public_key()) == raw_public(keys.returns.public_key())
    assert asked == ["Passphrase for org.key:"]


def test_runs_say_who_collated_what_and_when(
    qtbot: QtBot, window: OrganiserWindow, organiser: X25519PrivateKey, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    import fieldvisit.services.collate as collate_module

    monkeypatch.setattr(
        collate_module.Organiser, "here", classmethod(lambda cls, name=None: cls("ann", "lap-7"))
    )
    with qtbot.waitSignal(window.overview_shown, timeout=20_000):
        window.collate_files(returns(tmp_path / "in", organiser, 2), organiser)
    assert [(r.organiser, r.host, r.files, r.accepted) for r in window.runs.rows] == [
        ("ann", "lap-7", 2, 2)
    ]
    who = window.returns.columns[3]
    assert who[0] == "Collated by"
    assert {who[1](r) for r in window.returns.rows} == {"ann @ lap-7"}
    assert window.tabs.tabText(0) == "R&uns"


def test_the_window_refreshes_when_another_organiser_adds_returns(
    qtbot: QtBot, window: OrganiserWindow, organiser: X25519PrivateKey, tmp_path: Path
) -> None:
    from fieldvisit.services.collate import Collator, Organiser
    from fieldvisit.services.organiser import open_store

    assert window.returns.rowCount() == 0 and window.refresh_timer.isActive()
    window.refresh_timer.setInterval(50)
    # Another organiser, another connection to the same store (here: this test).
    other = open_store(tmp_path / "collation.sqlite")
    try:
        Collator(other, organiser, Organiser("ben", "office-2")).collate(
            returns(tmp_path / "theirs", organiser, 2)
        )
    finally:
        other.close()
    qtbot.waitUntil(lambda: window.returns.rowCount() == 2, timeout=10_000)
    assert [r.organiser for r in window.runs.rows] == ["ben"]


@pytest.mark.parametrize("key", ["ctrl+w", "escape"])
def test_ctrl_w_and_escape_close_the_window(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, key: str
) -> None:
    widget = OrganiserWindow(resolve(data_dir))
    qtbot.addWidget(widget)
    with qtbot.waitActive(widget):  # the desktop gives a new window the keyboard
        widget.show()
        widget.activateWindow()
    if key == "escape":
        qtbot.keyClick(widget, Qt.Key.Key_Escape)
    else:
        qtbot.keyClick(widget, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not widget.isVisible(), timeout=10_000)


def test_a_shared_store_asks_its_password_and_remembers_the_url_without_it(
    qtbot: QtBot, data_dir: Path, pg_server: object, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from pg_support import USER, PostgresServer
    from PySide6.QtWidgets import QInputDialog

    from fieldvisit.settings import ORGANISER_STORE, MemoryStorage, Settings

    assert isinstance(pg_server, PostgresServer)
    monkeypatch.delenv("PGPASSWORD", raising=False)
    (tmp_path / "pgpass").write_text("", encoding="utf-8")
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))
    database = pg_server.create_database()
    url = f"postgresql+psycopg://{USER}@127.0.0.1:{pg_server.port}/{database}?sslmode=disable"
    asked: list[str] = []

    def answer(*args: object) -> tuple[str, bool]:
        asked.append(str(args[2]))
        # First a wrong password, then the right one.
        return ("wrong" if len(asked) == 1 else pg_server.password), True

    monkeypatch.setattr(QInputDialog, "getText", answer)
    settings = Settings(MemoryStorage())
    widget = OrganiserWindow(resolve(data_dir), settings)
    qtbot.addWidget(widget)
    try:
        with qtbot.waitSignal(widget.overview_shown, timeout=20_000):
            widget.open_store(url)
        assert asked[0] == f"Password for {url}:"
        assert asked[1].startswith("The server refused the password.")
        assert settings.get(ORGANISER_STORE) == url  # no password in it
        assert pg_server.password not in str(settings.storage.values)  # type: ignore[attr-defined]
        assert url in widget.windowTitle()
    finally:
        widget.shutdown()


def test_the_organiser_types_their_name_and_it_is_recorded_and_remembered(
    qtbot: QtBot, data_dir: Path, organiser: X25519PrivateKey, tmp_path: Path
) -> None:
    from fieldvisit.services.collate import Organiser
    from fieldvisit.settings import ORGANISER_NAME, MemoryStorage, Settings

    settings = Settings(MemoryStorage())
    widget = OrganiserWindow(resolve(data_dir), settings)
    qtbot.addWidget(widget)
    with qtbot.waitActive(widget):  # the desktop gives a new window the keyboard
        widget.show()
        widget.activateWindow()
    try:
        # Empty at first: the run would record the login name, which the field shows faded.
        assert widget.name_edit.text() == ""
        assert widget.name_edit.placeholderText() == Organiser.here().name
        with qtbot.waitSignal(widget.overview_shown, timeout=10_000):
            widget.open_store(tmp_path / "collation.sqlite")
        # Alt+N (the label's mnemonic) goes to the field, as a keyboard user would reach it.
        qtbot.keyClick(widget, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(widget.name_edit.hasFocus, timeout=10_000)
        qtbot.keyClicks(widget.name_edit, "  Ann de Vries ")
        qtbot.keyClick(widget.name_edit, Qt.Key.Key_Return)
        assert settings.get(ORGANISER_NAME) == "Ann de Vries"
        with qtbot.waitSignal(widget.overview_shown, timeout=20_000):
            widget.collate_files(returns(tmp_path / "in", organiser, 2), organiser)
        assert [(r.organiser, r.accepted) for r in widget.runs.rows] == [("Ann de Vries", 2)]
        assert {
            str(widget.returns.columns[3][1](r)).split(" @ ")[0] for r in widget.returns.rows
        } == {"Ann de Vries"}
    finally:
        widget.shutdown()
    # The next start shows the name again.
    again = OrganiserWindow(resolve(data_dir), settings)
    qtbot.addWidget(again)
    try:
        assert again.name_edit.text() == "Ann de Vries"
    finally:
        again.shutdown()


def test_fieldvisit_organiser_starts_shows_its_store_and_closes_with_ctrl_w(
    qapp: object, data_dir: Path, organiser: X25519PrivateKey, tmp_path: Path
) -> None:
    """`fieldvisit organiser --db STORE` as a person starts it: the command's own entry
    function and event loop; the window shows the store's runs, Ctrl+W closes it and the
    command ends with 0, the store remembered for the next start."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from fieldvisit.app import main
    from fieldvisit.services.collate import Collator, Organiser
    from fieldvisit.services.organiser import open_store
    from fieldvisit.settings import ORGANISER_STORE

    db = tmp_path / "collation.sqlite"
    store = open_store(db)
    try:
        Collator(store, organiser, Organiser("Ann de Vries", "lap-7")).collate(
            returns(tmp_path / "in", organiser, 2)
        )
    finally:
        store.close()
    seen: list[str] = []
    poll = QTimer()
    poll.setInterval(20)

    def look() -> None:
        # Runs inside the command's event loop: act once the window shows the store.
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, OrganiserWindow)]
        window = windows[0] if windows else None
        if window is None or not window.isVisible() or window.runs.rowCount() == 0:
            return
        poll.stop()
        seen.append(window.windowTitle())
        seen.extend(f"{r.organiser} {r.accepted}" for r in window.runs.rows)
        window.activateWindow()
        QTest.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)

    poll.timeout.connect(look)
    poll.start()
    # If the window never shows its store, end the loop so the test fails instead of hanging.
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(lambda: [w.close() for w in QApplication.topLevelWidgets()])
    guard.start(60_000)
    try:
        code = main(["organiser", "--db", str(db)])
    finally:
        poll.stop()
        guard.stop()
        QGuiApplication.setDesktopFileName("fieldvisit")
    assert code == 0
    assert seen == [f"Organiser: {db}", "Ann de Vries 2"]
    assert not any(
        isinstance(w, OrganiserWindow) and w.isVisible() for w in QApplication.topLevelWidgets()
    )
    from fieldvisit.app import settings_for

    assert settings_for(resolve(data_dir)).get(ORGANISER_STORE) == str(db)
