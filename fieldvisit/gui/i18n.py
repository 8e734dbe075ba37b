"""Interface language: compiles the Qt Linguist sources and installs fieldvisit's and Qt's own
translators, so standard dialogs (buttons, file dialogs) speak the same language.

The `.ts` files in resources/translations are the sources; `.qm` files are build output,
compiled by `compile_translations` at build time, or into the cache folder on first run
from a source tree (and again whenever a `.ts` is newer).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from fieldvisit.paths import resource

log = logging.getLogger(__name__)

LANGUAGES = ("en", "nl")
SOURCE_LANGUAGE = "en"


def translations_dir() -> Path:
    return resource("translations")


def find_lrelease() -> list[str] | None:
    """The command running PySide6's bundled lrelease, or None when it is not installed."""
    import shutil

    import PySide6

    package = Path(PySide6.__file__).resolve().parent
    for candidate in (package / "lrelease", package / "lrelease.exe"):
        if candidate.is_file():
            return [str(candidate)]
    script = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    if script is None:
        script = shutil.which("pyside6-lrelease")
    return [script] if script else None


def compile_translations(out_dir: Path, sources: Path | None = None) -> list[Path]:
    """Compile every `fieldvisit_<lang>.ts` into `out_dir`; returns the `.qm` files written."""
    import subprocess  # only when compiling: not on an ordinary start

    tool = find_lrelease()
    if tool is None:
        raise RuntimeError("PySide6's lrelease is not available")
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for ts in sorted((sources or translations_dir()).glob("fieldvisit_*.ts")):
        qm = out_dir / (ts.stem + ".qm")
        subprocess.run(
            [*tool, "-silent", str(ts), "-qm", str(qm)],
            check=True,
            capture_output=True,
            timeout=60,
        )
        written.append(qm)
    return written


def qm_for(lang: str, cache_dir: Path) -> Path | None:
    """The compiled catalogue for `lang`: shipped beside the .ts (frozen app) or in the cache,
    compiled now when missing or older than its source."""
    ts = translations_dir() / f"fieldvisit_{lang}.ts"
    shipped = translations_dir() / f"fieldvisit_{lang}.qm"
    if shipped.is_file() and (not ts.is_file() or shipped.stat().st_mtime >= ts.stat().st_mtime):
        return shipped
    if not ts.is_file():
        return None
    cached = cache_dir / "translations" / f"fieldvisit_{lang}.qm"
    if cached.is_file() and cached.stat().st_mtime >= ts.stat().st_mtime:
        return cached
    import subprocess

    tool = find_lrelease()
    if tool is None:
        log.warning("cannot compile %s: lrelease not found", ts)
        return None
    cached.parent.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run(
            [*tool, "-silent", str(ts), "-qm", str(cached)],
            check=True,
            capture_output=True,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("cannot compile %s: %s", ts, exc)
        return None
    return cached


def resolve_language(setting: str) -> str:
    """ "en", "nl", or "system" (the first UI language of the OS we have a translation for)."""
    if setting in LANGUAGES:
        return setting
    for name in QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return SOURCE_LANGUAGE


class Translators:
    """The translators installed on the application, kept so the language can change."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self._previous_locale: QLocale | None = None
        self.language = SOURCE_LANGUAGE

    def remove(self, app: QCoreApplication) -> None:
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed.clear()
        if self._previous_locale is not None:
            QLocale.setDefault(self._previous_locale)
            self._previous_locale = None

    def install(self, app: QCoreApplication, setting: str, cache_dir: Path) -> str:
        """Install the catalogues for `setting`; returns the language in use."""
        self.remove(app)
        lang = resolve_language(setting)
        self.language = lang
        self._previous_locale = QLocale()
        # Dates and numbers follow the interface language; English dates use British order.
        QLocale.setDefault(QLocale("en_GB" if lang == "en" else lang))
        if lang != SOURCE_LANGUAGE:
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            qt_translator = QTranslator(app)
            if qt_translator.load(f"qtbase_{lang}", qt_dir):
                app.installTranslator(qt_translator)
                self._installed.append(qt_translator)
        # English too: its catalogue holds the plural forms ("1 session", "2 sessions").
        qm = qm_for(lang, cache_dir)
        own = QTranslator(app)
        if qm is not None and own.load(str(qm)):
            app.installTranslator(own)
            self._installed.append(own)
        else:
            log.warning("no fieldvisit translation for %s", lang)
        return lang
