"""The layers of DESIGN.md: only the desktop face may load Qt."""

import subprocess
import sys


def test_domain_and_storage_load_no_qt() -> None:
    probe = (
        "import sys, workdiary.domain.figures, workdiary.domain.validation, workdiary.storage; "
        "print([m for m in sys.modules if m.startswith('PySide6')])"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_domain_imports_nothing_of_sql() -> None:
    probe = (
        "import sys, workdiary.domain.figures, workdiary.domain.validation, "
        "workdiary.domain.formatting; "
        "print([m for m in sys.modules if m.split('.')[0] in ('sqlite3', 'sqlite_utils', "
        "'reportlab', 'PySide6') or m.startswith('workdiary.storage')])"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
