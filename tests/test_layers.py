"""The layers of DESIGN.md: only the desktop face may load Qt."""

from tests.processes import modules_loaded


def test_domain_and_storage_load_no_qt() -> None:
    code = "import workdiary.domain.figures, workdiary.domain.validation, workdiary.storage"
    assert modules_loaded(code, ("PySide6",)) == []


def test_domain_imports_nothing_of_sql() -> None:
    code = (
        "import workdiary.domain.figures, workdiary.domain.validation, workdiary.domain.formatting"
    )
    unwanted = ("sqlite3", "sqlite_utils", "reportlab", "PySide6", "workdiary.storage")
    assert modules_loaded(code, unwanted) == []
