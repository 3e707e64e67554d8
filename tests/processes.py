"""Running Work Diary, or a few lines of Python, in a fresh process, as a user or a script would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def workdiary(data_dir: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """`workdiary ARGV…` on the diary in `data_dir`, offscreen, its output captured."""
    return _offscreen(data_dir, "-m", "workdiary", *argv)


def workdiary_after(code: str, data_dir: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """As `workdiary`, once `code` has run in the same process: to break a part on purpose."""
    start = (
        f"{code}\nimport sys\nsys.argv[1:] = {list(argv)!r}\nfrom workdiary import cli\ncli.run()"
    )
    return _offscreen(data_dir, "-c", start)


def _offscreen(data_dir: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WORKDIARY_DATA_DIR": str(data_dir), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, *arguments],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def modules_loaded(code: str, packages: tuple[str, ...], data_dir: Path | None = None) -> list[str]:
    """Run `code` in a fresh interpreter, and list the modules it then has from `packages`
    (top-level names like "PySide6", or dotted ones like "workdiary.storage")."""
    report = (
        "\nimport json, sys\n"
        f"wanted = {packages!r}\n"
        "print(json.dumps(sorted(m for m in sys.modules\n"
        "    if any(m == p or m.startswith(p + '.') for p in wanted))))\n"
    )
    loaded: list[str] = json.loads(printed_lines(code + report, data_dir=data_dir)[-1])
    return loaded


def printed_lines(code: str, *argv: str | Path, data_dir: Path | None = None) -> list[str]:
    """Run `code` in a fresh interpreter, with `argv` as its arguments (on the diary in
    `data_dir`, if given): the lines it prints."""
    env = dict(os.environ)
    if data_dir is not None:
        env["WORKDIARY_DATA_DIR"] = str(data_dir)
    result = subprocess.run(
        [sys.executable, "-c", code, *map(str, argv)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip().splitlines()
