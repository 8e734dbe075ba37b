"""The main window's status bar: messages, the busy indicator and the pretend-time mark."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QLabel, QProgressBar

from fieldvisit.gui.window_dialogs import WindowDialogs


class WindowStatus(WindowDialogs):
    """The status bar of the main window (`MainWindow` builds on it)."""

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.pretend_label = QLabel()
        self.pretend_label.setObjectName("pretend_indicator")
        self.pretend_label.setAccessibleName(self.tr("Pretend time"))
        self.pretend_label.setStyleSheet(
            "QLabel { background: #fff3cd; color: #6b4e00; padding: 1px 6px; border-radius: 3px; }"
        )
        self.pretend_label.hide()
        bar.addPermanentWidget(self.pretend_label)
        self.busy = QProgressBar()
        self.busy.setObjectName("busy_indicator")
        self.busy.setAccessibleName(self.tr("Working"))
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(90)
        self.busy.setMaximumHeight(14)
        self.busy.setTextVisible(False)
        self.busy.hide()
        bar.addPermanentWidget(self.busy)
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(250)  # short jobs never flash the indicator
        self._busy_timer.timeout.connect(self.busy.show)

    @Slot(bool)
    def on_busy(self, busy: bool) -> None:
        if busy:
            self._busy_timer.start()
        else:
            self._busy_timer.stop()
            self.busy.hide()

    @Slot(str)
    def on_job_failed(self, message: str) -> None:
        self.show_message(self.tr("Something went wrong: %1").replace("%1", message))

    @Slot(str)
    def show_message(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    @Slot()
    def on_clock_changed(self) -> None:
        if self.ctx.pretending:
            from fieldvisit.domain.clock import laptop_zone, same_offset, zone_label
            from fieldvisit.gui.formatting import day_time

            now = self.ctx.now().astimezone(self.ctx.timezone)
            text = day_time(now)
            clocks = self.ctx.clocks
            if clocks.second_at(now) is not None or not same_offset(
                self.ctx.timezone, laptop_zone(), now
            ):
                text += f" ({zone_label(self.ctx.timezone)})"  # two clocks: say which
            self.pretend_label.setText(self.tr("Pretend time: %1").replace("%1", text))
            self.pretend_label.show()
        else:
            self.pretend_label.hide()
