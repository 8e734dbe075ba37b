"""Dark mode that can be read: unticked indicators have a visible outline (WCAG 2.1 non-text
contrast, 3:1), links on screen take the new palette, every palette role is set."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QLineEdit,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QStyleOptionViewItem,
    QTextBrowser,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sample_rows import SAMPLE_ID, add_note

from fieldvisit.app import Shell
from fieldvisit.gui.send_return import SendReturnDialog
from fieldvisit.gui.settings_dialog import SettingsDialog
from fieldvisit.gui.theme import apply_theme, contrast, dark_palette

THEMES = ("light", "dark")


@pytest.fixture
def themed(qapp: QApplication, request: pytest.FixtureRequest) -> Iterator[str]:
    theme = str(request.param)
    apply_theme(qapp, theme)
    yield theme
    apply_theme(qapp, "light")  # the QApplication outlives the test


def outline_contrast(image: QImage, indicator: QRect) -> tuple[float, float]:
    """(outline vs the background around it, outline vs its own fill), from the pixels.

    The outline is the pixel on the indicator's rim that differs most from the fill."""
    ratio = image.devicePixelRatio()
    r = QRect(
        int(indicator.x() * ratio),
        int(indicator.y() * ratio),
        int(indicator.width() * ratio),
        int(indicator.height() * ratio),
    )
    inside = image.pixelColor(r.center())
    outside = image.pixelColor(max(0, r.left() - int(3 * ratio)), r.center().y())
    rim: list[QColor] = []
    for inset in range(int(3 * ratio)):
        for x in range(r.left() + inset, r.right() - inset + 1):
            rim += [image.pixelColor(x, r.top() + inset), image.pixelColor(x, r.bottom() - inset)]
        for y in range(r.top() + inset, r.bottom() - inset + 1):
            rim += [image.pixelColor(r.left() + inset, y), image.pixelColor(r.right() - inset, y)]
    outline = max(rim, key=lambda c: min(contrast(c, inside), contrast(c, outside)))
    return contrast(outline, outside), contrast(outline, inside)


def button_indicator(button: QAbstractButton, top: QWidget) -> QRect:
    option = QStyleOptionButton()
    button.initStyleOption(option)  # type: ignore[attr-defined]
    element = (
        QStyle.SubElement.SE_RadioButtonIndicator
        if isinstance(button, QRadioButton)
        else QStyle.SubElement.SE_CheckBoxIndicator
    )
    rect = button.style().subElementRect(element, option, button)
    return rect.translated(button.mapTo(top, rect.topLeft()) - rect.topLeft())


def assert_visible(image: QImage, indicator: QRect, what: str) -> None:
    against_background, against_fill = outline_contrast(image, indicator)
    assert against_background >= 3.0, f"{what}: outline {against_background:.2f}:1 on background"
    assert against_fill >= 3.0, f"{what}: outline {against_fill:.2f}:1 on its fill"


@pytest.mark.parametrize("themed", THEMES, indirect=True)
def test_settings_checkboxes_visible(shell: Shell, qtbot: QtBot, themed: str) -> None:
    dialog = SettingsDialog(shell.ctx, shell.window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    image = dialog.grab().toImage()
    boxes = [b for b in dialog.findChildren(QCheckBox) if b.isVisible() and not b.isChecked()]
    assert boxes
    for box in boxes:
        assert_visible(image, button_indicator(box, dialog), f"{themed} {box.text()!r}")


@pytest.mark.parametrize("themed", THEMES, indirect=True)
def test_an_empty_unfocused_line_edit_has_a_frame_that_can_be_seen(
    qtbot: QtBot, themed: str
) -> None:
    """The edge of a text field (the Organiser's name, a search field) is a UI component
    boundary: 3:1 against the window and its own base, not Fusion's darkened window colour,
    which vanishes in dark."""
    holder = QWidget()
    qtbot.addWidget(holder)
    holder.resize(320, 80)
    field = QLineEdit(holder)
    field.setGeometry(40, 24, 240, 28)
    other = QLineEdit(holder)  # holds the focus, so `field` shows its plain frame
    other.setGeometry(40, 60, 10, 10)
    holder.show()
    qtbot.waitExposed(holder)
    other.setFocus()
    assert not field.hasFocus()
    image = holder.grab().toImage()
    assert_visible(image, field.geometry(), f"{themed} line edit")


@pytest.mark.parametrize("themed", THEMES, indirect=True)
def test_questionnaire_radios_visible(shell: Shell, qtbot: QtBot, themed: str) -> None:
    shell.window.show_section("questions")
    section = shell.window.sections["questions"]
    qtbot.waitUntil(lambda: bool(section.findChildren(QRadioButton)), timeout=10_000)
    radios = [r for r in section.findChildren(QRadioButton) if r.isVisible()]
    qtbot.waitUntil(lambda: any(r.isVisible() for r in section.findChildren(QRadioButton)))
    radios = [r for r in section.findChildren(QRadioButton) if r.isVisible() and not r.isChecked()]
    assert radios
    image = section.grab().toImage()
    for radio in radios[:4]:
        assert_visible(image, button_indicator(radio, section), f"{themed} {radio.text()!r}")


@pytest.mark.parametrize("themed", THEMES, indirect=True)
def test_send_to_organisers_unticked_note_visible(shell: Shell, qtbot: QtBot, themed: str) -> None:
    add_note(shell.store, SAMPLE_ID, "n-unticked", "Ask about family support", "d1-wg-families")
    dialog = SendReturnDialog(shell.ctx, shell.window)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.show()
    tree = dialog.tree
    model = dialog.model
    found = None
    for s in range(model.rowCount()):
        parent = model.index(s, 0)
        for r in range(model.rowCount(parent)):
            index = model.index(r, 0, parent)
            if index.data(Qt.ItemDataRole.CheckStateRole) is not None and "family support" in str(
                index.data()
            ):
                found = index
    assert found is not None, "the note is listed"
    option = QStyleOptionViewItem()
    option.initFrom(tree)
    option.rect = tree.visualRect(found)
    delegate = tree.itemDelegateForIndex(found)
    delegate.initStyleOption(option, found)  # type: ignore[attr-defined]
    rect = tree.style().subElementRect(
        QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, tree
    )
    viewport = tree.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())  # untick it
    assert found.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    image = viewport.grab().toImage()
    assert_visible(image, rect, f"{themed} unticked note")


def test_dark_palette_sets_every_role() -> None:
    pal = dark_palette()
    window = pal.color(QPalette.ColorRole.Window)
    for role in (
        QPalette.ColorRole.Link,
        QPalette.ColorRole.LinkVisited,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.PlaceholderText,
    ):
        assert contrast(pal.color(role), window) >= 4.5, role
        assert contrast(pal.color(role), pal.color(QPalette.ColorRole.Base)) >= 4.5, role


def test_links_on_screen_take_the_new_palette(
    shell: Shell, qtbot: QtBot, qapp: QApplication
) -> None:
    """A session's speaker link shown in light, then the theme goes dark: the link is light."""
    programme = shell.window.programme
    shell.window.show_section("programme")
    programme.show_target("session", "d1-opening")  # the mayor: a speaker link
    body = programme.detail.findChild(QTextBrowser)
    assert body is not None and "<a" in body.toHtml()

    def link_colours() -> set[str]:
        doc = body.document()
        colours = set()
        block = doc.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fmt = it.fragment().charFormat()
                if fmt.isAnchor():
                    colours.add(fmt.foreground().color().name())
                it += 1
            block = block.next()
        return colours

    try:
        apply_theme(qapp, "dark")
        base = qapp.palette().color(QPalette.ColorRole.Base)
        colours = link_colours()
        assert colours
        for name in colours:
            assert contrast(QColor(name), base) >= 4.5, name
    finally:
        apply_theme(qapp, "light")
    for name in link_colours():
        assert contrast(QColor(name), qapp.palette().color(QPalette.ColorRole.Base)) >= 4.5


def test_visit_map_panel_follows_the_theme(shell: Shell, qtbot: QtBot, qapp: QApplication) -> None:
    shell.window.show_section("visit")
    from fieldvisit.gui.sections.visit import VisitSection

    section = shell.window.sections["visit"]
    assert isinstance(section, VisitSection)
    qtbot.waitUntil(lambda: section.map.isVisible(), timeout=10_000)

    def ground() -> QColor:
        image = section.map.grab().toImage()
        return image.pixelColor(4, image.height() // 2)

    assert ground().lightness() > 180
    try:
        apply_theme(qapp, "dark")
        qtbot.waitUntil(lambda: ground().lightness() < 80)  # palettes propagate by events
    finally:
        apply_theme(qapp, "light")


def test_the_frame_paints_in_the_scheme_seen_last_and_is_corrected_once_up(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under the "system" theme the frame is painted in the scheme the platform had at the
    last start, without asking it (its answer builds the `Qt` namespace's enums); once up,
    the follower asks, corrects a scheme that changed, and remembers the platform's."""
    import fieldvisit.gui.theme as theme

    def not_before_the_frame(_app: QApplication) -> bool:
        raise AssertionError("the platform was asked before the frame")

    monkeypatch.setattr(theme, "system_is_dark", not_before_the_frame)
    assert apply_theme(qapp, "system", assume_dark=True) is True
    assert theme.is_dark(qapp.palette())
    monkeypatch.undo()
    remembered: list[bool] = []
    owner = QWidget()
    try:
        # The offscreen platform has no dark scheme: the assumed dark one is corrected.
        theme.SchemeFollower(qapp, lambda: "system", remembered.append, owner)
        assert remembered == [False]
        assert not theme.is_dark(qapp.palette())
    finally:
        shiboken6.delete(owner)  # at once: its follower must not hear the next test
        apply_theme(qapp, "light")


def test_the_system_theme_follows_the_platform_while_the_app_runs(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The evening switch to dark reaches the open window under "system"; a theme the user
    chose (light) stays as chosen."""
    import fieldvisit.gui.theme as theme

    chosen = ["system"]
    remembered: list[bool] = []
    owner = QWidget()
    try:
        apply_theme(qapp, "system")
        theme.SchemeFollower(qapp, lambda: chosen[0], remembered.append, owner)
        monkeypatch.setattr(theme, "system_is_dark", lambda _app: True)
        qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        assert theme.is_dark(qapp.palette())
        assert remembered[-1] is True
        chosen[0] = "light"
        apply_theme(qapp, "light")
        qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        assert not theme.is_dark(qapp.palette())
    finally:
        shiboken6.delete(owner)  # at once: its follower must not hear the next test
        monkeypatch.undo()
        apply_theme(qapp, "light")
