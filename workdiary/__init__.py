"""Work Diary: a private, tamper-evident weekly record of workload."""

from typing import Any


def __getattr__(name: str) -> Any:
    # Read from the package metadata only when asked: scanning installed packages costs start-up.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("workdiary")
        except PackageNotFoundError:
            return "0+unknown"
    raise AttributeError(name)
