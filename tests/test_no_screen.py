"""Opening the window where there is no screen for it, or none Qt can draw on: said in words,
with the commands that need none, and exit status 4 (cannot be used just now), instead of Qt's
own words and its abort (134)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from workdiary.no_window import NO_SCREEN, cannot_load_qt, why_no_screen

# A display no X server answers on: there is no such socket.
NOWHERE = ":9321"
COMMANDS = "Work Diary's commands need no window, and work in this terminal: workdiary --help"


def opening_the_window(
    tmp_path: Path, screen: dict[str, str], code: str = ""
) -> subprocess.CompletedProcess[str]:
    """`workdiary` with no command (after `code`), in a fresh process whose only screen is
    `screen`: none of the user's, and Qt left to choose where to draw, as a user's start is."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env.update(screen, WORKDIARY_DATA_DIR=str(tmp_path / "data"), HOME=str(tmp_path / "home"))
    start = f"{code}\nimport sys\nsys.argv[1:] = []\nfrom workdiary import cli\ncli.run()"
    return subprocess.run(
        [sys.executable, "-c", start],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_with_no_screen_the_window_says_so_and_names_the_commands(tmp_path: Path) -> None:
    result = opening_the_window(tmp_path, {})
    assert (result.returncode, result.stdout) == (4, "")
    assert result.stderr == NO_SCREEN + "\n"
    assert result.stderr.startswith(
        "Work Diary cannot open its window here: there is no screen to show it on."
    )
    assert COMMANDS in result.stderr
    assert not (tmp_path / "data").exists()  # nothing was made, nor opened


def test_a_screen_that_does_not_answer_is_said_to_in_words_not_qts(tmp_path: Path) -> None:
    result = opening_the_window(tmp_path, {"DISPLAY": NOWHERE})
    assert (result.returncode, result.stdout) == (4, "")
    said = result.stderr
    assert said.startswith("Work Diary cannot open its window: ") and COMMANDS in said
    assert "This application failed to start" not in said and "Aborted" not in said
    from PySide6.QtCore import QLibraryInfo

    from workdiary.no_window import _xcb_trouble

    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    missing, cannot_load = _xcb_trouble(plugins)
    if not missing and not cannot_load:  # on a computer with every library the window needs
        assert said.startswith(
            f"Work Diary cannot open its window: the screen it was given (DISPLAY is {NOWHERE}) "
            "could not be used. The window needs a desktop session"
        )
        assert said.endswith(f"(What Qt, which draws the window, said: could not connect to "
                             f"display {NOWHERE})\n")  # fmt: skip


def test_a_library_the_window_needs_missing_is_named_by_the_package_to_install(
    tmp_path: Path,
) -> None:
    """As if libxcb-cursor0 were not installed: its library cannot be found."""
    gone = (
        "import workdiary.no_window\n"
        "workdiary.no_window.XCB_LIBRARIES['libxcb-cursor0'] = 'libgone.so.0'"
    )
    result = opening_the_window(tmp_path, {"DISPLAY": NOWHERE}, gone)
    assert (result.returncode, result.stdout) == (4, "")
    lines = result.stderr.splitlines()
    assert lines[0] == (
        "Work Diary cannot open its window: some of the system libraries it needs to draw it "
        "are missing. Install them with:"
    )
    assert lines[1].startswith("  sudo apt-get install ") and "libxcb-cursor0" in lines[1].split()
    assert lines[2].startswith("then start Work Diary again. " + COMMANDS)


def _unloadable(module: str, error: str) -> str:
    """Code run before the window opens, making `module` fail to import with `error`, as Python
    says it when a system library is missing."""
    return (
        "import importlib.abc, sys\n"
        "class Unloadable(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path, target=None):\n"
        f"        if name == {module!r}:\n"
        f"            raise {error}\n"
        "sys.meta_path.insert(0, Unloadable())"
    )


def test_a_library_qt_is_built_on_missing_is_named_with_its_package_not_a_traceback(
    tmp_path: Path,
) -> None:
    """As on a Debian machine without libegl1: Qt itself cannot be loaded."""
    missing = (
        'ImportError("libEGL.so.1: cannot open shared object file: No such file or directory")'
    )
    result = opening_the_window(
        tmp_path, {"DISPLAY": NOWHERE}, _unloadable("PySide6.QtCore", missing)
    )
    assert (result.returncode, result.stdout) == (4, "")
    assert result.stderr.splitlines()[:3] == [
        "Work Diary cannot open its window: a system library it needs to draw it is missing "
        "(libEGL.so.1). Install it with:",
        "  sudo apt-get install libegl1",
        "then start Work Diary again. " + COMMANDS + " lists them (workdiary show, workdiary "
        "log-week and the rest).",
    ]
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "data").exists()  # nothing was made, nor opened


def test_why_qt_cannot_be_loaded_is_said_only_when_that_is_why() -> None:
    not_installed = ModuleNotFoundError("No module named 'PySide6'", name="PySide6")
    assert (cannot_load_qt(not_installed) or "").startswith(
        "Work Diary cannot open its window: PySide6, which draws it, is not installed."
    )
    unknown = ImportError("/usr/lib/libwhatever.so.9: cannot open shared object file: No such file")
    assert "(libwhatever.so.9). Your system's package manager can install it." in (
        cannot_load_qt(unknown) or ""
    )
    # A fault of Work Diary's own is reported as one (with a crash report), not blamed on Qt.
    assert cannot_load_qt(ImportError("cannot import name 'Thing' from 'workdiary.ui'")) is None
    assert (
        cannot_load_qt(ModuleNotFoundError("No module named 'reportlab'", name="reportlab")) is None
    )


@pytest.mark.parametrize(
    ("environment", "platform", "refused"),
    [
        ({}, "linux", True),
        ({"DISPLAY": ":0"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),  # the tests' and the self-test's
        ({"DISPLAY": ""}, "linux", True),
        ({}, "freebsd14", True),
        ({}, "win32", False),
        ({}, "darwin", False),
    ],
)
def test_whether_there_is_a_screen_is_asked_of_the_environment_before_qt_is(
    environment: dict[str, str], platform: str, refused: bool
) -> None:
    assert (why_no_screen(environment, platform) == NO_SCREEN) is refused
