"""Is there a screen to open a window on? Checked before Qt is started, without Qt.

Without one, Qt prints "could not load the Qt platform plugin ... Reinstalling the
application may fix this problem" and aborts the process (exit 134, a core dump), which
says nothing useful to someone who started the app over SSH. Since Qt 6.5 the X11 (xcb)
plugin also needs libxcb-cursor0, which a fresh Debian or Ubuntu desktop may lack, and the
same abort follows. `display_problem` finds both cases first and says in one line what to
do; the app then exits with EXIT_NO_DISPLAY.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path

EXIT_NO_DISPLAY = 3

NO_DISPLAY = (
    "no graphical display was found (neither DISPLAY nor WAYLAND_DISPLAY is set, as over "
    "SSH). The command-line commands work without one (fieldvisit --help: import, return, "
    "export, pack, collate...); for `fieldvisit snapshot` set QT_QPA_PLATFORM=offscreen"
)

# The shared libraries the Qt xcb plugin needs beyond a minimal X11 system, and the
# Debian/Ubuntu package of each (README: Requirements).
PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-util.so.1": "libxcb-util1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}
_MISSING = re.compile(r"(\S+?\.so(?:\.\d+)*): cannot open shared object file")


def missing_library_message(error: str) -> str | None:
    """The one-line advice for a dlopen error naming a missing library, if it names one."""
    found = _MISSING.search(error)
    if found is None:
        return None
    library = Path(found.group(1)).name
    package = PACKAGES.get(library)
    install = (
        f"install it with: sudo apt install {package} (Debian, Ubuntu)"
        if package
        else "install the package that provides it"
    )
    extra = " (needed since Qt 6.5; Fedora: xcb-util-cursor)" if package == "libxcb-cursor0" else ""
    return (
        f"the desktop app cannot open a window on X11: the system library {library} is "
        f"missing{extra}; {install}. The command-line commands work without it"
    )


def xcb_plugin() -> Path | None:
    """Where PySide6's X11 platform plugin is (from source or from the bundle), if found."""
    roots: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        roots.append(Path(bundle) / "PySide6")
    try:
        spec = importlib.util.find_spec("PySide6")
    except (ImportError, ValueError):
        spec = None
    if spec is not None and spec.submodule_search_locations:
        roots.extend(Path(p) for p in spec.submodule_search_locations)
    for root in roots:
        for plugins in (root / "Qt" / "plugins", root / "plugins"):
            plugin = plugins / "platforms" / "libqxcb.so"
            if plugin.is_file():
                return plugin
    return None


def _x_server_missing(display: str) -> bool:
    """True when DISPLAY names a local X server whose socket does not exist."""
    found = re.fullmatch(r"(?:unix)?:(\d+)(?:\.\d+)?", display)
    if found is None:
        return False  # a remote display (host:0, SSH forwarding): Qt will tell
    return not Path(f"/tmp/.X11-unix/X{found.group(1)}").exists()


def display_problem(
    environ: Mapping[str, str] | None = None,
    *,
    platform: str | None = None,
    plugin: Path | None = None,
) -> str | None:
    """Why the desktop app cannot open a window here, in one line; None when it can.

    Only Linux and the BSDs are checked (Windows and macOS always have their display).
    QT_QPA_PLATFORM set by the user (offscreen, wayland, vnc...) is taken as their choice.
    """
    env = os.environ if environ is None else environ
    system = sys.platform if platform is None else platform
    if not system.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    if env.get("QT_QPA_PLATFORM", "") not in ("", "xcb"):
        return None
    display = env.get("DISPLAY", "")
    if env.get("WAYLAND_DISPLAY") and env.get("QT_QPA_PLATFORM", "") != "xcb":
        return None
    if not display:
        return NO_DISPLAY
    if _x_server_missing(display):
        return (
            f"no graphical display was found: DISPLAY={display} names no running X server. "
            "The command-line commands work without one (fieldvisit --help); for "
            "`fieldvisit snapshot` set QT_QPA_PLATFORM=offscreen"
        )
    found = plugin if plugin is not None else xcb_plugin()
    if found is None:
        return None  # Qt will look for it itself
    try:
        ctypes.CDLL(str(found), mode=getattr(os, "RTLD_LAZY", 1))
    except OSError as exc:
        return missing_library_message(str(exc))
    return None
