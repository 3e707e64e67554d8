"""The package as installed says the same version as the one the app prints."""

from importlib.metadata import version

import workdiary


def test_the_installed_version_is_the_one_the_app_and_packs_print() -> None:
    assert version("workdiary") == workdiary.__version__
