"""WORKAROUND for a PySide6 6.12.0 reference-count bug in `SignalInstance.emit()` on Python 3.11.

`emit()` returns `True` without taking a reference, so every emit from Python drops one
reference of the `True` singleton; after a few hundred emits CPython aborts with
"Fatal Python error: bool_dealloc: deallocating True or False". Python 3.12+ made the
singletons immortal (PEP 683), which hides the bug there. On an affected interpreter we do
what 3.12 does: give True, False and None a reference count so large that no realistic run
can exhaust it. The probe runs once; on unaffected versions nothing is touched.
"""

from __future__ import annotations

import ctypes
import sys

# PEP 683 uses 2**32-ish on 64-bit; 2**40 is out of reach of any run and far below overflow.
_MANY = 1 << 40
_done = False


def _emit_leaks_true() -> bool:
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        ping = Signal()

    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.ping.emit()
    leaked = sys.getrefcount(True) < before
    probe.deleteLater()
    return leaked


def apply() -> bool:
    """Protect the singletons when `emit()` leaks; returns True when the workaround is on."""
    global _done
    if _done:
        return True
    if sys.version_info >= (3, 12) or not _emit_leaks_true():
        return False
    for singleton in (True, False, None):
        ctypes.c_ssize_t.from_address(id(singleton)).value += _MANY
    _done = True
    return True
