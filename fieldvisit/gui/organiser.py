"""The Organiser window (`fieldvisit organiser`): open a collation store (a file, or a
shared PostgreSQL database), collate return files, and browse runs, returns, delegates,
answers, digests, conflicts and rejected files.

The collation store is not the delegate store, so it gets its own single-thread executor:
every database call runs there through services (no SQLAlchemy here), and the results come
back as frozen dataclasses. The window looks for others' work every few seconds and
reloads when a shared store has changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolBar,
    QWidget,
)

from fieldvisit.domain.collation import (
    AnswerInfo,
    ConflictInfo,
    DelegateInfo,
    Digest,
    Overview,
    RejectionInfo,
    ReturnInfo,
    RunInfo,
)
from fieldvisit.domain.errors import TrustError, UserError
from fieldvisit.gui.collation_runner import CollationRunner
from fieldvisit.gui.dataclass_table import DataclassTableModel
from fieldvisit.gui.safe_text import SafeTextBrowser
from fieldvisit.paths import AppPaths
from fieldvisit.services.collate import CollateSummary, Organiser
from fieldvisit.services.organiser import SharedUpgrade
from fieldvisit.services.report import digest_markdown
from fieldvisit.settings import ORGANISER_NAME, ORGANISER_STORE, Settings


def _utc(moment: dt.datetime | None) -> str:
    """A stored (naive UTC) time as the window shows it, the zone named."""
    return "" if moment is None else f"{moment:%Y-%m-%d %H:%M} UTC"


def _who(organiser: str, host: str) -> str:
    if organiser and host:
        return f"{organiser} @ {host}"
    return organiser or host


class OrganiserWindow(QMainWindow):
    """Collate returns into a collation store and read what came back."""

    overview_shown = Signal()
    # How often the window looks whether others added returns to the store.
    REFRESH_MS = 5000

    def __init__(
        self,
        paths: AppPaths,
        settings: Settings | None = None,
        parent: QWidget | None = None,
        *,
        backed_up: bool = False,
    ) -> None:
        """`backed_up`: the organiser said a shared store needing an upgrade is backed up
        (`--i-have-a-backup`); otherwise the upgrade waits for a pg_dump into the backups
        folder."""
        super().__init__(parent)
        self.paths = paths
        self.settings = settings
        self.setObjectName("organiser_window")
        self.setWindowTitle(self.tr("Organiser: collation"))
        self.resize(1000, 650)
        self.overview = Overview()
        self.db: str | None = None
        self._password: str | None = None  # in memory only, never in the settings
        self.runner = CollationRunner(self)
        self.runner.upgrade = SharedUpgrade(paths.backups, backed_up)
        self.last_summary: CollateSummary | None = None

        self.runs = DataclassTableModel[RunInfo](
            [
                (self.tr("Organiser"), lambda r: r.organiser),
                (self.tr("Computer"), lambda r: r.host),
                (self.tr("Started"), lambda r: _utc(r.started_at)),
                (self.tr("Finished"), lambda r: _utc(r.finished_at) or self.tr("(stopped)")),
                (self.tr("Files"), lambda r: r.files),
                (self.tr("Accepted"), lambda r: r.accepted),
                (self.tr("Already collated"), lambda r: r.already),
                (self.tr("Rejected"), lambda r: r.rejected),
            ],
            self,
        )
        self.returns = DataclassTableModel[ReturnInfo](
            [
                (self.tr("File"), lambda r: r.filename),
                (self.tr("Delegate"), lambda r: r.delegate),
                (self.tr("Created"), lambda r: _utc(r.created)),
                (self.tr("Collated by"), lambda r: _who(r.organiser, r.host)),
                (self.tr("Collated"), lambda r: _utc(r.collated_at)),
                (self.tr("New"), lambda r: r.added),
                (self.tr("Unchanged"), lambda r: r.skipped),
                (self.tr("Superseded"), lambda r: r.superseded),
                (self.tr("Conflicts"), lambda r: r.conflicts),
            ],
            self,
        )
        self.delegates = DataclassTableModel[DelegateInfo](
            [
                (self.tr("Delegate"), lambda d: d.name),
                (self.tr("Installation"), lambda d: d.installation_id),
                (self.tr("Returns"), lambda d: d.returns),
                (self.tr("Notes"), lambda d: d.notes),
                (self.tr("Answers"), lambda d: d.answers),
                (self.tr("Picks"), lambda d: d.picks),
                (self.tr("Ratings"), lambda d: d.ratings),
            ],
            self,
        )
        self.answers = DataclassTableModel[AnswerInfo](
            [
                (
                    self.tr("Questionnaire"),
                    lambda a: f"{a.questionnaire_title} v{a.questionnaire_version}",
                ),
                (self.tr("Question"), lambda a: a.question_text),
                (self.tr("Session"), lambda a: a.session_title),
                (self.tr("Delegate"), lambda a: a.delegate),
                (self.tr("Answer"), lambda a: a.value),
                (self.tr("Conflict"), lambda a: a.conflict),
            ],
            self,
        )
        self.digests = DataclassTableModel[Digest](
            [(self.tr("Session or stop"), lambda d: f"{d.title} ({len(d.notes)})")], self
        )
        self.conflicts = DataclassTableModel[ConflictInfo](
            [
                (self.tr("Kind"), lambda c: c.kind),
                (self.tr("Record"), lambda c: c.record_id),
                (self.tr("Delegate"), lambda c: c.delegate),
                (self.tr("Revision"), lambda c: c.revision),
                (self.tr("Versions"), lambda c: " / ".join(c.versions)),
            ],
            self,
        )
        self.rejections = DataclassTableModel[RejectionInfo](
            [
                (self.tr("File"), lambda r: r.filename),
                (self.tr("Reason"), lambda r: r.reason),
                (self.tr("Detail"), lambda r: r.detail),
            ],
            self,
        )
        self.tabs = QTabWidget()
        self.tabs.setObjectName("organiser_tabs")
        for title, model in (
            (self.tr("R&uns"), self.runs),
            (self.tr("&Returns"), self.returns),
            (self.tr("&Delegates"), self.delegates),
            (self.tr("&Answers"), self.answers),
        ):
            self.tabs.addTab(self._table(model, title), title)
        self.digest_list = QListView()
        self.digest_list.setAccessibleName(self.tr("Digests"))
        self.digest_list.setModel(self.digests)
        self.digest_view = SafeTextBrowser()
        self.digest_view.setObjectName("digest_view")
        self.digest_list.selectionModel().currentRowChanged.connect(self.on_digest_row)
        splitter = QSplitter()
        splitter.addWidget(self.digest_list)
        splitter.addWidget(self.digest_view)
        splitter.setStretchFactor(1, 3)
        self.tabs.addTab(splitter, self.tr("D&igests"))
        self.tabs.addTab(self._table(self.conflicts, "Conflicts"), self.tr("&Conflicts"))
        self.tabs.addTab(self._table(self.rejections, "Rejected"), self.tr("Re&jected files"))
        self.setCentralWidget(self.tabs)

        bar = QToolBar(self.tr("Collation"))
        bar.setObjectName("organiser_toolbar")
        self.open_action = QAction(self.tr("&Open store…"), self)
        self.open_action.setObjectName("action_open_store")
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.setToolTip(self.tr("Open or create a collation store file"))
        self.open_action.triggered.connect(self.on_open_store)
        self.shared_action = QAction(self.tr("Open &shared store…"), self)
        self.shared_action.setObjectName("action_open_shared")
        self.shared_action.setToolTip(
            self.tr("Open a collation store on a PostgreSQL server (a database URL)")
        )
        self.shared_action.triggered.connect(self.on_open_shared)
        self.collate_action = QAction(self.tr("&Collate returns…"), self)
        self.collate_action.setObjectName("action_collate")
        self.collate_action.triggered.connect(self.on_collate)
        self.report_action = QAction(self.tr("Write &report…"), self)
        self.report_action.setObjectName("action_write_report")
        self.report_action.triggered.connect(self.on_report)
        self.refresh_action = QAction(self.tr("Re&fresh"), self)
        self.refresh_action.setObjectName("action_refresh")
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(self.runner.reload)
        self.close_action = QAction(self.tr("&Close"), self)
        self.close_action.setObjectName("action_close_organiser")
        # Ctrl+W everywhere, and the platform's own Close key where it has another one.
        self.close_action.setShortcuts(
            list(
                dict.fromkeys(
                    [
                        QKeySequence("Ctrl+W"),
                        *QKeySequence.keyBindings(QKeySequence.StandardKey.Close),
                    ]
                )
            )
        )
        self.close_action.triggered.connect(self.close)
        for action in (self.open_action, self.shared_action, self.collate_action,
                       self.report_action, self.refresh_action):  # fmt: skip
            bar.addAction(action)
        bar.addSeparator()
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("organiser_name")
        self.name_edit.setAccessibleName(self.tr("Your name"))
        self.name_edit.setToolTip(
            self.tr("Recorded with each collation run as who collated; empty: your login name")
        )
        self.name_edit.setPlaceholderText(Organiser.here().name)
        self.name_edit.setMaxLength(200)
        self.name_edit.setMinimumWidth(160)
        self.name_edit.setMaximumWidth(280)
        self.name_edit.setText(settings.get(ORGANISER_NAME) if settings is not None else "")
        self.name_edit.editingFinished.connect(self.on_name_edited)
        name_label = QLabel(self.tr("Your &name:"))
        name_label.setBuddy(self.name_edit)
        bar.addWidget(name_label)
        bar.addWidget(self.name_edit)
        self.addToolBar(bar)
        menu = self.menuBar().addMenu(self.tr("&File"))
        menu.setObjectName("organiser_menu_file")
        menu.addAction(self.open_action)
        menu.addAction(self.shared_action)
        menu.addSeparator()
        menu.addAction(self.collate_action)
        menu.addAction(self.report_action)
        menu.addAction(self.refresh_action)
        menu.addSeparator()
        menu.addAction(self.close_action)
        # Esc closes the window too (Ctrl+W is the Close action's shortcut).
        self.escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self.escape.activated.connect(self.close)
        self.progress = QProgressBar()
        self.progress.setObjectName("collate_progress")
        self.progress.setAccessibleName(self.tr("Collation progress"))
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("collate_cancel")
        self.cancel_button.setToolTip(self.tr("Stop after the current file; what is done stays"))
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.runner.cancel)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)

        self.runner.overview_loaded.connect(self.on_overview)
        self.runner.opened.connect(self.on_opened)
        self.runner.password_needed.connect(self.on_password_needed)
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setObjectName("organiser_refresh")
        self.refresh_timer.setInterval(self.REFRESH_MS)
        self.refresh_timer.timeout.connect(self.runner.check_for_changes)
        self.runner.progress.connect(self.on_progress)
        self.runner.collated.connect(self.on_collated)
        self.runner.failed.connect(self.on_failed)
        self.runner.report_written.connect(
            lambda folder: self.statusBar().showMessage(
                self.tr("Report written to %1").replace("%1", folder)
            )
        )

    def _table(self, model: QAbstractTableModel, name: str) -> QTableView:
        view = QTableView()
        view.setObjectName(f"table_{name.replace('&', '').lower()}")
        view.setAccessibleName(name.replace("&", ""))
        view.setModel(model)
        view.setSortingEnabled(False)
        view.horizontalHeader().setStretchLastSection(True)
        view.setWordWrap(True)
        return view

    # --- actions --------------------------------------------------------------------------

    def open_store(self, db: str | Path, password: str | None = None) -> None:
        """Open a store: a file path, or a database URL (its password is never kept)."""
        self.db = str(db)
        self._password = password
        self.runner.open(self.db, password)

    @Slot(str)
    def on_opened(self, where: str) -> None:
        self.setWindowTitle(self.tr("Organiser: %1").replace("%1", where))
        self.statusBar().showMessage(self.tr("Opened %1").replace("%1", where), 5000)
        if self.settings is not None:
            self.settings.set(ORGANISER_STORE, where)
        self.refresh_timer.start()

    @Slot(str, bool)
    def on_password_needed(self, where: str, refused: bool) -> None:
        prompt = (
            self.tr("The server refused the password. Password for %1:")
            if refused
            else self.tr("Password for %1:")
        ).replace("%1", where)
        password, ok = QInputDialog.getText(
            self, self.tr("Database password"), prompt, QLineEdit.EchoMode.Password
        )
        if ok and self.db is not None:
            self.open_store(self.db, password)

    def collate_files(self, files: Sequence[Path], private_key: X25519PrivateKey) -> None:
        """Collate `files` into the open store on the collation thread (progress, cancel)."""
        self.progress.setRange(0, max(1, len(files)))
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self.collate_action.setEnabled(False)
        self.on_name_edited()
        self.runner.collate(files, private_key, Organiser.here(self.name_edit.text().strip()))

    @Slot()
    def on_name_edited(self) -> None:
        """Remember the organiser's name for the next runs (and the next start)."""
        if self.settings is not None:
            self.settings.set(ORGANISER_NAME, self.name_edit.text().strip())

    def write_report_to(self, folder: Path) -> None:
        self.runner.write_report(folder)

    def _last(self) -> str:
        return self.settings.get(ORGANISER_STORE) if self.settings is not None else ""

    @Slot()
    def on_open_store(self) -> None:
        last = self._last()
        start = last if last and "://" not in last else str(self.paths.data / "collation.sqlite")
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Open or create a collation store"), start,
            self.tr("Collation store (*.sqlite)"), options=QFileDialog.Option.DontConfirmOverwrite,
        )  # fmt: skip
        if chosen:
            self.open_store(chosen)

    @Slot()
    def on_open_shared(self) -> None:
        last = self._last()
        url, ok = QInputDialog.getText(
            self,
            self.tr("Open shared store"),
            self.tr(
                "Database URL, e.g. postgresql+psycopg://ann@db.example.org/collation"
                "?sslmode=verify-full. The password is asked for when the server wants "
                "one (or comes from PGPASSFILE) and is never saved."
            ),
            QLineEdit.EchoMode.Normal,
            last if "://" in last else "postgresql+psycopg://",
        )
        if ok and url.strip():
            self.open_store(url.strip())

    @Slot()
    def on_collate(self) -> None:
        if self.db is None:
            self.on_open_store()
            if self.db is None:
                return
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Return files"), str(Path.home()), self.tr("Returns (*.fvreturn)")
        )
        if not files:
            return
        key_file, _ = QFileDialog.getOpenFileName(self, self.tr("The organiser's private key"))
        if not key_file:
            return
        key = self._load_key(Path(key_file))
        if key is not None:
            self.collate_files([Path(f) for f in files], key)

    def _load_key(self, path: Path) -> X25519PrivateKey | None:
        from fieldvisit.packs.keys import load_keys

        try:
            return load_keys(path, None).returns
        except TrustError:
            passphrase, ok = QInputDialog.getText(
                self, self.tr("Passphrase"), self.tr("Passphrase for %1:").replace("%1", path.name),
                QLineEdit.EchoMode.Password,
            )  # fmt: skip
            if not ok:
                return None
            try:
                return load_keys(path, passphrase).returns
            except UserError as exc:
                self.on_failed(exc.message)
        except UserError as exc:
            self.on_failed(exc.message)
        return None

    @Slot()
    def on_report(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Write the report into"))
        if folder:
            self.write_report_to(Path(folder))

    # --- results --------------------------------------------------------------------------

    def on_overview(self, overview: Overview) -> None:
        self.overview = overview
        self.runs.set_rows(overview.runs)
        self.returns.set_rows(overview.returns)
        self.delegates.set_rows(overview.delegates)
        self.answers.set_rows(overview.answers)
        self.digests.set_rows(overview.digests)
        self.conflicts.set_rows(overview.conflicts)
        self.rejections.set_rows(overview.rejections)
        self.digest_view.clear()
        self.overview_shown.emit()

    @Slot(QModelIndex, QModelIndex)
    def on_digest_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.digest_view.setMarkdown(digest_markdown(self.digests.rows[current.row()]))

    @Slot(int, int, str)
    def on_progress(self, done: int, total: int, name: str) -> None:
        self.progress.setMaximum(max(1, total))
        self.progress.setValue(done)
        self.statusBar().showMessage(self.tr("Collating %1").replace("%1", name))

    def on_collated(self, summary: CollateSummary) -> None:
        self.last_summary = summary
        self.progress.hide()
        self.cancel_button.hide()
        self.collate_action.setEnabled(True)
        text = self.tr("%1 accepted, %2 already collated, %3 rejected")
        text = text.replace("%1", str(summary.count("accepted")))
        text = text.replace("%2", str(summary.count("already"))).replace(
            "%3", str(summary.count("rejected"))
        )
        if summary.cancelled:
            text += " " + self.tr("(cancelled)")
        self.statusBar().showMessage(text)

    @Slot(str)
    def on_failed(self, message: str) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.collate_action.setEnabled(True)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Organiser"), message, parent=self)
        box.setObjectName("organiser_error")
        box.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.refresh_timer.stop()
        self.runner.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        self.refresh_timer.stop()
        self.runner.shutdown()
