"""Documents section: listing per session, in-app text, read-only temp copies, hash check."""

from __future__ import annotations

import hashlib
import stat
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from section_helpers import EVENT, app_context, seed_event

from fieldvisit.gui.context import AppContext
from fieldvisit.gui.sections.documents import DocumentsSection
from fieldvisit.services import documents as docs
from fieldvisit.services.store import Store
from fieldvisit.storage.models import DocumentRow, SeenRow

FILES = {
    "programme.md": b"# Programme\n\n*Opening* by the mayor",
    "briefing.pdf": b"%PDF-1.4 confidential briefing",
    "tampered.pdf": b"%PDF-1.4 changed after signing",
}


@pytest.fixture
def ctx(data_dir: Path) -> Iterator[AppContext]:
    with app_context(data_dir) as context:
        seed_event(context)
        context.paths.packs.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(context.paths.packs / "rftf.fvpack", "w") as zf:
            for name, data in FILES.items():
                zf.writestr(f"documents/{name}", data)

        def job(store: Store) -> None:
            with store.unit() as s:
                s.query(DocumentRow).delete()
                for uid, name, media, conf, sessions, digest_of in (
                    ("d-prog", "programme.md", "text/markdown", False, [], "programme.md"),
                    (
                        "d-brief",
                        "briefing.pdf",
                        "application/pdf",
                        True,
                        ["s-visit"],
                        "briefing.pdf",
                    ),
                    ("d-bad", "tampered.pdf", "application/pdf", False, ["s-open"], "briefing.pdf"),
                ):
                    s.add(
                        DocumentRow(
                            event_id=EVENT,
                            uid=uid,
                            title=uid,
                            filename=name,
                            media_type=media,
                            sha256=hashlib.sha256(FILES[digest_of]).hexdigest(),
                            size=len(FILES[name]),
                            confidential=conf,
                            session_ids=sessions,
                        )
                    )

        context.worker.run_now(job)
        yield context


def fake_open(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    calls: list[QUrl] = []

    def record(url: QUrl) -> bool:
        calls.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", record)
    return calls


@pytest.fixture
def section(qtbot, ctx: AppContext) -> DocumentsSection:
    widget = DocumentsSection(ctx)
    qtbot.addWidget(widget)
    widget.resize(1000, 640)
    widget.show()
    qtbot.waitUntil(lambda: widget.model.rowCount() == 3)
    return widget


def test_listing_and_scope(section: DocumentsSection, qtmodeltester) -> None:
    qtmodeltester.check(section.model)
    assert "Confidential" in section.model.index(1, 0).data()
    assert section.model.index(1, 0).data(0x0001) is not None  # lock icon
    section.show_target("session", "s-visit")
    assert section.model.rowCount() == 1
    assert section.model.row_at(0).document.id == "d-brief"
    section.show_target("document", "d-prog")
    assert section.model.rowCount() == 3


def test_markdown_is_shown_in_app(qtbot, section: DocumentsSection, monkeypatch) -> None:
    calls = fake_open(monkeypatch)
    section.show_target("document", "d-prog")
    with qtbot.waitSignal(section.opened, timeout=3000):
        section.open_button.click()
    assert calls == []
    assert "Opening by the mayor" in section.text_view.toPlainText()
    assert "not opened yet" not in section.model.index(0, 0).data()


def test_pdf_opens_read_only_temp_copy(qtbot, section, ctx, monkeypatch) -> None:
    calls = fake_open(monkeypatch)
    section.show_target("document", "d-brief")
    with qtbot.waitSignal(section.opened, timeout=3000):
        section.open_button.click()
    (url,) = calls
    copy = Path(url.toLocalFile())
    assert copy.read_bytes() == FILES["briefing.pdf"]
    assert stat.S_IMODE(copy.stat().st_mode) == 0o400
    assert stat.S_IMODE(copy.parent.stat().st_mode) == 0o700
    assert copy.is_relative_to(ctx.paths.cache)

    def seen(store: Store) -> list[str]:
        with store.unit() as s:
            return [r.target_uid for r in s.query(SeenRow).filter_by(target_kind="document")]

    assert ctx.worker.run_now(seen) == ["d-brief"]
    section.on_quit()
    assert not copy.exists() and not docs.temp_root(ctx.paths.cache).exists()


def test_tampered_document_is_refused(qtbot, section, ctx, monkeypatch, tmp_path) -> None:
    calls = fake_open(monkeypatch)
    section.show_target("document", "d-bad")
    with qtbot.waitSignal(section.open_failed, timeout=3000) as failure:
        section.open_button.click()
    assert "checksum" in failure.args[0]
    assert calls == []
    assert "Not opened" in section.info.text()
    root = docs.temp_root(ctx.paths.cache)
    assert not root.exists() or not any(root.rglob("*.pdf"))
    section.grab().save(str(tmp_path / "documents.png"))
    section.grab().save("/tmp/fv_documents.png")
