"""Work Diary: a private, tamper-evident weekly record of workload."""

# The one place the version is written: pyproject.toml reads it from here when the package is
# built, and the app, the command line and every evidence pack print it without scanning the
# installed packages' metadata at start-up.
__version__ = "0.1.0"
