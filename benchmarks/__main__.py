"""`python -m benchmarks`: run every benchmark; exit 1 if any misses its floor."""

import sys

from benchmarks import core, desktop, pack


def main() -> int:
    results = core.run() + desktop.run() + pack.run()
    for result in results:
        print(result.line())
    return 0 if all(result.within_floor for result in results) else 1


sys.exit(main())
