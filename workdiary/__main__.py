"""`python -m workdiary`: the same as the `workdiary` command."""

import sys

from workdiary.cli import main

sys.exit(main())
