"""A lighter check in PySide6's import hook: every later import pays less time and memory.

WORKAROUND (PYSIDE-2029's `__feature__` hook; its start-up cost is reported in
napari/napari#8584): once PySide6 is imported, every module imported after it goes
through `shibokensupport.feature._mod_uses_pyside`, which calls `inspect.getsource` to see
whether the text "PySide6" occurs in it. That reads each module's source into `linecache`
and keeps it there: about 8 MB of text (some 20 MB resident) once SQLAlchemy and the
sections are loaded, and tens of milliseconds of start-up. The same question is answered
here from the file's bytes, and nothing is cached. Anything that is not a plain `.py`
file, or a PySide without that function, keeps the original behaviour.
"""

from __future__ import annotations

import linecache
import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any

_MARK = "_fieldvisit_light"


def _light(upstream: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def mod_uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return upstream(module)

    setattr(mod_uses_pyside, _MARK, True)
    return mod_uses_pyside


def lighten_pyside_import_hook() -> bool:
    """Install the lighter check (idempotent); True when it is in place."""
    feature: Any = sys.modules.get("shibokensupport.feature")
    upstream = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(upstream):
        return False
    if not getattr(upstream, _MARK, False):
        feature._mod_uses_pyside = _light(upstream)
        # What the original check already read (Qt's own imports) is dropped too; a
        # traceback reads the lines it needs again.
        linecache.clearcache()
    return True
