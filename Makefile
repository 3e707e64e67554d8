# The two commands of the README: `make run` and `make test`. Both set up what is missing first:
# the Debian libraries Qt needs (when running as root on Debian) and the virtualenv in .venv.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed

.PHONY: run test lint bench system-deps gui-system-deps clean

run: gui-system-deps $(INSTALLED)
	$(PY) -m workdiary

test: system-deps $(INSTALLED) lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

lint: $(INSTALLED)
	$(VENV)/bin/ruff check workdiary tests benchmarks
	$(VENV)/bin/ruff format --check workdiary tests benchmarks
	$(VENV)/bin/mypy

bench: system-deps $(INSTALLED)
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks

# The libraries Qt loads even offscreen.
system-deps:
	@sh scripts/install-debian-deps.sh qt

# ... plus the X11 (xcb) libraries a real window needs.
gui-system-deps:
	@sh scripts/install-debian-deps.sh qt gui

$(INSTALLED): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
