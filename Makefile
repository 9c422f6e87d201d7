# The two commands of the README: `make run` and `make test`. Everything else is a helper for them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
EXAMPLE := isnad/examples/geneva_defection.txt

.PHONY: run test install install-test shared-data bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[serve]'

# torch is pinned to the CPU build first: only the test of the optional transformer tagger needs it.
install-test: $(BIN)/python
	$(BIN)/pip install --quiet 'torch==2.13.0'
	$(BIN)/pip install --quiet -e '.[test,ner-transformer]'

# Analyse the example and print the summary, then keep it in the default store and list the stored events.
run: install
	$(BIN)/isnad analyze $(EXAMPLE) --published 2026-01-20 --format text
	$(BIN)/isnad ingest isnad/examples --published 2026-01-20
	$(BIN)/isnad events --limit 20

# The tests need Chromium (dashboard) and a PostgreSQL server on loopback (store parity): both are
# installed from Debian's packages when missing, and the server is stopped afterwards.
# pytest exits 5 when no test ran: that is a failure too.
# The quality gates score the project on the public reference data (ANERcorp, the Arabic event GSR).
# It is looked for in $ISNAD_SHARED_DATA, beside the project (../shared/data), then beside the local
# checkout this one was cloned from (a clone made in a temporary folder finds it there).
ORIGIN_DATA := $(shell o=$$(git config --get remote.origin.url 2>/dev/null); [ -d "$$o/../shared/data" ] && cd "$$o/../shared/data" && pwd)
SHARED_DATA := $(or $(ISNAD_SHARED_DATA),$(wildcard $(abspath ../shared/data)),$(ORIGIN_DATA),$(abspath ../shared/data))

shared-data:
	@test -d "$(SHARED_DATA)" || { echo "reference data not found at $(SHARED_DATA): put it beside the project (../shared/data) or set ISNAD_SHARED_DATA" >&2; exit 1; }

test: shared-data install-test
	bash scripts/ci-browser.sh
	eval "$$(bash scripts/ci-services.sh)"; \
	ISNAD_SHARED_DATA="$(SHARED_DATA)" $(BIN)/python -m pytest -q; status=$$?; \
	bash scripts/ci-services.sh stop "$$ISNAD_TEST_PG_DIR"; \
	if [ $$status -eq 5 ]; then echo "no tests ran" >&2; exit 1; fi; exit $$status

bench: install
	$(BIN)/isnad bench

clean:
	rm -rf $(VENV) build *.egg-info
