"""Before Qt starts: can it open a window here?

When Qt cannot load its platform plugin it aborts the whole process with an English message
that names one library (often one that is installed: "xcb-cursor0 … is needed") — on a minimal
Debian or Ubuntu desktop the X11 plugin also needs libxcb-icccm4 and libxcb-keysyms1, which
are missing there. This check runs first and says in one German sentence which packages to
install, or that there is no graphical session, so that the user gets a way out, not a crash.
It imports no Qt and only loads system libraries Qt itself would load.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Mapping

# What Qt's X11 platform plugin (libqxcb.so) links against beyond libc and Qt itself, by the
# Debian/Ubuntu package that brings it (read off `ldd` of the plugin in the PySide6 wheel).
XCB_LIBRARIES = {
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libfontconfig.so.1": "libfontconfig1",
    "libEGL.so.1": "libegl1",
    "libdbus-1.so.3": "libdbus-1-3",
}


def platform_problem(
    env: Mapping[str, str] | None = None,
    system: str | None = None,
    libraries: Mapping[str, str] = XCB_LIBRARIES,
) -> str | None:
    """A German sentence saying why Qt will not be able to open a window, or None."""
    env = os.environ if env is None else env
    if (system or sys.platform) != "linux":
        return None
    chosen = env.get("QT_QPA_PLATFORM", "")
    if chosen and not chosen.startswith("xcb"):
        return None  # offscreen, wayland, vnc …: the user chose, Qt reports on its own
    if not chosen and env.get("WAYLAND_DISPLAY") and env.get("XDG_SESSION_TYPE") == "wayland":
        return None  # a Wayland session: Qt takes its Wayland plugin
    missing = [package for soname, package in libraries.items() if not _loadable(soname)]
    if missing:
        return (
            "Ziffer kann kein Fenster öffnen, weil Systembibliotheken für die Oberfläche fehlen "
            f"({', '.join(missing)}); installieren Sie sie mit: sudo apt install {' '.join(missing)}"
        )
    if not env.get("DISPLAY"):
        return (
            "Ziffer kann kein Fenster öffnen, weil keine grafische Sitzung da ist (DISPLAY ist nicht "
            "gesetzt); starten Sie es in der Desktop-Sitzung, oder nutzen Sie die Befehle der "
            "Kommandozeile (python main.py --help)."
        )
    return None


def _loadable(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True
