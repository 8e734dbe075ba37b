"""Issue 9 in the import dialog: the real organisers' pack installs beside the sample;
a key change is really accepted; a real pack signed by the demo key is flagged."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from sample_packs import as_event, old_hague_sample, real_hague, rewrite

from fieldvisit.app import Shell
from fieldvisit.gui.open_pack import OpenPackFlow, PreviewDialog
from fieldvisit.packs.keys import OrganiserKeys
from fieldvisit.packs.samples import build_sample, demo_keys
from fieldvisit.services import importing
from fieldvisit.services.events import list_events
from fieldvisit.services.importing import import_pack


@pytest.fixture(scope="module")
def real_keys() -> OrganiserKeys:
    return OrganiserKeys(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())


def preview_of(shell: Shell, qtbot: QtBot, path: Path) -> tuple[OpenPackFlow, PreviewDialog]:
    flow = shell.window._flow()
    assert isinstance(flow, OpenPackFlow)
    with qtbot.waitSignal(flow.previewed, timeout=10_000):
        shell.window.open_pack_file(path)
    dialog = flow.dialog
    assert isinstance(dialog, PreviewDialog) and dialog.isVisible()
    return flow, dialog


def summary(dialog: PreviewDialog) -> str:
    label = dialog.findChild(QLabel, "preview_summary")
    assert label is not None
    return label.text()


def fingerprints(shell: Shell) -> dict[str, str | None]:
    return {e.id: e.fingerprint for e in shell.worker.run_now(list_events)}


def test_the_real_pack_installs_beside_the_sample(
    shell: Shell, qtbot: QtBot, tmp_path: Path, real_keys: OrganiserKeys
) -> None:
    flow, dialog = preview_of(shell, qtbot, real_hague(tmp_path, real_keys))
    text = summary(dialog)
    assert "another key" not in text and "demo key" not in text
    assert dialog.consent is None  # nothing to consent to: a new event
    assert dialog.import_button.isEnabled() and dialog.import_button.text() == "&Import"
    with qtbot.waitSignal(flow.imported, timeout=20_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert fingerprints(shell) == {
        "hague-rftf-2017": real_keys.fingerprint,
        "sample-hague-rftf-2017": demo_keys().fingerprint,
    }


def test_accepting_the_new_key_installs_the_real_pack(
    shell: Shell, qtbot: QtBot, tmp_path: Path, real_keys: OrganiserKeys
) -> None:
    """The laptop that once pinned the demo key to the real id (a store of the old app)."""
    old = old_hague_sample(tmp_path)
    shell.worker.run_now(lambda store: import_pack(store, old))
    flow, dialog = preview_of(shell, qtbot, real_hague(tmp_path, real_keys))
    assert "signed before by another key" in summary(dialog)
    assert dialog.consent is not None and not dialog.blocked
    # The consent box leads to Import, never to "Already installed".
    assert dialog.import_button.text() == "&Import" and not dialog.import_button.isEnabled()
    assert "replaces the installed version 1" in dialog.changes.toPlainText()
    qtbot.mouseClick(dialog.consent, Qt.MouseButton.LeftButton)
    assert dialog.consent.isChecked() and dialog.import_button.isEnabled()
    with qtbot.waitSignal(flow.imported, timeout=20_000) as imported:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    result = imported.args[0]
    assert result.previous_fingerprint == demo_keys().fingerprint
    assert fingerprints(shell)["hague-rftf-2017"] == real_keys.fingerprint


def test_a_real_event_signed_by_the_demo_key_is_flagged(
    shell: Shell, qtbot: QtBot, tmp_path: Path
) -> None:
    sample = build_sample("liaise", tmp_path / "liaise.fvpack")
    fake = rewrite(
        sample.path, tmp_path / "fake.fvpack", demo_keys(), as_event("liaise2-seminar-2017")
    )
    _, dialog = preview_of(shell, qtbot, fake)
    text = summary(dialog)
    assert "PUBLIC demo key" in text and "anyone can sign" in text
    dialog.reject()
    _, genuine = preview_of(shell, qtbot, sample.path)
    text = summary(genuine)
    assert "PUBLIC demo key" not in text and "Sample event: illustrative" in text
    genuine.reject()


def test_a_closed_preview_deleted_late_does_not_take_the_next_one_with_it(
    shell: Shell, qtbot: QtBot, tmp_path: Path
) -> None:
    """The first preview's deferred delete may come after the second preview is up (the
    worker was quick, the event loop busy): the flow must keep the second one."""
    sample = build_sample("liaise", tmp_path / "liaise.fvpack")
    flow, first = preview_of(shell, qtbot, sample.path)
    preview = shell.worker.run_now(
        lambda store: importing.preview_import(store, sample.path, allow_unsigned=True)
    )
    first.reject()  # WA_DeleteOnClose: its delete is only posted
    flow.on_preview(sample.path, preview)  # the second preview arrives before it runs
    second = flow.dialog
    assert second is not None and second is not first
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.waitUntil(lambda: not shiboken6.isValid(first), timeout=10_000)
    assert flow.dialog is second and second.isVisible()
    second.reject()
