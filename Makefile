# COP Hub: `make run` serves the demo site on SQLite, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: run test lint format translations messages bench audit lock clean

run: $(INSTALLED) .env translations
	$(BIN)/cophub migrate --noinput
	$(BIN)/cophub loaddemo
	$(BIN)/cophub collectstatic --noinput --verbosity 0
	$(BIN)/cophub serve

# One test process per core (pytest-xdist); each file stays in one process, each process has a
# test database of its own. TEST_PROCESSES=0 runs in one process.
TEST_PROCESSES ?= auto

test: export DJANGO_ENV = test
test: $(INSTALLED) translations lint
	$(BIN)/pytest -n $(TEST_PROCESSES) --dist loadfile

lint: $(INSTALLED)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

format: $(INSTALLED)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

translations: export DJANGO_ENV ?= test
translations: $(INSTALLED)
	$(BIN)/cophub compiletranslations

# Refresh the .po catalogs from the code (needs GNU gettext's xgettext, a developer's tool).
messages: $(INSTALLED)
	for app in cophub/*/; do if [ -d "$$app/locale" ]; then (cd $$app && DJANGO_ENV=test ../../$(BIN)/cophub makemessages -l ar -l zh -l en -l fr -l ru -l es --no-obsolete --no-location); fi; done

bench: $(INSTALLED) translations
	$(BIN)/python bench/run.py

# Every dependency, test tools and build backend included, at the version and hash the lock file
# pins; then COP Hub itself, built with those pinned tools. The lock is complete, so pip's resolver
# is kept out of it (--no-deps): a release on the registry after the lock was made cannot change
# what is installed. `pip check` then proves the pinned set is consistent.
$(INSTALLED): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python -m pip check || { echo "The pinned packages do not fit together: run 'make lock' and commit requirements.lock." >&2; exit 1; }
	touch $@

# Pin what pyproject.toml asks for (and the build backend, setuptools) to exact versions with
# their hashes, for CPython 3.11 on Linux.
lock: $(INSTALLED)
	echo "setuptools>=69" | $(BIN)/uv pip compile pyproject.toml - --extra test --generate-hashes \
	  --python-version 3.11 --python-platform linux --custom-compile-command "make lock" \
	  --quiet -o requirements.lock

# bandit on the code, pip-audit on the pinned dependencies (.ci/supply-chain says what fails).
audit: $(INSTALLED)
	$(BIN)/python .ci/supply-chain

# A secret key of this machine's own for the local demo; production sets SECRET_KEY itself.
.env:
	$(PYTHON) -c "import secrets; print('DJANGO_ENV=development'); print('SECRET_KEY=' + secrets.token_urlsafe(50))" > $@

clean:
	rm -rf $(VENV) var build *.egg-info
