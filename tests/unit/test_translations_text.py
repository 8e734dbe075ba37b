"""The .ts sources themselves: every Dutch message finished, placeholders and accelerators kept."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from fieldvisit.gui import i18n

PLACEHOLDER = re.compile(r"%(?:\d|n)|\{\d*\}")
ACCELERATOR = re.compile(r"&(?!&)(.)")
TAG = re.compile(r"</?[a-z]+\b[^>]*>")


def _messages(lang: str) -> list[tuple[str, ET.Element]]:
    path = i18n.translations_dir() / f"fieldvisit_{lang}.ts"
    root = ET.parse(path).getroot()  # our own source file, not untrusted input
    return [
        (context.findtext("name", ""), message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def _translations(message: ET.Element) -> list[str]:
    node = message.find("translation")
    assert node is not None
    if message.get("numerus") == "yes":
        return [form.text or "" for form in node.iter("numerusform")]
    return [node.text or ""]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_message_is_finished(lang: str) -> None:
    unfinished = [
        f"{context}: {message.findtext('source')}"
        for context, message in _messages(lang)
        if message.find("translation[@type]") is not None  # unfinished, vanished or obsolete
    ]
    assert unfinished == []


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_placeholders_tags_and_accelerators_kept(lang: str) -> None:
    problems: list[str] = []
    for context, message in _messages(lang):
        source = message.findtext("source", "")
        for text in _translations(message):
            where = f"{context}: {source!r} -> {text!r}"
            if not text.strip():
                problems.append(f"empty {where}")
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
                problems.append(f"placeholders {where}")
            if sorted(TAG.findall(source)) != sorted(TAG.findall(text)):
                problems.append(f"markup {where}")
            if len(ACCELERATOR.findall(source)) != len(ACCELERATOR.findall(text)):
                problems.append(f"accelerator {where}")
    assert problems == []


def test_dutch_plurals_have_both_forms() -> None:
    for context, message in _messages("nl"):
        if message.get("numerus") == "yes":
            forms = _translations(message)
            assert len(forms) == 2 and all("%n" in f for f in forms), context


# The letters live in every section: the menu bar's (File, Edit, Go, Event, Help) and the
# toolbar's event switcher ("Event:"). Unique among themselves, and no section may use one.
MENU_BAR = {
    "nl": ("Bestand", "Bewerken", "Ga naar", "Evenement", "Help", "Evenement:"),
    "en": ("File", "Edit", "Go", "Event", "Help", "Event:"),
}
SEPARATE_WINDOWS = {
    "MainWindow",
    "SettingsDialog",
    "PreviewDialog",
    "HistoryDialog",
    "SendReturnDialog",
    "OrganiserWindow",
    "EmergencyDialog",
    "ExportActions",
    "SearchPopup",
    "PasscodeDialog",  # its own dialog
    "PasscodeRows",  # rows of the Settings dialog
    "AppLock",  # the File menu's Lock item
    "EmptyBinDialog",  # erase for real: its own dialogs, and an Event menu item
    "EraseEventDialog",
    "EraseEventAction",
    "_EraseDialog",
}


def _shown(lang: str, message: ET.Element) -> list[str]:
    return _translations(message) if lang == "nl" else [message.findtext("source", "")]


def _menu_bar_letters(lang: str) -> list[str]:
    """The accelerators of the menu bar's titles and the toolbar's "Event:" label."""
    titles = MENU_BAR[lang]
    return [
        a.lower()
        for context, message in _messages("nl")
        if context == "MainWindow"
        for text in _shown(lang, message)
        if text.replace("&", "") in titles
        for a in ACCELERATOR.findall(text)
    ]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_menu_bar_letters_are_unique(lang: str) -> None:
    letters = _menu_bar_letters(lang)
    assert len(letters) == len(MENU_BAR[lang])  # each title found once, with its letter
    assert len(set(letters)) == len(letters), letters


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_section_accelerators_do_not_clash_with_the_menu_bar(lang: str) -> None:
    # Alt+letter of a menu title is live in every section: a section's own button or label
    # with the same letter would be shadowed (or make both ambiguous).
    menu_letters = set(_menu_bar_letters(lang))
    assert menu_letters == set({"nl": "bwgveh", "en": "fegvht"}[lang])
    clashes = [
        f"{context}: {text}"
        for context, message in _messages("nl")
        if context not in SEPARATE_WINDOWS
        for text in _shown(lang, message)
        if any(a.lower() in menu_letters for a in ACCELERATOR.findall(text))
    ]
    assert clashes == []
