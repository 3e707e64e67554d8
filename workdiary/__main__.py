"""`python -m workdiary`: the same as the `workdiary` command."""

from workdiary.cli import run

run()
