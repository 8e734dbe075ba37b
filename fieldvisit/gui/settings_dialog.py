"""Settings: interface language, colour theme, the second clock beside event times (this
computer's zone or a chosen one), pretend time (rehearse the day) and reminders."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, QTimeZone, Slot
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fieldvisit.domain.clock import LAPTOP, laptop_zone, zone_choices, zone_name
from fieldvisit.gui.context import AppContext
from fieldvisit.gui.theme import apply_theme
from fieldvisit.settings import (
    LANGUAGE,
    REMIND_MINUTES,
    REMIND_SESSIONS,
    REMIND_STOPS,
    THEME,
    reminder_minutes,
)


class SettingsDialog(QDialog):
    """Changes are applied on OK; the language takes effect at the next start."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("settings_dialog")
        self.setWindowTitle(self.tr("Settings"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.language = QComboBox()
        self.language.setObjectName("language_choice")
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem(self.tr("Same as the system"), "system")
        self.language.addItem("English", "en")
        self.language.addItem("Nederlands", "nl")
        current = ctx.settings.get(LANGUAGE)
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        form.addRow(self.tr("&Language:"), self.language)
        self.theme = QComboBox()
        self.theme.setObjectName("theme_choice")
        self.theme.setAccessibleName(self.tr("Colours"))
        self.theme.addItem(self.tr("Follow the system"), "system")
        self.theme.addItem(self.tr("Light"), "light")
        self.theme.addItem(self.tr("Dark"), "dark")
        self.theme.setCurrentIndex(max(0, self.theme.findData(ctx.settings.get(THEME))))
        form.addRow(self.tr("&Colours:"), self.theme)
        # The second clock beside event times: none, this computer's zone (detected from
        # the system), or a zone the delegate names (a participant following from Almaty).
        self.second_zone = QComboBox()
        self.second_zone.setObjectName("second_zone_choice")
        self.second_zone.setAccessibleName(self.tr("Second clock beside event times"))
        self.second_zone.addItem(self.tr("None: the event's time only"), "")
        self.second_zone.addItem(
            self.tr("This computer's time (%1)").replace("%1", zone_name(laptop_zone())), LAPTOP
        )
        for name in zone_choices():
            self.second_zone.addItem(name, name)
        chosen = self.second_zone.findData(ctx.second_zone)
        if chosen < 0 and ctx.second_zone:
            self.second_zone.addItem(ctx.second_zone, ctx.second_zone)
            chosen = self.second_zone.count() - 1
        self.second_zone.setCurrentIndex(max(0, chosen))
        self.second_zone.setToolTip(
            self.tr(
                "Event times stay in the event's zone (%1); the second clock is shown beside "
                "them when it differs. Your own saved times (notes, answers) use it too."
            ).replace("%1", ctx.timezone.key)
        )
        zone_label = QLabel(self.tr("S&econd clock:"))
        zone_label.setBuddy(self.second_zone)
        form.addRow(zone_label, self.second_zone)
        self.pretend = QCheckBox(self.tr("&Pretend it is:"))
        self.pretend.setObjectName("pretend_choice")
        self.pretend.setChecked(ctx.pretending)
        self.pretend_at = QDateTimeEdit()
        self.pretend_at.setObjectName("pretend_at")
        self.pretend_at.setAccessibleName(self.tr("Pretend time, in the event's time zone"))
        self.pretend_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.pretend_at.setCalendarPopup(True)
        zone = QTimeZone(ctx.timezone.key.encode())
        self.pretend_at.setTimeZone(zone)
        self.pretend_at.setDateTime(QDateTime.fromSecsSinceEpoch(int(ctx.now().timestamp()), zone))
        self.pretend_at.setEnabled(self.pretend.isChecked())
        self.pretend.toggled.connect(self.pretend_at.setEnabled)
        form.addRow(self.pretend, self.pretend_at)
        self.remind_sessions = QCheckBox(self.tr("Remind me before the sessions in my &agenda"))
        self.remind_sessions.setObjectName("remind_sessions")
        self.remind_sessions.setChecked(ctx.settings.get(REMIND_SESSIONS))
        self.remind_stops = QCheckBox(self.tr("Remind me before each field-visit &stop"))
        self.remind_stops.setObjectName("remind_stops")
        self.remind_stops.setChecked(ctx.settings.get(REMIND_STOPS))
        self.remind_minutes = QSpinBox()
        self.remind_minutes.setObjectName("remind_minutes")
        self.remind_minutes.setAccessibleName(self.tr("Minutes before"))
        self.remind_minutes.setRange(1, 120)
        self.remind_minutes.setSuffix(self.tr(" min before"))
        self.remind_minutes.setValue(reminder_minutes(ctx.settings))
        reminders = QVBoxLayout()
        reminders.addWidget(self.remind_sessions)
        reminders.addWidget(self.remind_stops)
        minutes_row = QHBoxLayout()
        minutes_row.addWidget(self.remind_minutes)
        minutes_row.addStretch(1)
        reminders.addLayout(minutes_row)
        reminders_label = QLabel(self.tr("&Reminders:"))
        reminders_label.setBuddy(self.remind_sessions)
        form.addRow(reminders_label, reminders)
        from fieldvisit.gui.passcode_rows import add_passcode_rows

        add_passcode_rows(self, form, ctx)
        layout.addLayout(form)
        # Said when the language is changed: it takes effect at the next start of the app.
        self.language_notice = QLabel()
        self.language_notice.setObjectName("language_notice")
        self.language_notice.setWordWrap(True)
        self.language_notice.hide()
        layout.addWidget(self.language_notice)
        self._started_language = str(self.language.currentData())
        self.language.currentIndexChanged.connect(self.on_language_changed)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.accepted.connect(self.on_accepted)

    @Slot(int)
    def on_language_changed(self, _index: int) -> None:
        changed = str(self.language.currentData()) != self._started_language
        self.language_notice.setVisible(changed)
        if changed:
            self.language_notice.setText(
                "<b>"
                + self.tr(
                    "Restart Field Visit Companion to see it in %1: the language changes at "
                    "the next start."
                ).replace("%1", self.language.currentText())
                + "</b>"
            )
        self.adjustSize()

    @property
    def language_changed(self) -> bool:
        return str(self.language.currentData()) != self._started_language

    @Slot()
    def on_accepted(self) -> None:
        settings = self.ctx.settings
        settings.set(LANGUAGE, str(self.language.currentData()))
        theme = str(self.theme.currentData())
        if theme != settings.get(THEME):
            settings.set(THEME, theme)
            app = QApplication.instance()
            if isinstance(app, QApplication):
                apply_theme(app, theme)
        choice = str(self.second_zone.currentData() or "")
        if choice != self.ctx.second_zone:
            self.ctx.set_second_zone(choice)
        if self.pretend.isChecked():
            seconds = self.pretend_at.dateTime().toSecsSinceEpoch()
            self.ctx.set_pretend_time(dt.datetime.fromtimestamp(seconds, dt.UTC))
        elif self.ctx.pretending:
            self.ctx.set_pretend_time(None)
        settings.set(REMIND_SESSIONS, self.remind_sessions.isChecked())
        settings.set(REMIND_STOPS, self.remind_stops.isChecked())
        settings.set(REMIND_MINUTES, str(self.remind_minutes.value()))
        settings.sync()
        self.ctx.settings_changed.emit()
