"""Why the window cannot open, in words a person can act on: no screen to show it on, the
system libraries Qt needs missing, a screen Qt cannot use. It loads nothing of Qt, so that it can
still speak when Qt itself cannot be loaded."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

# As the command line's "cannot be used just now": no screen, or none Qt can draw on.
EXIT_NO_SCREEN = 4

THE_COMMANDS = (
    "Work Diary's commands need no window, and work in this terminal: workdiary --help lists "
    "them (workdiary show, workdiary log-week and the rest)."
)
# Where a desktop session names its screen: X11's, and Wayland's.
SCREEN_NAMES = ("DISPLAY", "WAYLAND_DISPLAY")
NO_SCREEN = (
    "Work Diary cannot open its window here: there is no screen to show it on. The window needs "
    "a desktop session, and this terminal has none (it is logged in over SSH, say, or is a "
    f"text console).\n{THE_COMMANDS}"
)


def why_no_screen(environment: Mapping[str, str], platform: str) -> str | None:
    """Why the window cannot open, asked before Qt is: with no screen to draw on, Qt ends the
    process there and then (abort, exit status 134), with words of its own. On Linux and the
    BSDs a desktop session names its screen in DISPLAY (X11) or WAYLAND_DISPLAY; QT_QPA_PLATFORM
    says where Qt is to draw instead (offscreen, for the tests and the self-test), and is
    trusted. None where the window can be tried."""
    if not platform.startswith("linux") and "bsd" not in platform:
        return None  # Windows and macOS always have a screen for a program started there
    if environment.get("QT_QPA_PLATFORM") or any(environment.get(n) for n in SCREEN_NAMES):
        return None
    return NO_SCREEN


# The libraries Qt's X11 (xcb) plugin loads, by the Debian package that holds each: the README's
# quick start installs them (scripts/install-debian-deps.sh), but one installed by hand may not.
XCB_LIBRARIES = {
    "libx11-xcb1": "libX11-xcb.so.1",
    "libxcb1": "libxcb.so.1",
    "libxcb-cursor0": "libxcb-cursor.so.0",
    "libxcb-icccm4": "libxcb-icccm.so.4",
    "libxcb-image0": "libxcb-image.so.0",
    "libxcb-keysyms1": "libxcb-keysyms.so.1",
    "libxcb-randr0": "libxcb-randr.so.0",
    "libxcb-render0": "libxcb-render.so.0",
    "libxcb-render-util0": "libxcb-render-util.so.0",
    "libxcb-shape0": "libxcb-shape.so.0",
    "libxcb-shm0": "libxcb-shm.so.0",
    "libxcb-sync1": "libxcb-sync.so.1",
    "libxcb-xfixes0": "libxcb-xfixes.so.0",
    "libxcb-xkb1": "libxcb-xkb.so.1",
    "libxkbcommon-x11-0": "libxkbcommon-x11.so.0",
}


def cannot_start_qt(qt_said: list[str], qt_plugins: Path) -> str:
    """Why the window could not open, when Qt could not start: libraries missing (it names the
    Debian packages to install), one that cannot be loaded, or a screen it could not use.
    `qt_said` is what Qt said, first to last; `qt_plugins`, the folder of Qt's plugins."""
    linux = sys.platform.startswith("linux")
    missing, cannot_load = _xcb_trouble(qt_plugins) if linux else ([], None)
    if missing:
        return (
            "Work Diary cannot open its window: some of the system libraries it needs to draw "
            "it are missing. Install them with:\n"
            f"  sudo apt-get install {' '.join(missing)}\n"
            f"then start Work Diary again. {THE_COMMANDS}"
        )
    if cannot_load:
        return (
            "Work Diary cannot open its window: a system library it needs to draw it cannot be "
            f"used ({cannot_load}). It may be damaged, or too old for this Work Diary: "
            f"reinstalling it may help.\n{THE_COMMANDS}"
        )
    named = [f"{name} is {os.environ[name]}" for name in SCREEN_NAMES if os.environ.get(name)]
    given = f" ({', '.join(named)})" if named else ""
    return (
        f"Work Diary cannot open its window: the screen it was given{given} could not be used. "
        "The window needs a desktop session: if you are in one, log out and in again; if you "
        f"are logged in over SSH, the window cannot open there.\n{THE_COMMANDS}\n"
        f"(What Qt, which draws the window, said: {qt_said[0].strip()})"
    )


def _xcb_trouble(qt_plugins: Path) -> tuple[list[str], str | None]:
    """The Debian packages of XCB_LIBRARIES whose library is not there; and, when all are, why
    Qt's X11 plugin cannot be loaded (a library too old, say), as the system's loader says it,
    or None when it can be."""
    import ctypes

    missing = []
    for package, library in XCB_LIBRARIES.items():
        try:
            ctypes.CDLL(library)
        except OSError:
            missing.append(package)
    if missing:
        return missing, None
    try:
        ctypes.CDLL(str(qt_plugins / "platforms" / "libqxcb.so"))
    except OSError as error:
        return [], str(error).rsplit("/", 1)[-1]  # the library's own name, and why
    return [], None


# The libraries Qt itself is built on, by the Debian package that holds each: without one,
# Python cannot load Qt at all, and says so as an ImportError naming the library.
QT_LIBRARIES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libX11.so.6": "libx11-6",
}
# How the system's loader says a library is not there (Linux), as Python passes it on.
NOT_THERE = ": cannot open shared object file"


def cannot_load_qt(error: ImportError) -> str | None:
    """Why Qt could not be loaded, when `error` says it: a system library missing (named with
    the Debian package to install, where known), or Qt not installed at all. None for any other
    failure to import, which is a fault of Work Diary's own and is reported as one."""
    said = str(error)
    if isinstance(error, ModuleNotFoundError) and (error.name or "").split(".")[0] in (
        "PySide6",
        "shiboken6",
    ):
        return (
            "Work Diary cannot open its window: PySide6, which draws it, is not installed. "
            f"Installing Work Diary again installs it.\n{THE_COMMANDS}"
        )
    if NOT_THERE not in said:
        return None
    library = said.split(NOT_THERE)[0].rsplit("/", 1)[-1].strip()
    package = QT_LIBRARIES.get(library)
    install = (
        f" Install it with:\n  sudo apt-get install {package}\nthen start Work Diary again."
        if package
        else " Your system's package manager can install it."
    )
    return (
        "Work Diary cannot open its window: a system library it needs to draw it is missing "
        f"({library}).{install} {THE_COMMANDS}"
    )
