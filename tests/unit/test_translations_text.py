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


def test_section_accelerators_do_not_clash_with_the_dutch_menu_bar() -> None:
    # Bestand, Be&werken, Ga naar, Help and the toolbar's Evenement: are live in every
    # section, so a section's own Alt+letter must be another letter.
    menu_letters = set("bwghe")
    separate_windows = {
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
        "EmptyBinDialog",  # erase for real: its own dialogs, and an Event menu item
        "EraseEventDialog",
        "EraseEventAction",
        "_EraseDialog",
    }
    clashes = [
        f"{context}: {text}"
        for context, message in _messages("nl")
        if context not in separate_windows
        for text in _translations(message)
        if any(a.lower() in menu_letters for a in ACCELERATOR.findall(text))
    ]
    assert clashes == []
